#include "release/otp_installation.h"

#include "common/dir_listing.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace rs::release {

namespace {

bool looksLikeOtpRoot(const QString &dir)
{
    return QFileInfo(dir + QStringLiteral("/lib")).isDir() &&
           QFileInfo(dir + QStringLiteral("/releases")).isDir();
}

// The erl launcher is a shell script that sets ROOTDIR; version managers put a shim on PATH, so
// when the script's own location is not a root, its ROOTDIR line says where the root is.
QString rootFromLauncher(const QString &erlPath)
{
    const QString canonical = QFileInfo(erlPath).canonicalFilePath();
    const QString parent = QFileInfo(QFileInfo(canonical).absolutePath()).absolutePath();
    if (looksLikeOtpRoot(parent))
        return parent;
    QFile script(canonical);
    if (script.size() < 1024 * 1024 && script.open(QIODevice::ReadOnly)) {
        static const QRegularExpression rootLine(QStringLiteral("^\\s*ROOTDIR=\"?([^\"\\s]+)"),
                                                 QRegularExpression::MultilineOption);
        const auto match = rootLine.match(QString::fromUtf8(script.readAll()));
        if (match.hasMatch() && looksLikeOtpRoot(match.captured(1)))
            return match.captured(1);
    }
    return {};
}

QString firstLineOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readLine()).trimmed();
}

} // namespace

Expected<OtpInstallation> OtpInstallation::locate(const QString &explicitRoot)
{
    if (!explicitRoot.isEmpty())
        return fromRoot(explicitRoot);
    const QString erl = QStandardPaths::findExecutable(QStringLiteral("erl"));
    if (erl.isEmpty()) {
        return Finding::error(
            QStringLiteral("no Erlang/OTP found: 'erl' is not on PATH (install erlang-base or "
                           "give --otp-root DIR)"));
    }
    const QString root = rootFromLauncher(erl);
    if (root.isEmpty()) {
        return Finding::error(
            QStringLiteral("cannot tell where the OTP of %1 is installed; give --otp-root DIR").arg(erl));
    }
    return fromRoot(root);
}

Expected<OtpInstallation> OtpInstallation::fromRoot(const QString &rootPath)
{
    const QString root = QDir(rootPath).absolutePath();
    if (!looksLikeOtpRoot(root)) {
        return Finding::error(
            QStringLiteral("%1 is not an Erlang/OTP installation: it has no lib/ and releases/ directories")
                .arg(root));
    }
    OtpInstallation otp;
    otp.root = root;
    // releases/start_erl.data holds "ErtsVsn RelVsn".
    const QStringList startErl =
        firstLineOf(root + QStringLiteral("/releases/start_erl.data")).split(QLatin1Char(' '));
    if (startErl.size() == 2) {
        otp.ertsVsn = startErl[0];
        otp.otpRelease = startErl[1];
    } else {
        const QStringList erts = subdirectories(root, u"erts-");
        if (!erts.isEmpty())
            otp.ertsVsn = erts.constLast().mid(5);
        const QStringList rels = subdirectories(root + QStringLiteral("/releases"));
        if (!rels.isEmpty())
            otp.otpRelease = rels.constLast();
    }
    if (otp.ertsVsn.isEmpty())
        return Finding::error(QStringLiteral("cannot find the ERTS version of the OTP in %1").arg(root));
    otp.otpVersion =
        firstLineOf(root + QStringLiteral("/releases/") + otp.otpRelease + QStringLiteral("/OTP_VERSION"));
    return otp;
}

} // namespace rs::release
