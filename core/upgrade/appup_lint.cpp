#include "upgrade/appup_lint.h"

#include "release/app_index.h"
#include "release/resolver.h"
#include "upgrade/rc_translate.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace rs::upgrade {

using term::Term;

namespace {

SourceLocation at(const QString &file, const Term &t)
{
    return {file, t.line(), t.column()};
}

Finding info(QString message, SourceLocation location)
{
    Finding f;
    f.severity = Severity::Info;
    f.message = std::move(message);
    f.location = std::move(location);
    return f;
}

// The instructions of an entry as systools_rc:expand_script/1 reads them: each instruction in its
// long form, and a list among them spliced in as it is (one level, its elements not expanded).
void flatten(const Instruction &i, const QString &file, std::vector<Instruction> &out)
{
    if (!i.term.isList()) {
        out.push_back({expandInstruction(i.term), i.location});
        return;
    }
    if (!i.term.isProperList())
        return; // checkAppup reports it
    for (const Term &e : i.term.elements())
        out.push_back({e, e.line() > 0 ? at(file, e) : i.location});
}

QString moduleOf(const Term &lowLevelTuple)
{
    // {load, {Mod, PrePurge, PostPurge}} and {remove, {Mod, PrePurge, PostPurge}}
    if (lowLevelTuple.isTuple(2) && lowLevelTuple.at(1).isTuple() && lowLevelTuple.at(1).size() >= 1 &&
        lowLevelTuple.at(1).at(0).isAtom())
        return lowLevelTuple.at(1).at(0).atomName();
    return {};
}

class EntryLint
{
public:
    EntryLint(const AppVersion &from, const AppVersion &to, const ModuleDiff &diff, Direction direction,
              const QString &file, Findings &findings)
        : m_from(from), m_to(to), m_diff(diff), m_direction(direction), m_file(file), m_findings(findings)
    {
    }

    void run(const VersionEntry &entry)
    {
        std::vector<Instruction> instructions;
        for (const Instruction &i : entry.instructions)
            flatten(i, m_file, instructions);

        const AppVersion &target = up() ? m_to : m_from;
        const AppVersion &source = up() ? m_from : m_to;
        const QString app = m_to.spec.name;
        bool coversAll = false;
        QSet<QString> loaded;
        QSet<QString> removed;
        for (const Instruction &i : instructions) {
            const InstructionKind kind = i.kind();
            QString module;
            bool loads = false;
            switch (kind) {
            case InstructionKind::RestartNewEmulator:
            case InstructionKind::RestartEmulator:
                coversAll = true;
                continue;
            case InstructionKind::RestartApplication:
                if (i.subject() == app)
                    coversAll = true;
                continue;
            case InstructionKind::LoadModule:
            case InstructionKind::Update:
            case InstructionKind::AddModule:
                module = i.subject();
                loads = true;
                break;
            case InstructionKind::DeleteModule:
                module = i.subject();
                break;
            case InstructionKind::Load:
                module = moduleOf(i.term);
                loads = true;
                break;
            case InstructionKind::Remove:
                module = moduleOf(i.term);
                break;
            default:
                continue;
            }
            if (module.isEmpty())
                continue; // checkAppup reports the bad module
            if (loads) {
                loaded.insert(module);
                checkLoaded(i, kind, module, target, source);
            } else {
                removed.insert(module);
                checkRemoved(i, module, target, source);
            }
            if (kind == InstructionKind::LoadModule || kind == InstructionKind::Update ||
                kind == InstructionKind::AddModule || kind == InstructionKind::DeleteModule)
                checkDepMods(i, module);
        }
        if (coversAll)
            return;

        const QString where =
            QStringLiteral("the %1 %2 entry")
                .arg(up() ? QStringLiteral("up-from") : QStringLiteral("down-to"), entry.versionText());
        for (const QString &m : m_diff.changed) {
            if (!loaded.contains(m)) {
                m_findings << Finding::error(
                    QStringLiteral(
                        "module %1 changed between %2 and %3, but no instruction of %4 loads it: the "
                        "running system would keep its %5 code")
                        .arg(m, fromVsn(), toVsn(), where,
                             up() ? QStringLiteral("old") : QStringLiteral("new")),
                    entry.location);
            }
        }
        // Modules only in the target version must be loaded, modules only in the source removed.
        const QStringList &onlyTarget = up() ? m_diff.added : m_diff.deleted;
        const QStringList &onlySource = up() ? m_diff.deleted : m_diff.added;
        for (const QString &m : onlyTarget) {
            if (!loaded.contains(m)) {
                m_findings << Finding::error(
                    QStringLiteral("module %1 is in %2 %3 but not in %4, and no instruction of %5 adds it "
                                   "({add_module, %1}): releases boot in embedded mode, where nothing is "
                                   "loaded on demand")
                        .arg(m, app, target.spec.vsn, source.spec.vsn, where),
                    entry.location);
            }
        }
        for (const QString &m : onlySource) {
            if (!removed.contains(m)) {
                m_findings << Finding::warning(
                    QStringLiteral("module %1 is in %2 %3 but not in %4, and no instruction of %5 deletes it "
                                   "({delete_module, %1}): its code stays loaded")
                        .arg(m, app, source.spec.vsn, target.spec.vsn, where),
                    entry.location);
            }
        }
    }

private:
    bool up() const { return m_direction == Direction::Up; }
    QString fromVsn() const { return m_from.spec.vsn; }
    QString toVsn() const { return m_to.spec.vsn; }

