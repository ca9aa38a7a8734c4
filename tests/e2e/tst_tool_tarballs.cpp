// End to end (issue 6): `relstudio-cli inspect` and `diff` read the release tarballs of the tools
// people use: `rebar3 tar` (the default profile, dev mode without ERTS, and the prod profile with
// it), `mix release` with the :tar step, and GNU tar of their release directories. The projects
// come from `rebar3 new release` and `mix new --sup`, built in a temporary directory with a
// private HOME, offline and without dependencies. rebar3 and elixir are installed by
// scripts/setup-debian.sh: without them the test fails, it never skips.
#include "release/lib_dir_name.h"
#include "release/otp_installation.h"
#include "support/cli_json.h"
#include "support/process.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <vector>

using rs::test::jsonOf;
using rs::test::ProcessRun;
using rs::test::runProcess;
using rs::test::warningMessages;

namespace {

constexpr int ToolTimeoutMs = 300000;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Replaces `from` with `to` in a file; false when the file does not hold `from`.
bool editFile(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QByteArray text = readFile(path);
    if (!text.contains(from))
        return false;
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           f.write(text.replace(from, to)) == text.size();
}

} // namespace

class TestToolTarballs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QStringList m_env; // nothing of the real home, no network, no user settings
    rs::release::OtpInstallation m_otp;
    QString m_elixirVsn;
    QMap<QString, QString> m_otpApps; // kernel, stdlib, sasl, compiler -> their installed versions
    QString m_rebar3Dir;              // the rebar3 project
    QString m_mixDir;                 // the mix project

    QString path(const QString &relative) const { return m_tmp.filePath(relative); }
    QString tarball(const QString &name) const { return path(QStringLiteral("tarballs/") + name); }

    // Runs a tool in `dir`; the error, with its output, when it fails.
    QString run(const QString &program, const QStringList &args, const QString &dir)
    {
        const ProcessRun r = runProcess(program, args, dir, ToolTimeoutMs, m_env);
        return r.ok() ? QString() : r.describe(program + QLatin1Char(' ') + args.join(QLatin1Char(' ')));
    }

    QString copyTo(const QString &from, const QString &name)
    {
        return QFile::copy(from, tarball(name)) ? QString() : QStringLiteral("no %1").arg(from);
    }

    // GNU tar of a release directory as one packs it by hand: its members without "./", and
    // without the tool's own tarballs kept there.
    QString gnuTar(const QString &dir, const QString &name)
    {
        QStringList members = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
        members.removeIf([](const QString &m) { return m.endsWith(QLatin1String(".tar.gz")); });
        return run(QStringLiteral("tar"),
                   QStringList{QStringLiteral("-C"), dir, QStringLiteral("-czf"), tarball(name)} + members,
                   m_tmp.path());
    }

    QString buildRebar3();
    QString buildMix();
    QMap<QString, QStringList> expectedApps(const QString &tool, const QString &vsn) const;

private slots:
    void initTestCase();
    void inspect_data();
    void inspect();
    void diff_data();
    void diff();
};

