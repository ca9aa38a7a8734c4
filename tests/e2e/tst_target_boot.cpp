// The proof that what Relstudio builds runs: the example shop release, assembled by
// `relstudio-cli assemble` (with and without its own ERTS) or packed by `relstudio-cli tar` and
// unpacked with GNU tar, is started with `bin/shop daemon`; `bin/shop ping`, `eval`, `version` and
// `stop` drive it; its applications run (shop_core's cart, shop_web's router, shop_metrics'
// counters, sys.config read); and release_handler:unpack_release/1 inside the running target
// accepts a tarball Relstudio built. Every node gets a unique name and cookie and is stopped in
// cleanup(), killed by its OS pid if `stop` does not end it.
#include "core/package/package_test_util.h"
#include "release/otp_installation.h"
#include "support/testdata.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using rs::test::package::ProgramRun;
using rs::test::package::readFile;
using rs::test::package::runProgram;
using rs::test::package::writeFile;

namespace {

const QString cliPath = QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli");
const QString examplesLib = QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR);

QString exampleRelease(const char *name)
{
    return rs::test::sourcePath(QStringLiteral("examples/releases/") + QLatin1String(name));
}

// A release node this test started: where it lives and how to find it again.
struct Node
{
    QString root;
    QString name; // the -sname
    qint64 osPid = 0;
};

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

// /proc/PID/cmdline holds "-sname NAME": the process is the node this test started.
bool isNodeProcess(qint64 pid, const QString &name)
{
    const QByteArray cmdline = readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
    const QByteArray needle = QByteArray("\0-sname\0", 8) + name.toUtf8() + QByteArray(1, '\0');
    return cmdline.contains(needle);
}

// The OS pid of the beam running node NAME, found by its unique -sname.
qint64 findNodeProcess(const QString &name)
{
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (ok && isNodeProcess(pid, name))
            return pid;
    }
    return 0;
}

} // namespace

class TestTargetBoot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    rs::release::OtpInstallation m_otp;
    std::vector<Node> m_nodes; // started by the current test function

    ProgramRun cli(const QStringList &args) { return runProgram(cliPath, args, m_tmp.path()); }
    ProgramRun control(const Node &node, const QStringList &args, int timeoutMs = 60000)
    {
        return runProgram(node.root + QStringLiteral("/bin/shop"), args, node.root, {}, timeoutMs);
    }

    // A vm.args naming a node nobody else uses, with a cookie of its own.
    QString uniqueVmArgs(const QString &dir, QString *nodeName)
    {
        const quint32 random = QRandomGenerator::global()->generate();
        *nodeName = QStringLiteral("shop_t%1_%2").arg(::getpid()).arg(random, 8, 16, QLatin1Char('0'));
        const QString path = dir + QStringLiteral("/vm.args");
        writeFile(path, QStringLiteral("# written by tst_target_boot\n-sname %1\n-setcookie c%2\n+K true\n")
                            .arg(*nodeName)
                            .arg(random, 0, 16)
                            .toUtf8());
        return path;
    }

    void startAndCheck(Node &node);
    void stopNode(Node &node);

private slots:
    void initTestCase();
    void cleanup();
    void bootsTarget_data();
    void bootsTarget();
    void releaseHandlerUnpacksRelstudioTarball();
};

void TestTargetBoot::initTestCase()
{
    const QString missing = rs::test::missingBuildOutputs(cliPath, examplesLib);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_tmp.isValid());
    const auto otp = rs::release::OtpInstallation::locate();
    QVERIFY2(otp.hasValue(), rs::test::errorOf(otp).constData());
    m_otp = *otp;
}

// Always: `bin/shop stop`, then the OS pid is killed if the node is still there.
void TestTargetBoot::cleanup()
{
    for (Node &node : m_nodes)
        stopNode(node);
    m_nodes.clear();
}

void TestTargetBoot::stopNode(Node &node)
{
    if (node.osPid == 0)
        node.osPid = findNodeProcess(node.name);
    if (node.osPid == 0 || !processAlive(node.osPid))
        return;
    control(node, {QStringLiteral("stop")}, 30000);
    QElapsedTimer timer;
    timer.start();
    while (processAlive(node.osPid) && timer.elapsed() < 15000)
        QThread::msleep(100);
    if (processAlive(node.osPid) && isNodeProcess(node.osPid, node.name)) {
        qWarning("node %s did not stop; killing pid %lld", qPrintable(node.name), node.osPid);
        ::kill(pid_t(node.osPid), SIGKILL);
    }
}