    void checkLoaded(const Instruction &i, InstructionKind kind, const QString &m, const AppVersion &target,
                     const AppVersion &source)
    {
        const QString app = m_to.spec.name;
        if (!target.hasModule(m)) {
            if (source.hasModule(m)) {
                m_findings << Finding::error(
                    QStringLiteral("%1 %2 has no module %3 (%4): there is nothing to load")
                        .arg(app, target.spec.vsn, m,
                             up() ? QStringLiteral("the upgrade deletes it")
                                  : QStringLiteral("it is new in %1").arg(m_to.spec.vsn)),
                    i.location);
            } else {
                m_findings << Finding::error(
                    QStringLiteral("%1 is a module of neither %2 %3 nor %2 %4 (systools accepts it only when "
                                   "another application of the release has it)")
                        .arg(m, app, m_from.spec.vsn, m_to.spec.vsn),
                    i.location);
            }
            return;
        }
        const beam::BeamInfo *old = source.module(m);
        if (old && beam::sameCode(*old, *target.module(m))) {
            m_findings << Finding::warning(
                QStringLiteral("module %1 did not change between %2 and %3 (the same code): the instruction "
                               "is not needed")
                    .arg(m, fromVsn(), toVsn()),
                i.location);
            return;
        }
        if (!old)
            return;
        // A changed module: does the instruction fit what it is?
        const beam::BeamInfo &code = *target.module(m);
        const bool supervisorUpdate =
            kind == InstructionKind::Update && i.term.size() == 8 && i.term.at(2).isAtom(u"static");
        if (isSupervisor(code) && !supervisorUpdate) {
            m_findings << Finding::warning(
                QStringLiteral("module %1 is a supervisor: {update, %1, supervisor} also changes the child "
                               "specifications of its running processes, this instruction does not")
                    .arg(m),
                i.location);
        } else if (!isSupervisor(code) && exportsCodeChange(code) && kind == InstructionKind::LoadModule) {
            m_findings << info(QStringLiteral("module %1 exports code_change: with load_module its processes "
                                              "keep their state as it is; {update, %1, {advanced, Extra}} "
                                              "calls code_change")
                                   .arg(m),
                               i.location);
        }
    }

    void checkRemoved(const Instruction &i, const QString &m, const AppVersion &target,
                      const AppVersion &source)
    {
        const QString app = m_to.spec.name;
        if (target.hasModule(m)) {
            m_findings << Finding::error(
                QStringLiteral("%1 %2 still has module %3: deleting it leaves the application without it")
                    .arg(app, target.spec.vsn, m),
                i.location);
        } else if (!source.hasModule(m)) {
            m_findings << Finding::warning(
                QStringLiteral("%1 is a module of neither %2 %3 nor %2 %4: there is "
                               "nothing to delete")
                    .arg(m, app, m_from.spec.vsn, m_to.spec.vsn),
                i.location);
        }
    }

