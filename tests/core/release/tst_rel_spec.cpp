// .rel files checked as systools_make:check_rel does, but reporting every problem with its place.
#include "fixtures.h"
#include "release/rel_spec.h"
#include "support/testdata.h"
#include "term/reader.h"

#include <QTest>

using rs::release::RelParse;
using rs::release::StartType;
using rs::test::baseEntries;
using rs::test::parseRel;
using rs::test::relText;

Q_DECLARE_METATYPE(rs::release::StartType)

namespace {

const QString RelFile = QStringLiteral("r.rel");

rs::SourceLocation at(int line, int column)
{
    return {RelFile, line, column};
}

QStringList errorsOf(const RelParse &p)
{
    QStringList out;
    for (const rs::Finding &f : p.findings) {
        if (f.isError())
            out << f.message;
    }
    return out;
}

} // namespace

class TestRelSpec : public QObject
{
    Q_OBJECT

private slots:
    void wellFormed()
    {
        const RelParse p = parseRel(relText(baseEntries() + QStringList{QStringLiteral("{app, \"1.0\"}")}));
        QVERIFY2(p.ok(), qPrintable(rs::test::describe(p.findings)));
        QVERIFY2(p.findings.isEmpty(), qPrintable(rs::test::describe(p.findings)));
        QCOMPARE(p.spec.name, QStringLiteral("r"));
        QCOMPARE(p.spec.vsn, QStringLiteral("1"));
        QCOMPARE(p.spec.ertsVsn, QStringLiteral("13.1.5"));
        QCOMPARE(p.spec.file, RelFile);
        QCOMPARE(p.spec.apps.size(), size_t(4));
        QCOMPARE(p.spec.location, at(1, 1));
        QCOMPARE(p.spec.ertsLocation, at(1, 23));
        for (size_t i = 0; i < p.spec.apps.size(); ++i)
            QCOMPARE(p.spec.apps[i].location, at(2 + int(i), 3));
        QVERIFY(p.spec.app(u"app"));
        QCOMPARE(p.spec.app(u"app")->vsn, QStringLiteral("1.0"));
        QVERIFY(!p.spec.app(u"none"));
    }

    void entryForms_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<StartType>("type");
        QTest::addColumn<bool>("typeGiven");
        QTest::addColumn<bool>("hasOverride");
        QTest::addColumn<QStringList>("override");

