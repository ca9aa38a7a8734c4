// Inspecting a release package (core/package/inspect): the same report from a tarball and from a
// directory; each warning (no start.boot, "./" names, duplicate modules, ERTS mismatch, sys.config
// that does not parse, a later release without relup, .rel applications missing from lib/);
// versions with '-', links in a directory, earlier releases kept beside the current one;
// cancellation and progress.
#include "archive/tar_writer.h"
#include "core/package/package_test_util.h"
#include "etf/etf.h"
#include "package/inspect.h"
#include "support/testdata.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using rs::package::InspectReport;
using rs::term::Term;
using rs::test::package::writeFile;

namespace {

using Files = std::map<QString, QByteArray>; // name -> bytes; a name ending in '/' is a directory

const QByteArray relText = "{release, {\"shop\", \"1.0.0\"}, {erts, \"13.1.5\"},\n"
                           " [{kernel, \"8.5.3\"},\n"
                           "  {stdlib, \"4.2\"},\n"
                           "  {web, \"1.0\"}]}.\n";

Term bootTerm()
{
    return Term::tuple({Term::atom(QStringLiteral("script")),
                        Term::tuple({Term::string(u"shop"), Term::string(u"1.0.0")}),
                        Term::list({Term::tuple({Term::atom(QStringLiteral("progress")),
                                                 Term::atom(QStringLiteral("preloaded"))})})});
}

Files releaseFiles()
{
    return {
        {QStringLiteral("lib/kernel-8.5.3/ebin/kernel.app"), "{application, kernel, []}.\n"},
        {QStringLiteral("lib/kernel-8.5.3/ebin/kernel.beam"), QByteArray(1000, 'k')},
        {QStringLiteral("lib/kernel-8.5.3/ebin/code.beam"), QByteArray(2000, 'c')},
        {QStringLiteral("lib/stdlib-4.2/ebin/stdlib.app"), "{application, stdlib, []}.\n"},
        {QStringLiteral("lib/stdlib-4.2/ebin/lists.beam"), QByteArray(3000, 'l')},
        {QStringLiteral("lib/web-1.0/ebin/web.app"), "{application, web, []}.\n"},
        {QStringLiteral("lib/web-1.0/ebin/web.beam"), QByteArray(500, 'w')},
        {QStringLiteral("lib/web-1.0/priv/static/index.html"), QByteArray(100, 'h')},
        {QStringLiteral("releases/shop.rel"), relText},
        {QStringLiteral("releases/1.0.0/shop.rel"), relText},
        {QStringLiteral("releases/1.0.0/start.boot"), rs::etf::encode(bootTerm())},
        {QStringLiteral("releases/1.0.0/sys.config"), "[{kernel, []}].\n"},
        {QStringLiteral("releases/1.0.0/relup"),
         "{\"1.0.0\",\n [{\"0.9.0\",[]},{\"0.8.0\",[]}],\n [{\"0.9.0\",[]}]}.\n"},
    };
}

// A gzip tarball of the files (in map order) written by Relstudio's TarWriter.
QString writeTarball(const QString &path, const Files &files)
{
    auto writer = rs::archive::TarWriter::create(path);
    if (!writer)
        qFatal("%s", qPrintable(writer.error().toString()));
    for (const auto &[name, bytes] : files) {
        const auto added =
            name.endsWith(QLatin1Char('/')) ? (*writer)->addDirectory(name) : (*writer)->addData(name, bytes);
        if (!added)
            qFatal("%s", qPrintable(added.error().toString()));
    }
    if (!(*writer)->finish())
        qFatal("cannot finish %s", qPrintable(path));
    return path;
}

QString writeDirectory(const QString &root, const Files &files)
{
    for (const auto &[name, bytes] : files) {
        if (name.endsWith(QLatin1Char('/')))
            QDir().mkpath(root + QLatin1Char('/') + name);
        else
            writeFile(root + QLatin1Char('/') + name, bytes);
    }
    return root;
}

QStringList messages(const InspectReport &r)
{
    QStringList out;
    for (const rs::Finding &f : r.warnings) {
        out << f.message;
    }
    return out;
}

class CancelAfter final : public rs::jobs::Monitor
{
public:
    explicit CancelAfter(int after) : m_after(after) {}
    void report(const rs::jobs::Progress &p) override
    {
        ++m_reports;
        last = p;
    }
    bool isCancelled() const override { return m_reports >= m_after; }
    rs::jobs::Progress last;

private:
    int m_after;
    int m_reports = 0;
};

} // namespace

