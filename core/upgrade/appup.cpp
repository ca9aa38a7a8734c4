#include "upgrade/appup.h"

#include "term/pretty.h"
#include "term/reader.h"
#include "term/writer.h"
#include "upgrade/rc_translate.h"

#include <QRegularExpression>
#include <QSet>

namespace rs::upgrade {

using term::atom;
using term::Term;

namespace {

QString show(const Term &t)
{
    return term::prettyOneLine(t);
}

SourceLocation at(const QString &file, const Term &t)
{
    return {file, t.line(), t.column()};
}

Term atomList(const QStringList &names)
{
    std::vector<Term> out;
    for (const QString &n : names)
        out.push_back(Term::atom(n));
    return Term::list(std::move(out));
}

Term purgeAtom(instr::Purge p)
{
    return atom(p == instr::Purge::SoftPurge ? "soft_purge" : "brutal_purge");
}

VersionList parseVersionList(const Term &list, const QString &file)
{
    VersionList out;
    out.term = list;
    if (!list.isList())
        return out;
    for (const Term &e : list.elements()) {
        VersionEntry entry;
        entry.term = e;
        entry.location = at(file, e);
        if (e.isTuple(2)) {
            entry.version = e.at(0);
            entry.instructionsTerm = e.at(1);
            if (entry.instructionsTerm.isProperList()) {
                for (const Term &i : entry.instructionsTerm.elements())
                    entry.instructions.push_back({i, at(file, i)});
            }
        }
        out.entries.push_back(std::move(entry));
    }
    return out;
}

} // namespace

QString instructionKindName(InstructionKind kind)
{
    switch (kind) {
    case InstructionKind::LoadModule:
        return QStringLiteral("load_module");
    case InstructionKind::Update:
        return QStringLiteral("update");
    case InstructionKind::AddModule:
        return QStringLiteral("add_module");
    case InstructionKind::DeleteModule:
        return QStringLiteral("delete_module");
    case InstructionKind::AddApplication:
        return QStringLiteral("add_application");
    case InstructionKind::RemoveApplication:
        return QStringLiteral("remove_application");
    case InstructionKind::RestartApplication:
        return QStringLiteral("restart_application");
    case InstructionKind::Apply:
        return QStringLiteral("apply");
    case InstructionKind::RestartNewEmulator:
        return QStringLiteral("restart_new_emulator");
    case InstructionKind::RestartEmulator:
        return QStringLiteral("restart_emulator");
    case InstructionKind::LoadObjectCode:
        return QStringLiteral("load_object_code");
    case InstructionKind::PointOfNoReturn:
        return QStringLiteral("point_of_no_return");
    case InstructionKind::Load:
        return QStringLiteral("load");
    case InstructionKind::Remove:
        return QStringLiteral("remove");
    case InstructionKind::Purge:
        return QStringLiteral("purge");
    case InstructionKind::Suspend:
        return QStringLiteral("suspend");
    case InstructionKind::Resume:
        return QStringLiteral("resume");
    case InstructionKind::CodeChange:
        return QStringLiteral("code_change");
    case InstructionKind::Stop:
        return QStringLiteral("stop");
    case InstructionKind::Start:
        return QStringLiteral("start");
    case InstructionKind::SyncNodes:
        return QStringLiteral("sync_nodes");
    case InstructionKind::Restart:
        return QStringLiteral("restart");
    case InstructionKind::Reboot:
        return QStringLiteral("reboot");
    case InstructionKind::MnesiaBackup:
        return QStringLiteral("mnesia_backup");
    case InstructionKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool isHighLevel(InstructionKind kind)
{
    switch (kind) {
    case InstructionKind::LoadModule:
    case InstructionKind::Update:
    case InstructionKind::AddModule:
    case InstructionKind::DeleteModule:
    case InstructionKind::AddApplication:
    case InstructionKind::RemoveApplication:
    case InstructionKind::RestartApplication:
    case InstructionKind::Apply:
    case InstructionKind::RestartNewEmulator:
    case InstructionKind::RestartEmulator:
        return true;
    default:
        return false;
    }
}

InstructionKind Instruction::kind() const
{
    static const std::pair<const char16_t *, InstructionKind> atoms[] = {
        {u"restart_new_emulator", InstructionKind::RestartNewEmulator},
        {u"restart_emulator", InstructionKind::RestartEmulator},
        {u"point_of_no_return", InstructionKind::PointOfNoReturn},
        {u"restart", InstructionKind::Restart},
        {u"reboot", InstructionKind::Reboot},
        {u"mnesia_backup", InstructionKind::MnesiaBackup},
    };
    if (term.isAtom()) {
        for (const auto &[name, kind] : atoms) {
            if (term.isAtom(name))
                return kind;
        }
        return InstructionKind::Unknown;
    }
    if (!term.isTuple() || term.size() < 2 || !term.at(0).isAtom())
        return InstructionKind::Unknown;
    const QString name = term.at(0).atomName();
    const qsizetype n = term.size();
    struct Shape
    {
        const char16_t *name;
        qsizetype minArity;
        qsizetype maxArity;
        InstructionKind kind;
    };
    static const Shape shapes[] = {
        {u"load_module", 2, 5, InstructionKind::LoadModule},
        {u"update", 2, 8, InstructionKind::Update},
        {u"add_module", 2, 3, InstructionKind::AddModule},
        {u"delete_module", 2, 3, InstructionKind::DeleteModule},
        {u"add_application", 2, 3, InstructionKind::AddApplication},
        {u"remove_application", 2, 2, InstructionKind::RemoveApplication},
        {u"restart_application", 2, 2, InstructionKind::RestartApplication},
        {u"apply", 2, 2, InstructionKind::Apply},
        {u"load_object_code", 2, 2, InstructionKind::LoadObjectCode},
        {u"load", 2, 2, InstructionKind::Load},
        {u"remove", 2, 2, InstructionKind::Remove},
        {u"purge", 2, 2, InstructionKind::Purge},
        {u"suspend", 2, 2, InstructionKind::Suspend},
        {u"resume", 2, 2, InstructionKind::Resume},
        {u"code_change", 2, 3, InstructionKind::CodeChange},
        {u"stop", 2, 2, InstructionKind::Stop},
        {u"start", 2, 2, InstructionKind::Start},
        {u"sync_nodes", 3, 3, InstructionKind::SyncNodes},
    };
    for (const Shape &s : shapes) {
        if (name == QStringView(s.name))
            return n >= s.minArity && n <= s.maxArity ? s.kind : InstructionKind::Unknown;
    }
    return InstructionKind::Unknown;
}

QString Instruction::subject() const
{
    switch (kind()) {
    case InstructionKind::LoadModule:
    case InstructionKind::Update:
    case InstructionKind::AddModule:
    case InstructionKind::DeleteModule:
    case InstructionKind::AddApplication:
    case InstructionKind::RemoveApplication:
    case InstructionKind::RestartApplication:
        return term.at(1).isAtom() ? term.at(1).atomName() : QString();
    default:
        return {};
    }
}

QString VersionEntry::versionText() const
{
    if (version.isBinary())
        return QString::fromUtf8(version.bytes());
    if (version.isText())
        return version.toText();
    return show(version);
}

bool regexVersionMatches(const QByteArray &pattern, const QString &vsn, QString *error)
{
    const QString text = QString::fromUtf8(pattern);
    if (text.toUtf8() != pattern) {
        if (error)
            *error = QStringLiteral("the regular expression is not valid UTF-8");
        return false;
    }
    const QRegularExpression re(text);
    if (!re.isValid()) {
        if (error)
            *error =
                QStringLiteral("the regular expression %1 does not compile: %2").arg(text, re.errorString());
        return false;
    }
    // re:run(Vsn, Regex, [unicode, {capture, first, list}]) =:= {match, [Vsn]}
    const QRegularExpressionMatch m = re.match(vsn);
    return m.hasMatch() && m.captured(0) == vsn;
}

VersionMatch findVersion(const VersionList &list, const QString &vsn, const QString &file)
{
    VersionMatch result;
    if (!list.term.isList()) {
        result.error =
            Finding::error(QStringLiteral("the list of versions is not a list: %1").arg(show(list.term)),
                           at(file, list.term));
        return result;
    }
    const Term vsnTerm = Term::string(vsn);
    for (const VersionEntry &e : list.entries) {
        if (!e.isEntry())
            continue;
        if (e.version == vsnTerm) {
            result.entry = &e;
            return result;
        }
        if (e.version.isBinary()) {
            QString error;
            if (regexVersionMatches(e.version.bytes(), vsn, &error)) {
                result.entry = &e;
                return result;
            }
            if (!error.isEmpty()) {
                result.error = Finding::error(error, e.location);
                return result;
            }
        }
    }
    if (!list.isProperList()) {
        result.error = Finding::error(
            QStringLiteral("the list of versions is not a proper list: %1").arg(show(list.term)),
            at(file, list.term));
    }
    return result;
}

QString Appup::vsnText() const
{
    return vsn.isText() && !vsn.isBinary() ? vsn.toText() : show(vsn);
}

Term Appup::toTerm() const
{
    auto listTerm = [](const VersionList &l) {
        if (!l.term.isList())
            return l.term;
        std::vector<Term> entries;
        for (const VersionEntry &e : l.entries) {
            if (!e.isEntry()) {
                entries.push_back(e.term);
                continue;
            }
            Term instructions = e.instructionsTerm;
            if (e.instructionsAreList()) {
                std::vector<Term> is;
                for (const Instruction &i : e.instructions)
                    is.push_back(i.term);
                instructions = Term::list(std::move(is));
            }
            entries.push_back(Term::tuple({e.version, instructions}));
        }
        return l.isProperList() ? Term::list(std::move(entries))
                                : Term::list(std::move(entries), l.term.tail());
    };
    return Term::tuple({vsn, listTerm(up), listTerm(down)});
}

Expected<Appup> parseAppupTerm(const Term &t, const QString &file)
{
    if (!t.isTuple(3)) {
        return Finding::error(QStringLiteral("an .appup file must hold {Vsn, [{UpFromVsn, Instructions}], "
                                             "[{DownToVsn, Instructions}]}, not %1")
                                  .arg(show(t)),
                              at(file, t));
    }
    Appup appup;
    appup.term = t;
    appup.vsn = t.at(0);
    appup.up = parseVersionList(t.at(1), file);
    appup.down = parseVersionList(t.at(2), file);
    appup.file = file;
    appup.location = at(file, t);
    return appup;
}

Expected<Appup> readAppupFile(const QString &path)
{
    const auto terms = term::consultFile(path);
    if (!terms)
        return terms.error();
    if (terms->empty())
        return Finding::error(QStringLiteral("the .appup file holds no term"), {path, 1, 1});
    return parseAppupTerm(terms->front(), path);
}

QByteArray appupFileText(const Appup &appup)
{
    return term::consultFileText(appup.toTerm());
}

Appup makeAppup(const QString &vsn, const std::vector<AppupEntrySpec> &up,
                const std::vector<AppupEntrySpec> &down)
{
    auto list = [](const std::vector<AppupEntrySpec> &specs) {
        std::vector<Term> entries;
        for (const AppupEntrySpec &s : specs)
            entries.push_back(Term::tuple({s.version, Term::list(s.instructions)}));
        return Term::list(std::move(entries));
    };
    return parseAppupTerm(Term::tuple({Term::string(vsn), list(up), list(down)}), QString()).value();
}

Findings checkAppup(const Appup &appup, const QString &appVsn)
{
    Findings findings;
    const QString &file = appup.file;
    if (!appup.vsn.isText() || appup.vsn.isBinary()) {
        findings << Finding::error(
            QStringLiteral("the version of the .appup must be a string, not %1").arg(show(appup.vsn)),
            at(file, appup.vsn));
    } else if (!appVsn.isNull() && appup.vsn.toText() != appVsn) {
        findings << Finding::warning(
            QStringLiteral("the .appup is for version %1, but the application is version %2")
                .arg(appup.vsnText(), appVsn),
            at(file, appup.vsn));
    }
    for (const auto &[list, what] : {std::pair{&appup.up, QStringLiteral("up-from")},
                                     std::pair{&appup.down, QStringLiteral("down-to")}}) {
        if (!list->isProperList()) {
            findings << Finding::error(
                QStringLiteral("the %1 versions must be a list of {Vsn, Instructions}").arg(what),
                at(file, list->term));
            continue;
        }
        QSet<QString> seen;
        for (const VersionEntry &e : list->entries) {
            if (!e.isEntry()) {
                findings << Finding::error(
                    QStringLiteral("an %1 entry must be {Vsn, Instructions}, not %2 (systools skips it)")
                        .arg(what, show(e.term)),
                    e.location);
                continue;
            }
            if (e.version.isBinary()) {
                QString error;
                regexVersionMatches(e.version.bytes(), QString(), &error);
                if (!error.isEmpty())
                    findings << Finding::error(error, at(file, e.version));
            } else if (!e.version.isText()) {
                findings << Finding::error(
                    QStringLiteral("an %1 version must be a string or a binary regular expression, not %2")
                        .arg(what, show(e.version)),
                    at(file, e.version));
            }
            const QString key = show(e.version);
            if (seen.contains(key)) {
                findings << Finding::warning(
                    QStringLiteral("%1 version %2 is listed twice; systools uses the first entry")
                        .arg(what, key),
                    e.location);
            }
            seen.insert(key);
            if (!e.instructionsAreList()) {
                findings << Finding::error(QStringLiteral("the instructions for %1 must be a list, not %2")
                                               .arg(e.versionText(), show(e.instructionsTerm)),
                                           at(file, e.instructionsTerm));
                continue;
            }
            InstructionScript script;
            for (const Instruction &i : e.instructions)
                script.push_back({i.term, i.location});
            findings << checkScript(script);
            // DepMods naming modules without an instruction here: systools refuses that unless the
            // appup of another application of the release has an instruction for the module.
            QSet<QString> modules;
            for (const LocatedTerm &i : script) {
                const Term x = expandInstruction(i.term);
                if (x.isTuple() && x.size() >= 2 && x.at(1).isAtom())
                    modules.insert(x.at(1).atomName());
            }
            for (const LocatedTerm &i : script) {
                const Term x = expandInstruction(i.term);
                const Instruction instruction{x, i.location};
                const InstructionKind k = instruction.kind();
                if (k != InstructionKind::Update && k != InstructionKind::LoadModule &&
                    k != InstructionKind::AddModule && k != InstructionKind::DeleteModule)
                    continue;
                const Term &deps = x.at(x.size() - 1);
                if (!deps.isProperList())
                    continue;
                for (const Term &d : deps.elements()) {
                    if (d.isAtom() && !modules.contains(d.atomName())) {
                        findings << Finding::warning(
                            QStringLiteral("%1 depends on %2, which no instruction of this entry loads: the "
                                           "relup is refused unless another application's .appup does")
                                .arg(show(x.at(1)), d.atomName()),
                            i.location);
                    }
                }
            }
        }
    }
    return findings;
}

namespace instr {

Term loadModule(const QString &module, const QStringList &depMods)
{
    if (depMods.isEmpty())
        return Term::tuple({atom("load_module"), Term::atom(module)});
    return Term::tuple({atom("load_module"), Term::atom(module), atomList(depMods)});
}

Term loadModule(const QString &module, Purge prePurge, Purge postPurge, const QStringList &depMods)
{
    if (prePurge == Purge::BrutalPurge && postPurge == Purge::BrutalPurge)
        return loadModule(module, depMods);
    return Term::tuple({atom("load_module"), Term::atom(module), purgeAtom(prePurge), purgeAtom(postPurge),
                        atomList(depMods)});
}

Term update(const QString &module, const UpdateOptions &o)
{
    const Term mod = Term::atom(module);
    const Term change = o.extra ? Term::tuple({atom("advanced"), *o.extra}) : atom("soft");
    const bool brutalBoth = o.prePurge == Purge::BrutalPurge && o.postPurge == Purge::BrutalPurge;
    const bool defaultTimeout = !o.timeout || o.timeout->isAtom(u"default");
    if (o.modType == ModType::Dynamic && defaultTimeout && brutalBoth) {
        if (!o.extra && o.depMods.isEmpty())
            return Term::tuple({atom("update"), mod});
        if (o.depMods.isEmpty())
            return Term::tuple({atom("update"), mod, change});
        if (!o.extra)
            return Term::tuple({atom("update"), mod, atomList(o.depMods)});
        return Term::tuple({atom("update"), mod, change, atomList(o.depMods)});
    }
    if (o.modType == ModType::Dynamic && defaultTimeout)
        return Term::tuple({atom("update"), mod, change, purgeAtom(o.prePurge), purgeAtom(o.postPurge),
                            atomList(o.depMods)});
    const Term timeout = o.timeout ? *o.timeout : atom("default");
    if (o.modType == ModType::Dynamic)
        return Term::tuple({atom("update"), mod, timeout, change, purgeAtom(o.prePurge),
                            purgeAtom(o.postPurge), atomList(o.depMods)});
    return Term::tuple({atom("update"), mod, atom("static"), timeout, change, purgeAtom(o.prePurge),
                        purgeAtom(o.postPurge), atomList(o.depMods)});
}

Term updateSupervisor(const QString &module)
{
    return Term::tuple({atom("update"), Term::atom(module), atom("supervisor")});
}

Term addModule(const QString &module, const QStringList &depMods)
{
    if (depMods.isEmpty())
        return Term::tuple({atom("add_module"), Term::atom(module)});
    return Term::tuple({atom("add_module"), Term::atom(module), atomList(depMods)});
}

Term deleteModule(const QString &module, const QStringList &depMods)
{
    if (depMods.isEmpty())
        return Term::tuple({atom("delete_module"), Term::atom(module)});
    return Term::tuple({atom("delete_module"), Term::atom(module), atomList(depMods)});
}

Term addApplication(const QString &application, const QString &startType)
{
    if (startType.isEmpty() || startType == u"permanent")
        return Term::tuple({atom("add_application"), Term::atom(application)});
    return Term::tuple({atom("add_application"), Term::atom(application), Term::atom(startType)});
}

Term removeApplication(const QString &application)
{
    return Term::tuple({atom("remove_application"), Term::atom(application)});
}

Term restartApplication(const QString &application)
{
    return Term::tuple({atom("restart_application"), Term::atom(application)});
}

Term apply(const QString &module, const QString &function, const std::vector<Term> &args)
{
    return Term::tuple(
        {atom("apply"), Term::tuple({Term::atom(module), Term::atom(function), Term::list(args)})});
}

Term restartNewEmulator()
{
    return atom("restart_new_emulator");
}

Term restartEmulator()
{
    return atom("restart_emulator");
}

} // namespace instr

} // namespace rs::upgrade
