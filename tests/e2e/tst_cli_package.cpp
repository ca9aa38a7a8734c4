// End to end: `relstudio-cli tar`, `assemble` and `inspect` as release engineers use them, checked
// against OTP itself. The tarball holds the members systools:make_tar writes for the same release,
// in the same order and with the same bytes and headers, plus the target files of `assemble`;
// erl_tar and GNU tar read it; builds are reproducible; bad inputs and failed or interrupted builds
// leave nothing behind; `assemble` lays out what `tar` packs; and `inspect` reads tarballs of
// Relstudio, systools and GNU tar (gzip, bzip2, xz, zstd) and directories, with its warnings.
#include "core/package/package_test_util.h"
#include "release/otp_installation.h"
#include "support/cli_json.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using rs::test::warningMessages;
using rs::test::package::copyTree;
using rs::test::package::listTree;
using rs::test::package::modeOf;
using rs::test::package::namesOf;
using rs::test::package::ProgramRun;
using rs::test::package::readFile;
using rs::test::package::readTarball;
using rs::test::package::runProgram;
using rs::test::package::TarMember;
using rs::test::package::writeFile;

namespace {

const QString cliPath = QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli");
const QString examplesLib = QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR);

ProgramRun cli(const QStringList &args, const QStringList &env = {},
               const QString &workDir = QDir::tempPath())
{
    return runProgram(cliPath, args, workDir, env);
}

QString erlString(const QString &s)
{
    QString e = s;
    e.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("\""), QLatin1String("\\\""));
    return QLatin1Char('"') + e + QLatin1Char('"');
}

QString exampleRelease(const char *name)
{
    return rs::test::sourcePath(QStringLiteral("examples/releases/") + QLatin1String(name));
}

// A relup for shop 1.0.0, up from and down to 0.9.0, without instructions: what make_tar checks.
const QByteArray shopRelup = "{\"1.0.0\",\n [{\"0.9.0\",[],[]}],\n [{\"0.9.0\",[],[]}]}.\n";

// systools:make_script and systools:make_tar for DIR/NAME.rel, run from DIR as a release engineer
// does (make_tar takes the boot file, sys.config and relup it finds there), the applications
// searched in LIB/*/ebin and the OTP's code path; the tarball goes to OUTDIR/NAME.tar.gz.
rs::test::ErlRun systoolsTar(const QString &dir, const QString &name, const QStringList &libDirs,
                             const QString &outDir, const QString &extraOptions = QString())
{
    QStringList globs;
    for (const QString &lib : libDirs)
        globs << erlString(lib + QStringLiteral("/*/ebin"));
    const QString expression =
        QStringLiteral("ok = file:set_cwd(%1), Path = [%2],"
                       "case systools:make_script(%3, [silent, {path, Path}, {outdir, %1}]) of"
                       " {ok, _, _} -> ok; E1 -> io:format(\"make_script: ~p~n\", [E1]), halt(2) end,"
                       "case systools:make_tar(%3, [silent, {path, Path}, {outdir, %4}%5]) of"
                       " {ok, _, _} -> ok; E2 -> io:format(\"make_tar: ~p~n\", [E2]), halt(3) end")
            .arg(erlString(dir), globs.join(QLatin1Char(',')), erlString(name), erlString(outDir),
                 extraOptions.isEmpty() ? QString() : QStringLiteral(", ") + extraOptions);
    return rs::test::evalErl(expression);
}

// The members `tar` adds to what make_tar packs, by design: the target files of `assemble`.
QStringList targetExtras(const QString &name, const QString &vsn, bool vmArgs)
{
    QStringList extras{QStringLiteral("bin/") + name, QStringLiteral("bin/start_clean.boot"),
                       QStringLiteral("releases/RELEASES"), QStringLiteral("releases/start_erl.data")};
    if (vmArgs)
        extras << QStringLiteral("releases/%1/vm.args").arg(vsn);
    return extras;
}

// The parts of a tarball make_tar writes in the file system's directory order (file:list_dir/1):
// each application's priv tree and erts-VSN/bin. Relstudio walks them in name order.
bool inListedTree(const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('/'));
    return (parts.size() > 3 && parts[0] == QLatin1String("lib") && parts[2] == QLatin1String("priv")) ||
           (parts.size() > 2 && parts[0].startsWith(QLatin1String("erts-")) &&
            parts[1] == QLatin1String("bin"));
}

QString listedTreeOf(const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('/'));
    return parts[0] == QLatin1String("lib") ? parts.mid(0, 3).join(QLatin1Char('/'))
                                            : parts.mid(0, 2).join(QLatin1Char('/'));
}

QString describeMember(const TarMember &m)
{
    return QStringLiteral("%1 type %2 mode %3 uid %4 gid %5 size %6 mtime %7 uname '%8' gname '%9'")
        .arg(m.name)
        .arg(QChar::fromLatin1(m.type))
        .arg(QString::number(m.mode, 8))
        .arg(m.uid)
        .arg(m.gid)
        .arg(m.size)
        .arg(m.mtime)
        .arg(QString::fromLatin1(m.uname), QString::fromLatin1(m.gname));
}

QByteArray listing(const QStringList &names)
{
    return names.join(QLatin1Char('\n')).toUtf8();
}

// A library application with a priv tree that exercises the walk: names whose order differs
// between plain string order and tree order ("a-b/" and "a/"), upper and lower case, a hidden
// file, an executable, an empty directory, a symlink (followed, as make_tar's dereference), a
// file larger than a gzip block, and enough files that the directory order is not the name order.
void writeAssetsApp(const QString &lib)
{
    const QString app = lib + QStringLiteral("/shop_assets-1.0.0");
    writeFile(app + QStringLiteral("/ebin/shop_assets.app"),
              "{application, shop_assets,\n"
              " [{description, \"Shop assets: files in priv\"},\n"
              "  {vsn, \"1.0.0\"},\n"
              "  {modules, []},\n"
              "  {registered, []},\n"
              "  {applications, [kernel, stdlib]}]}.\n");
    const QString priv = app + QStringLiteral("/priv");
    writeFile(priv + QStringLiteral("/zeta.txt"), "zeta\n");
    writeFile(priv + QStringLiteral("/Alpha.txt"), "Alpha\n");
    writeFile(priv + QStringLiteral("/a-b/x.txt"), "x\n");
    writeFile(priv + QStringLiteral("/a/y.txt"), "y\n");
    writeFile(priv + QStringLiteral("/.hidden"), "hidden\n");
    writeFile(priv + QStringLiteral("/bin/run.sh"), "#!/bin/sh\necho run\n");
    QFile::setPermissions(priv + QStringLiteral("/bin/run.sh"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                              QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    QDir().mkpath(priv + QStringLiteral("/empty"));
    QFile::link(QStringLiteral("zeta.txt"), priv + QStringLiteral("/link.txt"));
    QByteArray big;
    for (int i = 0; i < 40000; ++i)
        big += QByteArray::number(i * 7919 % 100003) + ' ';
    writeFile(priv + QStringLiteral("/data/big.txt"), big);
    for (int i = 39; i >= 0; --i)
        writeFile(priv + QStringLiteral("/many/f%1.txt").arg(i, 2, 10, QLatin1Char('0')),
                  QByteArray::number(i));
}

// A file that a read() cannot finish as its size promises, even for root: a sysfs attribute
// (st_size 4096, a few bytes of content). Empty when there is none.
QString shrinkingFile()
{
    for (const char *candidate :
         {"/sys/kernel/profiling", "/sys/power/state", "/sys/devices/system/cpu/online",
          "/sys/kernel/mm/transparent_hugepage/enabled"}) {
        const QString path = QString::fromLatin1(candidate);
        const QFileInfo info(path);
        if (info.isFile() && info.size() > 0 && readFile(path).size() < info.size() &&
            !readFile(path).isEmpty())
            return path;
    }
    return {};
}

QJsonObject runInspectJson(const QString &path, QString *error, const QString &workDir = QDir::tempPath())
{
    const ProgramRun run = cli({QStringLiteral("inspect"), path, QStringLiteral("--json")}, {}, workDir);
    if (!run.ok()) {
        *error = QString::fromUtf8(run.describe());
        return {};
    }
    return rs::test::jsonOf(run, error);
}

} // namespace

class TestCliPackage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    rs::release::OtpInstallation m_otp;
    QString m_shopDir;         // shop-1.0.0.rel, sys.config, relup, vm.args side by side
    QString m_shopTar;         // relstudio-cli tar of it
    QString m_systoolsShopTar; // systools:make_tar of it
    QString m_assembled;       // relstudio-cli assemble of it
    QStringList m_shopOptions;

    QString path(const QString &relative) const { return m_tmp.filePath(relative); }
    QString freshDir(const QString &name)
    {
        const QString dir = path(name);
        QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        return dir;
    }

    void compareWithSystools(const std::vector<TarMember> &ours, std::vector<TarMember> theirs,
                             const QStringList &extras, bool *systoolsOrderDiffers);

private slots:
    void initTestCase();

    // tar
    void tarMatchesSystools_data();
    void tarMatchesSystools();
    void tarNamesAndGzip();
    void erlTarReadsTarball();
    void reproducible_data();
    void reproducible();
    void includeErts();
    void ertsFromAnotherRoot();
    void badInputsRefused_data();
    void badInputsRefused();
    void failedTarLeavesNothing();
    void interruptedBuildLeavesNothing_data();
    void interruptedBuildLeavesNothing();

    // assemble
    void assembleLayout();
    void assembleHasWhatTarPacks();
    void assembleRefusesNonEmptyOut();
    void assembleIntoEmptyDir();
    void startCleanBootMatchesSystools();

    // inspect
    void inspect_data();
    void inspect();
    void inspectJson();
    void inspectText();
    void inspectExitCodes();
};

