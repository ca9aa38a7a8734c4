// Oracle: rs::upgrade::makeRelup must write the relup that the installed OTP's
// systools:make_relup/4 writes, byte for byte, and must refuse what systools refuses.
//
// The applications are the fixtures of tests/oracle/upgrade_apps (built by the target
// upgrade_fixture_apps): shop in five versions, billing (dropped in release 3), report
// (restart_application), audit and stats (added in release 3), errapp (whose .appup each "flex"
// row writes) and stand-ins for an older stdlib and sasl. The .rel files are written here, with the
// installed OTP's kernel, stdlib, sasl and ERTS versions.
//
// Three parts:
//  - sameAsSystools: releases of the fixtures, several up-from and down-to releases each;
//  - flexAppup: one .appup per row for errapp 1.0 -> 2.0 (every instruction form, and refusals);
//  - translateRandom: random scripts straight into systools_rc:translate_scripts/4 and
//    rs::upgrade::translateScripts, compared as terms.
#include "relup_oracle_support.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include "release/app_index.h"
#include "release/otp_installation.h"
#include "release/rel_spec.h"
#include "release/resolver.h"
#include "term/reader.h"
#include "term/writer.h"
#include "upgrade/rc_translate.h"
#include "upgrade/relup.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <optional>

using rs::term::Term;

namespace {

using rs::test::erlString;
using rs::test::readFile;

const QString fixtureLib = QStringLiteral(RELSTUDIO_UPGRADE_FIXTURES_LIB);

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The releases, with @ERTS@, @KERNEL@, @STDLIB@ and @SASL@ for the installed versions.
const std::map<QString, QString> &releaseTexts()
{
    static const std::map<QString, QString> texts = {
        {QStringLiteral("v1"),
         QStringLiteral("{release, {\"shop\", \"1\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"1.0.0\"}, {billing, \"1.0\"}, {report, \"1.0\"}]}.\n")},
        {QStringLiteral("v1b"),
         QStringLiteral("{release, {\"shop\", \"1b\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"1.0.1\"}, {billing, \"1.0\", temporary}, {report, \"1.0\"}]}.\n")},
        {QStringLiteral("v2"),
         QStringLiteral("{release, {\"shop\", \"2\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"2.0\"}, {billing, \"1.0\"}, {report, \"1.1\"}]}.\n")},
        {QStringLiteral("v3"),
         QStringLiteral("{release, {\"shop\", \"3\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"3.0\"}, {report, \"2.0\", transient}, {audit, \"1.0\", temporary},\n"
                        "  {stats, \"1.0\", load}]}.\n")},
        // Release 2 on an older ERTS: restart_new_emulator, and systools' erts_vsn_changed warning.
        {QStringLiteral("v0erts"),
         QStringLiteral("{release, {\"shop\", \"0-erts\"}, {erts, \"12.3\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"2.0\"}, {billing, \"1.0\"}, {report, \"1.1\"}]}.\n")},
        // Release 2 with an older stdlib: the real stdlib.appup's regular expressions answer.
        {QStringLiteral("v0stdlib"),
         QStringLiteral("{release, {\"shop\", \"0-stdlib\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"4.1\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"2.0\"}, {billing, \"1.0\"}, {report, \"1.1\"}]}.\n")},
        // Both at once.
        {QStringLiteral("v0both"),
         QStringLiteral("{release, {\"shop\", \"0-both\"}, {erts, \"12.3\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"4.1\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"1.0.1\"}, {billing, \"1.0\"}, {report, \"1.0\"}]}.\n")},
        // shop 0.9: the .appup of shop 3.0 has no entry for it.
        {QStringLiteral("v09"),
         QStringLiteral("{release, {\"shop\", \"0.9\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {shop, \"0.9\"}, {billing, \"1.0\"}, {report, \"1.0\"}]}.\n")},
        {QStringLiteral("v3nosasl"),
         QStringLiteral("{release, {\"shop\", \"3-nosasl\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"},\n"
                        "  {shop, \"3.0\"}, {report, \"2.0\"}]}.\n")},
        {QStringLiteral("v2nosasl"),
         QStringLiteral("{release, {\"shop\", \"2-nosasl\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"},\n"
                        "  {shop, \"2.0\"}, {billing, \"1.0\"}, {report, \"1.1\"}]}.\n")},
        // A sasl before R15 on both sides, another ERTS: systools' pre-R15 emulator upgrade.
        {QStringLiteral("r15new"),
         QStringLiteral("{release, {\"old\", \"2\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"2.1\"},\n"
                        "  {shop, \"3.0\"}, {report, \"2.0\"}]}.\n")},
        {QStringLiteral("r15old"),
         QStringLiteral("{release, {\"old\", \"1\"}, {erts, \"5.8\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"2.1\"},\n"
                        "  {shop, \"2.0\"}, {report, \"1.1\"}, {billing, \"1.0\"}]}.\n")},
        // The releases of the flex rows: only errapp changes (1.0 -> 2.0).
        {QStringLiteral("fx1"),
         QStringLiteral("{release, {\"fx\", \"1\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {errapp, \"1.0\"}, {billing, \"1.0\"}, {report, \"1.1\"}]}.\n")},
        {QStringLiteral("fx2"),
         QStringLiteral("{release, {\"fx\", \"2\"}, {erts, \"@ERTS@\"},\n"
                        " [{kernel, \"@KERNEL@\"}, {stdlib, \"@STDLIB@\"}, {sasl, \"@SASL@\"},\n"
                        "  {errapp, \"2.0\"}, {billing, \"1.0\"}, {report, \"1.1\"}]}.\n")},
    };
    return texts;
}

