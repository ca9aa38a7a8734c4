// Boot scripts as systools:make_script/2 writes them: the instruction sequence, paths in each
// style, the application terms, and the module lists taken from the installed OTP.
#include "etf/etf.h"
#include "fixtures.h"
#include "release/resolver.h"
#include "script/boot_rules.h"
#include "script/boot_script.h"
#include "support/testdata.h"
#include "term/pretty.h"
#include "term/reader.h"

#include <QDirIterator>
#include <QTest>

using rs::release::ResolvedApp;
using rs::release::ResolvedRelease;
using rs::script::BootRules;
using rs::script::PathStyle;
using rs::script::ScriptOptions;
using rs::term::Term;
using rs::test::app;
using rs::test::LibFixture;

Q_DECLARE_METATYPE(rs::script::PathStyle)

namespace {

Term atom(const char *name)
{
    return Term::atom(QString::fromUtf8(name));
}
Term str(const QString &text)
{
    return Term::string(text);
}
Term tuple(std::vector<Term> e)
{
    return Term::tuple(std::move(e));
}
Term list(std::vector<Term> e)
{
    return Term::list(std::move(e));
}
Term atoms(std::initializer_list<const char *> names)
{
    std::vector<Term> out;
    for (const char *n : names)
        out.push_back(atom(n));
    return list(std::move(out));
}
Term strings(const QStringList &items)
{
    std::vector<Term> out;
    for (const QString &s : items)
        out.push_back(str(s));
    return list(std::move(out));
}
Term progress(const char *what)
{
    return tuple({atom("progress"), atom(what)});
}
Term apply(const char *m, const char *f, Term args)
{
    return tuple({atom("apply"), tuple({atom(m), atom(f), std::move(args)})});
}

QString show(const Term &t)
{
    return rs::term::prettyTerm(t);
}

// A small rule set, so that the expected script stays readable.
BootRules smallRules()
{
    BootRules rules;
    rules.preloaded = {QStringLiteral("erlang"), QStringLiteral("init"), QStringLiteral("prim_file")};
    rules.mandatory = {QStringLiteral("error_handler"), QStringLiteral("application"),
                       QStringLiteral("lists"), QStringLiteral("code")};
    return rules;
}

struct Built
{
    std::optional<ResolvedRelease> release;
    QString problems;
};

Built resolveRelease(const LibFixture &fx, const QStringList &entries,
                     const QStringList &libs = {QStringLiteral("lib")})
{
    const auto rel = rs::test::parseRel(rs::test::relText(entries));
    const rs::release::AppIndex index = fx.index(libs);
    auto resolution = rs::release::resolve(rel.spec, index, nullptr);
    return {std::move(resolution.release), rs::test::describe(rel.findings + resolution.findings)};
}

// The instructions of a script term.
const std::vector<Term> &instructions(const Term &script)
{
    return script.at(2).elements();
}

// The {application, Name, [...]} term written by hand for a fake application.
Term appTermOf(const char *name, const char *vsn, Term modules, Term uses, Term includes = Term::nil(),
               std::vector<Term> more = {}, Term registered = Term::nil(), Term env = Term::nil())
{
    std::vector<Term> keys = {
        tuple({atom("description"), str(QString::fromUtf8(name) + QStringLiteral(" application"))}),
        tuple({atom("vsn"), str(QString::fromUtf8(vsn))}),
        tuple({atom("id"), Term::nil()}),
        tuple({atom("modules"), std::move(modules)}),
        tuple({atom("registered"), std::move(registered)}),
        tuple({atom("applications"), std::move(uses)}),
        tuple({atom("optional_applications"), Term::nil()}),
        tuple({atom("included_applications"), std::move(includes)}),
        tuple({atom("env"), std::move(env)}),
        tuple({atom("maxT"), atom("infinity")}),
        tuple({atom("maxP"), atom("infinity")})};
    for (Term &t : more)
        keys.push_back(std::move(t));
    return tuple({atom("application"), atom(name), list(std::move(keys))});
}

QStringList keysOf(const Term &appTerm)
{
    QStringList out;
    for (const Term &kv : appTerm.at(2).elements())
        out << kv.at(0).atomName();
    return out;
}

// The last {path, [...]} of the script: every application's directory.
QStringList finalPath(const Term &script)
{
    QStringList out;
    for (const Term &i : instructions(script)) {
        if (i.isTuple(2) && i.at(0).isAtom(u"path")) {
            out.clear();
            for (const Term &p : i.at(1).elements())
                out << p.toText();
        }
    }
    return out;
}

} // namespace

