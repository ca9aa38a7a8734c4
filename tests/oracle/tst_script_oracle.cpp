// Oracle: `relstudio-cli script` must write the .script and .boot files that the installed OTP's
// systools:make_script/2 writes, byte for byte, and must refuse what systools refuses.
//
// Each row is a .rel and a set of options. The .rel is copied twice into a temporary directory
// (erl/ and cli/); systools (tests/oracle/erl/script_oracle.erl) works on one copy, relstudio-cli
// on the other, and the outputs are compared. The options map one to one:
//   --lib-dir D1 --lib-dir D2  {path, ["D1/*/ebin", "D2/*/ebin"]}
//   --local                    local
//   --variable N=D             {variables, [{"N", "D"}]}
//   --no-dot-erlang            no_dot_erlang
//   --script-name N            {script_name, N}
//   --out D                    {outdir, D}
//   --otp-root D               nothing: systools always uses the running OTP, which is D here
#include "support/oracle.h"
#include "support/process.h"
#include "support/testdata.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

namespace {

const QString cliPath = QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli");
const QString examplesLib = QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR);
const QString brokenLib = QStringLiteral(RELSTUDIO_BROKEN_LIB_DIR);

QString erlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

struct ScriptOptions
{
    QStringList libDirs;
    bool local = false;
    QList<std::pair<QString, QString>> variables;
    bool noDotErlang = false;
    QString scriptName;
    bool out = false; // --out DIR, with DIR an existing directory "out" next to the .rel copy
    QString otpRoot;  // --otp-root

    QStringList cliArguments(const QString &outDir) const
    {
        QStringList args;
        for (const QString &dir : libDirs)
            args << QStringLiteral("--lib-dir") << dir;
        if (local)
            args << QStringLiteral("--local");
        for (const auto &[name, dir] : variables)
            args << QStringLiteral("--variable") << name + QLatin1Char('=') + dir;
        if (noDotErlang)
            args << QStringLiteral("--no-dot-erlang");
        if (!scriptName.isEmpty())
            args << QStringLiteral("--script-name") << scriptName;
        if (out)
            args << QStringLiteral("--out") << outDir;
        if (!otpRoot.isEmpty())
            args << QStringLiteral("--otp-root") << otpRoot;
        return args;
    }

    ScriptOptions withLocal() const
    {
        ScriptOptions o = *this;
        o.local = true;
        return o;
    }

