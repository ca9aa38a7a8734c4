// The .appup model: reading with positions, writing, version lookup (strings and regular
// expressions), the instruction kinds, the builders and checkAppup.
#include "support/testdata.h"

#include "term/reader.h"
#include "term/writer.h"
#include "upgrade/appup.h"
#include "upgrade/rc_translate.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using rs::term::Term;
using namespace rs::upgrade;

namespace {

Term parse(const char *text)
{
    const auto t = rs::term::parseTerm(QByteArray(text));
    return t ? *t : Term::atom(QStringLiteral("PARSE_ERROR"));
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return path;
}

const QByteArray shopAppup = "%% The shop.\n"
                             "{\"3.0\",\n"
                             " [{\"2.0\",\n"
                             "   [{add_module, shop_new},\n"
                             "    {update, shop_server, {advanced, {from, \"2.0\"}}, [shop_db]},\n"
                             "    {load_module, shop_db}]},\n"
                             "  {<<\"1\\\\.0\\\\..*\">>, [restart_new_emulator]}],\n"
                             " [{\"2.0\", [{delete_module, shop_new}]}]}.\n";

bool hasMessage(const rs::Findings &findings, const QString &part, int line = 0)
{
    return std::any_of(findings.begin(), findings.end(), [&](const rs::Finding &f) {
        return f.message.contains(part) && (line == 0 || f.location.line == line);
    });
}

QByteArray describe(const rs::Findings &findings)
{
    QStringList lines;
    for (const rs::Finding &f : findings)
        lines << f.toDiagnostic();
    return lines.join(QLatin1Char('\n')).toUtf8();
}

} // namespace

class TestAppup : public QObject
{
    Q_OBJECT

private slots:
    void readsWithPositions();
    void writesAndReadsBack();
    void refusesOtherShapes();
    void instructionKinds_data();
    void instructionKinds();
    void findsVersions();
    void regexMatchesTheWholeVersion_data();
    void regexMatchesTheWholeVersion();
    void buildersMakeShortForms();
    void buildersExpandAsSystools();
    void makesAppupText();
    void checkFindsProblemsWithLines();
    void checkAcceptsAGoodAppup();
    void fixtureAppupsAreClean();
};

void TestAppup::readsWithPositions()
{
    QTemporaryDir dir;
    const QString path = writeTemp(dir, QStringLiteral("shop.appup"), shopAppup);
    const auto appup = readAppupFile(path);
    QVERIFY2(appup, rs::test::errorOf(appup).constData());
    QCOMPARE(appup->vsnText(), QStringLiteral("3.0"));
    QCOMPARE(appup->file, path);
    QCOMPARE(appup->up.entries.size(), size_t(2));
    QCOMPARE(appup->down.entries.size(), size_t(1));

    const VersionEntry &first = appup->up.entries[0];
    QVERIFY(first.isEntry());
    QVERIFY(!first.isRegex());
    QCOMPARE(first.versionText(), QStringLiteral("2.0"));
    QCOMPARE(first.location.line, 3);
    QCOMPARE(first.instructions.size(), size_t(3));
    QCOMPARE(first.instructions[1].location.file, path);
    QCOMPARE(first.instructions[1].location.line, 5);
    QCOMPARE(first.instructions[1].location.column, 5);
    QCOMPARE(first.instructions[1].kind(), InstructionKind::Update);
    QCOMPARE(first.instructions[1].subject(), QStringLiteral("shop_server"));

    const VersionEntry &regex = appup->up.entries[1];
    QVERIFY(regex.isRegex());
    QCOMPARE(regex.versionText(), QStringLiteral("1\\.0\\..*"));
    QCOMPARE(regex.instructions.front().kind(), InstructionKind::RestartNewEmulator);
    QCOMPARE(appup->down.entries[0].instructions[0].kind(), InstructionKind::DeleteModule);
}

