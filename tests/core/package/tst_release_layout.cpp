// The members of a release package (core/package/release_layout, target_files): the order
// systools:make_tar writes them in, priv trees walked in name order, src/include, ERTS binaries
// without the development tools, the target files of `assemble`, and the checks of sys.config,
// vm.args and relup made before anything is packed.
#include "core/release/fixtures.h"
#include "etf/etf.h"
#include "package/release_layout.h"
#include "package/target_files.h"
#include "release/resolver.h"
#include "script/boot_rules.h"
#include "support/testdata.h"
#include "term/pretty.h"

#include <QTest>

#include <sys/stat.h>

using rs::Findings;
using rs::package::PackageInputs;
using rs::package::PackageMember;
using rs::test::app;
using rs::test::LibFixture;

namespace {

QStringList namesOf(const std::vector<PackageMember> &members)
{
    QStringList out;
    for (const PackageMember &m : members)
        out << m.name;
    return out;
}

const PackageMember *find(const std::vector<PackageMember> &members, const QString &name)
{
    for (const PackageMember &m : members)
        if (m.name == name)
            return &m;
    return nullptr;
}

// kernel, stdlib, sasl and `web` (uses sasl; modules deliberately unsorted) in a fixture, the
// release "r" 1 of them written as rel/r-1.rel.
struct Release
{
    LibFixture fx;
    rs::release::ResolvedRelease resolved;
    QString relFile;

    explicit Release(const QStringList &extraEntries = {})
    {
        fx.addBase();
        fx.add(app(QStringLiteral("web"))
                   .uses({QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("sasl")})
                   .withModules({QStringLiteral("web_z"), QStringLiteral("web_a"), QStringLiteral("Web_m")}));
        const QByteArray text = rs::test::relText(
            rs::test::baseEntries() + QStringList{QStringLiteral("{web, \"1.0\"}")} + extraEntries);
        relFile = fx.writeFile(QStringLiteral("rel/r-1.rel"), text);
        const rs::release::RelParse rel = rs::test::parseRel(text, relFile);
        if (!rel.ok())
            qFatal("bad .rel: %s", qPrintable(rs::test::describe(rel.findings)));
        const rs::release::Resolution resolution = rs::release::resolve(rel.spec, fx.index(), nullptr);
        if (!resolution.release)
            qFatal("does not resolve: %s", qPrintable(rs::test::describe(resolution.findings)));
        resolved = *resolution.release;
    }

    QString web() const { return fx.path(QStringLiteral("lib/web-1.0")); }

    PackageInputs inputs() const
    {
        PackageInputs in;
        in.relFile = relFile;
        in.bootFile = "BOOT";
        return in;
    }
};

QStringList appMembers(const QString &dir, const QString &name, const QStringList &modules)
{
    QStringList out{QStringLiteral("lib/%1/ebin/%2.app").arg(dir, name)};
    for (const QString &m : modules)
        out << QStringLiteral("lib/%1/ebin/%2.beam").arg(dir, m);
    return out;
}

QStringList baseMembers()
{
    return appMembers(QStringLiteral("kernel-9.0"), QStringLiteral("kernel"),
                      {QStringLiteral("kernel"), QStringLiteral("application"),
                       QStringLiteral("error_handler"), QStringLiteral("code"),
                       QStringLiteral("kernel_extra")}) +
           appMembers(
               QStringLiteral("stdlib-4.0"), QStringLiteral("stdlib"),
               {QStringLiteral("lists"), QStringLiteral("gen_server"), QStringLiteral("stdlib_extra")}) +
           appMembers(QStringLiteral("sasl-3.0"), QStringLiteral("sasl"),
                      {QStringLiteral("sasl"), QStringLiteral("systools")});
}

QStringList webEbin()
{
    return appMembers(QStringLiteral("web-1.0"), QStringLiteral("web"),
                      {QStringLiteral("web_z"), QStringLiteral("web_a"), QStringLiteral("Web_m")});
}

} // namespace

