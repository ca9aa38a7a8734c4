#pragma once

// Running the project's programs and the real OTP from tests: no input, a time limit, and what
// they printed.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rs::test {

struct ProcessRun
{
    int exitCode = -1; // -1: did not start, timed out or crashed
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
    // "WHAT exited with N", stdout and stderr, for failure messages.
    QString describe(const QString &what = QStringLiteral("the program")) const;
};

// An empty workingDirectory keeps the test's own. `environment` entries ("NAME=VALUE") are added
// to the test's environment; "NAME=" removes NAME.
ProcessRun runProcess(const QString &program, const QStringList &args,
                      const QString &workingDirectory = QString(), int timeoutMs = 600000,
                      const QStringList &environment = {});

// build/bin/relstudio-cli ARGS.
ProcessRun runCli(const QStringList &args, const QString &workingDirectory = QString());

} // namespace rs::test