class TestBootScript : public QObject
{
    Q_OBJECT

private slots:
    void instructionSequence()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .withModules({QStringLiteral("zeta"), QStringLiteral("Abc"), QStringLiteral("abc"),
                                 QStringLiteral("alpha"), QStringLiteral("erlang"), QStringLiteral("a_app")})
                   .includes({QStringLiteral("b")})
                   .registers({QStringLiteral("a_sup")})
                   .extra(QStringLiteral("{mod, {a_app, []}}, {start_phases, [{go, []}]}, {env, [{k, 1}]}")));
        fx.add(app(QStringLiteral("b")).withModules({QStringLiteral("b_mod")}));
        fx.add(app(QStringLiteral("c")).withModules({QStringLiteral("c_mod")}));
        fx.add(app(QStringLiteral("d")).withModules({QStringLiteral("d_mod")}));
        fx.add(app(QStringLiteral("e")));
        const Built built = resolveRelease(
            fx, rs::test::baseEntries() +
                    QStringList{QStringLiteral("{a, \"1.0\"}"), QStringLiteral("{b, \"1.0\"}"),
                                QStringLiteral("{c, \"1.0\", load}"), QStringLiteral("{d, \"1.0\", none}"),
                                QStringLiteral("{e, \"1.0\", temporary}")});
        QVERIFY2(built.release, qPrintable(built.problems));
        const Term script = rs::script::makeScript(*built.release, ScriptOptions(), smallRules());

        auto path = [](const char *dir) {
            return strings({QStringLiteral("$ROOT/lib/%1/ebin").arg(QString::fromUtf8(dir))});
        };
        const Term ks = atoms({"kernel", "stdlib"});
        const Term kernelTerm =
            appTermOf("kernel", "9.0",
                      atoms({"kernel", "application", "error_handler", "code", "kernel_extra"}), Term::nil());
        const Term stdlibTerm =
            appTermOf("stdlib", "4.0", atoms({"lists", "gen_server", "stdlib_extra"}), atoms({"kernel"}));
        const Term saslTerm = appTermOf("sasl", "3.0", atoms({"sasl", "systools"}), ks);
        const Term bTerm = appTermOf("b", "1.0", atoms({"b_mod"}), ks);
        const Term aTerm =
            appTermOf("a", "1.0", atoms({"zeta", "Abc", "abc", "alpha", "erlang", "a_app"}), ks, atoms({"b"}),
                      {tuple({atom("start_phases"), list({tuple({atom("go"), Term::nil()})})}),
                       tuple({atom("mod"), tuple({atom("a_app"), Term::nil()})})},
                      atoms({"a_sup"}), list({tuple({atom("k"), Term::integer(1)})}));
        const Term cTerm = appTermOf("c", "1.0", atoms({"c_mod"}), ks);
        const Term eTerm = appTermOf("e", "1.0", Term::nil(), ks);
        const QStringList all = {
            QStringLiteral("$ROOT/lib/kernel-9.0/ebin"), QStringLiteral("$ROOT/lib/stdlib-4.0/ebin"),
            QStringLiteral("$ROOT/lib/sasl-3.0/ebin"),   QStringLiteral("$ROOT/lib/b-1.0/ebin"),
            QStringLiteral("$ROOT/lib/a-1.0/ebin"),      QStringLiteral("$ROOT/lib/c-1.0/ebin"),
            QStringLiteral("$ROOT/lib/d-1.0/ebin"),      QStringLiteral("$ROOT/lib/e-1.0/ebin")};
        const Term expected = tuple(
            {atom("script"), tuple({str(QStringLiteral("r")), str(QStringLiteral("1"))}),
             list({tuple({atom("preLoaded"), atoms({"erlang", "init", "prim_file"})}), progress("preloaded"),
                   tuple({atom("path"), strings(all.first(2))}),
                   tuple({atom("primLoad"), atoms({"error_handler", "application", "lists", "code"})}),
                   tuple({atom("kernel_load_completed")}), progress("kernel_load_completed"),
                   // Each application: its directory, then its modules less the mandatory and preloaded
                   // ones, sorted as atoms ('Abc' before 'a_app' before 'abc').
                   tuple({atom("path"), path("kernel-9.0")}),
                   tuple({atom("primLoad"), atoms({"kernel", "kernel_extra"})}),
                   tuple({atom("path"), path("stdlib-4.0")}),
                   tuple({atom("primLoad"), atoms({"gen_server", "stdlib_extra"})}),
                   tuple({atom("path"), path("sasl-3.0")}),
                   tuple({atom("primLoad"), atoms({"sasl", "systools"})}),
                   tuple({atom("path"), path("b-1.0")}), tuple({atom("primLoad"), atoms({"b_mod"})}),
                   tuple({atom("path"), path("a-1.0")}),
                   tuple({atom("primLoad"), atoms({"Abc", "a_app", "abc", "alpha", "zeta"})}),
                   tuple({atom("path"), path("c-1.0")}), tuple({atom("primLoad"), atoms({"c_mod"})}),
                   tuple({atom("path"), path("d-1.0")}), tuple({atom("primLoad"), atoms({"d_mod"})}),
                   tuple({atom("path"), path("e-1.0")}), tuple({atom("primLoad"), Term::nil()}),
                   progress("modules_loaded"), tuple({atom("path"), strings(all)}),
                   tuple({atom("kernelProcess"), atom("heart"),
                          tuple({atom("heart"), atom("start"), Term::nil()})}),
                   tuple({atom("kernelProcess"), atom("logger"),
                          tuple({atom("logger_server"), atom("start_link"), Term::nil()})}),
                   tuple({atom("kernelProcess"), atom("application_controller"),
                          tuple({atom("application_controller"), atom("start"), list({kernelTerm})})}),
                   progress("init_kernel_started"),
                   // Loaded: all but kernel (loaded above) and d (type none).
                   apply("application", "load", list({stdlibTerm})),
                   apply("application", "load", list({saslTerm})),
                   apply("application", "load", list({bTerm})), apply("application", "load", list({aTerm})),
                   apply("application", "load", list({cTerm})), apply("application", "load", list({eTerm})),
                   progress("applications_loaded"),
                   // Started: not b (included), c (load) or d (none).
                   apply("application", "start_boot", atoms({"kernel", "permanent"})),
                   apply("application", "start_boot", atoms({"stdlib", "permanent"})),
                   apply("application", "start_boot", atoms({"sasl", "permanent"})),
                   apply("application", "start_boot", atoms({"a", "permanent"})),
                   apply("application", "start_boot", atoms({"e", "temporary"})),
                   apply("c", "erlangrc", Term::nil()), progress("started")})});
        if (script != expected) {
            const auto got = instructions(script);
            const auto want = instructions(expected);
            for (size_t i = 0; i < std::min(got.size(), want.size()); ++i)
                QVERIFY2(got[i] == want[i], qPrintable(QStringLiteral("instruction %1:\n%2\nexpected:\n%3")
                                                           .arg(i)
                                                           .arg(show(got[i]), show(want[i]))));
            QCOMPARE(got.size(), want.size());
            QCOMPARE(show(script), show(expected));
        }
    }

    void noDotErlang()
    {
        LibFixture fx;
        fx.addBase();
        const Built built = resolveRelease(fx, rs::test::baseEntries());
        QVERIFY2(built.release, qPrintable(built.problems));
        ScriptOptions options;
        const Term with = rs::script::makeScript(*built.release, options, smallRules());
        options.noDotErlang = true;
        const Term without = rs::script::makeScript(*built.release, options, smallRules());
        const Term erlangrc = apply("c", "erlangrc", Term::nil());
        QCOMPARE(instructions(with).size(), instructions(without).size() + 1);
        QCOMPARE(instructions(with)[instructions(with).size() - 2], erlangrc);
        QCOMPARE(instructions(without).back(), progress("started"));
        QVERIFY(std::find(instructions(without).begin(), instructions(without).end(), erlangrc) ==
                instructions(without).end());
    }

    void mandatoryPathHoldsOnlyKernelAndStdlib()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")));
        const Built built =
            resolveRelease(fx, QStringList{QStringLiteral("{a, \"1.0\"}")} + rs::test::baseEntries());
        QVERIFY2(built.release, qPrintable(built.problems));
        const Term script = rs::script::makeScript(*built.release, ScriptOptions(), smallRules());
        QCOMPARE(instructions(script)[2],
                 tuple({atom("path"), strings({QStringLiteral("$ROOT/lib/kernel-9.0/ebin"),
                                               QStringLiteral("$ROOT/lib/stdlib-4.0/ebin")})}));
    }

    void paths_data()
    {
        QTest::addColumn<PathStyle>("style");
        QTest::addColumn<QStringList>("variables"); // NAME=relative dir, ...
        QTest::addColumn<QString>("lib");           // where a is, relative to the fixture
        QTest::addColumn<QString>("dir");           // a's directory in lib
        QTest::addColumn<QString>("expected");      // "@" stands for the fixture's root

        QTest::newRow("root") << PathStyle::Root << QStringList() << QStringLiteral("lib")
                              << QStringLiteral("a-1.0") << QStringLiteral("$ROOT/lib/a-1.0/ebin");
        QTest::newRow("root, rebar3 layout") << PathStyle::Root << QStringList() << QStringLiteral("lib")
                                             << QStringLiteral("a") << QStringLiteral("$ROOT/lib/a-1.0/ebin");
        QTest::newRow("local") << PathStyle::Local << QStringList() << QStringLiteral("lib")
                               << QStringLiteral("a-1.0") << QStringLiteral("@/lib/a-1.0/ebin");
        QTest::newRow("local ignores variables")
            << PathStyle::Local << QStringList{QStringLiteral("V=vlib")} << QStringLiteral("vlib")
            << QStringLiteral("a-1.0") << QStringLiteral("@/vlib/a-1.0/ebin");
        QTest::newRow("otp_build") << PathStyle::OtpBuild << QStringList() << QStringLiteral("lib")
                                   << QStringLiteral("a-1.0") << QStringLiteral("$ROOT/lib/a/ebin");
        QTest::newRow("otp_build ignores variables")
            << PathStyle::OtpBuild << QStringList{QStringLiteral("V=vlib")} << QStringLiteral("vlib")
            << QStringLiteral("a-1.0") << QStringLiteral("$ROOT/lib/a/ebin");
        QTest::newRow("variable") << PathStyle::Root << QStringList{QStringLiteral("MYLIB=vlib")}
                                  << QStringLiteral("vlib") << QStringLiteral("a-1.0")
                                  << QStringLiteral("$MYLIB/a-1.0/ebin");
        QTest::newRow("variable, rebar3 layout")
            << PathStyle::Root << QStringList{QStringLiteral("MYLIB=vlib")} << QStringLiteral("vlib")
            << QStringLiteral("a") << QStringLiteral("$MYLIB/a-1.0/ebin");
        QTest::newRow("variable, nested")
            << PathStyle::Root << QStringList{QStringLiteral("MYLIB=vlib")} << QStringLiteral("vlib")
            << QStringLiteral("sub/a-1.0") << QStringLiteral("$MYLIB/sub/a-1.0/ebin");
        QTest::newRow("variable, directory not named after the application")
            << PathStyle::Root << QStringList{QStringLiteral("MYLIB=vlib")} << QStringLiteral("vlib")
            << QStringLiteral("other") << QStringLiteral("$MYLIB/other/ebin/a-1.0/ebin");
        QTest::newRow("variable with a trailing slash")
            << PathStyle::Root << QStringList{QStringLiteral("MYLIB=vlib/")} << QStringLiteral("vlib")
            << QStringLiteral("a-1.0") << QStringLiteral("$MYLIB/a-1.0/ebin");
        QTest::newRow("variable for another directory")
            << PathStyle::Root << QStringList{QStringLiteral("MYLIB=vlib")} << QStringLiteral("lib")
            << QStringLiteral("a-1.0") << QStringLiteral("$ROOT/lib/a-1.0/ebin");
        QTest::newRow("the first matching variable")
            << PathStyle::Root
            << QStringList{QStringLiteral("NONE=elsewhere"), QStringLiteral("OUTER=vlib"),
                           QStringLiteral("INNER=vlib/sub")}
            << QStringLiteral("vlib") << QStringLiteral("sub/a-1.0")
            << QStringLiteral("$OUTER/sub/a-1.0/ebin");
        QTest::newRow("the variable's own directory")
            << PathStyle::Root << QStringList{QStringLiteral("APP=vlib/a-1.0")} << QStringLiteral("vlib")
            << QStringLiteral("a-1.0") << QStringLiteral("$APP/ebin/a-1.0/ebin");
    }
    void paths()
    {
        QFETCH(PathStyle, style);
        QFETCH(QStringList, variables);
        QFETCH(QString, lib);
        QFETCH(QString, dir);
        QFETCH(QString, expected);
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).inDir(dir), lib);
        const Built built =
            resolveRelease(fx, rs::test::baseEntries() + QStringList{QStringLiteral("{a, \"1.0\"}")},
                           {QStringLiteral("lib"), QStringLiteral("vlib"), QStringLiteral("vlib/sub")});
        QVERIFY2(built.release, qPrintable(built.problems));
        ScriptOptions options;
        options.paths = style;
        for (const QString &v : variables) {
            const QStringList nameDir = v.split(QLatin1Char('='));
            options.variables.emplace_back(nameDir[0], fx.root() + QLatin1Char('/') + nameDir[1]);
        }
        const Term script = rs::script::makeScript(*built.release, options, smallRules());
        const QStringList all = finalPath(script);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.last(), QString(expected).replace(QLatin1Char('@'), fx.root()));
        // The application's own {path, [Dir]} before its primLoad says the same.
        const auto &is = instructions(script);
        const auto own = std::find(is.begin(), is.end(), tuple({atom("path"), strings({all.last()})}));
        QVERIFY(own != is.end());
        QCOMPARE(*(own + 1), tuple({atom("primLoad"), Term::nil()}));
        // kernel is not under any variable.
        if (style == PathStyle::Root)
            QCOMPARE(all.first(), QStringLiteral("$ROOT/lib/kernel-9.0/ebin"));
    }

    void finalPathHasEachDirectoryOnce()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("x")).inDir(QStringLiteral("both")));
        fx.add(app(QStringLiteral("y")).inDir(QStringLiteral("both")));
        const Built built =
            resolveRelease(fx, rs::test::baseEntries() + QStringList{QStringLiteral("{x, \"1.0\"}"),
                                                                     QStringLiteral("{y, \"1.0\"}")});
        QVERIFY2(built.release, qPrintable(built.problems));
        ScriptOptions options;
        options.paths = PathStyle::Local;
        const Term script = rs::script::makeScript(*built.release, options, smallRules());
        const QString both = fx.path(QStringLiteral("lib/both/ebin"));
        QCOMPARE(finalPath(script), (QStringList{fx.path(QStringLiteral("lib/kernel-9.0/ebin")),
                                                 fx.path(QStringLiteral("lib/stdlib-4.0/ebin")),
                                                 fx.path(QStringLiteral("lib/sasl-3.0/ebin")), both}));
        const auto &is = instructions(script);
        QCOMPARE(std::count(is.begin(), is.end(), tuple({atom("path"), strings({both})})), 2);
    }

    void applicationTermKeys_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QStringList>("tail"); // keys after maxP
        QTest::newRow("neither") << QString() << QStringList();
        QTest::newRow("mod") << QStringLiteral("{mod, {m, []}}") << QStringList{QStringLiteral("mod")};
        QTest::newRow("start_phases")
            << QStringLiteral("{start_phases, []}") << QStringList{QStringLiteral("start_phases")};
        QTest::newRow("both, mod first in the .app")
            << QStringLiteral("{mod, {m, []}}, {start_phases, [{p, x}]}")
            << QStringList{QStringLiteral("start_phases"), QStringLiteral("mod")};
        QTest::newRow("explicit defaults are left out")
            << QStringLiteral("{mod, []}, {start_phases, undefined}") << QStringList();
    }
    void applicationTermKeys()
    {
        QFETCH(QString, extra);
        QFETCH(QStringList, tail);
        LibFixture fx;
        fx.add(app(QStringLiteral("a")).extra(extra));
        const auto spec = rs::release::readAppFile(fx.path(QStringLiteral("lib/a-1.0/ebin/a.app")));
        QVERIFY2(spec.hasValue(), rs::test::errorOf(spec).constData());
        ResolvedApp resolved;
        resolved.spec = *spec;
        resolved.uses = {QStringLiteral("kernel")};
        resolved.includes = {QStringLiteral("inc")};
        const Term t = rs::script::applicationTerm(resolved);
        QVERIFY(t.isTuple(3));
        QCOMPARE(t.at(0), atom("application"));
        QCOMPARE(t.at(1), atom("a"));
        const QStringList head = {QStringLiteral("description"),
                                  QStringLiteral("vsn"),
                                  QStringLiteral("id"),
                                  QStringLiteral("modules"),
                                  QStringLiteral("registered"),
                                  QStringLiteral("applications"),
                                  QStringLiteral("optional_applications"),
                                  QStringLiteral("included_applications"),
                                  QStringLiteral("env"),
                                  QStringLiteral("maxT"),
                                  QStringLiteral("maxP")};
        QCOMPARE(keysOf(t), head + tail);
        // The resolved (rewritten) lists, not the .app's.
        QCOMPARE(t.at(2).at(5), tuple({atom("applications"), atoms({"kernel"})}));
        QCOMPARE(t.at(2).at(7), tuple({atom("included_applications"), atoms({"inc"})}));
    }

    void applicationTermUsesRewrittenDependencies()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("t1")).includes({QStringLiteral("t2")}));
        fx.add(app(QStringLiteral("t2")));
        fx.add(app(QStringLiteral("t3"))
                   .uses({QStringLiteral("t2"), QStringLiteral("stdlib"), QStringLiteral("kernel")}));
        const Built built =
            resolveRelease(fx, rs::test::baseEntries() + QStringList{QStringLiteral("{t1, \"1.0\"}"),
                                                                     QStringLiteral("{t2, \"1.0\"}"),
                                                                     QStringLiteral("{t3, \"1.0\"}")});
        QVERIFY2(built.release, qPrintable(built.problems));
        const Term t = rs::script::applicationTerm(*built.release->app(u"t3"));
        QCOMPARE(t.at(2).at(5), tuple({atom("applications"), atoms({"kernel", "stdlib", "t1"})}));
    }

    void bootRulesOfTheInstalledOtp()
    {
        const auto otp = rs::release::OtpInstallation::fromRoot(QStringLiteral("/usr/lib/erlang"));
        QVERIFY2(otp.hasValue(), rs::test::errorOf(otp).constData());
        const BootRules rules = rs::script::bootRulesFor(*otp);
        QVERIFY2(rules.notes.isEmpty(), qPrintable(rs::test::describe(rules.notes)));

        QStringList beams;
        QDirIterator it(otp->ertsAppDir() + QStringLiteral("/ebin"), {QStringLiteral("*.beam")}, QDir::Files);
        while (it.hasNext())
            beams << QFileInfo(it.next()).completeBaseName();
        std::sort(beams.begin(), beams.end(),
                  [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        QVERIFY(beams.contains(QStringLiteral("erlang")));
        QVERIFY(beams.contains(QStringLiteral("init")));
        QCOMPARE(rules.preloaded, beams);

        QVERIFY(!rules.mandatory.isEmpty());
        QCOMPARE(rules.mandatory.first(), QStringLiteral("error_handler"));
        QVERIFY(rules.mandatory.contains(QStringLiteral("supervisor")));
        if (otp->otpRelease == QLatin1String("25")) {
            QCOMPARE(rules.mandatory.size(), 29);
            QCOMPARE(rules.mandatory, rs::script::otp25BootRules().mandatory);
            QCOMPARE(rules.preloaded, rs::script::otp25BootRules().preloaded);
        }
    }

    void bootRulesFallBackToOtp25()
    {
        LibFixture fx;
        QDir().mkpath(fx.path(QStringLiteral("lib")));
        rs::release::OtpInstallation otp;
        otp.root = fx.root();
        otp.ertsVsn = QStringLiteral("99.0");
        const BootRules rules = rs::script::bootRulesFor(otp);
        const BootRules otp25 = rs::script::otp25BootRules();
        QCOMPARE(rules.preloaded, otp25.preloaded);
        QCOMPARE(rules.mandatory, otp25.mandatory);
        QCOMPARE(rules.notes.size(), 2);
        for (const rs::Finding &f : rules.notes)
            QCOMPARE(f.severity, rs::Severity::Warning);
        QVERIFY2(rules.notes[0].message.contains(
                     QStringLiteral("no preloaded modules found in %1/lib/erts-99.0/ebin").arg(fx.root())),
                 qPrintable(rules.notes[0].message));
        QVERIFY2(
            rules.notes[1].message.startsWith(QStringLiteral("cannot read systools' mandatory module list")),
            qPrintable(rules.notes[1].message));
        QCOMPARE(otp25.mandatory.size(), 29);
        QVERIFY(otp25.notes.isEmpty());
    }

    void renderedFiles()
    {
        LibFixture fx;
        fx.addBase();
        const Built built = resolveRelease(fx, rs::test::baseEntries());
        QVERIFY2(built.release, qPrintable(built.problems));
        const Term script =
            rs::script::makeScript(*built.release, ScriptOptions(), rs::script::otp25BootRules());
        const rs::script::BootFiles files = rs::script::renderBootFiles(script);
        QVERIFY2(files.script.startsWith("%% coding: utf-8\n{script,"), files.script.left(80).constData());
        QVERIFY(files.script.endsWith("}.\n"));
        const auto parsed = rs::term::consultText(files.script);
        QVERIFY2(parsed.hasValue(), rs::test::errorOf(parsed).constData());
        QCOMPARE(parsed->size(), size_t(1));
        QCOMPARE(parsed->front(), script);
        QCOMPARE(quint8(files.boot.at(0)), quint8(131));
        const auto decoded = rs::etf::decode(files.boot);
        QVERIFY2(decoded.hasValue(), rs::test::errorOf(decoded).constData());
        QCOMPARE(*decoded, script);
    }
};

QTEST_GUILESS_MAIN(TestBootScript)
#include "tst_boot_script.moc"