    QString systoolsFlags(const QString &outDir) const
    {
        QStringList flags;
        if (!libDirs.isEmpty()) {
            QStringList path;
            for (const QString &dir : libDirs)
                path << erlString(dir + QStringLiteral("/*/ebin"));
            flags << QStringLiteral("{path, [%1]}").arg(path.join(QStringLiteral(", ")));
        }
        if (local)
            flags << QStringLiteral("local");
        if (!variables.isEmpty()) {
            QStringList vars;
            for (const auto &[name, dir] : variables)
                vars << QStringLiteral("{%1, %2}").arg(erlString(name), erlString(dir));
            flags << QStringLiteral("{variables, [%1]}").arg(vars.join(QStringLiteral(", ")));
        }
        if (noDotErlang)
            flags << QStringLiteral("no_dot_erlang");
        if (!scriptName.isEmpty())
            flags << QStringLiteral("{script_name, %1}").arg(erlString(scriptName));
        if (out)
            flags << QStringLiteral("{outdir, %1}").arg(erlString(outDir));
        return QLatin1Char('[') + flags.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
};

ScriptOptions inLibDirs(const QStringList &dirs)
{
    ScriptOptions o;
    o.libDirs = dirs;
    return o;
}

template <typename Change> ScriptOptions make(Change change)
{
    ScriptOptions o;
    change(o);
    return o;
}

using CliRun = rs::test::ProcessRun;

CliRun runCli(const QStringList &args, const QString &workingDirectory = QDir::tempPath())
{
    return rs::test::runCli(args, workingDirectory);
}

// systools' answer: ok (with its formatted warnings) or error (with its formatted error).
struct SystoolsResult
{
    bool ran = false;
    bool ok = false;
    QString text;    // the formatted warnings or error
    QString failure; // why the oracle itself failed
};

SystoolsResult runSystools(const QString &relWithoutExt, const QString &flags)
{
    const rs::test::ErlRun run = rs::test::runErlModule(
        QStringLiteral("script_oracle"), {QStringLiteral("make_script"), relWithoutExt, flags});
    SystoolsResult result;
    const QString out = QString::fromUtf8(run.out);
    if (!run.ok() || !(out.startsWith(QLatin1String("ok\n")) || out.startsWith(QLatin1String("error\n")))) {
        result.failure = QStringLiteral("script_oracle failed for %1 with flags %2: %3")
                             .arg(relWithoutExt, flags, run.describe());
        return result;
    }
    result.ran = true;
    result.ok = out.startsWith(QLatin1String("ok\n"));
    result.text = out.mid(out.indexOf(QLatin1Char('\n')) + 1);
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Empty when the .script texts are equal, else the first line that differs.
QString scriptDifference(const QByteArray &expected, const QByteArray &actual)
{
    if (expected == actual)
        return {};
    const QList<QByteArray> a = expected.split('\n');
    const QList<QByteArray> b = actual.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QByteArray lineA = a.value(i, "<end of file>");
        const QByteArray lineB = b.value(i, "<end of file>");
        if (lineA != lineB || i >= a.size() || i >= b.size()) {
            return QStringLiteral(
                       ".script differs first at line %1:\n  systools:      %2\n  relstudio-cli: %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(lineA), QString::fromUtf8(lineB));
        }
    }
    return QStringLiteral(".script differs (%1 vs %2 bytes)").arg(expected.size()).arg(actual.size());
}

// Empty when the .boot files are equal, else the first byte offset that differs.
QString bootDifference(const QByteArray &expected, const QByteArray &actual)
{
    if (expected == actual)
        return {};
    qsizetype i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
        ++i;
    const qsizetype from = std::max<qsizetype>(0, i - 8);
    return QStringLiteral(".boot differs first at byte offset %1 (sizes: systools %2, relstudio-cli %3)\n"
                          "  systools      [%4..]: %5\n  relstudio-cli [%4..]: %6")
        .arg(i)
        .arg(expected.size())
        .arg(actual.size())
        .arg(from)
        .arg(QString::fromLatin1(expected.mid(from, 32).toHex(' ')),
             QString::fromLatin1(actual.mid(from, 32).toHex(' ')));
}

// Every file under dir, relative to it, sorted.
QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

// The copy of `rel` in DIR/SUBDIR: its path without ".rel".
QString copyRel(const QString &rel, const QString &dir)
{
    QDir().mkpath(dir);
    const QString target = dir + QLatin1Char('/') + QFileInfo(rel).fileName();
    if (!QFile::copy(rel, target))
        return {};
    return target.chopped(4);
}

QString otpReleasesDir()
{
    QDirIterator it(rs::test::otpRoot() + QStringLiteral("/releases"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        if (QFile::exists(dir + QStringLiteral("/start_clean.rel")))
            return dir;
    }
    return {};
}

// For the rows of refused releases: which messages relstudio-cli must print.
struct Refusal
{
    QString systoolsSays;    // a substring of systools' formatted error: the fixture fails as meant
    QStringList cliMentions; // substrings relstudio-cli's stderr must contain
    QString cliLocation;     // a regular expression for a "file:line:column" stderr must contain
};

} // namespace

Q_DECLARE_METATYPE(ScriptOptions)
Q_DECLARE_METATYPE(Refusal)

class TestScriptOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsSystools_data();
    void sameAsSystools();
    void refusedLikeSystools_data();
    void refusedLikeSystools();
    void exampleReleaseBoots_data();
    void exampleReleaseBoots();

private:
    QTemporaryDir m_dir;
    QString m_allOtpRel; // the release of every OTP application systools accepts
};

void TestScriptOracle::initTestCase()
{
    const QString missing = rs::test::missingBuildOutputs(cliPath, examplesLib);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY2(QFile::exists(brokenLib + QStringLiteral("/shop_clone-1.0.0/ebin/shop_clone.app")),
             "the broken applications are not built (target oracle_broken_apps)");
    QVERIFY2(!rs::test::otpRoot().isEmpty(), "erl does not run");
    QVERIFY2(!otpReleasesDir().isEmpty(), "no releases/*/start_clean.rel in the installed OTP");

    QVERIFY(m_dir.isValid());
    QDir(m_dir.path()).mkpath(QStringLiteral("otp_all"));
    m_allOtpRel = m_dir.filePath(QStringLiteral("otp_all/otp_all.rel"));
    const rs::test::ErlRun run =
        rs::test::runErlModule(QStringLiteral("script_oracle"), {QStringLiteral("all_otp_rel"), m_allOtpRel});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    // Applications systools refuses in a release of all of them (none on Debian's OTP 25.2.3).
    const QString report = QString::fromUtf8(run.out);
    for (const QString &line : report.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("dropped ")))
            qInfo("all-OTP release: %s", qPrintable(line));
    }
    const QRegularExpressionMatch kept =
        QRegularExpression(QStringLiteral("^ok (\\d+)$"), QRegularExpression::MultilineOption).match(report);
    QVERIFY2(kept.hasMatch(), qPrintable(report));
    qInfo("all-OTP release: %s applications", qPrintable(kept.captured(1)));
    QVERIFY2(kept.captured(1).toInt() >= 20, qPrintable(report));
}