void TestCliPackage::initTestCase()
{
    const QString missing = rs::test::missingBuildOutputs(cliPath, examplesLib);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_tmp.isValid());
    const auto otp = rs::release::OtpInstallation::locate();
    QVERIFY2(otp.hasValue(), rs::test::errorOf(otp).constData());
    m_otp = *otp;

    m_shopDir = freshDir(QStringLiteral("shop"));
    QVERIFY(QFile::copy(exampleRelease("shop-1.0.0.rel"), m_shopDir + QStringLiteral("/shop-1.0.0.rel")));
    QVERIFY(QFile::copy(exampleRelease("sys.config"), m_shopDir + QStringLiteral("/sys.config")));
    QVERIFY(QFile::copy(exampleRelease("vm.args"), m_shopDir + QStringLiteral("/vm.args")));
    QVERIFY(writeFile(m_shopDir + QStringLiteral("/relup"), shopRelup));
    m_shopOptions = {QStringLiteral("--lib-dir"),    examplesLib,
                     QStringLiteral("--sys-config"), m_shopDir + QStringLiteral("/sys.config"),
                     QStringLiteral("--vm-args"),    m_shopDir + QStringLiteral("/vm.args"),
                     QStringLiteral("--relup"),      m_shopDir + QStringLiteral("/relup")};
    const QString rel = m_shopDir + QStringLiteral("/shop-1.0.0.rel");

    m_shopTar = path(QStringLiteral("ours/shop-1.0.0.tar.gz"));
    QDir().mkpath(path(QStringLiteral("ours")));
    const ProgramRun tar =
        cli(QStringList{QStringLiteral("tar"), rel, QStringLiteral("--out"), m_shopTar} + m_shopOptions);
    QVERIFY2(tar.ok(), tar.describe().constData());
    QVERIFY2(tar.out.startsWith(QByteArray(QByteArray("wrote ") + m_shopTar.toUtf8())), tar.out.constData());

    QDir().mkpath(path(QStringLiteral("systools")));
    const rs::test::ErlRun systools =
        systoolsTar(m_shopDir, QStringLiteral("shop-1.0.0"), {examplesLib}, path(QStringLiteral("systools")));
    QVERIFY2(systools.ok(), qPrintable(systools.describe()));
    m_systoolsShopTar = path(QStringLiteral("systools/shop-1.0.0.tar.gz"));
    QVERIFY(QFile::exists(m_systoolsShopTar));

    m_assembled = path(QStringLiteral("assembled"));
    const ProgramRun assemble = cli(
        QStringList{QStringLiteral("assemble"), rel, QStringLiteral("--out"), m_assembled} + m_shopOptions);
    QVERIFY2(assemble.ok(), assemble.describe().constData());
}

// Everything make_tar packs, in its order, with its bytes and header fields; `tar` adds only the
// target files. make_tar lists priv trees and erts-VSN/bin in directory order (file:list_dir/1,
// the file system's order); Relstudio walks them in name order, so that builds are reproducible:
// the comparison sorts those runs of make_tar's list and reports whether that moved anything.
void TestCliPackage::compareWithSystools(const std::vector<TarMember> &ours, std::vector<TarMember> theirs,
                                         const QStringList &extras, bool *systoolsOrderDiffers)
{
    std::vector<TarMember> packed;
    QStringList extrasFound;
    for (const TarMember &m : ours) {
        if (extras.contains(m.name))
            extrasFound << m.name;
        else
            packed.push_back(m);
    }
    extrasFound.sort();
    QStringList extrasSorted = extras;
    extrasSorted.sort();
    QCOMPARE(extrasFound, extrasSorted);

    std::vector<TarMember> oursSorted = packed;
    QVERIFY2(!rs::test::package::sortTreeRuns(oursSorted, inListedTree, listedTreeOf),
             "Relstudio's priv trees or erts bin are not in name order");
    *systoolsOrderDiffers = rs::test::package::sortTreeRuns(theirs, inListedTree, listedTreeOf);

    const QStringList ourNames = namesOf(packed);
    const QStringList theirNames = namesOf(theirs);
    if (ourNames != theirNames) {
        QStringList onlyOurs, onlyTheirs;
        for (const QString &n : ourNames)
            if (!theirNames.contains(n))
                onlyOurs << n;
        for (const QString &n : theirNames)
            if (!ourNames.contains(n))
                onlyTheirs << n;
        QFAIL(qPrintable(QStringLiteral("member lists differ\nonly ours: %1\nonly systools: %2\nours:\n%3\n"
                                        "systools:\n%4")
                             .arg(onlyOurs.join(QLatin1Char(' ')), onlyTheirs.join(QLatin1Char(' ')),
                                  ourNames.join(QLatin1Char('\n')), theirNames.join(QLatin1Char('\n')))));
    }
    QStringList differences;
    for (size_t i = 0; i < packed.size(); ++i) {
        const TarMember &a = packed[i];
        const TarMember &b = theirs[i];
        // start.boot: generated by Relstudio (mtime: now), read from a file by make_tar. An empty
        // directory: Relstudio writes uid, gid 0 and mtime now (TarWriter::addDirectory), erl_tar
        // the directory's own; a known difference of no consequence to release_handler.
        const bool generated = a.name.endsWith(QLatin1String("/start.boot")) || a.isDirectory();
        const bool sameOwnerAndTime = generated || (a.mtime == b.mtime && a.uid == b.uid && a.gid == b.gid);
        if (a.type != b.type || a.mode != b.mode || a.size != b.size || a.uname != b.uname ||
            a.gname != b.gname || a.linkname != b.linkname || !sameOwnerAndTime)
            differences << QStringLiteral("header of %1\n  ours:     %2\n  systools: %3")
                               .arg(a.name, describeMember(a), describeMember(b));
        if (a.data != b.data)
            differences << QStringLiteral("bytes of %1 (%2 and %3 bytes)")
                               .arg(a.name)
                               .arg(a.data.size())
                               .arg(b.data.size());
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
}

void TestCliPackage::tarMatchesSystools_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("shop: sys.config, relup, vm.args") << QStringLiteral("shop");
    QTest::newRow("priv trees (crypto, a made-up app) and --include-erts") << QStringLiteral("priv");
}

