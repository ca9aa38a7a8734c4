// The appup generator on applications compiled with the real erlc: added, deleted and changed
// modules, a module only recompiled (other options, another directory, debug info) that must not
// appear, gen_server/gen_statem/sys modules with code_change, supervisors, DepMods from the calls
// among changed modules with dependencies first (chains, cycles), the inverted down section, an
// unchanged application, an .app-only change, and the errors and warnings of loading.
#include "app_builder.h"
#include "support/testdata.h"

#include "term/pretty.h"
#include "upgrade/appup.h"
#include "upgrade/appup_generator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rs::upgrade;
using rs::test::ModuleSource;

namespace {

ModuleSource mod(const char *name, const char *body)
{
    return {QString::fromLatin1(name),
            QStringLiteral("-module(%1).\n").arg(QString::fromLatin1(name)) + QString::fromUtf8(body)};
}

// A gen_server whose reply is VALUE.
ModuleSource genServer(const char *name, int value)
{
    return mod(name, QStringLiteral("-behaviour(gen_server).\n"
                                    "-export([init/1, handle_call/3, handle_cast/2, code_change/3]).\n"
                                    "init([]) -> {ok, %1}.\n"
                                    "handle_call(_, _, S) -> {reply, S, S}.\n"
                                    "handle_cast(_, S) -> {noreply, S}.\n"
                                    "code_change(_, S, _) -> {ok, S}.\n")
                         .arg(value)
                         .toUtf8()
                         .constData());
}

ModuleSource supervisorModule(const char *name, int intensity, const char *extraCall = "ok")
{
    return mod(name, QStringLiteral("-behaviour(supervisor).\n"
                                    "-export([init/1]).\n"
                                    "init([]) -> %2, {ok, {#{intensity => %1}, []}}.\n")
                         .arg(intensity)
                         .arg(QString::fromLatin1(extraCall))
                         .toUtf8()
                         .constData());
}

ModuleSource statem(int value)
{
    return mod("stm", QStringLiteral("-behaviour(gen_statem).\n"
                                     "-export([callback_mode/0, init/1, handle_event/4, code_change/4]).\n"
                                     "callback_mode() -> handle_event_function.\n"
                                     "init([]) -> {ok, idle, %1}.\n"
                                     "handle_event(_, _, S, D) -> {next_state, S, D}.\n"
                                     "code_change(_, S, D, _) -> {ok, S, D}.\n")
                          .arg(value)
                          .toUtf8()
                          .constData());
}

ModuleSource sysProcess(int value)
{
    return mod("sys_proc", QStringLiteral("-export([system_code_change/4, value/0]).\n"
                                          "system_code_change(Misc, _, _, _) -> {ok, Misc}.\n"
                                          "value() -> %1.\n")
                               .arg(value)
                               .toUtf8()
                               .constData());
}

// ~tp on one line: strings as strings.
QString show(const rs::term::Term &t)
{
    rs::term::PrettyOptions options;
    options.lineLength = 1 << 20;
    return rs::term::prettyTerm(t, options);
}

QString instructions(const VersionList &list)
{
    if (list.entries.size() != 1)
        return QStringLiteral("(%1 entries)").arg(list.entries.size());
    return show(list.entries.front().instructionsTerm);
}

QByteArray describe(const rs::Findings &findings)
{
    QStringList lines;
    for (const rs::Finding &f : findings)
        lines << f.toDiagnostic();
    return lines.join(QLatin1Char('\n')).toUtf8();
}

bool hasMessage(const rs::Findings &findings, const QString &part, rs::Severity severity)
{
    return std::any_of(findings.begin(), findings.end(), [&](const rs::Finding &f) {
        return f.severity == severity && f.message.contains(part);
    });
}

} // namespace

class TestAppupGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyKindOfChange();
    void downIsUpInverted();
    void recompiledOnlyIsUnchanged();
    void writtenTextReadsBack();
    void unchangedApplication();
    void appFileChangeOnly();
    void supervisorWithDependencies();
    void sameVersionWarns();
    void differentApplicationsRefused();
    void missingBeamRefused();
    void unlistedBeamWarns();
    void ebinDirectoryAccepted();

private:
    QTemporaryDir m_dir;
    QString m_v1;
    QString m_v2;
};

void TestAppupGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    // 1.0, compiled without debug info.
    m_v1 = rs::test::buildApp(
        m_dir.path() + QStringLiteral("/a"), QStringLiteral("demo"), QStringLiteral("1.0"),
        {mod("keep", "-export([f/0]).\nf() -> 1.\n"), mod("gone", "-export([f/0]).\nf() -> gone.\n"),
         mod("body", "-export([f/0]).\nf() -> keep:f() + 1.\n"), genServer("srv", 1),
         supervisorModule("sup", 1), statem(1), sysProcess(1),
         mod("dep_a", "-export([f/0]).\nf() -> dep_b:g() + 1.\n"),
         mod("dep_b", "-export([g/0]).\ng() -> dep_c:h() + 1.\n"),
         mod("dep_c", "-export([h/0]).\nh() -> 1.\n"),
         mod("cyc1", "-export([f/1]).\nf(0) -> 0;\nf(N) -> cyc2:f(N - 1).\n"),
         mod("cyc2", "-export([f/1]).\nf(0) -> 0;\nf(N) -> cyc1:f(N - 1).\n")},
        &error);
    QVERIFY2(!m_v1.isEmpty(), qPrintable(error));
    // 2.0, in another directory and with debug info: keep's code is the same.
    m_v2 = rs::test::buildApp(m_dir.path() + QStringLiteral("/b/other/place"), QStringLiteral("demo"),
                              QStringLiteral("2.0"),
                              {mod("keep", "-export([f/0]).\n\n%% a comment moves the lines\n\nf() -> 1.\n"),
                               mod("body", "-export([f/0]).\nf() -> keep:f() + fresh:f().\n"),
                               genServer("srv", 2), supervisorModule("sup", 2), statem(2), sysProcess(2),
                               mod("dep_a", "-export([f/0]).\nf() -> dep_b:g() + 2.\n"),
                               mod("dep_b", "-export([g/0]).\ng() -> dep_c:h() + 2.\n"),
                               mod("dep_c", "-export([h/0]).\nh() -> 2.\n"),
                               mod("cyc1", "-export([f/1]).\nf(0) -> 1;\nf(N) -> cyc2:f(N - 1).\n"),
                               mod("cyc2", "-export([f/1]).\nf(0) -> 1;\nf(N) -> cyc1:f(N - 1).\n"),
                               mod("fresh", "-export([f/0]).\nf() -> 3.\n")},
                              &error, {QStringLiteral("+debug_info")});
    QVERIFY2(!m_v2.isEmpty(), qPrintable(error));
}

