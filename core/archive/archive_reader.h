#pragma once

#include "archive/archive_entry.h"
#include "common/expected.h"
#include "jobs/progress.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace rs::archive {

// Streams the members of an archive without extracting it: tar (ustar, pax, GNU), plain or
// compressed with gzip/bzip2/xz/lzma/zstd/lz4/compress, through libarchive; zip and .ez (chosen by
// their "PK" magic bytes, not by the file name) through QuaZip. Never holds the whole archive in
// memory. Names are expected in UTF-8 (see ArchiveEntry::utf8).
class ArchiveReader
{
public:
    ~ArchiveReader();
    ArchiveReader(ArchiveReader &&) noexcept;
    ArchiveReader &operator=(ArchiveReader &&) noexcept;

    static Expected<ArchiveReader> open(const QString &path);

    // The next member's header, or nothing at the end. Errors name the archive and the member.
    Expected<std::optional<ArchiveEntry>> next();
    // The current member's data in chunks (each call gives the next chunk; empty at its end).
    // Skipping a member's data is allowed: next() skips what was not read.
    Expected<QByteArray> readChunk();
    // The whole data of the current member, refusing more than maxBytes.
    Expected<QByteArray> readAll(qint64 maxBytes);

    // While set, readChunk()/readAll() report progress (compressed bytes) to the monitor and
    // fail with the cancellation finding (see isCancellation) once it says cancel.
    void setMonitor(jobs::Monitor *monitor);

    // Compressed bytes consumed so far and the archive's size on disk: progress in bytes. At the
    // end of the archive compressedBytesRead() is archiveSize().
    qint64 compressedBytesRead() const;
    qint64 archiveSize() const;
    QString path() const;
    QString formatName() const; // e.g. "POSIX ustar format, gzip"

    class Backend;

private:
    explicit ArchiveReader(std::unique_ptr<Backend> backend);
    std::unique_ptr<Backend> m_backend;
};

// Calls visit(entry, reader) for each member in order and returns how many members it visited;
// stops early when visit returns false or the monitor says cancel (then returns the cancellation
// finding). Reports progress in compressed bytes, ending with done == total == archiveSize().
Expected<qint64> forEachEntry(const QString &path,
                              const std::function<bool(const ArchiveEntry &, ArchiveReader &)> &visit,
                              jobs::Monitor &monitor = jobs::silentMonitor());

// The finding forEachEntry, readChunk and extractSafely return when cancelled: message "cancelled".
bool isCancellation(const Finding &f);

} // namespace rs::archive
