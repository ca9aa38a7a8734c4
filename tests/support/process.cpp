#include "support/process.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>

namespace rs::test {

QString ProcessRun::describe(const QString &what) const
{
    return QStringLiteral("%1 exited with %2\nstdout: %3\nstderr: %4")
        .arg(what)
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

ProcessRun runProcess(const QString &program, const QStringList &args, const QString &workingDirectory,
                      int timeoutMs, const QStringList &environment)
{
    QProcess process;
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &e : environment) {
            const QString name = e.section(QLatin1Char('='), 0, 0);
            const QString value = e.section(QLatin1Char('='), 1);
            if (value.isEmpty())
                env.remove(name);
            else
                env.insert(name, value);
        }
        process.setProcessEnvironment(env);
    }
    process.setProgram(program);
    process.setArguments(args);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    ProcessRun run;
    if (!process.waitForStarted()) {
        run.err = "could not start " + program.toUtf8();
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = program.toUtf8() + " timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

ProcessRun runCli(const QStringList &args, const QString &workingDirectory)
{
    return runProcess(QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli"), args, workingDirectory);
}

} // namespace rs::test