void TestAppup::writesAndReadsBack()
{
    QTemporaryDir dir;
    const auto appup = readAppupFile(writeTemp(dir, QStringLiteral("a.appup"), shopAppup));
    QVERIFY(appup);
    QCOMPARE(appup->toTerm(), appup->term);
    const QByteArray text = appupFileText(*appup);
    QVERIFY(text.startsWith("%% coding: utf-8\n{\"3.0\",\n"));
    const auto again = readAppupFile(writeTemp(dir, QStringLiteral("b.appup"), text));
    QVERIFY2(again, rs::test::errorOf(again).constData());
    QCOMPARE(again->toTerm(), appup->term);
    QCOMPARE(appupFileText(*again), text);

    // Entries that are not {Vsn, Instructions} and an improper tail survive a round trip.
    const auto odd = parseAppupTerm(parse("{\"1\", [bogus, {\"0\", not_a_list} | tail], []}"), QString());
    QVERIFY(odd);
    QVERIFY(!odd->up.isProperList());
    QCOMPARE(odd->up.entries.size(), size_t(2));
    QVERIFY(!odd->up.entries[0].isEntry());
    QVERIFY(!odd->up.entries[1].instructionsAreList());
    QCOMPARE(odd->toTerm(), odd->term);
}

void TestAppup::refusesOtherShapes()
{
    QVERIFY(!parseAppupTerm(parse("{\"1.0\", []}"), QStringLiteral("x.appup")));
    QVERIFY(!parseAppupTerm(parse("[\"1.0\", [], []]"), QStringLiteral("x.appup")));
    const auto missing = readAppupFile(QStringLiteral("/nonexistent/dir/x.appup"));
    QVERIFY(!missing);
    QTemporaryDir dir;
    const auto broken =
        readAppupFile(writeTemp(dir, QStringLiteral("broken.appup"), "{\"1.0\",\n [{\"0.9\", [}], []}.\n"));
    QVERIFY(!broken);
    QCOMPARE(broken.error().location.line, 2);
    const auto empty = readAppupFile(writeTemp(dir, QStringLiteral("empty.appup"), "%% nothing\n"));
    QVERIFY(!empty);
    // systools reads the first term only.
    const auto two =
        readAppupFile(writeTemp(dir, QStringLiteral("two.appup"), "{\"1\", [], []}.\n{\"2\", [], []}.\n"));
    QVERIFY(two);
    QCOMPARE(two->vsnText(), QStringLiteral("1"));
}

void TestAppup::instructionKinds_data()
{
    QTest::addColumn<QString>("instruction");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("highLevel");
    const std::pair<const char *, InstructionKind> rows[] = {
        {"{load_module, m}", InstructionKind::LoadModule},
        {"{load_module, m, soft_purge, soft_purge, [n]}", InstructionKind::LoadModule},
        {"{update, m}", InstructionKind::Update},
        {"{update, m, supervisor}", InstructionKind::Update},
        {"{update, m, static, default, {advanced, x}, brutal_purge, brutal_purge, []}",
         InstructionKind::Update},
        {"{add_module, m}", InstructionKind::AddModule},
        {"{delete_module, m, [n]}", InstructionKind::DeleteModule},
        {"{add_application, a, temporary}", InstructionKind::AddApplication},
        {"{remove_application, a}", InstructionKind::RemoveApplication},
        {"{restart_application, a}", InstructionKind::RestartApplication},
        {"{apply, {m, f, []}}", InstructionKind::Apply},
        {"restart_new_emulator", InstructionKind::RestartNewEmulator},
        {"restart_emulator", InstructionKind::RestartEmulator},
        {"{load_object_code, {a, \"1\", [m]}}", InstructionKind::LoadObjectCode},
        {"point_of_no_return", InstructionKind::PointOfNoReturn},
        {"{load, {m, brutal_purge, brutal_purge}}", InstructionKind::Load},
        {"{remove, {m, brutal_purge, brutal_purge}}", InstructionKind::Remove},
        {"{purge, [m]}", InstructionKind::Purge},
        {"{suspend, [m]}", InstructionKind::Suspend},
        {"{resume, [m]}", InstructionKind::Resume},
        {"{code_change, up, [{m, x}]}", InstructionKind::CodeChange},
        {"{stop, [m]}", InstructionKind::Stop},
        {"{start, [m]}", InstructionKind::Start},
        {"{sync_nodes, id, [n@h]}", InstructionKind::SyncNodes},
        {"restart", InstructionKind::Restart},
        {"reboot", InstructionKind::Reboot},
        {"mnesia_backup", InstructionKind::MnesiaBackup},
        {"{update, m, a, b, c, d, e, f, g}", InstructionKind::Unknown},
        {"{upgrade, m}", InstructionKind::Unknown},
        {"\"text\"", InstructionKind::Unknown},
    };
    for (const auto &[text, kind] : rows) {
        QTest::newRow(text) << QString::fromUtf8(text) << int(kind) << isHighLevel(kind);
    }
}

