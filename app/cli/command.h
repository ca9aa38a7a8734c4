#pragma once

#include "common/finding.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>
#include <vector>

namespace rs::cli {

// The exit codes are a public interface: scripts rely on them.
enum ExitCode : int { Success = 0, Failure = 1, UsageError = 2 };

struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList &arguments)> run; // arguments[0] is "relstudio-cli NAME"
};

const std::vector<Command> &commands();

QTextStream &out();
QTextStream &err();

// Adds --help and --verbose, parses, and handles both. Returns an exit code when the command must
// stop here (help shown: 0; bad usage: 2), nothing when it should go on.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional,
                                  int maxPositional);

// Prints findings to stderr as "file:line:column: severity: message".
void printFindings(const Findings &findings);

// Every command's entry point; each lives in its own cmd_*.cpp.
int runPrint(const QStringList &arguments);
int runScript(const QStringList &arguments);
int runCheck(const QStringList &arguments);
int runNewRel(const QStringList &arguments);
int runTar(const QStringList &arguments);
int runAssemble(const QStringList &arguments);
int runInspect(const QStringList &arguments);
int runDiff(const QStringList &arguments);
int runAppup(const QStringList &arguments);
int runCheckAppup(const QStringList &arguments);
int runRelup(const QStringList &arguments);

} // namespace rs::cli