using Outcome = rs::test::RelupOutcome;

struct RelupRequest
{
    QString top;
    QStringList up; // release names, "name|description" for a description
    QStringList down;
    bool restartEmulator = false;
    bool warningsAsErrors = false;
};

} // namespace

class TestRelupOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsSystools_data();
    void sameAsSystools();
    void flexAppup_data();
    void flexAppup();
    void translateRandom();

private:
    QString writeReleases(const QString &dir) const;
    Outcome runSystools(const QString &dir, const QStringList &libs, const RelupRequest &request) const;
    Outcome runOurs(const QString &dir, const QStringList &libs, const RelupRequest &request) const;
    void compare(const QString &dir, const QStringList &libs, const RelupRequest &request, bool expectOk,
                 const QString &errorPart, int expectedWarnings);

    rs::release::OtpInstallation m_otp;
    QHash<QString, QString> m_versions; // @ERTS@ ... -> installed versions
};

void TestRelupOracle::initTestCase()
{
    const QString root = rs::test::otpRoot();
    QVERIFY2(!root.isEmpty(), "erl does not run");
    auto otp = rs::release::OtpInstallation::fromRoot(root);
    QVERIFY2(otp, rs::test::errorOf(otp).constData());
    m_otp = *otp;
    const auto index = rs::release::AppIndex::scan(rs::release::AppIndex::searchPath({}, &m_otp));
    m_versions.insert(QStringLiteral("@ERTS@"), m_otp.ertsVsn);
    for (const char *app : {"kernel", "stdlib", "sasl"}) {
        const auto *spec = index.newest(QString::fromLatin1(app));
        QVERIFY2(spec, app);
        m_versions.insert(QLatin1Char('@') + QString::fromLatin1(app).toUpper() + QLatin1Char('@'),
                          spec->vsn);
    }
    QVERIFY2(QFileInfo::exists(fixtureLib + QStringLiteral("/shop-3.0/ebin/shop.appup")),
             "the fixture applications are not built (target upgrade_fixture_apps)");
}

QString TestRelupOracle::writeReleases(const QString &dir) const
{
    const QString rels = dir + QStringLiteral("/rels");
    for (const auto &[name, text] : releaseTexts()) {
        QString t = text;
        for (auto it = m_versions.begin(); it != m_versions.end(); ++it)
            t.replace(it.key(), it.value());
        if (!writeFile(rels + QLatin1Char('/') + name + QStringLiteral(".rel"), t.toUtf8()))
            return {};
    }
    return rels;
}

Outcome TestRelupOracle::runSystools(const QString &dir, const QStringList &libs, const RelupRequest &r) const
{
    const QString rels = dir + QStringLiteral("/rels/");
    auto list = [&](const QStringList &names) -> QString {
        QStringList items;
        for (const QString &n : names) {
            const QStringList parts = n.split(QLatin1Char('|'));
            items << (parts.size() == 2
                          ? QStringLiteral("{%1, %2}").arg(erlString(rels + parts[0]), erlString(parts[1]))
                          : erlString(rels + n));
        }
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    };
    QStringList path;
    for (const QString &lib : libs)
        path << erlString(lib + QStringLiteral("/*/ebin"));
    const QString outDir = dir + QStringLiteral("/erl");
    QDir().mkpath(outDir);
    QStringList options = {QStringLiteral("{path, [%1]}").arg(path.join(QStringLiteral(", "))),
                           QStringLiteral("{outdir, %1}").arg(erlString(outDir))};
    if (r.restartEmulator)
        options << QStringLiteral("restart_emulator");
    if (r.warningsAsErrors)
        options << QStringLiteral("warnings_as_errors");
    const rs::test::ErlRun run =
        rs::test::runErlModule(QStringLiteral("relup_oracle"),
                               {QStringLiteral("make_relup"), rels + r.top, list(r.up), list(r.down),
                                QLatin1Char('[') + options.join(QStringLiteral(", ")) + QLatin1Char(']')});
    return rs::test::systoolsRelupOutcome(run, outDir);
}