void TestAppupGenerator::everyKindOfChange()
{
    const auto g = generateAppup(m_v1, m_v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QVERIFY2(g->findings.isEmpty(), describe(g->findings).constData());
    QCOMPARE(g->application, QStringLiteral("demo"));
    QCOMPARE(g->appup.vsnText(), QStringLiteral("2.0"));
    QCOMPARE(g->diff.added, QStringList{QStringLiteral("fresh")});
    QCOMPARE(g->diff.deleted, QStringList{QStringLiteral("gone")});
    QCOMPARE(g->diff.unchanged, QStringList{QStringLiteral("keep")});
    QCOMPARE(g->diff.changed.size(), 10);
    QCOMPARE(g->appup.up.entries.size(), size_t(1));
    QCOMPARE(g->appup.up.entries.front().versionText(), QStringLiteral("1.0"));
    QCOMPARE(g->appup.down.entries.front().versionText(), QStringLiteral("1.0"));
    // Added first; changed in .app order with dependencies first (dep_c, dep_b, dep_a); the cycle
    // in .app order; deleted last. keep calls nothing changed, body calls the added fresh.
    QCOMPARE(instructions(g->appup.up),
             QStringLiteral("[{add_module,fresh},{load_module,body,[fresh]},{update,srv,{advanced,[]}},"
                            "{update,sup,supervisor},{update,stm,{advanced,[]}},"
                            "{update,sys_proc,{advanced,[]}},{load_module,dep_c},"
                            "{load_module,dep_b,[dep_c]},{load_module,dep_a,[dep_b]},"
                            "{load_module,cyc1,[cyc2]},{load_module,cyc2,[cyc1]},{delete_module,gone}]"));
    QCOMPARE(g->dependencies.size(), size_t(11));
    QCOMPARE(g->dependencies.front().first, QStringLiteral("fresh"));
}

void TestAppupGenerator::downIsUpInverted()
{
    const auto g = generateAppup(m_v1, m_v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QCOMPARE(instructions(g->appup.down),
             QStringLiteral("[{add_module,gone},{load_module,cyc2,[cyc1]},{load_module,cyc1,[cyc2]},"
                            "{load_module,dep_a,[dep_b]},{load_module,dep_b,[dep_c]},{load_module,dep_c},"
                            "{update,sys_proc,{advanced,[]}},{update,stm,{advanced,[]}},"
                            "{update,sup,supervisor},{update,srv,{advanced,[]}},"
                            "{load_module,body,[fresh]},{delete_module,fresh}]"));
}

void TestAppupGenerator::recompiledOnlyIsUnchanged()
{
    // keep.beam differs byte for byte (debug info, compile info, line table) but not in code.
    QFile a(m_v1 + QStringLiteral("/ebin/keep.beam"));
    QFile b(m_v2 + QStringLiteral("/ebin/keep.beam"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY(a.readAll() != b.readAll());
    const auto g = generateAppup(m_v1, m_v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QVERIFY(!instructions(g->appup.up).contains(QStringLiteral("keep")));
    QVERIFY(!instructions(g->appup.down).contains(QStringLiteral("keep")));
}

void TestAppupGenerator::writtenTextReadsBack()
{
    const auto g = generateAppup(m_v1, m_v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    const QByteArray text = g->text();
    QVERIFY(text.startsWith("%% coding: utf-8\n"));
    const QString path = m_dir.filePath(QStringLiteral("demo.appup"));
    QVERIFY(rs::test::writeTextFile(path, text));
    const auto read = readAppupFile(path);
    QVERIFY2(read, rs::test::errorOf(read).constData());
    QVERIFY(read->toTerm() == g->appup.toTerm());
    const rs::Findings findings = checkAppup(*read, QStringLiteral("2.0"));
    QVERIFY2(findings.isEmpty(), describe(findings).constData());
    // The same again gives the same bytes.
    const auto again = generateAppup(m_v1, m_v2);
    QVERIFY2(again, rs::test::errorOf(again).constData());
    QCOMPARE(again->text(), text);
}

void TestAppupGenerator::unchangedApplication()
{
    QString error;
    const QString v11 =
        rs::test::buildApp(m_dir.path() + QStringLiteral("/c"), QStringLiteral("demo"), QStringLiteral("1.1"),
                           {mod("keep", "-export([f/0]).\nf() -> 1.\n")}, &error);
    QVERIFY2(!v11.isEmpty(), qPrintable(error));
    const QString v12 = rs::test::buildApp(
        m_dir.path() + QStringLiteral("/d"), QStringLiteral("demo"), QStringLiteral("1.2"),
        {mod("keep", "-export([f/0]).\nf() -> 1.\n")}, &error, {QStringLiteral("+debug_info")});
    QVERIFY2(!v12.isEmpty(), qPrintable(error));
    const auto g = generateAppup(v11, v12);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QVERIFY(g->diff.isEmpty());
    QCOMPARE(show(g->appup.toTerm()), QStringLiteral("{\"1.2\",[{\"1.1\",[]}],[{\"1.1\",[]}]}"));
    QVERIFY2(g->findings.isEmpty(), describe(g->findings).constData());
}

void TestAppupGenerator::appFileChangeOnly()
{
    // Only the env (and the description) of the .app change: no module instructions; release_handler
    // gives the application its new env itself.
    QString error;
    const QString v1 =
        rs::test::buildApp(m_dir.path() + QStringLiteral("/e"), QStringLiteral("envapp"), QStringLiteral("1"),
                           {mod("envapp_m", "-export([f/0]).\nf() -> 1.\n")}, &error, {},
                           QStringLiteral(",\n  {env, [{level, 1}]}"));
    QVERIFY2(!v1.isEmpty(), qPrintable(error));
    const QString v2 = rs::test::buildApp(
        m_dir.path() + QStringLiteral("/f"), QStringLiteral("envapp"), QStringLiteral("2"),
        {mod("envapp_m", "-export([f/0]).\nf() -> 1.\n")}, &error, {},
        QStringLiteral(",\n  {env, [{level, 2}, {extra, true}]}, {registered, [envapp_m]}"));
    QVERIFY2(!v2.isEmpty(), qPrintable(error));
    const auto g = generateAppup(v1, v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QCOMPARE(show(g->appup.toTerm()), QStringLiteral("{\"2\",[{\"1\",[]}],[{\"1\",[]}]}"));
}

void TestAppupGenerator::supervisorWithDependencies()
{
    // A supervisor that calls a changed module: the long form {update, sup, supervisor} stands for.
    QString error;
    const QString v1 = rs::test::buildApp(
        m_dir.path() + QStringLiteral("/g"), QStringLiteral("supapp"), QStringLiteral("1"),
        {supervisorModule("top_sup", 1, "helper:f()"), mod("helper", "-export([f/0]).\nf() -> 1.\n")},
        &error);
    QVERIFY2(!v1.isEmpty(), qPrintable(error));
    const QString v2 = rs::test::buildApp(
        m_dir.path() + QStringLiteral("/h"), QStringLiteral("supapp"), QStringLiteral("2"),
        {supervisorModule("top_sup", 2, "helper:f()"), mod("helper", "-export([f/0]).\nf() -> 2.\n")},
        &error);
    QVERIFY2(!v2.isEmpty(), qPrintable(error));
    const auto g = generateAppup(v1, v2);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QCOMPARE(
        instructions(g->appup.up),
        QStringLiteral("[{load_module,helper},"
                       "{update,top_sup,static,default,{advanced,[]},brutal_purge,brutal_purge,[helper]}]"));
    QCOMPARE(
        instructions(g->appup.down),
        QStringLiteral("[{update,top_sup,static,default,{advanced,[]},brutal_purge,brutal_purge,[helper]},"
                       "{load_module,helper}]"));
    QVERIFY(checkAppup(g->appup).isEmpty());
}

void TestAppupGenerator::sameVersionWarns()
{
    const auto from = loadAppVersion(m_v1);
    QVERIFY2(from, rs::test::errorOf(from).constData());
    const auto g = generateAppup(*from, *from);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QVERIFY(g->diff.isEmpty());
    QVERIFY2(hasMessage(g->findings, QStringLiteral("both versions of demo are 1.0"), rs::Severity::Warning),
             describe(g->findings).constData());
}

void TestAppupGenerator::differentApplicationsRefused()
{
    QString error;
    const QString other = rs::test::buildApp(m_dir.path() + QStringLiteral("/i"), QStringLiteral("other"),
                                             QStringLiteral("2.0"), {}, &error);
    QVERIFY2(!other.isEmpty(), qPrintable(error));
    const auto g = generateAppup(m_v1, other);
    QVERIFY(!g);
    QVERIFY2(g.error().message.contains(QStringLiteral("different applications: demo and other")),
             qPrintable(g.error().toString()));
}

void TestAppupGenerator::missingBeamRefused()
{
    QString error;
    const QString dir =
        rs::test::buildApp(m_dir.path() + QStringLiteral("/j"), QStringLiteral("demo"), QStringLiteral("3.0"),
                           {mod("keep", "-export([f/0]).\nf() -> 1.\n")}, &error);
    QVERIFY2(!dir.isEmpty(), qPrintable(error));
    QVERIFY(QFile::remove(dir + QStringLiteral("/ebin/keep.beam")));
    const auto g = generateAppup(m_v1, dir);
    QVERIFY(!g);
    QVERIFY2(g.error().message.contains(QStringLiteral("lists module keep, but there is no")),
             qPrintable(g.error().toString()));
    QVERIFY(g.error().location.file.endsWith(QStringLiteral("demo.app")));
    QVERIFY(g.error().location.line > 0);
    // No directory, no .app.
    QVERIFY(!generateAppup(m_v1, m_dir.path() + QStringLiteral("/nowhere")));
    QVERIFY(QDir().mkpath(m_dir.path() + QStringLiteral("/empty/ebin")));
    const auto empty = generateAppup(m_v1, m_dir.path() + QStringLiteral("/empty"));
    QVERIFY(!empty);
    QVERIFY2(empty.error().message.contains(QStringLiteral("no .app file")),
             qPrintable(empty.error().toString()));
}

void TestAppupGenerator::unlistedBeamWarns()
{
    QString error;
    const QString dir =
        rs::test::buildApp(m_dir.path() + QStringLiteral("/k"), QStringLiteral("demo"), QStringLiteral("4.0"),
                           {mod("keep", "-export([f/0]).\nf() -> 1.\n")}, &error);
    QVERIFY2(!dir.isEmpty(), qPrintable(error));
    QVERIFY(rs::test::writeTextFile(dir + QStringLiteral("/src/stray.erl"), "-module(stray).\n"));
    QCOMPARE(rs::test::compileErlang(dir + QStringLiteral("/ebin"), {dir + QStringLiteral("/src/stray.erl")}),
             QString());
    const auto g = generateAppup(m_v1, dir);
    QVERIFY2(g, rs::test::errorOf(g).constData());
    QVERIFY2(
        hasMessage(g->findings, QStringLiteral("stray.beam is not among the modules"), rs::Severity::Warning),
        describe(g->findings).constData());
    QVERIFY(!instructions(g->appup.up).contains(QStringLiteral("stray")));
}

void TestAppupGenerator::ebinDirectoryAccepted()
{
    const auto a = generateAppup(m_v1, m_v2);
    const auto b = generateAppup(m_v1 + QStringLiteral("/ebin"), m_v2 + QStringLiteral("/ebin"));
    QVERIFY2(a && b, rs::test::errorOf(b).constData());
    QCOMPARE(b->text(), a->text());
}

QTEST_GUILESS_MAIN(TestAppupGenerator)
#include "tst_appup_generator.moc"