void TestCliPackage::tarMatchesSystools()
{
    QFETCH(QString, kind);
    std::vector<TarMember> ours, theirs;
    QString error;
    QStringList extras;
    QString relName, relVsn;
    if (kind == QLatin1String("shop")) {
        auto o = readTarball(m_shopTar, &error);
        QVERIFY2(o, qPrintable(error));
        auto t = readTarball(m_systoolsShopTar, &error);
        QVERIFY2(t, qPrintable(error));
        ours = std::move(*o);
        theirs = std::move(*t);
        extras = targetExtras(QStringLiteral("shop"), QStringLiteral("1.0.0"), true);
        // start.boot: byte for byte what systools:make_script wrote, since both follow its rules.
        const auto boot = std::find_if(ours.begin(), ours.end(), [](const TarMember &m) {
            return m.name == QLatin1String("releases/1.0.0/start.boot");
        });
        QVERIFY(boot != ours.end());
        QCOMPARE(boot->data, readFile(m_shopDir + QStringLiteral("/shop-1.0.0.boot")));
    } else {
        const QString dir = freshDir(QStringLiteral("priv"));
        const QString lib = dir + QStringLiteral("/lib");
        writeAssetsApp(lib);
        const QString rel = dir + QStringLiteral("/assets-1.0.0.rel");
        const ProgramRun newRel =
            cli({QStringLiteral("new-rel"), QStringLiteral("assets"), QStringLiteral("1.0.0"),
                 QStringLiteral("crypto"), QStringLiteral("shop_assets"), QStringLiteral("--lib-dir"), lib,
                 QStringLiteral("--out"), rel});
        QVERIFY2(newRel.ok(), newRel.describe().constData());
        const QString ourTar = dir + QStringLiteral("/ours.tar.gz");
        const ProgramRun tar = cli({QStringLiteral("tar"), rel, QStringLiteral("--lib-dir"), lib,
                                    QStringLiteral("--include-erts"), QStringLiteral("--out"), ourTar});
        QVERIFY2(tar.ok(), tar.describe().constData());
        QDir().mkpath(dir + QStringLiteral("/systools"));
        const rs::test::ErlRun systools =
            systoolsTar(dir, QStringLiteral("assets-1.0.0"), {lib}, dir + QStringLiteral("/systools"),
                        QStringLiteral("{erts, %1}").arg(erlString(m_otp.root)));
        QVERIFY2(systools.ok(), qPrintable(systools.describe()));
        auto o = readTarball(ourTar, &error);
        QVERIFY2(o, qPrintable(error));
        auto t = readTarball(dir + QStringLiteral("/systools/assets-1.0.0.tar.gz"), &error);
        QVERIFY2(t, qPrintable(error));
        ours = std::move(*o);
        theirs = std::move(*t);
        extras = targetExtras(QStringLiteral("assets"), QStringLiteral("1.0.0"), false);
        const QStringList names = namesOf(ours);
        QVERIFY(names.contains(QStringLiteral("lib/shop_assets-1.0.0/priv/link.txt")));
        QVERIFY(names.contains(
            QStringLiteral("lib/crypto-%1/priv/lib/crypto.so")
                .arg(names.filter(QRegularExpression(QStringLiteral("^lib/crypto-[^/]+/ebin/crypto.app$")))
                         .value(0)
                         .section(QLatin1Char('/'), 1, 1)
                         .mid(7))));
    }
    bool systoolsOrderDiffers = false;
    compareWithSystools(ours, theirs, extras, &systoolsOrderDiffers);
    if (QTest::currentTestFailed())
        return;
    if (systoolsOrderDiffers)
        qInfo("systools:make_tar wrote priv or erts-VSN/bin in directory order, which differs from name "
              "order here; everything else is in the same order");
}

void TestCliPackage::tarNamesAndGzip()
{
    QString error;
    const auto members = readTarball(m_shopTar, &error);
    QVERIFY2(members, qPrintable(error));
    for (const TarMember &m : *members) {
        QVERIFY2(!m.name.startsWith(QLatin1String("./")) && !m.name.startsWith(QLatin1Char('/')) &&
                     !m.name.split(QLatin1Char('/')).contains(QStringLiteral("..")) && !m.name.isEmpty(),
                 qPrintable(m.name));
        QVERIFY2(m.type == '0' || m.type == '5', qPrintable(describeMember(m)));
    }
    // The releases/NAME.rel that release_handler:unpack_release extracts first.
    QVERIFY(namesOf(*members).contains(QStringLiteral("releases/shop-1.0.0.rel")));

    const ProgramRun gzipTest = runProgram(QStringLiteral("gzip"), {QStringLiteral("-t"), m_shopTar});
    QVERIFY2(gzipTest.ok(), gzipTest.describe().constData());
    const ProgramRun gnuList = runProgram(QStringLiteral("tar"), {QStringLiteral("-tzf"), m_shopTar});
    QVERIFY2(gnuList.ok(), gnuList.describe().constData());
    QCOMPARE(QString::fromUtf8(gnuList.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), namesOf(*members));
}

void TestCliPackage::erlTarReadsTarball()
{
    QString error;
    const auto members = readTarball(m_shopTar, &error);
    QVERIFY2(members, qPrintable(error));

    const rs::test::ErlRun table = rs::test::evalErl(
        QStringLiteral(
            "{ok, Names} = erl_tar:table(%1, [compressed]), [io:format(\"~ts~n\", [N]) || N <- Names]")
            .arg(erlString(m_shopTar)));
    QVERIFY2(table.ok(), qPrintable(table.describe()));
    QCOMPARE(QString::fromUtf8(table.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), namesOf(*members));

    const QString into = freshDir(QStringLiteral("erl_tar_extract"));
    const rs::test::ErlRun extract =
        rs::test::evalErl(QStringLiteral("ok = erl_tar:extract(%1, [compressed, {cwd, %2}])")
                              .arg(erlString(m_shopTar), erlString(into)));
    QVERIFY2(extract.ok(), qPrintable(extract.describe()));
    QStringList files;
    for (const TarMember &m : *members) {
        files << m.name;
        const QString extracted = into + QLatin1Char('/') + m.name;
        QVERIFY2(readFile(extracted) == m.data, qPrintable(m.name));
        QCOMPARE(QString::number(modeOf(extracted) & 0777, 8), QString::number(m.mode & 0777, 8));
    }
    files.sort();
    QStringList tree;
    for (const QString &p : listTree(into))
        if (QFileInfo(into + QLatin1Char('/') + p).isFile())
            tree << p;
    QCOMPARE(tree, files);
}

void TestCliPackage::reproducible_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<qint64>("mtime"); // every member's, or -1: not fixed
    QTest::addColumn<bool>("same");
    QTest::newRow("--mtime 0") << QStringList{QStringLiteral("--mtime"), QStringLiteral("0")}
                               << QStringList{QStringLiteral("SOURCE_DATE_EPOCH=")} << qint64(0) << true;
    QTest::newRow("SOURCE_DATE_EPOCH")
        << QStringList{} << QStringList{QStringLiteral("SOURCE_DATE_EPOCH=1700000000")} << qint64(1700000000)
        << true;
    QTest::newRow("--mtime wins over SOURCE_DATE_EPOCH")
        << QStringList{QStringLiteral("--mtime"), QStringLiteral("86400")}
        << QStringList{QStringLiteral("SOURCE_DATE_EPOCH=1700000000")} << qint64(86400) << true;
    QTest::newRow("neither: differs (the check is sensitive)")
        << QStringList{} << QStringList{QStringLiteral("SOURCE_DATE_EPOCH=")} << qint64(-1) << false;
}

// Two builds of the same inputs, a second apart and with every source file touched in between.
void TestCliPackage::reproducible()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, environment);
    QFETCH(qint64, mtime);
    QFETCH(bool, same);
    const QString dir = freshDir(QStringLiteral("reproducible"));
    const QString lib = dir + QStringLiteral("/lib");
    QVERIFY(copyTree(examplesLib, lib));
    const QString rel = m_shopDir + QStringLiteral("/shop-1.0.0.rel");
    auto build = [&](const QString &out) {
        return cli(QStringList{QStringLiteral("tar"), rel, QStringLiteral("--lib-dir"), lib,
                               QStringLiteral("--sys-config"), m_shopDir + QStringLiteral("/sys.config"),
                               QStringLiteral("--vm-args"), m_shopDir + QStringLiteral("/vm.args"),
                               QStringLiteral("--out"), out} +
                       options,
                   environment);
    };
    const ProgramRun first = build(dir + QStringLiteral("/a.tar.gz"));
    QVERIFY2(first.ok(), first.describe().constData());
    QThread::msleep(1100);
    const QDateTime later = QDateTime::currentDateTime().addSecs(3600);
    for (const QString &p : listTree(lib)) {
        QFile f(lib + QLatin1Char('/') + p);
        if (QFileInfo(f).isFile()) {
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(later, QFileDevice::FileModificationTime));
        }
    }
    const ProgramRun second = build(dir + QStringLiteral("/b.tar.gz"));
    QVERIFY2(second.ok(), second.describe().constData());
    const QByteArray a = readFile(dir + QStringLiteral("/a.tar.gz"));
    const QByteArray b = readFile(dir + QStringLiteral("/b.tar.gz"));
    QVERIFY(!a.isEmpty());
    QCOMPARE(a == b, same);
    if (mtime >= 0) {
        QString error;
        const auto members = readTarball(dir + QStringLiteral("/a.tar.gz"), &error);
        QVERIFY2(members, qPrintable(error));
        for (const TarMember &m : *members)
            QVERIFY2(m.mtime == mtime, qPrintable(describeMember(m)));
    }
}

