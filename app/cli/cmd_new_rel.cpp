// relstudio-cli new-rel NAME VSN ROOT_APP...: a .rel with the dependency closure of the roots.
#include "command.h"
#include "release_options.h"

#include "common/atomic_file.h"
#include "release/release_builder.h"

namespace rs::cli {

int runNewRel(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Creates a .rel for the root applications: kernel, stdlib and sasl, and every application "
        "the roots need (applications, included_applications and the optional_applications that "
        "are found), each at its newest version, dependencies first."));
    ReleaseOptions common;
    common.addTo(parser);
    const QCommandLineOption outFile(
        QStringLiteral("out"), QStringLiteral("Write to FILE (default: NAME.rel)."), QStringLiteral("FILE"));
    parser.addOption(outFile);
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The release name."));
    parser.addPositionalArgument(QStringLiteral("VSN"), QStringLiteral("The release version."));
    parser.addPositionalArgument(QStringLiteral("ROOT_APP"), QStringLiteral("Applications to start."),
                                 QStringLiteral("ROOT_APP..."));
    if (const auto exit = parseArguments(parser, arguments, 3, -1))
        return *exit;

    const auto ws = openWorkspace(parser, common);
    if (!ws)
        return Failure;
    const QStringList args = parser.positionalArguments();
    const auto rel = release::newRelease(args[0], args[1], args.mid(2), ws->index, ws->otp);
    if (!rel) {
        printFindings({rel.error()});
        return Failure;
    }
    const QString path = parser.isSet(outFile) ? parser.value(outFile) : args[0] + QStringLiteral(".rel");
    const auto written = writeFileAtomically(path, release::relFileText(*rel));
    if (!written) {
        printFindings({written.error()});
        return Failure;
    }
    out() << QStringLiteral("wrote %1 (%2 applications)\n").arg(path).arg(rel->apps.size());
    out().flush();
    return Success;
}

} // namespace rs::cli
