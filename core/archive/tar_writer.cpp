#include "archive/tar_writer.h"

#include "archive/gzip_parallel.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <map>

namespace rs::archive {

namespace {

constexpr qint64 blockSize = 512;

// Field offsets and widths of a ustar header (erl_tar.hrl).
constexpr int nameOffset = 0, nameLength = 100;
constexpr int modeOffset = 100, modeLength = 8;
constexpr int uidOffset = 108, uidLength = 8;
constexpr int gidOffset = 116, gidLength = 8;
constexpr int sizeOffset = 124, sizeLength = 12;
constexpr int mtimeOffset = 136, mtimeLength = 12;
constexpr int checksumOffset = 148, checksumLength = 8;
constexpr int typeOffset = 156;
constexpr int linknameOffset = 157, linknameLength = 100;
constexpr int magicOffset = 257;
constexpr int versionOffset = 263;
constexpr int devmajorOffset = 329, devmajorLength = 8;
constexpr int devminorOffset = 337, devminorLength = 8;
constexpr int prefixOffset = 345, prefixLength = 155;

constexpr char typeRegular = '0';
constexpr char typeDirectory = '5';
constexpr char typePaxHeader = 'x';

// What build_header/2 in erl_tar takes from a #tar_header{}.
struct Header
{
    QString name;
    quint32 mode = 0100644;
    qint64 uid = 0;
    qint64 gid = 0;
    qint64 size = 0;
    qint64 mtime = 0;
    char type = typeRegular;
    QString linkname;
};

bool isAscii(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

// erl_tar's format_octal + zero_pad: at least `width` digits.
QByteArray octal(qint64 value, int width)
{
    QByteArray digits = QByteArray::number(value, 8);
    if (digits.size() < width)
        digits.prepend(QByteArray(width - digits.size(), '0'));
    return digits;
}

void put(QByteArray &block, int offset, const QByteArray &bytes)
{
    std::memcpy(block.data() + offset, bytes.constData(), std::size_t(bytes.size()));
}

// write_octal/4: width-1 zero-padded digits, no terminator (the block is zeroed). Used for
// mode and the checksum.
bool writeOctal(QByteArray &block, int offset, int length, qint64 value)
{
    const QByteArray digits = octal(value, length - 1);
    if (digits.size() >= length)
        return false;
    put(block, offset, digits);
    return true;
}

// write_numeric/6: width-1 zero-padded digits and a NUL; false when it does not fit.
bool writeNumeric(QByteArray &block, int offset, int length, qint64 value)
{
    return value >= 0 && writeOctal(block, offset, length, value);
}

// format_string/2: the ASCII bytes, NUL-terminated when shorter than the field.
void writeString(QByteArray &block, int offset, const QByteArray &ascii)
{
    put(block, offset, ascii);
}

// split_ustar_path/1: a name longer than 100 characters goes into name (its last component)
// and prefix (the rest); nullopt when that is impossible and erl_tar falls back to a pax header.
// One deliberate difference: erl_tar's length check ignores the '/' it inserts between prefix
// components, so for a prefix of exactly 156 bytes it writes past the 155-byte field and readers
// lose its last character; that case takes the pax header here.
std::optional<std::pair<QByteArray, QByteArray>> splitUstarPath(const QString &path)
{
    if (path.size() <= nameLength || !isAscii(path))
        return std::nullopt;
    QList<QByteArray> parts = path.toLatin1().split('/');
    parts.removeAll(QByteArray()); // binary:split(..., [global, trim_all])
    if (parts.isEmpty() || parts.last().size() >= nameLength)
        return std::nullopt;
    const QByteArray name = parts.takeLast();
    if (parts.isEmpty())
        return std::nullopt;
    const QByteArray prefix = parts.join('/');
    if (prefix.size() > prefixLength)
        return std::nullopt;
    return std::make_pair(name, prefix);
}

// build_pax_file/2: "LEN key=value\n" records, LEN counting the whole record in bytes.
QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    const qint64 rest = key.size() + value.size() + 3; // ' ', '=', '\n'
    qint64 length = rest + QByteArray::number(rest).size();
    if (QByteArray::number(length).size() + rest != length)
        length = rest + QByteArray::number(length).size();
    return QByteArray::number(length) + ' ' + key + '=' + value + '\n';
}

// Erlang's filename:dirname/1 and basename/1 on the relative names written here.
QString erlDirname(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QStringLiteral(".") : path.left(slash);
}

QString erlBasename(QString path)
{
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QByteArray toAscii(const QString &s) // to_ascii/1: drops the characters above 127
{
    QByteArray out;
    for (const QChar c : s)
        if (c.unicode() < 0x80)
            out.append(char(c.unicode()));
    return out;
}

Expected<QByteArray> buildHeader(const Header &h);

// build_pax_entry/3: an 'x' member carrying the attributes that do not fit the ustar header.
Expected<QByteArray> buildPaxEntry(const Header &h, const std::map<QByteArray, QByteArray> &attributes)
{
    QByteArray file;
    for (const auto &[key, value] : attributes)
        file += paxRecord(key, value);
    QByteArray name = toAscii(erlDirname(h.name) + QStringLiteral("/PaxHeaders.0/") + erlBasename(h.name));
    if (name.size() > nameLength)
        name.truncate(nameLength - 1);
    Header pax;
    pax.name = QString::fromLatin1(name);
    pax.size = file.size();
    pax.mtime = h.mtime;
    pax.type = typePaxHeader;
    auto header = buildHeader(pax);
    if (!header)
        return header;
    const qint64 padding = (blockSize - file.size() % blockSize) % blockSize;
    return QByteArray(*header + file + QByteArray(padding, '\0'));
}

Expected<QByteArray> buildHeader(const Header &h)
{
    QByteArray block(blockSize, '\0');
    std::map<QByteArray, QByteArray> pax;

    if (h.name.size() > nameLength || !isAscii(h.name))
        pax[QByteArrayLiteral("path")] = h.name.toUtf8();
    else
        writeString(block, nameOffset, h.name.toLatin1());
    writeOctal(block, modeOffset, modeLength, h.mode);
    if (!writeNumeric(block, uidOffset, uidLength, h.uid))
        pax[QByteArrayLiteral("uid")] = QByteArray::number(h.uid);
    if (!writeNumeric(block, gidOffset, gidLength, h.gid))
        pax[QByteArrayLiteral("gid")] = QByteArray::number(h.gid);
    if (!writeNumeric(block, sizeOffset, sizeLength, h.size))
        pax[QByteArrayLiteral("size")] = QByteArray::number(h.size);
    if (!writeNumeric(block, mtimeOffset, mtimeLength, h.mtime))
        return Finding::error(
            QStringLiteral("%1: mtime %2 does not fit a tar header").arg(h.name).arg(h.mtime));
    block[typeOffset] = h.type;
    if (h.linkname.size() > linknameLength || !isAscii(h.linkname))
        pax[QByteArrayLiteral("linkpath")] = h.linkname.toUtf8();
    else
        writeString(block, linknameOffset, h.linkname.toLatin1());
    // uname and gname stay empty; devmajor and devminor are 0.
    writeNumeric(block, devmajorOffset, devmajorLength, 0);
    writeNumeric(block, devminorOffset, devminorLength, 0);
    if (pax.count(QByteArrayLiteral("path"))) {
        if (const auto split = splitUstarPath(h.name)) {
            writeString(block, nameOffset, split->first);
            writeString(block, prefixOffset, split->second);
            pax.erase(QByteArrayLiteral("path"));
        }
    }
    put(block, magicOffset, QByteArray("ustar\0", 6));
    put(block, versionOffset, QByteArrayLiteral("00"));
    qint64 checksum = 0;
    for (int i = 0; i < blockSize; ++i)
        checksum += (i >= checksumOffset && i < checksumOffset + checksumLength) ? ' ' : quint8(block[i]);
    writeOctal(block, checksumOffset, checksumLength, checksum);
    if (pax.empty())
        return block;
    auto entry = buildPaxEntry(h, pax);
    if (!entry)
        return entry;
    return QByteArray(*entry + block);
}

// Relative, '/'-separated, no empty, "." or ".." components: what a release tarball holds.
Expected<QString> checkName(const QString &name, bool directory)
{
    QString n = name;
    if (directory)
        while (n.endsWith(QLatin1Char('/')))
            n.chop(1);
    const auto refuse = [&name](const QString &why) {
        return Finding::error(QStringLiteral("cannot add '%1' to a tar: %2").arg(name, why));
    };
    if (n.isEmpty())
        return refuse(QStringLiteral("empty name"));
    if (n.startsWith(QLatin1Char('/')))
        return refuse(QStringLiteral("absolute name"));
    if (n.contains(QChar(0)))
        return refuse(QStringLiteral("NUL in the name"));
    for (const QString &part : n.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QStringLiteral(".") || part == QStringLiteral(".."))
            return refuse(QStringLiteral("'%1' component").arg(part));
    }
    return directory ? QString(n + QLatin1Char('/')) : n;
}

} // namespace

class TarWriter::Impl
{
public:
    QString path;
    TarOptions options;
    std::unique_ptr<QSaveFile> file;
    std::unique_ptr<detail::ParallelGzip> gzip;
    qint64 written = 0;
    bool closed = false; // finished, cancelled or failed
    std::optional<Finding> failure;