void TestCliPackage::includeErts()
{
    const QString dir = freshDir(QStringLiteral("erts"));
    const QString out = dir + QStringLiteral("/shop.tar.gz");
    const ProgramRun tar = cli({QStringLiteral("tar"), m_shopDir + QStringLiteral("/shop-1.0.0.rel"),
                                QStringLiteral("--lib-dir"), examplesLib, QStringLiteral("--include-erts"),
                                QStringLiteral("--out"), out});
    QVERIFY2(tar.ok(), tar.describe().constData());
    QString error;
    const auto members = readTarball(out, &error);
    QVERIFY2(members, qPrintable(error));

    const QString ertsDir = QStringLiteral("erts-") + m_otp.ertsVsn;
    const QString source = m_otp.root + QLatin1Char('/') + ertsDir + QStringLiteral("/bin");
    const QStringList filtered{QStringLiteral("typer"), QStringLiteral("dialyzer"), QStringLiteral("ct_run"),
                               QStringLiteral("yielding_c_fun"), QStringLiteral("erlc")};
    QStringList expected;
    for (const QFileInfo &f : QDir(source).entryInfoList(QDir::Files, QDir::Name))
        if (!filtered.contains(f.fileName()))
            expected << ertsDir + QStringLiteral("/bin/") + f.fileName();
    QVERIFY(expected.contains(ertsDir + QStringLiteral("/bin/erlexec")));
    QVERIFY(expected.contains(ertsDir + QStringLiteral("/bin/beam.smp")));

    QStringList erts;
    for (const TarMember &m : *members) {
        if (!m.name.startsWith(QLatin1String("erts-")))
            continue;
        erts << m.name;
        const QString from = source + QLatin1Char('/') + m.name.section(QLatin1Char('/'), 2);
        QCOMPARE(QString::number(m.mode, 8), QString::number(modeOf(QFileInfo(from).canonicalFilePath()), 8));
        QVERIFY2(m.data == readFile(from), qPrintable(m.name));
    }
    QCOMPARE(erts, expected);
    for (const QString &tool : filtered)
        QVERIFY(!erts.contains(ertsDir + QStringLiteral("/bin/") + tool));
    // After the release files, as make_tar adds erts-VSN/bin last (before the target files).
    QVERIFY(namesOf(*members).indexOf(erts.constFirst()) >
            namesOf(*members).indexOf(QStringLiteral("releases/1.0.0/start.boot")));
}

void TestCliPackage::ertsFromAnotherRoot()
{
    const QString dir = freshDir(QStringLiteral("erts_root"));
    const QString bin = dir + QStringLiteral("/otp/erts-") + m_otp.ertsVsn + QStringLiteral("/bin");
    QVERIFY(writeFile(bin + QStringLiteral("/erlexec"), "#!/bin/sh\n"));
    QVERIFY(writeFile(bin + QStringLiteral("/typer"), "#!/bin/sh\n"));
    QVERIFY(writeFile(bin + QStringLiteral("/custom"), "custom\n"));
    const QString out = dir + QStringLiteral("/shop.tar.gz");
    const ProgramRun tar = cli({QStringLiteral("tar"), m_shopDir + QStringLiteral("/shop-1.0.0.rel"),
                                QStringLiteral("--lib-dir"), examplesLib, QStringLiteral("--erts"),
                                dir + QStringLiteral("/otp"), QStringLiteral("--out"), out});
    QVERIFY2(tar.ok(), tar.describe().constData());
    QString error;
    const auto members = readTarball(out, &error);
    QVERIFY2(members, qPrintable(error));
    QCOMPARE(namesOf(*members).filter(QRegularExpression(QStringLiteral("^erts-"))),
             (QStringList{QStringLiteral("erts-%1/bin/custom").arg(m_otp.ertsVsn),
                          QStringLiteral("erts-%1/bin/erlexec").arg(m_otp.ertsVsn)}));

    // A root without that ERTS: an error naming it, and no tarball.
    const QString missing = dir + QStringLiteral("/missing.tar.gz");
    const ProgramRun refused = cli({QStringLiteral("tar"), m_shopDir + QStringLiteral("/shop-1.0.0.rel"),
                                    QStringLiteral("--lib-dir"), examplesLib, QStringLiteral("--erts"), dir,
                                    QStringLiteral("--out"), missing});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QByteArray(QByteArray("erts-") + m_otp.ertsVsn.toUtf8())),
             refused.describe().constData());
    QVERIFY(!QFile::exists(missing));
}

void TestCliPackage::badInputsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("file");       // sys.config, vm.args or relup
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addColumn<QString>("diagnostic"); // a regular expression stderr must match
    QTest::addColumn<bool>("systoolsRefuses");

    const QString sys = QStringLiteral("sys.config");
    QTest::newRow("tar: sys.config does not parse")
        << QStringLiteral("tar") << sys << QByteArray("[{kernel, [{logger_level, info}]}\n")
        << QStringLiteral("/sys\\.config:\\d+:\\d+: error: ") << true;
    QTest::newRow("tar: sys.config is not a list")
        << QStringLiteral("tar") << sys << QByteArray("{kernel, []}.\n")
        << QStringLiteral("/sys\\.config:1:1: error: ") << true;
    QTest::newRow("tar: sys.config entry on line 2 is wrong")
        << QStringLiteral("tar") << sys << QByteArray("[{kernel, []},\n 42].\n")
        << QStringLiteral("/sys\\.config:2:2: error: ") << true;
    QTest::newRow("tar: sys.config holds two terms")
        << QStringLiteral("tar") << sys << QByteArray("[].\n[].\n")
        << QStringLiteral("/sys\\.config:1:1: error: ") << true;
    QTest::newRow("tar: sys.config does not exist")
        << QStringLiteral("tar") << sys << QByteArray() << QStringLiteral("/sys\\.config") << false;
    QTest::newRow("tar: vm.args line 3 is not a flag")
        << QStringLiteral("tar") << QStringLiteral("vm.args") << QByteArray("-sname a\n+K true\nsname b\n")
        << QStringLiteral("/vm\\.args:3:1: error: ") << false;
    QTest::newRow("tar: relup is garbage")
        << QStringLiteral("tar") << QStringLiteral("relup") << QByteArray("this is not a relup\n")
        << QStringLiteral("/relup:\\d+:\\d+: error: ") << false;
    QTest::newRow("tar: relup has the wrong shape")
        << QStringLiteral("tar") << QStringLiteral("relup") << QByteArray("{\"1.0.0\", []}.\n")
        << QStringLiteral("/relup:1:1: error: ") << false;
    QTest::newRow("assemble: sys.config is not a list")
        << QStringLiteral("assemble") << sys << QByteArray("{kernel, []}.\n")
        << QStringLiteral("/sys\\.config:1:1: error: ") << false;
    QTest::newRow("assemble: vm.args line 3 is not a flag")
        << QStringLiteral("assemble") << QStringLiteral("vm.args")
        << QByteArray("-sname a\n+K true\nsname b\n") << QStringLiteral("/vm\\.args:3:1: error: ") << false;
    QTest::newRow("assemble: relup is garbage")
        << QStringLiteral("assemble") << QStringLiteral("relup") << QByteArray("this is not a relup\n")
        << QStringLiteral("/relup:\\d+:\\d+: error: ") << false;
}

