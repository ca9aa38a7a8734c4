// The appup lint on an application compiled with the real erlc in two versions: coverage of
// changed, added and deleted modules, instructions for unchanged or missing modules, DepMods,
// versions (regular expressions, shadowed entries, versions not earlier, known earlier versions),
// the .appup's own version, instructions that cover everything, and the release-level check for
// changed applications without an .appup. Every finding is checked with its line.
#include "app_builder.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include "release/app_index.h"
#include "release/otp_installation.h"
#include "release/rel_spec.h"
#include "release/resolver.h"
#include "upgrade/appup_generator.h"
#include "upgrade/appup_lint.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rs::upgrade;
using rs::test::ModuleSource;

namespace {

ModuleSource mod(const char *name, const QString &body)
{
    return {QString::fromLatin1(name),
            QStringLiteral("-module(%1).\n").arg(QString::fromLatin1(name)) + body};
}

std::vector<ModuleSource> version(int n)
{
    const QString v = QString::number(n);
    std::vector<ModuleSource> modules = {
        mod("same", QStringLiteral("-export([f/0]).\nf() -> same.\n")),
        mod("changed_srv", QStringLiteral("-behaviour(gen_server).\n"
                                          "-export([init/1, handle_call/3, handle_cast/2, code_change/3]).\n"
                                          "init([]) -> {ok, %1}.\n"
                                          "handle_call(_, _, S) -> {reply, S, S}.\n"
                                          "handle_cast(_, S) -> {noreply, S}.\n"
                                          "code_change(_, S, _) -> {ok, S}.\n")
                               .arg(v)),
        mod("changed_sup", QStringLiteral("-behaviour(supervisor).\n-export([init/1]).\n"
                                          "init([]) -> {ok, {#{intensity => %1}, []}}.\n")
                               .arg(v)),
        mod("changed_plain", QStringLiteral("-export([f/0]).\nf() -> %1.\n").arg(v)),
    };
    if (n == 1)
        modules.push_back(mod("old_only", QStringLiteral("-export([f/0]).\nf() -> old.\n")));
    else
        modules.push_back(mod("new_only", QStringLiteral("-export([f/0]).\nf() -> new.\n")));
    return modules;
}

// The correct instructions, one per line.
const char *const upOk = "   [{add_module, new_only},\n"
                         "    {update, changed_sup, supervisor},\n"
                         "    {update, changed_srv, {advanced, []}},\n"
                         "    {load_module, changed_plain},\n"
                         "    {delete_module, old_only}]";
const char *const downOk = "   [{add_module, old_only},\n"
                           "    {load_module, changed_plain},\n"
                           "    {update, changed_srv, {advanced, []}},\n"
                           "    {update, changed_sup, supervisor},\n"
                           "    {delete_module, new_only}]";

// {"2.0",                 line 1
//  [{"1.0",               line 2
//    UP (5 lines)],       lines 3-7
//  [{"1.0",               line 8
//    DOWN (5 lines)]}.    lines 9-13
QString appupText(const char *up, const char *down, const char *vsn = "2.0")
{
    return QStringLiteral("{\"%1\",\n [{\"1.0\",\n%2}],\n [{\"1.0\",\n%3}]}.\n")
        .arg(QString::fromLatin1(vsn), QString::fromUtf8(up), QString::fromUtf8(down));
}

QByteArray describe(const rs::Findings &findings)
{
    QStringList lines;
    for (const rs::Finding &f : findings)
        lines << f.toDiagnostic();
    return lines.join(QLatin1Char('\n')).toUtf8();
}

// "E:3:text", "W:0:text" (any line), "I:5:text".
bool matches(const rs::Finding &f, const QString &expected)
{
    const QStringList parts = expected.split(QLatin1Char(':'));
    const QString severity = parts.value(0);
    const int line = parts.value(1).toInt();
    const QString text = parts.mid(2).join(QLatin1Char(':'));
    const rs::Severity s = severity == u"E"   ? rs::Severity::Error
                           : severity == u"W" ? rs::Severity::Warning
                                              : rs::Severity::Info;
    return f.severity == s && (line == 0 || f.location.line == line) && f.message.contains(text);
}

} // namespace

class TestAppupLint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generatedAppupIsClean();
    void lint_data();
    void lint();
    void knownEarlierVersions();
    void unreadableInputs();
    void otherFileName();
    void releaseUpgrade();

private:
    rs::Findings lintText(const QString &text, const QString &fileName = QStringLiteral("lint.appup"),
                          const AppupLintOptions &options = {});

    QTemporaryDir m_dir;
    QString m_lib;
    QString m_v1;
    QString m_v2;
};