Outcome TestRelupOracle::runOurs(const QString &dir, const QStringList &libs, const RelupRequest &r) const
{
    Outcome o;
    const auto index = rs::release::AppIndex::scan(rs::release::AppIndex::searchPath(libs, &m_otp));
    std::map<QString, rs::release::ResolvedRelease> resolved;
    auto resolveRel = [&](const QString &name) -> const rs::release::ResolvedRelease * {
        if (auto it = resolved.find(name); it != resolved.end())
            return &it->second;
        const rs::release::RelParse parse =
            rs::release::readRelFile(dir + QStringLiteral("/rels/") + name + QStringLiteral(".rel"));
        if (!parse.ok()) {
            o.message = QStringLiteral("RESOLVE FAILED: ") + parse.findings.front().toString();
            return nullptr;
        }
        rs::release::Resolution res = rs::release::resolve(parse.spec, index, &m_otp);
        if (!res.release) {
            for (const rs::Finding &f : res.findings) {
                if (f.isError())
                    o.message += QStringLiteral("RESOLVE FAILED: ") + f.toString() + QLatin1Char('\n');
            }
            return nullptr;
        }
        return &resolved.emplace(name, std::move(*res.release)).first->second;
    };
    const rs::release::ResolvedRelease *top = resolveRel(r.top);
    if (!top)
        return o;
    auto bases = [&](const QStringList &names, std::vector<rs::upgrade::BaseRelease> &out) {
        for (const QString &n : names) {
            const QStringList parts = n.split(QLatin1Char('|'));
            const rs::release::ResolvedRelease *rel = resolveRel(parts[0]);
            if (!rel)
                return false;
            out.push_back({rel, parts.size() == 2 ? Term::string(parts[1]) : Term()});
        }
        return true;
    };
    std::vector<rs::upgrade::BaseRelease> up;
    std::vector<rs::upgrade::BaseRelease> down;
    if (!bases(r.up, up) || !bases(r.down, down))
        return o;
    rs::upgrade::RelupOptions options;
    options.restartEmulator = r.restartEmulator;
    options.warningsAsErrors = r.warningsAsErrors;
    const auto result = rs::upgrade::makeRelup(*top, up, down, options);
    if (!result) {
        o.message = result.error().toString();
        return o;
    }
    o.ok = true;
    o.relup = result->text();
    o.warnings = int(result->warnings.size());
    return o;
}

void TestRelupOracle::compare(const QString &dir, const QStringList &libs, const RelupRequest &request,
                              bool expectOk, const QString &errorPart, int expectedWarnings)
{
    const Outcome theirs = runSystools(dir, libs, request);
    QVERIFY2(!theirs.message.startsWith(QStringLiteral("ORACLE FAILED")), qPrintable(theirs.message));
    const Outcome ours = runOurs(dir, libs, request);
    QVERIFY2(!ours.message.startsWith(QStringLiteral("RESOLVE FAILED")), qPrintable(ours.message));
    QVERIFY2(theirs.ok == expectOk,
             qPrintable(QStringLiteral("systools %1 unexpectedly:\n%2")
                            .arg(theirs.ok ? QStringLiteral("accepted") : QStringLiteral("refused"),
                                 theirs.message)));
    if (!expectOk) {
        QVERIFY2(!ours.ok, qPrintable(QStringLiteral("systools refused (%1) but we wrote\n%2")
                                          .arg(theirs.message, QString::fromUtf8(ours.relup))));
        QVERIFY2(ours.message.contains(errorPart),
                 qPrintable(QStringLiteral("our message does not name the cause (%1):\n%2\nsystools: %3")
                                .arg(errorPart, ours.message, theirs.message)));
        return;
    }
    QVERIFY2(ours.ok, qPrintable(QStringLiteral("we refused: %1").arg(ours.message)));
    if (ours.relup != theirs.relup) {
        writeFile(dir + QStringLiteral("/ours.relup"), ours.relup);
        QFAIL(qPrintable(QStringLiteral("relups differ\n--- systools:\n%1\n--- ours:\n%2")
                             .arg(QString::fromUtf8(theirs.relup), QString::fromUtf8(ours.relup))));
    }
    QCOMPARE(ours.warnings, theirs.warnings);
    QCOMPARE(ours.warnings, expectedWarnings);
}