    Finding fail(const QString &message)
    {
        failure = Finding::error(message, SourceLocation{path});
        discard();
        return *failure;
    }

    void discard()
    {
        closed = true;
        gzip.reset();
        if (file) {
            file->cancelWriting();
            file.reset(); // removes the temporary file
        }
    }

    std::optional<Finding> usable() const
    {
        if (failure)
            return failure;
        if (closed)
            return Finding::error(QStringLiteral("the tar is already closed"), SourceLocation{path});
        return std::nullopt;
    }

    bool write(const char *data, qint64 size)
    {
        written += size;
        if (gzip)
            return gzip->write(data, size);
        return file->write(data, size) == size;
    }

    QString writeError() const
    {
        if (gzip && !gzip->errorString().isEmpty() && file->error() == QFileDevice::NoError)
            return gzip->errorString();
        return file->errorString();
    }

    Expected<bool> writeMember(const Header &header, const QByteArray *data)
    {
        auto bytes = buildHeader(header);
        if (!bytes) {
            Finding f = bytes.error();
            f.location = SourceLocation{path};
            return f;
        }
        if (data)
            *bytes += *data + QByteArray((blockSize - data->size() % blockSize) % blockSize, '\0');
        if (!write(bytes->constData(), bytes->size()))
            return fail(QStringLiteral("cannot write %1: %2").arg(header.name, writeError()));
        return true;
    }

