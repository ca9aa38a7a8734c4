#pragma once

#include "common/finding.h"
#include "release/rel_spec.h"

#include <QByteArray>
#include <QString>

namespace rs::release {
class AppIndex;
struct OtpInstallation;
} // namespace rs::release

namespace rs::upgrade {

// What the appup view shows for one application of a release moving from one version to another:
// the relup the release gets from an appup (edited, not yet saved), and the lint of that appup.
struct UpgradePreview
{
    QByteArray relupText; // empty when the relup cannot be made
    Findings findings;    // of the appup text (with its lines) and of the relup
};

// The appup generated for APP from fromVsn to toVsn, both found in the index, as text.
struct GeneratedText
{
    QByteArray appupText;
    Findings findings;
};
GeneratedText generateAppupText(const release::AppIndex &index, const QString &app, const QString &fromVsn,
                                const QString &toVsn);

// The relup of `base` with APP at toVsn, up from and down to `base` with APP at fromVsn, using
// appupText (named appupFile in findings) as APP's appup.
UpgradePreview previewUpgrade(const release::ReleaseSpec &base, const release::AppIndex &index,
                              const release::OtpInstallation *otp, const QString &app, const QString &fromVsn,
                              const QString &toVsn, const QByteArray &appupText, const QString &appupFile);

} // namespace rs::upgrade