void TestScriptOracle::sameAsSystools_data()
{
    QTest::addColumn<QString>("rel");
    QTest::addColumn<ScriptOptions>("options");

    const QString otpReleases = otpReleasesDir();
    const QString otp = rs::test::otpRoot();
    const QString shop = rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel"));
    auto variant = [](const char *name) {
        return rs::test::sourcePath(QStringLiteral("tests/oracle/releases/%1.rel").arg(QLatin1String(name)));
    };
    const ScriptOptions ex = inLibDirs({examplesLib});
    auto with = [&](auto change) {
        ScriptOptions o = ex;
        change(o);
        return o;
    };

    // The installed OTP's own releases, and one of every OTP application.
    QTest::newRow("otp start_clean") << otpReleases + QStringLiteral("/start_clean.rel") << ScriptOptions{};
    QTest::newRow("otp start_clean --local")
        << otpReleases + QStringLiteral("/start_clean.rel") << make([](ScriptOptions &o) { o.local = true; });
    QTest::newRow("otp start_sasl") << otpReleases + QStringLiteral("/start_sasl.rel") << ScriptOptions{};
    QTest::newRow("otp no_dot_erlang --no-dot-erlang")
        << otpReleases + QStringLiteral("/no_dot_erlang.rel")
        << make([](ScriptOptions &o) { o.noDotErlang = true; });
    QTest::newRow("otp all applications") << m_allOtpRel << ScriptOptions{};
    QTest::newRow("otp all applications --local")
        << m_allOtpRel << make([](ScriptOptions &o) { o.local = true; });
    QTest::newRow("otp all applications --variable OTPLIB") << m_allOtpRel << make([&](ScriptOptions &o) {
        o.variables = {{QStringLiteral("OTPLIB"), otp + QStringLiteral("/lib")}};
    });

    // The example release with every option.
    QTest::newRow("shop") << shop << ex;
    QTest::newRow("shop --local") << shop << with([](ScriptOptions &o) { o.local = true; });
    QTest::newRow("shop --variable SHOP=lib") << shop << with([](ScriptOptions &o) {
        o.variables = {{QStringLiteral("SHOP"), examplesLib}};
    });
    QTest::newRow("shop --variable SHOP=lib/ (trailing slash)") << shop << with([](ScriptOptions &o) {
        o.variables = {{QStringLiteral("SHOP"), examplesLib + QStringLiteral("//")}};
    });
    // systools matches variables with lists:prefix/2 on the path text, not on path components:
    // ".../examples/li" is a prefix of ".../examples/lib/shop_core-1.0.0/ebin", giving
    // "$SHOP/shop_core-1.0.0/ebin".
    QTest::newRow("shop --variable SHOP=<text prefix of lib>") << shop << with([](ScriptOptions &o) {
        o.variables = {{QStringLiteral("SHOP"), examplesLib.chopped(1)}};
    });
    QTest::newRow("shop --variable OTPLIB=<otp>/lib") << shop << with([&](ScriptOptions &o) {
        o.variables = {{QStringLiteral("OTPLIB"), otp + QStringLiteral("/lib")}};
    });
    QTest::newRow("shop two --variable") << shop << with([&](ScriptOptions &o) {
        o.variables = {{QStringLiteral("SHOP"), examplesLib},
                       {QStringLiteral("OTPLIB"), otp + QStringLiteral("/lib")}};
    });
    QTest::newRow("shop --local --variable (ignored)") << shop << with([](ScriptOptions &o) {
        o.local = true;
        o.variables = {{QStringLiteral("SHOP"), examplesLib}};
    });
    QTest::newRow("shop --no-dot-erlang") << shop << with([](ScriptOptions &o) { o.noDotErlang = true; });
    QTest::newRow("shop --script-name start")
        << shop << with([](ScriptOptions &o) { o.scriptName = QStringLiteral("start"); });
    QTest::newRow("shop --out") << shop << with([](ScriptOptions &o) { o.out = true; });
    QTest::newRow("shop --out --script-name --no-dot-erlang --local") << shop << with([](ScriptOptions &o) {
        o.out = true;
        o.scriptName = QStringLiteral("shop_boot");
        o.noDotErlang = true;
        o.local = true;
    });
    QTest::newRow("shop --otp-root") << shop << with([&](ScriptOptions &o) { o.otpRoot = otp; });
    QTest::newRow("shop lib dir twice") << shop << with([](ScriptOptions &o) {
        o.libDirs = {examplesLib, examplesLib};
    });

    // Release variants: start types, included applications, optional applications, order.
    for (const char *name :
         {"shop_types", "shop_tools_none", "shop_incl3", "shop_incl4", "shop_incl_empty", "shop_incl_typed",
          "shop_optional_absent", "shop_optional_present", "shop_nosasl", "shop_reversed", "shop_otp_mix",
          "shop_unicode", "shop_erts_other"}) {
        QTest::newRow(name) << variant(name) << ex;
    }
    QTest::newRow("shop_types --local")
        << variant("shop_types") << with([](ScriptOptions &o) { o.local = true; });
    QTest::newRow("shop_reversed --local")
        << variant("shop_reversed") << with([](ScriptOptions &o) { o.local = true; });
    QTest::newRow("shop_otp_mix --local --no-dot-erlang")
        << variant("shop_otp_mix") << with([](ScriptOptions &o) {
               o.local = true;
               o.noDotErlang = true;
           });

    // Several versions of shop_core in the lib directories: the .rel's version is taken.
    QTest::newRow("shop_core 1.0.0, 0.9.0 in the first lib dir --local")
        << variant("shop_core_new") << inLibDirs({brokenLib, examplesLib}).withLocal();
    QTest::newRow("shop_core 0.9.0, 1.0.0 in the first lib dir --local")
        << variant("shop_core_old") << inLibDirs({examplesLib, brokenLib}).withLocal();
    QTest::newRow("shop_core 0.9.0 --variable") << variant("shop_core_old") << make([](ScriptOptions &o) {
        o.libDirs = {examplesLib, brokenLib};
        o.variables = {{QStringLiteral("OLD"), brokenLib}};
    });
}

