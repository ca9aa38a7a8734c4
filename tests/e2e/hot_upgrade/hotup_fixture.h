#pragma once

// What tst_cli_upgrade and tst_hot_upgrade share: running relstudio-cli (and other programs), and
// the hotup application of tests/e2e/hot_upgrade compiled into LIB/hotup-1.0 and LIB/hotup-2.0,
// with the releases REL/hotup-1.rel and REL/hotup-2.rel on the installed OTP's kernel, stdlib,
// sasl and ERTS.

#include "support/oracle.h"
#include "support/testdata.h"

#include "release/app_index.h"
#include "release/otp_installation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "support/process.h"

namespace rs::test {

inline const QString &cliPath()
{
    static const QString path = QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli");
    return path;
}

using ProgramRun = ProcessRun;

inline ProgramRun runProgram(const QString &program, const QStringList &args, int timeoutMs = 120000,
                             const QString &workingDirectory = QDir::tempPath())
{
    return runProcess(program, args, workingDirectory, timeoutMs);
}

inline QByteArray readWholeFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeWholeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

struct Hotup
{
    QString lib;  // LIB/hotup-1.0, LIB/hotup-2.0
    QString rels; // REL/hotup-1.rel, REL/hotup-2.rel
    QString ertsVsn;
    QString baseApps; // {kernel, "..."}, {stdlib, "..."}, {sasl, "..."}

    QString app(const char *vsn) const { return lib + QStringLiteral("/hotup-") + QLatin1String(vsn); }
    QString rel(const char *vsn) const
    {
        return rels + QStringLiteral("/hotup-") + QLatin1String(vsn) + QStringLiteral(".rel");
    }
    // Writes REL/NAME.rel for release VSN with hotup APPVSN (and ERTS, default the installed one).
    QString writeRel(const QString &fileName, const QString &vsn, const QString &appVsn,
                     const QString &erts = QString()) const
    {
        const QString text =
            QStringLiteral("{release, {\"hotup\", \"%1\"}, {erts, \"%2\"},\n [%3,\n  {hotup, \"%4\"}]}.\n")
                .arg(vsn, erts.isEmpty() ? ertsVsn : erts, baseApps, appVsn);
        const QString path = rels + QLatin1Char('/') + fileName;
        return writeWholeFile(path, text.toUtf8()) ? path : QString();
    }
};

// Compiles both versions into ROOT/lib and writes the two releases into ROOT/rel; "" on success.
inline QString buildHotup(const QString &root, Hotup &hotup)
{
    hotup.lib = root + QStringLiteral("/lib");
    hotup.rels = root + QStringLiteral("/rel");
    auto otp = release::OtpInstallation::fromRoot(otpRoot());
    if (!otp)
        return otp.error().toString();
    hotup.ertsVsn = otp->ertsVsn;
    const auto index = release::AppIndex::scan(release::AppIndex::searchPath({}, &*otp));
    QStringList base;
    for (const char *name : {"kernel", "stdlib", "sasl"}) {
        const auto *spec = index.newest(QString::fromLatin1(name));
        if (!spec)
            return QStringLiteral("the installed OTP has no ") + QLatin1String(name);
        base << QStringLiteral("{%1, \"%2\"}").arg(QLatin1String(name), spec->vsn);
    }
    hotup.baseApps = base.join(QStringLiteral(",\n  "));
    for (const char *vsn : {"1.0", "2.0"}) {
        const QString src = sourcePath(QStringLiteral("tests/e2e/hot_upgrade/hotup-") + QLatin1String(vsn));
        const QString ebin = hotup.app(vsn) + QStringLiteral("/ebin");
        QDir().mkpath(ebin);
        if (!QFile::copy(src + QStringLiteral("/ebin/hotup.app"), ebin + QStringLiteral("/hotup.app")))
            return QStringLiteral("cannot copy hotup.app");
        QStringList args = {QStringLiteral("-o"), ebin};
        for (const QString &f :
             QDir(src + QStringLiteral("/src")).entryList({QStringLiteral("*.erl")}, QDir::Files))
            args << src + QStringLiteral("/src/") + f;
        const ProgramRun erlc = runProgram(QStringLiteral(RELSTUDIO_ERLC), args);
        if (erlc.exitCode != 0)
            return erlc.describe(QStringLiteral("erlc"));
    }
    if (hotup.writeRel(QStringLiteral("hotup-1.rel"), QStringLiteral("1"), QStringLiteral("1.0")).isEmpty() ||
        hotup.writeRel(QStringLiteral("hotup-2.rel"), QStringLiteral("2"), QStringLiteral("2.0")).isEmpty())
        return QStringLiteral("cannot write the releases");
    return {};
}

} // namespace rs::test
