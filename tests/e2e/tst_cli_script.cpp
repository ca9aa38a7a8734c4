// End to end: relstudio-cli's release commands as scripts use them: exit codes (0 success, 1 the
// input is wrong, 2 usage error), --help of every command, the shape of `check --json`, and
// `new-rel` writing a .rel that both `relstudio-cli script` and systools accept.
#include "support/oracle.h"
#include "support/process.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString cliPath = QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli");
const QString examplesLib = QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR);
const QString brokenLib = QStringLiteral(RELSTUDIO_BROKEN_LIB_DIR);

using CliRun = rs::test::ProcessRun;

CliRun runCli(const QStringList &args, const QString &workingDirectory = QDir::tempPath())
{
    QProcess process;
    process.setProgram(cliPath);
    process.setArguments(args);
    process.setWorkingDirectory(workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    CliRun run;
    if (!process.waitForStarted()) {
        run.err = "could not start " + cliPath.toUtf8();
        return run;
    }
    if (!process.waitForFinished(300000)) {
        process.kill();
        process.waitForFinished();
        run.err = "relstudio-cli timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString shopRel()
{
    return rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel"));
}

QString testRel(const char *name)
{
    return rs::test::sourcePath(QStringLiteral("tests/oracle/releases/%1.rel").arg(QLatin1String(name)));
}

// Replaces @EX@ (the example lib dir), @BROKEN@ (the broken lib dir), @SHOP@ (the example
// release), @REL:name@ (a release of tests/oracle/releases) and @TMP@ (a fresh directory).
QStringList expand(const QStringList &args, const QString &tmp)
{
    static const QRegularExpression relToken(QStringLiteral("@REL:([a-z_0-9]+)@"));
    QStringList result;
    for (QString arg : args) {
        arg.replace(QLatin1String("@EX@"), examplesLib)
            .replace(QLatin1String("@BROKEN@"), brokenLib)
            .replace(QLatin1String("@SHOP@"), shopRel())
            .replace(QLatin1String("@TMP@"), tmp);
        const QRegularExpressionMatch m = relToken.match(arg);
        if (m.hasMatch())
            arg.replace(m.capturedStart(), m.capturedLength(), testRel(m.captured(1).toLatin1().constData()));
        result << arg;
    }
    return result;
}

// The release of a .rel as script_oracle's rel_summary prints it.
struct RelSummary
{
    QString name, vsn, erts;
    QMap<QString, QString> versions; // application -> version
    QStringList order;
};

RelSummary summarize(const QString &relFile, QString *error)
{
    const rs::test::ErlRun run =
        rs::test::runErlModule(QStringLiteral("script_oracle"), {QStringLiteral("rel_summary"), relFile});
    RelSummary summary;
    if (!run.ok()) {
        *error = run.describe();
        return summary;
    }
    for (const QString &line : QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.value(0) == QLatin1String("release")) {
            summary.name = f.value(1);
            summary.vsn = f.value(2);
        } else if (f.value(0) == QLatin1String("erts")) {
            summary.erts = f.value(1);
        } else if (f.value(0) == QLatin1String("app")) {
            summary.versions.insert(f.value(1), f.value(2));
            summary.order << f.value(1);
        }
    }
    return summary;
}

// The versions of the installed OTP: erts and the applications given.
QMap<QString, QString> installedVersions(const QStringList &apps)
{
    const rs::test::ErlRun run =
        rs::test::evalErl(QStringLiteral("io:format(\"erts ~s~n\", [erlang:system_info(version)]),"
                                         "[begin application:load(A), {ok, V} = application:get_key(A, vsn),"
                                         " io:format(\"~s ~s~n\", [A, V]) end || A <- [%1]]")
                              .arg(apps.join(QLatin1Char(','))));
    QMap<QString, QString> versions;
    for (const QString &line : QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        versions.insert(line.section(QLatin1Char(' '), 0, 0), line.section(QLatin1Char(' '), 1));
    return versions;
}

} // namespace

class TestCliScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void help_data();
    void help();
    void checkJson_data();
    void checkJson();
    void newRelAcceptedByScriptAndSystools_data();
    void newRelAcceptedByScriptAndSystools();
};

void TestCliScript::initTestCase()
{
    const QString missing = rs::test::missingBuildOutputs(cliPath, examplesLib);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY2(QFile::exists(brokenLib + QStringLiteral("/shop_core-0.9.0/ebin/shop_core.app")),
             "the broken applications are not built (target oracle_broken_apps)");
}

void TestCliScript::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    auto l = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *i : items)
            list << QString::fromUtf8(i);
        return list;
    };

    QTest::newRow("no command") << QStringList{} << 2;
    QTest::newRow("unknown command") << l({"frobnicate"}) << 2;
    QTest::newRow("--help") << l({"--help"}) << 0;
    QTest::newRow("--version") << l({"--version"}) << 0;

    QTest::newRow("script ok") << l({"script", "@TMP@/shop-1.0.0.rel", "--lib-dir", "@EX@"}) << 0;
    QTest::newRow("script ok, all options")
        << l({"script", "@TMP@/shop-1.0.0.rel", "--lib-dir", "@EX@", "--local", "--variable", "SHOP=@EX@",
              "--no-dot-erlang", "--script-name", "start", "--out", "@TMP@"})
        << 0;
    QTest::newRow("script without REL") << l({"script"}) << 2;
    QTest::newRow("script two RELs") << l({"script", "@TMP@/shop-1.0.0.rel", "@TMP@/shop-1.0.0.rel"}) << 2;
    QTest::newRow("script unknown option") << l({"script", "@TMP@/shop-1.0.0.rel", "--frobnicate"}) << 2;
    QTest::newRow("script --lib-dir without DIR") << l({"script", "@TMP@/shop-1.0.0.rel", "--lib-dir"}) << 2;
    QTest::newRow("script --variable without =")
        << l({"script", "@TMP@/shop-1.0.0.rel", "--lib-dir", "@EX@", "--variable", "SHOP"}) << 2;
    QTest::newRow("script REL does not exist")
        << l({"script", "@TMP@/nowhere.rel", "--lib-dir", "@EX@"}) << 1;
    QTest::newRow("script missing app") << l({"script", "@REL:bad_missing_app@", "--lib-dir", "@EX@"}) << 1;
    QTest::newRow("script apps not found without --lib-dir") << l({"script", "@TMP@/shop-1.0.0.rel"}) << 1;
    QTest::newRow("script syntax error") << l({"script", "@REL:bad_syntax@", "--lib-dir", "@EX@"}) << 1;
    QTest::newRow("script no sasl (warning only)")
        << l({"script", "@TMP@/shop_nosasl.rel", "--lib-dir", "@EX@"}) << 0;
    QTest::newRow("script --otp-root not an OTP")
        << l({"script", "@TMP@/shop-1.0.0.rel", "--lib-dir", "@EX@", "--otp-root", "@TMP@"}) << 1;

    QTest::newRow("check ok") << l({"check", "@SHOP@", "--lib-dir", "@EX@"}) << 0;
    QTest::newRow("check ok --json") << l({"check", "@SHOP@", "--lib-dir", "@EX@", "--json"}) << 0;
    QTest::newRow("check no sasl (warning only)")
        << l({"check", "@REL:shop_nosasl@", "--lib-dir", "@EX@"}) << 0;
    QTest::newRow("check circular") << l({"check", "@REL:bad_circular@", "--lib-dir", "@BROKEN@"}) << 1;
    QTest::newRow("check version mismatch --json")
        << l({"check", "@REL:bad_version@", "--lib-dir", "@EX@", "--json"}) << 1;
    QTest::newRow("check without REL") << l({"check"}) << 2;
    QTest::newRow("check unknown option") << l({"check", "@SHOP@", "--frobnicate"}) << 2;

    QTest::newRow("new-rel ok") << l({"new-rel", "shop", "1.0.0", "shop_web", "--lib-dir", "@EX@", "--out",
                                      "@TMP@/new.rel"})
                                << 0;
    QTest::newRow("new-rel unknown root app")
        << l({"new-rel", "shop", "1.0.0", "shop_ghost", "--lib-dir", "@EX@", "--out", "@TMP@/new.rel"}) << 1;
    QTest::newRow("new-rel root app needs a missing app")
        << l({"new-rel", "orphan", "1.0.0", "shop_orphan", "--lib-dir", "@BROKEN@", "--out", "@TMP@/new.rel"})
        << 1;
    QTest::newRow("new-rel without ROOT_APP") << l({"new-rel", "shop", "1.0.0"}) << 2;
    QTest::newRow("new-rel without arguments") << l({"new-rel"}) << 2;
    QTest::newRow("new-rel unknown option")
        << l({"new-rel", "shop", "1.0.0", "shop_web", "--frobnicate"}) << 2;
}