class TestReleaseLayout : public QObject
{
    Q_OBJECT

private slots:
    // The order of make_tar: per application in start order its priv tree, then ebin/NAME.app and
    // the modules in .app order; then releases/NAME.rel, releases/VSN/{NAME.rel, start.boot,
    // relup, sys.config}, vm.args (Relstudio's addition).
    void membersInMakeTarOrder()
    {
        Release r;
        PackageInputs in = r.inputs();
        in.sysConfig = r.fx.writeFile(QStringLiteral("in/sys.config"), "[].\n");
        in.vmArgs = r.fx.writeFile(QStringLiteral("in/vm.args"), "-sname r\n");
        in.relup = r.fx.writeFile(QStringLiteral("in/relup"), "{\"1\", [], []}.\n");
        const auto members = rs::package::releaseMembers(r.resolved, in);
        QVERIFY2(members.hasValue(), rs::test::errorOf(members).constData());
        const QStringList expected =
            baseMembers() + webEbin() +
            QStringList{QStringLiteral("releases/r-1.rel"),      QStringLiteral("releases/1/r-1.rel"),
                        QStringLiteral("releases/1/start.boot"), QStringLiteral("releases/1/relup"),
                        QStringLiteral("releases/1/sys.config"), QStringLiteral("releases/1/vm.args")};
        QCOMPARE(namesOf(*members), expected);
        // Sources and generated bytes.
        QCOMPARE(find(*members, QStringLiteral("releases/r-1.rel"))->sourcePath, r.relFile);
        QCOMPARE(find(*members, QStringLiteral("releases/1/r-1.rel"))->sourcePath, r.relFile);
        const PackageMember *boot = find(*members, QStringLiteral("releases/1/start.boot"));
        QVERIFY(boot->isGenerated());
        QCOMPARE(boot->data, QByteArray("BOOT"));
        QCOMPARE(boot->mode, 0100644u);
        QCOMPARE(find(*members, QStringLiteral("lib/web-1.0/ebin/web_a.beam"))->sourcePath,
                 r.web() + QStringLiteral("/ebin/web_a.beam"));
        QCOMPARE(find(*members, QStringLiteral("releases/1/vm.args"))->sourcePath, in.vmArgs);
    }

    void withoutOptionalInputs()
    {
        Release r;
        const auto members = rs::package::releaseMembers(r.resolved, r.inputs());
        QVERIFY2(members.hasValue(), rs::test::errorOf(members).constData());
        QCOMPARE(namesOf(*members).mid(namesOf(*members).indexOf(QStringLiteral("releases/r-1.rel"))),
                 (QStringList{QStringLiteral("releases/r-1.rel"), QStringLiteral("releases/1/r-1.rel"),
                              QStringLiteral("releases/1/start.boot")}));
    }