void TestToolTarballs::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString cli = QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli");
    QVERIFY2(QFileInfo(cli).isExecutable(), qPrintable(cli + QStringLiteral(" is not built")));
    for (const char *tool : {"rebar3", "mix", "elixir", "tar"}) {
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is not on PATH: scripts/setup-debian.sh installs the "
                                           "Debian packages rebar3 and elixir")
                                .arg(QLatin1String(tool))));
    }
    const QString home = path(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(home));
    m_env = {QStringLiteral("HOME=") + home,
             QStringLiteral("XDG_CONFIG_HOME=") + home + QStringLiteral("/.config"),
             QStringLiteral("XDG_CACHE_HOME=") + home + QStringLiteral("/.cache"),
             QStringLiteral("XDG_DATA_HOME=") + home + QStringLiteral("/.local/share"),
             QStringLiteral("MIX_HOME=") + home + QStringLiteral("/.mix"),
             QStringLiteral("HEX_HOME=") + home + QStringLiteral("/.hex"),
             QStringLiteral("HEX_OFFLINE=1"),
             QStringLiteral("MIX_ENV=prod"),
             QStringLiteral("REBAR_CACHE_DIR=") + home + QStringLiteral("/.cache/rebar3"),
             QStringLiteral("REBAR_GLOBAL_CONFIG_DIR=") + home + QStringLiteral("/.config/rebar3"),
             QStringLiteral("REBAR_OFFLINE=1"),
             QStringLiteral("REBAR_COLOR=none"),
             QStringLiteral("LC_ALL=C.UTF-8")};
    for (const char *inherited :
         {"ERL_LIBS", "ERL_AFLAGS", "ERL_FLAGS", "ERL_ZFLAGS", "MIX_EXS", "MIX_TARGET", "MIX_BUILD_ROOT",
          "MIX_BUILD_PATH", "MIX_DEPS_PATH", "REBAR_CONFIG", "REBAR_PROFILE", "REBAR_BASE_DIR"})
        m_env << QLatin1String(inherited) + QLatin1Char('=');

    const auto otp = rs::release::OtpInstallation::locate();
    QVERIFY2(otp.hasValue(), rs::test::errorOf(otp).constData());
    m_otp = *otp;
    for (const QString &app : {QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("sasl"),
                               QStringLiteral("compiler")}) {
        const QStringList dirs = QDir(m_otp.libDir()).entryList({app + QStringLiteral("-*")}, QDir::Dirs);
        QVERIFY2(dirs.size() == 1, qPrintable(app + QStringLiteral(": ") + dirs.join(QLatin1Char(' '))));
        m_otpApps.insert(app, rs::release::splitLibDirName(dirs.front()).vsn);
    }
    const ProcessRun elixir =
        runProcess(QStringLiteral("elixir"), {QStringLiteral("--short-version")}, home, ToolTimeoutMs, m_env);
    QVERIFY2(elixir.ok(), qPrintable(elixir.describe(QStringLiteral("elixir --short-version"))));
    m_elixirVsn = QString::fromUtf8(elixir.out).trimmed();

    QVERIFY(QDir().mkpath(path(QStringLiteral("tarballs"))));
    QString error = buildRebar3();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = buildMix();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

// myrel 0.1.0 with the default profile (relx's dev mode: no ERTS, lib/ linked to _build and OTP)
// and the prod profile (ERTS included), GNU tar of the prod release directory, then 0.2.0 with
// the prod profile.
QString TestToolTarballs::buildRebar3()
{
    const QString rebar3 = QStringLiteral("rebar3");
    m_rebar3Dir = path(QStringLiteral("myrel"));
    const QString devRel = m_rebar3Dir + QStringLiteral("/_build/default/rel/myrel");
    const QString prodRel = m_rebar3Dir + QStringLiteral("/_build/prod/rel/myrel");
    const QStringList prodTar{QStringLiteral("as"), QStringLiteral("prod"), QStringLiteral("tar")};
    const std::vector<std::function<QString()>> steps{
        [&] {
            return run(rebar3, {QStringLiteral("new"), QStringLiteral("release"), QStringLiteral("myrel")},
                       m_tmp.path());
        },
        [&] { return run(rebar3, {QStringLiteral("tar")}, m_rebar3Dir); },
        [&] {
            return copyTo(devRel + QStringLiteral("/myrel-0.1.0.tar.gz"),
                          QStringLiteral("rebar3-0.1.0.tar.gz"));
        },
        [&] { return run(rebar3, prodTar, m_rebar3Dir); },
        [&] {
            return copyTo(prodRel + QStringLiteral("/myrel-0.1.0.tar.gz"),
                          QStringLiteral("rebar3-prod-0.1.0.tar.gz"));
        },
        [&] { return gnuTar(prodRel, QStringLiteral("gnu-rebar3.tar.gz")); },
        [&] {
            const bool bumped = editFile(m_rebar3Dir + QStringLiteral("/rebar.config"), "{myrel, \"0.1.0\"}",
                                         "{myrel, \"0.2.0\"}") &&
                                editFile(m_rebar3Dir + QStringLiteral("/apps/myrel/src/myrel.app.src"),
                                         "{vsn, \"0.1.0\"}", "{vsn, \"0.2.0\"}");
            return bumped ? QString() : QStringLiteral("the rebar3 template has no version 0.1.0 to bump");
        },
        [&] { return run(rebar3, prodTar, m_rebar3Dir); },
        [&] {
            return copyTo(prodRel + QStringLiteral("/myrel-0.2.0.tar.gz"),
                          QStringLiteral("rebar3-prod-0.2.0.tar.gz"));
        },
    };
    for (const auto &step : steps) {
        if (const QString error = step(); !error.isEmpty())
            return error;
    }
    return {};
}

