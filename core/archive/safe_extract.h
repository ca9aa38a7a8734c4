#pragma once

#include "common/expected.h"
#include "jobs/progress.h"

#include <QString>
#include <QStringList>

namespace rs::archive {

struct ExtractLimits
{
    qint64 maxTotalBytes = qint64(16) * 1024 * 1024 * 1024; // all members together
    qint64 maxEntries = 1000000;
    double maxExpansionRatio = 200.0; // extracted bytes / archive bytes (gzip bombs)
    // Output allowed whatever the ratio, so that tiny archives of compressible files pass.
    qint64 expansionAllowance = qint64(1) * 1024 * 1024;
};

struct ExtractResult
{
    qint64 files = 0; // regular files and hard links written
    qint64 bytes = 0; // data bytes written
};

// Extracts an archive (tar of any compression, zip, .ez; see ArchiveReader) into targetDir
// (created when missing), or only the members whose path equals one of `only` or lies below it
// (an `only` ending in '/' is a plain prefix). Leading "./" and empty components are ignored.
//
// Refused, with a finding naming the member:
// - absolute paths and '..' components; names that are not valid UTF-8 (no escaping is guessed);
// - device, fifo and socket members;
// - symlinks that point outside targetDir: absolute targets, and relative ones that leave it,
//   resolved the way the kernel will, through the other symlinks of the archive. Symlinks are
//   created after every file and directory, so nothing is ever written through one, and any
//   member whose path goes through a symlink of the archive (or a pre-existing one) is refused;
// - hardlinks whose target is not a regular file extracted earlier by this same call;
// - a member that would replace something that existed before this call (a later member with
//   the path of an earlier file of the same archive replaces it, as tar does);
// - exceeding a limit: checked against each member's declared size before writing and again
//   while streaming its data.
// Every member's path and type are checked, including the members `only` leaves out.
// Files get the permission bits of the archive (no setuid/setgid/sticky) and its mtime;
// directories get theirs at the end. On any refusal, failure or cancellation, everything this
// call created is removed (files, links, directories, and targetDir itself if it created it) and
// nothing outside targetDir was ever written.
Expected<ExtractResult> extractSafely(const QString &archivePath, const QString &targetDir,
                                      const QStringList &only = {}, const ExtractLimits &limits = {},
                                      jobs::Monitor &monitor = jobs::silentMonitor());

} // namespace rs::archive
