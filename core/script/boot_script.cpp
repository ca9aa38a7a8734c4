#include "script/boot_script.h"

#include "etf/etf.h"
#include "release/resolver.h"
#include "term/pretty.h"

#include <QDir>

namespace rs::script {

using release::ResolvedApp;
using release::ResolvedRelease;
using release::StartType;
using term::atom;
using term::Term;

namespace {

Term str(const QString &text)
{
    return Term::string(text);
}
Term tuple(std::vector<Term> elements)
{
    return Term::tuple(std::move(elements));
}

// filename:split/1 on a POSIX path: "/a/b" -> ["/", "a", "b"].
QStringList splitPath(const QString &path)
{
    QStringList parts;
    if (path.startsWith(QLatin1Char('/')))
        parts << QStringLiteral("/");
    for (const QString &p : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        parts << p;
    return parts;
}

// filename:join/1 for components that are never absolute after the first.
QString joinPath(const QStringList &parts)
{
    QString out;
    for (const QString &p : parts) {
        if (out.isEmpty() || out.endsWith(QLatin1Char('/')))
            out += p;
        else
            out += QLatin1Char('/') + p;
    }
    return out;
}

// systools' variable_dir: the directory under a variable's path, written from "$VAR".
std::optional<QString> variableDir(const QString &dir, const QString &name, const QString &vsn,
                                   const std::vector<std::pair<QString, QString>> &variables)
{
    for (const auto &[var, path] : variables) {
        if (!dir.startsWith(path)) // a plain string prefix, as lists:prefix/2
            continue;
        const QStringList rest = splitPath(dir).mid(splitPath(path).size());
        QStringList reversed(rest.crbegin(), rest.crend());
        QStringList head{QLatin1Char('$') + var};
        if (reversed.size() >= 2 && reversed[0] == QLatin1String("ebin") &&
            (reversed[1] == name || reversed[1] == name + QLatin1Char('-') + vsn)) {
            head << rest.mid(0, rest.size() - 2);
        } else {
            head << rest;
        }
        return joinPath(head + QStringList{name + QLatin1Char('-') + vsn, QStringLiteral("ebin")});
    }
    return std::nullopt;
}

// systools' cr_path: where the script loads an application's code from.
QString applicationPath(const ResolvedApp &app, const ScriptOptions &options)
{
    const QString &name = app.spec.name;
    const QString &vsn = app.spec.vsn;
    switch (options.paths) {
    case PathStyle::Local:
        return QDir::cleanPath(QDir(app.spec.ebinDir).absolutePath());
    case PathStyle::OtpBuild:
        return QStringLiteral("$ROOT/lib/%1/ebin").arg(name);
    case PathStyle::Root:
        break;
    }
    if (!options.variables.empty()) {
        if (auto dir = variableDir(app.spec.ebinDir, name, vsn, options.variables))
            return *dir;
    }
    return QStringLiteral("$ROOT/lib/%1-%2/ebin").arg(name, vsn);
}

Term stringList(QStringList items)
{
    items.removeDuplicates(); // make_set keeps the first of each
    items.removeAll(QString());
    std::vector<Term> out;
    for (const QString &i : items)
        out.push_back(str(i));
    return Term::list(std::move(out));
}

QStringList sortedAsAtoms(QStringList names)
{
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return names;
}

} // namespace

Term applicationTerm(const ResolvedApp &app)
{
    const release::AppSpec &s = app.spec;
    std::vector<Term> keys = {
        tuple({atom("description"), str(s.description)}),
        tuple({atom("vsn"), str(s.vsn)}),
        tuple({atom("id"), str(s.id)}),
        tuple({atom("modules"), release::atomList(s.modules)}),
        tuple({atom("registered"), release::atomList(s.registered)}),
        tuple({atom("applications"), release::atomList(app.uses)}),
        tuple({atom("optional_applications"), release::atomList(s.optionalApplications)}),
        tuple({atom("included_applications"), release::atomList(app.includes)}),
        tuple({atom("env"), s.env}),
        tuple({atom("maxT"), s.maxT}),
        tuple({atom("maxP"), s.maxP}),
    };
    if (!s.startPhases.isAtom(u"undefined"))
        keys.push_back(tuple({atom("start_phases"), s.startPhases}));
    if (!s.mod.isNil())
        keys.push_back(tuple({atom("mod"), s.mod}));
    return tuple({atom("application"), Term::atom(s.name), Term::list(std::move(keys))});
}

Term makeScript(const ResolvedRelease &release, const ScriptOptions &options, const BootRules &rules)
{
    std::vector<Term> script;
    auto add = [&](Term t) { script.push_back(std::move(t)); };
    auto progress = [&](const char *what) { add(tuple({atom("progress"), atom(what)})); };

    add(tuple({atom("preLoaded"), release::atomList(rules.preloaded)}));
    progress("preloaded");
    QStringList mandatoryPath;
    for (const ResolvedApp &app : release.apps) {
        if (app.spec.name == QLatin1String("kernel") || app.spec.name == QLatin1String("stdlib"))
            mandatoryPath << applicationPath(app, options);
    }
    add(tuple({atom("path"), stringList(mandatoryPath)}));
    add(tuple({atom("primLoad"), release::atomList(rules.mandatory)}));
    add(tuple({atom("kernel_load_completed")}));
    progress("kernel_load_completed");

    QStringList allPaths;
    for (const ResolvedApp &app : release.apps) {
        QStringList modules;
        for (const QString &m : app.spec.modules) {
            if (!rules.mandatory.contains(m) && !rules.preloaded.contains(m))
                modules << m;
        }
        const QString path = applicationPath(app, options);
        allPaths << path;
        add(tuple({atom("path"), Term::list({str(path)})}));
        add(tuple({atom("primLoad"), release::atomList(sortedAsAtoms(modules))}));
    }
    progress("modules_loaded");
    add(tuple({atom("path"), stringList(allPaths)}));

    const ResolvedApp *kernel = release.app(u"kernel");
    add(tuple({atom("kernelProcess"), atom("heart"), tuple({atom("heart"), atom("start"), Term::nil()})}));
    add(tuple({atom("kernelProcess"), atom("logger"),
               tuple({atom("logger_server"), atom("start_link"), Term::nil()})}));
    add(tuple({atom("kernelProcess"), atom("application_controller"),
               tuple({atom("application_controller"), atom("start"),
                      Term::list({kernel ? applicationTerm(*kernel) : Term()})})}));
    progress("init_kernel_started");

    for (const ResolvedApp &app : release.apps) {
        if (app.spec.name == QLatin1String("kernel") || app.type == StartType::None)
            continue;
        add(tuple(
            {atom("apply"), tuple({atom("application"), atom("load"), Term::list({applicationTerm(app)})})}));
    }
    progress("applications_loaded");

    for (const ResolvedApp &app : release.apps) {
        if (release.isIncluded(app.spec.name) || app.type == StartType::None || app.type == StartType::Load)
            continue;
        add(tuple({atom("apply"), tuple({atom("application"), atom("start_boot"),
                                         Term::list({Term::atom(app.spec.name),
                                                     Term::atom(release::startTypeName(app.type))})})}));
    }
    if (!options.noDotErlang)
        add(tuple({atom("apply"), tuple({atom("c"), atom("erlangrc"), Term::nil()})}));
    progress("started");

    return tuple({atom("script"), tuple({str(release.rel.name), str(release.rel.vsn)}),
                  Term::list(std::move(script))});
}

BootFiles renderBootFiles(const Term &script)
{
    return {term::consultFileText(script), etf::encode(script)};
}

} // namespace rs::script