void TestCliScript::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    for (const QString &rel : {shopRel(), testRel("shop_nosasl")})
        QVERIFY(QFile::copy(rel, tmp.filePath(QFileInfo(rel).fileName())));
    const CliRun run = runCli(expand(args, tmp.path()), tmp.path());
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    if (exitCode != 0) {
        // Failures and usage errors say why on stderr; `check` prints its findings (its report)
        // on stdout.
        const bool isCheck = args.value(0) == QLatin1String("check") && exitCode == 1;
        QVERIFY2(!(isCheck ? run.out + run.err : run.err).trimmed().isEmpty(), qPrintable(run.describe()));
    }
    if (exitCode == 1 && args.value(0) == QLatin1String("script")) {
        // Nothing written on failure.
        const QStringList outputs =
            QDir(tmp.path()).entryList({QStringLiteral("*.script"), QStringLiteral("*.boot")});
        QVERIFY2(outputs.isEmpty(), qPrintable(outputs.join(QStringLiteral(", "))));
    }
}

void TestCliScript::help_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("script") << QStringLiteral("script")
                            << QStringList{QStringLiteral("REL"),
                                           QStringLiteral("--lib-dir"),
                                           QStringLiteral("--otp-root"),
                                           QStringLiteral("--out"),
                                           QStringLiteral("--local"),
                                           QStringLiteral("--variable"),
                                           QStringLiteral("--no-dot-erlang"),
                                           QStringLiteral("--script-name"),
                                           QStringLiteral("--help")};
    QTest::newRow("check") << QStringLiteral("check")
                           << QStringList{QStringLiteral("REL"), QStringLiteral("--lib-dir"),
                                          QStringLiteral("--json"), QStringLiteral("--help")};
    QTest::newRow("new-rel") << QStringLiteral("new-rel")
                             << QStringList{QStringLiteral("NAME"),     QStringLiteral("VSN"),
                                            QStringLiteral("ROOT_APP"), QStringLiteral("--lib-dir"),
                                            QStringLiteral("--out"),    QStringLiteral("--help")};
    QTest::newRow("print") << QStringLiteral("print")
                           << QStringList{QStringLiteral("FILE"), QStringLiteral("--help")};
}