    // Name order at every level (make_tar uses the file system's order), hidden files, an empty
    // directory as an entry of its own, symlinks followed, modes from the file.
    void privTreeInNameOrder()
    {
        Release r;
        const QString priv = r.web() + QStringLiteral("/priv");
        for (const char *f : {"b.txt", "a-b/x", "a/y", "A.txt", ".hidden", "sub/deeper/z"})
            r.fx.writeFile(QStringLiteral("lib/web-1.0/priv/") + QLatin1String(f), f);
        QDir().mkpath(priv + QStringLiteral("/empty"));
        QVERIFY(QFile::link(QStringLiteral("b.txt"), priv + QStringLiteral("/link")));
        QVERIFY(QFile::setPermissions(priv + QStringLiteral("/A.txt"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::ExeOther));
        const auto members = rs::package::releaseMembers(r.resolved, r.inputs());
        QVERIFY2(members.hasValue(), rs::test::errorOf(members).constData());
        const QStringList names = namesOf(*members);
        const qsizetype start = names.indexOf(QStringLiteral("lib/web-1.0/priv/.hidden"));
        QVERIFY(start > 0);
        QCOMPARE(
            names.mid(start, 8),
            (QStringList{QStringLiteral("lib/web-1.0/priv/.hidden"), QStringLiteral("lib/web-1.0/priv/A.txt"),
                         QStringLiteral("lib/web-1.0/priv/a/y"), QStringLiteral("lib/web-1.0/priv/a-b/x"),
                         QStringLiteral("lib/web-1.0/priv/b.txt"), QStringLiteral("lib/web-1.0/priv/empty"),
                         QStringLiteral("lib/web-1.0/priv/link"),
                         QStringLiteral("lib/web-1.0/priv/sub/deeper/z")}));
        QCOMPARE(names.mid(start + 8, 4), webEbin());
        const PackageMember *empty = find(*members, QStringLiteral("lib/web-1.0/priv/empty"));
        QVERIFY(empty->isDirectory && !empty->isGenerated());
        QCOMPARE(empty->mode & 0170000, quint32(S_IFDIR));
        QCOMPARE(find(*members, QStringLiteral("lib/web-1.0/priv/A.txt"))->mode, 0100705u);
        const PackageMember *link = find(*members, QStringLiteral("lib/web-1.0/priv/link"));
        QCOMPARE(link->mode & 0170000, quint32(S_IFREG)); // the file it points to
    }

    // make_tar fails on these (erl_tar: enoent, eloop); packing them silently would ship a broken
    // or bloated priv.
    void privTreeProblemsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("dangling symlink") << QStringLiteral("dangling");
        QTest::newRow("symlink loop") << QStringLiteral("loop");
        QTest::newRow("fifo") << QStringLiteral("fifo");
    }

    void privTreeProblemsRefused()
    {
        QFETCH(QString, kind);
        Release r;
        const QString priv = r.web() + QStringLiteral("/priv");
        r.fx.writeFile(QStringLiteral("lib/web-1.0/priv/ok.txt"), "ok");
        QString offender;
        if (kind == QLatin1String("dangling")) {
            offender = priv + QStringLiteral("/gone");
            QVERIFY(QFile::link(QStringLiteral("nowhere"), offender));
        } else if (kind == QLatin1String("loop")) {
            offender = priv + QStringLiteral("/loop");
            QVERIFY(QFile::link(QStringLiteral("."), offender));
        } else {
            offender = priv + QStringLiteral("/fifo");
            QCOMPARE(::mkfifo(QFile::encodeName(offender).constData(), 0644), 0);
        }
        const auto members = rs::package::releaseMembers(r.resolved, r.inputs());
        if (members.hasValue())
            QFAIL(qPrintable(QStringLiteral("packed:\n") +
                             namesOf(*members).filter(QStringLiteral("/priv/")).join(QLatin1Char('\n'))));
        QVERIFY2(members.error().toString().contains(QFileInfo(offender).fileName()),
                 qPrintable(members.error().toString()));
    }

    void includeSource()
    {
        Release r;
        r.fx.writeFile(QStringLiteral("lib/web-1.0/src/web_a.erl"), "-module(web_a).\n");
        r.fx.writeFile(QStringLiteral("lib/web-1.0/include/web.hrl"), "-define(X, 1).\n");
        r.fx.writeFile(QStringLiteral("lib/web-1.0/priv/p.txt"), "p");
        r.fx.writeFile(QStringLiteral("lib/web-1.0/doc/index.html"), "never packed");
        PackageInputs in = r.inputs();
        auto members = rs::package::releaseMembers(r.resolved, in);
        QVERIFY(members.hasValue());
        QVERIFY(namesOf(*members).filter(QStringLiteral("/src/")).isEmpty());
        in.includeSource = true;
        members = rs::package::releaseMembers(r.resolved, in);
        QVERIFY(members.hasValue());
        const QStringList names = namesOf(*members);
        const qsizetype start = names.indexOf(QStringLiteral("lib/web-1.0/priv/p.txt"));
        const QStringList expected =
            QStringList{QStringLiteral("lib/web-1.0/priv/p.txt"), QStringLiteral("lib/web-1.0/src/web_a.erl"),
                        QStringLiteral("lib/web-1.0/include/web.hrl")} +
            webEbin();
        QCOMPARE(names.mid(start, 7), expected);
        QVERIFY(names.filter(QStringLiteral("/doc/")).isEmpty());
    }

