// .app files read as systools_make:parse_application does: defaults, the first tuple of a key
// wins, unknown keys are ignored, and every bad or missing parameter is explained with its place.
#include "fixtures.h"
#include "release/app_spec.h"
#include "support/testdata.h"
#include "term/reader.h"

#include <QTest>

using rs::release::AppSpec;
using rs::term::Term;

Q_DECLARE_METATYPE(rs::term::Term)

namespace {

const QString AppFile = QStringLiteral("/work/lib/t-1/ebin/t.app");

Term atom(const char *name)
{
    return Term::atom(QString::fromUtf8(name));
}
Term str(const char *text)
{
    return Term::string(QString::fromUtf8(text));
}
Term tuple(std::vector<Term> e)
{
    return Term::tuple(std::move(e));
}
Term list(std::vector<Term> e)
{
    return Term::list(std::move(e));
}

rs::Expected<AppSpec> parse(const QByteArray &text)
{
    const auto terms = rs::term::consultText(text, AppFile);
    if (!terms)
        return terms.error();
    if (terms->empty())
        return rs::Finding::error(QStringLiteral("no term"));
    return rs::release::parseAppTerm(terms->front(), AppFile);
}

// The five keys systools requires, each on its own line (lines 2 to 6 after the opening line).
const QByteArray RequiredKeys = "  {vsn, \"1\"},\n"
                                "  {description, \"d\"},\n"
                                "  {modules, [t]},\n"
                                "  {registered, []},\n"
                                "  {applications, [kernel, stdlib]}";

QByteArray withKeys(const QByteArray &before, const QByteArray &after = QByteArray())
{
    QByteArray text = "{application, t, [\n";
    if (!before.isEmpty())
        text += before + ",\n";
    text += RequiredKeys;
    if (!after.isEmpty())
        text += ",\n" + after;
    return text + "]}.\n";
}

// A field of an AppSpec by the key it comes from, as a term.
Term field(const AppSpec &s, const QString &key)
{
    if (key == QLatin1String("vsn"))
        return Term::string(s.vsn);
    if (key == QLatin1String("id"))
        return Term::string(s.id);
    if (key == QLatin1String("description"))
        return Term::string(s.description);
    if (key == QLatin1String("modules"))
        return rs::release::atomList(s.modules);
    if (key == QLatin1String("registered"))
        return rs::release::atomList(s.registered);
    if (key == QLatin1String("applications"))
        return rs::release::atomList(s.applications);
    if (key == QLatin1String("optional_applications"))
        return rs::release::atomList(s.optionalApplications);
    if (key == QLatin1String("included_applications"))
        return rs::release::atomList(s.includedApplications);
    if (key == QLatin1String("mod"))
        return s.mod;
    if (key == QLatin1String("start_phases"))
        return s.startPhases;
    if (key == QLatin1String("env"))
        return s.env;
    if (key == QLatin1String("maxT"))
        return s.maxT;
    if (key == QLatin1String("maxP"))
        return s.maxP;
    qFatal("unknown key %s", qPrintable(key));
}

} // namespace