    void checkDepMods(const Instruction &i, const QString &m)
    {
        const Term &deps = i.term.at(i.term.size() - 1);
        if (!deps.isProperList())
            return;
        const QString app = m_to.spec.name;
        for (const Term &d : deps.elements()) {
            if (!d.isAtom())
                continue;
            const QString dep = d.atomName();
            const SourceLocation where = d.line() > 0 ? at(m_file, d) : i.location;
            if (!m_from.hasModule(dep) && !m_to.hasModule(dep)) {
                m_findings << Finding::error(
                    QStringLiteral("%1 depends on %2, a module of neither %3 %4 nor %3 %5")
                        .arg(m, dep, app, m_from.spec.vsn, m_to.spec.vsn),
                    where);
            } else if (up() && !m_to.hasModule(dep)) {
                m_findings << Finding::warning(
                    QStringLiteral(
                        "%1 depends on %2, which will not exist after the upgrade (%3 %4 has no %2)")
                        .arg(m, dep, app, m_to.spec.vsn),
                    where);
            }
        }
    }

    const AppVersion &m_from;
    const AppVersion &m_to;
    const ModuleDiff &m_diff;
    Direction m_direction;
    QString m_file;
    Findings &m_findings;
};

bool entryMatches(const VersionEntry &e, const QString &vsn)
{
    if (!e.isEntry())
        return false;
    if (e.version.isBinary())
        return regexVersionMatches(e.version.bytes(), vsn);
    return e.version == Term::string(vsn);
}

void lintVersions(const Appup &appup, const VersionList &list, Direction direction, const AppVersion &from,
                  const AppVersion &to, const AppupLintOptions &options, Findings &findings)
{
    const QString what = direction == Direction::Up ? QStringLiteral("up-from") : QStringLiteral("down-to");
    const QString newVsn = to.spec.vsn;
    const QString oldVsn = from.spec.vsn;
    const VersionEntry *used = nullptr;
    for (const VersionEntry &e : list.entries) {
        if (!e.isEntry())
            continue;
        const bool matchesOld = entryMatches(e, oldVsn);
        if (matchesOld && used) {
            findings << Finding::warning(
                QStringLiteral("the %1 entry %2 matches %3 but is never used for it: the entry at line %4 "
                               "matches first")
                    .arg(what, e.versionText(), oldVsn)
                    .arg(used->location.line),
                e.location);
        }
        if (matchesOld && !used)
            used = &e;
        if (!e.version.isBinary() && e.version.isText()) {
            const QString v = e.version.toText();
            if (release::compareVersions(v, newVsn) >= 0) {
                findings << Finding::warning(QStringLiteral("%1 version %2 is not earlier than %3 %4: no "
                                                            "release %5 it")
                                                 .arg(what, v, to.spec.name, newVsn,
                                                      direction == Direction::Up
                                                          ? QStringLiteral("upgrades from")
                                                          : QStringLiteral("downgrades to")),
                                             at(appup.file, e.version));
                continue;
            }
        }
        if (!options.earlierVersions.isEmpty() && !matchesOld) {
            const bool any = std::any_of(options.earlierVersions.begin(), options.earlierVersions.end(),
                                         [&](const QString &v) { return entryMatches(e, v); });
            if (!any) {
                findings << info(
                    QStringLiteral("the %1 entry %2 matches none of the known earlier versions of %3 "
                                   "(%4)")
                        .arg(what, e.versionText(), to.spec.name,
                             (QStringList{oldVsn} + options.earlierVersions).join(QStringLiteral(", "))),
                    e.location);
            }
        }
    }
}

} // namespace

