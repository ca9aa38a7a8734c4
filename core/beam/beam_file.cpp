#include "beam/beam_file.h"

#include "etf/etf.h"

#include <QFile>
#include <QtEndian>

namespace rs::beam {

namespace {

// Module files are small; these caps keep a hostile file from costing memory.
constexpr qsizetype MaxBeamSize = qsizetype(256) * 1024 * 1024;
constexpr quint32 MaxLiteralTableSize = 64 * 1024 * 1024;

quint32 readU32(const QByteArray &bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.constData() + at);
}

} // namespace

Expected<BeamFile> BeamFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Finding::error(QStringLiteral("cannot read the file: %1").arg(file.errorString()),
                              {path, 0, 0});
    if (file.size() > MaxBeamSize)
        return Finding::error(QStringLiteral("too large for a .beam file (%1 bytes)").arg(file.size()),
                              {path, 0, 0});
    return parse(file.readAll(), path);
}

Expected<BeamFile> BeamFile::parse(const QByteArray &bytes, const QString &fileName)
{
    BeamFile beam;
    beam.m_fileName = fileName;
    if (bytes.size() < 12 || !bytes.startsWith("FOR1") || bytes.mid(8, 4) != "BEAM")
        return beam.error(QStringLiteral("not a BEAM file: it does not start with FOR1 ... BEAM"));
    const qsizetype end = std::min(bytes.size(), qsizetype(readU32(bytes, 4)) + 8);
    qsizetype at = 12;
    while (at + 8 <= end) {
        const QByteArray id = bytes.mid(at, 4);
        const qsizetype size = readU32(bytes, at + 4);
        if (size > end - at - 8)
            return beam.error(QStringLiteral("chunk %1 at byte %2 runs past the end of the file")
                                  .arg(QString::fromLatin1(id))
                                  .arg(at));
        beam.m_chunks.push_back({id, bytes.mid(at + 8, size)});
        at += 8 + ((size + 3) & ~qsizetype(3));
    }
    return beam;
}

const Chunk *BeamFile::chunk(QByteArrayView id) const
{
    for (const Chunk &c : m_chunks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

Expected<QStringList> BeamFile::atoms() const
{
    const Chunk *c = chunk("AtU8");
    const bool utf8 = c != nullptr;
    if (!c)
        c = chunk("Atom");
    if (!c)
        return error(QStringLiteral("no atom table (AtU8 chunk)"));
    const QByteArray &d = c->data;
    if (d.size() < 4)
        return error(QStringLiteral("truncated atom table"));
    // OTP 26+ stores a negated count and two-byte lengths; OTP 25 one-byte lengths.
    qint32 count = qint32(readU32(d, 0));
    const bool longLengths = count < 0;
    count = std::abs(count);
    QStringList atoms;
    qsizetype at = 4;
    for (qint32 i = 0; i < count; ++i) {
        qsizetype length = 0;
        if (longLengths) {
            if (at + 2 > d.size())
                return error(QStringLiteral("truncated atom table"));
            length = qsizetype(qFromBigEndian<quint16>(d.constData() + at));
            at += 2;
        } else {
            if (at + 1 > d.size())
                return error(QStringLiteral("truncated atom table"));
            length = quint8(d[at++]);
        }
        if (at + length > d.size())
            return error(QStringLiteral("truncated atom table"));
        const QByteArray name = d.mid(at, length);
        atoms << (utf8 ? QString::fromUtf8(name) : QString::fromLatin1(name));
        at += length;
    }
    return atoms;
}

Expected<QString> BeamFile::moduleName() const
{
    const auto all = atoms();
    if (!all)
        return all.error();
    if (all->isEmpty())
        return error(QStringLiteral("empty atom table"));
    return all->constFirst();
}

Expected<std::vector<term::Term>> BeamFile::literals() const
{
    const Chunk *c = chunk("LitT");
    if (!c)
        return std::vector<term::Term>{};
    if (c->data.size() < 4)
        return error(QStringLiteral("truncated literal table"));
    const quint32 size = readU32(c->data, 0);
    if (size > MaxLiteralTableSize)
        return error(
            QStringLiteral("literal table declares %1 bytes, more than a module can have").arg(size));
    // A zero size means the table is stored uncompressed (newer compilers); otherwise the chunk is
    // exactly qUncompress's input: a big-endian size and a zlib stream.
    const QByteArray table = size == 0 ? c->data.mid(4) : qUncompress(c->data);
    if (size != 0 && table.size() != qsizetype(size))
        return error(QStringLiteral("the literal table does not decompress"));
    if (table.size() < 4)
        return error(QStringLiteral("truncated literal table"));
    const quint32 count = readU32(table, 0);
    std::vector<term::Term> literals;
    qsizetype at = 4;
    for (quint32 i = 0; i < count; ++i) {
        if (at + 4 > table.size())
            return error(QStringLiteral("truncated literal table"));
        const qsizetype length = readU32(table, at);
        if (length > table.size() - at - 4)
            return error(QStringLiteral("truncated literal table"));
        auto literal = etf::decode(QByteArrayView(table).sliced(at + 4, length));
        if (!literal)
            return error(QStringLiteral("literal %1: %2").arg(i).arg(literal.error().message));
        literals.push_back(std::move(literal).value());
        at += 4 + length;
    }
    return literals;
}

Finding BeamFile::error(const QString &message) const
{
    return Finding::error(message, {m_fileName, 0, 0});
}

} // namespace rs::beam