void TestAppupLint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lib = m_dir.path() + QStringLiteral("/lib");
    QString error;
    m_v1 = rs::test::buildApp(m_lib, QStringLiteral("lint"), QStringLiteral("1.0"), version(1), &error);
    QVERIFY2(!m_v1.isEmpty(), qPrintable(error));
    m_v2 = rs::test::buildApp(m_lib, QStringLiteral("lint"), QStringLiteral("2.0"), version(2), &error,
                              {QStringLiteral("+debug_info")});
    QVERIFY2(!m_v2.isEmpty(), qPrintable(error));
}

rs::Findings TestAppupLint::lintText(const QString &text, const QString &fileName,
                                     const AppupLintOptions &options)
{
    const QString path = m_dir.path() + QStringLiteral("/appups/") + fileName;
    if (!rs::test::writeTextFile(path, text.toUtf8()))
        return {rs::Finding::error(QStringLiteral("cannot write ") + path)};
    return lintAppupFiles(path, m_v1, m_v2, options);
}

void TestAppupLint::generatedAppupIsClean()
{
    const auto g = generateAppup(m_v1, m_v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    const rs::Findings findings = lintText(QString::fromUtf8(g->text()));
    QVERIFY2(findings.isEmpty(), describe(findings).constData());
    // The hand-written correct one too.
    const rs::Findings hand = lintText(appupText(upOk, downOk));
    QVERIFY2(hand.isEmpty(), describe(hand).constData());
}

void TestAppupLint::lint_data()
{
    QTest::addColumn<QString>("appup");
    QTest::addColumn<QStringList>("expected"); // each must be found; no other error may be

    auto row = [](const char *name, const QString &appup, const QStringList &expected) {
        QTest::newRow(name) << appup << expected;
    };
    const auto L = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out << QString::fromUtf8(i);
        return out;
    };

    row("changed, added and deleted modules not covered",
        appupText("   [{update, changed_srv, {advanced, []}},\n"
                  "    {load_module, same},\n    {apply, {io, nl, []}},\n    {apply, {io, nl, []}},\n"
                  "    {apply, {erlang, garbage_collect, []}}]",
                  downOk),
        L({"E:2:module changed_sup changed between 1.0 and 2.0, but no instruction of the up-from 1.0 entry",
           "E:2:module changed_plain changed", "E:2:module new_only is in lint 2.0 but not in 1.0",
           "W:2:module old_only is in lint 1.0 but not in 2.0, and no instruction of the up-from 1.0 entry "
           "deletes it",
           "W:4:module same did not change between 1.0 and 2.0"}));
    row("down section not covered",
        appupText(upOk, "   [{load_module, changed_plain},\n    {delete_module, old_only},\n"
                        "    {apply, {io, nl, []}},\n    {apply, {io, nl, []}},\n    {apply, {io, nl, []}}]"),
        L({"E:8:module changed_srv changed", "E:8:module changed_sup changed",
           "E:10:lint 1.0 still has module old_only",
           "E:8:module old_only is in lint 1.0 but not in 2.0, and no instruction of the down-to 1.0 entry "
           "adds it",
           "W:8:module new_only is in lint 2.0 but not in 1.0, and no instruction of the down-to 1.0 entry "
           "deletes it"}));
    row("instructions for missing modules",
        appupText("   [{add_module, new_only},\n"
                  "    {update, changed_sup, supervisor},\n"
                  "    {update, changed_srv, {advanced, []}},\n"
                  "    {load_module, changed_plain},\n"
                  "    {delete_module, old_only}, {load_module, ghost}, {delete_module, same}]",
                  "   [{add_module, old_only},\n"
                  "    {load_module, changed_plain},\n"
                  "    {update, changed_srv, {advanced, []}},\n"
                  "    {update, changed_sup, supervisor},\n"
                  "    {delete_module, new_only}, {load_module, new_only_too}]"),
        L({"E:7:ghost is a module of neither lint 1.0 nor lint 2.0", "E:7:lint 2.0 still has module same",
           "E:13:new_only_too is a module of neither"}));
    row("loading what the target version does not have",
        appupText("   [{add_module, new_only},\n"
                  "    {update, changed_sup, supervisor},\n"
                  "    {update, changed_srv, {advanced, []}},\n"
                  "    {load_module, changed_plain},\n"
                  "    {load_module, old_only}]",
                  "   [{load_module, new_only},\n"
                  "    {load_module, changed_plain},\n"
                  "    {update, changed_srv, {advanced, []}},\n"
                  "    {update, changed_sup, supervisor},\n"
                  "    {add_module, old_only}]"),
        L({"E:7:lint 2.0 has no module old_only (the upgrade deletes it)",
           "E:9:lint 1.0 has no module new_only (it is new in 2.0)"}));
    row("DepMods",
        appupText("   [{add_module, new_only},\n"
                  "    {update, changed_sup, supervisor},\n"
                  "    {update, changed_srv, {advanced, []}, [changed_plain, old_only]},\n"
                  "    {load_module, changed_plain, [nomod]},\n"
                  "    {delete_module, old_only}]",
                  "   [{add_module, old_only},\n"
                  "    {load_module, changed_plain, [new_only]},\n"
                  "    {update, changed_srv, {advanced, []}, [changed_plain, old_only]},\n"
                  "    {update, changed_sup, supervisor},\n"
                  "    {delete_module, new_only, [nomod2]}]"),
        L({"W:5:changed_srv depends on old_only, which will not exist after the upgrade",
           "E:6:changed_plain depends on nomod, a module of neither lint 1.0 nor lint 2.0",
           "E:13:new_only depends on nomod2, a module of neither"}));
    row("versions",
        QStringLiteral("{\"2.0\",\n"
                       " [{\"3.0\", []},\n"
                       "  {<<\"1\\\\.[0-9]+\">>,\n%1},\n"
                       "  {\"1.0\", []}],\n"
                       " [{\"2.0\", []},\n"
                       "  {\"0.9\", []}]}.\n")
            .arg(QString::fromUtf8(upOk)),
        L({"W:2:up-from version 3.0 is not earlier than lint 2.0: no release upgrades from it",
           "W:9:the up-from entry 1.0 matches 1.0 but is never used for it: the entry at line 3 matches "
           "first",
           "W:10:down-to version 2.0 is not earlier than lint 2.0",
           "E:10:no down-to entry matches lint 1.0: systools refuses the relup"}));
    row("appup version is not the .app's", appupText(upOk, downOk, "2.1"),
        L({"W:1:the .appup is for version 2.1, but the application is version 2.0"}));
    row("restart_application and restart_new_emulator cover everything",
        appupText("   [{restart_application, lint}]", "   [restart_new_emulator]"), {});
    row("restart_application of another application covers nothing",
        appupText("   [{restart_application, kernel}]", downOk),
        L({"E:2:module changed_sup changed", "E:2:module changed_srv changed",
           "E:2:module changed_plain changed", "E:2:module new_only is in lint 2.0"}));
    row("supervisor and code_change loaded with load_module",
        appupText("   [{add_module, new_only},\n"
                  "    {load_module, changed_sup},\n"
                  "    {load_module, changed_srv},\n"
                  "    {load_module, changed_plain},\n"
                  "    {delete_module, old_only}]",
                  downOk),
        L({"W:4:module changed_sup is a supervisor: {update, changed_sup, supervisor}",
           "I:5:module changed_srv exports code_change"}));
    row("low-level instructions",
        appupText("   [{load_object_code, {lint, \"2.0\", [changed_plain, changed_srv, new_only]}},\n"
                  "    point_of_no_return, {update, changed_sup, supervisor},\n"
                  "    {load, {changed_plain, brutal_purge, brutal_purge}}, {load, {new_only, brutal_purge, "
                  "brutal_purge}},\n"
                  "    {suspend, [changed_srv]}, {load, {changed_srv, brutal_purge, brutal_purge}},\n"
                  "    {code_change, up, [{changed_srv, []}]}, {resume, [changed_srv]}, {remove, {old_only, "
                  "brutal_purge, brutal_purge}}, {purge, [old_only]}]",
                  downOk),
        {});
    // systools splices a list of instructions into the script as it is: one level, not expanded.
    row("nested instruction lists",
        appupText(
            "   [[{add_module, new_only},\n"
            "    {update, changed_sup, static, default, {advanced, []}, brutal_purge, brutal_purge, []}],\n"
            "    {update, changed_srv, {advanced, []}},\n"
            "    [{load_module, changed_plain, brutal_purge, brutal_purge, []}],\n"
            "    {load_module, same}]",
            downOk),
        L({"W:7:module same did not change", "W:2:module old_only is in lint 1.0 but not in 2.0"}));
    row("nested instruction lists are not expanded",
        appupText("   [[{add_module, new_only},\n"
                  "    {update, changed_sup, supervisor}],\n"
                  "    {update, changed_srv, {advanced, []}},\n"
                  "    [[{load_module, changed_plain}]],\n"
                  "    {delete_module, old_only}]",
                  downOk),
        L({"E:4:Bad instruction: {update,changed_sup,supervisor}",
           "E:6:Bad instruction: [{load_module,changed_plain}]", "E:2:module changed_plain changed"}));
    row("syntax errors of checkAppup",
        appupText(upOk, "   [{add_module, old_only},\n"
                        "    {load_module, changed_plain},\n"
                        "    {update, changed_srv, {advanced, []}},\n"
                        "    {update, changed_sup, superviser},\n"
                        "    {delete_module, new_only}]"),
        L({"E:12:"}));
}

