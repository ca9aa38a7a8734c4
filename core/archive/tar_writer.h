#pragma once

#include "archive/archive_entry.h"
#include "common/expected.h"
#include "jobs/progress.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace rs::archive {

struct TarOptions
{
    bool gzip = true;
    int compressionLevel = 6;         // what erl_tar uses
    int threads = 0;                  // 0: one per core
    std::optional<qint64> fixedMtime; // reproducible builds: every member gets this mtime, uid and gid 0
};

// Writes a ustar tar (gzip-compressed by default) the way erl_tar does, so that OTP's
// release_handler and erl_tar read it: one header per regular file, directory entries only for
// empty directories, full st_mode in the mode field, numeric uid/gid and empty user/group names,
// mtime from the source (or the fixed one), two zero blocks at the end. The gzip stream is
// compressed on several threads as pigz does (blocks primed with the previous 32 KiB), giving one
// valid gzip member. The file appears at `path` only when finish() succeeds (QSaveFile);
// a cancelled or failed write, or a writer destroyed before finish(), leaves nothing behind (an
// existing file at `path` stays as it was).
//
// Names are relative and '/'-separated; empty, "." and ".." components and absolute names are
// refused. Names up to 100 characters go in the name field; longer ASCII names are split into
// prefix and name at a '/' as erl_tar's split_ustar_path does; names that cannot be split (over
// 255 characters, a last component of 100 or more) and non-ASCII names get a pax 'x' header
// ("<dir>/PaxHeaders.0/<base>", record "N path=...") before the ustar header, whose name field
// then stays empty, again as erl_tar does; the same for link names, and for sizes and ids that do
// not fit their octal fields. One deliberate difference: erl_tar overflows the 155-byte prefix
// field when the prefix is exactly 156 bytes long; that case gets the pax header here.
// The output is byte for byte what erl_tar:add/4 writes for the same members (tests compare).
class TarWriter
{
public:
    ~TarWriter();
    static Expected<std::unique_ptr<TarWriter>> create(const QString &path, const TarOptions &options = {});

    // Adds a regular file from disk under `name` (mode, mtime, uid/gid from the source; mtime
    // replaced by fixedMtime when set). Symlinks are followed, as systools' `dereference` does;
    // anything but a regular file is refused. A file that changes size while read is an error.
    Expected<bool> addFile(const QString &name, const QString &sourcePath);
    // Adds bytes generated in memory (a .boot, a RELEASES file) as a regular file, uid/gid 0.
    // mtime 0 means "now" (as erl_tar does for binaries); fixedMtime wins over both. A mode
    // without file type bits gets S_IFREG.
    Expected<bool> addData(const QString &name, const QByteArray &data, quint32 mode = 0100644,
                           qint64 mtime = 0);
    // Adds an empty directory entry ("name/"), uid/gid 0; mtime as for addData.
    Expected<bool> addDirectory(const QString &name, quint32 mode = 040755, qint64 mtime = 0);

    qint64 bytesWritten() const; // uncompressed tar bytes so far
    Expected<bool> finish();     // writes the end blocks, flushes, commits the file
    void cancel();               // discards everything; nothing is left at path

    class Impl;

private:
    explicit TarWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// Compresses `data` into one gzip member on `threads` threads (pigz's method: 128 KiB blocks,
// raw deflate primed with the previous 32 KiB, sync-flushed; CRCs combined), header like
// erl_tar's: 1f 8b 08 00, mtime 0, no extra flags, OS unix (3). The bytes do not depend on the
// thread count. Exposed for tests and benchmarks.
QByteArray gzipParallel(const QByteArray &data, int level = 6, int threads = 0);

} // namespace rs::archive