void TestScriptOracle::sameAsSystools()
{
    QFETCH(QString, rel);
    QFETCH(ScriptOptions, options);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString erlRel = copyRel(rel, tmp.filePath(QStringLiteral("erl")));
    const QString cliRel = copyRel(rel, tmp.filePath(QStringLiteral("cli")));
    QVERIFY2(!erlRel.isEmpty() && !cliRel.isEmpty(), qPrintable(QStringLiteral("cannot copy ") + rel));
    const QString erlOut = tmp.filePath(QStringLiteral("erl/out"));
    const QString cliOut = tmp.filePath(QStringLiteral("cli/out"));
    if (options.out) {
        QDir().mkpath(erlOut);
        QDir().mkpath(cliOut);
    }

    const SystoolsResult systools = runSystools(erlRel, options.systoolsFlags(erlOut));
    QVERIFY2(systools.ran, qPrintable(systools.failure));
    QVERIFY2(systools.ok, qPrintable(QStringLiteral("systools refused the release: ") + systools.text));

    // relstudio-cli runs in the temporary directory itself: files it writes relative to its
    // working directory instead of next to the .rel show up as unexpected files.
    const CliRun cli = runCli(QStringList{QStringLiteral("script"), cliRel + QStringLiteral(".rel")} +
                                  options.cliArguments(cliOut),
                              tmp.path());
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.describe()));

    const QString relBase = QFileInfo(rel).completeBaseName();
    const QString name = options.scriptName.isEmpty() ? relBase : options.scriptName;
    const QString erlDir = options.out ? erlOut : tmp.filePath(QStringLiteral("erl"));
    const QString cliDir = options.out ? cliOut : tmp.filePath(QStringLiteral("cli"));
    const QByteArray erlScript = readAll(erlDir + QLatin1Char('/') + name + QStringLiteral(".script"));
    const QByteArray erlBoot = readAll(erlDir + QLatin1Char('/') + name + QStringLiteral(".boot"));
    QVERIFY2(!erlScript.isEmpty() && !erlBoot.isEmpty(), "systools wrote no script");

    QStringList expectedFiles{QFileInfo(rel).fileName(), name + QStringLiteral(".boot"),
                              name + QStringLiteral(".script")};
    if (options.out) {
        expectedFiles[1].prepend(QStringLiteral("out/"));
        expectedFiles[2].prepend(QStringLiteral("out/"));
    }
    expectedFiles.sort();
    const QStringList written = filesUnder(tmp.filePath(QStringLiteral("cli")));
    QVERIFY2(written == expectedFiles, qPrintable(QStringLiteral("relstudio-cli wrote %1, expected %2")
                                                      .arg(written.join(QStringLiteral(", ")),
                                                           expectedFiles.join(QStringLiteral(", ")))));
    const QStringList top =
        QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(top == (QStringList{QStringLiteral("cli"), QStringLiteral("erl")}),
             qPrintable(QStringLiteral("files written to the working directory: ") +
                        top.join(QStringLiteral(", "))));

    const QString scriptDiff =
        scriptDifference(erlScript, readAll(cliDir + QLatin1Char('/') + name + QStringLiteral(".script")));
    const QString bootDiff =
        bootDifference(erlBoot, readAll(cliDir + QLatin1Char('/') + name + QStringLiteral(".boot")));
    QVERIFY2(scriptDiff.isEmpty() && bootDiff.isEmpty(),
             qPrintable((QStringList{scriptDiff, bootDiff}.join(QLatin1Char('\n')).trimmed())));

    // systools warns about a release without sasl; relstudio-cli must too (on stderr, exit 0).
    if (systools.text.contains(QLatin1String("Missing application sasl"))) {
        QVERIFY2(QString::fromUtf8(cli.err).contains(QLatin1String("sasl")),
                 qPrintable(QStringLiteral("no warning about the missing sasl: ") + cli.describe()));
    }
}

