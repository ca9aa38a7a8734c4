// The application index: where .app files are searched, which one systools would pick, and how
// versions compare.
#include "fixtures.h"
#include "release/app_index.h"
#include "release/otp_installation.h"
#include "support/testdata.h"

#include <QTest>

using rs::release::AppIndex;
using rs::release::AppSpec;
using rs::test::app;
using rs::test::LibFixture;

namespace {

QStringList versionsOf(const AppIndex &index, const QString &name)
{
    QStringList out;
    for (const AppSpec *s : index.versionsOf(name))
        out << s->vsn;
    return out;
}

QStringList messagesOf(const rs::Findings &findings)
{
    QStringList out;
    for (const rs::Finding &f : findings)
        out << f.message;
    return out;
}

} // namespace

class TestAppIndex : public QObject
{
    Q_OBJECT

private slots:
    void searchPathLayouts()
    {
        LibFixture fx;
        // An application directory given directly, an OTP-style lib and a rebar3-style lib.
        fx.add(app(QStringLiteral("solo")).inDir(QStringLiteral(".")), QStringLiteral("solo"));
        fx.add(app(QStringLiteral("b"), QStringLiteral("2.0")), QStringLiteral("otp_lib"));
        fx.add(app(QStringLiteral("a"), QStringLiteral("1.0")), QStringLiteral("otp_lib"));
        QDir().mkpath(fx.path(QStringLiteral("otp_lib/no_ebin/src")));
        fx.add(app(QStringLiteral("c")).inDir(QStringLiteral("c")), QStringLiteral("_build/default/lib"));

        const QStringList path = AppIndex::searchPath(
            {fx.path(QStringLiteral("solo")), fx.path(QStringLiteral("otp_lib")),
             fx.path(QStringLiteral("_build/default/lib")), fx.path(QStringLiteral("otp_lib"))},
            nullptr);
        QCOMPARE(path, (QStringList{fx.path(QStringLiteral("solo/ebin")),
                                    fx.path(QStringLiteral("otp_lib/a-1.0/ebin")),
                                    fx.path(QStringLiteral("otp_lib/b-2.0/ebin")),
                                    fx.path(QStringLiteral("_build/default/lib/c/ebin"))}));

        const AppIndex index = AppIndex::scan(path);
        QCOMPARE(index.names(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                             QStringLiteral("solo")}));
        QVERIFY(index.problems().isEmpty());
    }

    void searchPathEndsWithTheOtp()
    {
        const auto otp = rs::release::OtpInstallation::fromRoot(QStringLiteral("/usr/lib/erlang"));
        QVERIFY2(otp.hasValue(), rs::test::errorOf(otp).constData());
        LibFixture fx;
        fx.add(app(QStringLiteral("mine")));
        const QStringList path = AppIndex::searchPath({fx.path(QStringLiteral("lib"))}, &*otp);
        QVERIFY(path.size() > 10);
        QCOMPARE(path.first(), fx.path(QStringLiteral("lib/mine-1.0/ebin")));
        for (qsizetype i = 1; i < path.size(); ++i)
            QVERIFY2(path[i].startsWith(otp->libDir() + QLatin1Char('/')), qPrintable(path[i]));
        QVERIFY(path.contains(otp->libDir() + QStringLiteral("/kernel-8.5.3/ebin")) ||
                !QFileInfo::exists(otp->libDir() + QStringLiteral("/kernel-8.5.3")));
    }

    void libDirsComeBeforeTheOtp()
    {
        const auto otp = rs::release::OtpInstallation::fromRoot(QStringLiteral("/usr/lib/erlang"));
        QVERIFY2(otp.hasValue(), rs::test::errorOf(otp).constData());
        LibFixture fx;
        const AppIndex plain = fx.index({}, &*otp);
        const AppSpec *installed = plain.newest(QStringLiteral("stdlib"));
        QVERIFY(installed);
        // A stdlib of the same version in a lib dir shadows the OTP's.
        const QString ebin = fx.add(rs::test::fakeStdlib(installed->vsn).inDir(QStringLiteral("my_stdlib")),
                                    QStringLiteral("lib"));
        const AppIndex index = fx.index({QStringLiteral("lib")}, &*otp);
        const auto found = index.find(QStringLiteral("stdlib"), installed->vsn);
        QVERIFY2(found.hasValue(), rs::test::errorOf(found).constData());
        QCOMPARE(found->ebinDir, ebin);
        const auto versions = index.versionsOf(QStringLiteral("stdlib"));
        QCOMPARE(versions.size(), size_t(2));
        QCOMPARE(versions[0]->ebinDir, ebin);
        QCOMPARE(versions[1]->ebinDir, installed->ebinDir);
        QVERIFY(index.find(QStringLiteral("kernel"), plain.newest(QStringLiteral("kernel"))->vsn));
    }

    void firstMatchingVersionWins()
    {
        LibFixture fx;
        const QString first =
            fx.add(app(QStringLiteral("foo"), QStringLiteral("1.0")), QStringLiteral("libA"));
        const QString two = fx.add(app(QStringLiteral("foo"), QStringLiteral("2.0")), QStringLiteral("libB"));
        fx.add(app(QStringLiteral("foo"), QStringLiteral("1.0")).inDir(QStringLiteral("foo-copy")),
               QStringLiteral("libB"));
        const AppIndex index = fx.index({QStringLiteral("libA"), QStringLiteral("libB")});
        QCOMPARE(versionsOf(index, QStringLiteral("foo")),
                 (QStringList{QStringLiteral("1.0"), QStringLiteral("2.0"), QStringLiteral("1.0")}));
        const auto one = index.find(QStringLiteral("foo"), QStringLiteral("1.0"));
        QVERIFY2(one.hasValue(), rs::test::errorOf(one).constData());
        QCOMPARE(one->ebinDir, first);
        const auto other = index.find(QStringLiteral("foo"), QStringLiteral("2.0"));
        QVERIFY2(other.hasValue(), rs::test::errorOf(other).constData());
        QCOMPARE(other->ebinDir, two);

        // Reversing the lib dirs reverses the choice.
        const AppIndex reversed = fx.index({QStringLiteral("libB"), QStringLiteral("libA")});
        const auto one2 = reversed.find(QStringLiteral("foo"), QStringLiteral("1.0"));
        QVERIFY(one2);
        QCOMPARE(one2->ebinDir, fx.path(QStringLiteral("libB/foo-copy/ebin")));
    }

    void newest_data()
    {
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QString>("newest");
        QTest::newRow("1.10 after 1.9")
            << QStringList{QStringLiteral("1.9"), QStringLiteral("1.10"), QStringLiteral("1.2")}
            << QStringLiteral("1.10");
        QTest::newRow("single") << QStringList{QStringLiteral("0.1")} << QStringLiteral("0.1");
        QTest::newRow("patch levels")
            << QStringList{QStringLiteral("8.5.3"), QStringLiteral("8.5.10"), QStringLiteral("8.5")}
            << QStringLiteral("8.5.10");
        QTest::newRow("release after its candidate")
            << QStringList{QStringLiteral("2.0"), QStringLiteral("2.0-rc1")} << QStringLiteral("2.0");
        QTest::newRow("release after its candidate, reversed")
            << QStringList{QStringLiteral("2.0-rc1"), QStringLiteral("2.0")} << QStringLiteral("2.0");
    }
    void newest()
    {
        QFETCH(QStringList, versions);
        QFETCH(QString, newest);
        LibFixture fx;
        for (const QString &v : versions)
            fx.add(app(QStringLiteral("foo"), v));
        const AppIndex index = fx.index();
        QCOMPARE(index.versionsOf(QStringLiteral("foo")).size(), size_t(versions.size()));
        QVERIFY(index.newest(QStringLiteral("foo")));
        QCOMPARE(index.newest(QStringLiteral("foo"))->vsn, newest);
        QVERIFY(!index.newest(QStringLiteral("bar")));
    }

    void compareVersions_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("knownBug");
        QTest::newRow("1.10 > 1.9") << QStringLiteral("1.10") << QStringLiteral("1.9") << 1 << false;
        QTest::newRow("1.9 < 1.10") << QStringLiteral("1.9") << QStringLiteral("1.10") << -1 << false;
        QTest::newRow("equal") << QStringLiteral("4.2") << QStringLiteral("4.2") << 0 << false;
        QTest::newRow("10 > 9") << QStringLiteral("10") << QStringLiteral("9") << 1 << false;
        QTest::newRow("8.5.10 > 8.5.3") << QStringLiteral("8.5.10") << QStringLiteral("8.5.3") << 1 << false;
        QTest::newRow("1.0.1 > 1.0") << QStringLiteral("1.0.1") << QStringLiteral("1.0") << 1 << false;
        QTest::newRow("1.0 < 1.0.1") << QStringLiteral("1.0") << QStringLiteral("1.0.1") << -1 << false;
        QTest::newRow("1.0.1 > 1.0-rc") << QStringLiteral("1.0.1") << QStringLiteral("1.0-rc") << 1 << false;
        QTest::newRow("rc1 < rc2") << QStringLiteral("2.0-rc1") << QStringLiteral("2.0-rc2") << -1 << false;
        QTest::newRow("beta > alpha")
            << QStringLiteral("2.0-beta") << QStringLiteral("2.0-alpha") << 1 << false;
        QTest::newRow("leading zeros") << QStringLiteral("1.01") << QStringLiteral("1.1") << 0 << false;
        QTest::newRow("2.0 > 2.0-rc1") << QStringLiteral("2.0") << QStringLiteral("2.0-rc1") << 1 << true;
        QTest::newRow("2.0-rc1 < 2.0") << QStringLiteral("2.0-rc1") << QStringLiteral("2.0") << -1 << true;
        QTest::newRow("1.0 > 1.0-beta.2")
            << QStringLiteral("1.0") << QStringLiteral("1.0-beta.2") << 1 << true;
    }
    void compareVersions()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        QCOMPARE(rs::release::compareVersions(a, b), expected);
    }

    void missingApplication()
    {
        LibFixture fx;
        fx.add(app(QStringLiteral("foo")));
        const AppIndex index = fx.index();
        const auto found = index.find(QStringLiteral("nope"), QStringLiteral("1.0"));
        QVERIFY(!found);
        QCOMPARE(found.error().message,
                 QStringLiteral("application nope not found: no nope.app in the lib dirs or the OTP"));
        QCOMPARE(found.error().location, rs::SourceLocation());
        QVERIFY(index.versionsOf(QStringLiteral("nope")).empty());
    }

    void versionMismatchListsVersionsFound()
    {
        LibFixture fx;
        fx.add(app(QStringLiteral("foo"), QStringLiteral("1.0")), QStringLiteral("libA"));
        fx.add(app(QStringLiteral("foo"), QStringLiteral("2.0")), QStringLiteral("libB"));
        const AppIndex index = fx.index({QStringLiteral("libA"), QStringLiteral("libB")});
        const auto found = index.find(QStringLiteral("foo"), QStringLiteral("3.0"));
        QVERIFY(!found);
        QCOMPARE(found.error().message,
                 QStringLiteral("application foo version 3.0 not found; found 1.0 (%1), 2.0 (%2)")
                     .arg(fx.path(QStringLiteral("libA/foo-1.0/ebin/foo.app")),
                          fx.path(QStringLiteral("libB/foo-2.0/ebin/foo.app"))));
    }

    void fileNameMustMatchApplicationName()
    {
        LibFixture fx;
        // bar.app that says {application, foo, ...}.
        const QString path = fx.writeFile(QStringLiteral("lib/bar-1.0/ebin/bar.app"),
                                          "%% wrong name\n" + app(QStringLiteral("foo")).appText());
        fx.add(app(QStringLiteral("good")));
        const AppIndex index = fx.index();
        QCOMPARE(index.problems().size(), 1);
        const rs::Finding &problem = index.problems().first();
        QCOMPARE(problem.severity, rs::Severity::Error);
        QCOMPARE(problem.message,
                 QStringLiteral("bar.app defines application 'foo'; the file must be named foo.app"));
        QCOMPARE(problem.location, (rs::SourceLocation{path, 2, 1}));
        QVERIFY(index.versionsOf(QStringLiteral("foo")).empty());
        QVERIFY(index.versionsOf(QStringLiteral("bar")).empty());
        QCOMPARE(index.names(), QStringList{QStringLiteral("good")});

        // Asking for bar should explain what is wrong with bar.app, not claim there is none.
        const auto found = index.find(QStringLiteral("bar"), QStringLiteral("1.0"));
        QVERIFY(!found);
        QCOMPARE(found.error().message, problem.message);
    }

    void unreadableAppFileIsAProblem()
    {
        LibFixture fx;
        const QString broken = fx.writeFile(QStringLiteral("libA/foo-1.0/ebin/foo.app"),
                                            "{application, foo,\n  [{vsn, \"1.0\"}\n   {modules, []}]}.\n");
        const QString bad =
            fx.writeFile(QStringLiteral("libA/baz-1.0/ebin/baz.app"), "{application, baz, [{vsn, 1}]}.\n");
        const AppIndex index = fx.index({QStringLiteral("libA")});
        QCOMPARE(index.problems().size(), 2);
        // Scanned by directory name: baz before foo.
        QCOMPARE(index.problems()[0].location, (rs::SourceLocation{bad, 1, 27}));
        QCOMPARE(index.problems()[0].message,
                 QStringLiteral("'vsn' in the .app file of baz must be a string"));
        QCOMPARE(index.problems()[1].location.file, broken);
        QCOMPARE(index.problems()[1].location.line, 3);
        QVERIFY(index.names().isEmpty());

        // find() explains why rather than saying there is no foo.app.
        const auto found = index.find(QStringLiteral("foo"), QStringLiteral("1.0"));
        QVERIFY(!found);
        QCOMPARE(found.error().toString(), index.problems()[1].toString());
    }

    void unreadableCopyDoesNotHideAGoodOne()
    {
        LibFixture fx;
        fx.writeFile(QStringLiteral("libA/foo-1.0/ebin/foo.app"), "this is not erlang");
        const QString good = fx.add(app(QStringLiteral("foo")), QStringLiteral("libB"));
        const AppIndex index = fx.index({QStringLiteral("libA"), QStringLiteral("libB")});
        QCOMPARE(index.problems().size(), 1);
        const auto found = index.find(QStringLiteral("foo"), QStringLiteral("1.0"));
        QVERIFY2(found.hasValue(), rs::test::errorOf(found).constData());
        QCOMPARE(found->ebinDir, good);
        // A version that is not there: the readable versions are listed.
        const auto other = index.find(QStringLiteral("foo"), QStringLiteral("9"));
        QVERIFY(!other);
        QVERIFY2(other.error().message.startsWith(
                     QStringLiteral("application foo version 9 not found; found 1.0 (")),
                 qPrintable(other.error().message));
    }

    void severalAppFilesInOneEbin()
    {
        LibFixture fx;
        fx.add(app(QStringLiteral("x")).inDir(QStringLiteral("both")));
        fx.add(app(QStringLiteral("y")).inDir(QStringLiteral("both")));
        const AppIndex index = fx.index();
        QCOMPARE(index.names(), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(messagesOf(index.problems()), QStringList());
    }

    void emptyAndMissingDirectories()
    {
        const AppIndex none = AppIndex::scan({});
        QVERIFY(none.names().isEmpty());
        QVERIFY(none.problems().isEmpty());
        QVERIFY(AppIndex::searchPath({QStringLiteral("/nonexistent/lib")}, nullptr).isEmpty());
        const AppIndex missing = AppIndex::scan({QStringLiteral("/nonexistent/lib/x/ebin")});
        QVERIFY(missing.names().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppIndex)
#include "tst_app_index.moc"
