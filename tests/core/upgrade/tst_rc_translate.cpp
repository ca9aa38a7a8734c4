// systools_rc's translation: the ordering rules (DepMods, suspend/resume, code_change, load order,
// load_object_code merging, emulator restarts) and the refusals, located in the .appup.
// (tst_relup_oracle compares with systools itself; these pin down the rules and the locations.)
#include "support/testdata.h"

#include "term/reader.h"
#include "term/writer.h"
#include "upgrade/rc_translate.h"

#include <QTest>

using rs::term::Term;
using namespace rs::upgrade;

namespace {

const QString appupFile = QStringLiteral("/apps/shop-2.0/ebin/shop.appup");

// The instructions of TEXT (an Erlang list), each located at its line in appupFile.
InstructionScript script(const char *text)
{
    const auto t = rs::term::parseTerm(QByteArray(text));
    InstructionScript out;
    if (!t || !t->isProperList())
        return out;
    for (const Term &i : t->elements())
        out.push_back({i, {appupFile, i.line(), i.column()}});
    return out;
}

std::vector<ApplicationModules> shopApps(const QString &vsn = QStringLiteral("2.0"))
{
    return {{QStringLiteral("kernel"),
             QStringLiteral("8.5"),
             QStringLiteral("permanent"),
             {QStringLiteral("application")}},
            {QStringLiteral("shop"),
             vsn,
             QStringLiteral("permanent"),
             {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
              QStringLiteral("e"), QStringLiteral("sup")}},
            {QStringLiteral("report"),
             QStringLiteral("1.0"),
             QStringLiteral("transient"),
             {QStringLiteral("r1"), QStringLiteral("r2")}}};
}

QString translate(Direction direction, const std::vector<InstructionScript> &scripts,
                  const std::vector<ApplicationModules> &appls = shopApps(),
                  const std::vector<ApplicationModules> &preAppls = shopApps(QStringLiteral("1.0")))
{
    const auto result = translateScripts(direction, scripts, appls, preAppls);
    if (!result)
        return QStringLiteral("ERROR ") + result.error().toString();
    QStringList lines;
    for (const Term &t : *result)
        lines << rs::term::writeTerm(t);
    return lines.join(QLatin1Char('\n'));
}

QString up(const char *text)
{
    return translate(Direction::Up, {script(text)});
}

// Downgrading, the applications are the old release's and the previous ones the new release's.
QString down(const char *text)
{
    return translate(Direction::Down, {script(text)}, shopApps(QStringLiteral("1.0")), shopApps());
}

QString lines(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestRcTranslate : public QObject
{
    Q_OBJECT

private slots:
    void updateWithDepModsUp();
    void updateWithDepModsDown();
    void cyclesKeepWrittenOrder();
    void openOrderKeepsWrittenOrder();
    void applicationInstructions();
    void emulatorRestarts();
    void mergesLoadObjectCode();
    void mergesScriptsOfSeveralApplications();
    void refusals_data();
    void refusals();
    void checkScriptReportsEveryProblem();
};

void TestRcTranslate::updateWithDepModsUp()
{
    // a depends on b, b on c: suspended a, b (dependents first), loaded c, b, a (dependencies
    // first), resumed in reverse.
    QCOMPARE(
        up("[{update, a, {advanced, x}, [b]}, {update, b, [c]}, {load_module, c},\n"
           " {update, sup, supervisor}, {apply, {m, f, []}}]"),
        lines({"{load_object_code,{shop,[50,46,48],[a,b,c,sup]}}", "point_of_no_return", "{suspend,[a,b]}",
               "{load,{c,brutal_purge,brutal_purge}}", "{load,{b,brutal_purge,brutal_purge}}",
               "{load,{a,brutal_purge,brutal_purge}}", "{code_change,up,[{a,x}]}", "{resume,[b,a]}",
               "{suspend,[sup]}", "{load,{sup,brutal_purge,brutal_purge}}", "{code_change,up,[{sup,[]}]}",
               "{resume,[sup]}", "{apply,{m,f,[]}}"}));
    // Timeouts go into suspend; purge methods into load.
    QCOMPARE(up("[{update, a, 3000, soft, soft_purge, brutal_purge, []}]"),
             lines({"{load_object_code,{shop,[50,46,48],[a]}}", "point_of_no_return", "{suspend,[{a,3000}]}",
                    "{load,{a,soft_purge,brutal_purge}}", "{resume,[a]}"}));
}

void TestRcTranslate::updateWithDepModsDown()
{
    // Down: code_change of dynamic modules before loading, of static ones after; loaded in the
    // order of dependency.
    QCOMPARE(down("[{update, a, {advanced, x}, [b]},\n"
                  " {update, b, static, default, {advanced, y}, brutal_purge, brutal_purge, []},\n"
                  " {delete_module, c}]"),
             lines({"{load_object_code,{shop,[49,46,48],[a,b]}}", "point_of_no_return", "{suspend,[a,b]}",
                    "{code_change,down,[{a,x}]}", "{load,{a,brutal_purge,brutal_purge}}",
                    "{load,{b,brutal_purge,brutal_purge}}", "{code_change,down,[{b,y}]}", "{resume,[b,a]}",
                    "{remove,{c,brutal_purge,brutal_purge}}", "{purge,[c]}"}));
}

void TestRcTranslate::cyclesKeepWrittenOrder()
{
    // a -> b -> c -> a is one strong component: its instructions keep the order they were written in;
    // d depends on it, so d comes first.
    QCOMPARE(up("[{update, b, [c]}, {update, a, [b]}, {update, c, [a]}, {update, d, [a]}]"),
             lines({"{load_object_code,{shop,[50,46,48],[d,b,a,c]}}", "point_of_no_return",
                    "{suspend,[d,b,a,c]}", "{load,{c,brutal_purge,brutal_purge}}",
                    "{load,{a,brutal_purge,brutal_purge}}", "{load,{b,brutal_purge,brutal_purge}}",
                    "{load,{d,brutal_purge,brutal_purge}}", "{resume,[c,a,b,d]}"}));
}

void TestRcTranslate::openOrderKeepsWrittenOrder()
{
    // b and a both depend on c and not on each other: systools' order depends on its VM's atom
    // table; ours is the written one.
    QCOMPARE(up("[{update, b, [c]}, {update, a, [c]}, {load_module, c}]"),
             lines({"{load_object_code,{shop,[50,46,48],[b,a,c]}}", "point_of_no_return", "{suspend,[b,a]}",
                    "{load,{c,brutal_purge,brutal_purge}}", "{load,{a,brutal_purge,brutal_purge}}",
                    "{load,{b,brutal_purge,brutal_purge}}", "{resume,[a,b]}"}));
}

void TestRcTranslate::applicationInstructions()
{
    auto appls = shopApps();
    auto pre = shopApps(QStringLiteral("1.0"));
    pre.push_back(
        {QStringLiteral("old"), QStringLiteral("0.1"), QStringLiteral("permanent"), {QStringLiteral("o1")}});
    appls.push_back(
        {QStringLiteral("new"), QStringLiteral("1.0"), QStringLiteral("temporary"), {QStringLiteral("n1")}});
    const QString result =
        translate(Direction::Up,
                  {script("[{add_application, new, load}]"), script("[{restart_application, report}]"),
                   script("[{remove_application, old}]")},
                  appls, pre);
    QCOMPARE(result, lines({"{load_object_code,{new,[49,46,48],[n1]}}",
                            "{load_object_code,{report,[49,46,48],[r1,r2]}}", "point_of_no_return",
                            "{load,{n1,brutal_purge,brutal_purge}}", "{apply,{application,load,[new]}}",
                            "{apply,{application,stop,[report]}}", "{remove,{r1,brutal_purge,brutal_purge}}",
                            "{remove,{r2,brutal_purge,brutal_purge}}", "{purge,[r1,r2]}",
                            "{load,{r1,brutal_purge,brutal_purge}}", "{load,{r2,brutal_purge,brutal_purge}}",
                            "{apply,{application,start,[report,transient]}}",
                            "{apply,{application,stop,[old]}}", "{remove,{o1,brutal_purge,brutal_purge}}",
                            "{purge,[o1]}", "{apply,{application,unload,[old]}}"}));
}

void TestRcTranslate::emulatorRestarts()
{
    // Up: restart_new_emulator first of all; one restart_emulator, last.
    QCOMPARE(up("[restart_emulator, {load_module, a}, restart_new_emulator, restart_emulator]"),
             lines({"restart_new_emulator", "{load_object_code,{shop,[50,46,48],[a]}}", "point_of_no_return",
                    "{load,{a,brutal_purge,brutal_purge}}", "restart_emulator"}));
    // Down: restart_new_emulator becomes a restart_emulator at the end.
    QCOMPARE(down("[restart_new_emulator, {load_module, a}]"),
             lines({"{load_object_code,{shop,[49,46,48],[a]}}", "point_of_no_return",
                    "{load,{a,brutal_purge,brutal_purge}}", "restart_emulator"}));
}

void TestRcTranslate::mergesLoadObjectCode()
{
    // One load_object_code per application, modules in order, written ones first; applies stay
    // before point_of_no_return, after the load_object_code instructions.
    QCOMPARE(up("[{apply, {m, f, []}}, {load_object_code, {shop, \"2.0\", [e, a]}},\n"
                " {load_object_code, {report, \"1.0\", [r1]}}, point_of_no_return,\n"
                " {load_module, a}, {load_module, r2}, {load_module, b}]"),
             lines({"{load_object_code,{shop,[50,46,48],[e,a,b]}}",
                    "{load_object_code,{report,[49,46,48],[r1,r2]}}", "{apply,{m,f,[]}}",
                    "point_of_no_return", "{load,{a,brutal_purge,brutal_purge}}",
                    "{load,{r2,brutal_purge,brutal_purge}}", "{load,{b,brutal_purge,brutal_purge}}"}));
}

void TestRcTranslate::mergesScriptsOfSeveralApplications()
{
    // Each script's part before its point_of_no_return goes before the merged one; DepMods may
    // name modules of another script.
    const QString result =
        translate(Direction::Up, {script("[{apply, {x, y, []}}, point_of_no_return, {load_module, a, [r1]}]"),
                                  script("[{load_module, r1}]")});
    QCOMPARE(result,
             lines({"{load_object_code,{shop,[50,46,48],[a]}}", "{load_object_code,{report,[49,46,48],[r1]}}",
                    "{apply,{x,y,[]}}", "point_of_no_return", "{load,{r1,brutal_purge,brutal_purge}}",
                    "{load,{a,brutal_purge,brutal_purge}}"}));
}

void TestRcTranslate::refusals_data()
{
    QTest::addColumn<QString>("instructions");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    auto row = [](const char *name, const char *text, const char *message, int line) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(message) << line;
    };
    row("bad instruction", "[{load_module, a},\n {update, b, sometimes}]",
        "Bad instruction: {update,b,sometimes}", 2);
    row("bad module", "[\n{load_module, \"a\"}]", "Bad module: \"a\"", 2);
    row("bad purge", "[{load_module, a, hard, brutal_purge, []}]", "Bad purge method: hard", 1);
    row("bad timeout", "[{update, a, -1, soft, brutal_purge, brutal_purge, []}]", "Bad timeout: -1", 1);
    row("bad list", "[{update, a, soft, brutal_purge, brutal_purge, b}]", "Bad list: b", 1);
    row("bad code_change", "[{code_change, up, [a]}]", "Bad code_change: a", 1);
    row("bad mode", "[{code_change, sideways, []}]", "Bad mode: sideways", 1);
    row("bad start type", "[{add_application, report, always}]", "Bad start type: always", 1);
    row("bad args", "[{apply, {m, f, x}}]", "Bad argument list: x", 1);
    row("bad node", "[{sync_nodes, id, [\"n\"]}]", "Bad node", 1);
    row("bad library version", "[{load_object_code, {shop, v2, [a]}}, point_of_no_return]",
        "Bad library version: v2", 1);
    row("mnesia_backup", "[\nmnesia_backup]", "mnesia_backup is not implemented", 2);
    row("undefined DepMod", "[{load_module, a},\n {update, b, [a, zz]}]", "Undefined module: zz", 2);
    row("two instructions for a module", "[{load_module, a},\n {update, a}]", "Multiply defined module: a",
        2);
    row("no application has the module", "[\n\n{load_module, nowhere}]", "No such module: nowhere", 3);
    row("bad op before point_of_no_return", "[{load_module, a},\n point_of_no_return]",
        "Bad instruction {load_module,a,brutal_purge,brutal_purge,[]} before point_of_no_return", 1);
    row("too many point_of_no_return", "[point_of_no_return,\n point_of_no_return]",
        "Too many point_of_no_return", 2);
    row("suspended, not resumed", "[{suspend, [a]},\n {suspend, [{b, 10}]}, {resume, [a]}]",
        "Suspended but not resumed: [b]", 2);
    row("resumed, not suspended", "[{resume, [a]}]", "Resumed but not suspended: [a]", 1);
    row("started, not stopped", "[{start, [a]}]", "Started but not stopped: [a]", 1);
    row("stopped, not started", "[{stop, [a]}]", "Stopped but not started: [a]", 1);
    row("load without load_object_code", "[{load, {a, brutal_purge, brutal_purge}}]",
        "No load_object_code found for module: a", 1);
    row("remove_application of a present one", "[{remove_application, report}]",
        "Removed application present: report", 1);
    row("add_application of an unknown one", "[{add_application, nope}]",
        "Started undefined application: nope", 1);
    row("restart_application of an unknown one", "[{restart_application, nope}]",
        "Started undefined application: nope", 1);
    row("conflicting versions",
        "[{load_object_code, {shop, \"1.0\", [a]}}, point_of_no_return,\n {load_module, b}]",
        "Conflicting versions for shop, 1.0 and 2.0", 1);
    row("improper list in the script", "[[{load_module, a} | tail]]", "improper list", 1);
}

void TestRcTranslate::refusals()
{
    QFETCH(QString, instructions);
    QFETCH(QString, message);
    QFETCH(int, line);
    const InstructionScript s = script(instructions.toUtf8().constData());
    QVERIFY(!s.empty());
    const auto result = translateScripts(Direction::Up, {s}, shopApps(), shopApps(QStringLiteral("1.0")));
    QVERIFY2(!result, "translated");
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().toString()));
    QCOMPARE(result.error().location.file, appupFile);
    QCOMPARE(result.error().location.line, line);
}