// The input is checked before anything is written: exit 1, a diagnostic naming file:line:column,
// and nothing in the output directory (no tarball, no temporary file, no partial target).
void TestCliPackage::badInputsRefused()
{
    QFETCH(QString, command);
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, diagnostic);
    QFETCH(bool, systoolsRefuses);

    const QString dir = freshDir(QStringLiteral("bad"));
    const QString inputs = dir + QStringLiteral("/inputs");
    QDir().mkpath(inputs);
    QVERIFY(QFile::copy(exampleRelease("shop-1.0.0.rel"), inputs + QStringLiteral("/shop-1.0.0.rel")));
    const QString bad = inputs + QLatin1Char('/') + file;
    if (!content.isEmpty())
        QVERIFY(writeFile(bad, content));
    const QString out = dir + QStringLiteral("/out");
    QDir().mkpath(out);
    const QString target =
        out + (command == QLatin1String("tar") ? QStringLiteral("/shop.tar.gz") : QStringLiteral("/shop"));
    const QString option = file == QLatin1String("sys.config") ? QStringLiteral("--sys-config")
                           : file == QLatin1String("vm.args")  ? QStringLiteral("--vm-args")
                                                               : QStringLiteral("--relup");
    const ProgramRun run =
        cli({command, inputs + QStringLiteral("/shop-1.0.0.rel"), QStringLiteral("--lib-dir"), examplesLib,
             option, bad, QStringLiteral("--out"), target});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QRegularExpression(diagnostic).match(QString::fromUtf8(run.err)).hasMatch(),
             run.describe().constData());
    QVERIFY2(listTree(out).isEmpty(), listing(listTree(out)).constData());

    if (systoolsRefuses) {
        // make_tar refuses the same sys.config (make_script succeeds, make_tar fails: exit 3),
        // with {tar_error, {add, "sys.config", ...}} or, for a term that is not a list, a crash.
        QDir().mkpath(dir + QStringLiteral("/systools"));
        const rs::test::ErlRun systools = systoolsTar(inputs, QStringLiteral("shop-1.0.0"), {examplesLib},
                                                      dir + QStringLiteral("/systools"));
        QVERIFY2(systools.exitCode == 3, qPrintable(systools.describe()));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/systools/shop-1.0.0.tar.gz")));
    }
}

// A build that fails while writing (a source file that cannot be read as its size promises)
// leaves no tarball, no temporary file, and an existing file at --out as it was.
void TestCliPackage::failedTarLeavesNothing()
{
    const QString dir = freshDir(QStringLiteral("failed"));
    const QString lib = dir + QStringLiteral("/lib");
    QVERIFY(copyTree(examplesLib, lib));
    // shop_web is the last application: most of the tarball is written when its modules come.
    const QString victim = lib + QStringLiteral("/shop_web-1.0.0/ebin/shop_web_sup.beam");
    if (::geteuid() != 0) {
        QVERIFY(QFile::setPermissions(victim, {}));
    } else {
        const QString shrinking = shrinkingFile();
        if (shrinking.isEmpty())
            QSKIP("running as root and no sysfs file to make a read fail midway");
        QVERIFY(QFile::remove(victim));
        QVERIFY(QFile::link(shrinking, victim));
    }
    const QString out = dir + QStringLiteral("/out");
    QDir().mkpath(out);
    const QString existing = out + QStringLiteral("/shop.tar.gz");
    QVERIFY(writeFile(existing, "the previous tarball"));
    const QString rel = m_shopDir + QStringLiteral("/shop-1.0.0.rel");

    ProgramRun run = cli(
        {QStringLiteral("tar"), rel, QStringLiteral("--lib-dir"), lib, QStringLiteral("--out"), existing});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("shop_web_sup.beam"), run.describe().constData());
    QCOMPARE(readFile(existing), QByteArray("the previous tarball"));
    QCOMPARE(listTree(out), QStringList{QStringLiteral("shop.tar.gz")});

    run = cli({QStringLiteral("tar"), rel, QStringLiteral("--lib-dir"), lib, QStringLiteral("--out"),
               out + QStringLiteral("/new.tar.gz")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(listTree(out), QStringList{QStringLiteral("shop.tar.gz")});

    if (::geteuid() != 0) {
        // assemble: the staging directory is removed and --out never appears.
        run = cli({QStringLiteral("assemble"), rel, QStringLiteral("--lib-dir"), lib, QStringLiteral("--out"),
                   out + QStringLiteral("/target")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(listTree(out), QStringList{QStringLiteral("shop.tar.gz")});
    }
}

void TestCliPackage::interruptedBuildLeavesNothing_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("tar") << QStringLiteral("tar");
    QTest::newRow("assemble") << QStringLiteral("assemble");
}

// Ctrl-C (SIGINT) while a release of every OTP application is being written.
void TestCliPackage::interruptedBuildLeavesNothing()
{
    QFETCH(QString, command);
    const QString dir = freshDir(QStringLiteral("interrupted"));
    QStringList apps;
    for (const QFileInfo &app :
         QDir(m_otp.libDir()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString name = app.fileName().section(QLatin1Char('-'), 0, 0);
        if (name != QLatin1String("erts") &&
            QFile::exists(app.filePath() + QStringLiteral("/ebin/") + name + QStringLiteral(".app")))
            apps << name;
    }
    const QString rel = dir + QStringLiteral("/allotp.rel");
    const ProgramRun newRel =
        cli(QStringList{QStringLiteral("new-rel"), QStringLiteral("allotp"), QStringLiteral("1.0")} + apps +
            QStringList{QStringLiteral("--out"), rel});
    QVERIFY2(newRel.ok(), newRel.describe().constData());
    const QString out = dir + QStringLiteral("/out");
    QDir().mkpath(out);
    const QString target = out + (command == QLatin1String("tar") ? QStringLiteral("/allotp.tar.gz")
                                                                  : QStringLiteral("/allotp"));

    bool interrupted = false;
    for (int attempt = 0; attempt < 3 && !interrupted; ++attempt) {
        QProcess process;
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(cliPath, {command, rel, QStringLiteral("--include-erts"), QStringLiteral("--progress"),
                                QStringLiteral("--out"), target});
        QVERIFY(process.waitForStarted());
        process.setReadChannel(QProcess::StandardError);
        QByteArray err;
        while (!err.contains("%]") && process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            err += process.readAllStandardError();
        }
        if (process.state() == QProcess::Running)
            ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        interrupted = process.exitStatus() == QProcess::CrashExit || process.exitCode() != 0;
        if (!interrupted) { // finished before the signal: try again
            QDir(target).removeRecursively();
            QFile::remove(target);
        }
    }
    if (!interrupted)
        QSKIP("the build finished before it could be interrupted");
    const QStringList left = listTree(out);
    QVERIFY2(left.isEmpty(), listing(left.mid(0, 5)).constData());
    QDir(out).removeRecursively();
}

void TestCliPackage::assembleLayout()
{
    const QString root = m_assembled;
    QCOMPARE(QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name),
             (QStringList{QStringLiteral("bin"), QStringLiteral("lib"), QStringLiteral("releases")}));
    QCOMPARE(QDir(root + QStringLiteral("/bin")).entryList(QDir::Files, QDir::Name),
             (QStringList{QStringLiteral("shop"), QStringLiteral("start_clean.boot")}));
    QCOMPARE(QDir(root + QStringLiteral("/releases"))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name),
             (QStringList{QStringLiteral("1.0.0"), QStringLiteral("RELEASES"),
                          QStringLiteral("shop-1.0.0.rel"), QStringLiteral("start_erl.data")}));
    QCOMPARE(
        QDir(root + QStringLiteral("/releases/1.0.0")).entryList(QDir::Files, QDir::Name),
        (QStringList{QStringLiteral("relup"), QStringLiteral("shop-1.0.0.rel"), QStringLiteral("start.boot"),
                     QStringLiteral("sys.config"), QStringLiteral("vm.args")}));
    QCOMPARE(QDir(root + QStringLiteral("/lib")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name),
             (QStringList{QStringLiteral("kernel-8.5.3"), QStringLiteral("sasl-4.2"),
                          QStringLiteral("shop_core-1.0.0"), QStringLiteral("shop_metrics-1.0.0"),
                          QStringLiteral("shop_tools-1.0.0"), QStringLiteral("shop_web-1.0.0"),
                          QStringLiteral("stdlib-4.2")}));

    // bin/NAME: an executable POSIX sh script for this release.
    const QString script = root + QStringLiteral("/bin/shop");
    QCOMPARE(modeOf(script) & 0777, 0755u);
    const QByteArray text = readFile(script);
    QVERIFY(text.startsWith("#!/bin/sh\n"));
    QVERIFY(text.contains("REL_NAME=\"shop\""));
    QVERIFY(!text.contains("@REL_NAME@") && !text.contains("@FALLBACK_ERTS_BIN@"));
    const ProgramRun syntax = runProgram(QStringLiteral("sh"), {QStringLiteral("-n"), script});
    QVERIFY2(syntax.ok(), syntax.describe().constData());
    const ProgramRun version = runProgram(script, {QStringLiteral("version")});
    QVERIFY2(version.ok(), version.describe().constData());
    QCOMPARE(version.out, QByteArray("shop 1.0.0\n"));
    const ProgramRun usage = runProgram(script, {});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY2(usage.err.contains("daemon") && usage.err.contains("upgrade"), usage.describe().constData());

    // releases/: the inputs as given, start.boot as systools:make_script writes it.
    QCOMPARE(readFile(root + QStringLiteral("/releases/shop-1.0.0.rel")),
             readFile(exampleRelease("shop-1.0.0.rel")));
    QCOMPARE(readFile(root + QStringLiteral("/releases/1.0.0/shop-1.0.0.rel")),
             readFile(exampleRelease("shop-1.0.0.rel")));
    QCOMPARE(readFile(root + QStringLiteral("/releases/1.0.0/sys.config")),
             readFile(exampleRelease("sys.config")));
    QCOMPARE(readFile(root + QStringLiteral("/releases/1.0.0/vm.args")), readFile(exampleRelease("vm.args")));
    QCOMPARE(readFile(root + QStringLiteral("/releases/1.0.0/relup")), shopRelup);
    QCOMPARE(readFile(root + QStringLiteral("/releases/1.0.0/start.boot")),
             readFile(m_shopDir + QStringLiteral("/shop-1.0.0.boot")));
    QCOMPARE(readFile(root + QStringLiteral("/releases/start_erl.data")),
             (m_otp.ertsVsn + QStringLiteral(" 1.0.0\n")).toUtf8());

    // RELEASES: byte for byte what release_handler:create_RELEASES("", ...) writes: one permanent
    // release whose applications are in lib/ relative to the root.
    const QString created = freshDir(QStringLiteral("create_releases"));
    QDir().mkpath(created + QStringLiteral("/releases/1.0.0"));
    QVERIFY(QFile::copy(exampleRelease("shop-1.0.0.rel"),
                        created + QStringLiteral("/releases/1.0.0/shop-1.0.0.rel")));
    const rs::test::ErlRun oracle = rs::test::evalErl(
        QStringLiteral("ok = release_handler:create_RELEASES(\"\", %1, %2, []),"
                       "{ok, [[{release, \"shop\", \"1.0.0\", _, Apps, permanent}]]} = file:consult(%3),"
                       "[io:format(\"~s~n\", [Dir]) || {_, _, Dir} <- Apps]")
            .arg(erlString(created + QStringLiteral("/releases")),
                 erlString(created + QStringLiteral("/releases/1.0.0/shop-1.0.0.rel")),
                 erlString(root + QStringLiteral("/releases/RELEASES"))));
    QVERIFY2(oracle.ok(), qPrintable(oracle.describe()));
    QCOMPARE(readFile(root + QStringLiteral("/releases/RELEASES")),
             readFile(created + QStringLiteral("/releases/RELEASES")));
    for (const QString &libDir : QString::fromUtf8(oracle.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QVERIFY2(libDir.startsWith(QLatin1String("lib/")), qPrintable(libDir));
        QVERIFY2(QFileInfo(root + QLatin1Char('/') + libDir + QStringLiteral("/ebin")).isDir(),
                 qPrintable(libDir));
    }
}

// `tar` packs what `assemble` lays out: the same files with the same bytes and permissions.
void TestCliPackage::assembleHasWhatTarPacks()
{
    QString error;
    const auto members = readTarball(m_shopTar, &error);
    QVERIFY2(members, qPrintable(error));
    QStringList packed;
    for (const TarMember &m : *members) {
        packed << m.name;
        const QString file = m_assembled + QLatin1Char('/') + m.name;
        QVERIFY2(QFileInfo(file).isFile(), qPrintable(m.name));
        QVERIFY2(readFile(file) == m.data, qPrintable(m.name));
        QCOMPARE(QString::number(modeOf(file) & 07777, 8), QString::number(m.mode & 07777, 8));
    }
    packed.sort();
    QStringList files;
    for (const QString &p : listTree(m_assembled))
        if (QFileInfo(m_assembled + QLatin1Char('/') + p).isFile())
            files << p;
    QCOMPARE(files, packed);
}

void TestCliPackage::assembleRefusesNonEmptyOut()
{
    const QString dir = freshDir(QStringLiteral("nonempty"));
    const QString out = dir + QStringLiteral("/target");
    QVERIFY(writeFile(out + QStringLiteral("/keep.txt"), "keep"));
    const ProgramRun run =
        cli(QStringList{QStringLiteral("assemble"), m_shopDir + QStringLiteral("/shop-1.0.0.rel"),
                        QStringLiteral("--out"), out} +
            m_shopOptions);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("not empty"), run.describe().constData());
    QCOMPARE(listTree(dir), (QStringList{QStringLiteral("target"), QStringLiteral("target/keep.txt")}));
    QCOMPARE(readFile(out + QStringLiteral("/keep.txt")), QByteArray("keep"));

    // Without --out: a usage error.
    const ProgramRun usage = cli({QStringLiteral("assemble"), m_shopDir + QStringLiteral("/shop-1.0.0.rel"),
                                  QStringLiteral("--lib-dir"), examplesLib});
    QCOMPARE(usage.exitCode, 2);
}

void TestCliPackage::assembleIntoEmptyDir()
{
    const QString dir = freshDir(QStringLiteral("emptyout"));
    const QString out = dir + QStringLiteral("/target");
    QVERIFY(QDir().mkpath(out));
    const ProgramRun run =
        cli(QStringList{QStringLiteral("assemble"), m_shopDir + QStringLiteral("/shop-1.0.0.rel"),
                        QStringLiteral("--out"), out} +
            m_shopOptions);
    QVERIFY2(run.ok(), run.describe().constData());
    QVERIFY(QFileInfo(out + QStringLiteral("/bin/shop")).isExecutable());
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("target")});
}

