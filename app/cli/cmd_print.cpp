// relstudio-cli print FILE: reads a file of Erlang terms and prints it as OTP writes such files.
#include "command.h"

#include <QFile>

#include "etf/etf.h"
#include "term/pretty.h"
#include "term/reader.h"
#include "term/writer.h"

namespace rs::cli {

namespace {

// A text file of terms (file:consult/1), or a binary term such as a .boot (binary_to_term/1).
Expected<std::vector<term::Term>> readTermFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Finding::error(QStringLiteral("cannot read the file: %1").arg(file.errorString()),
                              {path, 0, 0});
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith('\x83'))
        return term::consultText(bytes, path);
    auto t = etf::decode(bytes);
    if (!t)
        return Finding::error(t.error().message, {path, 0, 0});
    return std::vector<term::Term>{std::move(t).value()};
}

} // namespace

int runPrint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reads FILE as file:consult/1 does (or as binary_to_term/1 for a binary file such as "
                       "a .boot) and prints every term as io_lib:format(\"~tp\") "
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
    const auto terms = readTermFile(parser.positionalArguments().constFirst());
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