void TestRelupOracle::sameAsSystools_data()
{
    QTest::addColumn<QString>("top");
    QTest::addColumn<QStringList>("up");
    QTest::addColumn<QStringList>("down");
    QTest::addColumn<int>("flags"); // 1: restart_emulator, 2: warnings_as_errors
    QTest::addColumn<bool>("expectOk");
    QTest::addColumn<QString>("errorPart");
    QTest::addColumn<int>("warnings");

    auto row = [](const char *name, const char *top, QStringList up, QStringList down, int flags = 0,
                  bool ok = true, const char *error = "", int warnings = 0) {
        QTest::newRow(name) << QString::fromLatin1(top) << up << down << flags << ok
                            << QString::fromUtf8(error) << warnings;
    };
    const auto L = [](std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *n : names)
            out << QString::fromUtf8(n);
        return out;
    };
    row("2 to 3 and back", "v3", L({"v2"}), L({"v2"}));
    row("1.0.0 to 3 (regex up-from) and back", "v3", L({"v1"}), L({"v1"}));
    row("1.0.1 to 3 (regex) and back", "v3", L({"v1b"}), L({"v1b"}));
    row("two up-from, two down-to", "v3", L({"v1", "v2"}), L({"v1", "v2"}));
    row("three up-from, reversed down-to", "v3", L({"v2", "v1b", "v1"}), L({"v1", "v1b", "v2"}));
    row("1 to 2 (shop 2.0 regex, report load_module)", "v2", L({"v1", "v1b"}), L({"v1b", "v1"}));
    row("1.0.0 to 1.0.1 (string up-from)", "v1b", L({"v1"}), L({"v1"}));
    row("no up-from, no down-to", "v3", {}, {});
    row("only down-to", "v3", {}, L({"v2"}));
    row("descriptions", "v3", L({"v1|from the first", "v2|from the second"}), L({"v1|back to the first"}));
    row("descriptions in Unicode", "v3", L({"v2|från andra ✓", "v1|{\"not\", a, term}"}),
        L({"v2|日本語の説明"}));
    row("ERTS change", "v3", L({"v0erts"}), L({"v0erts"}), 0, true, "", 2);
    row("ERTS change among others", "v3", L({"v2", "v0erts", "v1"}), L({"v0erts", "v2"}), 0, true, "", 2);
    row("stdlib change (real stdlib.appup)", "v3", L({"v0stdlib"}), L({"v0stdlib"}));
    row("ERTS and stdlib change", "v3", L({"v0both"}), L({"v0both"}), 0, true, "", 2);
    row("restart_emulator option", "v3", L({"v2", "v1"}), L({"v2"}), 1);
    row("restart_emulator option with ERTS change", "v3", L({"v0erts"}), L({"v0erts"}), 1, true, "", 2);
    row("sasl before R15, ERTS change", "r15new", L({"r15old"}), L({"r15old"}), 0, true, "", 3);
    row("sasl before R15, ERTS change, restart_emulator", "r15new", L({"r15old"}), L({"r15old"}), 1, true, "",
        3);
    row("warnings_as_errors without warnings", "v3", L({"v2"}), L({"v1"}), 2);
    row("warnings_as_errors with the ERTS warning", "v3", L({"v0erts"}), {}, 2, false,
        "ERTS version changed");
    row("no up-from entry for shop 0.9", "v3", L({"v2", "v09"}), {}, 0, false,
        "No release upgrade script entry for shop-3.0 to shop-0.9");
    row("no down-to entry for shop 0.9", "v3", {}, L({"v09"}), 0, false,
        "No release upgrade script entry for shop-3.0 to shop-0.9");
    row("no sasl in the new release", "v3nosasl", L({"v2"}), {}, 0, false,
        "No sasl application in release shop, 3-nosasl");
    row("no sasl in the old release", "v3", L({"v2nosasl"}), {}, 0, false,
        "No sasl application in release shop, 2-nosasl");
    row("1.0.1 as up-from of 1.0.0 (shop 1.0.0 has no entry)", "v1", L({"v1b"}), {}, 0, false,
        "No release upgrade script entry for shop-1.0.0 to shop-1.0.1");
}

void TestRelupOracle::sameAsSystools()
{
    QFETCH(QString, top);
    QFETCH(QStringList, up);
    QFETCH(QStringList, down);
    QFETCH(int, flags);
    QFETCH(bool, expectOk);
    QFETCH(QString, errorPart);
    QFETCH(int, warnings);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!writeReleases(dir.path()).isEmpty());
    RelupRequest request{top, up, down, (flags & 1) != 0, (flags & 2) != 0};
    compare(dir.path(), {fixtureLib}, request, expectOk, errorPart, warnings);
}

