#include "archive/archive_reader.h"

#include <QFile>
#include <QFileInfo>

// libarchive's own headers; this project's archive_entry.h is only reachable as
// "archive/archive_entry.h".
#include <archive.h>
#include <archive_entry.h>

#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>
#include <unzip.h>

#include <sys/stat.h>

#include <cstring>

namespace rs::archive {

namespace {

constexpr qint64 chunkSize = 64 * 1024;
constexpr qint64 maxZipSymlinkTarget = 4096;

Finding cancelledFinding(const QString &archivePath)
{
    return Finding::error(QStringLiteral("cancelled"), SourceLocation{archivePath});
}

// Strict UTF-8 (no overlongs, surrogates or code points above U+10FFFF); each byte that is not
// part of a valid sequence becomes "\xNN" and clears *valid.
QString decodeName(const char *bytes, qsizetype size, bool *valid)
{
    QString out;
    out.reserve(size);
    const auto *b = reinterpret_cast<const uchar *>(bytes);
    qsizetype i = 0;
    while (i < size) {
        const uchar c = b[i];
        if (c < 0x80) {
            out.append(QLatin1Char(char(c)));
            ++i;
            continue;
        }
        int length = 0;
        char32_t cp = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, cp = c & 0x1F, minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, cp = c & 0x0F, minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, cp = c & 0x07, minimum = 0x10000;
        }
        bool good = length > 0 && i + length <= size;
        for (int k = 1; good && k < length; ++k) {
            const uchar d = b[i + k];
            if ((d & 0xC0) != 0x80)
                good = false;
            else
                cp = (cp << 6) | (d & 0x3F);
        }
        if (good && (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            good = false;
        if (good) {
            out.append(QString::fromUcs4(&cp, 1));
            i += length;
        } else {
            out.append(QStringLiteral("\\x") +
                       QString::number(c, 16).toUpper().rightJustified(2, QLatin1Char('0')));
            *valid = false;
            ++i;
        }
    }
    return out;
}

QString decodeName(const char *bytes, bool *valid)
{
    return bytes ? decodeName(bytes, qsizetype(std::strlen(bytes)), valid) : QString();
}

struct ReadDeleter
{
    void operator()(struct archive *a) const noexcept { archive_read_free(a); }
};
using ReadHandle = std::unique_ptr<struct archive, ReadDeleter>;

} // namespace

class ArchiveReader::Backend
{
public:
    virtual ~Backend() = default;
    virtual Expected<std::optional<ArchiveEntry>> next() = 0;
    virtual Expected<QByteArray> readChunk() = 0;
    virtual qint64 compressedBytesRead() const = 0;
    virtual QString formatName() const = 0;

    QString path;
    qint64 size = 0;
    jobs::Monitor *monitor = nullptr;
    QString member; // the current member's path, for messages
    bool atEnd = false;

    Finding error(const QString &what) const
    {
        return Finding::error(member.isEmpty() ? what : QStringLiteral("member '%1': %2").arg(member, what),
                              SourceLocation{path});
    }
    // For errors reading a header: the member before it is the last one known.
    Finding headerError(const QString &what) const
    {
        return Finding::error(member.isEmpty() ? what
                                               : QStringLiteral("after member '%1': %2").arg(member, what),
                              SourceLocation{path});
    }
};

namespace {

// tar and compressed tar, through libarchive.
class LibarchiveBackend final : public ArchiveReader::Backend
{
public:
    Expected<bool> open()
    {
        m_archive.reset(archive_read_new());
        if (!m_archive)
            return Finding::error(QStringLiteral("out of memory"), SourceLocation{path});
        struct archive *a = m_archive.get();
        // Only tar: a zip or cpio behind a .tar.gz name is not a release tarball. Only the
        // filters libarchive has built in, none that would run an external program.
        archive_read_support_format_tar(a);
        archive_read_support_filter_gzip(a);
        archive_read_support_filter_bzip2(a);
        archive_read_support_filter_xz(a);
        archive_read_support_filter_lzma(a);
        archive_read_support_filter_zstd(a);
        archive_read_support_filter_lz4(a);
        archive_read_support_filter_compress(a);
        const QByteArray native = QFile::encodeName(path);
        if (archive_read_open_filename(a, native.constData(), std::size_t(chunkSize)) != ARCHIVE_OK)
            return Finding::error(QStringLiteral("cannot open: %1").arg(lastError()), SourceLocation{path});
        return true;
    }