// What relstudio-cli must print for refused releases (agreed with the lead; the messages are
// checked by substring, their wording is free). Every message is a finding on stderr,
// "file:line:column: error: message", exit status 1, and no .script or .boot is written:
//  - missing application:   names the application (shop_ghost) and the lib directories or
//                           versions searched.
//  - version mismatch:      names the application, the wanted version and every version found in
//                           the search path: "shop_core: no version 2.0.0 (found 1.0.0, 0.9.0)".
//  - duplicate module:      the module and both applications: "module shop_cart is in both
//                           shop_core and shop_clone".
//  - duplicate registered:  the name and both applications.
//  - duplicate include:     the included application and both including applications.
//  - circular dependency:   the whole cycle, e.g. "cyc_a -> cyc_b -> cyc_c -> cyc_a" (systools
//                           only names two of them).
//  - undefined application: the application that needs it and the missing one: "shop_web needs
//                           shop_core, which is not in the release".
//  - bad start type:        the bad type (eternal), located at the .rel entry.
//  - missing kernel:        "kernel"; kernel not permanent: "kernel" and "permanent", at the entry.
//  - include override:      the application and the included application its .app does not list.
//  - syntax error:          at the .rel's line 6 (column 24, the '}' after the comma).
void TestScriptOracle::refusedLikeSystools_data()
{
    QTest::addColumn<QString>("rel");
    QTest::addColumn<ScriptOptions>("options");
    QTest::addColumn<Refusal>("refusal");

    auto bad = [](const char *name) {
        return rs::test::sourcePath(QStringLiteral("tests/oracle/releases/%1.rel").arg(QLatin1String(name)));
    };
    auto at = [](const char *rel) { return QStringLiteral("%1\\.rel:\\d+:\\d+").arg(QLatin1String(rel)); };
    const ScriptOptions ex = inLibDirs({examplesLib});
    const ScriptOptions both = inLibDirs({examplesLib, brokenLib});
    auto s = [](const char *text) { return QString::fromLatin1(text); };

    QTest::newRow("missing app") << bad("bad_missing_app") << ex
                                 << Refusal{s("File not found"), {s("shop_ghost")}, at("bad_missing_app")};
    QTest::newRow("version mismatch") << bad("bad_version") << both
                                      << Refusal{s("No valid version"),
                                                 {s("shop_core"), s("2.0.0"), s("1.0.0"), s("0.9.0")},
                                                 at("bad_version")};
    QTest::newRow("duplicate module")
        << bad("bad_duplicate_module") << both
        << Refusal{s("Duplicated modules"), {s("shop_cart"), s("shop_core"), s("shop_clone")}, {}};
    QTest::newRow("duplicate registered name")
        << bad("bad_duplicate_register") << both
        << Refusal{s("Duplicated register names"), {s("shop_cart"), s("shop_core"), s("shop_twin")}, {}};
    QTest::newRow("duplicate include")
        << bad("bad_duplicate_include") << both
        << Refusal{
               s("Duplicated application included"), {s("shop_metrics"), s("shop_web"), s("shop_admin")}, {}};
    QTest::newRow("circular dependency")
        << bad("bad_circular") << inLibDirs({brokenLib})
        << Refusal{s("Circular dependencies"), {s("cyc_a"), s("cyc_b"), s("cyc_c")}, {}};
    QTest::newRow("undefined application")
        << bad("bad_undefined_app") << ex
        << Refusal{s("Undefined applications: [shop_core]"), {s("shop_web"), s("shop_core")}, {}};
    QTest::newRow("undefined application of an application")
        << bad("bad_undefined_dep") << both
        << Refusal{
               s("Undefined applications: [shop_ghost_dep]"), {s("shop_orphan"), s("shop_ghost_dep")}, {}};
    QTest::newRow("undefined included application")
        << bad("bad_undefined_include") << ex
        << Refusal{s("Undefined applications: [shop_metrics]"), {s("shop_web"), s("shop_metrics")}, {}};
    QTest::newRow("bad start type") << bad("bad_start_type") << ex
                                    << Refusal{
                                           s("Illegal applications"), {s("eternal")}, at("bad_start_type")};
    QTest::newRow("missing kernel") << bad("bad_no_kernel") << ex
                                    << Refusal{s("Mandatory application kernel"), {s("kernel")}, {}};
    QTest::newRow("kernel not permanent")
        << bad("bad_kernel_type") << ex
        << Refusal{s("Mandatory application kernel"), {s("kernel"), s("permanent")}, at("bad_kernel_type")};
    QTest::newRow("include override not in .app")
        << bad("bad_include_override") << ex
        << Refusal{s("Tried to include not (in .app file) specified applications"),
                   {s("shop_web"), s("shop_tools")},
                   at("bad_include_override")};
    QTest::newRow("syntax error") << bad("bad_syntax") << ex
                                  << Refusal{s("syntax error"), {}, s("bad_syntax\\.rel:6:\\d+")};
    QTest::newRow("missing app --local")
        << bad("bad_missing_app") << inLibDirs({examplesLib}).withLocal()
        << Refusal{s("File not found"), {s("shop_ghost")}, at("bad_missing_app")};
}

