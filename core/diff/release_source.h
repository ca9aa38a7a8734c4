#pragma once

// One walk over the members of a release, whether it is a directory or an archive (tar, compressed
// tar, zip: whatever archive::ArchiveReader reads), with the contents of each member available in
// chunks while it is visited. Nothing is extracted. (The same walk as package/inspect.cpp's, with
// contents streamed; inspect can move onto it.)

#include "archive/archive_entry.h"
#include "common/expected.h"
#include "jobs/progress.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace rs::diff {

// The contents of the member being visited: each call gives the next chunk; empty at its end.
class ChunkReader
{
public:
    virtual ~ChunkReader() = default;
    virtual Expected<QByteArray> readChunk() = 0;
};

struct SourceWalk
{
    QString format; // "directory" or the archive format
    qint64 members = 0;
};

using MemberVisitor = std::function<bool(const archive::ArchiveEntry &, ChunkReader &)>;

// Calls visit(entry, contents) for each member: for a directory in path order, every entry below
// it (not the directory itself) with lstat's type, mode, size, uid/gid and mtime and readlink's
// target (symbolic links are never followed); for an archive in archive order, as stored. Stops
// early when visit returns false. Progress is in bytes (compressed bytes of an archive, file bytes
// of a directory); cancellation gives the finding archive::isCancellation recognises.
Expected<SourceWalk> walkSource(const QString &path, const MemberVisitor &visit,
                                jobs::Monitor &monitor = jobs::silentMonitor());

} // namespace rs::diff