    Expected<std::optional<ArchiveEntry>> next() override
    {
        if (atEnd)
            return std::optional<ArchiveEntry>();
        struct archive_entry *e = nullptr;
        const int rc = archive_read_next_header(m_archive.get(), &e);
        if (rc == ARCHIVE_EOF) {
            atEnd = true;
            member.clear();
            return std::optional<ArchiveEntry>();
        }
        // ARCHIVE_WARN is kept (e.g. a name libarchive could not convert to the locale: the raw
        // bytes are used below). RETRY means a damaged header it would skip over: refused.
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
            return headerError(lastError());
        ArchiveEntry entry;
        bool valid = true;
        const char *name = archive_entry_pathname_utf8(e);
        entry.path = decodeName(name ? name : archive_entry_pathname(e), &valid);
        entry.size = archive_entry_size_is_set(e) ? qint64(archive_entry_size(e)) : 0;
        entry.mode = quint32(archive_entry_mode(e));
        entry.mtime = qint64(archive_entry_mtime(e));
        entry.uid = quint32(archive_entry_uid(e));
        entry.gid = quint32(archive_entry_gid(e));
        if (archive_entry_hardlink(e)) {
            entry.type = EntryType::Hardlink;
            const char *target = archive_entry_hardlink_utf8(e);
            entry.linkTarget = decodeName(target ? target : archive_entry_hardlink(e), &valid);
        } else {
            switch (archive_entry_filetype(e)) {
            case AE_IFREG:
                entry.type = EntryType::File;
                break;
            case AE_IFDIR:
                entry.type = EntryType::Directory;
                break;
            case AE_IFLNK: {
                entry.type = EntryType::Symlink;
                const char *target = archive_entry_symlink_utf8(e);
                entry.linkTarget = decodeName(target ? target : archive_entry_symlink(e), &valid);
                break;
            }
            default:
                entry.type = EntryType::Other;
                break;
            }
        }
        entry.utf8 = valid;
        member = entry.path;
        return std::optional<ArchiveEntry>(std::move(entry));
    }

    Expected<QByteArray> readChunk() override
    {
        if (atEnd || member.isEmpty())
            return QByteArray();
        QByteArray buffer(chunkSize, Qt::Uninitialized);
        const la_ssize_t n = archive_read_data(m_archive.get(), buffer.data(), std::size_t(buffer.size()));
        if (n < 0)
            return error(lastError());
        buffer.truncate(qsizetype(n));
        return buffer;
    }

    qint64 compressedBytesRead() const override
    {
        return atEnd ? size : qint64(archive_filter_bytes(m_archive.get(), -1));
    }

    QString formatName() const override
    {
        struct archive *a = m_archive.get();
        QString name = QString::fromUtf8(archive_format_name(a));
        if (archive_filter_count(a) > 1 && archive_filter_code(a, 0) != ARCHIVE_FILTER_NONE)
            name += QStringLiteral(", ") + QString::fromUtf8(archive_filter_name(a, 0));
        return name;
    }

private:
    QString lastError() const
    {
        const char *text = archive_error_string(m_archive.get());
        return text ? QString::fromUtf8(text) : QStringLiteral("unknown libarchive error");
    }

    ReadHandle m_archive;
};

// zip and .ez, through QuaZip (minizip underneath).
class ZipBackend final : public ArchiveReader::Backend
{
public:
    Expected<bool> open(const QByteArray &head)
    {
        // An empty zip is only the end-of-central-directory record, which minizip refuses.
        if (head.startsWith("PK\x05\x06") && head.size() >= 22 && head.at(10) == 0 && head.at(11) == 0) {
            atEnd = true;
            return true;
        }
        m_zip = std::make_unique<QuaZip>(path);
        if (!m_zip->open(QuaZip::mdUnzip))
            return Finding::error(
                QStringLiteral("cannot open the zip archive (error %1)").arg(m_zip->getZipError()),
                SourceLocation{path});
        return true;
    }

