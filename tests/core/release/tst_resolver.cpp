// The resolver: systools_make:get_release's checks (undef_appls, dupl_regs, dupl_incls,
// add_top_apps_to_uses, sort_used_and_incl_appls, check_modules) plus Relstudio's own.
#include "fixtures.h"
#include "release/resolver.h"
#include "support/testdata.h"

#include <QTest>

#include <optional>

using rs::Finding;
using rs::Findings;
using rs::release::Resolution;
using rs::release::ResolvedApp;
using rs::release::StartType;
using rs::test::app;
using rs::test::FakeApp;
using rs::test::LibFixture;

namespace {

const QString RelFile = QStringLiteral("r.rel");

// The .rel entry of line LINE (kernel is on 2, stdlib on 3, sasl on 4, the next on 5...).
rs::SourceLocation entryAt(int line)
{
    return {RelFile, line, 3};
}

QString entry(const QString &name, const QString &vsn = QStringLiteral("1.0"),
              const QString &rest = QString())
{
    return QStringLiteral("{%1, \"%2\"%3}")
        .arg(name, vsn, rest.isEmpty() ? QString() : QStringLiteral(", ") + rest);
}

Resolution resolveIn(const LibFixture &fx, const QStringList &entries,
                     const rs::release::OtpInstallation *otp = nullptr,
                     const QString &erts = QStringLiteral("13.1.5"))
{
    const rs::release::RelParse rel = rs::test::parseRel(rs::test::relText(entries, erts), RelFile);
    if (!rel.ok())
        qFatal("bad test .rel: %s", qPrintable(rs::test::describe(rel.findings)));
    const rs::release::AppIndex index = fx.index();
    return rs::release::resolve(rel.spec, index, otp);
}

Findings ofSeverity(const Resolution &r, rs::Severity s)
{
    Findings out;
    for (const Finding &f : r.findings) {
        if (f.severity == s)
            out << f;
    }
    return out;
}

QStringList messages(const Findings &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << f.message;
    return out;
}

QStringList order(const Resolution &r)
{
    QStringList out;
    if (r.release) {
        for (const ResolvedApp &a : r.release->apps)
            out << a.spec.name;
    }
    return out;
}

// "a:u1,u2:i1,i2" -> an application using u1, u2 and including i1, i2 (kernel and stdlib are
// added to the uses).
FakeApp parseAppDef(const QString &def)
{
    const QStringList parts = def.split(QLatin1Char(':'));
    FakeApp a = app(parts.value(0));
    QStringList uses{QStringLiteral("kernel"), QStringLiteral("stdlib")};
    if (!parts.value(1).isEmpty())
        uses = parts.value(1).split(QLatin1Char(','));
    a.uses(uses);
    if (!parts.value(2).isEmpty())
        a.includes(parts.value(2).split(QLatin1Char(',')));
    return a;
}

// Empty when the release resolved with no finding (warning not given) or with exactly that one
// warning at that place; else what differs.
QString noFindingOrOneWarning(const Resolution &r, const std::optional<QString> &warning,
                              const rs::SourceLocation &at)
{
    const QString all = rs::test::describe(r.findings);
    if (!r.release)
        return QStringLiteral("did not resolve: ") + all;
    if (!warning)
        return r.findings.isEmpty() ? QString() : QStringLiteral("unexpected findings: ") + all;
    if (r.findings.size() != 1 || r.findings[0].severity != rs::Severity::Warning ||
        r.findings[0].message != *warning || r.findings[0].location != at)
        return QStringLiteral("expected the one warning \"%1\", got: %2").arg(*warning, all);
    return {};
}

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private slots:
    void resolvesACleanRelease()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("web"))
                   .withModules({QStringLiteral("web_app"), QStringLiteral("web_sup")})
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("db")}));
        fx.add(app(QStringLiteral("db"), QStringLiteral("2.1")).withModules({QStringLiteral("db")}));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() +
                                               QStringList{entry(QStringLiteral("web")),
                                                           entry(QStringLiteral("db"), QStringLiteral("2.1"),
                                                                 QStringLiteral("temporary"))});
        QVERIFY2(r.release, qPrintable(rs::test::describe(r.findings)));
        QVERIFY2(r.findings.isEmpty(), qPrintable(rs::test::describe(r.findings)));
        QCOMPARE(order(r),
                 (QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("sasl"),
                              QStringLiteral("db"), QStringLiteral("web")}));
        const ResolvedApp *db = r.release->app(u"db");
        QVERIFY(db);
        QCOMPARE(db->type, StartType::Temporary);
        QVERIFY(db->typeGiven);
        QCOMPARE(db->spec.vsn, QStringLiteral("2.1"));
        QCOMPARE(db->relLocation, entryAt(6));
        QCOMPARE(db->spec.ebinDir, fx.path(QStringLiteral("lib/db-2.1/ebin")));
        const ResolvedApp *web = r.release->app(u"web");
        QCOMPARE(web->type, StartType::Permanent);
        QVERIFY(!web->typeGiven);
        QCOMPARE(web->uses,
                 (QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("db")}));
        QCOMPARE(r.release->rel.name, QStringLiteral("r"));
        QVERIFY(!r.release->app(u"nope"));
    }

    void applicationNotFound()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"), QStringLiteral("1.0")));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() +
                                               QStringList{entry(QStringLiteral("a"), QStringLiteral("2.0")),
                                                           entry(QStringLiteral("zz"))});
        QVERIFY(!r.release);
        const Findings errors = ofSeverity(r, rs::Severity::Error);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0].message, QStringLiteral("application a version 2.0 not found; found 1.0 (%1)")
                                        .arg(fx.path(QStringLiteral("lib/a-1.0/ebin/a.app"))));
        QCOMPARE(errors[0].location, entryAt(5));
        QCOMPARE(errors[1].message,
                 QStringLiteral("application zz not found: no zz.app in the lib dirs or the OTP"));
        QCOMPARE(errors[1].location, entryAt(6));
    }

    void unreadableAppKeepsItsOwnPlace()
    {
        LibFixture fx;
        fx.addBase();
        const QString path =
            fx.writeFile(QStringLiteral("lib/a-1.0/ebin/a.app"), "{application, a, [{vsn, 1}]}.\n");
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a"))});
        QVERIFY(!r.release);
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings[0].message, QStringLiteral("'vsn' in the .app file of a must be a string"));
        QCOMPARE(r.findings[0].location, (rs::SourceLocation{path, 1, 25}));
    }

    void undefinedApplication()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("b"),
                          QStringLiteral("c")}));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a"))});
        QVERIFY(!r.release);
        QCOMPARE(
            messages(r.findings),
            (QStringList{QStringLiteral("a needs b (in its applications), which is not in the release"),
                         QStringLiteral("a needs c (in its applications), which is not in the release")}));
        QCOMPARE(r.findings[0].location, entryAt(5));
        QCOMPARE(r.findings[1].location, entryAt(5));
    }

    void optionalApplicationMayBeAbsent()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("opt"), QStringLiteral("stdlib")})
                   .optionally({QStringLiteral("opt")}));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a"))});
        QVERIFY2(r.release, qPrintable(rs::test::describe(r.findings)));
        QVERIFY2(r.findings.isEmpty(), qPrintable(rs::test::describe(r.findings)));
        // Kept in `applications` (as systools does), after the applications of the .rel.
        QCOMPARE(r.release->app(u"a")->uses,
                 (QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("opt")}));
    }

    void optionalApplicationPresentIsOrderedFirst()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("opt")})
                   .optionally({QStringLiteral("opt")}));
        fx.add(app(QStringLiteral("opt")));
        const Resolution r =
            resolveIn(fx, rs::test::baseEntries() +
                              QStringList{entry(QStringLiteral("a")), entry(QStringLiteral("opt"))});
        QVERIFY2(r.release, qPrintable(rs::test::describe(r.findings)));
        QCOMPARE(order(r).mid(3), (QStringList{QStringLiteral("opt"), QStringLiteral("a")}));
    }

    void includedApplicationNotInRelease()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).includes({QStringLiteral("b")}));
        fx.add(app(QStringLiteral("b")));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a"))});
        QVERIFY(!r.release);
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(
            r.findings[0].message,
            QStringLiteral("a includes b, which is not in the release; included applications must be listed "
                           "in the .rel too"));
        QCOMPARE(r.findings[0].location, entryAt(5));
    }

    void duplicateRegisteredName()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).registers({QStringLiteral("a_sup"), QStringLiteral("shared")}));
        fx.add(app(QStringLiteral("b")).registers({QStringLiteral("shared")}));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a")),
                                                                                 entry(QStringLiteral("b"))});
        QVERIFY(!r.release);
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings[0].message, QStringLiteral("the name shared is registered by both a and b"));
        QCOMPARE(r.findings[0].location, entryAt(6));
    }

    void includedByTwoApplications()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).includes({QStringLiteral("c")}));
        fx.add(app(QStringLiteral("b")).includes({QStringLiteral("c")}));
        fx.add(app(QStringLiteral("c")));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a")),
                                                                                 entry(QStringLiteral("b")),
                                                                                 entry(QStringLiteral("c"))});
        QVERIFY(!r.release);
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings[0].message,
                 QStringLiteral("c is included by both a and b; an application can be included only once"));
        QCOMPARE(r.findings[0].location, entryAt(6));
    }

    void includeCycles_data()
    {
        QTest::addColumn<QStringList>("apps"); // name:uses:includes
        QTest::newRow("self") << QStringList{QStringLiteral("a::a")};
        QTest::newRow("two") << QStringList{QStringLiteral("a::b"), QStringLiteral("b::a")};
        QTest::newRow("three") << QStringList{QStringLiteral("a::b"), QStringLiteral("b::c"),
                                              QStringLiteral("c::a")};
        QTest::newRow("three, listed backwards")
            << QStringList{QStringLiteral("c::a"), QStringLiteral("b::c"), QStringLiteral("a::b")};
        QTest::newRow("an application hanging off a cycle")
            << QStringList{QStringLiteral("z"), QStringLiteral("a::b,z"), QStringLiteral("b::a")};
        QTest::newRow("four") << QStringList{QStringLiteral("a::b"), QStringLiteral("b::c"),
                                             QStringLiteral("c::d"), QStringLiteral("d::a")};
    }
    void includeCycles()
    {
        QFETCH(QStringList, apps);
        LibFixture fx;
        fx.addBase();
        QStringList entries = rs::test::baseEntries();
        QHash<QString, QStringList> includes;
        for (const QString &def : apps) {
            const FakeApp a = parseAppDef(def);
            fx.add(a);
            entries << entry(a.name);
            includes.insert(a.name, a.included);
        }
        const Resolution r = resolveIn(fx, entries); // must return
        QVERIFY(!r.release);
        const Findings errors = ofSeverity(r, rs::Severity::Error);
        const auto cycle = std::find_if(errors.begin(), errors.end(), [](const Finding &f) {
            return f.message.startsWith(QStringLiteral("included applications form a cycle: "));
        });
        QVERIFY2(cycle != errors.end(), qPrintable(rs::test::describe(r.findings)));
        // "a includes b includes a": every step true, back where it started.
        const QStringList chain = cycle->message.mid(cycle->message.indexOf(QLatin1String(": ")) + 2)
                                      .split(QStringLiteral(" includes "));
        QVERIFY2(chain.size() >= 2 && chain.first() == chain.last(), qPrintable(cycle->message));
        bool truthful = true;
        for (qsizetype i = 0; i + 1 < chain.size(); ++i)
            truthful = truthful && includes.value(chain[i]).contains(chain[i + 1]);
        QVERIFY2(truthful, qPrintable(cycle->message));
        QVERIFY(cycle->location.line > 0);
    }

    void includeOverrideNotInAppFile_data()
    {
        QTest::addColumn<QString>("override");
        QTest::addColumn<QString>("message");
        QTest::newRow("one") << QStringLiteral("[b, c]")
                             << QStringLiteral(
                                    "the release includes c in a, but a's .app does not list it in "
                                    "included_applications");
        QTest::newRow("two") << QStringLiteral("[c, b, d]")
                             << QStringLiteral(
                                    "the release includes c, d in a, but a's .app does not list them in "
                                    "included_applications");
        QTest::newRow("with a type") << QStringLiteral("permanent, [d]")
                                     << QStringLiteral(
                                            "the release includes d in a, but a's .app does not list it "
                                            "in included_applications");
    }
    void includeOverrideNotInAppFile()
    {
        QFETCH(QString, override);
        QFETCH(QString, message);
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).includes({QStringLiteral("b")}));
        fx.add(app(QStringLiteral("b")));
        fx.add(app(QStringLiteral("c")));
        fx.add(app(QStringLiteral("d")));
        const Resolution r =
            resolveIn(fx, rs::test::baseEntries() +
                              QStringList{entry(QStringLiteral("a"), QStringLiteral("1.0"), override),
                                          entry(QStringLiteral("b")), entry(QStringLiteral("c")),
                                          entry(QStringLiteral("d"))});
        QVERIFY(!r.release);
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings[0].message, message);
        QCOMPARE(r.findings[0].location, entryAt(5));
    }

    void includeOverrideReplacesTheAppList()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).includes({QStringLiteral("b"), QStringLiteral("c")}));
        fx.add(app(QStringLiteral("b")));
        fx.add(app(QStringLiteral("c")));
        const Resolution r = resolveIn(
            fx, rs::test::baseEntries() +
                    QStringList{entry(QStringLiteral("a"), QStringLiteral("1.0"), QStringLiteral("[c]")),
                                entry(QStringLiteral("b")), entry(QStringLiteral("c"))});
        QVERIFY2(r.release, qPrintable(rs::test::describe(r.findings)));
        QCOMPARE(r.release->app(u"a")->includes, QStringList{QStringLiteral("c")});
        QVERIFY(r.release->isIncluded(u"c"));
        QVERIFY(!r.release->isIncluded(u"b")); // b is a top application now
        QVERIFY(!r.release->isIncluded(u"a"));
    }

    void includedApplicationGivenAStartType_data()
    {
        QTest::addColumn<QString>("type"); // "" for none given
        QTest::addColumn<bool>("warns");
        QTest::newRow("none given") << QString() << false;
        QTest::newRow("permanent") << QStringLiteral("permanent") << true;
        QTest::newRow("transient") << QStringLiteral("transient") << true;
        QTest::newRow("temporary") << QStringLiteral("temporary") << true;
        QTest::newRow("load") << QStringLiteral("load") << false;
        QTest::newRow("none") << QStringLiteral("none") << false;
    }
    void includedApplicationGivenAStartType()
    {
        QFETCH(QString, type);
        QFETCH(bool, warns);
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).includes({QStringLiteral("b")}));
        fx.add(app(QStringLiteral("b")));
        const Resolution r =
            resolveIn(fx, rs::test::baseEntries() +
                              QStringList{entry(QStringLiteral("a")),
                                          entry(QStringLiteral("b"), QStringLiteral("1.0"), type)});
        const QString problem = noFindingOrOneWarning(
            r,
            warns ? std::optional(
                        QStringLiteral("b is included by a, so it is loaded but never started: its start "
                                       "type %1 has no effect")
                            .arg(type))
                  : std::nullopt,
            entryAt(6));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void missingBeamIsAWarning()
    {
        LibFixture fx;
        fx.addBase();
        const QString ebin = fx.add(app(QStringLiteral("a"))
                                        .withModules({QStringLiteral("a_one"), QStringLiteral("a_two")})
                                        .withoutBeams());
        fx.writeFile(QStringLiteral("lib/a-1.0/ebin/a_one.beam"), QByteArray());
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a"))});
        QVERIFY2(r.release, qPrintable(rs::test::describe(r.findings)));
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings[0].severity, rs::Severity::Warning);
        QCOMPARE(r.findings[0].message,
                 QStringLiteral("a lists module a_two in its .app, but %1/a_two.beam is missing").arg(ebin));
        // The modules key of a.app: line 4, column 4 (see FakeApp::appText).
        QCOMPARE(r.findings[0].location, (rs::SourceLocation{ebin + QStringLiteral("/a.app"), 4, 4}));
    }

    void duplicateModules()
    {
        LibFixture fx;
        fx.addBase();
        const QString a =
            fx.add(app(QStringLiteral("a")).withModules({QStringLiteral("a"), QStringLiteral("util")}));
        const QString b =
            fx.add(app(QStringLiteral("b")).withModules({QStringLiteral("util"), QStringLiteral("b")}));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a")),
                                                                                 entry(QStringLiteral("b"))});
        QVERIFY(!r.release);
        const Findings errors = ofSeverity(r, rs::Severity::Error);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].message, QStringLiteral("module util is in both a (%1) and b (%2)").arg(a, b));
        QCOMPARE(errors[0].location, (rs::SourceLocation{b + QStringLiteral("/b.app"), 4, 4}));
    }

    void ertsMismatchIsAWarning_data()
    {
        QTest::addColumn<QString>("relErts");
        QTest::addColumn<bool>("warns");
        QTest::newRow("same") << QStringLiteral("13.1.5") << false;
        QTest::newRow("older") << QStringLiteral("12.0") << true;
    }
    void ertsMismatchIsAWarning()
    {
        QFETCH(QString, relErts);
        QFETCH(bool, warns);
        LibFixture fx;
        fx.addBase();
        rs::release::OtpInstallation otp;
        otp.root = QStringLiteral("/opt/otp");
        otp.ertsVsn = QStringLiteral("13.1.5");
        const Resolution r = resolveIn(fx, rs::test::baseEntries(), &otp, relErts);
        const QString problem = noFindingOrOneWarning(
            r,
            warns ? std::optional(QStringLiteral(
                        "the release asks for ERTS 12.0, but the OTP in use (/opt/otp) has ERTS 13.1.5"))
                  : std::nullopt,
            rs::SourceLocation{RelFile, 1, 23});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void topApplicationsReplaceIncludedOnes_data()
    {
        QTest::addColumn<QStringList>("apps"); // name:uses:includes, in .rel order after kernel, stdlib
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("uses");

        // systools' own example (OTP-4121): X uses A, A is included in T: X uses T instead.
        QTest::newRow("used app's top replaces it")
            << QStringList{QStringLiteral("t1::t2"), QStringLiteral("t2"),
                           QStringLiteral("t3:t2,stdlib,kernel")}
            << QStringLiteral("t3")
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("t1")};
        QTest::newRow("top already used: the included one is dropped")
            << QStringList{QStringLiteral("t1::t2"), QStringLiteral("t2"),
                           QStringLiteral("t3:kernel,t1,t2,stdlib")}
            << QStringLiteral("t3")
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("t1")};
        QTest::newRow("included app uses its own top")
            << QStringList{QStringLiteral("t1::t2"), QStringLiteral("t2:kernel,stdlib,t1")}
            << QStringLiteral("t2") << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib")};
        QTest::newRow("siblings under one top stay")
            << QStringList{QStringLiteral("t1::t2,t4"), QStringLiteral("t2"),
                           QStringLiteral("t4:kernel,stdlib,t2")}
            << QStringLiteral("t4")
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("t2")};
        QTest::newRow("nested: the outermost top")
            << QStringList{QStringLiteral("t1::t2"), QStringLiteral("t2::t4"), QStringLiteral("t4"),
                           QStringLiteral("t3:t4,kernel,stdlib")}
            << QStringLiteral("t3")
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("t1")};
        QTest::newRow("nested: uses an includer under the same top")
            << QStringList{QStringLiteral("t1::t2"), QStringLiteral("t2::t4"),
                           QStringLiteral("t4:kernel,stdlib,t2")}
            << QStringLiteral("t4")
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("t2")};
        QTest::newRow("not included: unchanged, sorted by .rel order")
            << QStringList{QStringLiteral("t1"), QStringLiteral("t2"),
                           QStringLiteral("t3:t2,t1,stdlib,kernel")}
            << QStringLiteral("t3")
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("t1"),
                           QStringLiteral("t2")};
    }
    void topApplicationsReplaceIncludedOnes()
    {
        QFETCH(QStringList, apps);
        QFETCH(QString, name);
        QFETCH(QStringList, uses);
        LibFixture fx;
        fx.addBase();
        QStringList entries = rs::test::baseEntries();
        for (const QString &def : apps) {
            const FakeApp a = parseAppDef(def);
            fx.add(a);
            entries << entry(a.name);
        }
        const Resolution r = resolveIn(fx, entries);
        QVERIFY2(r.release, qPrintable(rs::test::describe(r.findings)));
        QVERIFY2(r.findings.isEmpty(), qPrintable(rs::test::describe(r.findings)));
        QVERIFY(r.release->app(name));
        QCOMPARE(r.release->app(name)->uses, uses);
    }

    void usesAndIncludesFollowReleaseOrder()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .uses({QStringLiteral("zopt"), QStringLiteral("stdlib"), QStringLiteral("c"),
                          QStringLiteral("kernel"), QStringLiteral("aopt")})
                   .optionally({QStringLiteral("zopt"), QStringLiteral("aopt")})
                   .includes({QStringLiteral("e"), QStringLiteral("d")}));
        fx.add(app(QStringLiteral("c")));
        fx.add(app(QStringLiteral("d")));
        fx.add(app(QStringLiteral("e")));
        const Resolution r =
            resolveIn(fx, rs::test::baseEntries() +
                              QStringList{entry(QStringLiteral("d")), entry(QStringLiteral("c")),
                                          entry(QStringLiteral("e")), entry(QStringLiteral("a"))});
        QVERIFY2(r.release, qPrintable(rs::test::describe(r.findings)));
        const ResolvedApp *a = r.release->app(u"a");
        // Names missing from the .rel go last, in their own order (lists:keysort is stable).
        QCOMPARE(a->uses, (QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"),
                                       QStringLiteral("c"), QStringLiteral("zopt"), QStringLiteral("aopt")}));
        QCOMPARE(a->includes, (QStringList{QStringLiteral("d"), QStringLiteral("e")}));
        // The .app's own lists are untouched.
        QCOMPARE(a->spec.includedApplications, (QStringList{QStringLiteral("e"), QStringLiteral("d")}));
    }

    void everyProblemInOnePass()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("ghost")})
                   .registers({QStringLiteral("r")}));
        fx.add(
            app(QStringLiteral("b")).registers({QStringLiteral("r")}).includes({QStringLiteral("phantom")}));
        const Resolution r = resolveIn(
            fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a")), entry(QStringLiteral("b")),
                                                      entry(QStringLiteral("missing"))});
        QVERIFY(!r.release);
        QCOMPARE(
            messages(r.findings),
            (QStringList{
                QStringLiteral("application missing not found: no missing.app in the lib dirs or the OTP"),
                QStringLiteral("a needs ghost (in its applications), which is not in the release"),
                QStringLiteral("b includes phantom, which is not in the release; included applications "
                               "must be listed in the .rel too"),
                QStringLiteral("the name r is registered by both a and b")}));
    }

    void dependencyCycleIsReported()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).uses({QStringLiteral("kernel"), QStringLiteral("b")}));
        fx.add(app(QStringLiteral("b")).uses({QStringLiteral("kernel"), QStringLiteral("a")}));
        const Resolution r = resolveIn(fx, rs::test::baseEntries() + QStringList{entry(QStringLiteral("a")),
                                                                                 entry(QStringLiteral("b"))});
        QVERIFY(!r.release);
        QCOMPARE(r.findings.size(), 1);
        QVERIFY2(r.findings[0].message.startsWith(QStringLiteral("circular dependency among applications: ")),
                 qPrintable(r.findings[0].message));
    }
};

QTEST_GUILESS_MAIN(TestResolver)
#include "tst_resolver.moc"
