// A port of systools_relup:mk_relup/4 (OTP 25, sasl-4.2) on resolved releases.
#include "upgrade/relup.h"

#include "release/resolver.h"
#include "term/pretty.h"
#include "term/writer.h"
#include "upgrade/appup.h"
#include "upgrade/rc_translate.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <map>
#include <optional>

namespace rs::upgrade {

using release::ResolvedRelease;
using term::atom;
using term::Term;

namespace {

QString show(const Term &t)
{
    return term::prettyOneLine(t);
}

// Only sasl-2.2 (R15) and later restart the new emulator before the rest of the upgrade.
const QString r15SaslVsn = QStringLiteral("2.2");

std::vector<ApplicationModules> applicationModules(const ResolvedRelease &rel)
{
    std::vector<ApplicationModules> out;
    out.reserve(rel.apps.size());
    for (const release::ResolvedApp &a : rel.apps)
        out.push_back({a.spec.name, a.spec.vsn, release::startTypeName(a.type), a.spec.modules});
    return out;
}

class Generator
{
public:
    Generator(const ResolvedRelease &to, const RelupOptions &options) : m_to(to), m_options(options) {}

    // foreach_baserel_up/7 and foreach_baserel_dn/7, for one base release.
    Expected<Term> entry(Direction direction, const BaseRelease &base);

    Findings warnings; // newest first, as systools accumulates them

private:
    Expected<const Appup *> appupOf(const release::ResolvedApp &app);
    std::optional<Finding> collectAppupScripts(Direction direction, const release::ReleaseSpec &base,
                                               std::vector<InstructionScript> &scripts);

