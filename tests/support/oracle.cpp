#include "support/oracle.h"
#include "support/process.h"

#include <QDir>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>

namespace rs::test {

ErlRun runErl(const QStringList &args, int timeoutMs)
{
    return runProcess(QStringLiteral(RELSTUDIO_ERL), QStringList{QStringLiteral("-noshell")} + args,
                      QString(), timeoutMs);
}

ErlRun evalErl(const QString &expression, const QStringList &extraArgs)
{
    return runErl(extraArgs + QStringList{QStringLiteral("-eval"), expression + QStringLiteral(", halt().")});
}

namespace {

QString compiledModuleDir(const QString &module, QString *error)
{
    static QMutex mutex;
    static QTemporaryDir dir;
    static QHash<QString, bool> compiled;
    QMutexLocker lock(&mutex);
    if (!compiled.value(module)) {
        QProcess erlc;
        erlc.setProcessChannelMode(QProcess::MergedChannels);
        erlc.start(QStringLiteral(RELSTUDIO_ERLC),
                   {QStringLiteral("-o"), dir.path(),
                    QStringLiteral(RELSTUDIO_TEST_ERL_DIR "/") + module + QStringLiteral(".erl")});
        if (!erlc.waitForFinished(120000) || erlc.exitCode() != 0) {
            *error = QStringLiteral("erlc failed for %1: %2").arg(module, QString::fromUtf8(erlc.readAll()));
            return {};
        }
        compiled.insert(module, true);
    }
    return dir.path();
}

} // namespace

ErlRun runErlModule(const QString &module, const QStringList &args)
{
    QString error;
    const QString dir = compiledModuleDir(module, &error);
    if (dir.isEmpty()) {
        ErlRun run;
        run.err = error.toUtf8();
        return run;
    }
    return runErl(
        QStringList{QStringLiteral("-pa"), dir, QStringLiteral("-run"), module, QStringLiteral("main")} +
        args);
}

QString otpRoot()
{
    static const QString root = [] {
        const ErlRun run = evalErl(QStringLiteral("io:put_chars(code:root_dir())"));
        return run.ok() ? QString::fromUtf8(run.out).trimmed() : QString();
    }();
    return root;
}

} // namespace rs::test
