// relstudio-cli print FILE: reads a file of Erlang terms and prints it as OTP writes such files.
#include "command.h"

#include "term/pretty.h"
#include "term/reader.h"
#include "term/writer.h"

namespace rs::cli {

int runPrint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reads FILE as file:consult/1 does and prints every term as io_lib:format(\"~tp\") "
                       "does (or \"~w\" with --compact), each followed by a full stop."));
    const QCommandLineOption compact(QStringLiteral("compact"), QStringLiteral("One line per term (~w)."));
    const QCommandLineOption width(QStringLiteral("width"),
                                   QStringLiteral("Line length for ~tp (default 80)."), QStringLiteral("N"),
                                   QStringLiteral("80"));
    parser.addOption(compact);
    parser.addOption(width);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A file of Erlang terms."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;

    bool widthOk = false;
    const int lineLength = parser.value(width).toInt(&widthOk);
    if (!widthOk || lineLength < 10) {
        err() << QStringLiteral("--width must be a number of at least 10\n");
        return UsageError;
    }
    const auto terms = term::consultFile(parser.positionalArguments().constFirst());
    if (!terms) {
        printFindings({terms.error()});
        return Failure;
    }
    for (const term::Term &t : *terms) {
        out() << (parser.isSet(compact) ? term::writeTerm(t, term::Encoding::Unicode)
                                        : term::prettyTerm(t, {.lineLength = lineLength}))
              << QStringLiteral(".\n");
    }
    out().flush();
    return Success;
}

} // namespace rs::cli
