// A port of systools_rc (OTP 25, sasl-4.2), function by function, on terms. The Erlang names are
// kept in comments so that the two can be read side by side.
#include "upgrade/rc_translate.h"

#include "term/pretty.h"
#include "term/writer.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <set>

namespace rs::upgrade {

using term::atom;
using term::Term;

namespace {

// A refusal: systools_rc throws {error, Reason}; we carry its message and where the instruction is.
struct RcError
{
    QString message;
    SourceLocation location;
};

[[noreturn]] void fail(QString message, const SourceLocation &location = {})
{
    throw RcError{std::move(message), location};
}

QString show(const Term &t)
{
    return term::prettyOneLine(t);
}

bool isTupleNamed(const Term &t, QStringView name, qsizetype arity)
{
    return t.isTuple(arity) && t.at(0).isAtom(name);
}

Term withPositionOf(const Term &t, const Term &from)
{
    return from.line() > 0 ? t.withPosition(from.line(), from.column()) : t;
}

SourceLocation locationOf(const Term &element, const LocatedTerm &parent)
{
    if (element.line() > 0 && !parent.location.file.isEmpty())
        return {parent.location.file, element.line(), element.column()};
    return parent.location;
}

// The elements of a list, failing as lists:foreach/map do on an improper one.
const std::vector<Term> &listElements(const Term &list, const SourceLocation &where)
{
    if (!list.isList())
        fail(QStringLiteral("Bad list: %1").arg(show(list)), where);
    if (!list.tail().isNil())
        fail(QStringLiteral("Bad list: %1 (not a proper list)").arg(show(list)), where);
    return list.elements();
}

bool member(const Term &x, const std::vector<Term> &list)
{
    return std::find(list.begin(), list.end(), x) != list.end();
}

// union/2 and difference/2 of systools_rc (order-preserving, by term equality).
std::vector<Term> unionOf(const std::vector<Term> &a, const std::vector<Term> &b)
{
    std::vector<Term> out;
    for (const Term &x : a) {
        if (!member(x, b))
            out.push_back(x);
    }
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

std::vector<Term> differenceOf(const std::vector<Term> &a, const std::vector<Term> &b)
{
    std::vector<Term> out;
    for (const Term &x : a) {
        if (!member(x, b))
            out.push_back(x);
    }
    return out;
}

Term brutal()
{
    return atom("brutal_purge");
}

// ---------------------------------------------------------------------------------------------
// SYNTAX CHECK (check_op and its helpers)

void checkMod(const Term &m, const SourceLocation &w)
{
    if (!m.isAtom())
        fail(QStringLiteral("Bad module: %1 (should be atom())").arg(show(m)), w);
}

void checkChange(const Term &c, const SourceLocation &w)
{
    if (c.isAtom(u"soft") || (c.isTuple(2) && c.at(0).isAtom(u"advanced")))
        return;
    fail(QStringLiteral("Bad change spec: %1 (should be soft | {advanced, E})").arg(show(c)), w);
}

void checkModType(const Term &t, const SourceLocation &w)
{
    if (!t.isAtom(u"static") && !t.isAtom(u"dynamic"))
        fail(QStringLiteral("Bad module type: %1 (should be static | dynamic)").arg(show(t)), w);
}

void checkPurge(const Term &p, const SourceLocation &w)
{
    if (!p.isAtom(u"soft_purge") && !p.isAtom(u"brutal_purge"))
        fail(QStringLiteral("Bad purge method: %1 (should be soft_purge | brutal_purge)").arg(show(p)), w);
}

void checkList(const Term &l, const SourceLocation &w)
{
    if (!l.isList())
        fail(QStringLiteral("Bad list: %1").arg(show(l)), w);
}

void checkMods(const Term &mods, const SourceLocation &w)
{
    checkList(mods, w);
    for (const Term &m : listElements(mods, w))
        checkMod(m, w);
}

void checkArgs(const Term &a, const SourceLocation &w)
{
    if (!a.isList())
        fail(QStringLiteral("Bad argument list: %1").arg(show(a)), w);
}

void checkNode(const Term &n, const SourceLocation &w)
{
    if (!n.isAtom())
        fail(QStringLiteral("Bad node: %1 (should be atom())").arg(show(n)), w);
}

void checkAppl(const Term &a, const SourceLocation &w)
{
    if (!a.isAtom())
        fail(QStringLiteral("Bad application: %1 (should be atom())").arg(show(a)), w);
}

void checkStartType(const Term &t, const SourceLocation &w)
{
    for (const char16_t *name : {u"none", u"load", u"temporary", u"transient", u"permanent"}) {
        if (t.isAtom(name))
            return;
    }
    fail(QStringLiteral("Bad start type: %1 (should be permanent | transient | temporary | load | none)")
             .arg(show(t)),
         w);
}

void checkFunc(const Term &f, const SourceLocation &w)
{
    if (!f.isAtom())
        fail(QStringLiteral("Bad function: %1 (should be atom())").arg(show(f)), w);
}

void checkLib(const Term &l, const SourceLocation &w)
{
    if (!l.isAtom())
        fail(QStringLiteral("Bad library: %1 (should be atom())").arg(show(l)), w);
}

void checkLibVsn(const Term &v, const SourceLocation &w)
{
    if (!v.isList())
        fail(QStringLiteral("Bad library version: %1 (should be string())").arg(show(v)), w);
}

void checkTimeout(const Term &t, const SourceLocation &w)
{
    if (t.isAtom(u"default") || t.isAtom(u"infinity"))
        return;
    if (t.isInteger() && !t.isNegative() && !(t.fitsInt64() && t.toInt64() == 0))
        return;
    fail(QStringLiteral("Bad timeout: %1 (should be infinity | int() > 0)").arg(show(t)), w);
}

void checkMode(const Term &m, const SourceLocation &w)
{
    if (!m.isAtom(u"up") && !m.isAtom(u"down"))
        fail(QStringLiteral("Bad mode: %1 (should be up | down)").arg(show(m)), w);
}

void checkCodeChangeMods(const Term &mods, const SourceLocation &w)
{
    for (const Term &x : listElements(mods, w)) {
        if (x.isTuple(2))
            checkMod(x.at(0), w);
        else
            fail(QStringLiteral("Bad code_change: %1 (should be {Mod, Extra})").arg(show(x)), w);
    }
}

void checkOp(const LocatedTerm &instruction)
{
    const Term &t = instruction.term;
    const SourceLocation &w = instruction.location;
    if (t.isAtom(u"mnesia_backup"))
        fail(QStringLiteral("mnesia_backup is not implemented by systools"), w);
    for (const char16_t *name :
         {u"restart", u"reboot", u"point_of_no_return", u"restart_new_emulator", u"restart_emulator"}) {
        if (t.isAtom(name))
            return;
    }
    const QString name = t.isTuple() && t.size() >= 1 && t.at(0).isAtom() ? t.at(0).atomName() : QString();
    const qsizetype n = t.isTuple() ? t.size() : 0;
    auto is = [&](const char *expected, qsizetype arity) {
        return n == arity && name == QLatin1String(expected);
    };

    if (is("update", 6)) {
        checkMod(t.at(1), w);
        checkChange(t.at(2), w);
        checkPurge(t.at(3), w);
        checkPurge(t.at(4), w);
        checkMods(t.at(5), w);
    } else if (is("update", 7)) {
        checkMod(t.at(1), w);
        checkTimeout(t.at(2), w);
        checkChange(t.at(3), w);
        checkPurge(t.at(4), w);
        checkPurge(t.at(5), w);
        checkMods(t.at(6), w);
    } else if (is("update", 8)) {
        checkMod(t.at(1), w);
        checkModType(t.at(2), w);
        checkTimeout(t.at(3), w);
        checkChange(t.at(4), w);
        checkPurge(t.at(5), w);
        checkPurge(t.at(6), w);
        checkMods(t.at(7), w);
    } else if (is("load_module", 5)) {
        checkMod(t.at(1), w);
        checkPurge(t.at(2), w);
        checkPurge(t.at(3), w);
        checkMods(t.at(4), w);
    } else if (is("add_module", 2) || is("delete_module", 2)) {
        checkMod(t.at(1), w);
    } else if (is("add_module", 3) || is("delete_module", 3)) {
        checkMod(t.at(1), w);
        checkMods(t.at(2), w);
    } else if (is("remove_application", 2) || is("restart_application", 2)) {
        checkAppl(t.at(1), w);
    } else if (is("add_application", 3)) {
        checkAppl(t.at(1), w);
        checkStartType(t.at(2), w);
    } else if (is("load_object_code", 2) && t.at(1).isTuple(3)) {
        checkLib(t.at(1).at(0), w);
        checkLibVsn(t.at(1).at(1), w);
        checkMods(t.at(1).at(2), w);
    } else if ((is("load", 2) || is("remove", 2)) && t.at(1).isTuple(3)) {
        checkMod(t.at(1).at(0), w);
        checkPurge(t.at(1).at(1), w);
        checkPurge(t.at(1).at(2), w);
    } else if (is("purge", 2) || is("resume", 2) || is("stop", 2) || is("start", 2)) {
        checkMods(t.at(1), w);
    } else if (is("suspend", 2)) {
        checkList(t.at(1), w);
        for (const Term &m : listElements(t.at(1), w)) {
            if (m.isTuple(2)) {
                checkMod(m.at(0), w);
                checkTimeout(m.at(1), w);
            } else {
                checkMod(m, w);
            }
        }
    } else if (is("code_change", 2)) {
        checkList(t.at(1), w);
        checkCodeChangeMods(t.at(1), w);
    } else if (is("code_change", 3)) {
        checkList(t.at(2), w);
        checkMode(t.at(1), w);
        checkCodeChangeMods(t.at(2), w);
    } else if (is("sync_nodes", 3) && t.at(2).isTuple(3)) {
        checkMod(t.at(2).at(0), w);
        checkFunc(t.at(2).at(1), w);
        checkArgs(t.at(2).at(2), w);
    } else if (is("sync_nodes", 3)) {
        checkList(t.at(2), w);
        for (const Term &node : listElements(t.at(2), w))
            checkNode(node, w);
    } else if (is("apply", 2) && t.at(1).isTuple(3)) {
        checkMod(t.at(1).at(0), w);
        checkFunc(t.at(1).at(1), w);
        checkArgs(t.at(1).at(2), w);
    } else {
        fail(QStringLiteral("Bad instruction: %1").arg(show(t)), w);
    }
}

void checkSyntax(const InstructionScript &script)
{
    for (const LocatedTerm &i : script)
        checkOp(i);
}

// ---------------------------------------------------------------------------------------------
// EXPANSION, SPLIT AND MERGE

InstructionScript expandScript(const InstructionScript &script)
{
    InstructionScript out;
    for (const LocatedTerm &i : script) {
        const Term i2 = expandInstruction(i.term);
        if (i2.isList()) {
            // I2 ++ expand_script(Script): the elements are spliced in as they are.
            if (!i2.tail().isNil())
                fail(QStringLiteral("Bad instruction: %1 (an improper list)").arg(show(i2)), i.location);
            for (const Term &e : i2.elements())
                out.push_back({e, locationOf(e, i)});
        } else {
            out.push_back({i2, i.location});
        }
    }
    return out;
}

bool isPointOfNoReturn(const LocatedTerm &i)
{
    return i.term.isAtom(u"point_of_no_return");
}

bool isLoadObjectCode(const LocatedTerm &i)
{
    return isTupleNamed(i.term, u"load_object_code", 2);
}

struct Split
{
    InstructionScript before;
    InstructionScript after;
};

// split_script/1: the instructions before and after point_of_no_return (all after when there is
// none); load_object_code instructions are moved before it.
Split splitScript(const InstructionScript &script)
{
    Split s;
    const auto ponr = std::find_if(script.begin(), script.end(), isPointOfNoReturn);
    if (ponr == script.end()) {
        s.after = script;
    } else {
        const auto second = std::find_if(ponr + 1, script.end(), isPointOfNoReturn);
        if (second != script.end())
            fail(QStringLiteral("Too many point_of_no_return"), second->location);
        s.before.assign(script.begin(), ponr);
        s.after.assign(ponr + 1, script.end());
    }
    for (const LocatedTerm &i : s.before) {
        if (!isLoadObjectCode(i) && !isTupleNamed(i.term, u"apply", 2)) {
            fail(QStringLiteral("Bad instruction %1 before point_of_no_return (only load_object_code "
                                "and apply may come before it)")
                     .arg(show(i.term)),
                 i.location);
        }
    }
    InstructionScript rest;
    for (const LocatedTerm &i : s.after) {
        if (isLoadObjectCode(i))
            s.before.push_back(i);
        else
            rest.push_back(i);
    }
    s.after = std::move(rest);
    return s;
}

InstructionScript mergeScripts(const std::vector<InstructionScript> &scripts)
{
    InstructionScript before;
    InstructionScript after;
    for (const InstructionScript &script : scripts) {
        Split s = splitScript(script);
        before.insert(before.end(), s.before.begin(), s.before.end());
        after.insert(after.end(), s.after.begin(), s.after.end());
    }
    before.push_back({atom("point_of_no_return"), {}});
    before.insert(before.end(), after.begin(), after.end());
    return before;
}

// ---------------------------------------------------------------------------------------------
// CHECKS

// Each load has a load_object_code before point_of_no_return.
void checkLoad(const InstructionScript &before, const InstructionScript &after)
{
    for (const LocatedTerm &i : after) {
        if (!isTupleNamed(i.term, u"load", 2) || !i.term.at(1).isTuple(3))
            continue;
        const Term &mod = i.term.at(1).at(0);
        const bool found = std::any_of(before.begin(), before.end(), [&](const LocatedTerm &b) {
            return isLoadObjectCode(b) && b.term.at(1).isTuple(3) && b.term.at(1).at(2).isProperList() &&
                   member(mod, b.term.at(1).at(2).elements());
        });
        if (!found)
            fail(QStringLiteral("No load_object_code found for module: %1").arg(show(mod)), i.location);
    }
}

struct Collected
{
    std::vector<Term> modules;
    std::vector<SourceLocation> where; // per module: the instruction naming it
};

// lists:flatten([X || {Name, X} <- Script]), with where each element came from.
Collected collect(const InstructionScript &script, QStringView name, bool stripTimeouts)
{
    Collected c;
    for (const LocatedTerm &i : script) {
        if (!isTupleNamed(i.term, name, 2) || !i.term.at(1).isList())
            continue;
        for (const Term &x : i.term.at(1).elements()) {
            c.modules.push_back(stripTimeouts && x.isTuple(2) ? x.at(0) : x);
            c.where.push_back(i.location);
        }
    }
    return c;
}

void checkPairs(const Collected &a, const Collected &b, const QString &aNotB, const QString &bNotA)
{
    const std::vector<Term> d1 = differenceOf(a.modules, b.modules);
    if (!d1.empty()) {
        const auto at = std::find(a.modules.begin(), a.modules.end(), d1.front()) - a.modules.begin();
        fail(aNotB.arg(show(Term::list(d1))), a.where[size_t(at)]);
    }
    const std::vector<Term> d2 = differenceOf(b.modules, a.modules);
    if (!d2.empty()) {
        const auto at = std::find(b.modules.begin(), b.modules.end(), d2.front()) - b.modules.begin();
        fail(bNotA.arg(show(Term::list(d2))), b.where[size_t(at)]);
    }
}

// check_suspend_resume/1 and check_start_stop/1. (systools also compares the modules of
// {code_change, Mode, {Mod, Extra}} with the suspended ones; after the syntax check no code_change
// has that shape, so that check never fires.)
void checkSuspendResume(const InstructionScript &after)
{
    checkPairs(collect(after, u"suspend", true), collect(after, u"resume", false),
               QStringLiteral("Suspended but not resumed: %1"),
               QStringLiteral("Resumed but not suspended: %1"));
}

void checkStartStop(const InstructionScript &after)
{
    checkPairs(collect(after, u"start", false), collect(after, u"stop", false),
               QStringLiteral("Started but not stopped: %1"), QStringLiteral("Stopped but not started: %1"));
}

void checkScriptParts(const InstructionScript &before, const InstructionScript &after)
{
    checkLoad(before, after);
    checkSuspendResume(after);
    checkStartStop(after);
}

// ---------------------------------------------------------------------------------------------
// NORMALISATION

InstructionScript normalizeInstrs(const InstructionScript &script)
{
    InstructionScript out;
    out.reserve(script.size());
    for (const LocatedTerm &i : script) {
        const Term &t = i.term;
        Term n = t;
        if (isTupleNamed(t, u"update", 6)) {
            n = Term::tuple(
                {t.at(0), t.at(1), atom("dynamic"), atom("default"), t.at(2), t.at(3), t.at(4), t.at(5)});
        } else if (isTupleNamed(t, u"update", 7)) {
            n = Term::tuple({t.at(0), t.at(1), atom("dynamic"), t.at(2), t.at(3), t.at(4), t.at(5), t.at(6)});
        } else if (isTupleNamed(t, u"add_module", 2) || isTupleNamed(t, u"delete_module", 2)) {
            n = Term::tuple({t.at(0), t.at(1), Term::nil()});
        }
        out.push_back({withPositionOf(n, t), i.location});
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// TRANSLATION OF INDEPENDENT INSTRUCTIONS

const ApplicationModules *findApp(const Term &name, const std::vector<ApplicationModules> &apps)
{
    if (!name.isAtom())
        return nullptr;
    const QString n = name.atomName();
    const auto it =
        std::find_if(apps.begin(), apps.end(), [&](const ApplicationModules &a) { return a.name == n; });
    return it == apps.end() ? nullptr : &*it;
}

std::vector<Term> moduleAtoms(const ApplicationModules &app)
{
    std::vector<Term> out;
    for (const QString &m : app.modules)
        out.push_back(Term::atom(m));
    return out;
}

Term applicationApply(const char *function, std::vector<Term> args)
{
    return Term::tuple(
        {atom("apply"), Term::tuple({atom("application"), atom(function), Term::list(std::move(args))})});
}

// The application start: none, load or start with the type.
void pushStart(InstructionScript &out, const Term &appl, const Term &type, const SourceLocation &w)
{
    if (type.isAtom(u"none"))
        return;
    if (type.isAtom(u"load"))
        out.push_back({applicationApply("load", {appl}), w});
    else
        out.push_back({applicationApply("start", {appl, type}), w});
}

[[noreturn]] void noSuchApplication(const Term &appl, const SourceLocation &w)
{
    fail(QStringLiteral("Started undefined application: %1 (it is not in the release)").arg(show(appl)), w);
}

// translate_application_instrs/3
InstructionScript translateApplicationInstrs(const InstructionScript &script,
                                             const std::vector<ApplicationModules> &appls,
                                             const std::vector<ApplicationModules> &preAppls)
{
    InstructionScript out;
    for (const LocatedTerm &i : script) {
        const Term &t = i.term;
        const SourceLocation &w = i.location;
        if (isTupleNamed(t, u"add_application", 3)) {
            const ApplicationModules *app = findApp(t.at(1), appls);
            if (!app)
                noSuchApplication(t.at(1), w);
            for (const Term &m : moduleAtoms(*app))
                out.push_back({Term::tuple({atom("add_module"), m, Term::nil()}), w});
            pushStart(out, t.at(1), t.at(2), w);
        } else if (isTupleNamed(t, u"remove_application", 2)) {
            if (findApp(t.at(1), appls)) {
                fail(QStringLiteral("Removed application present: %1 (it is still in the new release)")
                         .arg(show(t.at(1))),
                     w);
            }
            const ApplicationModules *app = findApp(t.at(1), preAppls);
            if (!app)
                noSuchApplication(t.at(1), w);
            const std::vector<Term> mods = moduleAtoms(*app);
            out.push_back({applicationApply("stop", {t.at(1)}), w});
            for (const Term &m : mods)
                out.push_back({Term::tuple({atom("remove"), Term::tuple({m, brutal(), brutal()})}), w});
            out.push_back({Term::tuple({atom("purge"), Term::list(mods)}), w});
            out.push_back({applicationApply("unload", {t.at(1)}), w});
        } else if (isTupleNamed(t, u"restart_application", 2)) {
            const ApplicationModules *pre = findApp(t.at(1), preAppls);
            if (!pre)
                noSuchApplication(t.at(1), w);
            const ApplicationModules *post = findApp(t.at(1), appls);
            if (!post)
                noSuchApplication(t.at(1), w);
            const std::vector<Term> preMods = moduleAtoms(*pre);
            out.push_back({applicationApply("stop", {t.at(1)}), w});
            for (const Term &m : preMods)
                out.push_back({Term::tuple({atom("remove"), Term::tuple({m, brutal(), brutal()})}), w});
            out.push_back({Term::tuple({atom("purge"), Term::list(preMods)}), w});
            for (const Term &m : moduleAtoms(*post))
                out.push_back({Term::tuple({atom("add_module"), m, Term::nil()}), w});
            pushStart(out, t.at(1), Term::atom(post->type), w);
        } else {
            out.push_back(i);
        }
    }
    return out;
}

// translate_add_module_instrs/2: add_module is load_module of a new module.
InstructionScript translateAddModuleInstrs(const InstructionScript &after)
{
    InstructionScript out;
    for (const LocatedTerm &i : after) {
        if (isTupleNamed(i.term, u"add_module", 3)) {
            out.push_back({withPositionOf(Term::tuple({atom("load_module"), i.term.at(1), brutal(), brutal(),
                                                       i.term.at(2)}),
                                          i.term),
                           i.location});
        } else {
            out.push_back(i);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// TRANSLATION OF INSTRUCTIONS WITH DEPENDENCIES

bool isDependentInstr(const Term &t)
{
    if (!t.isTuple() || t.size() < 2 || !t.at(0).isAtom())
        return false;
    const QString n = t.at(0).atomName();
    return n == u"update" || n == u"load_module" || n == u"add_module" || n == u"delete_module";
}

// make_dependency_graph/1: a vertex per dependent instruction (its module), an edge from it to
// each module of its DepMods.
struct DependencyGraph
{
    std::vector<const LocatedTerm *> instrs; // vertex i: N = i + 1
    std::vector<std::vector<size_t>> out;    // edges, with repetitions
    QHash<QString, size_t> byModule;
    std::vector<size_t> component; // weak component of each vertex
};

DependencyGraph makeDependencyGraph(const InstructionScript &after)
{
    DependencyGraph g;
    for (const LocatedTerm &i : after) {
        if (!isDependentInstr(i.term))
            continue;
        const Term &mod = i.term.at(1);
        const QString key = mod.atomName();
        if (g.byModule.contains(key))
            fail(QStringLiteral("Multiply defined module: %1 (it has two instructions)").arg(key),
                 i.location);
        g.byModule.insert(key, g.instrs.size());
        g.instrs.push_back(&i);
    }
    g.out.resize(g.instrs.size());
    for (size_t v = 0; v < g.instrs.size(); ++v) {
        const LocatedTerm &i = *g.instrs[v];
        const Term &mods = i.term.at(i.term.size() - 1);
        for (const Term &m : listElements(mods, i.location)) {
            const auto it = g.byModule.constFind(m.atomName());
            if (it == g.byModule.constEnd()) {
                fail(QStringLiteral("Undefined module: %1 (it is in the DepMods of %2, but no instruction "
                                    "loads it)")
                         .arg(show(m), show(i.term.at(1))),
                     i.location);
            }
            g.out[v].push_back(*it);
        }
    }
    // Weak components (union-find).
    std::vector<size_t> parent(g.instrs.size());
    for (size_t v = 0; v < parent.size(); ++v)
        parent[v] = v;
    std::function<size_t(size_t)> find = [&](size_t v) {
        return parent[v] == v ? v : parent[v] = find(parent[v]);
    };
    for (size_t v = 0; v < g.out.size(); ++v) {
        for (size_t w : g.out[v])
            parent[find(v)] = find(w);
    }
    g.component.resize(g.instrs.size());
    for (size_t v = 0; v < parent.size(); ++v)
        g.component[v] = find(v);
    return g;
}

// get_dependent_instructions/3: the instructions of the weak component of V, the strong
// components in topological order (a module before the modules it depends on), the instructions
// of one strong component in the order they were written.
std::vector<size_t> dependentInstructions(const DependencyGraph &g, size_t v)
{
    std::vector<size_t> vertices;
    for (size_t u = 0; u < g.instrs.size(); ++u) {
        if (g.component[u] == g.component[v])
            vertices.push_back(u);
    }
    // Tarjan's strong components on the component, without recursion (chains of DepMods can be long).
    const size_t n = g.instrs.size();
    std::vector<int> index(n, -1), low(n, 0), scc(n, -1);
    std::vector<bool> onStack(n, false);
    std::vector<size_t> stack;
    std::vector<std::pair<size_t, size_t>> frames; // vertex, next edge
    int counter = 0;
    int sccCount = 0;
    for (size_t root : vertices) {
        if (index[root] >= 0)
            continue;
        frames.push_back({root, 0});
        while (!frames.empty()) {
            auto &[u, next] = frames.back();
            if (next == 0 && index[u] < 0) {
                index[u] = low[u] = counter++;
                stack.push_back(u);
                onStack[u] = true;
            }
            if (next < g.out[u].size()) {
                const size_t w = g.out[u][next++];
                if (index[w] < 0)
                    frames.push_back({w, 0});
                else if (onStack[w])
                    low[u] = std::min(low[u], index[w]);
                continue;
            }
            const size_t done = u;
            frames.pop_back();
            if (!frames.empty())
                low[frames.back().first] = std::min(low[frames.back().first], low[done]);
            if (low[done] == index[done]) {
                size_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[w] = false;
                    scc[w] = sccCount;
                } while (w != done);
                ++sccCount;
            }
        }
    }
    // The condensation, and its topological order (Kahn's algorithm, the strong component of the
    // first written instruction first among those whose order is open).
    std::vector<std::vector<size_t>> members(static_cast<size_t>(sccCount));
    for (size_t u : vertices)
        members[size_t(scc[u])].push_back(u); // ascending N
    std::vector<std::set<int>> succ(static_cast<size_t>(sccCount));
    std::vector<int> indegree(static_cast<size_t>(sccCount), 0);
    for (size_t u : vertices) {
        for (size_t w : g.out[u]) {
            if (scc[u] != scc[w] && succ[size_t(scc[u])].insert(scc[w]).second)
                ++indegree[size_t(scc[w])];
        }
    }
    std::set<std::pair<size_t, int>> ready; // (first N, strong component)
    for (int c = 0; c < sccCount; ++c) {
        if (indegree[size_t(c)] == 0)
            ready.insert({members[size_t(c)].front(), c});
    }
    std::vector<size_t> ordered;
    while (!ready.empty()) {
        const int c = ready.begin()->second;
        ready.erase(ready.begin());
        ordered.insert(ordered.end(), members[size_t(c)].begin(), members[size_t(c)].end());
        for (int d : succ[size_t(c)]) {
            if (--indegree[size_t(d)] == 0)
                ready.insert({members[size_t(d)].front(), d});
        }
    }
    return ordered;
}

// get_lib/2: the first application (in APPLS order) with the module.
Term getLib(const Term &mod, const std::vector<ApplicationModules> &appls, const SourceLocation &w)
{
    if (mod.isAtom()) {
        const QString m = mod.atomName();
        for (const ApplicationModules &a : appls) {
            if (a.modules.contains(m))
                return Term::tuple({Term::atom(a.name), Term::string(a.vsn)});
        }
    }
    fail(QStringLiteral("No such module: %1 (no application of the release has it)").arg(show(mod)), w);
}

// translate_dep_to_low/3
Split translateDepToLow(Direction direction, const std::vector<const LocatedTerm *> &instructions,
                        const std::vector<ApplicationModules> &appls)
{
    std::vector<Term> updateMods;
    std::vector<Term> resumeMods;
    SourceLocation firstUpdate;
    for (const LocatedTerm *i : instructions) {
        const Term &t = i->term;
        if (isTupleNamed(t, u"update", 8)) {
            if (updateMods.empty())
                firstUpdate = i->location;
            updateMods.push_back(t.at(3).isAtom(u"default") ? t.at(1) : Term::tuple({t.at(1), t.at(3)}));
            resumeMods.insert(resumeMods.begin(), t.at(1));
        }
    }
    InstructionScript suspend;
    InstructionScript resume;
    if (!updateMods.empty()) {
        suspend.push_back({Term::tuple({atom("suspend"), Term::list(updateMods)}), firstUpdate});
        resume.push_back({Term::tuple({atom("resume"), Term::list(resumeMods)}), firstUpdate});
    }

    // Per instruction: load, or remove and purge.
    std::vector<InstructionScript> loadRemove0;
    for (const LocatedTerm *i : instructions) {
        const Term &t = i->term;
        if (isTupleNamed(t, u"update", 8)) {
            loadRemove0.push_back(
                {{Term::tuple({atom("load"), Term::tuple({t.at(1), t.at(5), t.at(6)})}), i->location}});
        } else if (isTupleNamed(t, u"load_module", 5)) {
            loadRemove0.push_back(
                {{Term::tuple({atom("load"), Term::tuple({t.at(1), t.at(2), t.at(3)})}), i->location}});
        } else if (isTupleNamed(t, u"delete_module", 3)) {
            loadRemove0.push_back(
                {{Term::tuple({atom("remove"), Term::tuple({t.at(1), brutal(), brutal()})}), i->location},
                 {Term::tuple({atom("purge"), Term::list({t.at(1)})}), i->location}});
        }
    }
    InstructionScript loadRemove;
    for (const InstructionScript &s : loadRemove0)
        loadRemove.insert(loadRemove.end(), s.begin(), s.end());
    InstructionScript revLoadRemove;
    for (auto it = loadRemove0.rbegin(); it != loadRemove0.rend(); ++it)
        revLoadRemove.insert(revLoadRemove.end(), it->begin(), it->end());

    // The order of loading object code does not matter; it is the order of dependency.
    Split result;
    for (const LocatedTerm &i : loadRemove) {
        if (!isTupleNamed(i.term, u"load", 2))
            continue;
        const Term &mod = i.term.at(1).at(0);
        const Term lib = getLib(mod, appls, i.location);
        result.before.push_back(
            {Term::tuple({atom("load_object_code"), Term::tuple({lib.at(0), lib.at(1), Term::list({mod})})}),
             i.location});
    }

    auto codeChange = [&](const std::vector<Term> &mods, const char *mode) -> InstructionScript {
        if (mods.empty())
            return {};
        return {{Term::tuple({atom("code_change"), atom(mode), Term::list(mods)}), firstUpdate}};
    };
    auto append = [](InstructionScript &to, const InstructionScript &from) {
        to.insert(to.end(), from.begin(), from.end());
    };
    if (direction == Direction::Up) {
        std::vector<Term> changes;
        for (const LocatedTerm *i : instructions) {
            const Term &t = i->term;
            if (isTupleNamed(t, u"update", 8) && isTupleNamed(t.at(4), u"advanced", 2))
                changes.push_back(Term::tuple({t.at(1), t.at(4).at(1)}));
        }
        // Modules are loaded in the reverse order of dependency when upgrading.
        append(result.after, suspend);
        append(result.after, revLoadRemove);
        append(result.after, codeChange(changes, "up"));
        append(result.after, resume);
    } else {
        std::vector<Term> pre;
        std::vector<Term> post;
        for (const LocatedTerm *i : instructions) {
            const Term &t = i->term;
            if (!isTupleNamed(t, u"update", 8) || !isTupleNamed(t.at(4), u"advanced", 2))
                continue;
            if (t.at(2).isAtom(u"dynamic"))
                pre.push_back(Term::tuple({t.at(1), t.at(4).at(1)}));
            else if (t.at(2).isAtom(u"static"))
                post.push_back(Term::tuple({t.at(1), t.at(4).at(1)}));
        }
        // Modules are loaded in the order of dependency when downgrading.
        append(result.after, suspend);
        append(result.after, codeChange(pre, "down"));
        append(result.after, loadRemove);
        append(result.after, codeChange(post, "down"));
        append(result.after, resume);
    }
    return result;
}

// translate_dependent_instrs/4 with translate_dep_loop/7
Split translateDependentInstrs(Direction direction, const InstructionScript &before,
                               const InstructionScript &after, const std::vector<ApplicationModules> &appls)
{
    const DependencyGraph g = makeDependencyGraph(after);
    Split result;
    result.before = before;
    std::vector<bool> done(g.instrs.size(), false);
    for (const LocatedTerm &i : after) {
        if (!isDependentInstr(i.term)) {
            result.after.push_back(i);
            continue;
        }
        const size_t v = g.byModule.value(i.term.at(1).atomName());
        if (done[v])
            continue;
        std::vector<const LocatedTerm *> deps;
        for (size_t u : dependentInstructions(g, v)) {
            done[u] = true;
            deps.push_back(g.instrs[u]);
        }
        Split low = translateDepToLow(direction, deps, appls);
        result.before.insert(result.before.end(), low.before.begin(), low.before.end());
        result.after.insert(result.after.end(), low.after.begin(), low.after.end());
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// MERGE LOAD_OBJECT_CODE

// mlo/1: one load_object_code per library, modules in order.
InstructionScript mergeLoadObjectCodes(InstructionScript found)
{
    InstructionScript out;
    while (!found.empty()) {
        const LocatedTerm head = found.front();
        found.erase(found.begin());
        const Term &lib = head.term.at(1).at(0);
        const Term &libVsn = head.term.at(1).at(1);
        // split/2 looks at the last element first: the last conflict is the one reported.
        for (auto it = found.rbegin(); it != found.rend(); ++it) {
            const Term &spec = it->term.at(1);
            if (spec.at(0) == lib && !(spec.at(1) == libVsn)) {
                auto text = [](const Term &v) { return v.isText() ? v.toText() : show(v); };
                fail(QStringLiteral(
                         "Conflicting versions for %1, %2 and %3 (load_object_code of two versions of "
                         "one application)")
                         .arg(show(lib), text(libVsn), text(spec.at(1))),
                     head.location.file.isEmpty() ? it->location : head.location);
            }
        }
        InstructionScript same;
        InstructionScript other;
        for (const LocatedTerm &i : found) {
            const Term &spec = i.term.at(1);
            (spec.at(0) == lib && spec.at(1) == libVsn ? same : other).push_back(i);
        }
        std::vector<Term> code;
        for (auto it = same.rbegin(); it != same.rend(); ++it)
            code = unionOf(it->term.at(1).at(2).elements(), code);
        code = unionOf(head.term.at(1).at(2).elements(), code);
        out.push_back({Term::tuple({atom("load_object_code"), Term::tuple({lib, libVsn, Term::list(code)})}),
                       head.location});
        found = std::move(other);
    }
    return out;
}

InstructionScript mergeLoadObjectCode(const InstructionScript &before)
{
    InstructionScript found;
    InstructionScript rest;
    for (const LocatedTerm &i : before)
        (isLoadObjectCode(i) ? found : rest).push_back(i);
    InstructionScript out = mergeLoadObjectCodes(std::move(found));
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

// ---------------------------------------------------------------------------------------------
// RESTART EMULATOR

bool removeAll(InstructionScript &script, QStringView atomName)
{
    const auto it = std::remove_if(script.begin(), script.end(),
                                   [&](const LocatedTerm &i) { return i.term.isAtom(atomName); });
    const bool found = it != script.end();
    script.erase(it, script.end());
    return found;
}

// sort_emulator_restart/3: restart_new_emulator first when upgrading (a restart_emulator last
// when downgrading); one restart_emulator, last.
Split sortEmulatorRestart(Direction direction, InstructionScript before, InstructionScript after)
{
    if (removeAll(after, u"restart_new_emulator")) {
        if (direction == Direction::Up)
            before.insert(before.begin(), LocatedTerm{atom("restart_new_emulator"), {}});
        else
            after.push_back(LocatedTerm{atom("restart_emulator"), {}});
    }
    if (removeAll(after, u"restart_emulator"))
        after.push_back(LocatedTerm{atom("restart_emulator"), {}});
    return {std::move(before), std::move(after)};
}

std::vector<Term> translateMergedScript(Direction direction, const InstructionScript &script,
                                        const std::vector<ApplicationModules> &appls,
                                        const std::vector<ApplicationModules> &preAppls)
{
    checkSyntax(script);
    const InstructionScript script1 = normalizeInstrs(script);
    const Split s = splitScript(script1);
    checkScriptParts(s.before, s.after);

    const InstructionScript after1 =
        translateAddModuleInstrs(translateApplicationInstrs(s.after, appls, preAppls));
    const Split s2 = translateDependentInstrs(direction, s.before, after1, appls);
    const InstructionScript before3 = mergeLoadObjectCode(s2.before);
    const Split s4 = sortEmulatorRestart(direction, before3, s2.after);

    InstructionScript newScript = s4.before;
    newScript.push_back({atom("point_of_no_return"), {}});
    newScript.insert(newScript.end(), s4.after.begin(), s4.after.end());
    checkSyntax(newScript);

    std::vector<Term> out;
    out.reserve(newScript.size());
    for (const LocatedTerm &i : newScript)
        out.push_back(i.term);
    return out;
}

} // namespace

Term expandInstruction(const Term &i)
{
    if (!i.isTuple() || i.size() < 2 || !i.at(0).isAtom())
        return i;
    const QString name = i.at(0).atomName();
    const qsizetype n = i.size();
    const Term &mod = i.at(1);
    Term out = i;
    if (name == u"load_module") {
        if (n == 2)
            out = Term::tuple({i.at(0), mod, brutal(), brutal(), Term::nil()});
        else if (n == 3 && i.at(2).isList())
            out = Term::tuple({i.at(0), mod, brutal(), brutal(), i.at(2)});
    } else if (name == u"update") {
        if (n == 2) {
            out = Term::tuple({i.at(0), mod, atom("soft"), brutal(), brutal(), Term::nil()});
        } else if (n == 3) {
            const Term &x = i.at(2);
            if (x.isAtom(u"supervisor")) {
                out = Term::tuple({i.at(0), mod, atom("static"), atom("default"),
                                   Term::tuple({atom("advanced"), Term::nil()}), brutal(), brutal(),
                                   Term::nil()});
            } else if (x.isTuple() || x.isAtom(u"soft")) {
                out = Term::tuple({i.at(0), mod, x, brutal(), brutal(), Term::nil()});
            } else if (x.isList()) {
                out = Term::tuple({i.at(0), mod, atom("soft"), brutal(), brutal(), x});
            }
        } else if (n == 4 && (i.at(2).isTuple() || i.at(2).isAtom(u"soft")) && i.at(3).isList()) {
            out = Term::tuple({i.at(0), mod, i.at(2), brutal(), brutal(), i.at(3)});
        }
    } else if (name == u"add_application" && n == 2) {
        out = Term::tuple({i.at(0), mod, atom("permanent")});
    }
    return withPositionOf(out, i);
}

Expected<std::vector<Term>> translateScripts(Direction direction,
                                             const std::vector<InstructionScript> &scripts,
                                             const std::vector<ApplicationModules> &appls,
                                             const std::vector<ApplicationModules> &preAppls)
{
    try {
        std::vector<InstructionScript> expanded;
        expanded.reserve(scripts.size());
        for (const InstructionScript &s : scripts)
            expanded.push_back(expandScript(s));
        return translateMergedScript(direction, mergeScripts(expanded), appls, preAppls);
    } catch (const RcError &e) {
        return Finding::error(e.message, e.location);
    }
}

Findings checkScript(const InstructionScript &script)
{
    Findings findings;
    auto attempt = [&](const std::function<void()> &check) {
        try {
            check();
        } catch (const RcError &e) {
            findings << Finding::error(e.message, e.location);
        }
    };
    InstructionScript expanded;
    attempt([&] { expanded = expandScript(script); });
    if (!findings.isEmpty())
        return findings;
    InstructionScript good;
    for (const LocatedTerm &i : expanded) {
        const qsizetype before = findings.size();
        attempt([&] { checkOp(i); });
        if (findings.size() == before)
            good.push_back(i);
    }
    attempt([&] {
        const InstructionScript normalized = normalizeInstrs(good);
        const Split s = splitScript(normalized);
        checkScriptParts(s.before, s.after);
        QHash<QString, bool> seen;
        for (const LocatedTerm &i : s.after) {
            if (!isDependentInstr(i.term))
                continue;
            const QString key = i.term.at(1).atomName();
            if (seen.contains(key))
                fail(QStringLiteral("Multiply defined module: %1 (it has two instructions)").arg(key),
                     i.location);
            seen.insert(key, true);
        }
    });
    return findings;
}

} // namespace rs::upgrade
