#include "support/oracle.h"

#include <QDir>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>

namespace rs::test {

QString ErlRun::describe() const
{
    return QStringLiteral("erl exited with %1: %2")
        .arg(exitCode)
        .arg(QString::fromUtf8(err + out).left(4000));
}

ErlRun runErl(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProgram(QStringLiteral(RELSTUDIO_ERL));
    process.setArguments(QStringList{QStringLiteral("-noshell")} + args);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    ErlRun run;
    if (!process.waitForStarted()) {
        run.err = "could not start " RELSTUDIO_ERL;
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "erl timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
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