void TestAppupLint::lint()
{
    QFETCH(QString, appup);
    QFETCH(QStringList, expected);
    const rs::Findings findings = lintText(appup);
    for (const QString &e : expected) {
        const bool found = std::any_of(findings.begin(), findings.end(),
                                       [&](const rs::Finding &f) { return matches(f, e); });
        QVERIFY2(
            found,
            qPrintable(QStringLiteral("missing %1 in:\n%2").arg(e, QString::fromUtf8(describe(findings)))));
    }
    const qsizetype expectedErrors =
        std::count_if(expected.begin(), expected.end(), [](const QString &e) { return e.startsWith(u'E'); });
    const qsizetype errors =
        std::count_if(findings.begin(), findings.end(), [](const rs::Finding &f) { return f.isError(); });
    QVERIFY2(errors == expectedErrors, describe(findings).constData());
    for (const rs::Finding &f : findings) {
        QVERIFY2(f.location.file.endsWith(QStringLiteral("lint.appup")), qPrintable(f.toDiagnostic()));
        QVERIFY2(f.location.line > 0, qPrintable(f.toDiagnostic()));
    }
}

void TestAppupLint::knownEarlierVersions()
{
    const QString text = QStringLiteral("{\"2.0\",\n"
                                        " [{\"1.0\",\n%1},\n"
                                        "  {\"0.9\", []},\n"
                                        "  {<<\"0\\\\.8\\\\..*\">>, []},\n"
                                        "  {\"0.8\", []}],\n"
                                        " [{\"1.0\",\n%2}]}.\n")
                             .arg(QString::fromUtf8(upOk), QString::fromUtf8(downOk));
    AppupLintOptions options;
    options.earlierVersions = {QStringLiteral("0.8"), QStringLiteral("0.8.1")};
    const rs::Findings findings = lintText(text, QStringLiteral("lint.appup"), options);
    QCOMPARE(findings.size(), 1);
    QVERIFY2(matches(findings.front(), QStringLiteral("I:8:the up-from entry 0.9 matches none of the known "
                                                      "earlier versions of lint (1.0, 0.8, 0.8.1)")),
             describe(findings).constData());
    // Without known versions nothing is said about them.
    QVERIFY2(lintText(text).isEmpty(), describe(lintText(text)).constData());
}