    void missingBeamRefused()
    {
        Release r;
        QVERIFY(QFile::remove(r.web() + QStringLiteral("/ebin/web_a.beam")));
        const auto members = rs::package::releaseMembers(r.resolved, r.inputs());
        QVERIFY(!members.hasValue());
        QVERIFY2(members.error().message.contains(QLatin1String("web_a")) &&
                     members.error().message.contains(r.web() + QStringLiteral("/ebin/web_a.beam")),
                 qPrintable(members.error().toString()));
        QCOMPARE(members.error().location.file, r.web() + QStringLiteral("/ebin/web.app"));
    }

    // erts-VSN/bin of the given root, in name order, without make_tar's erts_binary_filter().
    void ertsBinaries()
    {
        Release r;
        const QString bin = r.fx.path(QStringLiteral("otp/erts-13.1.5/bin"));
        for (const char *f : {"erlexec", "beam.smp", "typer", "dialyzer", "ct_run", "yielding_c_fun", "erlc",
                              "epmd", "erl_call"})
            r.fx.writeFile(QStringLiteral("otp/erts-13.1.5/bin/") + QLatin1String(f), f);
        QVERIFY(QFile::setPermissions(bin + QStringLiteral("/erlexec"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                          QFile::ExeOther));
        PackageInputs in = r.inputs();
        in.ertsRoot = r.fx.path(QStringLiteral("otp"));
        const auto members = rs::package::releaseMembers(r.resolved, in);
        QVERIFY2(members.hasValue(), rs::test::errorOf(members).constData());
        const QStringList names = namesOf(*members);
        QCOMPARE(names.mid(names.indexOf(QStringLiteral("releases/1/start.boot")) + 1),
                 (QStringList{
                     QStringLiteral("erts-13.1.5/bin/beam.smp"), QStringLiteral("erts-13.1.5/bin/epmd"),
                     QStringLiteral("erts-13.1.5/bin/erl_call"), QStringLiteral("erts-13.1.5/bin/erlexec")}));
        QCOMPARE(find(*members, QStringLiteral("erts-13.1.5/bin/erlexec"))->mode, 0100755u);

        in.ertsRoot = r.fx.path(QStringLiteral("lib"));
        const auto missing = rs::package::releaseMembers(r.resolved, in);
        QVERIFY(!missing.hasValue());
        QVERIFY2(missing.error().message.contains(QLatin1String("erts-13.1.5/bin")),
                 qPrintable(missing.error().message));
    }

    void checkSysConfig_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line"); // of the first error; 0: no error
        QTest::addColumn<int>("column");
        QTest::newRow("empty list") << QByteArray("[].\n") << 0 << 0;
        QTest::newRow("applications")
            << QByteArray("%% comment\n[{kernel, [{logger_level, info}]},\n {sasl, []}].\n") << 0 << 0;
        QTest::newRow("included config files")
            << QByteArray("[\"/etc/shop/extra.config\", {kernel, []}].\n") << 0 << 0;
        QTest::newRow("syntax error") << QByteArray("[{kernel, [}].\n") << 1 << 12;
        QTest::newRow("not a list") << QByteArray("{kernel, []}.\n") << 1 << 1;
        QTest::newRow("two terms") << QByteArray("[].\n[].\n") << 1 << 1;
        QTest::newRow("no term") << QByteArray("%% nothing\n") << 1 << 1;
        QTest::newRow("entry not a tuple") << QByteArray("[{kernel, []},\n 42].\n") << 2 << 2;
        QTest::newRow("key values not a list") << QByteArray("[{kernel, []},\n  {sasl, ok}].\n") << 2 << 3;
        QTest::newRow("empty file name") << QByteArray("[\"\"].\n") << 1 << 2;
        QTest::newRow("improper list") << QByteArray("[{kernel, []} | x].\n") << 1 << 1;
    }