void TestRelupOracle::flexAppup_data()
{
    QTest::addColumn<QString>("appup"); // the whole file; "" for none
    QTest::addColumn<int>("flags");     // 2: warnings_as_errors
    QTest::addColumn<bool>("expectOk");
    QTest::addColumn<QString>("errorPart");
    QTest::addColumn<int>("warnings");

    // {"2.0", [{"1.0", UP}], [{"1.0", DOWN}]}
    auto both = [](const char *up, const char *down = nullptr) {
        return QStringLiteral("{\"2.0\",\n [{\"1.0\", %1}],\n [{\"1.0\", %2}]}.\n")
            .arg(QString::fromUtf8(up), QString::fromUtf8(down ? down : up));
    };
    auto ok = [&](const char *name, const QString &appup, int warnings = 0) {
        QTest::newRow(name) << appup << 0 << true << QString() << warnings;
    };
    auto refused = [&](const char *name, const QString &appup, const char *error, int flags = 0) {
        QTest::newRow(name) << appup << flags << false << QString::fromUtf8(error) << 0;
    };

    ok("every update form",
       both("[{update, ea}, {update, eb, soft}, {update, ec, {advanced, x}}, {update, ed, [ea]},\n"
            " {update, ee, {advanced, y}, [ed]}, {update, ef, soft, [ee]},\n"
            " {update, eg, soft, soft_purge, soft_purge, [ef]},\n"
            " {update, eh, 3000, {advanced, [1,2]}, brutal_purge, soft_purge, [eg]},\n"
            " {update, ei, static, infinity, {advanced, z}, soft_purge, brutal_purge, []}]",
            "[{update, ea}, {update, eb, soft}, {update, ec, {advanced, x}}, {update, ed, [ea]},\n"
            " {update, ee, {advanced, y}, [ed]}, {update, ef, soft, [ee]},\n"
            " {update, eg, soft, soft_purge, soft_purge, [ef]},\n"
            " {update, eh, static, 100, {advanced, [1,2]}, brutal_purge, soft_purge, [eg]},\n"
            " {delete_module, ei}]"));
    ok("supervisor updates",
       both("[{update, ea, supervisor}, {update, eb, supervisor}, {update, ec, [ea]}]"));
    ok("load_module forms",
       both(
           "[{load_module, ea}, {load_module, eb, [ea]}, {load_module, ec, soft_purge, brutal_purge, [eb]},\n"
           " {add_module, ei, [ec]}]",
           "[{load_module, ea}, {load_module, eb, [ea]}, {load_module, ec, soft_purge, brutal_purge, [eb]},\n"
           " {delete_module, ei, [ec]}]"));
    ok("cycle in DepMods",
       both("[{update, ea, [eb]}, {update, eb, [ec]}, {update, ec, [ea]}, {load_module, ed, [ea]},\n"
            " {load_module, ee, [ed, eb]}, {update, ef, [ef]}]"));
    ok("independent groups",
       both("[{load_module, ef}, {update, ea, [eb]}, {apply, {io, nl, []}}, {load_module, eb},\n"
            " {update, ec, {advanced, 1}, [ed]}, {update, ed, {advanced, 2}}, {load_module, ee}]"));
    ok("delete and add", both("[{delete_module, ea}, {delete_module, eb, [ea]}, {add_module, ei}]",
                              "[{add_module, ea}, {add_module, eb, [ea]}, {delete_module, ei}]"));
    ok("apply, emulator restarts",
       both("[{apply, {io, format, [\"~p~n\", [up]]}}, restart_emulator, {load_module, ea},\n"
            " restart_new_emulator, restart_emulator]"));
    ok("point_of_no_return with applies before it",
       both("[{apply, {io, nl, []}}, {load_object_code, {errapp, \"2.0\", [eb, ea]}}, point_of_no_return,\n"
            " {load_module, ea}, {apply, {erlang, garbage_collect, []}}]",
            "[{apply, {io, nl, []}}, {load_object_code, {errapp, \"1.0\", [eb, ea]}}, point_of_no_return,\n"
            " {load_module, ea}, {apply, {erlang, garbage_collect, []}}]"));
    const char *lowLevel =
        "[{load_object_code, {errapp, \"%1\", [ea, eb]}}, point_of_no_return,\n"
        " {suspend, [ea, {eb, 500}]}, {load, {ea, brutal_purge, soft_purge}}, {code_change, up, [{ea, x}]},\n"
        " {code_change, [{eb, y}]}, {resume, [ea, eb]}, {stop, [ec]}, {remove, {ec, soft_purge, "
        "soft_purge}},\n"
        " {purge, [ec]}, {start, [ec]}, {sync_nodes, id1, [node1@host]},\n"
        " {sync_nodes, id2, {lists, reverse, [[]]}}, {load_module, ed}, restart]";
    ok("low-level instructions",
       both(QString::fromUtf8(lowLevel).arg(QStringLiteral("2.0")).toUtf8().constData(),
            QString::fromUtf8(lowLevel).arg(QStringLiteral("1.0")).toUtf8().constData()));
    ok("restart_application of a release application",
       both("[{restart_application, billing}, {load_module, ea}]"));
    ok("add_application in an appup",
       both("[{add_application, report, load}]", "[{add_application, report, none}]"));
    ok("regex versions",
       QStringLiteral(
           "{\"2.0\",\n [{\"0.9\", []}, bogus, {<<\"1\\\\.[0-9]+\">>, [{load_module, ea}]}, {\"1.0\", []}],\n"
           " [{<<\"1\\\\.\">>, [bad]}, {<<\"(1|2)\\\\.0\">>, [{load_module, eb}]}]}.\n"));
    ok("nested instruction lists are spliced", both("[[{load_module, ea, brutal_purge, brutal_purge, []}, "
                                                    "{apply, {io, nl, []}}], {load_module, eb}]"));
    ok("the appup is for another version (bad_vsn)",
       QStringLiteral("{\"2.0-wrong\", [{\"1.0\", [{load_module, ea}]}], [{\"1.0\", []}]}.\n"), 2);
    refused("the appup is for another version, warnings_as_errors",
            QStringLiteral("{\"2.0-wrong\", [{\"1.0\", [{load_module, ea}]}], [{\"1.0\", []}]}.\n"),
            "2.0-wrong", 2);

    refused("no .appup", QString(), "Could not open file");
    refused("not an appup", QStringLiteral("{\"2.0\", []}.\n"), "Could not parse file");
    refused("syntax error", QStringLiteral("{\"2.0\", [{\"1.0\", [}], []}.\n"), "Could not parse file");
    refused("no entry for 1.0", QStringLiteral("{\"2.0\", [{\"0.5\", []}], [{\"1.0\", []}]}.\n"),
            "No release upgrade script entry for errapp-2.0 to errapp-1.0");
    refused("bad regular expression", QStringLiteral("{\"2.0\", [{<<\"1\\\\.(\">>, []}], []}.\n"),
            "does not compile");
    refused("instructions not a list", QStringLiteral("{\"2.0\", [{\"1.0\", load_module}], []}.\n"),
            "not a list");
    refused("bad instruction", both("[{update, ea, bogus}]"), "Bad instruction: {update,ea,bogus}");
    refused("unknown instruction", both("[{upgrade, ea}]"), "Bad instruction: {upgrade,ea}");
    refused("bad module", both("[{load_module, \"ea\"}]"), "Bad module: \"ea\"");
    refused("bad purge", both("[{update, ea, soft, fast_purge, brutal_purge, []}]"),
            "Bad purge method: fast_purge");
    refused("bad timeout", both("[{update, ea, 0, soft, brutal_purge, brutal_purge, []}]"), "Bad timeout: 0");
    refused("bad module type",
            both("[{update, ea, sometimes, default, soft, brutal_purge, brutal_purge, []}]"),
            "Bad module type: sometimes");
    refused("bad change", both("[{update, ea, hard, brutal_purge, brutal_purge, []}]"),
            "Bad change spec: hard");
    refused("bad start type", both("[{add_application, report, forever}]"), "Bad start type: forever");
    refused("DepMods names a module without instruction", both("[{load_module, ea, [zz]}]"),
            "Undefined module: zz");
    refused("two instructions for one module", both("[{load_module, ea}, {update, ea}]"),
            "Multiply defined module: ea");
    refused("module of no application", both("[{load_module, nosuchmod}]"), "No such module: nosuchmod");
    refused("load_module before point_of_no_return", both("[{load_module, ea}, point_of_no_return]"),
            "before point_of_no_return");
    refused("two point_of_no_return", both("[point_of_no_return, point_of_no_return]"),
            "Too many point_of_no_return");
    refused("suspend without resume", both("[{suspend, [ea]}]"), "Suspended but not resumed: [ea]");
    refused("resume without suspend", both("[{resume, [eb]}]"), "Resumed but not suspended: [eb]");
    refused("stop without start", both("[{stop, [ea]}]"), "Stopped but not started: [ea]");
    refused("load without load_object_code", both("[{load, {ea, brutal_purge, brutal_purge}}]"),
            "No load_object_code found for module: ea");
    refused("removed application still present", both("[{remove_application, billing}]"),
            "Removed application present: billing");
    refused("added application not in the release", both("[{add_application, nosuchapp}]"),
            "Started undefined application: nosuchapp");
    refused("conflicting load_object_code versions",
            both("[{load_object_code, {errapp, \"1.0\", [ea]}}, point_of_no_return, {load_module, eb}]"),
            "Conflicting versions for errapp");
    refused("mnesia_backup", both("[mnesia_backup]"), "mnesia_backup");
    refused("improper instruction list in a list", both("[[{load_module, ea} | x]]"), "improper");
}

