// The live hot upgrade: a node boots release 1 of hotup (tests/e2e/hot_upgrade), a gen_server
// gets state, and release_handler upgrades the running node to release 2 with the .appup and the
// relup Relstudio generated, from a tarball Relstudio built; the state must survive (converted by
// code_change/3) and the new code must answer. Then back down to 1 and the state converted back.
//
// Every step is a relstudio-cli command or bin/hotup, the control script `assemble` writes:
//   relstudio-cli appup --from lib/hotup-1.0 --to lib/hotup-2.0 --out lib/hotup-2.0/ebin/hotup.appup
//   relstudio-cli relup rel/hotup-2.rel --from rel/hotup-1.rel --lib-dir lib --out rel
//   relstudio-cli assemble rel/hotup-1.rel --lib-dir lib --vm-args vm.args --out target
//   target/bin/hotup daemon; target/bin/hotup eval 'hotup_server:add(40)'
//   relstudio-cli tar rel/hotup-2.rel --lib-dir lib --relup rel/relup --vm-args vm.args
//       --out target/releases/hotup-2.tar.gz
//   target/bin/hotup upgrade 2           (release_handler: unpack, install, make_permanent)
//   target/bin/hotup eval ...; target/bin/hotup stop
// The node has a -sname and cookie of its own per run and is always stopped (killed if it will
// not stop), also when a step fails. epmd runs on the machine as for any distributed node.
#include "hot_upgrade/hotup_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <signal.h>

using rs::test::ProgramRun;
using rs::test::runCli;

namespace {

// Stops the node when the test ends, whatever happened: `bin/hotup stop`, and SIGKILL to the
// emulator's OS process when it is still there after that.
// The OS processes whose command line holds ARG (the node's unique -sname): the emulator of this
// run's node, found when it could not tell its pid itself.
QList<qint64> processesWithArgument(const QString &arg)
{
    QList<qint64> pids;
    const QByteArray needle = arg.toUtf8();
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok || pid == QCoreApplication::applicationPid())
            continue;
        const QList<QByteArray> args =
            rs::test::readWholeFile(QStringLiteral("/proc/%1/cmdline").arg(entry)).split('\0');
        if (args.contains(needle) && args.contains(QByteArrayLiteral("-sname")))
            pids << pid;
    }
    return pids;
}

class NodeGuard
{
public:
    NodeGuard(QString control, QString nodeName)
        : m_control(std::move(control)), m_nodeName(std::move(nodeName))
    {
    }
    NodeGuard(const NodeGuard &) = delete;
    NodeGuard &operator=(const NodeGuard &) = delete;
    ~NodeGuard() { stop(); }

    void started() { m_started = true; }
    void setOsPid(qint64 pid) { m_osPid = pid; }

    ProgramRun run(const QStringList &args, int timeoutMs = 60000) const
    {
        return rs::test::runProgram(m_control, args, timeoutMs);
    }
    bool alive() const { return run({QStringLiteral("ping")}, 20000).exitCode == 0; }

    // Waits until the node answers (or no longer answers).
    bool waitFor(bool up, int timeoutMs) const
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (alive() == up)
                return true;
            QThread::msleep(200);
        }
        return false;
    }

    // True when the node was stopped by `bin/hotup stop`.
    bool stop()
    {
        if (!m_started)
            return true;
        m_started = false;
        const ProgramRun stopped = run({QStringLiteral("stop")}, 20000);
        bool clean = stopped.exitCode == 0 && waitFor(false, 15000);
        // The emulator may need a moment to exit after init:stop/0. When it never told its pid
        // (it did not come up), it is found by its unique node name.
        const QList<qint64> pids = m_osPid > 0 ? QList<qint64>{m_osPid} : processesWithArgument(m_nodeName);
        for (const qint64 pid : pids) {
            for (int i = 0; i < 50 && ::kill(pid_t(pid), 0) == 0; ++i)
                QThread::msleep(100);
            if (::kill(pid_t(pid), 0) == 0) {
                ::kill(pid_t(pid), SIGKILL);
                clean = false;
            }
        }
        return clean;
    }

