#pragma once

#include "release/app_index.h"
#include "release/otp_installation.h"
#include "release/rel_spec.h"
#include "release/resolver.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace rs::cli {

// The options every release command shares: where applications are searched and which OTP.
struct ReleaseOptions
{
    QCommandLineOption libDir{QStringLiteral("lib-dir"),
                              QStringLiteral("Search applications in DIR/*/ebin (and DIR/ebin); repeatable, "
                                             "searched in order before the installed OTP."),
                              QStringLiteral("DIR")};
    QCommandLineOption otpRoot{
        QStringLiteral("otp-root"),
        QStringLiteral("The Erlang/OTP installation to follow (default: the one of 'erl' on "
                       "PATH)."),
        QStringLiteral("DIR")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOption(libDir);
        parser.addOption(otpRoot);
    }
};

// What the shared options lead to: the OTP and the index of every application found.
struct Workspace
{
    release::OtpInstallation otp;
    release::AppIndex index;
};

// Locates the OTP and scans the lib dirs; on failure prints why and returns nothing.
std::optional<Workspace> openWorkspace(const QCommandLineParser &parser, const ReleaseOptions &options);

} // namespace rs::cli
