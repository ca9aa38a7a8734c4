#include "archive/safe_extract.h"

#include "archive/archive_reader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace rs::archive {

namespace {

constexpr int maxSymlinkHops = 40; // as the kernel's MAXSYMLINKS

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// A file descriptor that closes itself.
class Fd
{
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(Fd &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    Fd &operator=(Fd &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_fd = std::exchange(other.m_fd, -1);
        }
        return *this;
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    int release() { return std::exchange(m_fd, -1); }
    void reset()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

QByteArray native(const QString &component)
{
    return component.toUtf8(); // Qt 6 uses UTF-8 for file names on Unix; names are checked UTF-8
}

// A member's path as components below the target: "./a//b/" -> {a, b}. Refuses absolute paths
// and "..".
struct SplitPath
{
    QStringList components;
    QString error; // why it is refused
};

SplitPath splitMemberPath(const QString &path)
{
    SplitPath out;
    if (path.startsWith(QLatin1Char('/'))) {
        out.error = QStringLiteral("absolute path");
        return out;
    }
    for (const QString &part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QStringLiteral("."))
            continue;
        if (part == QStringLiteral("..")) {
            out.error = QStringLiteral("'..' in the path");
            return out;
        }
        out.components.append(part);
    }
    return out;
}

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, std::size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

timespec toTimespec(qint64 seconds)
{
    timespec t{};
    t.tv_sec = time_t(seconds);
    return t;
}

class Extraction
{
public:
    Extraction(const QString &archivePath, const QString &targetDir, const QStringList &only,
               const ExtractLimits &limits, jobs::Monitor &monitor)
        : m_archivePath(archivePath), m_targetDir(QDir(targetDir).absolutePath()), m_limits(limits),
          m_monitor(monitor)
    {
        for (const QString &o : only)
            m_only.append(splitMemberPath(o).components.join(QLatin1Char('/')));
    }

    ~Extraction() { rollback(); }

    Expected<ExtractResult> run()
    {
        auto result = extract();
        if (result) { // keep everything
            m_created.clear();
            m_createdRoots.clear();
            m_root.reset();
        } else {
            rollback();
        }
        return result;
    }

private:
    enum class Kind { File, Directory, Symlink };
    struct Created
    {
        QString path; // relative to the target
        Kind kind;
    };
    struct PendingSymlink
    {
        QStringList components;
        QString target;
        QString member;
        qint64 mtime = 0;
    };
    struct DirectoryAttributes
    {
        QString path;
        quint32 mode = 0755;
        qint64 mtime = -1; // -1: leave it
    };

    Finding refuse(const QString &member, const QString &why) const
    {
        return Finding::error(QStringLiteral("member '%1': %2").arg(member, why),
                              SourceLocation{m_archivePath});
    }
    Finding cancelled() const
    {
        return Finding::error(QStringLiteral("cancelled"), SourceLocation{m_archivePath});
    }

    bool selected(const QString &relative) const
    {
        if (m_only.isEmpty())
            return true;
        for (const QString &o : m_only)
            if (o.isEmpty() || relative == o || relative.startsWith(o + QLatin1Char('/')))
                return true;
        return false;
    }

    qint64 allowedBytes() const
    {
        const double byRatio = m_limits.maxExpansionRatio * double(std::max<qint64>(m_archiveSize, 1));
        const qint64 ratioBytes = byRatio >= 9.0e18 ? std::numeric_limits<qint64>::max() : qint64(byRatio);
        return std::min(m_limits.maxTotalBytes, std::max(m_limits.expansionAllowance, ratioBytes));
    }

    // Checks that `more` bytes may still be written; the finding explains which limit is hit.
    std::optional<Finding> checkLimits(const QString &member, qint64 more) const
    {
        const qint64 total = m_result.bytes + more;
        if (total > m_limits.maxTotalBytes)
            return refuse(member, QStringLiteral("extracting it would exceed the limit of %1 bytes in total")
                                      .arg(m_limits.maxTotalBytes));
        if (total > allowedBytes())
            return refuse(member,
                          QStringLiteral("extracting it would exceed %1 times the archive's size of %2 "
                                         "bytes (%3 bytes)")
                              .arg(m_limits.maxExpansionRatio)
                              .arg(m_archiveSize)
                              .arg(total));
        return std::nullopt;
    }

