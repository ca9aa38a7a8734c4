#pragma once

#include "archive/archive_entry.h"
#include "common/expected.h"
#include "common/finding.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace rs::ui::inspector {

// Previews read at most this much of a member; longer text shows its beginning.
inline constexpr qint64 MaxPreviewBytes = qint64(4) * 1024 * 1024;

// How a preview is shown.
enum class PreviewKind {
    Terms,   // Erlang terms or source, highlighted
    VmArgs,  // vm.args, highlighted as such
    Text,    // plain text
    Beam,    // a module's summary as terms, highlighted
    Binary,  // "N bytes, binary"
    Summary, // a directory or a link, described
    Error,   // the member could not be read
};

struct EntryPreview
{
    QString path; // the normalized member path
    PreviewKind kind = PreviewKind::Text;
    QString title;     // what it is: "boot script, decoded", "module shop_core", "text"
    QString text;      // what the editor shows
    Findings findings; // problems to underline in `text` (a term file that does not parse)
    qint64 size = 0;   // the member's size
    bool truncated = false;
};

struct MemberBytes
{
    QByteArray bytes;
    bool truncated = false; // the member is longer than the cap
};

// Reads one member (path as the archive stores it, or relative to the directory) from an archive or
// a release directory, at most `cap` bytes. Stops early with the cancellation finding when
// `cancelled` becomes true.
Expected<MemberBytes> readMember(const QString &source, bool sourceIsDirectory, const QString &memberPath,
                                 qint64 cap, const std::atomic_bool &cancelled);

// Turns a member's bytes into what the preview shows: .boot decoded; .beam as module, exports,
// attributes, chunks and MD5; .app/.rel/.appup/.script/relup/sys.config/RELEASES pretty-printed as
// OTP prints them (or shown as they are, with the parse error marked); other text as it is; binary
// data as "N bytes, binary".
EntryPreview formatPreview(const QString &path, const QByteArray &bytes, qint64 size, bool truncated);

// Both of the above, for a regular file member.
EntryPreview previewMember(const QString &source, bool sourceIsDirectory, const archive::ArchiveEntry &entry,
                           const std::atomic_bool &cancelled, qint64 cap = MaxPreviewBytes);

} // namespace rs::ui::inspector