class TestAppSpec : public QObject
{
    Q_OBJECT

private slots:
    void defaultsOfOptionalKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<Term>("expected");
        // systools_make:check_item(false, Key).
        QTest::newRow("id") << QStringLiteral("id") << Term::nil();
        QTest::newRow("optional_applications") << QStringLiteral("optional_applications") << Term::nil();
        QTest::newRow("included_applications") << QStringLiteral("included_applications") << Term::nil();
        QTest::newRow("mod") << QStringLiteral("mod") << Term::nil();
        QTest::newRow("start_phases") << QStringLiteral("start_phases") << atom("undefined");
        QTest::newRow("env") << QStringLiteral("env") << Term::nil();
        QTest::newRow("maxT") << QStringLiteral("maxT") << atom("infinity");
        QTest::newRow("maxP") << QStringLiteral("maxP") << atom("infinity");
    }
    void defaultsOfOptionalKeys()
    {
        QFETCH(QString, key);
        QFETCH(Term, expected);
        const auto spec = parse(withKeys({}));
        QVERIFY2(spec.hasValue(), rs::test::errorOf(spec).constData());
        QCOMPARE(field(*spec, key), expected);
    }

    void basicFields()
    {
        const auto spec = parse(withKeys({}));
        QVERIFY2(spec.hasValue(), rs::test::errorOf(spec).constData());
        QCOMPARE(spec->name, QStringLiteral("t"));
        QCOMPARE(spec->vsn, QStringLiteral("1"));
        QCOMPARE(spec->description, QStringLiteral("d"));
        QCOMPARE(spec->id, QString());
        QCOMPARE(spec->modules, QStringList{QStringLiteral("t")});
        QCOMPARE(spec->applications, (QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib")}));
        QCOMPARE(spec->appFile, AppFile);
        QCOMPARE(spec->ebinDir, QStringLiteral("/work/lib/t-1/ebin"));
        QVERIFY(spec->source.isTuple(3));
    }

    void valuesRead_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<Term>("expected");
        QTest::newRow("id") << QStringLiteral("id") << QByteArray("\"abc\"") << str("abc");
        QTest::newRow("unicode description")
            << QStringLiteral("description") << QByteArray("\"h\xc3\xa9llo\"") << str("h\xc3\xa9llo");
        QTest::newRow("optional_applications") << QStringLiteral("optional_applications")
                                               << QByteArray("[x, y]") << list({atom("x"), atom("y")});
        QTest::newRow("included_applications")
            << QStringLiteral("included_applications") << QByteArray("[z]") << list({atom("z")});
        QTest::newRow("mod {M, A}") << QStringLiteral("mod") << QByteArray("{t_app, [1]}")
                                    << tuple({atom("t_app"), list({Term::integer(1)})});
        QTest::newRow("mod []") << QStringLiteral("mod") << QByteArray("[]") << Term::nil();
        QTest::newRow("start_phases list") << QStringLiteral("start_phases") << QByteArray("[{init, []}]")
                                           << list({tuple({atom("init"), Term::nil()})});
        QTest::newRow("start_phases undefined")
            << QStringLiteral("start_phases") << QByteArray("undefined") << atom("undefined");
        QTest::newRow("start_phases []") << QStringLiteral("start_phases") << QByteArray("[]") << Term::nil();
        QTest::newRow("env") << QStringLiteral("env") << QByteArray("[{port, 80}, {name, \"x\"}]")
                             << list({tuple({atom("port"), Term::integer(80)}),
                                      tuple({atom("name"), str("x")})});
        QTest::newRow("maxT integer") << QStringLiteral("maxT") << QByteArray("5") << Term::integer(5);
        QTest::newRow("maxT infinity")
            << QStringLiteral("maxT") << QByteArray("infinity") << atom("infinity");
        QTest::newRow("maxP integer") << QStringLiteral("maxP") << QByteArray("1") << Term::integer(1);
        QTest::newRow("maxP bignum") << QStringLiteral("maxP") << QByteArray("123456789012345678901234567890")
                                     << Term::integerFromDigits("123456789012345678901234567890", 10, false);
        QTest::newRow("registered") << QStringLiteral("registered") << QByteArray("[t_sup, 'T srv']")
                                    << list({atom("t_sup"), atom("T srv")});
        QTest::newRow("vsn") << QStringLiteral("vsn") << QByteArray("\"2.0-rc.1\"") << str("2.0-rc.1");
        QTest::newRow("empty vsn") << QStringLiteral("vsn") << QByteArray("\"\"") << Term::nil();
    }
    void valuesRead()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        QFETCH(Term, expected);
        // Before the required keys, so that it is the first tuple of its key.
        const auto spec = parse(withKeys("  {" + key.toUtf8() + ", " + value + "}"));
        QVERIFY2(spec.hasValue(), rs::test::errorOf(spec).constData());
        QCOMPARE(field(*spec, key), expected);
    }

    void firstDuplicateWins_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<QString>("key");
        QTest::addColumn<Term>("expected");
        QTest::newRow("vsn") << QByteArray("{vsn, \"first\"}") << QByteArray("{vsn, \"second\"}")
                             << QStringLiteral("vsn") << str("first");
        QTest::newRow("modules") << QByteArray("{modules, [a]}") << QByteArray("{modules, [b]}")
                                 << QStringLiteral("modules") << list({atom("a")});
        QTest::newRow("mod") << QByteArray("{mod, {a, []}}") << QByteArray("{mod, {b, []}}")
                             << QStringLiteral("mod") << tuple({atom("a"), Term::nil()});
        QTest::newRow("env") << QByteArray("{env, [{k, 1}]}") << QByteArray("{env, [{k, 2}]}")
                             << QStringLiteral("env") << list({tuple({atom("k"), Term::integer(1)})});
        QTest::newRow("maxT") << QByteArray("{maxT, 3}") << QByteArray("{maxT, infinity}")
                              << QStringLiteral("maxT") << Term::integer(3);
        QTest::newRow("later duplicate is not checked") << QByteArray("{maxP, 3}") << QByteArray("{maxP, -1}")
                                                        << QStringLiteral("maxP") << Term::integer(3);
    }
    void firstDuplicateWins()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QFETCH(QString, key);
        QFETCH(Term, expected);
        const auto spec = parse(withKeys("  " + first + ",\n  " + second));
        QVERIFY2(spec.hasValue(), rs::test::errorOf(spec).constData());
        QCOMPARE(field(*spec, key), expected);
    }

    void firstDuplicateIsTheOneChecked()
    {
        // keysearch finds the first tuple, so a bad first one is an error even if a later one is good.
        const auto spec = parse(withKeys("  {maxT, 0}", "  {maxT, 5}"));
        QVERIFY(!spec);
        QCOMPARE(spec.error().message, QStringLiteral("'maxT' in the .app file of t must be a positive "
                                                      "integer or infinity"));
        QCOMPARE(spec.error().location, (rs::SourceLocation{AppFile, 2, 10}));
    }

    void unknownKeysIgnored_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::newRow("unknown 2-tuple") << QByteArray("{foo, bar}");
        QTest::newRow("unknown 3-tuple") << QByteArray("{foo, 1, 2}");
        QTest::newRow("unknown 1-tuple") << QByteArray("{foo}");
        QTest::newRow("non-atom key") << QByteArray("{\"vsn\", 1}");
        QTest::newRow("a bare atom") << QByteArray("vsn");
        QTest::newRow("an empty tuple") << QByteArray("{}");
        QTest::newRow("runtime_dependencies") << QByteArray("{runtime_dependencies, [\"erts-13.0\"]}");
        QTest::newRow("a number") << QByteArray("42");
    }
    void unknownKeysIgnored()
    {
        QFETCH(QByteArray, extra);
        const auto before = parse(withKeys(extra));
        QVERIFY2(before.hasValue(), rs::test::errorOf(before).constData());
        QCOMPARE(before->vsn, QStringLiteral("1"));
        const auto after = parse(withKeys({}, extra));
        QVERIFY2(after.hasValue(), rs::test::errorOf(after).constData());
        QCOMPARE(after->modules, QStringList{QStringLiteral("t")});
    }

    void badParam_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected"); // what the value must be

        const QString string = QStringLiteral("a string");
        QTest::newRow("vsn integer") << QStringLiteral("vsn") << QByteArray("1") << string;
        QTest::newRow("vsn atom") << QStringLiteral("vsn") << QByteArray("'1.0'") << string;
        QTest::newRow("vsn binary") << QStringLiteral("vsn") << QByteArray("<<\"1.0\">>") << string;
        QTest::newRow("vsn deep list") << QStringLiteral("vsn") << QByteArray("[\"1\", \".0\"]") << string;
        QTest::newRow("vsn surrogate") << QStringLiteral("vsn") << QByteArray("[16#D800]") << string;
        QTest::newRow("vsn beyond unicode") << QStringLiteral("vsn") << QByteArray("[16#110000]") << string;
        QTest::newRow("vsn negative") << QStringLiteral("vsn") << QByteArray("[-1]") << string;
        QTest::newRow("vsn improper") << QStringLiteral("vsn") << QByteArray("[$1 | $2]") << string;
        QTest::newRow("id") << QStringLiteral("id") << QByteArray("id") << string;
        QTest::newRow("description") << QStringLiteral("description") << QByteArray("{d}") << string;
        QTest::newRow("modules of strings")
            << QStringLiteral("modules") << QByteArray("[\"t\"]") << QStringLiteral("a list of module names");
        QTest::newRow("modules atom")
            << QStringLiteral("modules") << QByteArray("t") << QStringLiteral("a list of module names");
        QTest::newRow("modules improper")
            << QStringLiteral("modules") << QByteArray("[a | b]") << QStringLiteral("a list of module names");
        QTest::newRow("registered") << QStringLiteral("registered") << QByteArray("[1]")
                                    << QStringLiteral("a list of registered names");
        QTest::newRow("applications") << QStringLiteral("applications") << QByteArray("kernel")
                                      << QStringLiteral("a list of application names");
        QTest::newRow("optional_applications")
            << QStringLiteral("optional_applications") << QByteArray("[{x}]")
            << QStringLiteral("a list of application names");
        QTest::newRow("included_applications")
            << QStringLiteral("included_applications") << QByteArray("[\"x\"]")
            << QStringLiteral("a list of application names");
        QTest::newRow("mod non-atom module")
            << QStringLiteral("mod") << QByteArray("{\"t\", []}") << QStringLiteral("{Module, StartArgs}");
        QTest::newRow("mod atom") << QStringLiteral("mod") << QByteArray("t_app")
                                  << QStringLiteral("{Module, StartArgs}");
        QTest::newRow("mod 3-tuple") << QStringLiteral("mod") << QByteArray("{t_app, [], x}")
                                     << QStringLiteral("{Module, StartArgs}");
        QTest::newRow("mod non-empty list")
            << QStringLiteral("mod") << QByteArray("[t_app]") << QStringLiteral("{Module, StartArgs}");
        QTest::newRow("start_phases atom") << QStringLiteral("start_phases") << QByteArray("init")
                                           << QStringLiteral("a list of {Phase, Args}");
        QTest::newRow("start_phases non-atom phase")
            << QStringLiteral("start_phases") << QByteArray("[{\"init\", []}]")
            << QStringLiteral("a list of {Phase, Args}");
        QTest::newRow("start_phases 3-tuple")
            << QStringLiteral("start_phases") << QByteArray("[{init, a, b}]")
            << QStringLiteral("a list of {Phase, Args}");
        QTest::newRow("env atom") << QStringLiteral("env") << QByteArray("undefined")
                                  << QStringLiteral("a list of {Par, Value}");
        QTest::newRow("env non-atom key") << QStringLiteral("env") << QByteArray("[{\"k\", 1}]")
                                          << QStringLiteral("a list of {Par, Value}");
        QTest::newRow("env improper") << QStringLiteral("env") << QByteArray("[{k, 1} | x]")
                                      << QStringLiteral("a list of {Par, Value}");
        const QString positive = QStringLiteral("a positive integer or infinity");
        QTest::newRow("maxT zero") << QStringLiteral("maxT") << QByteArray("0") << positive;
        QTest::newRow("maxT negative") << QStringLiteral("maxT") << QByteArray("-5") << positive;
        QTest::newRow("maxT negative bignum")
            << QStringLiteral("maxT") << QByteArray("-123456789012345678901234567890") << positive;
        QTest::newRow("maxT float") << QStringLiteral("maxT") << QByteArray("1.5") << positive;
        QTest::newRow("maxT other atom") << QStringLiteral("maxT") << QByteArray("never") << positive;
        QTest::newRow("maxP zero") << QStringLiteral("maxP") << QByteArray("0") << positive;
        QTest::newRow("maxP string") << QStringLiteral("maxP") << QByteArray("\"1\"") << positive;
    }
    void badParam()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        // Line 2: "  {KEY, VALUE}", so VALUE starts at column 2 + 1 + len(KEY) + 2 + 1.
        const auto spec = parse(withKeys("  {" + key.toUtf8() + ", " + value + "}"));
        QVERIFY(!spec);
        QCOMPARE(spec.error().message,
                 QStringLiteral("'%1' in the .app file of t must be %2").arg(key, expected));
        QCOMPARE(spec.error().severity, rs::Severity::Error);
        QCOMPARE(spec.error().location, (rs::SourceLocation{AppFile, 2, int(key.size()) + 6}));
    }

    void missingParam_data()
    {
        QTest::addColumn<QString>("key");
        for (const char *key : {"vsn", "description", "modules", "registered", "applications"})
            QTest::newRow(key) << QString::fromLatin1(key);
    }
    void missingParam()
    {
        QFETCH(QString, key);
        QByteArray keys;
        for (const QByteArray &line : RequiredKeys.split('\n')) {
            if (!line.contains(QByteArray("{" + key.toUtf8() + ",")))
                keys += (keys.isEmpty() ? QByteArray() : QByteArray("\n")) + line;
        }
        if (keys.endsWith(','))
            keys.chop(1);
        // The term starts on line 2, column 3.
        const auto spec = parse("%% t.app\n  {application, t, [\n" + keys + "]}.\n");
        QVERIFY(!spec);
        QCOMPARE(spec.error().message,
                 QStringLiteral("the .app file of t has no '%1' (systools requires it)").arg(key));
        QCOMPARE(spec.error().location, (rs::SourceLocation{AppFile, 2, 3}));
    }

    void wrongArityKeyTuple_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<QString>("key");
        QTest::newRow("vsn 3-tuple") << QByteArray("{vsn, \"1\", extra}") << QStringLiteral("vsn");
        QTest::newRow("modules 1-tuple") << QByteArray("{modules}") << QStringLiteral("modules");
        QTest::newRow("mod 4-tuple") << QByteArray("{mod, t_app, [], x}") << QStringLiteral("mod");
        QTest::newRow("env 3-tuple") << QByteArray("{env, k, v}") << QStringLiteral("env");
    }
    void wrongArityKeyTuple()
    {
        QFETCH(QByteArray, entry);
        QFETCH(QString, key);
        const auto spec = parse(withKeys("   " + entry));
        QVERIFY(!spec);
        QCOMPARE(spec.error().message,
                 QStringLiteral("'%1' in the .app file of t must be {%1, Value}").arg(key));
        QCOMPARE(spec.error().location, (rs::SourceLocation{AppFile, 2, 4}));
    }

    void notAnApplicationTerm_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("other tag") << QByteArray("{app, t, []}");
        QTest::newRow("string name") << QByteArray("{application, \"t\", []}");
        QTest::newRow("2-tuple") << QByteArray("{application, t}");
        QTest::newRow("4-tuple") << QByteArray("{application, t, [], []}");
        QTest::newRow("dict not a list") << QByteArray("{application, t, {vsn, \"1\"}}");
        QTest::newRow("map dict") << QByteArray("{application, t, #{vsn => \"1\"}}");
        QTest::newRow("atom") << QByteArray("application");
        QTest::newRow("list") << QByteArray("[{application, t, []}]");
    }
    void notAnApplicationTerm()
    {
        QFETCH(QByteArray, text);
        const auto spec = parse("%% comment\n\n    " + text + ".\n");
        QVERIFY(!spec);
        QCOMPARE(spec.error().message,
                 QStringLiteral("an .app file must hold {application, Name, [{Key, Value}, ...]}"));
        QCOMPARE(spec.error().location, (rs::SourceLocation{AppFile, 3, 5}));
    }

    void improperKeyListIsRefused()
    {
        // systools' keysearch fails on an improper list, so parse_application refuses the file.
        const auto spec = parse("{application, t, [" + RequiredKeys + " | tail]}.");
        QVERIFY2(!spec.hasValue(), "an improper key list was accepted");
    }

    void locationOfKeys()
    {
        const auto spec = parse(withKeys("  {mod, {t_app, []}}"));
        QVERIFY2(spec.hasValue(), rs::test::errorOf(spec).constData());
        QCOMPARE(spec->locationOf(u"mod"), (rs::SourceLocation{AppFile, 2, 3}));
        QCOMPARE(spec->locationOf(u"vsn"), (rs::SourceLocation{AppFile, 3, 3}));
        QCOMPARE(spec->locationOf(u"applications"), (rs::SourceLocation{AppFile, 7, 3}));
        // Absent: the application term itself.
        QCOMPARE(spec->locationOf(u"env"), (rs::SourceLocation{AppFile, 1, 1}));
    }

    void readAppFile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error"); // empty: it reads
        QTest::addColumn<int>("line");
        QTest::newRow("good") << withKeys({}) << QString() << 0;
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the .app file is empty") << 0;
        QTest::newRow("comments only")
            << QByteArray("%% nothing\n") << QStringLiteral("the .app file is empty") << 0;
        QTest::newRow("two terms: the first counts") << withKeys({}) + "garbage.\n" << QString() << 0;
    }
    void readAppFile()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QFETCH(int, line);
        rs::test::LibFixture fx;
        const QString path = fx.writeFile(QStringLiteral("lib/t-1/ebin/t.app"), text);
        const auto spec = rs::release::readAppFile(path);
        if (error.isEmpty()) {
            QVERIFY2(spec.hasValue(), rs::test::errorOf(spec).constData());
            QCOMPARE(spec->appFile, path);
            QCOMPARE(spec->ebinDir, fx.path(QStringLiteral("lib/t-1/ebin")));
            return;
        }
        QVERIFY(!spec);
        QCOMPARE(spec.error().message, error);
        QCOMPARE(spec.error().location.file, path);
        QCOMPARE(spec.error().location.line, line);
    }

    void readAppFileSyntaxErrorHasAPlace()
    {
        rs::test::LibFixture fx;
        const QString path =
            fx.writeFile(QStringLiteral("t.app"), "{application, t,\n  [{vsn, \"1\"}\n  {modules, []}]}.\n");
        const auto spec = rs::release::readAppFile(path);
        QVERIFY(!spec);
        QCOMPARE(spec.error().location.file, path);
        QCOMPARE(spec.error().location.line, 3);
        QVERIFY(spec.error().location.column > 0);
    }

    void readAppFileMissing()
    {
        const auto spec = rs::release::readAppFile(QStringLiteral("/nonexistent/dir/t.app"));
        QVERIFY(!spec);
        QVERIFY2(spec.error().toString().contains(QStringLiteral("/nonexistent/dir/t.app")),
                 qPrintable(spec.error().toString()));
    }

    void stringAndAtomListPredicates_data()
    {
        QTest::addColumn<Term>("term");
        QTest::addColumn<bool>("isString");
        QTest::addColumn<bool>("isAtoms");
        QTest::newRow("[]") << Term::nil() << true << true;
        QTest::newRow("\"abc\"") << str("abc") << true << false;
        QTest::newRow("[a, b]") << list({atom("a"), atom("b")}) << false << true;
        QTest::newRow("[a | b]") << Term::list({atom("a")}, atom("b")) << false << false;
        QTest::newRow("atom") << atom("a") << false << false;
        QTest::newRow("max code point") << list({Term::integer(0x10FFFF)}) << true << false;
        QTest::newRow("surrogate") << list({Term::integer(0xDFFF)}) << false << false;
        QTest::newRow("binary") << Term::binary("abc") << false << false;
    }
    void stringAndAtomListPredicates()
    {
        QFETCH(Term, term);
        QFETCH(bool, isString);
        QFETCH(bool, isAtoms);
        QCOMPARE(rs::release::isErlangString(term), isString);
        QCOMPARE(rs::release::isAtomList(term), isAtoms);
    }
};

QTEST_GUILESS_MAIN(TestAppSpec)
#include "tst_app_spec.moc"