void TestAppupLint::unreadableInputs()
{
    const rs::Findings missing = lintAppupFiles(m_dir.path() + QStringLiteral("/none.appup"), m_v1, m_v2);
    QCOMPARE(missing.size(), 1);
    QVERIFY(missing.front().isError());
    const rs::Findings broken = lintText(QStringLiteral("{\"2.0\", [}.\n"));
    QCOMPARE(broken.size(), 1);
    QVERIFY(broken.front().isError());
    QCOMPARE(broken.front().location.line, 1);
    QVERIFY(rs::test::writeTextFile(m_dir.path() + QStringLiteral("/appups/ok.appup"),
                                    appupText(upOk, downOk).toUtf8()));
    const rs::Findings noApp = lintAppupFiles(m_dir.path() + QStringLiteral("/appups/ok.appup"), m_v1,
                                              m_dir.path() + QStringLiteral("/nowhere"));
    QCOMPARE(noApp.size(), 1);
    QVERIFY2(noApp.front().message.contains(QStringLiteral("no such directory")),
             qPrintable(noApp.front().toString()));
}

void TestAppupLint::otherFileName()
{
    const rs::Findings findings = lintText(appupText(upOk, downOk), QStringLiteral("other.appup"));
    QCOMPARE(findings.size(), 1);
    QVERIFY2(matches(findings.front(),
                     QStringLiteral("W:1:systools reads the .appup of lint from ebin/lint.appup")),
             describe(findings).constData());
}