// myapp 0.1.0, 0.2.0 and 0.3.0-rc.1 (a semver pre-release: its lib directory holds two '-'), each
// `mix release` with the :tar step; GNU tar of the release directory after the first.
QString TestToolTarballs::buildMix()
{
    const QString mix = QStringLiteral("mix");
    QString error =
        run(mix, {QStringLiteral("new"), QStringLiteral("myapp"), QStringLiteral("--sup")}, m_tmp.path());
    if (!error.isEmpty())
        return error;
    m_mixDir = path(QStringLiteral("myapp"));
    const QString mixExs = m_mixDir + QStringLiteral("/mix.exs");
    if (!editFile(mixExs, "deps: deps()",
                  "deps: deps(),\n      releases: [myapp: [steps: [:assemble, :tar]]]"))
        return QStringLiteral("mix.exs has no deps: deps() to add releases after:\n") +
               QString::fromUtf8(readFile(mixExs));
    const QString rel = m_mixDir + QStringLiteral("/_build/prod/rel/myapp");
    QString previous = QStringLiteral("0.1.0");
    for (const QString &vsn :
         {QStringLiteral("0.1.0"), QStringLiteral("0.2.0"), QStringLiteral("0.3.0-rc.1")}) {
        if (vsn != previous &&
            !editFile(mixExs, "version: \"" + previous.toUtf8() + '"', "version: \"" + vsn.toUtf8() + '"'))
            return QStringLiteral("mix.exs has no version: \"%1\"").arg(previous);
        previous = vsn;
        // mix compares modification times in whole seconds: an edit within the second of the
        // last build would leave the old .app. The project's own build output goes.
        if (!QDir(m_mixDir + QStringLiteral("/_build/prod/lib/myapp")).removeRecursively())
            return QStringLiteral("cannot remove the project's build output");
        error = run(mix, {QStringLiteral("release"), QStringLiteral("--overwrite")}, m_mixDir);
        if (error.isEmpty())
            error = copyTo(m_mixDir + QStringLiteral("/_build/prod/myapp-%1.tar.gz").arg(vsn),
                           QStringLiteral("mix-%1.tar.gz").arg(vsn));
        if (error.isEmpty() && vsn == QLatin1String("0.1.0"))
            error = gnuTar(rel, QStringLiteral("gnu-mix.tar.gz"));
        if (!error.isEmpty())
            return error;
    }
    return {};
}

// The applications (name -> versions in lib/) each tool puts in its release: the project's at
// `vsn`, OTP's as installed, Elixir's at the Elixir version.
QMap<QString, QStringList> TestToolTarballs::expectedApps(const QString &tool, const QString &vsn) const
{
    QMap<QString, QStringList> apps;
    for (const char *otpApp : {"kernel", "stdlib", "sasl"})
        apps.insert(QLatin1String(otpApp), {m_otpApps.value(QLatin1String(otpApp))});
    if (tool == QLatin1String("rebar3")) {
        apps.insert(QStringLiteral("myrel"), {vsn});
    } else {
        apps.insert(QStringLiteral("myapp"), {vsn});
        apps.insert(QStringLiteral("compiler"), {m_otpApps.value(QStringLiteral("compiler"))});
        for (const char *elixirApp : {"elixir", "iex", "logger"})
            apps.insert(QLatin1String(elixirApp), {m_elixirVsn});
    }
    return apps;
}