    const ResolvedRelease &m_to;
    const RelupOptions &m_options;
    std::map<QString, Appup> m_appups; // by file: systools reads each again, with the same result
};

Finding missingSasl(const release::ReleaseSpec &rel)
{
    return Finding::error(
        QStringLiteral("No sasl application in release %1, %2. Can not be upgraded.").arg(rel.name, rel.vsn),
        rel.location);
}

Expected<const Appup *> Generator::appupOf(const release::ResolvedApp &app)
{
    if (const auto given = m_options.appupOverrides.find(app.spec.name);
        given != m_options.appupOverrides.end())
        return &given->second;
    const QString file = app.spec.ebinDir + QLatin1Char('/') + app.spec.name + QStringLiteral(".appup");
    const auto cached = m_appups.find(file);
    if (cached != m_appups.end())
        return &cached->second;
    if (!QFileInfo::exists(file)) {
        return Finding::error(
            QStringLiteral(
                "Could not open file %1: %2 %3 has no .appup, so it cannot be upgraded or downgraded")
                .arg(file, app.spec.name, app.spec.vsn),
            app.relLocation);
    }
    auto appup = readAppupFile(file);
    if (!appup) {
        Finding f = appup.error();
        f.message = QStringLiteral("Could not parse file %1: %2").arg(file, f.message);
        return f;
    }
    return &m_appups.emplace(file, std::move(*appup)).first->second;
}

// collect_appup_scripts/5 with get_script_from_appup/5: for each application of the new release
// (in start order) that the base release has in another version, the entry of its .appup.
std::optional<Finding> Generator::collectAppupScripts(Direction direction, const release::ReleaseSpec &base,
                                                      std::vector<InstructionScript> &scripts)
{
    for (const release::ResolvedApp &topApp : m_to.apps) {
        const release::RelApp *baseApp = base.app(topApp.spec.name);
        if (!baseApp || baseApp->vsn == topApp.spec.vsn)
            continue;
        const auto appup = appupOf(topApp);
        if (!appup)
            return appup.error();
        const Appup &a = **appup;
        if (!(a.vsn == Term::string(topApp.spec.vsn))) {
            warnings.prepend(Finding::warning(
                QStringLiteral("%1 is version %2, but its .appup is for version %3 (systools' bad_vsn)")
                    .arg(topApp.spec.name, topApp.spec.vsn, a.vsnText()),
                SourceLocation{a.file, a.vsn.line(), a.vsn.column()}));
        }
        const VersionList &list = direction == Direction::Up ? a.up : a.down;
        const VersionMatch match = findVersion(list, baseApp->vsn, a.file);
        if (match.error)
            return *match.error;
        if (!match.entry) {
            return Finding::error(
                QStringLiteral("No release upgrade script entry for %1-%2 to %1-%3 in file %4 (no %5 entry "
                               "matches %3)")
                    .arg(topApp.spec.name, topApp.spec.vsn, baseApp->vsn, a.file,
                         direction == Direction::Up ? QStringLiteral("up-from") : QStringLiteral("down-to")),
                SourceLocation{a.file, list.term.line(), list.term.column()});
        }
        const VersionEntry &e = *match.entry;
        if (!e.instructionsAreList()) {
            return Finding::error(QStringLiteral("the instructions for %1 in %2 are not a list: %3")
                                      .arg(e.versionText(), a.file, show(e.instructionsTerm)),
                                  e.location);
        }
        InstructionScript script;
        for (const Instruction &i : e.instructions)
            script.push_back({i.term, i.location});
        scripts.push_back(std::move(script));
    }
    return std::nullopt;
}

Expected<Term> Generator::entry(Direction direction, const BaseRelease &base)
{
    const ResolvedRelease &baseRel = *base.release;
    if (!baseRel.rel.app(u"sasl"))
        return missingSasl(baseRel.rel);
    const bool up = direction == Direction::Up;

    std::vector<InstructionScript> scripts;
    if (auto error = collectAppupScripts(direction, baseRel.rel, scripts))
        return *error;

    // prepend_add_app_scripts/4 and append_remove_app_scripts/4, from FROM to TO.
    const release::ReleaseSpec &from = up ? baseRel.rel : m_to.rel;
    const release::ReleaseSpec &to = up ? m_to.rel : baseRel.rel;
    std::vector<InstructionScript> added;
    for (const release::RelApp &a : to.apps) {
        if (!from.app(a.name)) {
            added.push_back(
                InstructionScript{LocatedTerm{Term::tuple({atom("add_application"), Term::atom(a.name),
                                                           Term::atom(release::startTypeName(a.type))}),
                                              a.location}});
        }
    }
    scripts.insert(scripts.begin(), added.begin(), added.end());
    for (const release::RelApp &a : from.apps) {
        if (!to.app(a.name))
            scripts.push_back(InstructionScript{
                LocatedTerm{Term::tuple({atom("remove_application"), Term::atom(a.name)}), a.location}});
    }

    // check_for_emulator_restart/5: the new release and the base release, in this order.
    if (m_to.rel.ertsVsn != baseRel.rel.ertsVsn) {
        scripts.insert(scripts.begin(), InstructionScript{LocatedTerm{atom("restart_new_emulator"),
                                                                      baseRel.rel.ertsLocation}});
        const Term r1 = Term::tuple({Term::string(m_to.rel.name), Term::string(m_to.rel.ertsVsn)});
        const Term r2 = Term::tuple({Term::string(baseRel.rel.name), Term::string(baseRel.rel.ertsVsn)});
        warnings.prepend(Finding::warning(
            QStringLiteral("The ERTS version changed between %1 and %2: the emulator is restarted")
                .arg(show(r1), show(r2)),
            baseRel.rel.ertsLocation));
    }
    if (m_options.restartEmulator)
        scripts.push_back(InstructionScript{LocatedTerm{atom("restart_emulator"), {}}});

    const std::vector<ApplicationModules> topApps = applicationModules(m_to);
    const std::vector<ApplicationModules> baseApps = applicationModules(baseRel);
    auto translated = up ? translateScripts(direction, scripts, topApps, baseApps)
                         : translateScripts(direction, scripts, baseApps, topApps);
    if (!translated)
        return translated.error();
    std::vector<Term> instructions = std::move(*translated);

    // fix_r15_sasl_upgrade/3: an old release_handler restarts the emulator last.
    if (up && !instructions.empty() && instructions.front().isAtom(u"restart_new_emulator")) {
        const release::ResolvedApp *sasl = baseRel.app(u"sasl");
        if (sasl && sasl->spec.vsn < r15SaslVsn) {
            instructions.erase(instructions.begin());
            const auto restart = std::find_if(instructions.begin(), instructions.end(),
                                              [](const Term &t) { return t.isAtom(u"restart_emulator"); });
            if (restart != instructions.end())
                instructions.erase(restart);
            instructions.push_back(atom("restart_new_emulator"));
            warnings.prepend(Finding::warning(
                QStringLiteral("Upgrade from an OTP version earlier than R15 (sasl %1). New code should be "
                               "compiled with the old emulator.")
                    .arg(sasl->spec.vsn),
                baseRel.rel.location));
        }
    }
    return Term::tuple(
        {Term::string(baseRel.rel.vsn), base.description, Term::list(std::move(instructions))});
}

} // namespace

QByteArray RelupResult::text() const
{
    return term::consultFileText(relup);
}

Expected<RelupResult> makeRelup(const ResolvedRelease &to, const std::vector<BaseRelease> &upFrom,
                                const std::vector<BaseRelease> &downTo, const RelupOptions &options)
{
    if (!to.rel.app(u"sasl"))
        return missingSasl(to.rel);
    Generator generator(to, options);
    // Each entry is put first: the lists come out in the reverse order of the releases.
    std::vector<Term> up;
    for (const BaseRelease &base : upFrom) {
        auto e = generator.entry(Direction::Up, base);
        if (!e)
            return e.error();
        up.insert(up.begin(), std::move(*e));
    }
    std::vector<Term> down;
    for (const BaseRelease &base : downTo) {
        auto e = generator.entry(Direction::Down, base);
        if (!e)
            return e.error();
        down.insert(down.begin(), std::move(*e));
    }
    if (options.warningsAsErrors && !generator.warnings.isEmpty()) {
        QStringList messages;
        for (const Finding &w : generator.warnings)
            messages << w.toString();
        return Finding::error(
            QStringLiteral("Warnings being treated as errors:\n%1").arg(messages.join(QLatin1Char('\n'))),
            generator.warnings.front().location);
    }
    RelupResult result;
    result.relup =
        Term::tuple({Term::string(to.rel.vsn), Term::list(std::move(up)), Term::list(std::move(down))});
    result.warnings = generator.warnings;
    return result;
}

Expected<RelupResult> makeRelup(const ResolvedRelease &to, const std::vector<ResolvedRelease> &upFrom,
                                const std::vector<ResolvedRelease> &downTo, const RelupOptions &options)
{
    std::vector<BaseRelease> up;
    for (const ResolvedRelease &r : upFrom)
        up.push_back({&r, Term()});
    std::vector<BaseRelease> down;
    for (const ResolvedRelease &r : downTo)
        down.push_back({&r, Term()});
    return makeRelup(to, up, down, options);
}

} // namespace rs::upgrade
