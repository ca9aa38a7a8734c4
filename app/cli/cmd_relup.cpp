// relstudio-cli relup NEW_REL --from OLD_REL...: the relup, byte for byte as systools:make_relup/4.
#include "command.h"
#include "release_options.h"

#include "common/atomic_file.h"
#include "upgrade/appup_lint.h"
#include "upgrade/relup.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <list>

namespace rs::cli {

namespace {

// systools names releases without the extension: accept "NAME-VSN" for "NAME-VSN.rel".
QString relFilePath(const QString &given)
{
    if (!given.endsWith(QStringLiteral(".rel")) && !QFileInfo(given).isFile() &&
        QFileInfo(given + QStringLiteral(".rel")).isFile())
        return given + QStringLiteral(".rel");
    return given;
}

} // namespace

int runRelup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates the relup of a release: the instructions release_handler follows to upgrade to "
        "NEW_REL from each --from release and to downgrade from it to each --down release, made "
        "from the .appup files of the applications that change, byte for byte what "
        "systools:make_relup/4 of the installed OTP writes. Prints systools' warnings."));
    ReleaseOptions common;
    common.addTo(parser);
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("A release to upgrade from (its .rel); repeatable, "
                                                 "at least one."),
                                  QStringLiteral("OLD_REL"));
    const QCommandLineOption down(QStringLiteral("down"),
                                  QStringLiteral("A release to downgrade to; repeatable (default: the "
                                                 "--from releases)."),
                                  QStringLiteral("OLD_REL"));
    const QCommandLineOption outDir(QStringLiteral("out"),
                                    QStringLiteral("Write DIR/relup (default: next to NEW_REL)."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption restartEmulator(
        QStringLiteral("restart-emulator"),
        QStringLiteral("Restart the emulator as the last step (systools' restart_emulator)."));
    const QCommandLineOption warningsAsErrors(QStringLiteral("warnings-as-errors"),
                                              QStringLiteral("Fail on a warning, as systools' "
                                                             "warnings_as_errors."));
    const QCommandLineOption check(
        QStringLiteral("check"),
        QStringLiteral("First check the .appup of every application that changes against its two versions "
                       "(as check-appup does); an error stops the command."));
    for (const auto *o : {&from, &down, &outDir, &restartEmulator, &warningsAsErrors, &check})
        parser.addOption(*o);
    parser.addPositionalArgument(QStringLiteral("NEW_REL"), QStringLiteral("The .rel of the new release."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;
    if (!parser.isSet(from)) {
        err() << QStringLiteral("relup needs at least one --from OLD_REL\n");
        err().flush();
        return UsageError;
    }

    const auto ws = openWorkspace(parser, common);
    if (!ws)
        return Failure;
    // Every release against the one index; each .rel is resolved once.
    std::list<std::pair<QString, release::ResolvedRelease>> resolved;
    auto resolveRel = [&](const QString &given) -> const release::ResolvedRelease * {
        const QString path = QFileInfo(relFilePath(given)).absoluteFilePath();
        for (const auto &[p, r] : resolved) {
            if (p == path)
                return &r;
        }
        const release::RelParse rel = release::readRelFile(path);
        printFindings(rel.findings);
        if (!rel.ok())
            return nullptr;
        release::Resolution resolution = release::resolve(rel.spec, ws->index, &ws->otp);
        printFindings(resolution.findings);
        if (!resolution.release)
            return nullptr;
        resolved.emplace_back(path, std::move(*resolution.release));
        return &resolved.back().second;
    };

    const QString newRel = relFilePath(parser.positionalArguments().constFirst());
    const release::ResolvedRelease *top = resolveRel(newRel);
    if (!top)
        return Failure;
    auto bases = [&](const QStringList &rels, std::vector<upgrade::BaseRelease> &outList) {
        for (const QString &r : rels) {
            const release::ResolvedRelease *base = resolveRel(r);
            if (!base)
                return false;
            outList.push_back({base, term::Term()});
        }
        return true;
    };
    std::vector<upgrade::BaseRelease> up;
    std::vector<upgrade::BaseRelease> downTo;
    if (!bases(parser.values(from), up) ||
        !bases(parser.isSet(down) ? parser.values(down) : parser.values(from), downTo))
        return Failure;

    if (parser.isSet(check)) {
        Findings findings;
        std::vector<const release::ResolvedRelease *> checked;
        for (const auto *list : {&up, &downTo}) {
            for (const upgrade::BaseRelease &base : *list) {
                if (std::find(checked.begin(), checked.end(), base.release) != checked.end())
                    continue;
                checked.push_back(base.release);
                findings << upgrade::lintReleaseUpgrade(*base.release, *top);
            }
        }
        printFindings(findings);
        if (std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.isError(); }))
            return Failure;
    }

    upgrade::RelupOptions options;
    options.restartEmulator = parser.isSet(restartEmulator);
    options.warningsAsErrors = parser.isSet(warningsAsErrors);
    const auto relup = upgrade::makeRelup(*top, up, downTo, options);
    if (!relup) {
        printFindings({relup.error()});
        return Failure;
    }
    printFindings(relup->warnings);

    const QString dir = parser.isSet(outDir) ? parser.value(outDir) : QFileInfo(newRel).absolutePath();
    const QString path = QDir(dir).filePath(QStringLiteral("relup"));
    const auto written = writeFileAtomically(path, relup->text());
    if (!written) {
        printFindings({written.error()});
        return Failure;
    }
    out() << QStringLiteral("wrote %1 (%2 %3: up from %4, down to %5)\n")
                 .arg(path, top->rel.name, top->rel.vsn)
                 .arg(up.size())
                 .arg(downTo.size());
    out().flush();
    return Success;
}

} // namespace rs::cli