// daemon, ping until it answers, then the checks of a running shop.
void TestTargetBoot::startAndCheck(Node &node)
{
    m_nodes.push_back(node);
    Node &started = m_nodes.back();
    const ProgramRun daemon = control(started, {QStringLiteral("daemon")});
    QVERIFY2(daemon.ok(), daemon.describe().constData());

    QElapsedTimer timer;
    timer.start();
    ProgramRun ping;
    do {
        ping = control(started, {QStringLiteral("ping")});
        if (ping.ok())
            break;
        QThread::msleep(300);
    } while (timer.elapsed() < 60000);
    QVERIFY2(ping.ok(), ping.describe().constData());
    QCOMPARE(ping.out, QByteArray("pong\n"));

    auto eval = [&](const QString &expression) {
        const ProgramRun run = control(started, {QStringLiteral("eval"), expression});
        if (!run.ok())
            qWarning("eval %s: %s", qPrintable(expression), run.describe().constData());
        return QString::fromUtf8(run.out).trimmed();
    };
    started.osPid = eval(QStringLiteral("list_to_integer(os:getpid())")).toLongLong();
    node.osPid = started.osPid;
    QVERIFY2(isNodeProcess(started.osPid, started.name), qPrintable(QString::number(started.osPid)));

    // The applications of the release run: shop_core and shop_web (with the included shop_metrics).
    const QString apps = eval(QStringLiteral("[A || {A, _, _} <- application:which_applications()]"));
    for (const char *app : {"kernel", "stdlib", "sasl", "shop_core", "shop_web"})
        QVERIFY2(
            QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(app))).match(apps).hasMatch(),
            qPrintable(apps));
    QVERIFY2(!apps.contains(QLatin1String("shop_tools")), qPrintable(apps)); // type load: loaded, not started
    QCOMPARE(eval(QStringLiteral("lists:keymember(shop_tools, 1, application:loaded_applications())")),
             QStringLiteral("true"));

    // It runs from the target: its root, its code and its boot script.
    const QString root = QFileInfo(started.root).canonicalFilePath();
    QCOMPARE(eval(QStringLiteral("code:root_dir()")), QLatin1Char('"') + root + QLatin1Char('"'));
    QCOMPARE(eval(QStringLiteral("code:which(shop_cart)")),
             QStringLiteral("\"%1/lib/shop_core-1.0.0/ebin/shop_cart.beam\"").arg(root));
    QCOMPARE(eval(QStringLiteral("init:get_argument(boot)")),
             QStringLiteral("{ok,[[\"%1/releases/1.0.0/start\"]]}").arg(root));
    // sys.config was read.
    QCOMPARE(eval(QStringLiteral("application:get_env(shop_core, currency)")),
             QStringLiteral("{ok,<<\"EUR\">>}"));
    QCOMPARE(eval(QStringLiteral("application:get_env(sasl, sasl_error_logger)")),
             QStringLiteral("{ok,false}"));

    // The shop works: the cart, the router (opened by shop_web's start phase go) and the counters.
    QCOMPARE(eval(QStringLiteral("shop_cart:add(<<\"apple\">>, 2, 150)")), QStringLiteral("ok"));
    QCOMPARE(eval(QStringLiteral(
                 "shop_web_router:request(post, \"/cart\", term_to_binary({<<\"pear\">>, 1, 99}))")),
             QStringLiteral("{201,<<>>}"));
    QCOMPARE(eval(QStringLiteral("shop_cart:items()")),
             QStringLiteral("[{<<\"apple\">>,2,150},{<<\"pear\">>,1,99}]"));
    QCOMPARE(eval(QStringLiteral("shop_metrics:value(sales)")), QStringLiteral("1"));
    QCOMPARE(eval(QStringLiteral("element(1, shop_web_router:request(get, \"/cart\", <<>>))")),
             QStringLiteral("200"));
    QCOMPARE(eval(QStringLiteral("shop_metrics:value(requests)")), QStringLiteral("2"));

    const ProgramRun version = control(started, {QStringLiteral("version")});
    QVERIFY2(version.ok(), version.describe().constData());
    QCOMPARE(version.out, QByteArray("shop 1.0.0\n"));

    // eval of a failing expression: exit 1, the reason on stderr.
    const ProgramRun failing = control(started, {QStringLiteral("eval"), QStringLiteral("1 = 2")});
    QCOMPARE(failing.exitCode, 1);
    QVERIFY2(failing.err.contains("badmatch"), failing.describe().constData());
}