void TestAppup::instructionKinds()
{
    QFETCH(QString, instruction);
    QFETCH(int, kind);
    QFETCH(bool, highLevel);
    const Instruction i{parse(instruction.toUtf8().constData()), {}};
    QCOMPARE(int(i.kind()), kind);
    QCOMPARE(isHighLevel(i.kind()), highLevel);
    QVERIFY(!instructionKindName(i.kind()).isEmpty());
}

void TestAppup::findsVersions()
{
    const auto appup = parseAppupTerm(parse("{\"3\", [bogus, {\"1.0\", [a]}, {<<\"1\\\\.[0-9]\">>, [b]}, "
                                            "{\"1.1\", [c]}], [{<<\"(\">>, []}]}"),
                                      QStringLiteral("x.appup"));
    QVERIFY(appup);
    const VersionMatch exact = findVersion(appup->up, QStringLiteral("1.0"), appup->file);
    QVERIFY(exact.entry && !exact.error);
    QCOMPARE(exact.entry->instructions[0].term, Term::atom(QStringLiteral("a")));
    // The regular expression comes before the string "1.1": it is taken.
    const VersionMatch regex = findVersion(appup->up, QStringLiteral("1.1"), appup->file);
    QVERIFY(regex.entry);
    QCOMPARE(regex.entry->instructions[0].term, Term::atom(QStringLiteral("b")));
    const VersionMatch none = findVersion(appup->up, QStringLiteral("1.10"), appup->file);
    QVERIFY(!none.entry && !none.error);
    // A regular expression that does not compile is an error (systools crashes in re:run).
    const VersionMatch bad = findVersion(appup->down, QStringLiteral("1.0"), appup->file);
    QVERIFY(!bad.entry && bad.error);
    // Not a list, or an improper one without a match: an error.
    const auto odd = parseAppupTerm(parse("{\"3\", up, [{\"1\", []} | tail]}"), QString());
    QVERIFY(findVersion(odd->up, QStringLiteral("1"), QString()).error);
    QVERIFY(findVersion(odd->down, QStringLiteral("1"), QString()).entry);
    QVERIFY(findVersion(odd->down, QStringLiteral("2"), QString()).error);
}

void TestAppup::regexMatchesTheWholeVersion_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QString>("vsn");
    QTest::addColumn<bool>("matches");
    QTest::newRow("prefix") << QByteArray("1\\.0\\..*") << QStringLiteral("1.0.3") << true;
    QTest::newRow("part only") << QByteArray("1\\.0") << QStringLiteral("1.0.3") << false;
    QTest::newRow("later part") << QByteArray("0\\.3") << QStringLiteral("1.0.3") << false;
    QTest::newRow("anchored") << QByteArray("^8\\.5\\.2(?:\\.[0-9]+)*$") << QStringLiteral("8.5.2.1") << true;
    QTest::newRow("anchored, other") << QByteArray("^8\\.5$") << QStringLiteral("8.5.1") << false;
    QTest::newRow("first match is shorter") << QByteArray("1|1\\.0") << QStringLiteral("1.0") << false;
    QTest::newRow("alternation, whole") << QByteArray("1\\.0|1") << QStringLiteral("1.0") << true;
    QTest::newRow("unicode") << QByteArray("v\xc3\xa9.*") << QStringLiteral(u"vé2") << true;
}

void TestAppup::regexMatchesTheWholeVersion()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QString, vsn);
    QFETCH(bool, matches);
    QString error;
    QCOMPARE(regexVersionMatches(pattern, vsn, &error), matches);
    QVERIFY(error.isEmpty());
}

