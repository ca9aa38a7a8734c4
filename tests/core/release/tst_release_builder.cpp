// New releases as relx and reltool make them: kernel, stdlib and sasl, then the closure of the
// roots over applications, included applications and the optional applications that are found.
#include "fixtures.h"
#include "release/release_builder.h"
#include "release/resolver.h"
#include "support/testdata.h"

#include <QTest>

using rs::release::ReleaseSpec;
using rs::test::app;
using rs::test::LibFixture;

namespace {

rs::release::OtpInstallation fakeOtp()
{
    rs::release::OtpInstallation otp;
    otp.root = QStringLiteral("/opt/otp");
    otp.ertsVsn = QStringLiteral("13.1.5");
    return otp;
}

QStringList namesOf(const ReleaseSpec &spec)
{
    QStringList out;
    for (const rs::release::RelApp &a : spec.apps)
        out << a.name;
    return out;
}

QStringList withBase(const QStringList &names)
{
    return QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("sasl")} + names;
}

} // namespace

class TestReleaseBuilder : public QObject
{
    Q_OBJECT

private slots:
    void closure()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("b"),
                          QStringLiteral("d"), QStringLiteral("e")})
                   .optionally({QStringLiteral("d"), QStringLiteral("e")})
                   .includes({QStringLiteral("c")}));
        fx.add(app(QStringLiteral("b"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("f")}));
        fx.add(app(QStringLiteral("c")));
        fx.add(app(QStringLiteral("d")));
        fx.add(app(QStringLiteral("f")));
        fx.add(app(QStringLiteral("unrelated")));
        const auto otp = fakeOtp();
        const auto rel = rs::release::newRelease(QStringLiteral("shop"), QStringLiteral("0.3.0"),
                                                 {QStringLiteral("a")}, fx.index(), otp);
        QVERIFY2(rel.hasValue(), rs::test::errorOf(rel).constData());
        // Dependencies first; the absent optional e is left out; included c after a's applications.
        QCOMPARE(namesOf(*rel), withBase({QStringLiteral("f"), QStringLiteral("b"), QStringLiteral("d"),
                                          QStringLiteral("c"), QStringLiteral("a")}));
        QCOMPARE(rel->name, QStringLiteral("shop"));
        QCOMPARE(rel->vsn, QStringLiteral("0.3.0"));
        QCOMPARE(rel->ertsVsn, QStringLiteral("13.1.5"));
        for (const rs::release::RelApp &a : rel->apps) {
            QVERIFY(!a.typeGiven);
            QCOMPARE(a.type, rs::release::StartType::Permanent);
            QVERIFY(!a.includedOverride);
        }
        QCOMPARE(rel->app(u"kernel")->vsn, QStringLiteral("9.0"));
        QCOMPARE(rel->app(u"a")->vsn, QStringLiteral("1.0"));

        // And it is a release systools would accept.
        const rs::release::AppIndex index = fx.index();
        const auto resolution = rs::release::resolve(*rel, index, &otp);
        QVERIFY2(resolution.release, qPrintable(rs::test::describe(resolution.findings)));
        QVERIFY2(resolution.findings.isEmpty(), qPrintable(rs::test::describe(resolution.findings)));
    }

    void eachApplicationOnce()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("x"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("y")}));
        fx.add(app(QStringLiteral("y")).uses({QStringLiteral("stdlib"), QStringLiteral("sasl")}));
        const auto rel = rs::release::newRelease(
            QStringLiteral("r"), QStringLiteral("1"),
            {QStringLiteral("y"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("kernel")},
            fx.index(), fakeOtp());
        QVERIFY2(rel.hasValue(), rs::test::errorOf(rel).constData());
        QCOMPARE(namesOf(*rel), withBase({QStringLiteral("y"), QStringLiteral("x")}));
    }

    void rootsInTheirOrderAfterTheirDependencies()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("x"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("y")}));
        fx.add(app(QStringLiteral("y")));
        fx.add(app(QStringLiteral("z")));
        const auto rel = rs::release::newRelease(
            QStringLiteral("r"), QStringLiteral("1"),
            {QStringLiteral("z"), QStringLiteral("x"), QStringLiteral("y")}, fx.index(), fakeOtp());
        QVERIFY2(rel.hasValue(), rs::test::errorOf(rel).constData());
        QCOMPARE(namesOf(*rel), withBase({QStringLiteral("z"), QStringLiteral("y"), QStringLiteral("x")}));
    }

    void newestVersions_data()
    {
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<bool>("knownBug");
        QTest::newRow("1.10 over 1.9")
            << QStringList{QStringLiteral("1.9"), QStringLiteral("1.10")} << QStringLiteral("1.10") << false;
        QTest::newRow("1.2.3 over 1.2") << QStringList{QStringLiteral("1.2.3"), QStringLiteral("1.2")}
                                        << QStringLiteral("1.2.3") << false;
        QTest::newRow("11.0 over 9.5.1") << QStringList{QStringLiteral("9.5.1"), QStringLiteral("11.0")}
                                         << QStringLiteral("11.0") << false;
        QTest::newRow("2.0 over 2.0-rc1")
            << QStringList{QStringLiteral("2.0-rc1"), QStringLiteral("2.0")} << QStringLiteral("2.0") << true;
    }
    void newestVersions()
    {
        QFETCH(QStringList, versions);
        QFETCH(QString, chosen);
        LibFixture fx;
        fx.addBase();
        for (const QString &v : versions)
            fx.add(app(QStringLiteral("b"), v));
        fx.add(app(QStringLiteral("a")).uses({QStringLiteral("kernel"), QStringLiteral("b")}));
        const auto rel = rs::release::newRelease(QStringLiteral("r"), QStringLiteral("1"),
                                                 {QStringLiteral("a")}, fx.index(), fakeOtp());
        QVERIFY2(rel.hasValue(), rs::test::errorOf(rel).constData());
        QVERIFY(rel->app(u"b"));
        QCOMPARE(rel->app(u"b")->vsn, chosen);
    }

    void missingApplication_data()
    {
        QTest::addColumn<QStringList>("roots");
        QTest::addColumn<QString>("message");
        QTest::newRow("a root") << QStringList{QStringLiteral("nope")}
                                << QStringLiteral("application nope not found in the lib dirs or the OTP");
        QTest::newRow("a dependency")
            << QStringList{QStringLiteral("needs_z")}
            << QStringLiteral("application z, needed by needs_z, not found in the lib dirs "
                              "or the OTP");
        QTest::newRow("a dependency of a dependency")
            << QStringList{QStringLiteral("top")}
            << QStringLiteral("application z, needed by needs_z, not found in the lib dirs or the OTP");
        QTest::newRow("an included application")
            << QStringList{QStringLiteral("includes_w")}
            << QStringLiteral("application w, needed by includes_w, not found in the lib dirs or the OTP");
        QTest::newRow("the first problem only")
            << QStringList{QStringLiteral("nope"), QStringLiteral("needs_z")}
            << QStringLiteral("application nope not found in the lib dirs or the OTP");
    }
    void missingApplication()
    {
        QFETCH(QStringList, roots);
        QFETCH(QString, message);
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("needs_z")).uses({QStringLiteral("kernel"), QStringLiteral("z")}));
        fx.add(app(QStringLiteral("top")).uses({QStringLiteral("kernel"), QStringLiteral("needs_z")}));
        fx.add(app(QStringLiteral("includes_w")).includes({QStringLiteral("w")}));
        const auto rel =
            rs::release::newRelease(QStringLiteral("r"), QStringLiteral("1"), roots, fx.index(), fakeOtp());
        QVERIFY(!rel.hasValue());
        QCOMPARE(rel.error().message, message);
        QCOMPARE(rel.error().severity, rs::Severity::Error);
    }

    void missingBaseApplication()
    {
        LibFixture fx;
        fx.add(rs::test::fakeKernel());
        fx.add(rs::test::fakeStdlib());
        const auto rel =
            rs::release::newRelease(QStringLiteral("r"), QStringLiteral("1"), {}, fx.index(), fakeOtp());
        QVERIFY(!rel.hasValue());
        QCOMPARE(rel.error().message,
                 QStringLiteral("application sasl not found in the lib dirs or the OTP"));
    }

    void optionalOnlyWhenFound()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("opt_here"), QStringLiteral("opt_gone")})
                   .optionally({QStringLiteral("opt_here"), QStringLiteral("opt_gone")}));
        fx.add(app(QStringLiteral("opt_here")).uses({QStringLiteral("kernel"), QStringLiteral("deep")}));
        fx.add(app(QStringLiteral("deep")));
        const auto rel = rs::release::newRelease(QStringLiteral("r"), QStringLiteral("1"),
                                                 {QStringLiteral("a")}, fx.index(), fakeOtp());
        QVERIFY2(rel.hasValue(), rs::test::errorOf(rel).constData());
        QCOMPARE(namesOf(*rel),
                 withBase({QStringLiteral("deep"), QStringLiteral("opt_here"), QStringLiteral("a")}));

        // An optional application's own dependencies are not optional.
        LibFixture broken;
        broken.addBase();
        broken.add(app(QStringLiteral("a"))
                       .uses({QStringLiteral("kernel"), QStringLiteral("opt_here")})
                       .optionally({QStringLiteral("opt_here")}));
        broken.add(app(QStringLiteral("opt_here")).uses({QStringLiteral("kernel"), QStringLiteral("deep")}));
        const auto failed = rs::release::newRelease(QStringLiteral("r"), QStringLiteral("1"),
                                                    {QStringLiteral("a")}, broken.index(), fakeOtp());
        QVERIFY(!failed.hasValue());
        QCOMPARE(
            failed.error().message,
            QStringLiteral("application deep, needed by opt_here, not found in the lib dirs or the OTP"));
    }

    void dependencyCycleEnds()
    {
        LibFixture fx;
        fx.addBase();
        fx.add(app(QStringLiteral("a")).uses({QStringLiteral("kernel"), QStringLiteral("b")}));
        fx.add(app(QStringLiteral("b")).uses({QStringLiteral("kernel"), QStringLiteral("a")}));
        const auto otp = fakeOtp();
        const auto rel = rs::release::newRelease(QStringLiteral("r"), QStringLiteral("1"),
                                                 {QStringLiteral("a")}, fx.index(), otp);
        QVERIFY2(rel.hasValue(), rs::test::errorOf(rel).constData());
        QCOMPARE(namesOf(*rel), withBase({QStringLiteral("b"), QStringLiteral("a")}));
        // The cycle is left for the resolver to report.
        const rs::release::AppIndex index = fx.index();
        const auto resolution = rs::release::resolve(*rel, index, &otp);
        QVERIFY(!resolution.release);
        QVERIFY2(resolution.findings.last().message.startsWith(
                     QStringLiteral("circular dependency among applications: ")),
                 qPrintable(rs::test::describe(resolution.findings)));
    }

    void usesTheInstalledOtp()
    {
        const auto otp = rs::release::OtpInstallation::fromRoot(QStringLiteral("/usr/lib/erlang"));
        QVERIFY2(otp.hasValue(), rs::test::errorOf(otp).constData());
        LibFixture fx;
        fx.add(app(QStringLiteral("web"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("crypto")}));
        const rs::release::AppIndex index = fx.index({QStringLiteral("lib")}, &*otp);
        const auto rel = rs::release::newRelease(QStringLiteral("web"), QStringLiteral("1"),
                                                 {QStringLiteral("web")}, index, *otp);
        QVERIFY2(rel.hasValue(), rs::test::errorOf(rel).constData());
        QCOMPARE(rel->ertsVsn, otp->ertsVsn);
        QCOMPARE(namesOf(*rel).first(3),
                 (QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("sasl")}));
        QCOMPARE(namesOf(*rel).last(), QStringLiteral("web"));
        QVERIFY(namesOf(*rel).indexOf(QStringLiteral("crypto")) > 2);
        QCOMPARE(rel->app(u"kernel")->vsn, index.newest(QStringLiteral("kernel"))->vsn);
        const auto resolution = rs::release::resolve(*rel, index, &*otp);
        QVERIFY2(resolution.release, qPrintable(rs::test::describe(resolution.findings)));
    }
};

QTEST_GUILESS_MAIN(TestReleaseBuilder)
#include "tst_release_builder.moc"