void TestScriptOracle::refusedLikeSystools()
{
    QFETCH(QString, rel);
    QFETCH(ScriptOptions, options);
    QFETCH(Refusal, refusal);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString erlRel = copyRel(rel, tmp.filePath(QStringLiteral("erl")));
    const QString cliRel = copyRel(rel, tmp.filePath(QStringLiteral("cli")));
    QVERIFY(!erlRel.isEmpty() && !cliRel.isEmpty());

    const SystoolsResult systools = runSystools(erlRel, options.systoolsFlags({}));
    QVERIFY2(systools.ran, qPrintable(systools.failure));
    QVERIFY2(!systools.ok, "systools accepted the release");
    QVERIFY2(systools.text.contains(refusal.systoolsSays),
             qPrintable(QStringLiteral("systools refused it for another reason: ") + systools.text));

    const CliRun cli = runCli(QStringList{QStringLiteral("script"), cliRel + QStringLiteral(".rel")} +
                                  options.cliArguments({}),
                              tmp.path());
    const QString err = QString::fromUtf8(cli.err);
    qInfo("systools: %s", qPrintable(systools.text.trimmed()));
    qInfo("relstudio-cli (exit %d): %s", cli.exitCode, qPrintable(err.trimmed()));
    QVERIFY2(cli.exitCode == 1, qPrintable(cli.describe()));
    QVERIFY2(err.contains(QLatin1String("error")), qPrintable(cli.describe()));
    for (const QString &mention : refusal.cliMentions) {
        QVERIFY2(err.contains(mention),
                 qPrintable(QStringLiteral("stderr does not mention '%1':\n%2").arg(mention, err)));
    }
    if (!refusal.cliLocation.isEmpty()) {
        QVERIFY2(
            QRegularExpression(refusal.cliLocation).match(err).hasMatch(),
            qPrintable(QStringLiteral("stderr has no location /%1/:\n%2").arg(refusal.cliLocation, err)));
    }
    const QStringList written = filesUnder(tmp.filePath(QStringLiteral("cli")));
    QVERIFY2(written == QStringList{QFileInfo(rel).fileName()},
             qPrintable(QStringLiteral("relstudio-cli wrote files on error: ") +
                        written.join(QStringLiteral(", "))));
}

