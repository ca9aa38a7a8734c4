// End to end: relstudio-cli's upgrade commands as scripts use them, on the hotup application of
// tests/e2e/hot_upgrade compiled here: `appup` (stdout and --out), `check-appup` (text and
// --json), `relup` (--from, --down, --out, warnings, a missing .appup), --help of each, and the
// exit codes: 0 success, 1 the input is wrong, 2 usage error.
#include "hot_upgrade/hotup_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using rs::test::runCli;

namespace {

const QByteArray expectedAppup =
    "%% coding: utf-8\n"
    "{\"2.0\",\n"
    " [{\"1.0\",\n"
    "   [{add_module,hotup_fmt},{update,hotup_server,{advanced,[]},[hotup_fmt]}]}],\n"
    " [{\"1.0\",\n"
    "   [{update,hotup_server,{advanced,[]},[hotup_fmt]},\n"
    "    {delete_module,hotup_fmt}]}]}.\n";

} // namespace

class TestCliUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void appupToStdout();
    void appupToFile();
    void appupFailures();
    void checkAppupClean();
    void checkAppupProblems();
    void relup();
    void relupDownAndWarnings();
    void relupFailures();

private:
    QString tmp(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

    QTemporaryDir m_dir;
    rs::test::Hotup m_hotup;
};

void TestCliUpgrade::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(rs::test::cliPath()).isExecutable(), "relstudio-cli is not built");
    const QString error = rs::test::buildHotup(m_dir.path(), m_hotup);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCliUpgrade::help_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("appup") << QStringLiteral("appup")
                           << QStringList{QStringLiteral("--from"), QStringLiteral("--to"),
                                          QStringLiteral("--out")};
    QTest::newRow("check-appup") << QStringLiteral("check-appup")
                                 << QStringList{QStringLiteral("APPUP"), QStringLiteral("--from"),
                                                QStringLiteral("--to"), QStringLiteral("--json")};
    QTest::newRow("relup") << QStringLiteral("relup")
                           << QStringList{QStringLiteral("NEW_REL"),    QStringLiteral("--from"),
                                          QStringLiteral("--down"),     QStringLiteral("--lib-dir"),
                                          QStringLiteral("--otp-root"), QStringLiteral("--out"),
                                          QStringLiteral("--check")};
}