    Expected<std::optional<ArchiveEntry>> next() override
    {
        if (atEnd)
            return std::optional<ArchiveEntry>();
        if (auto closed = closeCurrent(); !closed)
            return closed.error();
        m_done += m_currentCompressed;
        m_currentCompressed = 0;
        const bool more = m_first ? m_zip->goToFirstFile() : m_zip->goToNextFile();
        m_first = false;
        if (!more) {
            const int rc = m_zip->getZipError();
            if (rc != UNZ_OK && rc != UNZ_END_OF_LIST_OF_FILE)
                return headerError(QStringLiteral("bad zip directory (error %1)").arg(rc));
            atEnd = true;
            member.clear();
            return std::optional<ArchiveEntry>();
        }
        unz_file_info64 info{};
        QByteArray rawName(65536, '\0');
        if (unzGetCurrentFileInfo64(m_zip->getUnzFile(), &info, rawName.data(), uLong(rawName.size()),
                                    nullptr, 0, nullptr, 0) != UNZ_OK)
            return headerError(QStringLiteral("bad zip directory entry"));
        rawName.truncate(qsizetype(std::min<ZPOS64_T>(info.size_filename, ZPOS64_T(rawName.size()))));
        QuaZipFileInfo64 quazipInfo;
        m_zip->getCurrentFileInfo(&quazipInfo);

        ArchiveEntry entry;
        bool valid = true;
        entry.path = decodeName(rawName.constData(), rawName.size(), &valid);
        entry.size = qint64(info.uncompressed_size);
        m_currentCompressed = qint64(info.compressed_size);
        const bool unixHost = (info.version >> 8) == 3;
        const quint32 unixMode = unixHost ? quint32(info.external_fa >> 16) : 0;
        const quint32 fileType = unixMode & S_IFMT;
        if (fileType == S_IFLNK) {
            entry.type = EntryType::Symlink;
        } else if (fileType == S_IFDIR || (fileType == 0 && rawName.endsWith('/'))) {
            entry.type = EntryType::Directory;
        } else if (fileType == S_IFREG || fileType == 0) {
            entry.type = EntryType::File;
        } else {
            entry.type = EntryType::Other;
        }
        if (unixMode != 0)
            entry.mode = fileType != 0
                             ? unixMode
                             : (unixMode | (entry.type == EntryType::Directory ? S_IFDIR : S_IFREG));
        else
            entry.mode = entry.type == EntryType::Directory ? 040755 : 0100644;
        const QDateTime extended = quazipInfo.getExtModTime();
        entry.mtime = (extended.isValid() ? extended : quazipInfo.dateTime).toSecsSinceEpoch();
        member = entry.path;
        if (entry.type == EntryType::Symlink) {
            auto target = readWhole(maxZipSymlinkTarget);
            if (!target)
                return target.error();
            entry.linkTarget = decodeName(target->constData(), target->size(), &valid);
        }
        entry.utf8 = valid;
        m_isFile = entry.type == EntryType::File;
        m_dataDone = !m_isFile;
        return std::optional<ArchiveEntry>(std::move(entry));
    }

    Expected<QByteArray> readChunk() override
    {
        if (atEnd || member.isEmpty() || m_dataDone)
            return QByteArray();
        if (!m_file) {
            m_file = std::make_unique<QuaZipFile>(m_zip.get());
            if (!m_file->open(QIODevice::ReadOnly))
                return error(QStringLiteral("cannot read (zip error %1)").arg(m_file->getZipError()));
        }
        QByteArray buffer(chunkSize, Qt::Uninitialized);
        const qint64 n = m_file->read(buffer.data(), buffer.size());
        if (n < 0 || (n == 0 && m_file->getZipError() != UNZ_OK))
            return error(QStringLiteral("corrupt data (zip error %1)").arg(m_file->getZipError()));
        if (n == 0) {
            m_dataDone = true;
            if (auto closed = closeCurrent(); !closed)
                return closed.error();
        }
        buffer.truncate(n);
        return buffer;
    }

    qint64 compressedBytesRead() const override
    {
        if (atEnd)
            return size;
        qint64 current = 0;
        if (m_file && m_currentCompressed > 0 && m_file->usize() > 0)
            current = qint64(double(m_file->pos()) / double(m_file->usize()) * double(m_currentCompressed));
        return std::min(size, m_done + current);
    }

    QString formatName() const override { return QStringLiteral("ZIP"); }

private:
    // Closes the member being read; minizip checks the CRC when all of it was read.
    Expected<bool> closeCurrent()
    {
        if (!m_file)
            return true;
        m_file->close();
        const int rc = m_file->getZipError();
        m_file.reset();
        if (rc == UNZ_CRCERROR)
            return error(QStringLiteral("CRC mismatch"));
        if (rc != UNZ_OK)
            return error(QStringLiteral("corrupt data (zip error %1)").arg(rc));
        return true;
    }

