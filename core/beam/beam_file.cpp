#include "beam/beam_file.h"

#include "beam/inflate.h"
#include "etf/etf.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>

namespace rs::beam {

namespace {

// zlib's deflate never expands data by more than this factor (its theoretical best is 1032:1).
constexpr qsizetype MaxDeflateRatio = 1032;

quint32 readU32(QByteArrayView bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.data() + at);
}

QString chunkName(QByteArrayView id)
{
    QString name;
    for (const char c : id)
        name += c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : QChar(u'?');
    return name;
}

// An unsigned integer in the compiler's compact term encoding (beam_asm:encode/2) with the `u`
// tag: OTP 28 and later store atom lengths this way. Returns false when truncated or malformed.
bool readCompactUnsigned(QByteArrayView d, qsizetype &at, quint64 &value)
{
    if (at >= d.size())
        return false;
    const quint8 first = quint8(d[at++]);
    if ((first & 0x07) != 0) // the tag bits: 0 is `u`
        return false;
    if ((first & 0x08) == 0) { // 4-bit value
        value = first >> 4;
        return true;
    }
    if ((first & 0x10) == 0) { // 11-bit value: 3 bits here, 8 in the next byte
        if (at >= d.size())
            return false;
        value = (quint64(first & 0xe0) << 3) | quint8(d[at++]);
        return true;
    }
    if ((first >> 5) == 7)
        return false;                          // more than 8 bytes of value follow: no atom is that long
    const qsizetype length = (first >> 5) + 2; // 2..8 big-endian bytes follow
    if (length > d.size() - at)
        return false;
    value = 0;
    for (qsizetype i = 0; i < length; ++i)
        value = (value << 8) | quint8(d[at++]);
    return true;
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

Expected<BeamFile> BeamFile::parse(const QByteArray &input, const QString &fileName)
{
    BeamFile beam;
    beam.m_fileName = fileName;
    if (input.size() > MaxBeamSize)
        return beam.error(QStringLiteral("too large for a .beam file (%1 bytes)").arg(input.size()));

    QByteArray inflated;
    QByteArrayView bytes = input;
    if (input.startsWith("\x1f\x8b")) {
        // Like beam_lib and the code loader, accept a gzip-compressed module.
        QString why;
        if (!detail::inflateAll(input, detail::Container::Gzip, MaxBeamSize, inflated, why))
            return beam.error(QStringLiteral("not a BEAM file: gzip-compressed, but %1").arg(why));
        bytes = inflated;
    }

    if (bytes.size() < 12 || !bytes.startsWith("FOR1") || bytes.sliced(8, 4) != "BEAM")
        return beam.error(QStringLiteral("not a BEAM file: it does not start with FOR1 ... BEAM"));
    const qsizetype formSize = readU32(bytes, 4);
    if (formSize < 4)
        return beam.error(
            QStringLiteral("corrupt BEAM file: the header declares a form of %1 bytes").arg(formSize));
    if (formSize > bytes.size() - 8)
        return beam.error(QStringLiteral("truncated BEAM file: the header declares %1 bytes, but only %2 "
                                         "follow it")
                              .arg(formSize)
                              .arg(bytes.size() - 8));
    const qsizetype end = formSize + 8; // bytes after the form are ignored, as the loader does
    qsizetype at = 12;
    while (at < end) {
        if (end - at < 8)
            return beam.error(
                QStringLiteral("corrupt BEAM file: %1 stray bytes at byte %2 where a chunk header "
                               "should be")
                    .arg(end - at)
                    .arg(at));
        const QByteArrayView id = bytes.sliced(at, 4);
        const qsizetype size = readU32(bytes, at + 4);
        if (size > end - at - 8)
            return beam.error(
                QStringLiteral("chunk %1 at byte %2 declares %3 bytes, past the end of the file")
                    .arg(chunkName(id))
                    .arg(at)
                    .arg(size));
        beam.m_chunks.push_back({id.toByteArray(), bytes.sliced(at + 8, size).toByteArray()});
        // The last chunk's padding may be missing; beam_lib accepts that too.
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
    const QByteArrayView d = c->data;
    if (d.size() < 4)
        return error(QStringLiteral("truncated atom table"));
    // OTP 28 and later store a negated count and lengths in the compact term encoding, so that an
    // atom may take more than 255 bytes of UTF-8; earlier releases one byte per length.
    const qint64 declared = qint32(readU32(d, 0));
    const bool compactLengths = declared < 0;
    const qint64 count = compactLengths ? -declared : declared;
    // Every atom takes at least its length byte: a larger count is a lie, refused before any work.
    if (count > d.size() - 4)
        return error(QStringLiteral("the atom table declares %1 atoms in %2 bytes").arg(count).arg(d.size()));
    QStringList atoms;
    atoms.reserve(qsizetype(count));
    qsizetype at = 4;
    for (qint64 i = 0; i < count; ++i) {
        quint64 length = 0;
        if (compactLengths) {
            if (!readCompactUnsigned(d, at, length))
                return error(QStringLiteral("corrupt atom table: atom %1 has no valid length").arg(i + 1));
        } else {
            if (at + 1 > d.size())
                return error(QStringLiteral("truncated atom table"));
            length = quint8(d[at++]);
        }
        if (length > quint64(d.size() - at))
            return error(QStringLiteral("truncated atom table"));
        const QByteArrayView name = d.sliced(at, qsizetype(length));
        atoms << (utf8 ? QString::fromUtf8(name) : QString::fromLatin1(name));
        at += qsizetype(length);
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

Expected<std::vector<QByteArray>> BeamFile::literalTable() const
{
    const Chunk *c = chunk("LitT");
    if (!c)
        return std::vector<QByteArray>{};
    const QByteArrayView d = c->data;
    if (d.size() < 4)
        return error(QStringLiteral("truncated literal table"));
    const qsizetype size = readU32(d, 0);
    if (size > MaxLiteralTableSize)
        return error(
            QStringLiteral("literal table declares %1 bytes, more than a module can have").arg(size));
    // The chunk is the uncompressed size and a zlib stream; a zero size means that the table
    // follows uncompressed.
    QByteArray inflated;
    QByteArrayView table = d.sliced(4);
    if (size != 0) {
        if (size > table.size() * MaxDeflateRatio + 64)
            return error(QStringLiteral("literal table declares %1 bytes, more than its %2 compressed "
                                        "bytes can hold")
                             .arg(size)
                             .arg(table.size()));
        QString why;
        if (!detail::inflateAll(table, detail::Container::Zlib, size, inflated, why))
            return error(QStringLiteral("the literal table does not decompress: %1").arg(why));
        if (inflated.size() != size)
            return error(QStringLiteral("the literal table declares %1 bytes, but decompresses to %2")
                             .arg(size)
                             .arg(inflated.size()));
        table = inflated;
    }
    if (table.size() < 4)
        return error(QStringLiteral("truncated literal table"));
    const quint32 count = readU32(table, 0);
    // Every literal takes at least its 4-byte length and a version byte.
    if (count > quint64(table.size() - 4) / 5)
        return error(QStringLiteral("the literal table declares %1 literals in %2 bytes")
                         .arg(count)
                         .arg(table.size()));
    std::vector<QByteArray> literals;
    literals.reserve(count);
    qsizetype at = 4;
    for (quint32 i = 0; i < count; ++i) {
        if (at + 4 > table.size())
            return error(QStringLiteral("truncated literal table"));
        const qsizetype length = readU32(table, at);
        if (length > table.size() - at - 4)
            return error(QStringLiteral("truncated literal table"));
        literals.push_back(table.sliced(at + 4, length).toByteArray());
        at += 4 + length;
    }
    if (at != table.size())
        return error(QStringLiteral("%1 stray bytes after the literal table").arg(table.size() - at));
    return literals;
}

Expected<std::vector<term::Term>> BeamFile::literals() const
{
    const auto table = literalTable();
    if (!table)
        return table.error();
    std::vector<term::Term> literals;
    literals.reserve(table->size());
    for (size_t i = 0; i < table->size(); ++i) {
        auto literal = etf::decode((*table)[i]);
        if (!literal)
            return error(QStringLiteral("literal %1: %2").arg(i).arg(literal.error().message));
        literals.push_back(std::move(literal).value());
    }
    return literals;
}

Finding BeamFile::error(const QString &message) const
{
    return Finding::error(message, {m_fileName, 0, 0});
}

} // namespace rs::beam