void TestCliUpgrade::help()
{
    QFETCH(QString, command);
    QFETCH(QStringList, mentions);
    const auto run = runCli({command, QStringLiteral("--help")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString text = QString::fromUtf8(run.out);
    for (const QString &m : mentions)
        QVERIFY2(text.contains(m), qPrintable(m + QStringLiteral(" not in:\n") + text));
    // The command list names it.
    const auto list = runCli({QStringLiteral("--help")});
    QVERIFY(QString::fromUtf8(list.out).contains(QStringLiteral("  ") + command + QLatin1Char(' ')));
}

void TestCliUpgrade::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString a1 = QStringLiteral("@APP1@");
    const QString a2 = QStringLiteral("@APP2@");
    auto row = [](const char *name, std::initializer_list<QString> args) {
        QTest::newRow(name) << QStringList(args);
    };
    row("appup without --to", {QStringLiteral("appup"), QStringLiteral("--from"), a1});
    row("appup without options", {QStringLiteral("appup")});
    row("appup with an argument", {QStringLiteral("appup"), QStringLiteral("--from"), a1,
                                   QStringLiteral("--to"), a2, QStringLiteral("extra")});
    row("appup unknown option", {QStringLiteral("appup"), QStringLiteral("--from"), a1,
                                 QStringLiteral("--to"), a2, QStringLiteral("--bogus")});
    row("check-appup without APPUP",
        {QStringLiteral("check-appup"), QStringLiteral("--from"), a1, QStringLiteral("--to"), a2});
    row("check-appup without --from",
        {QStringLiteral("check-appup"), QStringLiteral("x.appup"), QStringLiteral("--to"), a2});
    row("relup without --from", {QStringLiteral("relup"), QStringLiteral("@REL2@")});
    row("relup without NEW_REL",
        {QStringLiteral("relup"), QStringLiteral("--from"), QStringLiteral("@REL1@")});
    row("relup with two NEW_REL",
        {QStringLiteral("relup"), QStringLiteral("@REL2@"), QStringLiteral("@REL1@"),
         QStringLiteral("--from"), QStringLiteral("@REL1@")});
}

void TestCliUpgrade::usageErrors()
{
    QFETCH(QStringList, args);
    for (QString &a : args) {
        a.replace(QStringLiteral("@APP1@"), m_hotup.app("1.0"))
            .replace(QStringLiteral("@APP2@"), m_hotup.app("2.0"))
            .replace(QStringLiteral("@REL1@"), m_hotup.rel("1"))
            .replace(QStringLiteral("@REL2@"), m_hotup.rel("2"));
    }
    const auto run = runCli(args);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY(!run.err.isEmpty());
}

void TestCliUpgrade::appupToStdout()
{
    const auto run = runCli({QStringLiteral("appup"), QStringLiteral("--from"), m_hotup.app("1.0"),
                             QStringLiteral("--to"), m_hotup.app("2.0")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, expectedAppup);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    // The ebin directories themselves work too.
    const auto ebins = runCli({QStringLiteral("appup"), QStringLiteral("--from"),
                               m_hotup.app("1.0") + QStringLiteral("/ebin"), QStringLiteral("--to"),
                               m_hotup.app("2.0") + QStringLiteral("/ebin")});
    QVERIFY2(ebins.exitCode == 0, qPrintable(ebins.describe()));
    QCOMPARE(ebins.out, expectedAppup);
}

void TestCliUpgrade::appupToFile()
{
    const QString file = tmp(QStringLiteral("out/hotup.appup"));
    QDir().mkpath(tmp(QStringLiteral("out")));
    const auto run = runCli({QStringLiteral("appup"), QStringLiteral("--from"), m_hotup.app("1.0"),
                             QStringLiteral("--to"), m_hotup.app("2.0"), QStringLiteral("--out"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(rs::test::readWholeFile(file), expectedAppup);
    QVERIFY2(run.out.startsWith(
                 QByteArray("wrote " + file.toUtf8() + " (hotup 1.0 -> 2.0: 1 added, 1 changed, 0 deleted)")),
             run.out.constData());
    // The reverse direction: the added module is deleted.
    const auto back = runCli({QStringLiteral("appup"), QStringLiteral("--from"), m_hotup.app("2.0"),
                              QStringLiteral("--to"), m_hotup.app("1.0")});
    QVERIFY2(back.exitCode == 0, qPrintable(back.describe()));
    QVERIFY2(back.out.startsWith("%% coding: utf-8\n{\"1.0\",\n [{\"2.0\",") &&
                 back.out.contains("{update,hotup_server,{advanced,[]}},{delete_module,hotup_fmt}") &&
                 back.out.contains("{add_module,hotup_fmt},{update,hotup_server,{advanced,[]}}"),
             back.out.constData());
}

void TestCliUpgrade::appupFailures()
{
    const auto missing = runCli({QStringLiteral("appup"), QStringLiteral("--from"),
                                 tmp(QStringLiteral("nowhere")), QStringLiteral("--to"), m_hotup.app("2.0")});
    QVERIFY2(missing.exitCode == 1, qPrintable(missing.describe()));
    QVERIFY2(missing.err.contains("no such directory"), missing.err.constData());
    QVERIFY(missing.out.isEmpty());
    // Another application.
    const QString other = tmp(QStringLiteral("other/ebin"));
    QVERIFY(rs::test::writeWholeFile(
        other + QStringLiteral("/other.app"),
        "{application, other, [{description, \"x\"}, {vsn, \"1\"}, {modules, []}, {registered, []}, "
        "{applications, [kernel, stdlib]}]}.\n"));
    const auto different = runCli({QStringLiteral("appup"), QStringLiteral("--from"), m_hotup.app("1.0"),
                                   QStringLiteral("--to"), tmp(QStringLiteral("other"))});
    QVERIFY2(different.exitCode == 1, qPrintable(different.describe()));
    QVERIFY2(different.err.contains("different applications: hotup and other"), different.err.constData());
    // The same version twice: a warning on stderr, the appup on stdout.
    const auto same = runCli({QStringLiteral("appup"), QStringLiteral("--from"), m_hotup.app("2.0"),
                              QStringLiteral("--to"), m_hotup.app("2.0")});
    QVERIFY2(same.exitCode == 0, qPrintable(same.describe()));
    QVERIFY2(same.err.contains("warning: both versions of hotup are 2.0"), same.err.constData());
    QVERIFY(same.out.contains("{\"2.0\",[{\"2.0\",[]}],[{\"2.0\",[]}]}."));
}

void TestCliUpgrade::checkAppupClean()
{
    const QString file = tmp(QStringLiteral("clean/hotup.appup"));
    QVERIFY(rs::test::writeWholeFile(file, expectedAppup));
    const QStringList args = {QStringLiteral("check-appup"), file,
                              QStringLiteral("--from"),      m_hotup.app("1.0"),
                              QStringLiteral("--to"),        m_hotup.app("2.0")};
    const auto run = runCli(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out), file + QStringLiteral(": no problems found\n"));
    const auto json = runCli(args + QStringList{QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonDocument doc = QJsonDocument::fromJson(json.out);
    QVERIFY(doc.isArray());
    QVERIFY(doc.array().isEmpty());
}

void TestCliUpgrade::checkAppupProblems()
{
    // Line 2: the changed hotup_server is not covered and hotup_fmt not added; line 3: an unchanged
    // module; line 4: a module of neither version; line 5: no down-to entry for 1.0.
    const QByteArray text = "{\"2.0\",\n"
                            " [{\"1.0\",\n"
                            "   [{load_module, hotup_sup},\n"
                            "    {update, hotup_gone, {advanced, []}}]}],\n"
                            " [{\"0.9\", []}]}.\n";
    const QString file = tmp(QStringLiteral("bad/hotup.appup"));
    QVERIFY(rs::test::writeWholeFile(file, text));
    const QStringList args = {QStringLiteral("check-appup"), file,
                              QStringLiteral("--from"),      m_hotup.app("1.0"),
                              QStringLiteral("--to"),        m_hotup.app("2.0")};
    const auto run = runCli(args);
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    for (const QString &expected : QStringList{
             file + QStringLiteral(":2:3: error: module hotup_server changed between 1.0 and 2.0"),
             file + QStringLiteral(":2:3: error: module hotup_fmt is in hotup 2.0 but not in 1.0"),
             file + QStringLiteral(":3:5: warning: module hotup_sup did not change"),
             file + QStringLiteral(":4:5: error: hotup_gone is a module of neither hotup 1.0 nor hotup 2.0"),
             file + QStringLiteral(":5:2: error: no down-to entry matches hotup 1.0")}) {
        QVERIFY2(out.contains(expected), qPrintable(expected + QStringLiteral("\nnot in:\n") + out));
    }
    const auto json = runCli(args + QStringList{QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 1, qPrintable(json.describe()));
    const QJsonArray array = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(array.size(), 5);
    const QJsonObject first = array.at(0).toObject();
    QVERIFY(first.value(QStringLiteral("file")).toString().endsWith(QStringLiteral("hotup.appup")));
    QVERIFY(first.value(QStringLiteral("line")).toInt() > 0);
    QVERIFY(!first.value(QStringLiteral("severity")).toString().isEmpty());
    // An .appup that cannot be read.
    const auto unreadable =
        runCli({QStringLiteral("check-appup"), tmp(QStringLiteral("none.appup")), QStringLiteral("--from"),
                m_hotup.app("1.0"), QStringLiteral("--to"), m_hotup.app("2.0")});
    QVERIFY2(unreadable.exitCode == 1, qPrintable(unreadable.describe()));
}

void TestCliUpgrade::relup()
{
    // The appup Relstudio generates, in the new version's ebin where systools looks for it.
    const QString appup = m_hotup.app("2.0") + QStringLiteral("/ebin/hotup.appup");
    QVERIFY(rs::test::writeWholeFile(appup, expectedAppup));
    const QString outDir = tmp(QStringLiteral("relup-out"));
    QDir().mkpath(outDir);
    const auto run =
        runCli({QStringLiteral("relup"), m_hotup.rel("2"), QStringLiteral("--from"), m_hotup.rel("1"),
                QStringLiteral("--lib-dir"), m_hotup.lib, QStringLiteral("--out"), outDir});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(
        run.out.startsWith(QByteArray("wrote " + outDir.toUtf8() + "/relup (hotup 2: up from 1, down to 1)")),
        run.out.constData());
    const QByteArray relup = rs::test::readWholeFile(outDir + QStringLiteral("/relup"));
    QVERIFY2(
        relup.startsWith("%% coding: utf-8\n{\"2\",\n [{\"1\",[],\n   [{load_object_code,{hotup,\"2.0\","),
        relup.constData());
    QVERIFY(relup.contains("{code_change,up,[{hotup_server,[]}]}"));
    QVERIFY(relup.contains("{code_change,down,[{hotup_server,[]}]}"));
    // Default output: next to NEW_REL; releases named without .rel as systools names them.
    QString noExt = m_hotup.rel("2");
    noExt.chop(4);
    const auto byName =
        runCli({QStringLiteral("relup"), noExt, QStringLiteral("--from"),
                m_hotup.rels + QStringLiteral("/hotup-1"), QStringLiteral("--lib-dir"), m_hotup.lib});
    QVERIFY2(byName.exitCode == 0, qPrintable(byName.describe()));
    QCOMPARE(rs::test::readWholeFile(m_hotup.rels + QStringLiteral("/relup")), relup);
    // What systools writes for the same inputs.
    const QString erlOut = tmp(QStringLiteral("relup-erl"));
    QDir().mkpath(erlOut);
    const auto erl = rs::test::evalErl(
        QStringLiteral(
            "case systools:make_relup(\"%1\", [\"%2\"], [\"%2\"], [silent, {path, [\"%3/*/ebin\"]}, "
            "{outdir, \"%4\"}]) of {ok, _, _, []} -> ok; Other -> io:format(\"~p~n\", [Other]), halt(1) end")
            .arg(noExt, m_hotup.rels + QStringLiteral("/hotup-1"), m_hotup.lib, erlOut));
    QVERIFY2(erl.ok(), qPrintable(erl.describe()));
    QCOMPARE(rs::test::readWholeFile(erlOut + QStringLiteral("/relup")), relup);
}

void TestCliUpgrade::relupDownAndWarnings()
{
    QVERIFY(
        rs::test::writeWholeFile(m_hotup.app("2.0") + QStringLiteral("/ebin/hotup.appup"), expectedAppup));
    // Release 1 on another ERTS: systools' warning, on stderr; the relup is written.
    const QString olderErts = m_hotup.writeRel(QStringLiteral("hotup-1e.rel"), QStringLiteral("1e"),
                                               QStringLiteral("1.0"), QStringLiteral("12.3"));
    QVERIFY(!olderErts.isEmpty());
    const QString outDir = tmp(QStringLiteral("relup-warn"));
    QDir().mkpath(outDir);
    const QStringList args = {
        QStringLiteral("relup"),     m_hotup.rel("2"), QStringLiteral("--from"), m_hotup.rel("1"),
        QStringLiteral("--from"),    olderErts,        QStringLiteral("--down"), m_hotup.rel("1"),
        QStringLiteral("--lib-dir"), m_hotup.lib,      QStringLiteral("--out"),  outDir};
    const auto run = runCli(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("warning:") && run.err.contains("ERTS"), qPrintable(run.describe()));
    QVERIFY2(run.out.contains("(hotup 2: up from 2, down to 1)"), run.out.constData());
    const QByteArray relup = rs::test::readWholeFile(outDir + QStringLiteral("/relup"));
    QVERIFY2(relup.contains("{\"1e\",[],") && relup.contains("restart_new_emulator"), relup.constData());
    // --warnings-as-errors makes the warning fail the command, and nothing is written.
    const QString strictDir = tmp(QStringLiteral("relup-strict"));
    QDir().mkpath(strictDir);
    QStringList strict = args;
    strict.replace(strict.size() - 1, strictDir);
    strict << QStringLiteral("--warnings-as-errors");
    const auto failed = runCli(strict);
    QVERIFY2(failed.exitCode == 1, qPrintable(failed.describe()));
    QVERIFY(!QFileInfo::exists(strictDir + QStringLiteral("/relup")));
}

void TestCliUpgrade::relupFailures()
{
    const QString appup = m_hotup.app("2.0") + QStringLiteral("/ebin/hotup.appup");
    QFile::remove(appup);
    const QString outDir = tmp(QStringLiteral("relup-fail"));
    QDir().mkpath(outDir);
    // No .appup for hotup 2.0.
    const auto noAppup =
        runCli({QStringLiteral("relup"), m_hotup.rel("2"), QStringLiteral("--from"), m_hotup.rel("1"),
                QStringLiteral("--lib-dir"), m_hotup.lib, QStringLiteral("--out"), outDir});
    QVERIFY2(noAppup.exitCode == 1, qPrintable(noAppup.describe()));
    QVERIFY2(noAppup.err.contains("hotup.appup"), noAppup.err.constData());
    QVERIFY(!QFileInfo::exists(outDir + QStringLiteral("/relup")));
    QVERIFY(rs::test::writeWholeFile(appup, expectedAppup));
    // A release that does not exist, one that does not resolve.
    const auto missing = runCli({QStringLiteral("relup"), m_hotup.rel("2"), QStringLiteral("--from"),
                                 tmp(QStringLiteral("nope.rel")), QStringLiteral("--lib-dir"), m_hotup.lib});
    QVERIFY2(missing.exitCode == 1, qPrintable(missing.describe()));
    QVERIFY2(missing.err.contains("nope.rel"), missing.err.constData());
    const QString unknown =
        m_hotup.writeRel(QStringLiteral("hotup-9.rel"), QStringLiteral("9"), QStringLiteral("9.9"));
    const auto unresolved = runCli({QStringLiteral("relup"), m_hotup.rel("2"), QStringLiteral("--from"),
                                    unknown, QStringLiteral("--lib-dir"), m_hotup.lib});
    QVERIFY2(unresolved.exitCode == 1, qPrintable(unresolved.describe()));
    QVERIFY2(unresolved.err.contains("hotup"), unresolved.err.constData());
    // --check lints the .appup of each changing application first: an error stops the command.
    QVERIFY(rs::test::writeWholeFile(appup, "{\"2.0\", [{\"1.0\", [{add_module, hotup_fmt}]}],\n"
                                            " [{\"1.0\", [{delete_module, hotup_fmt}]}]}.\n"));
    const QStringList checkArgs = {
        QStringLiteral("relup"),     m_hotup.rel("2"), QStringLiteral("--from"), m_hotup.rel("1"),
        QStringLiteral("--lib-dir"), m_hotup.lib,      QStringLiteral("--out"),  outDir,
        QStringLiteral("--check")};
    const auto checked = runCli(checkArgs);
    QVERIFY2(checked.exitCode == 1, qPrintable(checked.describe()));
    QVERIFY2(checked.err.contains("hotup.appup:1:10: error: module hotup_server changed between 1.0 and 2.0"),
             checked.err.constData());
    QVERIFY(!QFileInfo::exists(outDir + QStringLiteral("/relup")));
    // Without --check systools' rules alone apply: the incomplete .appup makes a relup.
    const auto unchecked = runCli(checkArgs.mid(0, checkArgs.size() - 1));
    QVERIFY2(unchecked.exitCode == 0, qPrintable(unchecked.describe()));
    QVERIFY(rs::test::writeWholeFile(appup, expectedAppup));
    const auto clean = runCli(checkArgs);
    QVERIFY2(clean.exitCode == 0, qPrintable(clean.describe()));
    QVERIFY2(clean.err.isEmpty(), clean.err.constData());
    // A --lib-dir that does not exist.
    const auto badLib = runCli({QStringLiteral("relup"), m_hotup.rel("2"), QStringLiteral("--from"),
                                m_hotup.rel("1"), QStringLiteral("--lib-dir"), tmp(QStringLiteral("nolib"))});
    QVERIFY2(badLib.exitCode == 1, qPrintable(badLib.describe()));
}

QTEST_GUILESS_MAIN(TestCliUpgrade)
#include "tst_cli_upgrade.moc"