// bin/start_clean.boot, which the control script's short-lived nodes boot, is what
// systools:make_script writes for a release of kernel and stdlib named start_clean.
void TestCliPackage::startCleanBootMatchesSystools()
{
    const QByteArray shopRel = readFile(exampleRelease("shop-1.0.0.rel"));
    const auto version = [&](const char *app) {
        const QRegularExpression re(QStringLiteral("\\{%1,\\s*\"([^\"]+)\"").arg(QLatin1String(app)));
        return re.match(QString::fromUtf8(shopRel)).captured(1);
    };
    const QString dir = freshDir(QStringLiteral("start_clean"));
    QVERIFY(writeFile(dir + QStringLiteral("/start_clean.rel"),
                      QStringLiteral("{release, {\"start_clean\", \"1.0.0\"}, {erts, \"%1\"},\n"
                                     " [{kernel, \"%2\"}, {stdlib, \"%3\"}]}.\n")
                          .arg(m_otp.ertsVsn, version("kernel"), version("stdlib"))
                          .toUtf8()));
    const rs::test::ErlRun systools = rs::test::evalErl(
        QStringLiteral("ok = file:set_cwd(%1), {ok, _, _} = systools:make_script(\"start_clean\", [silent])")
            .arg(erlString(dir)));
    QVERIFY2(systools.ok(), qPrintable(systools.describe()));
    QCOMPARE(readFile(m_assembled + QStringLiteral("/bin/start_clean.boot")),
             readFile(dir + QStringLiteral("/start_clean.boot")));
}

