// relstudio-cli check-appup APPUP --from OLD_APP_DIR --to NEW_APP_DIR: lints an .appup.
#include "command.h"

#include "upgrade/appup_lint.h"

#include <algorithm>

namespace rs::cli {

int runCheckAppup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks an .appup against the two versions of the application it upgrades between: changed, "
        "added and deleted modules it does not cover, instructions for unchanged or missing modules, "
        "DepMods naming modules that will not exist, versions that match no earlier version, an "
        ".appup version that is not the new .app's, and every syntax error systools would refuse. "
        "Each problem with file and line. Exit status 1 when there is an error."));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("The old version: an application directory (with "
                                                 "ebin/NAME.app) or its ebin directory."),
                                  QStringLiteral("OLD_APP_DIR"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The new version, likewise."),
                                QStringLiteral("NEW_APP_DIR"));
    const QCommandLineOption earlier(
        QStringLiteral("earlier-vsn"),
        QStringLiteral("Another version the application had before; an entry that matches no known "
                       "earlier version is reported. Repeatable."),
        QStringLiteral("VSN"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the findings as a JSON array."));
    for (const auto *o : {&from, &to, &earlier, &json})
        parser.addOption(*o);
    parser.addPositionalArgument(QStringLiteral("APPUP"), QStringLiteral("The .appup file."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;
    if (!parser.isSet(from) || !parser.isSet(to)) {
        err() << QStringLiteral("check-appup needs --from OLD_APP_DIR and --to NEW_APP_DIR\n");
        err().flush();
        return UsageError;
    }

    const QString appup = parser.positionalArguments().constFirst();
    upgrade::AppupLintOptions options;
    options.earlierVersions = parser.values(earlier);
    const Findings findings = upgrade::lintAppupFiles(appup, parser.value(from), parser.value(to), options);
    const bool failed =
        std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.isError(); });
    if (parser.isSet(json)) {
        out() << QString::fromUtf8(findingsToJson(findings));
    } else if (findings.isEmpty()) {
        out() << QStringLiteral("%1: no problems found\n").arg(appup);
    } else {
        for (const Finding &f : findings)
            out() << f.toDiagnostic() << QStringLiteral("\n");
    }
    out().flush();
    return failed ? Failure : Success;
}

} // namespace rs::cli
