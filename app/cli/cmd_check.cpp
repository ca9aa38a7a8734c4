// relstudio-cli check REL: every problem of a release, as the GUI's Problems dock shows them.
#include "command.h"
#include "release_options.h"

namespace rs::cli {

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks a release as systools:make_script does, and more: missing applications and versions, "
        "start types, included applications, dependency cycles, duplicate modules and registered "
        "names, missing .beam files, sasl, ERTS version. Exit status 1 when there is an error."));
    ReleaseOptions common;
    common.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the findings as a JSON array."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("REL"), QStringLiteral("The .rel file."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;

    const auto ws = openWorkspace(parser, common);
    if (!ws)
        return Failure;
    const release::RelParse rel = release::readRelFile(parser.positionalArguments().constFirst());
    Findings findings = rel.findings;
    if (rel.ok())
        findings << release::resolve(rel.spec, ws->index, &ws->otp).findings;

    const bool failed =
        std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.isError(); });
    if (parser.isSet(json)) {
        out() << QString::fromUtf8(findingsToJson(findings));
    } else if (findings.isEmpty()) {
        out() << QStringLiteral("%1: no problems found\n").arg(parser.positionalArguments().constFirst());
    } else {
        for (const Finding &f : findings)
            out() << f.toDiagnostic() << QStringLiteral("\n");
    }
    out().flush();
    return failed ? Failure : Success;
}

} // namespace rs::cli