void TestCliScript::help()
{
    QFETCH(QString, command);
    QFETCH(QStringList, mentions);

    const CliRun run = runCli({command, QStringLiteral("--help")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QLatin1String("Usage:")), qPrintable(text));
    for (const QString &m : mentions)
        QVERIFY2(text.contains(m),
                 qPrintable(QStringLiteral("--help does not mention %1:\n%2").arg(m, text)));

    // The command is listed in the general help, and -h is --help.
    const CliRun general = runCli({QStringLiteral("--help")});
    QVERIFY2(general.exitCode == 0 && QString::fromUtf8(general.out).contains(command),
             qPrintable(general.describe()));
    const CliRun shortHelp = runCli({command, QStringLiteral("-h")});
    QVERIFY2(shortHelp.exitCode == 0 && shortHelp.out == run.out, qPrintable(shortHelp.describe()));
}

// `check --json` prints only a JSON array on stdout: one object per finding with the keys
// severity ("error", "warning" or "info"), message (text), file (text, may be empty), line and
// column (numbers, 0 when unknown).
void TestCliScript::checkJson_data()
{
    QTest::addColumn<QString>("rel");
    QTest::addColumn<QStringList>("libDirs");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("severity");   // a finding of this severity must be there ("" none)
    QTest::addColumn<QString>("mentioning"); // ... with this in its message
    QTest::addColumn<int>("line");           // ... and at this line of the .rel (0: any place)

    QTest::newRow("valid") << shopRel() << QStringList{examplesLib} << 0 << QString() << QString() << 0;
    QTest::newRow("no sasl") << testRel("shop_nosasl") << QStringList{examplesLib} << 0
                             << QStringLiteral("warning") << QStringLiteral("sasl") << 0;
    QTest::newRow("missing app") << testRel("bad_missing_app") << QStringList{examplesLib} << 1
                                 << QStringLiteral("error") << QStringLiteral("shop_ghost") << 7;
    QTest::newRow("version mismatch") << testRel("bad_version") << QStringList{examplesLib, brokenLib} << 1
                                      << QStringLiteral("error") << QStringLiteral("2.0.0") << 6;
    QTest::newRow("circular") << testRel("bad_circular") << QStringList{brokenLib} << 1
                              << QStringLiteral("error") << QStringLiteral("cyc_b") << 0;
    QTest::newRow("duplicate module")
        << testRel("bad_duplicate_module") << QStringList{examplesLib, brokenLib} << 1
        << QStringLiteral("error") << QStringLiteral("shop_cart") << 0;
    QTest::newRow("syntax error") << testRel("bad_syntax") << QStringList{examplesLib} << 1
                                  << QStringLiteral("error") << QString() << 6;
}