void TestCliPackage::inspect_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("format");       // a part of the reported format
    QTest::addColumn<QString>("erts");         // the release's ERTS as reported
    QTest::addColumn<QStringList>("warnings"); // regular expressions: each matches one warning, no others
    QTest::addColumn<bool>("hasBoot");

    const QString erts = QStringLiteral("13.1.5");
    QTest::newRow("relstudio tarball")
        << QStringLiteral("ours") << QStringLiteral("gzip") << erts << QStringList{} << true;
    QTest::newRow("systools:make_tar tarball")
        << QStringLiteral("systools") << QStringLiteral("gzip") << erts << QStringList{} << true;
    QTest::newRow("GNU tar czf with ./ names")
        << QStringLiteral("gnu-dot") << QStringLiteral("gzip") << erts
        << QStringList{QStringLiteral("start with '\\./' \\(e\\.g\\. \\./[a-z]")} << true;
    QTest::newRow("GNU tar, bzip2") << QStringLiteral("gnu-bzip2") << QStringLiteral("bzip2") << erts
                                    << QStringList{} << true;
    QTest::newRow("GNU tar, xz") << QStringLiteral("gnu-xz") << QStringLiteral("xz") << erts << QStringList{}
                                 << true;
    QTest::newRow("GNU tar, zstd") << QStringLiteral("gnu-zstd") << QStringLiteral("zstd") << erts
                                   << QStringList{} << true;
    QTest::newRow("directory") << QStringLiteral("dir") << QStringLiteral("directory") << erts
                               << QStringList{} << true;
    QTest::newRow("directory given as a relative path")
        << QStringLiteral("dir-relative") << QStringLiteral("directory") << erts << QStringList{} << true;
    QTest::newRow("no start.boot") << QStringLiteral("no-boot") << QStringLiteral("gzip") << erts
                                   << QStringList{QStringLiteral("^no releases/1\\.0\\.0/start\\.boot")}
                                   << false;
    QTest::newRow("duplicate module")
        << QStringLiteral("duplicate") << QStringLiteral("gzip") << erts
        << QStringList{QStringLiteral("^module shop_cart is in (shop_core-1.0.0 and "
                                      "shop_web-1.0.0|shop_web-1.0.0 and shop_core-1.0.0)$")}
        << true;
    QTest::newRow("sys.config does not parse")
        << QStringLiteral("bad-sys-config") << QStringLiteral("gzip") << erts
        << QStringList{QStringLiteral("^sys\\.config does not parse")} << true;
    QTest::newRow("a .rel application missing from lib/")
        << QStringLiteral("missing-app") << QStringLiteral("gzip") << erts
        << QStringList{QStringLiteral(
               "needs shop_tools 1\\.0\\.0, but lib/shop_tools-1\\.0\\.0/ebin/shop_tools\\.app is not")}
        << true;
    QTest::newRow("ERTS of the release differs from the OTP in use")
        << QStringLiteral("erts-otp") << QStringLiteral("gzip") << QStringLiteral("12.0")
        << QStringList{QStringLiteral(
               "asks for ERTS 12\\.0 and brings none; the OTP in use has ERTS 13\\.1\\.5")}
        << true;
    QTest::newRow("bundled ERTS differs from the release's")
        << QStringLiteral("erts-bundled") << QStringLiteral("directory") << erts
        << QStringList{QStringLiteral("has erts-12\\.0, but the release asks for ERTS 13\\.1\\.5")} << true;
    QTest::newRow("several versions, no relup")
        << QStringLiteral("no-relup") << QStringLiteral("directory") << erts
        << QStringList{QStringLiteral("several release versions \\((0\\.9\\.0, 1\\.0\\.0|1\\.0\\.0, "
                                      "0\\.9\\.0)\\) but 1\\.0\\.0 has no relup")}
        << true;
}

void TestCliPackage::inspect()
{
    QFETCH(QString, kind);
    QFETCH(QString, format);
    QFETCH(QString, erts);
    QFETCH(QStringList, warnings);
    QFETCH(bool, hasBoot);

    const QString dir = freshDir(QStringLiteral("inspect"));
    const QString copy = dir + QStringLiteral("/target");
    QVERIFY(copyTree(m_assembled, copy));
    QString input;
    QString workDir = QDir::tempPath();
    // Packs the (modified) copy with GNU tar, without "./".
    auto gnuTar = [&](const QString &flag, const QString &name) {
        input = dir + QLatin1Char('/') + name;
        const ProgramRun run =
            runProgram(QStringLiteral("tar"), {QStringLiteral("-C"), copy, flag, input, QStringLiteral("bin"),
                                               QStringLiteral("lib"), QStringLiteral("releases")});
        return run.ok();
    };
    if (kind == QLatin1String("ours")) {
        input = m_shopTar;
    } else if (kind == QLatin1String("systools")) {
        input = m_systoolsShopTar;
    } else if (kind == QLatin1String("gnu-dot")) {
        input = dir + QStringLiteral("/dot.tar.gz");
        QVERIFY(runProgram(QStringLiteral("tar"),
                           {QStringLiteral("-C"), copy, QStringLiteral("-czf"), input, QStringLiteral(".")})
                    .ok());
    } else if (kind == QLatin1String("gnu-bzip2")) {
        QVERIFY(gnuTar(QStringLiteral("-cjf"), QStringLiteral("shop.tar.bz2")));
    } else if (kind == QLatin1String("gnu-xz")) {
        QVERIFY(gnuTar(QStringLiteral("-cJf"), QStringLiteral("shop.tar.xz")));
    } else if (kind == QLatin1String("gnu-zstd")) {
        input = dir + QStringLiteral("/shop.tar.zst");
        const ProgramRun run =
            runProgram(QStringLiteral("tar"),
                       {QStringLiteral("-C"), copy, QStringLiteral("--zstd"), QStringLiteral("-cf"), input,
                        QStringLiteral("bin"), QStringLiteral("lib"), QStringLiteral("releases")});
        QVERIFY2(run.ok(), run.describe().constData());
    } else if (kind == QLatin1String("dir")) {
        input = copy;
    } else if (kind == QLatin1String("dir-relative")) {
        input = QStringLiteral("target");
        workDir = dir;
    } else if (kind == QLatin1String("no-boot")) {
        QVERIFY(QFile::remove(copy + QStringLiteral("/releases/1.0.0/start.boot")));
        QVERIFY(gnuTar(QStringLiteral("-czf"), QStringLiteral("shop.tar.gz")));
    } else if (kind == QLatin1String("duplicate")) {
        QVERIFY(QFile::copy(copy + QStringLiteral("/lib/shop_core-1.0.0/ebin/shop_cart.beam"),
                            copy + QStringLiteral("/lib/shop_web-1.0.0/ebin/shop_cart.beam")));
        QVERIFY(gnuTar(QStringLiteral("-czf"), QStringLiteral("shop.tar.gz")));
    } else if (kind == QLatin1String("bad-sys-config")) {
        QVERIFY(writeFile(copy + QStringLiteral("/releases/1.0.0/sys.config"), "[{kernel, [}].\n"));
        QVERIFY(gnuTar(QStringLiteral("-czf"), QStringLiteral("shop.tar.gz")));
    } else if (kind == QLatin1String("missing-app")) {
        QVERIFY(QDir(copy + QStringLiteral("/lib/shop_tools-1.0.0")).removeRecursively());
        QVERIFY(gnuTar(QStringLiteral("-czf"), QStringLiteral("shop.tar.gz")));
    } else if (kind == QLatin1String("erts-otp")) {
        for (const QString &rel :
             {QStringLiteral("/releases/shop-1.0.0.rel"), QStringLiteral("/releases/1.0.0/shop-1.0.0.rel")}) {
            QByteArray text = readFile(copy + rel);
            text.replace("{erts, \"13.1.5\"}", "{erts, \"12.0\"}");
            QVERIFY(writeFile(copy + rel, text));
        }
        QVERIFY(gnuTar(QStringLiteral("-czf"), QStringLiteral("shop.tar.gz")));
    } else if (kind == QLatin1String("erts-bundled")) {
        QVERIFY(writeFile(copy + QStringLiteral("/erts-12.0/bin/erlexec"), "#!/bin/sh\n"));
        input = copy;
    } else if (kind == QLatin1String("no-relup")) {
        QVERIFY(QFile::remove(copy + QStringLiteral("/releases/1.0.0/relup")));
        // An earlier version's directory next to this one, as after an upgrade.
        QVERIFY(QDir().mkpath(copy + QStringLiteral("/releases/0.9.0")));
        QVERIFY(writeFile(copy + QStringLiteral("/releases/0.9.0/start.boot"), "old"));
        input = copy;
    }
    QVERIFY(!input.isEmpty());

    QString error;
    const QJsonObject report = runInspectJson(input, &error, workDir);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject release = report.value(QStringLiteral("release")).toObject();
    QCOMPARE(release.value(QStringLiteral("name")).toString(), QStringLiteral("shop"));
    QCOMPARE(release.value(QStringLiteral("vsn")).toString(), QStringLiteral("1.0.0"));
    QCOMPARE(release.value(QStringLiteral("erts")).toString(), erts);
    const QString reportedFormat = report.value(QStringLiteral("format")).toString();
    QVERIFY2(reportedFormat.contains(format), qPrintable(reportedFormat));
    QCOMPARE(!report.value(QStringLiteral("boot")).toString().isEmpty(), hasBoot);

    QStringList apps;
    for (const QJsonValue &a : report.value(QStringLiteral("applications")).toArray())
        apps << a.toObject().value(QStringLiteral("name")).toString();
    QStringList expectedApps{QStringLiteral("kernel"),     QStringLiteral("sasl"),
                             QStringLiteral("shop_core"),  QStringLiteral("shop_metrics"),
                             QStringLiteral("shop_tools"), QStringLiteral("shop_web"),
                             QStringLiteral("stdlib")};
    if (kind == QLatin1String("missing-app"))
        expectedApps.removeAll(QStringLiteral("shop_tools"));
    QCOMPARE(apps, expectedApps);

    for (const QJsonValue &e : report.value(QStringLiteral("entries")).toArray()) {
        const QString entryPath = e.toObject().value(QStringLiteral("path")).toString();
        QVERIFY2(!entryPath.isEmpty() && !entryPath.startsWith(QLatin1String("./")) &&
                     !entryPath.startsWith(QLatin1Char('/')),
                 qPrintable(QStringLiteral("entry path '%1'").arg(entryPath)));
    }

    const QStringList messages = warningMessages(report);
    QStringList unmatched = messages;
    for (const QString &expected : warnings) {
        const QRegularExpression re(expected);
        QVERIFY2(re.isValid(), qPrintable(expected));
        const auto it = std::find_if(unmatched.begin(), unmatched.end(),
                                     [&](const QString &m) { return re.match(m).hasMatch(); });
        QVERIFY2(
            it != unmatched.end(),
            qPrintable(
                QStringLiteral("no warning '%1' in:\n%2").arg(expected, messages.join(QLatin1Char('\n')))));
        unmatched.erase(it);
    }
    QVERIFY2(unmatched.isEmpty(), qPrintable(unmatched.join(QLatin1Char('\n'))));
    if (kind == QLatin1String("bad-sys-config")) {
        const QJsonObject w = report.value(QStringLiteral("warnings")).toArray().first().toObject();
        QCOMPARE(w.value(QStringLiteral("file")).toString(), QStringLiteral("releases/1.0.0/sys.config"));
        QCOMPARE(w.value(QStringLiteral("line")).toInt(), 1);
    }
}

