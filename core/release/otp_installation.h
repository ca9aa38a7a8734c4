#pragma once

#include "common/expected.h"

#include <QString>
#include <QStringList>

namespace rs::release {

// The installed Erlang/OTP whose rules Relstudio follows: found from `erl` on PATH unless given.
struct OtpInstallation
{
    QString root;       // e.g. /usr/lib/erlang (code:root_dir())
    QString ertsVsn;    // e.g. 13.1.5
    QString otpRelease; // e.g. 25 (the directory under releases/)
    QString otpVersion; // e.g. 25.2.3 (releases/REL/OTP_VERSION), empty when unknown

    QString libDir() const { return root + QStringLiteral("/lib"); }
    // The ERTS's own application directory, lib/erts-VSN, whose ebin holds the preloaded modules.
    QString ertsAppDir() const { return libDir() + QStringLiteral("/erts-") + ertsVsn; }

    // explicitRoot empty: the OTP of `erl` on PATH.
    static Expected<OtpInstallation> locate(const QString &explicitRoot = QString());
    static Expected<OtpInstallation> fromRoot(const QString &root);
};

} // namespace rs::release