void TestRcTranslate::checkScriptReportsEveryProblem()
{
    const rs::Findings findings = checkScript(script("[{update, a, bogus},\n"
                                                     " {load_module, b, x, y, []},\n"
                                                     " {load_module, c},\n"
                                                     " {suspend, [c]},\n"
                                                     " {update, c}]"));
    QStringList messages;
    for (const rs::Finding &f : findings)
        messages << QStringLiteral("%1: %2").arg(f.location.line).arg(f.message);
    QCOMPARE(messages.size(), 3);
    QVERIFY2(messages[0].startsWith(QStringLiteral("1: Bad instruction")), qPrintable(messages.join(u'\n')));
    QVERIFY2(messages[1].startsWith(QStringLiteral("2: Bad purge method: x")),
             qPrintable(messages.join(u'\n')));
    QVERIFY2(messages[2].startsWith(QStringLiteral("4: Suspended but not resumed")),
             qPrintable(messages.join(u'\n')));
    QVERIFY(checkScript(script("[{update, a, [b]}, {load_module, b}, point_of_no_return]")).size() == 1);
    QVERIFY(checkScript(script("[{update, a, [b]}, {load_module, b}]")).isEmpty());
}

QTEST_GUILESS_MAIN(TestRcTranslate)
#include "tst_rc_translate.moc"