void TestAppup::buildersMakeShortForms()
{
    using namespace instr;
    auto text = [](const Term &t) { return rs::term::writeTerm(t); };
    QCOMPARE(text(loadModule(QStringLiteral("m"))), QStringLiteral("{load_module,m}"));
    QCOMPARE(text(loadModule(QStringLiteral("m"), {QStringLiteral("n")})),
             QStringLiteral("{load_module,m,[n]}"));
    QCOMPARE(text(loadModule(QStringLiteral("m"), Purge::SoftPurge, Purge::BrutalPurge, {})),
             QStringLiteral("{load_module,m,soft_purge,brutal_purge,[]}"));
    QCOMPARE(text(update(QStringLiteral("m"))), QStringLiteral("{update,m}"));
    UpdateOptions advanced;
    advanced.extra = Term::atom(QStringLiteral("x"));
    QCOMPARE(text(update(QStringLiteral("m"), advanced)), QStringLiteral("{update,m,{advanced,x}}"));
    advanced.depMods = {QStringLiteral("n")};
    QCOMPARE(text(update(QStringLiteral("m"), advanced)), QStringLiteral("{update,m,{advanced,x},[n]}"));
    UpdateOptions deps;
    deps.depMods = {QStringLiteral("n")};
    QCOMPARE(text(update(QStringLiteral("m"), deps)), QStringLiteral("{update,m,[n]}"));
    UpdateOptions purge;
    purge.prePurge = Purge::SoftPurge;
    QCOMPARE(text(update(QStringLiteral("m"), purge)),
             QStringLiteral("{update,m,soft,soft_purge,brutal_purge,[]}"));
    UpdateOptions timeout;
    timeout.timeout = Term::integer(5000);
    QCOMPARE(text(update(QStringLiteral("m"), timeout)),
             QStringLiteral("{update,m,5000,soft,brutal_purge,brutal_purge,[]}"));
    UpdateOptions isStatic;
    isStatic.modType = ModType::Static;
    QCOMPARE(text(update(QStringLiteral("m"), isStatic)),
             QStringLiteral("{update,m,static,default,soft,brutal_purge,brutal_purge,[]}"));
    QCOMPARE(text(updateSupervisor(QStringLiteral("sup"))), QStringLiteral("{update,sup,supervisor}"));
    QCOMPARE(text(addModule(QStringLiteral("m"))), QStringLiteral("{add_module,m}"));
    QCOMPARE(text(deleteModule(QStringLiteral("m"), {QStringLiteral("n")})),
             QStringLiteral("{delete_module,m,[n]}"));
    QCOMPARE(text(addApplication(QStringLiteral("a"))), QStringLiteral("{add_application,a}"));
    QCOMPARE(text(addApplication(QStringLiteral("a"), QStringLiteral("load"))),
             QStringLiteral("{add_application,a,load}"));
    QCOMPARE(text(removeApplication(QStringLiteral("a"))), QStringLiteral("{remove_application,a}"));
    QCOMPARE(text(restartApplication(QStringLiteral("a"))), QStringLiteral("{restart_application,a}"));
    QCOMPARE(text(apply(QStringLiteral("m"), QStringLiteral("f"), {Term::integer(1)})),
             QStringLiteral("{apply,{m,f,[1]}}"));
    QCOMPARE(text(restartNewEmulator()), QStringLiteral("restart_new_emulator"));
    QCOMPARE(text(restartEmulator()), QStringLiteral("restart_emulator"));
}

void TestAppup::buildersExpandAsSystools()
{
    using namespace instr;
    auto expanded = [](const Term &t) { return rs::term::writeTerm(expandInstruction(t)); };
    QCOMPARE(expanded(update(QStringLiteral("m"))),
             QStringLiteral("{update,m,soft,brutal_purge,brutal_purge,[]}"));
    QCOMPARE(expanded(updateSupervisor(QStringLiteral("s"))),
             QStringLiteral("{update,s,static,default,{advanced,[]},brutal_purge,brutal_purge,[]}"));
    UpdateOptions o;
    o.extra = Term::integer(1);
    o.depMods = {QStringLiteral("a"), QStringLiteral("b")};
    QCOMPARE(expanded(update(QStringLiteral("m"), o)),
             QStringLiteral("{update,m,{advanced,1},brutal_purge,brutal_purge,[a,b]}"));
    QCOMPARE(expanded(loadModule(QStringLiteral("m"), {QStringLiteral("n")})),
             QStringLiteral("{load_module,m,brutal_purge,brutal_purge,[n]}"));
    QCOMPARE(expanded(addApplication(QStringLiteral("a"))), QStringLiteral("{add_application,a,permanent}"));
    // Forms systools does not expand stay as they are (and are refused by its syntax check).
    QCOMPARE(expanded(parse("{update, m, static}")), QStringLiteral("{update,m,static}"));
    QCOMPARE(expanded(parse("{load_module, m, x}")), QStringLiteral("{load_module,m,x}"));
    // Positions survive expansion.
    const Term positioned = parse("{update, m}").withPosition(7, 3);
    QCOMPARE(expandInstruction(positioned).line(), 7);
}