void TestRelupOracle::flexAppup()
{
    QFETCH(QString, appup);
    QFETCH(int, flags);
    QFETCH(bool, expectOk);
    QFETCH(QString, errorPart);
    QFETCH(int, warnings);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!writeReleases(dir.path()).isEmpty());
    // errapp 2.0 with this row's .appup, first in the path.
    const QString flexLib = dir.path() + QStringLiteral("/flexlib");
    const QString ebin = flexLib + QStringLiteral("/errapp-2.0/ebin");
    QVERIFY(QDir().mkpath(ebin));
    const QDir source(fixtureLib + QStringLiteral("/errapp-2.0/ebin"));
    for (const QString &file : source.entryList(QDir::Files)) {
        if (!file.endsWith(QStringLiteral(".appup")))
            QVERIFY(QFile::copy(source.filePath(file), ebin + QLatin1Char('/') + file));
    }
    if (!appup.isEmpty())
        QVERIFY(writeFile(ebin + QStringLiteral("/errapp.appup"), appup.toUtf8()));
    RelupRequest request{
        QStringLiteral("fx2"), {QStringLiteral("fx1")}, {QStringLiteral("fx1")}, false, (flags & 2) != 0};
    compare(dir.path(), {flexLib, fixtureLib}, request, expectOk, errorPart, warnings);
}

namespace {

// Random scripts whose DepMods leave no order open (see rc_translate.h): the modules of one group
// are chained (each depends on the next), with extra edges forward and sometimes backward (cycles).
class ScriptGenerator
{
public:
    explicit ScriptGenerator(quint32 seed) : m_random(seed) {}

    struct Case
    {
        bool up = true;
        std::vector<std::vector<Term>> scripts;
        std::vector<rs::upgrade::ApplicationModules> appls;
        std::vector<rs::upgrade::ApplicationModules> preAppls;
    };