void TestCliScript::checkJson()
{
    QFETCH(QString, rel);
    QFETCH(QStringList, libDirs);
    QFETCH(int, exitCode);
    QFETCH(QString, severity);
    QFETCH(QString, mentioning);
    QFETCH(int, line);

    QStringList args{QStringLiteral("check"), rel, QStringLiteral("--json")};
    for (const QString &dir : libDirs)
        args << QStringLiteral("--lib-dir") << dir;
    const CliRun run = runCli(args);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
    QVERIFY2(
        parseError.error == QJsonParseError::NoError,
        qPrintable(
            QStringLiteral("stdout is not JSON (%1): %2").arg(parseError.errorString(), run.describe())));
    QVERIFY2(doc.isArray(), qPrintable(run.describe()));

    bool found = severity.isEmpty();
    bool anyError = false;
    for (const QJsonValue &value : doc.array()) {
        QVERIFY2(value.isObject(), qPrintable(run.describe()));
        const QJsonObject f = value.toObject();
        for (const char *key : {"severity", "message", "file", "line", "column"})
            QVERIFY2(f.contains(QLatin1String(key)),
                     qPrintable(QStringLiteral("no key %1 in %2")
                                    .arg(QLatin1String(key), QString::fromUtf8(QJsonDocument(f).toJson()))));
        QVERIFY(f.value(QLatin1String("severity")).isString());
        QVERIFY(f.value(QLatin1String("message")).isString());
        QVERIFY(f.value(QLatin1String("file")).isString());
        QVERIFY(f.value(QLatin1String("line")).isDouble());
        QVERIFY(f.value(QLatin1String("column")).isDouble());
        const QString sev = f.value(QLatin1String("severity")).toString();
        QVERIFY2(sev == QLatin1String("error") || sev == QLatin1String("warning") ||
                     sev == QLatin1String("info"),
                 qPrintable(sev));
        QVERIFY(!f.value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(f.value(QLatin1String("line")).toInt(-1) >= 0 &&
                f.value(QLatin1String("column")).toInt(-1) >= 0);
        anyError = anyError || sev == QLatin1String("error");
        if (sev == severity && f.value(QLatin1String("message")).toString().contains(mentioning) &&
            (line == 0 || (f.value(QLatin1String("line")).toInt() == line &&
                           f.value(QLatin1String("file")).toString().endsWith(QFileInfo(rel).fileName())))) {
            found = true;
        }
    }
    QVERIFY2(anyError == (exitCode == 1), qPrintable(run.describe()));
    QVERIFY2(found, qPrintable(QStringLiteral("no %1 finding mentioning '%2'%3 in %4")
                                   .arg(severity, mentioning,
                                        line ? QStringLiteral(" at line %1").arg(line) : QString(),
                                        QString::fromUtf8(run.out))));
}

// new-rel writes the closure of the root applications at their newest versions (shop_core 1.0.0,
// not the 0.9.0 of the broken lib dir), with the installed kernel, stdlib and sasl; the .rel is
// accepted by systools and by `relstudio-cli script`, which write the same files.
void TestCliScript::newRelAcceptedByScriptAndSystools_data()
{
    QTest::addColumn<QStringList>("roots");
    QTest::addColumn<QStringList>("expected"); // besides kernel, stdlib and sasl
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("shop_web") << QStringList{QStringLiteral("shop_web")}
                              << QStringList{QStringLiteral("shop_core"), QStringLiteral("shop_metrics"),
                                             QStringLiteral("shop_web"), QStringLiteral("shop_tools")}
                              << QStringList{QStringLiteral("shop_clone"), QStringLiteral("recon"),
                                             QStringLiteral("cyc_a")};
    QTest::newRow("shop_core") << QStringList{QStringLiteral("shop_core")}
                               << QStringList{QStringLiteral("shop_core")}
                               << QStringList{QStringLiteral("shop_web"), QStringLiteral("shop_metrics"),
                                              QStringLiteral("shop_tools")};
    QTest::newRow("shop_tools and an OTP application")
        << QStringList{QStringLiteral("shop_tools"), QStringLiteral("ssl")}
        << QStringList{QStringLiteral("shop_tools"), QStringLiteral("ssl"), QStringLiteral("crypto"),
                       QStringLiteral("public_key"), QStringLiteral("asn1")}
        << QStringList{QStringLiteral("shop_core"), QStringLiteral("shop_web")};
}

void TestCliScript::newRelAcceptedByScriptAndSystools()
{
    QFETCH(QStringList, roots);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QStringList libArgs{QStringLiteral("--lib-dir"), examplesLib, QStringLiteral("--lib-dir"),
                              brokenLib};
    QDir().mkpath(tmp.filePath(QStringLiteral("erl")));
    QDir().mkpath(tmp.filePath(QStringLiteral("cli")));
    const QString cliRel = tmp.filePath(QStringLiteral("cli/shop.rel"));
    const CliRun made =
        runCli(QStringList{QStringLiteral("new-rel"), QStringLiteral("shop"), QStringLiteral("2.0.0")} +
                   roots + libArgs + QStringList{QStringLiteral("--out"), cliRel},
               tmp.path());
    QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
    QVERIFY2(QFile::exists(cliRel), qPrintable(made.describe()));

    QString error;
    const RelSummary rel = summarize(cliRel, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + QStringLiteral("\n") + QString::fromUtf8(readAll(cliRel))));
    const QString relText = QString::fromUtf8(readAll(cliRel));
    QCOMPARE(rel.name, QStringLiteral("shop"));
    QCOMPARE(rel.vsn, QStringLiteral("2.0.0"));

    QStringList otpApps{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("sasl")};
    for (const QString &app : expected) {
        if (!app.startsWith(QLatin1String("shop_")))
            otpApps << app;
    }
    const QMap<QString, QString> installed = installedVersions(otpApps);
    QVERIFY2(rel.erts == installed.value(QStringLiteral("erts")), qPrintable(relText));
    for (const QString &app : otpApps) {
        QVERIFY2(rel.versions.value(app) == installed.value(app),
                 qPrintable(QStringLiteral("%1 should be %2:\n%3").arg(app, installed.value(app), relText)));
    }
    for (const QString &app : expected) {
        if (app.startsWith(QLatin1String("shop_"))) {
            QVERIFY2(rel.versions.value(app) == QLatin1String("1.0.0"),
                     qPrintable(QStringLiteral("%1 should be 1.0.0:\n%2").arg(app, relText)));
        }
    }
    for (const QString &app : absent)
        QVERIFY2(!rel.versions.contains(app),
                 qPrintable(QStringLiteral("%1 should not be there:\n%2").arg(app, relText)));

    // systools and relstudio-cli script accept it and write the same files.
    const QString erlRel = tmp.filePath(QStringLiteral("erl/shop.rel"));
    QVERIFY(QFile::copy(cliRel, erlRel));
    const rs::test::ErlRun systools = rs::test::runErlModule(
        QStringLiteral("script_oracle"),
        {QStringLiteral("make_script"), erlRel.chopped(4),
         QStringLiteral("[{path, [\"%1/*/ebin\", \"%2/*/ebin\"]}]").arg(examplesLib, brokenLib)});
    QVERIFY2(systools.ok() && systools.out.startsWith("ok\n"),
             qPrintable(systools.describe() + QStringLiteral("\n") + relText));
    const CliRun script = runCli(QStringList{QStringLiteral("script"), cliRel} + libArgs, tmp.path());
    QVERIFY2(script.exitCode == 0, qPrintable(script.describe()));
    for (const char *ext : {".script", ".boot"}) {
        const QByteArray want = readAll(tmp.filePath(QStringLiteral("erl/shop") + QLatin1String(ext)));
        const QByteArray got = readAll(tmp.filePath(QStringLiteral("cli/shop") + QLatin1String(ext)));
        QVERIFY2(!want.isEmpty(), ext);
        QVERIFY2(want == got,
                 qPrintable(QStringLiteral("shop%1 differs from systools'").arg(QLatin1String(ext))));
    }
}

QTEST_GUILESS_MAIN(TestCliScript)
#include "tst_cli_script.moc"
