#pragma once

#include <QByteArray>
#include <QString>

namespace rs::release {
struct ResolvedRelease;
}

namespace rs::package {

enum class ReleaseStatus { Permanent, Current, Unpacked, Old };

// releases/RELEASES as release_handler:create_RELEASES("", RelDir, RelFile, []) writes it: one
// release whose applications are in lib/APP-VSN relative to the root, so the target can move.
QByteArray releasesFileText(const release::ResolvedRelease &release,
                            ReleaseStatus status = ReleaseStatus::Permanent);

// releases/start_erl.data: "ErtsVsn RelVsn\n".
QByteArray startErlData(const release::ResolvedRelease &release);

// bin/NAME: the POSIX sh script that starts, stops and upgrades the release. fallbackErtsBin is
// used when the target has no erts-VSN of its own (the ERTS of the OTP it was assembled with).
QByteArray releaseControlScript(const QString &releaseName, const QString &fallbackErtsBin);

} // namespace rs::package
