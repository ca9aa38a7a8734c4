// relstudio-cli script REL: NAME.script and NAME.boot, byte for byte as systools:make_script/2.
#include "command.h"
#include "release_options.h"

#include "common/atomic_file.h"
#include "script/boot_script.h"

#include <QDir>
#include <QFileInfo>

namespace rs::cli {

namespace {

std::optional<std::vector<std::pair<QString, QString>>> parseVariables(const QStringList &values)
{
    std::vector<std::pair<QString, QString>> variables;
    for (const QString &v : values) {
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == v.size() - 1) {
            err() << QStringLiteral("--variable takes NAME=DIR, not '%1'\n").arg(v);
            return std::nullopt;
        }
        variables.emplace_back(v.left(eq), QDir::cleanPath(QDir(v.mid(eq + 1)).absolutePath()));
    }
    return variables;
}

} // namespace

int runScript(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generates the boot script of a release: NAME.script and NAME.boot, identical to what "
                       "systools:make_script/2 of the installed OTP writes for the same .rel and options."));
    ReleaseOptions common;
    common.addTo(parser);
    const QCommandLineOption outDir(QStringLiteral("out"),
                                    QStringLiteral("Write the files into DIR (default: "
                                                   "next to REL)."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption local(
        QStringLiteral("local"),
        QStringLiteral("Load applications from where they were found (absolute paths) "
                       "instead of $ROOT/lib."));
    const QCommandLineOption variable(
        QStringLiteral("variable"), QStringLiteral("Write applications under DIR as $NAME/...; repeatable."),
        QStringLiteral("NAME=DIR"));
    const QCommandLineOption noDotErlang(QStringLiteral("no-dot-erlang"),
                                         QStringLiteral("Do not load $HOME/.erlang at start."));
    const QCommandLineOption scriptName(QStringLiteral("script-name"),
                                        QStringLiteral("Name the files NAME.script and NAME.boot."),
                                        QStringLiteral("NAME"));
    for (const auto *o : {&outDir, &local, &variable, &noDotErlang, &scriptName})
        parser.addOption(*o);
    parser.addPositionalArgument(QStringLiteral("REL"), QStringLiteral("The .rel file."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;
    const auto variables = parseVariables(parser.values(variable));
    if (!variables)
        return UsageError;

    const auto ws = openWorkspace(parser, common);
    if (!ws)
        return Failure;
    const QString relPath = parser.positionalArguments().constFirst();
    const release::RelParse rel = release::readRelFile(relPath);
    printFindings(rel.findings);
    if (!rel.ok())
        return Failure;
    const release::Resolution resolution = release::resolve(rel.spec, ws->index, &ws->otp);
    printFindings(resolution.findings);
    if (!resolution.release)
        return Failure;

    const script::BootRules rules = script::bootRulesFor(ws->otp);
    printFindings(rules.notes);
    script::ScriptOptions options;
    options.paths = parser.isSet(local) ? script::PathStyle::Local : script::PathStyle::Root;
    options.variables = *variables;
    options.noDotErlang = parser.isSet(noDotErlang);
    const script::BootFiles files =
        script::renderBootFiles(script::makeScript(*resolution.release, options, rules));

    const QFileInfo relInfo(relPath);
    const QString name = parser.isSet(scriptName) ? QFileInfo(parser.value(scriptName)).fileName()
                                                  : relInfo.completeBaseName();
    const QString dir = parser.isSet(outDir) ? parser.value(outDir) : relInfo.absolutePath();
    const QString base = QDir(dir).filePath(name);
    const std::pair<QString, QByteArray> outputs[] = {{base + QStringLiteral(".script"), files.script},
                                                      {base + QStringLiteral(".boot"), files.boot}};
    for (const auto &[path, bytes] : outputs) {
        const auto written = writeFileAtomically(path, bytes);
        if (!written) {
            printFindings({written.error()});
            return Failure;
        }
    }
    return Success;
}

} // namespace rs::cli
