#pragma once

#include <QString>

namespace rs::archive {

enum class EntryType { File, Directory, Symlink, Hardlink, Other };

// One member of an archive, as its header describes it.
struct ArchiveEntry
{
    QString path; // as stored, '/'-separated (may be hostile: "../x", "/etc/x", "./x")
    EntryType type = EntryType::File;
    qint64 size = 0;    // of a file's data
    quint32 mode = 0;   // permission bits and file type bits, as stored (e.g. 0100644)
    qint64 mtime = 0;   // seconds since the epoch
    QString linkTarget; // of a symlink or hardlink
    quint32 uid = 0;
    quint32 gid = 0;
    // False when path or linkTarget is not valid UTF-8 as stored: each offending byte then
    // appears as the four characters "\xNN" (so the name can still be shown; extractSafely
    // refuses such members).
    bool utf8 = true;
};

} // namespace rs::archive
