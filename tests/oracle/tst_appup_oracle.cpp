// Oracle: the .appup files Relstudio generates are accepted by the installed OTP's
// systools:make_relup/4, and the relup it writes from them is byte for byte the one our
// rs::upgrade::makeRelup writes.
//
// The applications: the relup fixtures of tests/oracle/upgrade_apps (shop in four versions with
// added, deleted and changed modules, a gen_server whose state changes, a supervisor whose child
// specs change and modules that depend on each other; report; billing dropped and audit and
// stats added by release 3), the live upgrade's hotup (tests/e2e/hot_upgrade) and an application
// compiled here with every kind of change and a chain of dependent modules. Their .appup files are
// replaced by generated ones (one generated entry per earlier version, merged into one file when a
// release upgrades from several), in a lib directory searched before the fixtures.
#include "core/upgrade/app_builder.h"
#include "relup_oracle_support.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include "release/app_index.h"
#include "release/otp_installation.h"
#include "release/rel_spec.h"
#include "release/resolver.h"
#include "upgrade/appup.h"
#include "upgrade/appup_generator.h"
#include "upgrade/appup_lint.h"
#include "upgrade/relup.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using rs::term::Term;
using namespace rs::upgrade;

namespace {

using rs::test::erlString;
using rs::test::readFile;

const QString fixtureLib = QStringLiteral(RELSTUDIO_UPGRADE_FIXTURES_LIB);

QByteArray describe(const rs::Findings &findings)
{
    QStringList lines;
    for (const rs::Finding &f : findings)
        lines << f.toDiagnostic();
    return lines.join(QLatin1Char('\n')).toUtf8();
}

// Copies DIR/ebin (without its .appup) to LIB/NAME-VSN/ebin.
bool copyEbin(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to + QStringLiteral("/ebin")))
        return false;
    const QDir source(from + QStringLiteral("/ebin"));
    for (const QString &file : source.entryList(QDir::Files)) {
        if (file.endsWith(QStringLiteral(".appup")))
            continue;
        const QString target = to + QStringLiteral("/ebin/") + file;
        QFile::remove(target);
        if (!QFile::copy(source.filePath(file), target))
            return false;
    }
    return true;
}

using Outcome = rs::test::RelupOutcome;

} // namespace

class TestAppupOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsSystools_data();
    void sameAsSystools();

private:
    // Generates NEW's .appup from each of OLDS into m_ours/NEW (merged in the order given).
    bool generate(const QString &newDir, const QStringList &oldDirs, QString *error);
    QString writeRelease(const QString &name, const QString &vsn, const QStringList &apps);
    Outcome runSystools(const QString &top, const QStringList &up, const QStringList &down) const;
    Outcome runOurs(const QString &top, const QStringList &up, const QStringList &down) const;

    QTemporaryDir m_dir;
    QString m_ours;     // generated .appup files with copies of the new versions
    QString m_compiled; // applications compiled here
    QString m_rels;
    rs::release::OtpInstallation m_otp;
    QString m_base; // "{kernel, ...}, {stdlib, ...}, {sasl, ...}"
};

