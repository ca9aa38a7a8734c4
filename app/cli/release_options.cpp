#include "release_options.h"

#include "command.h"

#include <QDir>
#include <QFileInfo>

namespace rs::cli {

std::optional<Workspace> openWorkspace(const QCommandLineParser &parser, const ReleaseOptions &options)
{
    auto otp = release::OtpInstallation::locate(parser.value(options.otpRoot));
    if (!otp) {
        printFindings({otp.error()});
        return std::nullopt;
    }
    QStringList libDirs;
    for (const QString &dir : parser.values(options.libDir)) {
        if (!QFileInfo(dir).isDir()) {
            printFindings({Finding::error(QStringLiteral("--lib-dir %1: no such directory").arg(dir))});
            return std::nullopt;
        }
        libDirs << QDir(dir).absolutePath();
    }
    Workspace ws{*otp, release::AppIndex::scan(release::AppIndex::searchPath(libDirs, &*otp))};
    return ws;
}

} // namespace rs::cli
