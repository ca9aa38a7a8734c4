#include "diff/release_source.h"

#include "archive/archive_reader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace rs::diff {

using archive::ArchiveEntry;
using archive::EntryType;

namespace {

constexpr qint64 DirectoryChunk = 256 * 1024;

Finding cancelled(const QString &path)
{
    return Finding::error(QStringLiteral("cancelled"), SourceLocation{path});
}

class ArchiveChunks final : public ChunkReader
{
public:
    explicit ArchiveChunks(archive::ArchiveReader &reader) : m_reader(reader) {}
    Expected<QByteArray> readChunk() override { return m_reader.readChunk(); }

private:
    archive::ArchiveReader &m_reader;
};

class FileChunks final : public ChunkReader
{
public:
    FileChunks(const QString &path, qint64 size, qint64 &done, qint64 total, const QString &member,
               jobs::Monitor &monitor)
        : m_file(path), m_left(size), m_done(done), m_total(total), m_member(member), m_monitor(monitor)
    {
    }

    Expected<QByteArray> readChunk() override
    {
        if (m_left <= 0 || m_failed)
            return QByteArray();
        if (m_monitor.isCancelled())
            return cancelled(m_file.fileName());
        if (!m_file.isOpen() && !m_file.open(QIODevice::ReadOnly)) {
            m_failed = true;
            return Finding::error(QStringLiteral("cannot read: %1").arg(m_file.errorString()),
                                  SourceLocation{m_file.fileName()});
        }
        QByteArray chunk = m_file.read(std::min(m_left, DirectoryChunk));
        if (chunk.isEmpty()) {
            m_failed = true;
            return Finding::error(QStringLiteral("the file shrank while it was read"),
                                  SourceLocation{m_file.fileName()});
        }
        m_left -= chunk.size();
        m_done += chunk.size();
        m_monitor.report({m_done, m_total, m_member});
        return chunk;
    }

    // The bytes not read by the visitor still count as done.
    void finish()
    {
        m_done += std::max<qint64>(0, m_left);
        m_left = 0;
    }

private:
    QFile m_file;
    qint64 m_left;
    qint64 &m_done;
    qint64 m_total;
    const QString &m_member;
    jobs::Monitor &m_monitor;
    bool m_failed = false;
};

struct DirMember
{
    QString absolute;
    ArchiveEntry entry;
};

Expected<SourceWalk> walkDirectory(const QString &given, const MemberVisitor &visit, jobs::Monitor &monitor)
{
    const QString root = QFileInfo(given).absoluteFilePath();
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    const QDir base(root);
    std::vector<DirMember> members;
    qint64 total = 0;
    while (it.hasNext()) {
        if (monitor.isCancelled())
            return cancelled(root);
        DirMember m;
        m.absolute = it.next();
        const QByteArray native = QFile::encodeName(m.absolute);
        struct stat st;
        if (::lstat(native.constData(), &st) != 0)
            continue; // gone since it was listed
        ArchiveEntry &e = m.entry;
        e.path = base.relativeFilePath(m.absolute);
        e.mode = quint32(st.st_mode);
        e.mtime = qint64(st.st_mtime);
        e.uid = quint32(st.st_uid);
        e.gid = quint32(st.st_gid);
        if (S_ISREG(st.st_mode)) {
            e.type = EntryType::File;
            e.size = qint64(st.st_size);
            total += e.size;
        } else if (S_ISDIR(st.st_mode)) {
            e.type = EntryType::Directory;
        } else if (S_ISLNK(st.st_mode)) {
            e.type = EntryType::Symlink;
            QByteArray target(qsizetype(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
            const ssize_t n = ::readlink(native.constData(), target.data(), size_t(target.size()));
            if (n >= 0)
                e.linkTarget = QFile::decodeName(target.left(qsizetype(n)));
        } else {
            e.type = EntryType::Other;
        }
        members.push_back(std::move(m));
    }
    std::sort(members.begin(), members.end(),
              [](const DirMember &a, const DirMember &b) { return a.entry.path < b.entry.path; });
    SourceWalk walk;
    walk.format = QStringLiteral("directory");
    qint64 done = 0;
    monitor.report({0, total, QString()});
    for (const DirMember &m : members) {
        if (monitor.isCancelled())
            return cancelled(root);
        FileChunks chunks(m.absolute, m.entry.type == EntryType::File ? m.entry.size : 0, done, total,
                          m.entry.path, monitor);
        ++walk.members;
        const bool more = visit(m.entry, chunks);
        chunks.finish();
        if (monitor.isCancelled())
            return cancelled(root);
        if (!more)
            return walk;
    }
    monitor.report({total, total, QString()});
    return walk;
}

} // namespace

Expected<SourceWalk> walkSource(const QString &path, const MemberVisitor &visit, jobs::Monitor &monitor)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Finding::error(QStringLiteral("no such file or directory"), SourceLocation{path});
    if (info.isDir())
        return walkDirectory(path, visit, monitor);
    SourceWalk walk;
    const auto visited = archive::forEachEntry(
        path,
        [&](const ArchiveEntry &entry, archive::ArchiveReader &reader) {
            if (walk.format.isEmpty())
                walk.format = reader.formatName();
            ArchiveChunks chunks(reader);
            return visit(entry, chunks);
        },
        monitor);
    if (!visited)
        return visited.error();
    walk.members = *visited;
    if (walk.format.isEmpty()) {
        // An empty archive: its format is still worth naming.
        if (auto reader = archive::ArchiveReader::open(path))
            walk.format = reader->formatName();
    }
    return walk;
}

} // namespace rs::diff