Findings lintAppup(const Appup &appup, const AppVersion &from, const AppVersion &to,
                   const AppupLintOptions &options)
{
    Findings findings = checkAppup(appup, to.spec.vsn);
    if (from.spec.name != to.spec.name) {
        findings << Finding::error(QStringLiteral("the two versions are different applications: %1 and %2")
                                       .arg(from.spec.name, to.spec.name),
                                   appup.location);
        return findings;
    }
    if (!appup.file.isEmpty() &&
        QFileInfo(appup.file).fileName() != to.spec.name + QStringLiteral(".appup")) {
        findings << Finding::warning(
            QStringLiteral("systools reads the .appup of %1 from ebin/%1.appup, not from a file named %2")
                .arg(to.spec.name, QFileInfo(appup.file).fileName()),
            appup.location);
    }
    const ModuleDiff diff = diffModules(from, to);
    for (const auto &[list, direction] :
         {std::pair{&appup.up, Direction::Up}, std::pair{&appup.down, Direction::Down}}) {
        if (!list->isProperList())
            continue; // checkAppup reports it
        lintVersions(appup, *list, direction, from, to, options, findings);
        const VersionMatch match = findVersion(*list, from.spec.vsn, appup.file);
        if (match.error) {
            findings << *match.error;
            continue;
        }
        const QString what =
            direction == Direction::Up ? QStringLiteral("up-from") : QStringLiteral("down-to");
        if (!match.entry) {
            findings << Finding::error(
                QStringLiteral("no %1 entry matches %2 %3: systools refuses the relup (\"No release upgrade "
                               "script entry for %2-%4 to %2-%3\")")
                    .arg(what, to.spec.name, from.spec.vsn, to.spec.vsn),
                list->term.line() > 0 ? at(appup.file, list->term) : appup.location);
            continue;
        }
        if (!match.entry->instructionsAreList())
            continue; // checkAppup reports it
        EntryLint(from, to, diff, direction, appup.file, findings).run(*match.entry);
    }
    return findings;
}

Findings lintAppupFiles(const QString &appupPath, const QString &fromDir, const QString &toDir,
                        const AppupLintOptions &options)
{
    const auto appup = readAppupFile(appupPath);
    if (!appup)
        return {appup.error()};
    const auto from = loadAppVersion(fromDir);
    if (!from)
        return {from.error()};
    const auto to = loadAppVersion(toDir);
    if (!to)
        return {to.error()};
    Findings findings = from->findings;
    findings << to->findings;
    findings << lintAppup(*appup, *from, *to, options);
    return findings;
}

Findings lintReleaseUpgrade(const release::ResolvedRelease &from, const release::ResolvedRelease &to)
{
    Findings findings;
    for (const release::ResolvedApp &app : to.apps) {
        const release::ResolvedApp *old = from.app(app.spec.name);
        if (!old)
            continue; // added: add_application, no .appup
        const QString appupPath = QDir(app.spec.ebinDir).filePath(app.spec.name + QStringLiteral(".appup"));
        if (old->spec.vsn == app.spec.vsn) {
            if (QDir::cleanPath(old->spec.ebinDir) == QDir::cleanPath(app.spec.ebinDir))
                continue;
            const auto a = loadAppVersion(old->spec);
            const auto b = loadAppVersion(app.spec);
            if (a && b && !diffModules(*a, *b).isEmpty()) {
                findings << Finding::warning(
                    QStringLiteral(
                        "%1 %2 of release %3 %4 has other code than %1 %2 of release %5 %6 but the "
                        "same version: no upgrade loads it (give it a new version and an .appup)")
                        .arg(app.spec.name, app.spec.vsn, to.rel.name, to.rel.vsn, from.rel.name,
                             from.rel.vsn),
                    app.relLocation);
            }
            continue;
        }
        if (!QFileInfo::exists(appupPath)) {
            findings << Finding::error(
                QStringLiteral("%1 changes from %2 to %3 but has no .appup (%4): systools "
                               "cannot make the relup")
                    .arg(app.spec.name, old->spec.vsn, app.spec.vsn, QDir::toNativeSeparators(appupPath)),
                app.relLocation);
            continue;
        }
        const auto appup = readAppupFile(appupPath);
        if (!appup) {
            findings << appup.error();
            continue;
        }
        const auto a = loadAppVersion(old->spec);
        if (!a) {
            findings << a.error();
            continue;
        }
        const auto b = loadAppVersion(app.spec);
        if (!b) {
            findings << b.error();
            continue;
        }
        findings << lintAppup(*appup, *a, *b);
    }
    return findings;
}

} // namespace rs::upgrade