void TestAppup::makesAppupText()
{
    using namespace instr;
    const Appup appup =
        makeAppup(QStringLiteral("2.0"),
                  {{Term::string(QStringLiteral("1.0")),
                    {addModule(QStringLiteral("new_mod")), updateSupervisor(QStringLiteral("my_sup"))}},
                   {Term::binary("0\\.9\\..*"), {restartNewEmulator()}}},
                  {{Term::string(QStringLiteral("1.0")), {deleteModule(QStringLiteral("new_mod"))}}});
    QCOMPARE(appupFileText(appup),
             QByteArray("%% coding: utf-8\n"
                        "{\"2.0\",\n"
                        " [{\"1.0\",[{add_module,new_mod},{update,my_sup,supervisor}]},\n"
                        "  {<<\"0\\\\.9\\\\..*\">>,[restart_new_emulator]}],\n"
                        " [{\"1.0\",[{delete_module,new_mod}]}]}.\n"));
    QVERIFY2(checkAppup(appup, QStringLiteral("2.0")).isEmpty(), describe(checkAppup(appup)).constData());
}

void TestAppup::checkFindsProblemsWithLines()
{
    QTemporaryDir dir;
    const QString path = writeTemp(dir, QStringLiteral("bad.appup"),
                                   "{\"2.0\",\n"                                            // 1
                                   " [{\"1.0\",\n"                                          // 2
                                   "   [{update, m, bogus},\n"                              // 3
                                   "    {load_module, n, soft_purge, sometimes, []},\n"     // 4
                                   "    {load_module, k, [ghost]},\n"                       // 5
                                   "    {suspend, [m]}]},\n"                                // 6
                                   "  not_an_entry,\n"                                      // 7
                                   "  {<<\"(\">>, []},\n"                                   // 8
                                   "  {\"1.0\", []},\n"                                     // 9
                                   "  {\"0.9\", load_module}],\n"                           // 10
                                   " [{\"1.0\", [{load_module, m}, point_of_no_return]},\n" // 11
                                   "  {\"0.9\", [point_of_no_return, point_of_no_return]}]}.\n");
    const auto appup = readAppupFile(path);
    QVERIFY2(appup, rs::test::errorOf(appup).constData());
    const rs::Findings findings = checkAppup(*appup, QStringLiteral("2.1"));
    const QByteArray all = describe(findings);
    QVERIFY2(
        hasMessage(findings, QStringLiteral("is for version 2.0, but the application is version 2.1"), 1),
        all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("Bad instruction: {update,m,bogus}"), 3), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("Bad purge method: sometimes"), 4), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("depends on ghost"), 5), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("Suspended but not resumed: [m]"), 6), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("must be {Vsn, Instructions}"), 7), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("does not compile"), 8), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("listed twice"), 9), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("must be a list"), 10), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("before point_of_no_return"), 11), all.constData());
    QVERIFY2(hasMessage(findings, QStringLiteral("Too many point_of_no_return"), 12), all.constData());
    for (const rs::Finding &f : findings)
        QCOMPARE(f.location.file, path);
}

void TestAppup::checkAcceptsAGoodAppup()
{
    QTemporaryDir dir;
    const auto appup = readAppupFile(writeTemp(dir, QStringLiteral("shop.appup"), shopAppup));
    QVERIFY(appup);
    const rs::Findings findings = checkAppup(*appup, QStringLiteral("3.0"));
    QVERIFY2(findings.isEmpty(), describe(findings).constData());
}

// The .appup files of the relup oracle's applications have no problems checkAppup can see.
void TestAppup::fixtureAppupsAreClean()
{
    const QDir fixtures(rs::test::sourcePath(QStringLiteral("tests/oracle/upgrade_apps")));
    int checked = 0;
    for (const QString &dir : fixtures.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString appVsn = dir.section(QLatin1Char('-'), 1);
        for (const QString &file :
             QDir(fixtures.filePath(dir + QStringLiteral("/ebin"))).entryList({QStringLiteral("*.appup")})) {
            const auto appup = readAppupFile(fixtures.filePath(dir + QStringLiteral("/ebin/") + file));
            QVERIFY2(appup, rs::test::errorOf(appup).constData());
            const rs::Findings findings = checkAppup(*appup, appVsn);
            QVERIFY2(findings.isEmpty(), describe(findings).constData());
            ++checked;
        }
    }
    QVERIFY(checked >= 8);
}

QTEST_GUILESS_MAIN(TestAppup)
#include "tst_appup.moc"