    void checkSysConfig()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        LibFixture fx;
        const QString path = fx.writeFile(QStringLiteral("sys.config"), text);
        const Findings findings = rs::package::checkSysConfig(path);
        if (line == 0) {
            QVERIFY2(findings.isEmpty(), qPrintable(rs::test::describe(findings)));
            return;
        }
        QVERIFY(!findings.isEmpty());
        QVERIFY(findings.first().isError());
        QCOMPARE(findings.first().location.file, path);
        QCOMPARE(findings.first().location.line, line);
        QCOMPARE(findings.first().location.column, column);
    }

    void checkVmArgs_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("flags, comments, blank lines")
            << QByteArray("## comment\n-sname shop\n\n  -setcookie c\n+K true\n-env A b\n") << QList<int>{};
        QTest::newRow("bad lines 2 and 4")
            << QByteArray("-sname a\nsname b\n+K true\nfoo\n") << QList<int>{2, 4};
        QTest::newRow("no final newline") << QByteArray("-sname a\nbad") << QList<int>{2};
    }

    void checkVmArgs()
    {
        QFETCH(QByteArray, text);
        QFETCH(QList<int>, lines);
        LibFixture fx;
        const QString path = fx.writeFile(QStringLiteral("vm.args"), text);
        const Findings findings = rs::package::checkVmArgs(path);
        QList<int> found;
        for (const rs::Finding &f : findings) {
            QVERIFY(f.isError());
            QCOMPARE(f.location.file, path);
            QCOMPARE(f.location.column, 1);
            found << f.location.line;
        }
        QCOMPARE(found, lines);
        QVERIFY(!rs::package::checkVmArgs(fx.path(QStringLiteral("nowhere/vm.args"))).isEmpty());
    }

    void checkRelup_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("relup") << QByteArray(
                                      "{\"2\", [{\"1\", [], [point_of_no_return]}], [{\"1\", [], []}]}.\n")
                               << true;
        QTest::newRow("no versions") << QByteArray("{\"2\", [], []}.\n") << true;
        QTest::newRow("garbage") << QByteArray("this is not a relup\n") << false;
        QTest::newRow("two elements") << QByteArray("{\"2\", []}.\n") << false;
        QTest::newRow("atom version") << QByteArray("{'2', [], []}.\n") << false;
        QTest::newRow("empty version") << QByteArray("{\"\", [], []}.\n") << false;
        QTest::newRow("two terms") << QByteArray("{\"2\", [], []}.\n{\"2\", [], []}.\n") << false;
        QTest::newRow("up from not a list") << QByteArray("{\"2\", x, []}.\n") << false;
    }

    void checkRelup()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        LibFixture fx;
        const QString path = fx.writeFile(QStringLiteral("relup"), text);
        const Findings findings = rs::package::checkRelup(path);
        QCOMPARE(findings.isEmpty(), ok);
        if (!ok)
            QCOMPARE(findings.first().location.file, path);
    }

    // releaseMembers refuses inputs with problems; checkInputs reports all of them.
    void badInputsRefused()
    {
        Release r;
        PackageInputs in = r.inputs();
        in.sysConfig = r.fx.writeFile(QStringLiteral("in/sys.config"), "{kernel, []}.\n");
        in.vmArgs = r.fx.writeFile(QStringLiteral("in/vm.args"), "sname x\n");
        in.relup = r.fx.writeFile(QStringLiteral("in/relup"), "garbage\n");
        const Findings all = rs::package::checkInputs(in);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].location.file, in.sysConfig);
        QCOMPARE(all[1].location.file, in.vmArgs);
        QCOMPARE(all[2].location.file, in.relup);
        const auto members = rs::package::releaseMembers(r.resolved, in);
        QVERIFY(!members.hasValue());
        QCOMPARE(members.error().location.file, in.sysConfig);
    }

    // bin/NAME, bin/start_clean.boot, releases/RELEASES and releases/start_erl.data after the
    // release members.
    void targetMembers()
    {
        Release r;
        const auto members = rs::package::targetMembers(
            r.resolved, r.inputs(), QStringLiteral("/opt/otp/erts-13.1.5/bin"), rs::script::otp25BootRules());
        QVERIFY2(members.hasValue(), rs::test::errorOf(members).constData());
        const QStringList names = namesOf(*members);
        QCOMPARE(
            names.mid(names.size() - 4),
            (QStringList{QStringLiteral("bin/r"), QStringLiteral("bin/start_clean.boot"),
                         QStringLiteral("releases/RELEASES"), QStringLiteral("releases/start_erl.data")}));
        QCOMPARE(names.mid(0, names.size() - 4),
                 namesOf(*rs::package::releaseMembers(r.resolved, r.inputs())));

        const PackageMember *script = find(*members, QStringLiteral("bin/r"));
        QCOMPARE(script->mode, 0100755u);
        QVERIFY(script->data.startsWith("#!/bin/sh\n"));
        QVERIFY(script->data.contains("REL_NAME=\"r\"\n"));
        QVERIFY(script->data.contains("/opt/otp/erts-13.1.5/bin"));
        QVERIFY(!script->data.contains("@REL_NAME@") && !script->data.contains("@FALLBACK_ERTS_BIN@"));

        // start_clean.boot: kernel and stdlib only, both permanent.
        const auto boot = rs::etf::decode(find(*members, QStringLiteral("bin/start_clean.boot"))->data);
        QVERIFY2(boot.hasValue(), rs::test::errorOf(boot).constData());
        const QString text = rs::term::prettyOneLine(*boot);
        QVERIFY2(text.startsWith(QLatin1String("{script,{\"start_clean\",\"1\"},")),
                 qPrintable(text.left(80)));
        QVERIFY(text.contains(QLatin1String("{apply,{application,start_boot,[kernel,permanent]}}")));
        QVERIFY(text.contains(QLatin1String("{apply,{application,start_boot,[stdlib,permanent]}}")));
        QVERIFY(!text.contains(QLatin1String("sasl")) && !text.contains(QLatin1String("web")));

        QCOMPARE(find(*members, QStringLiteral("releases/start_erl.data"))->data, QByteArray("13.1.5 1\n"));
        QCOMPARE(find(*members, QStringLiteral("releases/RELEASES"))->data,
                 QByteArray("%% coding: utf-8\n"
                            "[{release,\"r\",\"1\",\"13.1.5\",\n"
                            "          [{kernel,\"9.0\",\"lib/kernel-9.0\"},\n"
                            "           {stdlib,\"4.0\",\"lib/stdlib-4.0\"},\n"
                            "           {sasl,\"3.0\",\"lib/sasl-3.0\"},\n"
                            "           {web,\"1.0\",\"lib/web-1.0\"}],\n"
                            "          permanent}].\n"));
    }

    void releasesFileStatuses()
    {
        Release r;
        using rs::package::ReleaseStatus;
        QVERIFY(rs::package::releasesFileText(r.resolved, ReleaseStatus::Current).contains("current}].\n"));
        QVERIFY(rs::package::releasesFileText(r.resolved, ReleaseStatus::Unpacked).contains("unpacked}].\n"));
        QVERIFY(rs::package::releasesFileText(r.resolved, ReleaseStatus::Old).contains("old}].\n"));
        // The .rel's order, not the start order.
        std::swap(r.resolved.rel.apps[2], r.resolved.rel.apps[3]);
        const QByteArray text = rs::package::releasesFileText(r.resolved);
        QVERIFY2(text.indexOf("{web,") < text.indexOf("{sasl,"), text.constData());
    }
};

QTEST_GUILESS_MAIN(TestReleaseLayout)
#include "tst_release_layout.moc"