class TestInspect : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    // The package as a tarball (tar = true) or a directory, inspected.
    rs::Expected<InspectReport> inspect(const Files &files, bool tar, const QString &expectedErts = QString())
    {
        static int n = 0;
        const QString base = m_tmp.filePath(QStringLiteral("p%1").arg(++n));
        const QString path =
            tar ? writeTarball(base + QStringLiteral(".tar.gz"), files) : writeDirectory(base, files);
        return rs::package::inspectRelease(path, expectedErts);
    }

private slots:
    void report_data()
    {
        QTest::addColumn<bool>("tar");
        QTest::newRow("tarball") << true;
        QTest::newRow("directory") << false;
    }

    void report()
    {
        QFETCH(bool, tar);
        const auto r = inspect(releaseFiles(), tar, QStringLiteral("13.1.5"));
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
        QCOMPARE(r->relName, QStringLiteral("shop"));
        QCOMPARE(r->relVsn, QStringLiteral("1.0.0"));
        QCOMPARE(r->ertsVsn, QStringLiteral("13.1.5"));
        QCOMPARE(r->relFile, QStringLiteral("releases/shop.rel"));
        QVERIFY2(tar ? r->format.contains(QLatin1String("gzip")) : r->format == QLatin1String("directory"),
                 qPrintable(r->format));
        QVERIFY2(r->warnings.isEmpty(), qPrintable(messages(*r).join(QLatin1Char('\n'))));

        QCOMPARE(int(r->apps.size()), 3);
        QCOMPARE(r->apps[0].name, QStringLiteral("kernel"));
        QCOMPARE(r->apps[0].vsn, QStringLiteral("8.5.3"));
        QCOMPARE(r->apps[0].modules, 2);
        QCOMPARE(r->apps[0].bytes,
                 qint64(1000 + 2000) +
                     releaseFiles().at(QStringLiteral("lib/kernel-8.5.3/ebin/kernel.app")).size());
        QVERIFY(r->apps[0].hasAppFile);
        QCOMPARE(r->apps[1].name, QStringLiteral("stdlib"));
        QCOMPARE(r->apps[2].name, QStringLiteral("web"));
        QCOMPARE(r->apps[2].modules, 1);
        QCOMPARE(r->apps[2].bytes,
                 qint64(500 + 100) + releaseFiles().at(QStringLiteral("lib/web-1.0/ebin/web.app")).size());

        QVERIFY(r->boot.has_value());
        QVERIFY(*r->boot == bootTerm());
        QCOMPARE(r->relupUpFrom, (QStringList{QStringLiteral("0.9.0"), QStringLiteral("0.8.0")}));
        QCOMPARE(r->relupDownTo, QStringList{QStringLiteral("0.9.0")});

        QStringList files;
        for (const auto &e : r->entries)
            if (e.type == rs::archive::EntryType::File)
                files << e.path;
        QStringList expected;
        for (const auto &[name, bytes] : releaseFiles())
            expected << name;
        if (!tar) { // a directory is walked in sorted order; map order is sorted too
            files.sort();
            expected.sort();
        }
        QCOMPARE(files, expected);
        for (const auto &e : r->entries)
            if (e.path == QLatin1String("lib/web-1.0/ebin/web.beam"))
                QCOMPARE(e.size, qint64(500));
    }

    void warnings_data()
    {
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QStringList>("addNames");
        QTest::addColumn<QList<QByteArray>>("addBytes");
        QTest::addColumn<QString>("expectedErts");
        QTest::addColumn<QStringList>("warnings");

        const QString erts = QStringLiteral("13.1.5");
        QTest::newRow("no start.boot")
            << QStringList{QStringLiteral("releases/1.0.0/start.boot")} << QStringList{}
            << QList<QByteArray>{} << erts
            << QStringList{QStringLiteral("no releases/1.0.0/start.boot: the release cannot boot")};
        QTest::newRow("start.boot does not decode")
            << QStringList{} << QStringList{QStringLiteral("releases/1.0.0/start.boot")}
            << QList<QByteArray>{"not a boot file"} << erts
            << QStringList{QStringLiteral("start.boot does not decode")};
        QTest::newRow("duplicate module")
            << QStringList{} << QStringList{QStringLiteral("lib/web-1.0/ebin/lists.beam")}
            << QList<QByteArray>{"dup"} << erts
            << QStringList{QStringLiteral("module lists is in stdlib-4.2 and web-1.0")};
        QTest::newRow("sys.config does not parse")
            << QStringList{} << QStringList{QStringLiteral("releases/1.0.0/sys.config")}
            << QList<QByteArray>{"[{kernel, [}].\n"} << erts
            << QStringList{QStringLiteral("sys.config does not parse")};
        QTest::newRow("relup is not a relup")
            << QStringList{} << QStringList{QStringLiteral("releases/1.0.0/relup")}
            << QList<QByteArray>{"{\"1.0.0\"}.\n"} << erts
            << QStringList{QStringLiteral("relup is not {Vsn, UpFrom, DownTo}")};
        QTest::newRow("application missing from lib/")
            << QStringList{QStringLiteral("lib/web-1.0/ebin/web.app"),
                           QStringLiteral("lib/web-1.0/ebin/web.beam"),
                           QStringLiteral("lib/web-1.0/priv/static/index.html")}
            << QStringList{} << QList<QByteArray>{} << erts
            << QStringList{QStringLiteral(
                   "the release needs web 1.0, but lib/web-1.0/ebin/web.app is not in the package")};
        QTest::newRow("application without its .app")
            << QStringList{QStringLiteral("lib/web-1.0/ebin/web.app")} << QStringList{} << QList<QByteArray>{}
            << erts << QStringList{QStringLiteral("the release needs web 1.0")};
        QTest::newRow("ERTS of the OTP in use differs")
            << QStringList{} << QStringList{} << QList<QByteArray>{} << QStringLiteral("14.0")
            << QStringList{QStringLiteral(
                   "the release asks for ERTS 13.1.5 and brings none; the OTP in use has ERTS 14.0")};
        QTest::newRow("no OTP to compare with")
            << QStringList{} << QStringList{} << QList<QByteArray>{} << QString() << QStringList{};
        QTest::newRow("bundled ERTS differs")
            << QStringList{} << QStringList{QStringLiteral("erts-12.0/bin/erlexec")} << QList<QByteArray>{"x"}
            << QStringLiteral("14.0")
            << QStringList{QStringLiteral("the package has erts-12.0, but the release asks for ERTS 13.1.5")};
        QTest::newRow("bundled ERTS is the release's")
            << QStringList{} << QStringList{QStringLiteral("erts-13.1.5/bin/erlexec")}
            << QList<QByteArray>{"x"} << QStringLiteral("14.0") << QStringList{};
        QTest::newRow("a later release without relup")
            << QStringList{QStringLiteral("releases/1.0.0/relup")}
            << QStringList{QStringLiteral("releases/0.9.0/start.boot")} << QList<QByteArray>{"old"} << erts
            << QStringList{QStringLiteral("several release versions (")};
        QTest::newRow("first release without relup")
            << QStringList{QStringLiteral("releases/1.0.0/relup")} << QStringList{} << QList<QByteArray>{}
            << erts << QStringList{};
        QTest::newRow("no .rel") << QStringList{QStringLiteral("releases/shop.rel"),
                                                QStringLiteral("releases/1.0.0/shop.rel")}
                                 << QStringList{} << QList<QByteArray>{} << erts
                                 << QStringList{QStringLiteral("no releases/NAME.rel")};
        QTest::newRow("the top .rel is broken, the versioned one is used")
            << QStringList{} << QStringList{QStringLiteral("releases/shop.rel")}
            << QList<QByteArray>{"{release, \n"} << erts << QStringList{QStringLiteral("")};
    }

    void warnings()
    {
        QFETCH(QStringList, remove);
        QFETCH(QStringList, addNames);
        QFETCH(QList<QByteArray>, addBytes);
        QFETCH(QString, expectedErts);
        QFETCH(QStringList, warnings);
        Files files = releaseFiles();
        for (const QString &name : remove)
            QVERIFY(files.erase(name) == 1);
        for (qsizetype i = 0; i < addNames.size(); ++i)
            files[addNames[i]] = addBytes[i];
        for (const bool tar : {true, false}) {
            const auto r = inspect(files, tar, expectedErts);
            QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
            QStringList unmatched = messages(*r);
            for (const QString &expected : warnings) {
                const auto it = std::find_if(unmatched.begin(), unmatched.end(),
                                             [&](const QString &m) { return m.contains(expected); });
                QVERIFY2(it != unmatched.end(),
                         qPrintable(QStringLiteral("%1: no '%2' in:\n%3")
                                        .arg(tar ? QStringLiteral("tarball") : QStringLiteral("directory"),
                                             expected, messages(*r).join(QLatin1Char('\n')))));
                unmatched.erase(it);
            }
            QVERIFY2(unmatched.isEmpty(), qPrintable(unmatched.join(QLatin1Char('\n'))));
            if (QTest::currentDataTag() == QByteArrayLiteral("sys.config does not parse")) {
                QCOMPARE(r->warnings.first().location.file, QStringLiteral("releases/1.0.0/sys.config"));
                QCOMPARE(r->warnings.first().location.line, 1);
            }
            if (!files.count(QStringLiteral("releases/shop.rel")) &&
                !files.count(QStringLiteral("releases/1.0.0/shop.rel")))
                QVERIFY(r->relName.isEmpty());
            else
                QCOMPARE(r->relName, QStringLiteral("shop"));
        }
    }

    // GNU tar's `tar czf x.tar.gz -C dir .`: "./" and "./"-prefixed names. One warning; names
    // are reported without the prefix; the root entry "./" is not an entry with an empty path.
    void dotSlashNames()
    {
        QByteArray tar = rs::test::package::ustarMember("./", {}, '5', 0755);
        for (const auto &[name, bytes] : releaseFiles())
            tar += rs::test::package::ustarMember("./" + name.toUtf8(), bytes);
        tar += rs::test::package::ustarEnd();
        const QString path = m_tmp.filePath(QStringLiteral("dot.tar"));
        QVERIFY(writeFile(path, tar));
        const auto r = rs::package::inspectRelease(path, QStringLiteral("13.1.5"));
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
        QCOMPARE(r->relName, QStringLiteral("shop"));
        QVERIFY(r->boot.has_value());
        QCOMPARE(messages(*r).size(), 1);
        QVERIFY2(messages(*r).first().contains(QLatin1String("'./'")), qPrintable(messages(*r).first()));
        QVERIFY2(messages(*r).first().contains(QLatin1String("(e.g. ./lib/kernel-8.5.3/ebin/code.beam)")),
                 qPrintable(messages(*r).first()));
        for (const auto &e : r->entries)
            QVERIFY2(!e.path.isEmpty() && !e.path.startsWith(QLatin1String("./")), qPrintable(e.path));
        QCOMPARE(int(r->apps.size()), 3);
    }

    // A version with '-' (a semver pre-release, as mix and rebar3 allow): lib/web-1.0-rc.1 is web
    // 1.0-rc.1, as OTP's code server reads it.
    void preReleaseVersion_data() { report_data(); }

    void preReleaseVersion()
    {
        QFETCH(bool, tar);
        Files files;
        for (const auto &[name, bytes] : releaseFiles()) {
            files[QString(name).replace(QStringLiteral("lib/web-1.0/"),
                                        QStringLiteral("lib/web-1.0-rc.1/"))] =
                QByteArray(bytes).replace("{web, \"1.0\"}", "{web, \"1.0-rc.1\"}");
        }
        const auto r = inspect(files, tar, QStringLiteral("13.1.5"));
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
        QVERIFY2(r->warnings.isEmpty(), qPrintable(messages(*r).join(QLatin1Char('\n'))));
        QCOMPARE(r->apps[2].name, QStringLiteral("web"));
        QCOMPARE(r->apps[2].vsn, QStringLiteral("1.0-rc.1"));
        QCOMPARE(r->apps[2].modules, 1);
    }

    // relx's dev mode links lib/NAME-VSN and releases/VSN/sys.config to the project: a link stands
    // for what it points to, and a link loop is walked once.
    void linksInDirectory()
    {
        Files files = releaseFiles();
        Files project;
        for (const QString &name :
             {QStringLiteral("lib/web-1.0/ebin/web.app"), QStringLiteral("lib/web-1.0/ebin/web.beam"),
              QStringLiteral("releases/1.0.0/sys.config")})
            project[name] = files.extract(name).mapped();
        const QString root = writeDirectory(m_tmp.filePath(QStringLiteral("linked/rel")), files);
        const QString outside = writeDirectory(m_tmp.filePath(QStringLiteral("linked/project")), project);
        QVERIFY(QFile::link(outside + QStringLiteral("/lib/web-1.0/ebin"),
                            root + QStringLiteral("/lib/web-1.0/ebin")));
        QVERIFY(QFile::link(outside + QStringLiteral("/releases/1.0.0/sys.config"),
                            root + QStringLiteral("/releases/1.0.0/sys.config")));
        QVERIFY(QFile::link(QStringLiteral("../.."), root + QStringLiteral("/lib/web-1.0/loop")));

        auto r = rs::package::inspectRelease(root, QStringLiteral("13.1.5"));
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
        QVERIFY2(r->warnings.isEmpty(), qPrintable(messages(*r).join(QLatin1Char('\n'))));
        QCOMPARE(r->apps[2].name, QStringLiteral("web"));
        QCOMPARE(r->apps[2].modules, 1);

        QVERIFY(writeFile(outside + QStringLiteral("/releases/1.0.0/sys.config"), "[{kernel, [}].\n"));
        r = rs::package::inspectRelease(root, QStringLiteral("13.1.5"));
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
        QCOMPARE(messages(*r).size(), 1);
        QVERIFY2(messages(*r).first().startsWith(QLatin1String("sys.config does not parse")),
                 qPrintable(messages(*r).first()));
    }

    // A target directory after an upgrade keeps the earlier release and its applications: the
    // release is the one releases/start_erl.data boots, and an application's other version holds
    // the same modules without clashing.
    void earlierReleaseKept_data() { report_data(); }

    void earlierReleaseKept()
    {
        QFETCH(bool, tar);
        Files files = releaseFiles();
        files.erase(QStringLiteral("releases/shop.rel"));
        QByteArray oldRel = relText;
        files[QStringLiteral("releases/0.9.0/shop.rel")] =
            oldRel.replace("\"1.0.0\"", "\"0.9.0\"").replace("{web, \"1.0\"}", "{web, \"0.9\"}");
        files[QStringLiteral("releases/0.9.0/start.boot")] = rs::etf::encode(bootTerm());
        files[QStringLiteral("lib/web-0.9/ebin/web.app")] = "{application, web, []}.\n";
        files[QStringLiteral("lib/web-0.9/ebin/web.beam")] = QByteArray(400, 'o');
        files[QStringLiteral("releases/start_erl.data")] = "13.1.5 1.0.0\n";
        const auto r = inspect(files, tar, QStringLiteral("13.1.5"));
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
        QCOMPARE(r->relVsn, QStringLiteral("1.0.0"));
        QCOMPARE(r->relFile, QStringLiteral("releases/1.0.0/shop.rel"));
        QVERIFY2(r->warnings.isEmpty(), qPrintable(messages(*r).join(QLatin1Char('\n'))));

        // Two applications the release loads still clash.
        files[QStringLiteral("lib/stdlib-4.2/ebin/web.beam")] = "dup";
        const auto clash = inspect(files, tar, QStringLiteral("13.1.5"));
        QVERIFY2(clash.hasValue(), rs::test::errorOf(clash).constData());
        QCOMPARE(messages(*clash), QStringList{QStringLiteral("module web is in stdlib-4.2 and web-1.0")});
    }

    // A directory given relative to the working directory.
    void relativeDirectory()
    {
        const QString root = writeDirectory(m_tmp.filePath(QStringLiteral("rel/target")), releaseFiles());
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_tmp.filePath(QStringLiteral("rel"))));
        const auto r = rs::package::inspectRelease(QStringLiteral("target"), QStringLiteral("13.1.5"));
        QDir::setCurrent(previous);
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
        QVERIFY2(r->warnings.isEmpty(), qPrintable(messages(*r).join(QLatin1Char('\n'))));
        QCOMPARE(r->relName, QStringLiteral("shop"));
        QCOMPARE(int(r->apps.size()), 3);
        for (const auto &e : r->entries)
            QVERIFY2(!e.path.startsWith(QLatin1String("target")), qPrintable(e.path));
    }

    void missingPath()
    {
        const auto r = rs::package::inspectRelease(m_tmp.filePath(QStringLiteral("nowhere.tar.gz")));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().location.file, m_tmp.filePath(QStringLiteral("nowhere.tar.gz")));
    }

    void cancellation_data()
    {
        QTest::addColumn<bool>("tar");
        QTest::newRow("tarball") << true;
        QTest::newRow("directory") << false;
    }

    void cancellation()
    {
        QFETCH(bool, tar);
        Files files = releaseFiles();
        for (int i = 0; i < 200; ++i) // enough data for several progress reports
            files[QStringLiteral("lib/web-1.0/priv/f%1").arg(i)] =
                rs::etf::encode(Term::integer(i)).repeated(4000) + QByteArray::number(i);
        const QString path = m_tmp.filePath(tar ? QStringLiteral("cancel.tar.gz") : QStringLiteral("cancel"));
        if (tar)
            writeTarball(path, files);
        else
            writeDirectory(path, files);
        CancelAfter monitor(2);
        const auto r = rs::package::inspectRelease(path, QString(), monitor);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().message, QStringLiteral("cancelled"));

        CancelAfter never(1 << 30);
        const auto whole = rs::package::inspectRelease(path, QString(), never);
        QVERIFY(whole.hasValue());
        if (tar) {
            QCOMPARE(never.last.done, QFileInfo(path).size());
            QCOMPARE(never.last.total, QFileInfo(path).size());
        }
    }
};

QTEST_GUILESS_MAIN(TestInspect)
#include "tst_inspect.moc"