private:
    QString m_control;
    QString m_nodeName;
    bool m_started = false;
    qint64 m_osPid = 0;
};

QString trimmed(const QByteArray &out)
{
    return QString::fromUtf8(out).trimmed();
}

} // namespace

class TestHotUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void liveUpgrade();
};

void TestHotUpgrade::liveUpgrade()
{
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(QFileInfo(rs::test::cliPath()).isExecutable(), "relstudio-cli is not built");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    rs::test::Hotup hotup;
    const QString built = rs::test::buildHotup(root, hotup);
    QVERIFY2(built.isEmpty(), qPrintable(built));

    // 1. Relstudio generates the .appup of hotup 2.0 and the relup of release 2.
    const QString appup = hotup.app("2.0") + QStringLiteral("/ebin/hotup.appup");
    ProgramRun r = runCli({QStringLiteral("appup"), QStringLiteral("--from"), hotup.app("1.0"),
                           QStringLiteral("--to"), hotup.app("2.0"), QStringLiteral("--out"), appup});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("appup"))));
    const QByteArray appupText = rs::test::readWholeFile(appup);
    QVERIFY2(appupText.contains("{add_module,hotup_fmt}") &&
                 appupText.contains("{update,hotup_server,{advanced,[]},[hotup_fmt]}") &&
                 appupText.contains("{delete_module,hotup_fmt}") && !appupText.contains("hotup_sup") &&
                 !appupText.contains("hotup_app"),
             appupText.constData());
    r = runCli({QStringLiteral("check-appup"), appup, QStringLiteral("--from"), hotup.app("1.0"),
                QStringLiteral("--to"), hotup.app("2.0")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("no problems found"),
             qPrintable(r.describe(QStringLiteral("check-appup"))));
    r = runCli({QStringLiteral("relup"), hotup.rel("2"), QStringLiteral("--from"), hotup.rel("1"),
                QStringLiteral("--lib-dir"), hotup.lib, QStringLiteral("--out"), hotup.rels});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("relup"))));
    const QString relup = hotup.rels + QStringLiteral("/relup");
    QVERIFY(QFileInfo::exists(relup));

    // 2. Release 1 laid out and started; vm.args names the node and its cookie.
    const QString suffix =
        QStringLiteral("%1_%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
    const QString nodeName = QStringLiteral("hotup_") + suffix;
    const QString vmArgs = root + QStringLiteral("/vm.args");
    QVERIFY(rs::test::writeWholeFile(
        vmArgs, QStringLiteral("-sname %1\n-setcookie hotup_cookie_%2\n").arg(nodeName, suffix).toUtf8()));
    const QString target = root + QStringLiteral("/target");
    r = runCli({QStringLiteral("assemble"), hotup.rel("1"), QStringLiteral("--lib-dir"), hotup.lib,
                QStringLiteral("--vm-args"), vmArgs, QStringLiteral("--out"), target});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("assemble"))));
    const QString control = target + QStringLiteral("/bin/hotup");
    QVERIFY(QFileInfo(control).isExecutable());

    NodeGuard node(control, nodeName);
    QVERIFY2(!node.alive(), "a node of that name is already running");
    node.started(); // from here on the guard stops it, also when daemon fails half way
    r = node.run({QStringLiteral("daemon")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("bin/hotup daemon"))));
    QVERIFY2(node.waitFor(true, 20000), "the node of release 1 did not come up");
    r = node.run({QStringLiteral("eval"), QStringLiteral("list_to_integer(os:getpid())")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("eval os:getpid()"))));
    node.setOsPid(trimmed(r.out).toLongLong());
    QVERIFY(trimmed(r.out).toLongLong() > 0);

    // 3. State into the 1.0 gen_server.
    for (const char *n : {"40", "2"}) {
        r = node.run({QStringLiteral("eval"), QStringLiteral("hotup_server:add(%1)").arg(QLatin1String(n))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("eval add"))));
    }
    r = node.run({QStringLiteral("eval"), QStringLiteral("sys:get_state(hotup_server)")});
    QCOMPARE(trimmed(r.out), QStringLiteral("{state,42,[2,40]}"));
    r = node.run(
        {QStringLiteral("eval"), QStringLiteral("erlang:function_exported(hotup_server, describe, 0)")});
    QCOMPARE(trimmed(r.out), QStringLiteral("false"));

    // 4. The tarball of release 2, named after its .rel, where release_handler:unpack_release/1
    //    looks for it: releases/hotup-2.tar.gz holding releases/hotup-2.rel.
    const QString tarball = target + QStringLiteral("/releases/hotup-2.tar.gz");
    r = runCli({QStringLiteral("tar"), hotup.rel("2"), QStringLiteral("--lib-dir"), hotup.lib,
                QStringLiteral("--relup"), relup, QStringLiteral("--vm-args"), vmArgs,
                QStringLiteral("--out"), tarball});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("tar"))));

    // 5. The hot upgrade.
    r = node.run({QStringLiteral("upgrade"), QStringLiteral("2")}, 120000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("bin/hotup upgrade 2"))));

    // 6. The state survived, converted by code_change/3; the new function and module answer.
    r = node.run({QStringLiteral("eval"), QStringLiteral("hotup_server:count()")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe(QStringLiteral("eval count after the upgrade"))));
    QCOMPARE(trimmed(r.out), QStringLiteral("42"));
    r = node.run({QStringLiteral("eval"), QStringLiteral("hotup_server:describe()")});
    QCOMPARE(trimmed(r.out), QStringLiteral("{hotup,\"2.0\",42,[40,2],true}"));
    r = node.run({QStringLiteral("eval"), QStringLiteral("hotup_server:add(8)")});
    QCOMPARE(trimmed(r.out), QStringLiteral("50"));
    r = node.run({QStringLiteral("eval"), QStringLiteral("code:which(hotup_server)")});
    QVERIFY2(trimmed(r.out).endsWith(QStringLiteral("/lib/hotup-2.0/ebin/hotup_server.beam\"")),
             r.out.constData());
    r = node.run({QStringLiteral("eval"), QStringLiteral("release_handler:which_releases(permanent)")});
    QVERIFY2(trimmed(r.out).startsWith(QStringLiteral("[{\"hotup\",\"2\",")), r.out.constData());
    r = node.run({QStringLiteral("version")});
    QCOMPARE(trimmed(r.out), QStringLiteral("hotup 2"));

    // 7. And back down to 1 with the relup's down section: the state becomes the tuple again and
    //    the module 2.0 added is gone.
    r = node.run({QStringLiteral("eval"), QStringLiteral("release_handler:install_release(\"1\")")});
    QVERIFY2(r.exitCode == 0 && trimmed(r.out) == QStringLiteral("{ok,\"1\",[]}"),
             qPrintable(r.describe(QStringLiteral("install_release(\"1\")"))));
    r = node.run({QStringLiteral("eval"), QStringLiteral("sys:get_state(hotup_server)")});
    QCOMPARE(trimmed(r.out), QStringLiteral("{state,50,[8,2,40]}"));
    r = node.run(
        {QStringLiteral("eval"), QStringLiteral("{code:is_loaded(hotup_fmt), "
                                                "erlang:function_exported(hotup_server, describe, 0)}")});
    QCOMPARE(trimmed(r.out), QStringLiteral("{false,false}"));

    // 8. Stopped.
    QVERIFY2(node.stop(), "the node did not stop with bin/hotup stop");
    qInfo("live upgrade took %lld ms", qint64(clock.elapsed()));
}

QTEST_GUILESS_MAIN(TestHotUpgrade)
#include "tst_hot_upgrade.moc"