void TestToolTarballs::inspect_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("vsn");
    QTest::addColumn<bool>("bundlesErts");
    QTest::addColumn<QStringList>("warnings");    // regular expressions: each matches one warning, no others
    QTest::addColumn<QStringList>("projectVsns"); // in lib/; empty: only vsn

    const QString v1 = QStringLiteral("0.1.0");
    const QString rebar3 = QStringLiteral("rebar3");
    const QString mix = QStringLiteral("mix");
    QTest::newRow("rebar3 tar, default profile (dev mode, no ERTS)")
        << tarball(QStringLiteral("rebar3-0.1.0.tar.gz")) << rebar3 << v1 << false << QStringList{}
        << QStringList{};
    QTest::newRow("rebar3 as prod tar (ERTS included)")
        << tarball(QStringLiteral("rebar3-prod-0.1.0.tar.gz")) << rebar3 << v1 << true << QStringList{}
        << QStringList{};
    QTest::newRow("rebar3 as prod tar, next version")
        << tarball(QStringLiteral("rebar3-prod-0.2.0.tar.gz")) << rebar3 << QStringLiteral("0.2.0") << true
        << QStringList{} << QStringList{};
    QTest::newRow("rebar3 release directory in dev mode (links into _build and OTP)")
        << m_rebar3Dir + QStringLiteral("/_build/default/rel/myrel") << rebar3 << v1 << false << QStringList{}
        << QStringList{};
    QTest::newRow("GNU tar of the prod release directory")
        << tarball(QStringLiteral("gnu-rebar3.tar.gz")) << rebar3 << v1 << true << QStringList{}
        << QStringList{};
    QTest::newRow("mix release :tar")
        << tarball(QStringLiteral("mix-0.1.0.tar.gz")) << mix << v1 << true << QStringList{} << QStringList{};
    QTest::newRow("mix release :tar, pre-release version")
        << tarball(QStringLiteral("mix-0.3.0-rc.1.tar.gz")) << mix << QStringLiteral("0.3.0-rc.1") << true
        << QStringList{} << QStringList{};
    QTest::newRow("GNU tar of the mix release directory")
        << tarball(QStringLiteral("gnu-mix.tar.gz")) << mix << v1 << true << QStringList{} << QStringList{};
    // mix keeps the earlier releases and applications: the release is the one start_erl.data
    // boots, two versions of myapp are not duplicate modules, and the missing relup is true.
    QTest::newRow("mix release directory after three releases")
        << m_mixDir + QStringLiteral("/_build/prod/rel/myapp") << mix << QStringLiteral("0.3.0-rc.1") << true
        << QStringList{QStringLiteral(
               "^the package holds several release versions \\(.*\\) but 0\\.3\\.0-rc\\.1 "
               "has no relup")}
        << QStringList{v1, QStringLiteral("0.2.0"), QStringLiteral("0.3.0-rc.1")};
}