void TestAppupOracle::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString root = rs::test::otpRoot();
    QVERIFY2(!root.isEmpty(), "erl does not run");
    auto otp = rs::release::OtpInstallation::fromRoot(root);
    QVERIFY2(otp, rs::test::errorOf(otp).constData());
    m_otp = *otp;
    QVERIFY2(QFileInfo::exists(fixtureLib + QStringLiteral("/shop-3.0/ebin/shop.app")),
             "the fixture applications are not built (target upgrade_fixture_apps)");
    const auto index = rs::release::AppIndex::scan(rs::release::AppIndex::searchPath({}, &m_otp));
    QStringList base;
    for (const char *app : {"kernel", "stdlib", "sasl"}) {
        const auto *spec = index.newest(QString::fromLatin1(app));
        QVERIFY2(spec, app);
        base << QStringLiteral("{%1, \"%2\"}").arg(QString::fromLatin1(app), spec->vsn);
    }
    m_base = base.join(QStringLiteral(", "));
    m_ours = m_dir.path() + QStringLiteral("/ours");
    m_compiled = m_dir.path() + QStringLiteral("/compiled");
    m_rels = m_dir.path() + QStringLiteral("/rels");
    QVERIFY(QDir().mkpath(m_rels));

    // hotup, the application of the live upgrade.
    for (const char *vsn : {"1.0", "2.0"}) {
        const QString src =
            rs::test::sourcePath(QStringLiteral("tests/e2e/hot_upgrade/hotup-%1").arg(QLatin1String(vsn)));
        const QString dst = m_compiled + QStringLiteral("/hotup-") + QLatin1String(vsn);
        QVERIFY(copyEbin(src, dst));
        const QStringList sources =
            QDir(src + QStringLiteral("/src")).entryList({QStringLiteral("*.erl")}, QDir::Files);
        QStringList files;
        for (const QString &s : sources)
            files << src + QStringLiteral("/src/") + s;
        const QString error = rs::test::compileErlang(dst + QStringLiteral("/ebin"), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // kinds: every kind of change; a chain of calls k_server -> k_chain_a -> k_chain_b -> k_chain_c ->
    // k_added (new in 2.0), so that the DepMods order the whole group (see rc_translate.h).
    auto m = [](const char *name, const char *body) {
        return rs::test::ModuleSource{QString::fromLatin1(name),
                                      QStringLiteral("-module(%1).\n").arg(QString::fromLatin1(name)) +
                                          QString::fromUtf8(body)};
    };
    const char *server = "-behaviour(gen_server).\n"
                         "-export([start_link/0, init/1, handle_call/3, handle_cast/2, code_change/3]).\n"
                         "start_link() -> gen_server:start_link(?MODULE, [], []).\n"
                         "init([]) -> {ok, %1}.\n"
                         "handle_call(_, _, S) -> {reply, k_chain_a:f(), S}.\n"
                         "handle_cast(_, S) -> {noreply, S}.\n"
                         "code_change(_, S, _) -> {ok, S}.\n";
    const char *sup = "-behaviour(supervisor).\n-export([start_link/0, init/1]).\n"
                      "start_link() -> supervisor:start_link(?MODULE, []).\n"
                      "init([]) -> {ok, {#{intensity => %1}, []}}.\n";
    QString error;
    for (int v : {1, 2}) {
        const QString n = QString::number(v);
        std::vector<rs::test::ModuleSource> modules = {
            m("k_server", QString::fromLatin1(server).arg(n).toUtf8().constData()),
            m("k_sup", QString::fromLatin1(sup).arg(n).toUtf8().constData()),
            m("k_same", "-export([f/0]).\nf() -> same.\n"),
            m("k_chain_a",
              QStringLiteral("-export([f/0]).\nf() -> k_chain_b:f() + %1.\n").arg(n).toUtf8().constData()),
            m("k_chain_b",
              QStringLiteral("-export([f/0]).\nf() -> k_chain_c:f() + %1.\n").arg(n).toUtf8().constData()),
            m("k_chain_c", QStringLiteral("-export([f/0]).\nf() -> %1%2.\n")
                               .arg(n, v == 2 ? QStringLiteral(" + k_added:f()") : QString())
                               .toUtf8()
                               .constData()),
        };
        if (v == 1)
            modules.push_back(m("k_deleted", "-export([f/0]).\nf() -> gone.\n"));
        else
            modules.push_back(m("k_added", "-export([f/0]).\nf() -> 10.\n"));
        QVERIFY2(!rs::test::buildApp(m_compiled, QStringLiteral("kinds"), QStringLiteral("%1.0").arg(v),
                                     modules, &error,
                                     v == 2 ? QStringList{QStringLiteral("+debug_info")} : QStringList{})
                      .isEmpty(),
                 qPrintable(error));
    }

    // The generated .appup files.
    const QString fx = fixtureLib + QLatin1Char('/');
    QVERIFY2(generate(fx + QStringLiteral("shop-3.0"),
                      {fx + QStringLiteral("shop-2.0"), fx + QStringLiteral("shop-1.0.0")}, &error),
             qPrintable(error));
    QVERIFY2(generate(fx + QStringLiteral("shop-2.0"),
                      {fx + QStringLiteral("shop-1.0.0"), fx + QStringLiteral("shop-1.0.1")}, &error),
             qPrintable(error));
    QVERIFY2(generate(fx + QStringLiteral("report-2.0"),
                      {fx + QStringLiteral("report-1.1"), fx + QStringLiteral("report-1.0")}, &error),
             qPrintable(error));
    QVERIFY2(generate(fx + QStringLiteral("report-1.1"), {fx + QStringLiteral("report-1.0")}, &error),
             qPrintable(error));
    QVERIFY2(generate(m_compiled + QStringLiteral("/hotup-2.0"), {m_compiled + QStringLiteral("/hotup-1.0")},
                      &error),
             qPrintable(error));
    QVERIFY2(generate(m_compiled + QStringLiteral("/kinds-2.0"), {m_compiled + QStringLiteral("/kinds-1.0")},
                      &error),
             qPrintable(error));

    const QStringList releases[] = {
        {QStringLiteral("shop"), QStringLiteral("1"),
         QStringLiteral("{shop, \"1.0.0\"}, {billing, \"1.0\"}, {report, \"1.0\"}")},
        {QStringLiteral("shop"), QStringLiteral("1b"),
         QStringLiteral("{shop, \"1.0.1\"}, {billing, \"1.0\", temporary}, {report, \"1.0\"}")},
        {QStringLiteral("shop"), QStringLiteral("2"),
         QStringLiteral("{shop, \"2.0\"}, {billing, \"1.0\"}, {report, \"1.1\"}")},
        {QStringLiteral("shop"), QStringLiteral("3"),
         QStringLiteral("{shop, \"3.0\"}, {report, \"2.0\", transient}, {audit, \"1.0\", temporary}, {stats, "
                        "\"1.0\", load}")},
        {QStringLiteral("hotup"), QStringLiteral("1"), QStringLiteral("{hotup, \"1.0\"}")},
        {QStringLiteral("hotup"), QStringLiteral("2"), QStringLiteral("{hotup, \"2.0\"}")},
        {QStringLiteral("kinds"), QStringLiteral("1"),
         QStringLiteral("{kinds, \"1.0\"}, {billing, \"1.0\"}")},
        {QStringLiteral("kinds"), QStringLiteral("2"), QStringLiteral("{kinds, \"2.0\"}, {report, \"1.0\"}")},
    };
    for (const QStringList &r : releases)
        QVERIFY(!writeRelease(r[0], r[1], {r[2]}).isEmpty());
}

bool TestAppupOracle::generate(const QString &newDir, const QStringList &oldDirs, QString *error)
{
    const auto to = loadAppVersion(newDir);
    if (!to) {
        *error = to.error().toString();
        return false;
    }
    std::vector<AppupEntrySpec> up;
    std::vector<AppupEntrySpec> down;
    for (const QString &oldDir : oldDirs) {
        const auto from = loadAppVersion(oldDir);
        if (!from) {
            *error = from.error().toString();
            return false;
        }
        const auto g = generateAppup(*from, *to);
        if (!g) {
            *error = g.error().toString();
            return false;
        }
        if (!g->findings.isEmpty()) {
            *error = QString::fromUtf8(describe(g->findings));
            return false;
        }
        // The generated appup lints clean against the versions it was made from.
        const rs::Findings lint = lintAppup(g->appup, *from, *to);
        if (!lint.isEmpty()) {
            *error = QStringLiteral("the generated appup does not lint clean:\n") +
                     QString::fromUtf8(describe(lint));
            return false;
        }
        for (const auto &[list, out] : {std::pair{&g->appup.up, &up}, std::pair{&g->appup.down, &down}}) {
            AppupEntrySpec spec;
            spec.version = list->entries.front().version;
            for (const Instruction &i : list->entries.front().instructions)
                spec.instructions.push_back(i.term);
            out->push_back(std::move(spec));
        }
    }
    const Appup merged = makeAppup(to->spec.vsn, up, down);
    const QString target = m_ours + QLatin1Char('/') + QFileInfo(newDir).fileName();
    if (!copyEbin(newDir, target)) {
        *error = QStringLiteral("cannot copy ") + newDir;
        return false;
    }
    if (!rs::test::writeTextFile(target + QStringLiteral("/ebin/") + to->spec.name + QStringLiteral(".appup"),
                                 appupFileText(merged))) {
        *error = QStringLiteral("cannot write the .appup");
        return false;
    }
    return true;
}

QString TestAppupOracle::writeRelease(const QString &name, const QString &vsn, const QStringList &apps)
{
    const QString text = QStringLiteral("{release, {\"%1\", \"%2\"}, {erts, \"%3\"},\n [%4,\n  %5]}.\n")
                             .arg(name, vsn, m_otp.ertsVsn, m_base, apps.join(QStringLiteral(", ")));
    const QString path = m_rels + QLatin1Char('/') + name + QLatin1Char('-') + vsn + QStringLiteral(".rel");
    return rs::test::writeTextFile(path, text.toUtf8()) ? path : QString();
}

Outcome TestAppupOracle::runSystools(const QString &top, const QStringList &up, const QStringList &down) const
{
    auto list = [&](const QStringList &names) -> QString {
        QStringList items;
        for (const QString &n : names)
            items << erlString(m_rels + QLatin1Char('/') + n);
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    };
    const QString outDir = m_dir.path() + QStringLiteral("/erl");
    QDir(outDir).removeRecursively();
    QDir().mkpath(outDir);
    const QString options = QStringLiteral("[{path, [%1, %2, %3]}, {outdir, %4}]")
                                .arg(erlString(m_ours + QStringLiteral("/*/ebin")),
                                     erlString(m_compiled + QStringLiteral("/*/ebin")),
                                     erlString(fixtureLib + QStringLiteral("/*/ebin")), erlString(outDir));
    const rs::test::ErlRun run = rs::test::runErlModule(
        QStringLiteral("relup_oracle"),
        {QStringLiteral("make_relup"), m_rels + QLatin1Char('/') + top, list(up), list(down), options});
    return rs::test::systoolsRelupOutcome(run, outDir);
}

Outcome TestAppupOracle::runOurs(const QString &top, const QStringList &up, const QStringList &down) const
{
    Outcome o;
    const auto index = rs::release::AppIndex::scan(
        rs::release::AppIndex::searchPath({m_ours, m_compiled, fixtureLib}, &m_otp));
    std::map<QString, rs::release::ResolvedRelease> resolved;
    auto resolveRel = [&](const QString &name) -> const rs::release::ResolvedRelease * {
        if (auto it = resolved.find(name); it != resolved.end())
            return &it->second;
        const rs::release::RelParse parse =
            rs::release::readRelFile(m_rels + QLatin1Char('/') + name + QStringLiteral(".rel"));
        if (!parse.ok()) {
            o.message = QStringLiteral("RESOLVE FAILED: ") + parse.findings.front().toString();
            return nullptr;
        }
        rs::release::Resolution res = rs::release::resolve(parse.spec, index, &m_otp);
        if (!res.release) {
            o.message = QStringLiteral("RESOLVE FAILED: ") + QString::fromUtf8(describe(res.findings));
            return nullptr;
        }
        return &resolved.emplace(name, std::move(*res.release)).first->second;
    };
    const rs::release::ResolvedRelease *topRel = resolveRel(top);
    if (!topRel)
        return o;
    std::vector<rs::release::ResolvedRelease> upRels;
    std::vector<rs::release::ResolvedRelease> downRels;
    for (const auto &[names, out] : {std::pair{&up, &upRels}, std::pair{&down, &downRels}}) {
        for (const QString &n : *names) {
            const rs::release::ResolvedRelease *r = resolveRel(n);
            if (!r)
                return o;
            out->push_back(*r);
        }
    }
    // The release-level lint finds an .appup for every changed application and nothing wrong in it.
    for (const auto &r : upRels) {
        const rs::Findings lint = lintReleaseUpgrade(r, *topRel);
        for (const rs::Finding &f : lint) {
            if (f.isError()) {
                o.message = QStringLiteral("LINT: ") + QString::fromUtf8(describe(lint));
                return o;
            }
        }
    }
    const auto result = makeRelup(*topRel, upRels, downRels);
    if (!result) {
        o.message = result.error().toString();
        return o;
    }
    o.ok = true;
    o.relup = result->text();
    o.warnings = int(result->warnings.size());
    return o;
}

void TestAppupOracle::sameAsSystools_data()
{
    QTest::addColumn<QString>("top");
    QTest::addColumn<QStringList>("up");
    QTest::addColumn<QStringList>("down");

    const auto L = [](std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *n : names)
            out << QString::fromUtf8(n);
        return out;
    };
    QTest::newRow("shop 2 to 3 (added and removed applications)")
        << QStringLiteral("shop-3") << L({"shop-2"}) << L({"shop-2"});
    QTest::newRow("shop 1 and 2 to 3 (two up-from versions)")
        << QStringLiteral("shop-3") << L({"shop-2", "shop-1"}) << L({"shop-1", "shop-2"});
    QTest::newRow("shop 1 and 1b to 2")
        << QStringLiteral("shop-2") << L({"shop-1", "shop-1b"}) << L({"shop-1b"});
    QTest::newRow("hotup 1 to 2") << QStringLiteral("hotup-2") << L({"hotup-1"}) << L({"hotup-1"});
    QTest::newRow("every kind of change, dependent modules")
        << QStringLiteral("kinds-2") << L({"kinds-1"}) << L({"kinds-1"});
}

void TestAppupOracle::sameAsSystools()
{
    QFETCH(QString, top);
    QFETCH(QStringList, up);
    QFETCH(QStringList, down);
    const Outcome theirs = runSystools(top, up, down);
    QVERIFY2(theirs.ok,
             qPrintable(QStringLiteral("systools refused the generated appups: ") + theirs.message));
    const Outcome ours = runOurs(top, up, down);
    QVERIFY2(ours.ok, qPrintable(QStringLiteral("we refused: ") + ours.message));
    if (ours.relup != theirs.relup) {
        QFAIL(qPrintable(QStringLiteral("relups differ\n--- systools:\n%1\n--- ours:\n%2")
                             .arg(QString::fromUtf8(theirs.relup), QString::fromUtf8(ours.relup))));
    }
    QCOMPARE(ours.warnings, theirs.warnings);
    QCOMPARE(ours.warnings, 0);
}

QTEST_GUILESS_MAIN(TestAppupOracle)
#include "tst_appup_oracle.moc"
