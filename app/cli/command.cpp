#include "command.h"

#include "common/logging.h"

#include <QCoreApplication>

#include <spdlog/spdlog.h>

namespace rs::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> all = {
        {QStringLiteral("script"),
         QStringLiteral("Generate NAME.script and NAME.boot as systools:make_script does"), runScript},
        {QStringLiteral("check"), QStringLiteral("Check a release and print its problems"), runCheck},
        {QStringLiteral("new-rel"),
         QStringLiteral("Create a .rel from root applications and their dependencies"), runNewRel},
        {QStringLiteral("tar"), QStringLiteral("Build the release tarball (systools:make_tar layout)"),
         runTar},
        {QStringLiteral("assemble"), QStringLiteral("Lay out a bootable target directory with bin/NAME"),
         runAssemble},
        {QStringLiteral("inspect"), QStringLiteral("Show what a release tarball or directory holds"),
         runInspect},
        {QStringLiteral("diff"), QStringLiteral("Compare two releases (directories or tarballs)"), runDiff},
        {QStringLiteral("appup"),
         QStringLiteral("Generate the .appup between two versions of an application"), runAppup},
        {QStringLiteral("check-appup"),
         QStringLiteral("Check an .appup against the two versions of its application"), runCheckAppup},
        {QStringLiteral("relup"), QStringLiteral("Generate the relup as systools:make_relup does"), runRelup},
        {QStringLiteral("print"), QStringLiteral("Print an Erlang term file as OTP writes it (~tp or ~w)"),
         runPrint},
    };
    return all;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional,
                                  int maxPositional)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")},
                                     QStringLiteral("Log debug messages to stderr."));
    parser.addOption(help);
    parser.addOption(verbose);
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << QStringLiteral("\n") << QStringLiteral("Try '") << arguments.value(0)
              << QStringLiteral(" --help'.\n");
        err().flush();
        return UsageError;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText();
        out().flush();
        return Success;
    }
    logging::setup({.verbose = parser.isSet(verbose), .toStderr = true, .logFile = {}});
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        err() << (n < minPositional ? QStringLiteral("missing arguments")
                                    : QStringLiteral("too many arguments"))
              << QStringLiteral("\n") << parser.helpText();
        err().flush();
        return UsageError;
    }
    return std::nullopt;
}

void printFindings(const Findings &findings)
{
    for (const Finding &f : findings)
        err() << f.toDiagnostic() << QStringLiteral("\n");
    err().flush();
}

} // namespace rs::cli