void TestToolTarballs::inspect()
{
    QFETCH(QString, input);
    QFETCH(QString, tool);
    QFETCH(QString, vsn);
    QFETCH(bool, bundlesErts);
    QFETCH(QStringList, warnings);
    QFETCH(QStringList, projectVsns);

    const ProcessRun run = rs::test::runCli({QStringLiteral("inspect"), input, QStringLiteral("--json")});
    QVERIFY2(run.ok(), qPrintable(run.describe(QStringLiteral("relstudio-cli inspect"))));
    QString error;
    const QJsonObject report = jsonOf(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString project =
        tool == QLatin1String("rebar3") ? QStringLiteral("myrel") : QStringLiteral("myapp");
    const QJsonObject release = report.value(QStringLiteral("release")).toObject();
    QCOMPARE(release.value(QStringLiteral("name")).toString(), project);
    QCOMPARE(release.value(QStringLiteral("vsn")).toString(), vsn);
    QCOMPARE(release.value(QStringLiteral("erts")).toString(), m_otp.ertsVsn);

    QMap<QString, QStringList> apps; // name -> versions in lib/
    for (const QJsonValue &v : report.value(QStringLiteral("applications")).toArray()) {
        const QJsonObject a = v.toObject();
        const QString name = a.value(QStringLiteral("name")).toString();
        const int modules = a.value(QStringLiteral("modules")).toInt();
        apps[name] << a.value(QStringLiteral("vsn")).toString();
        QVERIFY2(modules > 0, qPrintable(name + QStringLiteral(" has no modules")));
        if (name == project)
            QCOMPARE(modules, 2); // the application and its supervisor
    }
    QMap<QString, QStringList> expected = expectedApps(tool, vsn);
    if (!projectVsns.isEmpty())
        expected[project] = projectVsns;
    apps[project].sort();
    QCOMPARE(apps, expected);

    bool hasErts = false;
    for (const QJsonValue &e : report.value(QStringLiteral("entries")).toArray()) {
        const QString entry = e.toObject().value(QStringLiteral("path")).toString();
        hasErts = hasErts || entry == QStringLiteral("erts-%1/bin/erlexec").arg(m_otp.ertsVsn);
    }
    QCOMPARE(hasErts, bundlesErts);

    const QString boot = report.value(QStringLiteral("boot")).toString();
    const QRegularExpression bootHead(
        QStringLiteral("^\\{script,\\s*\\{\"%1\",\"%2\"\\},").arg(project, QRegularExpression::escape(vsn)));
    QVERIFY2(bootHead.match(boot).hasMatch(), qPrintable(boot.left(200)));
    const QRegularExpression loadsProject(
        QStringLiteral("\\{application,load,\\s*\\[\\{application,\\s*%1,").arg(project));
    QVERIFY2(loadsProject.match(boot).hasMatch(), "the boot does not load the project's application");

    const QStringList messages = warningMessages(report);
    QStringList unmatched = messages;
    for (const QString &pattern : warnings) {
        const QRegularExpression re(pattern);
        const auto it = std::find_if(unmatched.begin(), unmatched.end(),
                                     [&](const QString &m) { return re.match(m).hasMatch(); });
        QVERIFY2(
            it != unmatched.end(),
            qPrintable(
                QStringLiteral("no warning '%1' in:\n%2").arg(pattern, messages.join(QLatin1Char('\n')))));
        unmatched.erase(it);
    }
    QVERIFY2(unmatched.isEmpty(), qPrintable(unmatched.join(QLatin1Char('\n'))));
}

void TestToolTarballs::diff_data()
{
    QTest::addColumn<QString>("oldTarball");
    QTest::addColumn<QString>("newTarball");
    QTest::addColumn<QString>("app");
    QTest::addColumn<QString>("newVsn");
    QTest::newRow("rebar3 as prod tar, 0.1.0 to 0.2.0") << tarball(QStringLiteral("rebar3-prod-0.1.0.tar.gz"))
                                                        << tarball(QStringLiteral("rebar3-prod-0.2.0.tar.gz"))
                                                        << QStringLiteral("myrel") << QStringLiteral("0.2.0");
    QTest::newRow("mix release, 0.1.0 to 0.2.0")
        << tarball(QStringLiteral("mix-0.1.0.tar.gz")) << tarball(QStringLiteral("mix-0.2.0.tar.gz"))
        << QStringLiteral("myapp") << QStringLiteral("0.2.0");
    // lib/myapp-0.3.0-rc.1 pairs with lib/myapp-0.1.0: the name ends at the first '-'.
    QTest::newRow("mix release, 0.1.0 to 0.3.0-rc.1")
        << tarball(QStringLiteral("mix-0.1.0.tar.gz")) << tarball(QStringLiteral("mix-0.3.0-rc.1.tar.gz"))
        << QStringLiteral("myapp") << QStringLiteral("0.3.0-rc.1");
}

// The project's application is the one change (its version), with the release version.
void TestToolTarballs::diff()
{
    QFETCH(QString, oldTarball);
    QFETCH(QString, newTarball);
    QFETCH(QString, app);
    QFETCH(QString, newVsn);

    const ProcessRun run =
        rs::test::runCli({QStringLiteral("diff"), oldTarball, newTarball, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe(QStringLiteral("relstudio-cli diff"))));
    QString error;
    const QJsonObject report = jsonOf(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject release = report.value(QStringLiteral("release")).toObject();
    QVERIFY(release.value(QStringLiteral("vsn_changed")).toBool());
    QVERIFY(!release.value(QStringLiteral("name_changed")).toBool());
    QVERIFY(!release.value(QStringLiteral("erts_changed")).toBool());

    const QJsonArray apps = report.value(QStringLiteral("applications")).toArray();
    QVERIFY2(apps.size() == 1, QJsonDocument(apps).toJson().constData());
    const QJsonObject changed = apps.first().toObject();
    QCOMPARE(changed.value(QStringLiteral("name")).toString(), app);
    QCOMPARE(changed.value(QStringLiteral("state")).toString(), QStringLiteral("changed"));
    QCOMPARE(changed.value(QStringLiteral("old_vsn")).toString(), QStringLiteral("0.1.0"));
    QCOMPARE(changed.value(QStringLiteral("new_vsn")).toString(), newVsn);
    QVERIFY2(warningMessages(report).isEmpty(), qPrintable(warningMessages(report).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestToolTarballs)
#include "tst_tool_tarballs.moc"