    Case next()
    {
        Case c;
        c.up = chance(50);
        const QStringList types = {QStringLiteral("permanent"), QStringLiteral("transient"),
                                   QStringLiteral("temporary"), QStringLiteral("load"),
                                   QStringLiteral("none")};
        auto type = [&] { return types[int(m_random.bounded(quint32(types.size())))]; };
        // core: updated modules; lib: restarted; extra: added; gone: removed.
        const QStringList core = {QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"),
                                  QStringLiteral("c4"), QStringLiteral("c5"), QStringLiteral("c6"),
                                  QStringLiteral("c7"), QStringLiteral("c8")};
        c.appls = {{QStringLiteral("core"), QStringLiteral("2.0"), type(), core},
                   {QStringLiteral("lib"),
                    QStringLiteral("1.1"),
                    type(),
                    {QStringLiteral("l1"), QStringLiteral("l2")}},
                   {QStringLiteral("extra"), QStringLiteral("1.0"), type(), {QStringLiteral("x1")}}};
        c.preAppls = {{QStringLiteral("core"), QStringLiteral("1.0"), type(), core.mid(0, 6)},
                      {QStringLiteral("lib"),
                       QStringLiteral("1.0"),
                       type(),
                       {QStringLiteral("l1"), QStringLiteral("l3")}},
                      {QStringLiteral("gone"),
                       QStringLiteral("0.1"),
                       type(),
                       {QStringLiteral("g1"), QStringLiteral("g2")}}};
        if (chance(20))
            c.appls[1].modules << QStringLiteral("c2"); // get_lib takes the first application

        std::vector<Term> instrs;
        QStringList modules = core;
        if (chance(5))
            modules << QStringLiteral("ghost"); // no application has it
        shuffle(modules);
        modules = modules.mid(0, 1 + int(m_random.bounded(quint32(modules.size()))));
        // Groups of consecutive modules.
        qsizetype i = 0;
        while (i < modules.size()) {
            const qsizetype size = std::min<qsizetype>(modules.size() - i, 1 + m_random.bounded(4));
            const QStringList group = modules.mid(i, size);
            for (qsizetype j = 0; j < group.size(); ++j) {
                QStringList deps;
                if (j + 1 < group.size())
                    deps << group[j + 1];
                for (qsizetype k = j + 2; k < group.size(); ++k) {
                    if (chance(30))
                        deps << group[k];
                }
                for (qsizetype k = 0; k < j; ++k) {
                    if (chance(15))
                        deps << group[k];
                }
                if (chance(5))
                    deps << group[j];
                instrs.push_back(moduleInstruction(group[j], deps));
            }
            i += size;
        }
        if (chance(30))
            instrs.push_back(atom("restart_new_emulator"));
        if (chance(30))
            instrs.push_back(atom("restart_emulator"));
        for (int n = int(m_random.bounded(3)); n > 0; --n)
            instrs.push_back(Term::tuple(
                {atom("apply"), Term::tuple({atom("m"), atom("f"), Term::list({Term::integer(n)})})}));
        if (chance(25))
            instrs.push_back(chance(50)
                                 ? Term::tuple({atom("add_application"), atom("extra")})
                                 : Term::tuple({atom("add_application"), atom("extra"), Term::atom(type())}));
        if (chance(25))
            instrs.push_back(Term::tuple({atom("remove_application"), atom("gone")}));
        if (chance(25))
            instrs.push_back(Term::tuple({atom("restart_application"), atom("lib")}));
        if (chance(15)) {
            instrs.push_back(Term::tuple({atom("suspend"), Term::list({atom("l1")})}));
            instrs.push_back(Term::tuple({atom("resume"), Term::list({atom("l1")})}));
        }
        if (chance(10))
            instrs.push_back(Term::tuple({atom("sync_nodes"), atom("s"), Term::list({atom("n@h")})}));
        if (chance(5))
            instrs.push_back(Term::tuple({atom("update"), atom("c1"), atom("bogus")})); // refused
        shuffle(instrs);
        if (chance(15)) {
            // point_of_no_return with low-level instructions before it
            std::vector<Term> head = {
                Term::tuple({atom("apply"), Term::tuple({atom("m"), atom("g"), Term()})})};
            if (chance(50)) {
                head.push_back(Term::tuple(
                    {atom("load_object_code"), Term::tuple({atom("core"), Term::string(QStringLiteral("2.0")),
                                                            Term::list({atom("c8"), atom("c1")})})}));
            }
            head.push_back(atom("point_of_no_return"));
            instrs.insert(instrs.begin(), head.begin(), head.end());
            c.scripts.push_back(std::move(instrs));
        } else {
            // Spread over one to three scripts.
            const int parts = 1 + int(m_random.bounded(3));
            c.scripts.resize(size_t(parts));
            for (const Term &t : instrs)
                c.scripts[m_random.bounded(quint32(parts))].push_back(t);
        }
        return c;
    }

private:
    static Term atom(const char *name) { return Term::atom(QString::fromLatin1(name)); }
    static Term atoms(const QStringList &names)
    {
        std::vector<Term> out;
        for (const QString &n : names)
            out.push_back(Term::atom(n));
        return Term::list(std::move(out));
    }

    bool chance(int percent) { return int(m_random.bounded(100)) < percent; }

    template <typename T> void shuffle(T &list)
    {
        for (qsizetype i = qsizetype(list.size()) - 1; i > 0; --i)
            std::swap(list[i], list[qsizetype(m_random.bounded(quint32(i + 1)))]);
    }

    Term purge() { return atom(chance(50) ? "soft_purge" : "brutal_purge"); }
    Term change()
    {
        return chance(50) ? atom("soft")
                          : Term::tuple({atom("advanced"), Term::integer(m_random.bounded(9))});
    }
    Term timeout()
    {
        switch (m_random.bounded(3)) {
        case 0:
            return atom("default");
        case 1:
            return atom("infinity");
        default:
            return Term::integer(1 + m_random.bounded(5000));
        }
    }