    Expected<bool> prepareTarget()
    {
        QString missing = m_targetDir;
        QStringList toCreate;
        while (!QFileInfo::exists(missing)) {
            toCreate.prepend(missing);
            const QString parent = QFileInfo(missing).path();
            if (parent == missing)
                break;
            missing = parent;
        }
        for (const QString &dir : std::as_const(toCreate)) {
            if (::mkdir(QFile::encodeName(dir).constData(), 0755) == 0)
                m_createdRoots.prepend(dir);
            else if (errno != EEXIST)
                return Finding::error(QStringLiteral("cannot create %1: %2").arg(dir, errnoText(errno)),
                                      SourceLocation{m_archivePath});
        }
        m_root = Fd(::open(QFile::encodeName(m_targetDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!m_root.valid())
            return Finding::error(QStringLiteral("cannot open %1: %2").arg(m_targetDir, errnoText(errno)),
                                  SourceLocation{m_archivePath});
        return true;
    }

    // Opens the directory `components` below the target, one component at a time without
    // following symlinks, creating the missing ones when asked.
    Expected<Fd> openDirectory(const QStringList &components, const QString &member, bool create)
    {
        Fd current(::openat(m_root.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!current.valid())
            return refuse(member, QStringLiteral("cannot open the target: %1").arg(errnoText(errno)));
        QString prefix;
        for (const QString &component : components) {
            prefix = prefix.isEmpty() ? component : prefix + QLatin1Char('/') + component;
            if (m_symlinks.contains(prefix))
                return refuse(member,
                              QStringLiteral("its path goes through the symbolic link '%1'").arg(prefix));
            const QByteArray name = native(component);
            int fd =
                ::openat(current.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0 && errno == ENOENT && create) {
                if (::mkdirat(current.get(), name.constData(), 0700) != 0)
                    return refuse(
                        member,
                        QStringLiteral("cannot create directory '%1': %2").arg(prefix, errnoText(errno)));
                m_created.push_back({prefix, Kind::Directory});
                m_kinds.insert(prefix, Kind::Directory);
                m_directoryIndex.insert(prefix, m_directories.size());
                m_directories.push_back({prefix, 0755, -1});
                fd = ::openat(current.get(), name.constData(),
                              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            }
            if (fd < 0) {
                if (errno == ELOOP || errno == ENOTDIR)
                    return refuse(member,
                                  QStringLiteral("'%1' is a symbolic link or not a directory").arg(prefix));
                return refuse(member,
                              QStringLiteral("cannot open directory '%1': %2").arg(prefix, errnoText(errno)));
            }
            current = Fd(fd);
        }
        return current;
    }

    Expected<bool> extractDirectory(const ArchiveEntry &entry, const QStringList &components)
    {
        if (components.isEmpty())
            return true; // "./": the target itself
        const QString relative = components.join(QLatin1Char('/'));
        auto dir = openDirectory(components, entry.path, true);
        if (!dir)
            return dir.error();
        const auto index = m_directoryIndex.constFind(relative);
        if (index != m_directoryIndex.cend()) { // created by this call: it gets the member's mode
            m_directories[std::size_t(*index)].mode = entry.mode & 0777;
            m_directories[std::size_t(*index)].mtime = entry.mtime;
        }
        return true;
    }

    // Opens a new file for the member, replacing only a file this same call extracted.
    Expected<Fd> createFile(const QString &member, const QStringList &components, Fd &parent)
    {
        const QString relative = components.join(QLatin1Char('/'));
        if (m_symlinks.contains(relative))
            return refuse(member, QStringLiteral("the archive also has a symbolic link '%1'").arg(relative));
        const QByteArray name = native(components.last());
        for (int attempt = 0; attempt < 2; ++attempt) {
            const int fd = ::openat(parent.get(), name.constData(),
                                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
            if (fd >= 0) {
                m_created.push_back({relative, Kind::File});
                m_kinds.insert(relative, Kind::File);
                return Fd(fd);
            }
            if (errno != EEXIST)
                break;
            const bool ownFile = m_kinds.contains(relative) && m_kinds.value(relative) == Kind::File;
            if (attempt == 0 && ownFile && ::unlinkat(parent.get(), name.constData(), 0) == 0)
                continue; // a later copy of a file of this archive: it replaces the earlier one
            return refuse(member, QStringLiteral("'%1' already exists").arg(relative));
        }
        return refuse(member, QStringLiteral("cannot create '%1': %2").arg(relative, errnoText(errno)));
    }

    Expected<bool> extractFile(const ArchiveEntry &entry, const QStringList &components,
                               ArchiveReader &reader)
    {
        if (auto over = checkLimits(entry.path, entry.size))
            return *over;
        auto parent = openDirectory(components.mid(0, components.size() - 1), entry.path, true);
        if (!parent)
            return parent.error();
        auto file = createFile(entry.path, components, *parent);
        if (!file)
            return file.error();
        for (;;) {
            if (m_monitor.isCancelled())
                return cancelled();
            auto chunk = reader.readChunk();
            if (!chunk)
                return chunk.error();
            if (chunk->isEmpty())
                break;
            if (auto over = checkLimits(entry.path, chunk->size()))
                return *over;
            if (!writeAll(file->get(), chunk->constData(), chunk->size()))
                return refuse(entry.path, QStringLiteral("cannot write: %1").arg(errnoText(errno)));
            m_result.bytes += chunk->size();
        }
        if (::fchmod(file->get(), mode_t(entry.mode & 0777)) != 0)
            return refuse(entry.path, QStringLiteral("cannot set its mode: %1").arg(errnoText(errno)));
        const timespec times[2] = {timespec{0, UTIME_OMIT}, toTimespec(entry.mtime)};
        ::futimens(file->get(), times);
        if (::close(file->release()) != 0)
            return refuse(entry.path, QStringLiteral("cannot write: %1").arg(errnoText(errno)));
        ++m_result.files;
        return true;
    }

    Expected<bool> extractHardlink(const ArchiveEntry &entry, const QStringList &components)
    {
        const SplitPath target = splitMemberPath(entry.linkTarget);
        if (!target.error.isEmpty() || target.components.isEmpty())
            return refuse(
                entry.path,
                QStringLiteral("hard link to '%1' points outside the target").arg(entry.linkTarget));
        const QString targetRelative = target.components.join(QLatin1Char('/'));
        const QString relative = components.join(QLatin1Char('/'));
        if (!m_kinds.contains(targetRelative) || m_kinds.value(targetRelative) != Kind::File)
            return refuse(entry.path,
                          QStringLiteral("hard link to '%1', which is not a file extracted before it")
                              .arg(entry.linkTarget));
        if (targetRelative == relative)
            return refuse(entry.path, QStringLiteral("hard link to itself"));
        auto from = openDirectory(target.components.mid(0, target.components.size() - 1), entry.path, false);
        if (!from)
            return from.error();
        auto parent = openDirectory(components.mid(0, components.size() - 1), entry.path, true);
        if (!parent)
            return parent.error();
        if (m_symlinks.contains(relative))
            return refuse(entry.path,
                          QStringLiteral("the archive also has a symbolic link '%1'").arg(relative));
        const QByteArray fromName = native(target.components.last());
        const QByteArray name = native(components.last());
        if (::linkat(from->get(), fromName.constData(), parent->get(), name.constData(), 0) != 0) {
            const bool replaceable =
                errno == EEXIST && m_kinds.contains(relative) && m_kinds.value(relative) == Kind::File;
            if (!replaceable || ::unlinkat(parent->get(), name.constData(), 0) != 0 ||
                ::linkat(from->get(), fromName.constData(), parent->get(), name.constData(), 0) != 0)
                return refuse(entry.path, errno == EEXIST
                                              ? QStringLiteral("'%1' already exists").arg(relative)
                                              : QStringLiteral("cannot link: %1").arg(errnoText(errno)));
        }
        m_created.push_back({relative, Kind::File});
        m_kinds.insert(relative, Kind::File);
        ++m_result.files;
        return true;
    }

    // Symlinks are checked now against their own path and created at the end, once every other
    // member is in place, so nothing is written through them.
    Expected<bool> deferSymlink(const ArchiveEntry &entry, const QStringList &components)
    {
        const QString &target = entry.linkTarget;
        if (target.isEmpty())
            return refuse(entry.path, QStringLiteral("symbolic link with an empty target"));
        if (target.startsWith(QLatin1Char('/')))
            return refuse(entry.path, QStringLiteral("symbolic link to the absolute path '%1'").arg(target));
        qsizetype depth = components.size() - 1;
        for (const QString &part : target.split(QLatin1Char('/'))) {
            if (part.isEmpty() || part == QStringLiteral("."))
                continue;
            depth += part == QStringLiteral("..") ? -1 : 1;
            if (depth < 0)
                return refuse(entry.path,
                              QStringLiteral("symbolic link to '%1' points outside the target").arg(target));
        }
        const QString relative = components.join(QLatin1Char('/'));
        if (m_kinds.contains(relative))
            return refuse(entry.path, QStringLiteral("'%1' already exists").arg(relative));
        auto parent = openDirectory(components.mid(0, components.size() - 1), entry.path, true);
        if (!parent)
            return parent.error();
        if (!m_symlinks.contains(relative))
            m_symlinkOrder.push_back(relative);
        m_symlinks.insert(relative, PendingSymlink{components, target, entry.path, entry.mtime});
        return true;
    }

    // Where a symlink really leads, following the archive's other symlinks (and any that were on
    // disk before) the way the kernel would: false when it leaves the target.
    bool staysInside(const PendingSymlink &link)
    {
        QStringList resolved = link.components.mid(0, link.components.size() - 1);
        QStringList queue = link.target.split(QLatin1Char('/'));
        int hops = 0;
        while (!queue.isEmpty()) {
            const QString part = queue.takeFirst();
            if (part.isEmpty() || part == QStringLiteral("."))
                continue;
            if (part == QStringLiteral("..")) {
                if (resolved.isEmpty())
                    return false;
                resolved.removeLast();
                continue;
            }
            const QString candidate = (resolved + QStringList{part}).join(QLatin1Char('/'));
            QString next;
            const auto pending = m_symlinks.constFind(candidate);
            if (pending != m_symlinks.cend()) {
                next = pending->target;
            } else {
                struct stat st
                {
                };
                const QByteArray path = native(candidate);
                if (::fstatat(m_root.get(), path.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
                    !S_ISLNK(st.st_mode)) {
                    resolved.append(part);
                    continue;
                }
                QByteArray buffer(4096, '\0');
                const ssize_t n =
                    ::readlinkat(m_root.get(), path.constData(), buffer.data(), std::size_t(buffer.size()));
                if (n < 0)
                    return false;
                next = QString::fromUtf8(buffer.constData(), qsizetype(n));
            }
            if (++hops > maxSymlinkHops || next.startsWith(QLatin1Char('/')))
                return false;
            queue = next.split(QLatin1Char('/')) + queue;
        }
        return true;
    }

    Expected<bool> createSymlinks()
    {
        for (const QString &relative : m_symlinkOrder) {
            const PendingSymlink &link = m_symlinks[relative];
            if (!staysInside(link))
                return refuse(link.member,
                              QStringLiteral("symbolic link to '%1' leads outside the target through "
                                             "other symbolic links")
                                  .arg(link.target));
        }
        for (const QString &relative : m_symlinkOrder) {
            const PendingSymlink &link = m_symlinks[relative];
            // Its parents were created when the member was read; no symlink can have their paths.
            auto parent =
                openDirectory(link.components.mid(0, link.components.size() - 1), link.member, false);
            if (!parent)
                return parent.error();
            const QByteArray name = native(link.components.last());
            if (::symlinkat(native(link.target).constData(), parent->get(), name.constData()) != 0)
                return refuse(
                    link.member,
                    errno == EEXIST
                        ? QStringLiteral("'%1' already exists").arg(relative)
                        : QStringLiteral("cannot create the symbolic link: %1").arg(errnoText(errno)));
            m_created.push_back({relative, Kind::Symlink});
            const timespec times[2] = {timespec{0, UTIME_OMIT}, toTimespec(link.mtime)};
            ::utimensat(parent->get(), name.constData(), times, AT_SYMLINK_NOFOLLOW);
        }
        return true;
    }

    void applyDirectoryAttributes()
    {
        for (auto it = m_directories.rbegin(); it != m_directories.rend(); ++it) {
            auto dir = openDirectory(it->path.split(QLatin1Char('/')), it->path, false);
            if (!dir)
                continue;
            if (it->mtime >= 0) {
                const timespec times[2] = {timespec{0, UTIME_OMIT}, toTimespec(it->mtime)};
                ::futimens(dir->get(), times);
            }
            ::fchmod(dir->get(), mode_t(it->mode));
        }
    }

    Expected<ExtractResult> extract()
    {
        auto opened = ArchiveReader::open(m_archivePath);
        if (!opened)
            return opened.error();
        ArchiveReader &reader = *opened;
        reader.setMonitor(&m_monitor);
        m_archiveSize = reader.archiveSize();
        if (auto ready = prepareTarget(); !ready)
            return ready.error();
        qint64 entries = 0;
        for (;;) {
            if (m_monitor.isCancelled())
                return cancelled();
            auto next = reader.next();
            if (!next)
                return next.error();
            if (!*next)
                break;
            const ArchiveEntry &entry = **next;
            if (++entries > m_limits.maxEntries)
                return refuse(
                    entry.path,
                    QStringLiteral("the archive has more than %1 members").arg(m_limits.maxEntries));
            m_monitor.report({reader.compressedBytesRead(), m_archiveSize, entry.path});
            if (!entry.utf8)
                return refuse(entry.path, QStringLiteral("its name or link target is not valid UTF-8"));
            const SplitPath split = splitMemberPath(entry.path);
            if (!split.error.isEmpty())
                return refuse(entry.path, split.error);
            if (entry.type == EntryType::Other)
                return refuse(entry.path,
                              QStringLiteral("device, fifo or socket members are not extracted (mode %1)")
                                  .arg(entry.mode, 0, 8));
            if (split.components.isEmpty() && entry.type != EntryType::Directory)
                return refuse(entry.path, QStringLiteral("it names the target directory itself"));
            if (!selected(split.components.join(QLatin1Char('/'))))
                continue;
            Expected<bool> done = true;
            switch (entry.type) {
            case EntryType::Directory:
                done = extractDirectory(entry, split.components);
                break;
            case EntryType::File:
                done = extractFile(entry, split.components, reader);
                break;
            case EntryType::Hardlink:
                done = extractHardlink(entry, split.components);
                break;
            case EntryType::Symlink:
                done = deferSymlink(entry, split.components);
                break;
            case EntryType::Other:
                break;
            }
            if (!done)
                return done.error();
        }
        if (m_monitor.isCancelled())
            return cancelled();
        if (auto linked = createSymlinks(); !linked)
            return linked.error();
        applyDirectoryAttributes();
        m_monitor.report({m_archiveSize, m_archiveSize, QString()});
        return m_result;
    }

    // Removes what this call created, newest first, then the target directories it made.
    void rollback()
    {
        if (m_root.valid()) {
            for (auto it = m_created.rbegin(); it != m_created.rend(); ++it) {
                const QByteArray path = native(it->path);
                ::unlinkat(m_root.get(), path.constData(), it->kind == Kind::Directory ? AT_REMOVEDIR : 0);
            }
            m_root.reset();
        }
        m_created.clear();
        for (const QString &dir : std::as_const(m_createdRoots))
            ::rmdir(QFile::encodeName(dir).constData());
        m_createdRoots.clear();
    }

    QString m_archivePath;
    QString m_targetDir;
    QStringList m_only;
    ExtractLimits m_limits;
    jobs::Monitor &m_monitor;
    qint64 m_archiveSize = 0;

    Fd m_root;
    QStringList m_createdRoots; // the target and missing parents this call made, deepest first
    std::vector<Created> m_created;
    QHash<QString, Kind> m_kinds; // what this call created at each path
    QHash<QString, PendingSymlink> m_symlinks;
    std::vector<QString> m_symlinkOrder;
    std::vector<DirectoryAttributes> m_directories; // created by this call, in creation order
    QHash<QString, qsizetype> m_directoryIndex;
    ExtractResult m_result;
};

} // namespace

Expected<ExtractResult> extractSafely(const QString &archivePath, const QString &targetDir,
                                      const QStringList &only, const ExtractLimits &limits,
                                      jobs::Monitor &monitor)
{
    Extraction extraction(archivePath, targetDir, only, limits, monitor);
    return extraction.run();
}

} // namespace rs::archive