void TestCliPackage::inspectJson()
{
    QString error;
    const QJsonObject report = runInspectJson(m_shopTar, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList keys = report.keys();
    keys.sort();
    QCOMPARE(
        keys,
        (QStringList{QStringLiteral("applications"), QStringLiteral("boot"), QStringLiteral("entries"),
                     QStringLiteral("format"), QStringLiteral("release"), QStringLiteral("relup_down_to"),
                     QStringLiteral("relup_up_from"), QStringLiteral("source"), QStringLiteral("warnings")}));
    QCOMPARE(report.value(QStringLiteral("source")).toString(), m_shopTar);
    QCOMPARE(report.value(QStringLiteral("warnings")).toArray().size(), 0);
    QCOMPARE(report.value(QStringLiteral("relup_up_from")).toArray(), QJsonArray{QStringLiteral("0.9.0")});
    QCOMPARE(report.value(QStringLiteral("relup_down_to")).toArray(), QJsonArray{QStringLiteral("0.9.0")});

    const auto members = readTarball(m_shopTar, &error);
    QVERIFY2(members, qPrintable(error));
    // entries: every member, in order, with size, mode and type.
    const QJsonArray entries = report.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), qsizetype(members->size()));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries[i].toObject();
        const TarMember &m = (*members)[size_t(i)];
        QCOMPARE(e.keys(), (QStringList{QStringLiteral("mode"), QStringLiteral("path"),
                                        QStringLiteral("size"), QStringLiteral("type")}));
        QCOMPARE(e.value(QStringLiteral("path")).toString(), m.name);
        QCOMPARE(e.value(QStringLiteral("size")).toInteger(), m.size);
        QCOMPARE(e.value(QStringLiteral("mode")).toString(), QString::number(m.mode, 8));
        QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("file"));
    }
    // applications: name, vsn, bytes under lib/NAME-VSN, .beam files in its ebin.
    const QJsonArray apps = report.value(QStringLiteral("applications")).toArray();
    QCOMPARE(apps.size(), 7);
    for (const QJsonValue &v : apps) {
        const QJsonObject a = v.toObject();
        QCOMPARE(a.keys(), (QStringList{QStringLiteral("bytes"), QStringLiteral("modules"),
                                        QStringLiteral("name"), QStringLiteral("vsn")}));
        const QString prefix =
            QStringLiteral("lib/%1-%2/")
                .arg(a.value(QStringLiteral("name")).toString(), a.value(QStringLiteral("vsn")).toString());
        qint64 bytes = 0;
        int modules = 0;
        for (const TarMember &m : *members) {
            if (!m.name.startsWith(prefix))
                continue;
            bytes += m.size;
            modules += m.name.startsWith(prefix + QStringLiteral("ebin/")) &&
                       m.name.endsWith(QLatin1String(".beam"));
        }
        QVERIFY(modules > 0);
        QCOMPARE(a.value(QStringLiteral("bytes")).toInteger(), bytes);
        QCOMPARE(a.value(QStringLiteral("modules")).toInt(), modules);
    }
    // boot: the decoded start.boot as erl prints it with ~tp.
    const auto boot = std::find_if(members->begin(), members->end(), [](const TarMember &m) {
        return m.name == QLatin1String("releases/1.0.0/start.boot");
    });
    QVERIFY(boot != members->end());
    const QString bootFile = path(QStringLiteral("inspected.boot"));
    QVERIFY(writeFile(bootFile, boot->data));
    const QString printed = path(QStringLiteral("inspected.boot.txt"));
    const rs::test::ErlRun erl = rs::test::evalErl(
        QStringLiteral("{ok, B} = file:read_file(%1),"
                       "ok = file:write_file(%2, unicode:characters_to_binary(io_lib:format(\"~tp\", "
                       "[binary_to_term(B)])))")
            .arg(erlString(bootFile), erlString(printed)));
    QVERIFY2(erl.ok(), qPrintable(erl.describe()));
    QCOMPARE(report.value(QStringLiteral("boot")).toString(), QString::fromUtf8(readFile(printed)));
}

void TestCliPackage::inspectText()
{
    const ProgramRun run = cli({QStringLiteral("inspect"), m_shopTar});
    QVERIFY2(run.ok(), run.describe().constData());
    const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
    QVERIFY2(lines.value(0).startsWith(m_shopTar + QStringLiteral(" (")) &&
                 lines.value(0).contains(QLatin1String("gzip")),
             qPrintable(lines.value(0)));
    QCOMPARE(lines.value(1), QStringLiteral("release shop 1.0.0, ERTS 13.1.5"));
    QVERIFY(run.out.contains("\nstart.boot:\n{script,"));
    QVERIFY(run.out.contains("relup: up from 0.9.0; down to 0.9.0"));
    QVERIFY2(run.err.isEmpty(), run.err.constData());

    // Warnings go to stderr as diagnostics; the exit status stays 0.
    const QString dot = path(QStringLiteral("dot.tar.gz"));
    QVERIFY(runProgram(QStringLiteral("tar"),
                       {QStringLiteral("-C"), m_assembled, QStringLiteral("-czf"), dot, QStringLiteral(".")})
                .ok());
    const ProgramRun warned = cli({QStringLiteral("inspect"), dot});
    QVERIFY2(warned.ok(), warned.describe().constData());
    QVERIFY2(warned.err.contains("warning: member names start with './'"), warned.err.constData());
}

void TestCliPackage::inspectExitCodes()
{
    QCOMPARE(cli({QStringLiteral("inspect")}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("inspect"), m_shopTar, m_shopTar}).exitCode, 2);
    const ProgramRun missing = cli({QStringLiteral("inspect"), path(QStringLiteral("nowhere.tar.gz"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("nowhere.tar.gz"), missing.describe().constData());
    QVERIFY(writeFile(path(QStringLiteral("not-an-archive.tar.gz")), "this is plain text, not an archive\n"));
    const ProgramRun notArchive =
        cli({QStringLiteral("inspect"), path(QStringLiteral("not-an-archive.tar.gz"))});
    QCOMPARE(notArchive.exitCode, 1);
    QVERIFY2(notArchive.err.contains("not-an-archive.tar.gz"), notArchive.describe().constData());
    // A truncated tarball: an error, not a partial report.
    const QByteArray whole = readFile(m_shopTar);
    QVERIFY(writeFile(path(QStringLiteral("truncated.tar.gz")), whole.left(whole.size() / 2)));
    QCOMPARE(cli({QStringLiteral("inspect"), path(QStringLiteral("truncated.tar.gz"))}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCliPackage)
#include "tst_cli_package.moc"