void TestAppupLint::releaseUpgrade()
{
    const auto otp = rs::release::OtpInstallation::fromRoot(rs::test::otpRoot());
    QVERIFY2(otp, rs::test::errorOf(otp).constData());
    QString error;
    // "other" 1.0 in two builds of different code, one per lib dir.
    const QString libA = m_dir.path() + QStringLiteral("/relA");
    const QString libB = m_dir.path() + QStringLiteral("/relB");
    QVERIFY2(!rs::test::buildApp(libA, QStringLiteral("other"), QStringLiteral("1.0"),
                                 {mod("other_m", QStringLiteral("-export([f/0]).\nf() -> 1.\n"))}, &error)
                  .isEmpty(),
             qPrintable(error));
    QVERIFY2(!rs::test::buildApp(libB, QStringLiteral("other"), QStringLiteral("1.0"),
                                 {mod("other_m", QStringLiteral("-export([f/0]).\nf() -> 2.\n"))}, &error)
                  .isEmpty(),
             qPrintable(error));
    const auto index = [&](const QString &lib) {
        return rs::release::AppIndex::scan(rs::release::AppIndex::searchPath({lib, m_lib}, &*otp));
    };
    const rs::release::AppIndex indexA = index(libA);
    const rs::release::AppIndex indexB = index(libB);
    auto resolveRel = [&](const QString &name, const QString &lintVsn,
                          const rs::release::AppIndex &idx) -> std::optional<rs::release::ResolvedRelease> {
        const QString text = QStringLiteral("{release, {\"sys\", \"%1\"}, {erts, \"%2\"},\n"
                                            " [{kernel, \"%3\"},\n  {stdlib, \"%4\"},\n"
                                            "  {lint, \"%5\"},\n  {other, \"1.0\"}]}.\n")
                                 .arg(name, otp->ertsVsn, idx.newest(QStringLiteral("kernel"))->vsn,
                                      idx.newest(QStringLiteral("stdlib"))->vsn, lintVsn);
        const QString path = m_dir.path() + QStringLiteral("/rels/sys-") + name + QStringLiteral(".rel");
        if (!rs::test::writeTextFile(path, text.toUtf8()))
            return std::nullopt;
        const rs::release::RelParse rel = rs::release::readRelFile(path);
        if (!rel.ok())
            return std::nullopt;
        auto resolution = rs::release::resolve(rel.spec, idx, &*otp);
        return resolution.release;
    };
    const auto r1 = resolveRel(QStringLiteral("1"), QStringLiteral("1.0"), indexA);
    const auto r2 = resolveRel(QStringLiteral("2"), QStringLiteral("2.0"), indexB);
    QVERIFY(r1 && r2);

    // lint 2.0 has no .appup yet; other 1.0 has other code under the same version.
    const QString appupPath = m_v2 + QStringLiteral("/ebin/lint.appup");
    QFile::remove(appupPath);
    rs::Findings findings = lintReleaseUpgrade(*r1, *r2);
    QCOMPARE(findings.size(), 2);
    QVERIFY2(matches(findings[0], QStringLiteral("E:4:lint changes from 1.0 to 2.0 but has no .appup")),
             describe(findings).constData());
    QVERIFY(findings[0].location.file.endsWith(QStringLiteral("sys-2.rel")));
    QVERIFY2(
        matches(findings[1], QStringLiteral("W:5:other 1.0 of release sys 2 has other code than other 1.0 "
                                            "of release sys 1")),
        describe(findings).constData());

    // With the generated .appup: only the warning about other.
    const auto g = generateAppup(m_v1, m_v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QVERIFY(rs::test::writeTextFile(appupPath, g->text()));
    findings = lintReleaseUpgrade(*r1, *r2);
    QCOMPARE(findings.size(), 1);
    QVERIFY(!findings.front().isError());

    // An .appup without an entry for 1.0: the lint of the .appup answers.
    QVERIFY(rs::test::writeTextFile(appupPath, "{\"2.0\", [{\"0.5\", []}], [{\"0.5\", []}]}.\n"));
    findings = lintReleaseUpgrade(*r1, *r2);
    QVERIFY2(std::count_if(findings.begin(), findings.end(),
                           [](const rs::Finding &f) {
                               return f.isError() &&
                                      f.message.contains(QStringLiteral("entry matches lint 1.0"));
                           }) == 2,
             describe(findings).constData());
    QFile::remove(appupPath);

    // The same release on both sides: nothing to say.
    QVERIFY(lintReleaseUpgrade(*r1, *r1).isEmpty());
}

QTEST_GUILESS_MAIN(TestAppupLint)
#include "tst_appup_lint.moc"
