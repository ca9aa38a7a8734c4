#include "package/package_writer.h"

#include "archive/tar_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rs::package {

namespace {

Finding cancelled()
{
    return Finding::error(QStringLiteral("cancelled"));
}

QFile::Permissions permissionsOf(quint32 mode)
{
    QFile::Permissions p;
    if (mode & 0400)
        p |= QFile::ReadOwner | QFile::ReadUser;
    if (mode & 0200)
        p |= QFile::WriteOwner | QFile::WriteUser;
    if (mode & 0100)
        p |= QFile::ExeOwner | QFile::ExeUser;
    if (mode & 0040)
        p |= QFile::ReadGroup;
    if (mode & 0020)
        p |= QFile::WriteGroup;
    if (mode & 0010)
        p |= QFile::ExeGroup;
    if (mode & 0004)
        p |= QFile::ReadOther;
    if (mode & 0002)
        p |= QFile::WriteOther;
    if (mode & 0001)
        p |= QFile::ExeOther;
    return p;
}

qint64 memberSize(const PackageMember &m)
{
    if (m.isDirectory)
        return 0;
    return m.isGenerated() ? m.data.size() : QFileInfo(m.sourcePath).size();
}

Expected<bool> writeMember(const PackageMember &m, const QString &root)
{
    const QString path = root + QLatin1Char('/') + m.name;
    if (m.isDirectory) {
        if (!QDir().mkpath(path))
            return Finding::error(QStringLiteral("cannot create the directory %1").arg(path));
        return true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (m.isGenerated()) {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(m.data) != m.data.size())
            return Finding::error(QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    } else if (!QFile::copy(m.sourcePath, path)) {
        return Finding::error(QStringLiteral("cannot copy %1 to %2").arg(m.sourcePath, path));
    }
    QFile::setPermissions(path, permissionsOf(m.mode));
    return true;
}

} // namespace

qint64 totalSize(const std::vector<PackageMember> &members)
{
    qint64 total = 0;
    for (const PackageMember &m : members)
        total += memberSize(m);
    return total;
}

Expected<WriteStats> writeDirectory(const std::vector<PackageMember> &members, const QString &outDir,
                                    jobs::Monitor &monitor)
{
    const QDir target(outDir);
    if (QFileInfo::exists(outDir) && !QFileInfo(outDir).isDir())
        return Finding::error(
            QStringLiteral("%1 exists and is not a directory; give a new directory").arg(outDir));
    if (target.exists() && !target.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        return Finding::error(
            QStringLiteral("%1 already exists and is not empty; give a new directory").arg(outDir));
    }
    const QString staging = QDir::cleanPath(target.absolutePath()) + QStringLiteral(".partial-") +
                            QString::number(QCoreApplication::applicationPid());
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging))
        return Finding::error(QStringLiteral("cannot create %1").arg(staging));
    auto fail = [&](Finding f) {
        QDir(staging).removeRecursively();
        return f;
    };

    WriteStats stats;
    const qint64 total = totalSize(members);
    for (const PackageMember &m : members) {
        if (monitor.isCancelled())
            return fail(cancelled());
        monitor.report({stats.bytes, total, m.name});
        const auto written = writeMember(m, staging);
        if (!written)
            return fail(written.error());
        stats.bytes += memberSize(m);
        stats.files += m.isDirectory ? 0 : 1;
    }
    if (target.exists())
        QDir().rmdir(target.absolutePath());
    if (!QDir().rename(staging, target.absolutePath()))
        return fail(Finding::error(QStringLiteral("cannot move %1 to %2").arg(staging, outDir)));
    monitor.report({total, total, QString()});
    return stats;
}

Expected<WriteStats> writeTarball(const std::vector<PackageMember> &members, const QString &tarPath,
                                  const archive::TarOptions &options, jobs::Monitor &monitor)
{
    auto writer = archive::TarWriter::create(tarPath, options);
    if (!writer)
        return writer.error();
    archive::TarWriter &tar = **writer;
    WriteStats stats;
    const qint64 total = totalSize(members);
    for (const PackageMember &m : members) {
        if (monitor.isCancelled()) {
            tar.cancel();
            return cancelled();
        }
        monitor.report({stats.bytes, total, m.name});
        const auto added = m.isDirectory     ? tar.addDirectory(m.name, m.mode)
                           : m.isGenerated() ? tar.addData(m.name, m.data, m.mode)
                                             : tar.addFile(m.name, m.sourcePath);
        if (!added) {
            tar.cancel();
            return added.error();
        }
        stats.bytes += memberSize(m);
        stats.files += m.isDirectory ? 0 : 1;
    }
    const auto finished = tar.finish();
    if (!finished)
        return finished.error();
    monitor.report({total, total, QString()});
    return stats;
}

} // namespace rs::package