    qint64 mtimeOf(qint64 given) const
    {
        if (options.fixedMtime)
            return *options.fixedMtime;
        return given != 0 ? given : QDateTime::currentSecsSinceEpoch();
    }
};

TarWriter::TarWriter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

TarWriter::~TarWriter()
{
    if (m_impl && !m_impl->closed)
        m_impl->discard();
}

Expected<std::unique_ptr<TarWriter>> TarWriter::create(const QString &path, const TarOptions &options)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->options = options;
    impl->file = std::make_unique<QSaveFile>(path);
    if (!impl->file->open(QIODevice::WriteOnly))
        return Finding::error(QStringLiteral("cannot create: %1").arg(impl->file->errorString()),
                              SourceLocation{path});
    if (options.gzip) {
        QSaveFile *file = impl->file.get();
        impl->gzip = std::make_unique<detail::ParallelGzip>(
            options.compressionLevel, options.threads,
            [file](const char *data, qint64 size) { return file->write(data, size) == size; });
    }
    return std::unique_ptr<TarWriter>(new TarWriter(std::move(impl)));
}

Expected<bool> TarWriter::addFile(const QString &name, const QString &sourcePath)
{
    if (auto bad = m_impl->usable())
        return *bad;
    auto checked = checkName(name, false);
    if (!checked)
        return checked.error();
    struct stat st
    {
    };
    const QByteArray native = QFile::encodeName(sourcePath);
    if (::stat(native.constData(), &st) != 0) // follows symlinks, as systools' dereference does
        return Finding::error(
            QStringLiteral("cannot add %1: %2").arg(name, QString::fromLocal8Bit(std::strerror(errno))),
            SourceLocation{sourcePath});
    if (!S_ISREG(st.st_mode))
        return Finding::error(QStringLiteral("cannot add %1: not a regular file").arg(name),
                              SourceLocation{sourcePath});
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return Finding::error(QStringLiteral("cannot add %1: %2").arg(name, source.errorString()),
                              SourceLocation{sourcePath});

    Header header;
    header.name = *checked;
    header.mode = quint32(st.st_mode);
    // A reproducible build does not depend on who owns the files on the building machine.
    const bool reproducible = m_impl->options.fixedMtime.has_value();
    header.uid = reproducible ? 0 : qint64(st.st_uid);
    header.gid = reproducible ? 0 : qint64(st.st_gid);
    header.size = qint64(st.st_size);
    header.mtime = m_impl->options.fixedMtime ? *m_impl->options.fixedMtime : qint64(st.st_mtime);
    auto headerWritten = m_impl->writeMember(header, nullptr);
    if (!headerWritten)
        return headerWritten;

    constexpr qint64 chunk = 1024 * 1024;
    QByteArray buffer(chunk, Qt::Uninitialized);
    qint64 copied = 0;
    while (copied < header.size) {
        const qint64 n = source.read(buffer.data(), std::min(chunk, header.size - copied));
        if (n <= 0)
            return m_impl->fail(
                QStringLiteral("cannot add %1: %2 %3")
                    .arg(name, sourcePath,
                         n < 0 ? source.errorString() : QStringLiteral("shrank while it was being read")));
        if (!m_impl->write(buffer.constData(), n))
            return m_impl->fail(QStringLiteral("cannot write %1: %2").arg(name, m_impl->writeError()));
        copied += n;
    }
    if (!source.atEnd() && source.read(buffer.data(), 1) > 0)
        return m_impl->fail(
            QStringLiteral("cannot add %1: %2 grew while it was being read").arg(name, sourcePath));
    const qint64 padding = (blockSize - header.size % blockSize) % blockSize;
    if (padding > 0 && !m_impl->write(QByteArray(padding, '\0').constData(), padding))
        return m_impl->fail(QStringLiteral("cannot write %1: %2").arg(name, m_impl->writeError()));
    return true;
}