void TestTargetBoot::bootsTarget_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("includeErts");
    QTest::newRow("assembled") << QStringLiteral("assemble") << false;
    QTest::newRow("assembled with its own ERTS") << QStringLiteral("assemble") << true;
    QTest::newRow("tarball unpacked with GNU tar") << QStringLiteral("tar") << false;
    QTest::newRow("tarball with its own ERTS unpacked with GNU tar") << QStringLiteral("tar") << true;
}

void TestTargetBoot::bootsTarget()
{
    QFETCH(QString, how);
    QFETCH(bool, includeErts);
    const QString dir = m_tmp.filePath(
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
    QDir(dir).removeRecursively();
    QVERIFY(QDir().mkpath(dir));
    Node node;
    const QString vmArgs = uniqueVmArgs(dir, &node.name);
    node.root = dir + QStringLiteral("/target");
    QStringList args{how,
                     exampleRelease("shop-1.0.0.rel"),
                     QStringLiteral("--lib-dir"),
                     examplesLib,
                     QStringLiteral("--sys-config"),
                     exampleRelease("sys.config"),
                     QStringLiteral("--vm-args"),
                     vmArgs};
    if (includeErts)
        args << QStringLiteral("--include-erts");
    if (how == QLatin1String("assemble")) {
        args << QStringLiteral("--out") << node.root;
        const ProgramRun run = cli(args);
        QVERIFY2(run.ok(), run.describe().constData());
    } else {
        const QString tarball = dir + QStringLiteral("/shop-1.0.0.tar.gz");
        args << QStringLiteral("--out") << tarball;
        const ProgramRun run = cli(args);
        QVERIFY2(run.ok(), run.describe().constData());
        QVERIFY(QDir().mkpath(node.root));
        const ProgramRun untar = runProgram(
            QStringLiteral("tar"), {QStringLiteral("-xzf"), tarball, QStringLiteral("-C"), node.root});
        QVERIFY2(untar.ok(), untar.describe().constData());
    }
    const QString ownErts =
        node.root + QStringLiteral("/erts-") + m_otp.ertsVsn + QStringLiteral("/bin/erlexec");
    QCOMPARE(QFileInfo(ownErts).isExecutable(), includeErts);

    startAndCheck(node);
    if (QTest::currentTestFailed())
        return;
    if (includeErts) {
        // The target's own ERTS runs it, not the OTP it was built with.
        const ProgramRun bindir =
            control(node, {QStringLiteral("eval"), QStringLiteral("os:getenv(\"BINDIR\")")});
        QCOMPARE(QString::fromUtf8(bindir.out).trimmed(),
                 QStringLiteral("\"%1/erts-%2/bin\"")
                     .arg(QFileInfo(node.root).canonicalFilePath(), m_otp.ertsVsn));
        const QString exe = QFileInfo(QStringLiteral("/proc/%1/exe").arg(node.osPid)).symLinkTarget();
        QVERIFY2(exe.startsWith(QFileInfo(node.root).canonicalFilePath()), qPrintable(exe));
    }

    // stop: the node goes away and ping says so.
    const ProgramRun stop = control(node, {QStringLiteral("stop")});
    QVERIFY2(stop.ok(), stop.describe().constData());
    QElapsedTimer timer;
    timer.start();
    while (processAlive(node.osPid) && timer.elapsed() < 30000)
        QThread::msleep(100);
    QVERIFY2(!processAlive(node.osPid), "the node is still running after bin/shop stop");
    const ProgramRun ping = control(node, {QStringLiteral("ping")});
    QCOMPARE(ping.exitCode, 1);
    QVERIFY2(ping.err.contains("is not running"), ping.describe().constData());
}

// release_handler, running inside a target Relstudio assembled, unpacks a tarball Relstudio
// built for the next version (shop 1.0.1, the same applications) and installs it with a relup
// that has no instructions; RELEASES then lists both versions and the target files of the
// tarball (bin/shop, releases/RELEASES, start_erl.data) do not overwrite the running target's.
void TestTargetBoot::releaseHandlerUnpacksRelstudioTarball()
{
    const QString dir = m_tmp.filePath(QStringLiteral("release_handler"));
    QDir(dir).removeRecursively();
    QVERIFY(QDir().mkpath(dir));
    Node node;
    const QString vmArgs = uniqueVmArgs(dir, &node.name);
    node.root = dir + QStringLiteral("/target");
    const ProgramRun assemble =
        cli({QStringLiteral("assemble"), exampleRelease("shop-1.0.0.rel"), QStringLiteral("--lib-dir"),
             examplesLib, QStringLiteral("--sys-config"), exampleRelease("sys.config"),
             QStringLiteral("--vm-args"), vmArgs, QStringLiteral("--out"), node.root});
    QVERIFY2(assemble.ok(), assemble.describe().constData());
    const QByteArray releasesBefore = readFile(node.root + QStringLiteral("/releases/RELEASES"));

    // shop 1.0.1: the same applications, and a relup from 1.0.0.
    QByteArray rel = readFile(exampleRelease("shop-1.0.0.rel"));
    QVERIFY(rel.contains("{\"shop\", \"1.0.0\"}"));
    rel.replace("{\"shop\", \"1.0.0\"}", "{\"shop\", \"1.0.1\"}");
    const QString rel101 = dir + QStringLiteral("/shop-1.0.1.rel");
    QVERIFY(writeFile(rel101, rel));
    const QString relup = dir + QStringLiteral("/relup");
    QVERIFY(writeFile(relup, "{\"1.0.1\",\n [{\"1.0.0\",[],[]}],\n [{\"1.0.0\",[],[]}]}.\n"));
    const ProgramRun tar =
        cli({QStringLiteral("tar"), rel101, QStringLiteral("--lib-dir"), examplesLib,
             QStringLiteral("--sys-config"), exampleRelease("sys.config"), QStringLiteral("--vm-args"),
             vmArgs, QStringLiteral("--relup"), relup, QStringLiteral("--out"),
             node.root + QStringLiteral("/releases/shop-1.0.1.tar.gz")});
    QVERIFY2(tar.ok(), tar.describe().constData());

    startAndCheck(node);
    if (QTest::currentTestFailed())
        return;
    auto eval = [&](const QString &expression) {
        const ProgramRun run = control(node, {QStringLiteral("eval"), expression});
        return run.ok() ? QString::fromUtf8(run.out).trimmed() : QString::fromUtf8(run.describe());
    };
    QCOMPARE(eval(QStringLiteral("release_handler:unpack_release(\"shop-1.0.1\")")),
             QStringLiteral("{ok,\"1.0.1\"}"));
    QCOMPARE(eval(QStringLiteral("[{V, S} || {_, V, _, S} <- release_handler:which_releases()]")),
             QStringLiteral("[{\"1.0.1\",unpacked},{\"1.0.0\",permanent}]"));
    QVERIFY(QFile::exists(node.root + QStringLiteral("/releases/1.0.1/start.boot")));
    QVERIFY(QFile::exists(node.root + QStringLiteral("/releases/1.0.1/sys.config")));
    QVERIFY(QFile::exists(node.root + QStringLiteral("/releases/1.0.1/vm.args")));
    QCOMPARE(readFile(node.root + QStringLiteral("/releases/start_erl.data")),
             (m_otp.ertsVsn + QStringLiteral(" 1.0.0\n")).toUtf8());
    QVERIFY(readFile(node.root + QStringLiteral("/releases/RELEASES")) !=
            releasesBefore); // release_handler's own

    QCOMPARE(eval(QStringLiteral("release_handler:install_release(\"1.0.1\")")),
             QStringLiteral("{ok,\"1.0.0\",[]}"));
    QCOMPARE(eval(QStringLiteral("release_handler:make_permanent(\"1.0.1\")")), QStringLiteral("ok"));
    QCOMPARE(eval(QStringLiteral("[{V, S} || {_, V, _, S} <- release_handler:which_releases()]")),
             QStringLiteral("[{\"1.0.1\",permanent},{\"1.0.0\",old}]"));
    // The shop kept running through it.
    QCOMPARE(eval(QStringLiteral("shop_cart:items()")),
             QStringLiteral("[{<<\"apple\">>,2,150},{<<\"pear\">>,1,99}]"));
}

QTEST_GUILESS_MAIN(TestTargetBoot)
#include "tst_target_boot.moc"