    Term moduleInstruction(const QString &module, const QStringList &deps)
    {
        const Term m = Term::atom(module);
        const Term d = atoms(deps);
        const bool noDeps = deps.isEmpty();
        switch (m_random.bounded(noDeps ? 12 : 9)) {
        case 0:
            return Term::tuple({atom("update"), m, d});
        case 1:
            return Term::tuple({atom("update"), m, change(), d});
        case 2:
            return Term::tuple({atom("update"), m, change(), purge(), purge(), d});
        case 3:
            return Term::tuple({atom("update"), m, timeout(), change(), purge(), purge(), d});
        case 4:
            return Term::tuple({atom("update"), m, atom(chance(50) ? "static" : "dynamic"), timeout(),
                                change(), purge(), purge(), d});
        case 5:
            return Term::tuple({atom("load_module"), m, d});
        case 6:
            return Term::tuple({atom("load_module"), m, purge(), purge(), d});
        case 7:
            return Term::tuple({atom("add_module"), m, d});
        case 8:
            return Term::tuple({atom("delete_module"), m, d});
        case 9:
            return Term::tuple({atom("update"), m, chance(50) ? atom("supervisor") : change()});
        case 10:
            return Term::tuple({atom("load_module"), m});
        default:
            return Term::tuple({atom(chance(50) ? "update" : "delete_module"), m});
        }
    }

    QRandomGenerator m_random;
};

Term appsTerm(const std::vector<rs::upgrade::ApplicationModules> &apps)
{
    std::vector<Term> out;
    for (const auto &a : apps) {
        std::vector<Term> mods;
        for (const QString &m : a.modules)
            mods.push_back(Term::atom(m));
        out.push_back(Term::tuple(
            {Term::atom(a.name), Term::string(a.vsn), Term::atom(a.type), Term::list(std::move(mods))}));
    }
    return Term::list(std::move(out));
}

} // namespace

void TestRelupOracle::translateRandom()
{
    const quint32 seed = qEnvironmentVariableIsSet("RELSTUDIO_RELUP_SEED")
                             ? quint32(qEnvironmentVariableIntValue("RELSTUDIO_RELUP_SEED"))
                             : 20240611u;
    const int count = 600;
    ScriptGenerator generator(seed);
    std::vector<ScriptGenerator::Case> cases;
    QByteArray casesText;
    for (int id = 0; id < count; ++id) {
        ScriptGenerator::Case c = generator.next();
        std::vector<Term> scripts;
        for (const auto &s : c.scripts)
            scripts.push_back(Term::list(s));
        const Term t =
            Term::tuple({Term::integer(id), Term::atom(c.up ? QStringLiteral("up") : QStringLiteral("dn")),
                         Term::list(std::move(scripts)), appsTerm(c.appls), appsTerm(c.preAppls)});
        casesText += rs::term::writeTerm(t, rs::term::Encoding::Unicode).toUtf8() + ".\n";
        cases.push_back(std::move(c));
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString casesFile = dir.filePath(QStringLiteral("cases.txt"));
    const QString resultsFile = dir.filePath(QStringLiteral("results.txt"));
    QVERIFY(writeFile(casesFile, casesText));
    const rs::test::ErlRun run = rs::test::runErlModule(
        QStringLiteral("relup_oracle"), {QStringLiteral("translate"), casesFile, resultsFile});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    const auto results = rs::term::consultFile(resultsFile);
    QVERIFY2(results, rs::test::errorOf(results).constData());
    QCOMPARE(int(results->size()), count);

    int accepted = 0;
    for (int id = 0; id < count; ++id) {
        const ScriptGenerator::Case &c = cases[size_t(id)];
        std::vector<rs::upgrade::InstructionScript> scripts;
        for (const auto &s : c.scripts) {
            rs::upgrade::InstructionScript script;
            for (const Term &t : s)
                script.push_back({t, {}});
            scripts.push_back(std::move(script));
        }
        const auto ours = rs::upgrade::translateScripts(
            c.up ? rs::upgrade::Direction::Up : rs::upgrade::Direction::Down, scripts, c.appls, c.preAppls);
        const Term &theirs = (*results)[size_t(id)].at(1);
        const QString where = QStringLiteral("case %1 (seed %2): %3")
                                  .arg(id)
                                  .arg(seed)
                                  .arg(QString::fromUtf8(casesText.split('\n')[id]));
        if (theirs.isAtom(u"error")) {
            if (ours)
                QFAIL(qPrintable(QStringLiteral("systools refused, we translated\n%1\nours: %2")
                                     .arg(where, rs::term::writeTerm(Term::list(*ours)))));
            continue;
        }
        if (!ours)
            QFAIL(qPrintable(QStringLiteral("we refused (%1)\n%2").arg(ours.error().message, where)));
        const Term ourScript = Term::list(*ours);
        if (!(ourScript == theirs.at(1))) {
            QFAIL(qPrintable(
                QStringLiteral("scripts differ\n%1\nsystools: %2\nours:     %3")
                    .arg(where, rs::term::writeTerm(theirs.at(1)), rs::term::writeTerm(ourScript))));
        }
        ++accepted;
    }
    qInfo("%d of %d random cases translated by both, the others refused by both", accepted, count);
    QVERIFY(accepted > count / 3);
}

QTEST_GUILESS_MAIN(TestRelupOracle)
#include "tst_relup_oracle.moc"
