#pragma once

#include "release_options.h"

#include "jobs/progress.h"
#include "package/release_layout.h"
#include "script/boot_rules.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>
#include <vector>

namespace rs::cli {

// The options `tar` and `assemble` share: what goes into the release besides its applications.
struct PackageOptions
{
    ReleaseOptions release;
    QCommandLineOption includeErts{QStringLiteral("include-erts"),
                                   QStringLiteral("Pack the ERTS of the OTP in use (erts-VSN/bin).")};
    QCommandLineOption erts{QStringLiteral("erts"),
                            QStringLiteral("Pack erts-VSN/bin from the OTP root DIR."),
                            QStringLiteral("DIR")};
    QCommandLineOption sysConfig{QStringLiteral("sys-config"), QStringLiteral("The release's sys.config."),
                                 QStringLiteral("FILE")};
    QCommandLineOption vmArgs{QStringLiteral("vm-args"), QStringLiteral("The release's vm.args."),
                              QStringLiteral("FILE")};
    QCommandLineOption relup{QStringLiteral("relup"), QStringLiteral("The relup to pack with the release."),
                             QStringLiteral("FILE")};
    QCommandLineOption includeSrc{QStringLiteral("include-src"),
                                  QStringLiteral("Pack each application's src/ and include/ too.")};
    QCommandLineOption progress{QStringLiteral("progress"), QStringLiteral("Show progress on stderr.")};

    void addTo(QCommandLineParser &parser) const;
};

// A release resolved and ready to pack: its members in order.
struct PreparedPackage
{
    Workspace workspace;
    release::ResolvedRelease release;
    std::vector<package::PackageMember> members;
};

// Reads and resolves REL, generates its boot script and lists the members of the target.
// Prints findings; nothing when the release cannot be packed.
std::optional<PreparedPackage> preparePackage(const QCommandLineParser &parser, const PackageOptions &options,
                                              const QString &relPath);

// The monitor of a CLI build: stops on Ctrl-C or SIGTERM (so that nothing half-written stays
// behind) and, when enabled, prints a progress line on stderr ("[ 42%] 12.0/28.5 MB lib/ssl-…"), at
// most a few times a second.
std::unique_ptr<jobs::Monitor> makeProgressMonitor(bool enabled);

} // namespace rs::cli