    Expected<QByteArray> readWhole(qint64 maxBytes)
    {
        m_dataDone = false;
        QByteArray all;
        for (;;) {
            auto chunk = readChunk();
            if (!chunk)
                return chunk;
            if (chunk->isEmpty())
                return all;
            all += *chunk;
            if (all.size() > maxBytes)
                return error(QStringLiteral("symbolic link target longer than %1 bytes").arg(maxBytes));
        }
    }

    std::unique_ptr<QuaZip> m_zip;
    std::unique_ptr<QuaZipFile> m_file;
    bool m_first = true;
    bool m_isFile = false;
    bool m_dataDone = true;
    qint64 m_done = 0;              // compressed sizes of the members before the current one
    qint64 m_currentCompressed = 0; // the current member's compressed size
};

} // namespace

ArchiveReader::ArchiveReader(std::unique_ptr<Backend> backend) : m_backend(std::move(backend)) {}
ArchiveReader::~ArchiveReader() = default;
ArchiveReader::ArchiveReader(ArchiveReader &&) noexcept = default;
ArchiveReader &ArchiveReader::operator=(ArchiveReader &&) noexcept = default;

Expected<ArchiveReader> ArchiveReader::open(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Finding::error(QStringLiteral("cannot open: %1").arg(file.errorString()),
                              SourceLocation{path});
    const QByteArray head = file.read(22);
    const qint64 size = file.size();
    file.close();
    const QByteArray magic = head.left(4);
    const bool zip = magic == QByteArrayLiteral("PK\x03\x04") || magic == QByteArrayLiteral("PK\x05\x06");
    if (zip) {
        auto backend = std::make_unique<ZipBackend>();
        backend->path = path;
        backend->size = size;
        if (auto opened = backend->open(head); !opened)
            return opened.error();
        return ArchiveReader(std::move(backend));
    }
    auto backend = std::make_unique<LibarchiveBackend>();
    backend->path = path;
    backend->size = size;
    if (auto opened = backend->open(); !opened)
        return opened.error();
    return ArchiveReader(std::move(backend));
}

Expected<std::optional<ArchiveEntry>> ArchiveReader::next()
{
    if (m_backend->monitor && m_backend->monitor->isCancelled())
        return cancelledFinding(m_backend->path);
    return m_backend->next();
}

Expected<QByteArray> ArchiveReader::readChunk()
{
    jobs::Monitor *monitor = m_backend->monitor;
    if (monitor && monitor->isCancelled())
        return cancelledFinding(m_backend->path);
    auto chunk = m_backend->readChunk();
    if (monitor && chunk)
        monitor->report({m_backend->compressedBytesRead(), m_backend->size, m_backend->member});
    return chunk;
}

Expected<QByteArray> ArchiveReader::readAll(qint64 maxBytes)
{
    QByteArray all;
    for (;;) {
        auto chunk = readChunk();
        if (!chunk)
            return chunk;
        if (chunk->isEmpty())
            return all;
        if (all.size() + chunk->size() > maxBytes)
            return m_backend->error(QStringLiteral("larger than %1 bytes").arg(maxBytes));
        all += *chunk;
    }
}

void ArchiveReader::setMonitor(jobs::Monitor *monitor)
{
    m_backend->monitor = monitor;
}

qint64 ArchiveReader::compressedBytesRead() const
{
    return m_backend->compressedBytesRead();
}

qint64 ArchiveReader::archiveSize() const
{
    return m_backend->size;
}

QString ArchiveReader::path() const
{
    return m_backend->path;
}

QString ArchiveReader::formatName() const
{
    return m_backend->formatName();
}

Expected<qint64> forEachEntry(const QString &path,
                              const std::function<bool(const ArchiveEntry &, ArchiveReader &)> &visit,
                              jobs::Monitor &monitor)
{
    auto opened = ArchiveReader::open(path);
    if (!opened)
        return opened.error();
    ArchiveReader &reader = *opened;
    reader.setMonitor(&monitor);
    qint64 visited = 0;
    for (;;) {
        if (monitor.isCancelled())
            return cancelledFinding(path);
        auto entry = reader.next();
        if (!entry)
            return entry.error();
        if (!*entry)
            break;
        monitor.report({reader.compressedBytesRead(), reader.archiveSize(), (*entry)->path});
        ++visited;
        const bool more = visit(**entry, reader);
        if (monitor.isCancelled())
            return cancelledFinding(path);
        if (!more)
            return visited;
    }
    monitor.report({reader.archiveSize(), reader.archiveSize(), QString()});
    return visited;
}

bool isCancellation(const Finding &f)
{
    return f.isError() && f.message == QStringLiteral("cancelled");
}

} // namespace rs::archive