// The example applications are real: a boot script of the example release starts them, with the
// included shop_metrics started by shop_web's supervisor and its start phase run by
// application_starter. Checked for systools' boot file and for relstudio-cli's.
void TestScriptOracle::exampleReleaseBoots_data()
{
    QTest::addColumn<bool>("useCli");
    QTest::addColumn<bool>("useVariable");
    QTest::newRow("systools --local") << false << false;
    QTest::newRow("relstudio-cli --local") << true << false;
    QTest::newRow("systools --variable SHOP, -boot_var SHOP") << false << true;
    QTest::newRow("relstudio-cli --variable SHOP, -boot_var SHOP") << true << true;
}

void TestScriptOracle::exampleReleaseBoots()
{
    QFETCH(bool, useCli);
    QFETCH(bool, useVariable);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString rel =
        copyRel(rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")), tmp.path());
    QVERIFY(!rel.isEmpty());
    ScriptOptions options = inLibDirs({examplesLib});
    if (useVariable)
        options.variables = {{QStringLiteral("SHOP"), examplesLib}};
    else
        options.local = true;
    if (useCli) {
        const CliRun cli = runCli(QStringList{QStringLiteral("script"), rel + QStringLiteral(".rel")} +
                                      options.cliArguments({}),
                                  tmp.path());
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.describe()));
    } else {
        const SystoolsResult systools = runSystools(rel, options.systoolsFlags({}));
        QVERIFY2(systools.ran && systools.ok, qPrintable(systools.failure + systools.text));
    }
    QVERIFY(QFile::exists(rel + QStringLiteral(".boot")));

    const QString smoke = QStringLiteral(
        "Apps = [A || {A, _, _} <- application:which_applications()],"
        "[true = lists:member(A, Apps) || A <- [kernel, stdlib, sasl, shop_core, shop_web]],"
        "false = lists:member(shop_metrics, Apps),"
        "false = lists:member(shop_tools, Apps),"
        "true = lists:keymember(shop_tools, 1, application:loaded_applications()),"
        "1 = shop_metrics:value(starts),"
        "ok = shop_cart:add(<<\"apple\">>, 3, 120),"
        "{201, <<>>} = shop_web_router:request(post, \"/cart\", term_to_binary({<<\"pear\">>, 1, 99})),"
        "{200, <<\"item,quantity,price\\r\\napple,3,120\\r\\npear,1,99\\r\\n\">>} ="
        "    shop_web_router:request(get, \"/cart\", <<>>),"
        "{404, <<>>} = shop_web_router:request(get, \"/nowhere\", <<>>),"
        "[{errors, 1}, {requests, 2}, {sales, 1}, {starts, 1}] = shop_metrics:all(),"
        "{ok, \"5.46 \" ++ _} = 'Shop_legacy':checkout(),"
        "[] = shop_cart:items(),"
        "io:put_chars(\"booted\\n\")");
    QStringList args{QStringLiteral("-boot"), rel};
    if (useVariable)
        args << QStringLiteral("-boot_var") << QStringLiteral("SHOP") << examplesLib;
    const rs::test::ErlRun run = rs::test::evalErl(smoke, args);
    QVERIFY2(run.ok() && run.out.contains("booted"), qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(TestScriptOracle)
#include "tst_script_oracle.moc"