Expected<bool> TarWriter::addData(const QString &name, const QByteArray &data, quint32 mode, qint64 mtime)
{
    if (auto bad = m_impl->usable())
        return *bad;
    auto checked = checkName(name, false);
    if (!checked)
        return checked.error();
    Header header;
    header.name = *checked;
    header.mode = (mode & 0170000) ? mode : (mode | 0100000);
    header.size = data.size();
    header.mtime = m_impl->mtimeOf(mtime);
    return m_impl->writeMember(header, &data);
}

Expected<bool> TarWriter::addDirectory(const QString &name, quint32 mode, qint64 mtime)
{
    if (auto bad = m_impl->usable())
        return *bad;
    auto checked = checkName(name, true);
    if (!checked)
        return checked.error();
    Header header;
    header.name = *checked;
    header.mode = (mode & 0170000) ? mode : (mode | 040000);
    header.type = typeDirectory;
    header.mtime = m_impl->mtimeOf(mtime);
    return m_impl->writeMember(header, nullptr);
}

qint64 TarWriter::bytesWritten() const
{
    return m_impl->written;
}

Expected<bool> TarWriter::finish()
{
    if (auto bad = m_impl->usable())
        return *bad;
    // pad_file/1: the stream is always at a block boundary, so just the two zero blocks.
    const QByteArray end(2 * blockSize, '\0');
    if (!m_impl->write(end.constData(), end.size()))
        return m_impl->fail(QStringLiteral("cannot write: %1").arg(m_impl->writeError()));
    if (m_impl->gzip && !m_impl->gzip->finish())
        return m_impl->fail(QStringLiteral("cannot write: %1").arg(m_impl->writeError()));
    m_impl->gzip.reset();
    if (!m_impl->file->commit())
        return m_impl->fail(QStringLiteral("cannot write: %1").arg(m_impl->file->errorString()));
    m_impl->file.reset();
    m_impl->closed = true;
    return true;
}

void TarWriter::cancel()
{
    if (!m_impl->closed)
        m_impl->discard();
}

} // namespace rs::archive