        QTest::newRow("{App, Vsn}") << QStringLiteral("{a, \"1\"}") << StartType::Permanent << false << false
                                    << QStringList();
        QTest::newRow("{App, Vsn, Type}") << QStringLiteral("{a, \"1\", temporary}") << StartType::Temporary
                                          << true << false << QStringList();
        QTest::newRow("{App, Vsn, [Incl]}")
            << QStringLiteral("{a, \"1\", [b, c]}") << StartType::Permanent << false << true
            << QStringList{QStringLiteral("b"), QStringLiteral("c")};
        QTest::newRow("{App, Vsn, []}")
            << QStringLiteral("{a, \"1\", []}") << StartType::Permanent << false << true << QStringList();
        QTest::newRow("{App, Vsn, Type, [Incl]}")
            << QStringLiteral("{a, \"1\", load, [b]}") << StartType::Load << true << true
            << QStringList{QStringLiteral("b")};
        QTest::newRow("{App, Vsn, Type, []}")
            << QStringLiteral("{a, \"1\", none, []}") << StartType::None << true << true << QStringList();
        QTest::newRow("permanent given") << QStringLiteral("{a, \"1\", permanent}") << StartType::Permanent
                                         << true << false << QStringList();
        QTest::newRow("transient") << QStringLiteral("{a, \"1\", transient}") << StartType::Transient << true
                                   << false << QStringList();
        QTest::newRow("load") << QStringLiteral("{a, \"1\", load}") << StartType::Load << true << false
                              << QStringList();
        QTest::newRow("none") << QStringLiteral("{a, \"1\", none}") << StartType::None << true << false
                              << QStringList();
        QTest::newRow("quoted name") << QStringLiteral("{'a', \"1\"}") << StartType::Permanent << false
                                     << false << QStringList();
    }
    void entryForms()
    {
        QFETCH(QString, entry);
        QFETCH(StartType, type);
        QFETCH(bool, typeGiven);
        QFETCH(bool, hasOverride);
        QFETCH(QStringList, override);
        const RelParse p = parseRel(relText(baseEntries() + QStringList{entry}));
        QVERIFY2(p.ok() && p.findings.isEmpty(), qPrintable(rs::test::describe(p.findings)));
        const rs::release::RelApp *a = p.spec.app(u"a");
        QVERIFY(a);
        QCOMPARE(a->name, QStringLiteral("a"));
        QCOMPARE(a->vsn, QStringLiteral("1"));
        QCOMPARE(a->type, type);
        QCOMPARE(a->typeGiven, typeGiven);
        QCOMPARE(a->includedOverride.has_value(), hasOverride);
        if (hasOverride)
            QCOMPARE(*a->includedOverride, override);
        QCOMPARE(a->location, at(5, 3));
    }

    void illegalEntry_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("why");
        const QString forms = QStringLiteral("expected {App, Vsn}, {App, Vsn, Type}, {App, Vsn, [Incl]} or "
                                             "{App, Vsn, Type, [Incl]}");
        const QString extra =
            QStringLiteral("expected a start type or a list of included applications for a");
        const QString types = QStringLiteral("(permanent, transient, temporary, load or none)");
        QTest::newRow("atom") << QStringLiteral("a") << forms;
        QTest::newRow("1-tuple") << QStringLiteral("{a}") << forms;
        QTest::newRow("5-tuple") << QStringLiteral("{a, \"1\", permanent, [], x}") << forms;
        QTest::newRow("list") << QStringLiteral("[a, \"1\"]") << forms;
        QTest::newRow("string name") << QStringLiteral("{\"a\", \"1\"}")
                                     << QStringLiteral("the application name must be an atom");
        QTest::newRow("integer version")
            << QStringLiteral("{a, 1}") << QStringLiteral("the version of a must be a string");
        QTest::newRow("atom version")
            << QStringLiteral("{a, '1'}") << QStringLiteral("the version of a must be a string");
        QTest::newRow("binary version")
            << QStringLiteral("{a, <<\"1\">>}") << QStringLiteral("the version of a must be a string");
        QTest::newRow("bad start type") << QStringLiteral("{a, \"1\", bogus}")
                                        << QStringLiteral("'bogus' is not a start type of a ") + types;
        QTest::newRow("bad start type with incl")
            << QStringLiteral("{a, \"1\", perm, [b]}")
            << QStringLiteral("'perm' is not a start type of a ") + types;
        QTest::newRow("non-atom included") << QStringLiteral("{a, \"1\", [\"b\"]}")
                                           << QStringLiteral("the included applications of a must be a list "
                                                             "of atoms");
        QTest::newRow("improper included") << QStringLiteral("{a, \"1\", [b | c]}")
                                           << QStringLiteral("the included applications of a must be a list "
                                                             "of atoms");
        QTest::newRow("non-atom included, 4-tuple")
            << QStringLiteral("{a, \"1\", load, [1]}")
            << QStringLiteral("the included applications of a must be a list of atoms");
        QTest::newRow("integer third") << QStringLiteral("{a, \"1\", 1}") << extra;
        QTest::newRow("string third")
            << QStringLiteral("{a, \"1\", \"x\"}")
            << QStringLiteral("the included applications of a must be a list of atoms");
        QTest::newRow("type, atom") << QStringLiteral("{a, \"1\", permanent, x}") << extra;
        QTest::newRow("type, type") << QStringLiteral("{a, \"1\", permanent, load}") << extra;
        QTest::newRow("incl, type") << QStringLiteral("{a, \"1\", [b], permanent}") << extra;
        QTest::newRow("incl, incl") << QStringLiteral("{a, \"1\", [b], [c]}") << extra;
    }
    void illegalEntry()
    {
        QFETCH(QString, entry);
        QFETCH(QString, why);
        const RelParse p = parseRel(relText(baseEntries() + QStringList{entry}));
        QVERIFY(!p.ok());
        QCOMPARE(p.findings.size(), 1);
        QCOMPARE(p.findings[0].severity, rs::Severity::Error);
        QCOMPARE(p.findings[0].message, QStringLiteral("illegal application entry: ") + why);
        QCOMPARE(p.findings[0].location, at(5, 3));
        QVERIFY(!p.spec.app(u"a")); // left out
    }

    void everyIllegalEntryIsReported()
    {
        const RelParse p =
            parseRel(relText({QStringLiteral("{kernel, \"9.0\"}"), QStringLiteral("{x, 1}"),
                              QStringLiteral("{stdlib, \"4.0\"}"), QStringLiteral("y"),
                              QStringLiteral("{sasl, \"3.0\"}"), QStringLiteral("{z, \"1\", bad}")}));
        QVERIFY(!p.ok());
        QCOMPARE(p.findings.size(), 3);
        QCOMPARE(p.findings[0].location, at(3, 3));
        QCOMPARE(p.findings[1].location, at(5, 3));
        QCOMPARE(p.findings[2].location, at(7, 3));
        QVERIFY(p.findings[0].message.contains(QStringLiteral("the version of x must be a string")));
        QVERIFY(p.findings[2].message.contains(QStringLiteral("'bad' is not a start type of z")));
        QCOMPARE(p.spec.apps.size(), size_t(3)); // the good ones are kept
    }

    void mandatoryApplications_data()
    {
        QTest::addColumn<QStringList>("entries");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QList<int>>("lines"); // of each error; 1 is the release term
        QTest::newRow("no kernel") << QStringList{QStringLiteral("{stdlib, \"4.0\"}"),
                                                  QStringLiteral("{sasl, \"3\"}")}
                                   << QStringList{QStringLiteral("the release must include kernel")}
                                   << QList<int>{1};
        QTest::newRow("no stdlib") << QStringList{QStringLiteral("{kernel, \"9.0\"}"),
                                                  QStringLiteral("{sasl, \"3\"}")}
                                   << QStringList{QStringLiteral("the release must include stdlib")}
                                   << QList<int>{1};
        QTest::newRow("neither") << QStringList{QStringLiteral("{sasl, \"3\"}")}
                                 << QStringList{QStringLiteral("the release must include kernel"),
                                                QStringLiteral("the release must include stdlib")}
                                 << QList<int>{1, 1};
        QTest::newRow("temporary kernel")
            << QStringList{QStringLiteral("{sasl, \"3\"}"), QStringLiteral("{kernel, \"9.0\", temporary}"),
                           QStringLiteral("{stdlib, \"4.0\"}")}
            << QStringList{QStringLiteral("kernel must be started as permanent, not temporary")}
            << QList<int>{3};
        QTest::newRow("load stdlib")
            << QStringList{QStringLiteral("{kernel, \"9.0\"}"), QStringLiteral("{stdlib, \"4.0\", load, []}"),
                           QStringLiteral("{sasl, \"3\"}")}
            << QStringList{QStringLiteral("stdlib must be started as permanent, not load")} << QList<int>{3};
        QTest::newRow("none kernel, transient stdlib")
            << QStringList{QStringLiteral("{kernel, \"9.0\", none}"),
                           QStringLiteral("{stdlib, \"4.0\", transient}"), QStringLiteral("{sasl, \"3\"}")}
            << QStringList{QStringLiteral("kernel must be started as permanent, not none"),
                           QStringLiteral("stdlib must be started as permanent, not transient")}
            << QList<int>{2, 3};
        QTest::newRow("permanent given explicitly")
            << QStringList{QStringLiteral("{kernel, \"9.0\", permanent}"),
                           QStringLiteral("{stdlib, \"4.0\"}"), QStringLiteral("{sasl, \"3\"}")}
            << QStringList() << QList<int>();
        QTest::newRow("illegal kernel entry counts as missing")
            << QStringList{QStringLiteral("{kernel, 9}"), QStringLiteral("{stdlib, \"4.0\"}"),
                           QStringLiteral("{sasl, \"3\"}")}
            << QStringList{QStringLiteral(
                               "illegal application entry: the version of kernel must be a string"),
                           QStringLiteral("the release must include kernel")}
            << QList<int>{2, 1};
    }
    void mandatoryApplications()
    {
        QFETCH(QStringList, entries);
        QFETCH(QStringList, errors);
        QFETCH(QList<int>, lines);
        const RelParse p = parseRel(relText(entries));
        QCOMPARE(errorsOf(p), errors);
        QCOMPARE(p.ok(), errors.isEmpty());
        int i = 0;
        for (const rs::Finding &f : p.findings) {
            if (!f.isError())
                continue;
            QCOMPARE(f.location.file, RelFile);
            QCOMPARE(f.location.line, lines[i++]);
        }
    }

    void noSaslIsAWarning()
    {
        const RelParse p = parseRel(relText(baseEntries(false)));
        QVERIFY(p.ok());
        QCOMPARE(p.findings.size(), 1);
        QCOMPARE(p.findings[0].severity, rs::Severity::Warning);
        QCOMPARE(
            p.findings[0].message,
            QStringLiteral("the release has no sasl: it cannot be upgraded (release_handler lives in sasl)"));
        QCOMPARE(p.findings[0].location, at(1, 1));
    }

    void saslInAnyFormIsEnough()
    {
        const RelParse p =
            parseRel(relText(baseEntries(false) + QStringList{QStringLiteral("{sasl, \"3\", load}")}));
        QVERIFY(p.ok());
        QVERIFY2(p.findings.isEmpty(), qPrintable(rs::test::describe(p.findings)));
    }

    void badNamesAndVersions_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QList<int>>("columns");
        // "{release, " is 10 characters: the {Name, Vsn} tuple starts at column 11.
        QTest::newRow("atom name") << QByteArray("{release, {r, \"1\"}, {erts, \"13\"},")
                                   << QStringList{QStringLiteral("the release name must be a string")}
                                   << QList<int>{12};
        QTest::newRow("integer version")
            << QByteArray("{release, {\"r\", 1}, {erts, \"13\"},")
            << QStringList{QStringLiteral("the release version must be a string")} << QList<int>{17};
        QTest::newRow("atom erts") << QByteArray("{release, {\"r\", \"1\"}, {erts, '13'},")
                                   << QStringList{QStringLiteral("the ERTS version must be a string")}
                                   << QList<int>{30};
        QTest::newRow("all three") << QByteArray("{release, {r, v}, {erts, e},")
                                   << QStringList{QStringLiteral("the release name must be a string"),
                                                  QStringLiteral("the release version must be a string"),
                                                  QStringLiteral("the ERTS version must be a string")}
                                   << QList<int>{12, 15, 26};
    }
    void badNamesAndVersions()
    {
        QFETCH(QByteArray, head);
        QFETCH(QStringList, errors);
        QFETCH(QList<int>, columns);
        const RelParse p = parseRel(head + "\n [{kernel, \"9.0\"}, {stdlib, \"4.0\"}, {sasl, \"3\"}]}.\n");
        QCOMPARE(errorsOf(p), errors);
        for (qsizetype i = 0; i < columns.size(); ++i)
            QCOMPARE(p.findings[i].location, at(1, columns[i]));
    }

    void malformedReleaseTerm_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("name and vsn not a tuple") << QByteArray("{release, \"r\", {erts, \"1\"}, []}");
        QTest::newRow("3-tuple name") << QByteArray("{release, {\"r\", \"1\", x}, {erts, \"1\"}, []}");
        QTest::newRow("no erts") << QByteArray("{release, {\"r\", \"1\"}, []}");
        QTest::newRow("erts tag") << QByteArray("{release, {\"r\", \"1\"}, {ertz, \"1\"}, []}");
        QTest::newRow("erts 3-tuple") << QByteArray("{release, {\"r\", \"1\"}, {erts, \"1\", x}, []}");
        QTest::newRow("apps not a list") << QByteArray("{release, {\"r\", \"1\"}, {erts, \"1\"}, apps}");
        QTest::newRow("apps improper")
            << QByteArray("{release, {\"r\", \"1\"}, {erts, \"1\"}, [{kernel, \"1\"} | x]}");
        QTest::newRow("other tag") << QByteArray("{rel, {\"r\", \"1\"}, {erts, \"1\"}, []}");
        QTest::newRow("5-tuple") << QByteArray("{release, {\"r\", \"1\"}, {erts, \"1\"}, [], []}");
        QTest::newRow("atom") << QByteArray("release");
        QTest::newRow("list") << QByteArray("[{release, {\"r\", \"1\"}, {erts, \"1\"}, []}]");
    }
    void malformedReleaseTerm()
    {
        QFETCH(QByteArray, text);
        const RelParse p = parseRel("%% my release\n  " + text + ".\n");
        QVERIFY(!p.ok());
        QCOMPARE(p.findings.size(), 1);
        QCOMPARE(p.findings[0].message,
                 QStringLiteral(
                     "a .rel file must hold {release, {Name, Vsn}, {erts, ErtsVsn}, [{App, Vsn}, ...]}"));
        QCOMPARE(p.findings[0].location, at(2, 3));
    }

    void readRelFile()
    {
        rs::test::LibFixture fx;
        const QString path = fx.writeFile(QStringLiteral("r.rel"), relText(baseEntries()));
        const RelParse p = rs::release::readRelFile(path);
        QVERIFY2(p.ok() && p.findings.isEmpty(), qPrintable(rs::test::describe(p.findings)));
        QCOMPARE(p.spec.file, path);
        QCOMPARE(p.spec.apps[1].location, (rs::SourceLocation{path, 3, 3}));
    }

    void readRelFileErrors()
    {
        rs::test::LibFixture fx;
        const QString empty = fx.writeFile(QStringLiteral("empty.rel"), "%% nothing here\n");
        RelParse p = rs::release::readRelFile(empty);
        QVERIFY(!p.ok());
        QCOMPARE(p.findings.size(), 1);
        QCOMPARE(p.findings[0].message, QStringLiteral("the .rel file holds no term"));
        QCOMPARE(p.findings[0].location, (rs::SourceLocation{empty, 1, 1}));

        const QString broken = fx.writeFile(QStringLiteral("broken.rel"), "{release,\n {\"r\", \"1\"\n");
        p = rs::release::readRelFile(broken);
        QVERIFY(!p.ok());
        QCOMPARE(p.findings.size(), 1);
        QCOMPARE(p.findings[0].location.file, broken);
        QVERIFY(p.findings[0].location.line >= 2);

        p = rs::release::readRelFile(fx.path(QStringLiteral("missing.rel")));
        QVERIFY(!p.ok());
        QCOMPARE(p.spec.file, fx.path(QStringLiteral("missing.rel")));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::newRow("plain") << QStringLiteral("{a, \"1\"}");
        QTest::newRow("type") << QStringLiteral("{a, \"1\", temporary}");
        QTest::newRow("incl") << QStringLiteral("{a, \"1\", [b]}");
        QTest::newRow("empty incl") << QStringLiteral("{a, \"1\", []}");
        QTest::newRow("type and incl") << QStringLiteral("{a, \"1\", load, [b, c]}");
        QTest::newRow("permanent given") << QStringLiteral("{a, \"1\", permanent}");
    }
    void roundTrip()
    {
        QFETCH(QString, entry);
        const QByteArray text = relText(baseEntries() + QStringList{entry});
        const RelParse p = parseRel(text);
        QVERIFY(p.ok());
        const auto original = rs::term::consultText(text);
        QVERIFY(original);
        QCOMPARE(p.spec.toTerm(), original->front()); // the same forms, positions aside
        const QByteArray written = rs::release::relFileText(p.spec);
        QVERIFY2(written.startsWith("%% coding: utf-8\n"), written.constData());
        const RelParse again = parseRel(written);
        QVERIFY(again.ok());
        QCOMPARE(again.spec.toTerm(), p.spec.toTerm());
    }

    void startTypeNames()
    {
        for (const StartType t : {StartType::Permanent, StartType::Transient, StartType::Temporary,
                                  StartType::Load, StartType::None})
            QCOMPARE(rs::release::startTypeFromName(rs::release::startTypeName(t)), std::optional(t));
        QCOMPARE(rs::release::startTypeName(StartType::Temporary), QStringLiteral("temporary"));
        QVERIFY(!rs::release::startTypeFromName(u"Permanent"));
        QVERIFY(!rs::release::startTypeFromName(u""));
    }
};

QTEST_GUILESS_MAIN(TestRelSpec)
#include "tst_rel_spec.moc"
