// The release diff engine on pairs with known differences: each pair differs in one way and the
// report must show exactly that, nothing more (no "changed" for a module only recompiled); a
// tarball and the directory it was made from are the same; cancellation and broken archives give
// findings, never crashes.
#include "support/diff_fixtures.h"
#include "support/testdata.h"

#include "archive/archive_reader.h"
#include "diff/diff_json.h"
#include "diff/diff_text.h"
#include "diff/release_diff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace rs;
using namespace rs::diff;
using namespace rs::test::diff;

namespace {

// The members that differ, by path ("same" ones with equivalent bytes too, marked "=").
QStringList differing(const DiffReport &r)
{
    QStringList out;
    for (const FileDiff &f : r.files)
        if (f.state != State::Same)
            out << f.path;
        else if (f.equivalent)
            out << QStringLiteral("=") + f.path;
    return out;
}

QStringList changedApps(const DiffReport &r)
{
    QStringList out;
    for (const AppDiff &a : r.apps)
        if (a.state != State::Same)
            out << stateName(a.state) + QLatin1Char(':') + a.name;
    return out;
}

QStringList nonSameModules(const AppDiff &a)
{
    QStringList out;
    for (const ModuleDiff &m : a.modules)
        if (m.state != State::Same)
            out << stateName(m.state) + QLatin1Char(':') + m.name;
    return out;
}

QString describe(const DiffReport &r)
{
    return releaseNote(r);
}

} // namespace

class TestReleaseDiff : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_a;   // the example release, assembled
    QString m_tgz; // the same as a gzip tarball (GNU tar, "./" names, directory entries)

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    // A copy of the base release to change.
    QString copyOfA(const QString &name)
    {
        const QString to = path(name);
        const ToolRun run = copyTree(m_a, to);
        if (run.exitCode != 0)
            qFatal("%s", qPrintable(run.describe(QStringLiteral("cp"))));
        return to;
    }

    DiffReport diffOk(const QString &a, const QString &b, const DiffOptions &options = {})
    {
        auto report = diffReleases(a, b, options);
        if (!report)
            qFatal("diff failed: %s", qPrintable(report.error().toString()));
        return std::move(report).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_a = path(QStringLiteral("a"));
        const ToolRun run =
            assemble(example(QStringLiteral("releases/shop-1.0.0.rel")), {examplesLib()}, m_a);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe(QStringLiteral("assemble"))));
        m_tgz = path(QStringLiteral("a.tar.gz"));
        const ToolRun tar = runTool(QStringLiteral("tar"), {QStringLiteral("czf"), m_tgz,
                                                            QStringLiteral("-C"), m_a, QStringLiteral(".")});
        QVERIFY2(tar.exitCode == 0, qPrintable(tar.describe(QStringLiteral("tar"))));
    }

    void identicalCopyIsSame()
    {
        const QString b = copyOfA(QStringLiteral("copy"));
        const DiffReport r = diffOk(m_a, b);
        QVERIFY2(r.same(), qPrintable(describe(r)));
        QCOMPARE(differing(r), QStringList());
        QCOMPARE(r.oldRelease.name, QStringLiteral("shop"));
        QCOMPARE(r.newRelease.vsn, QStringLiteral("1.0.0"));
        QCOMPARE(r.newRelease.erts, QStringLiteral("13.1.5"));
        QCOMPARE(r.apps.size(), size_t(7));
        QVERIFY(headline(r).contains(QStringLiteral("same")));
    }

    void tarballAndDirectoryAreSame()
    {
        for (const auto &[a, b] : {std::pair{m_a, m_tgz}, std::pair{m_tgz, m_a}}) {
            const DiffReport r = diffOk(a, b);
            QVERIFY2(r.same(), qPrintable(describe(r)));
            QCOMPARE(differing(r), QStringList());
        }
        // A tarball whose members are all under one top directory ("a/lib/...").
        const QString prefixed = path(QStringLiteral("prefixed.tar.gz"));
        const ToolRun tar =
            runTool(QStringLiteral("tar"), {QStringLiteral("czf"), prefixed, QStringLiteral("-C"),
                                            m_tmp.path(), QStringLiteral("a")});
        QVERIFY2(tar.exitCode == 0, qPrintable(tar.describe(QStringLiteral("tar"))));
        const DiffReport r = diffOk(m_a, prefixed);
        QVERIFY2(r.same(), qPrintable(describe(r)));
        QCOMPARE(r.newRelease.root, QStringLiteral("a/"));
        QVERIFY(r.newRelease.format.contains(QStringLiteral("gzip")));
        QCOMPARE(r.oldRelease.format, QStringLiteral("directory"));
        QCOMPARE(r.oldRelease.files, r.newRelease.files);
        QCOMPARE(r.oldRelease.bytes, r.newRelease.bytes);
    }

    void moduleChanged_data()
    {
        QTest::addColumn<qint64>("budget");
        QTest::newRow("contents kept") << qint64(64 * 1024 * 1024);
        QTest::newRow("no budget: .beam files read at once") << qint64(0);
    }

    void moduleChanged()
    {
        QFETCH(qint64, budget);
        const QString b = copyOfA(QStringLiteral("module-changed-%1").arg(budget));
        const QString src = path(QStringLiteral("src-changed/shop_cart.erl"));
        QVERIFY(writeFile(src, changedShopCart()));
        const ToolRun c = erlc({QStringLiteral("+deterministic"), QStringLiteral("+debug_info")},
                               b + QStringLiteral("/lib/shop_core-1.0.0/ebin"), {src});
        QVERIFY2(c.exitCode == 0, qPrintable(c.describe(QStringLiteral("erlc"))));

        DiffOptions options;
        options.keepBudget = budget;
        const DiffReport r = diffOk(m_a, b, options);
        QVERIFY2(!r.same(), qPrintable(describe(r)));
        QCOMPARE(differing(r), QStringList{QStringLiteral("lib/shop_core-1.0.0/ebin/shop_cart.beam")});
        QCOMPARE(changedApps(r), QStringList{QStringLiteral("changed:shop_core")});
        const AppDiff *app = r.app(u"shop_core");
        QVERIFY(app);
        QVERIFY(app->changedWithoutVersion);
        QCOMPARE(nonSameModules(*app), QStringList{QStringLiteral("changed:shop_cart")});
        const auto cart = std::find_if(app->modules.begin(), app->modules.end(),
                                       [](const ModuleDiff &m) { return m.name == u"shop_cart"; });
        QCOMPARE(cart->exportsAdded, QStringList{QStringLiteral("discount/1")});
        QCOMPARE(cart->exportsRemoved, QStringList());
        // A new export changes the export table and the code; the atom table is common to both.
        const auto chunk = [&cart](QStringView id) {
            const auto it = std::find_if(cart->chunks.begin(), cart->chunks.end(),
                                         [id](const ChunkChange &change) { return change.id == id; });
            return it == cart->chunks.end() ? nullptr : &*it;
        };
        QVERIFY(chunk(u"ExpT") && chunk(u"Code") && chunk(u"AtU8"));
        QCOMPARE(chunk(u"ExpT")->state, State::Changed);
        QCOMPARE(chunk(u"Code")->state, State::Changed);
        QVERIFY(chunk(u"ExpT")->newSize > chunk(u"ExpT")->oldSize);
        QCOMPARE(app->appup.status, AppupCheck::Status::VersionUnchanged);
        QVERIFY(app->appKeys.empty());
        QCOMPARE(r.file(u"lib/shop_core-1.0.0/ebin/shop_cart.beam")->kind, FileKind::Beam);
    }

    // Recompiling the same source without debug info and without +deterministic (so the compile
    // info names the source path and options) changes the bytes, not the code.
    void moduleOnlyRecompiledIsSame()
    {
        const QString b = copyOfA(QStringLiteral("recompiled"));
        const QString ebin = b + QStringLiteral("/lib/shop_core-1.0.0/ebin");
        const QByteArray before = readFile(ebin + QStringLiteral("/shop_cart.beam"));
        const ToolRun c = erlc({}, ebin, {example(QStringLiteral("apps/shop_core/src/shop_cart.erl"))});
        QVERIFY2(c.exitCode == 0, qPrintable(c.describe(QStringLiteral("erlc"))));
        QVERIFY(readFile(ebin + QStringLiteral("/shop_cart.beam")) != before);

        const DiffReport r = diffOk(m_a, b);
        QVERIFY2(r.same(), qPrintable(describe(r)));
        QCOMPARE(differing(r), QStringList{QStringLiteral("=lib/shop_core-1.0.0/ebin/shop_cart.beam")});
        const FileDiff *f = r.file(u"lib/shop_core-1.0.0/ebin/shop_cart.beam");
        QVERIFY(f->contentChanged);
        QVERIFY(f->equivalent);
        QCOMPARE(changedApps(r), QStringList());
        const AppDiff *app = r.app(u"shop_core");
        QCOMPARE(app->recompiledCount(), 1);
        QCOMPARE(r.summary().modulesRecompiled, 1);
        // What the recompilation touched: the compile info, not the code.
        const ModuleDiff &cart = *std::find_if(app->modules.begin(), app->modules.end(),
                                               [](const ModuleDiff &m) { return m.name == u"shop_cart"; });
        QStringList changedChunks;
        for (const ChunkChange &chunk : cart.chunks)
            if (chunk.state != State::Same)
                changedChunks << chunk.id + QLatin1Char(' ') + stateName(chunk.state);
        QVERIFY2(changedChunks.contains(QStringLiteral("CInf changed")),
                 qPrintable(changedChunks.join(u',')));
        QVERIFY2(!changedChunks.contains(QStringLiteral("Code changed")),
                 qPrintable(changedChunks.join(u',')));
    }

    void configValueChanged()
    {
        const QString b = copyOfA(QStringLiteral("config"));
        const QString config = b + QStringLiteral("/releases/1.0.0/sys.config");
        QByteArray text = readFile(config);
        QVERIFY(text.contains("<<\"EUR\">>"));
        text.replace("<<\"EUR\">>", "<<\"USD\">>");
        QVERIFY(writeFile(config, text));

        const DiffReport r = diffOk(m_a, b);
        QVERIFY(!r.same());
        QCOMPARE(differing(r), QStringList{QStringLiteral("releases/1.0.0/sys.config")});
        QCOMPARE(changedApps(r), QStringList());
        const FileDiff *f = r.file(u"releases/1.0.0/sys.config");
        QCOMPARE(f->kind, FileKind::SysConfig);
        QCOMPARE(f->terms.size(), size_t(1));
        QCOMPARE(f->terms[0].path, (QStringList{QStringLiteral("shop_core"), QStringLiteral("currency")}));
        QCOMPARE(f->terms[0].state, State::Changed);
        QCOMPARE(f->terms[0].oldValue, QStringLiteral("<<\"EUR\">>"));
        QCOMPARE(f->terms[0].newValue, QStringLiteral("<<\"USD\">>"));
        QVERIFY(!f->modeChanged);

        // Reformatting (a comment, other spacing) is not a change.
        const QString c = copyOfA(QStringLiteral("config-reformatted"));
        QVERIFY(
            writeFile(c + QStringLiteral("/releases/1.0.0/sys.config"),
                      "%% reformatted\n[{kernel,[{logger_level,info}]},{sasl,[{sasl_error_logger,false}]},\n"
                      " {shop_core, [ {currency, <<\"EUR\">>} ]}].\n"));
        const DiffReport same = diffOk(m_a, c);
        QVERIFY2(same.same(), qPrintable(describe(same)));
        QCOMPARE(differing(same), QStringList{QStringLiteral("=releases/1.0.0/sys.config")});
    }

    void fileModeChanged()
    {
        const QString b = copyOfA(QStringLiteral("mode"));
        QVERIFY(QFile::setPermissions(b + QStringLiteral("/releases/1.0.0/vm.args"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                          QFile::ExeOther));
        const DiffReport r = diffOk(m_a, b);
        QVERIFY(!r.same());
        QCOMPARE(differing(r), QStringList{QStringLiteral("releases/1.0.0/vm.args")});
        const FileDiff *f = r.file(u"releases/1.0.0/vm.args");
        QVERIFY(f->modeChanged);
        QVERIFY(!f->contentChanged);
        QVERIFY(!f->typeChanged);
        QCOMPARE(f->oldFile.mode, quint32(0644));
        QCOMPARE(f->newFile.mode, quint32(0755));
        QCOMPARE(r.summary().modeChanges, 1);
        QCOMPARE(changedApps(r), QStringList());
    }

    void vmArgsFlag()
    {
        const QString b = copyOfA(QStringLiteral("vmargs"));
        const QString args = b + QStringLiteral("/releases/1.0.0/vm.args");
        QVERIFY(writeFile(args, readFile(args) + "+P 1000000\n"));
        const DiffReport r = diffOk(m_a, b);
        QCOMPARE(differing(r), QStringList{QStringLiteral("releases/1.0.0/vm.args")});
        const FileDiff *f = r.file(u"releases/1.0.0/vm.args");
        QCOMPARE(f->kind, FileKind::VmArgs);
        QCOMPARE(f->text.added, 1);
        QCOMPARE(f->text.removed, 0);
        QCOMPARE(f->text.hunks.size(), size_t(1));
        const auto &lines = f->text.hunks[0].lines;
        QCOMPARE(lines.back().kind, DiffLine::Kind::Added);
        QCOMPARE(lines.back().text, QStringLiteral("+P 1000000"));
        QCOMPARE(lines.back().newNumber, 4);

        // Comments and blank lines do not count.
        const QString c = copyOfA(QStringLiteral("vmargs-comment"));
        const QString args2 = c + QStringLiteral("/releases/1.0.0/vm.args");
        QVERIFY(writeFile(args2, "## the node\n" + readFile(args2) + "\n"));
        const DiffReport same = diffOk(m_a, c);
        QVERIFY2(same.same(), qPrintable(describe(same)));
    }

    void applicationAddedAndRemoved()
    {
        // The example release without shop_tools (shop_web needs it only optionally).
        QByteArray rel = readFile(example(QStringLiteral("releases/shop-1.0.0.rel")));
        rel.replace("  {shop_tools, \"1.0.0\", load},\n", "");
        const QString relPath = path(QStringLiteral("no-tools/shop-1.0.0.rel"));
        QVERIFY(writeFile(relPath, rel));
        const QString noTools = path(QStringLiteral("no-tools/release"));
        const ToolRun run = assemble(relPath, {examplesLib()}, noTools);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe(QStringLiteral("assemble"))));

        const QSet<QString> releaseFiles{
            QStringLiteral("releases/1.0.0/shop-1.0.0.rel"), QStringLiteral("releases/shop-1.0.0.rel"),
            QStringLiteral("releases/1.0.0/start.boot"), QStringLiteral("releases/RELEASES")};
        for (const bool added : {true, false}) {
            const DiffReport r = added ? diffOk(noTools, m_a) : diffOk(m_a, noTools);
            QCOMPARE(changedApps(r),
                     QStringList{(added ? QStringLiteral("added") : QStringLiteral("removed")) +
                                 QStringLiteral(":shop_tools")});
            for (const QString &p : differing(r)) {
                if (p.startsWith(QLatin1String("lib/shop_tools-1.0.0")))
                    QCOMPARE(r.file(p)->state, added ? State::Added : State::Removed);
                else
                    QVERIFY2(releaseFiles.contains(p), qPrintable(p));
            }
            const FileDiff *relFile = r.file(u"releases/1.0.0/shop-1.0.0.rel");
            QCOMPARE(relFile->terms.size(), size_t(1));
            QCOMPARE(relFile->terms[0].path,
                     (QStringList{QStringLiteral("applications"), QStringLiteral("shop_tools")}));
            QCOMPARE(relFile->terms[0].state, added ? State::Added : State::Removed);
            const AppDiff *tools = r.app(u"shop_tools");
            QCOMPARE(tools->count(added ? State::Added : State::Removed), 4);
        }
    }

    void versionBump()
    {
        // shop_core 1.1.0: shop_cart changed, shop_promo added, tax_rate changed; release 1.1.0.
        const QString b = path(QStringLiteral("bump/release"));
        const ToolRun run = assembleBumpedRelease(path(QStringLiteral("bump")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe(QStringLiteral("bump"))));

        DiffReport r = diffOk(m_a, b);
        QVERIFY(!r.same());
        QVERIFY(r.vsnChanged());
        QVERIFY(!r.nameChanged());
        QVERIFY(!r.ertsChanged());
        QVERIFY2(headline(r).startsWith(QStringLiteral("shop 1.0.0 \u2192 1.1.0 \u00b7 ERTS unchanged \u00b7 "
                                                       "1 application changed, 6 unchanged")),
                 qPrintable(headline(r)));
        QCOMPARE(changedApps(r), QStringList{QStringLiteral("changed:shop_core")});
        const AppDiff *core = r.app(u"shop_core");
        QCOMPARE(core->oldVsn, QStringLiteral("1.0.0"));
        QCOMPARE(core->newVsn, QStringLiteral("1.1.0"));
        QVERIFY(!core->changedWithoutVersion);
        QCOMPARE(nonSameModules(*core),
                 (QStringList{QStringLiteral("changed:shop_cart"), QStringLiteral("added:shop_promo")}));
        QCOMPARE(core->count(State::Same), 4);
        QStringList keys;
        for (const TermChange &k : core->appKeys)
            keys << k.path.join(QLatin1Char('.')) + QLatin1Char(' ') + stateName(k.state);
        QCOMPARE(keys, (QStringList{QStringLiteral("vsn changed"), QStringLiteral("modules.shop_promo added"),
                                    QStringLiteral("env.tax_rate changed")}));
        QCOMPARE(core->appup.status, AppupCheck::Status::Missing);
        QCOMPARE(core->appup.instructions, (QStringList{QStringLiteral("{add_module,shop_promo}"),
                                                        QStringLiteral("{load_module,shop_cart}")}));
        QVERIFY2(core->appup.neededText.contains(QStringLiteral("{\"1.1.0\",")),
                 qPrintable(core->appup.neededText));
        QVERIFY(core->appup.neededText.contains(QStringLiteral("{load_module,shop_cart}")));
        QVERIFY(core->appup.shippedText.isEmpty());
        // Members of the application pair across its versions.
        const FileDiff *price = r.file(u"lib/shop_core-1.1.0/ebin/shop_price.beam");
        QVERIFY(price);
        QCOMPARE(price->oldPath, QStringLiteral("lib/shop_core-1.0.0/ebin/shop_price.beam"));
        QCOMPARE(price->state, State::Same);
        QCOMPARE(r.file(u"lib/shop_core-1.1.0/ebin/shop_promo.beam")->state, State::Added);
        // The release files pair across the release versions; the boot script by instruction.
        const FileDiff *boot = r.file(u"releases/1.1.0/start.boot");
        QVERIFY(boot);
        QCOMPARE(boot->oldPath, QStringLiteral("releases/1.0.0/start.boot"));
        QCOMPARE(boot->state, State::Changed);
        QCOMPARE(boot->kind, FileKind::Boot);
        bool primLoad = false;
        for (const Hunk &h : boot->text.hunks)
            for (const DiffLine &l : h.lines)
                if (l.kind == DiffLine::Kind::Added &&
                    l.text == QStringLiteral("{primLoad,['Shop_legacy',shop_cart,shop_core_app,shop_core_sup,"
                                             "shop_price,shop_promo]}"))
                    primLoad = true;
        QVERIFY2(primLoad, qPrintable(describe(r)));
        const FileDiff *relFile = r.file(u"releases/shop-1.1.0.rel");
        QVERIFY(relFile);
        QCOMPARE(relFile->oldPath, QStringLiteral("releases/shop-1.0.0.rel"));
        QStringList relChanges;
        for (const TermChange &t : relFile->terms)
            relChanges << t.path.join(QLatin1Char('.')) + QStringLiteral(": ") + t.oldValue +
                              QStringLiteral(" -> ") + t.newValue;
        QCOMPARE(relChanges, (QStringList{QStringLiteral("vsn: \"1.0.0\" -> \"1.1.0\""),
                                          QStringLiteral("applications.shop_core: \"1.0.0\" -> \"1.1.0\"")}));

        // An .appup that loads shop_cart but forgets shop_promo: incomplete; with both: covered.
        const QString appup = b + QStringLiteral("/lib/shop_core-1.1.0/ebin/shop_core.appup");
        QVERIFY(writeFile(appup, "{\"1.1.0\", [{\"1.0.0\", [{load_module, shop_cart}]}],\n"
                                 "          [{\"1.0.0\", [{load_module, shop_cart}]}]}.\n"));
        r = diffOk(m_a, b);
        QCOMPARE(r.app(u"shop_core")->appup.status, AppupCheck::Status::Incomplete);
        QCOMPARE(r.app(u"shop_core")->appup.file, QStringLiteral("lib/shop_core-1.1.0/ebin/shop_core.appup"));
        // The shipped .appup as OTP prints it, beside the one the change needs.
        QVERIFY2(r.app(u"shop_core")
                     ->appup.shippedText.contains(QStringLiteral("[{\"1.0.0\",[{load_module,shop_cart}]}]")),
                 qPrintable(r.app(u"shop_core")->appup.shippedText));
        QVERIFY(r.app(u"shop_core")->appup.neededText.contains(QStringLiteral("{add_module,shop_promo}")));
        QVERIFY(writeFile(
            appup, "{\"1.1.0\", [{\"1.0.0\", [{add_module, shop_promo}, {load_module, shop_cart}]}],\n"
                   "          [{\"1.0.0\", [{load_module, shop_cart}, {delete_module, shop_promo}]}]}.\n"));
        r = diffOk(m_a, b);
        QVERIFY2(r.app(u"shop_core")->appup.status == AppupCheck::Status::Covered, qPrintable(describe(r)));
        QVERIFY(writeFile(appup, "{\"1.1.0\", [{\"0.9.0\", []}], [{\"0.9.0\", []}]}.\n"));
        r = diffOk(m_a, b);
        QCOMPARE(r.app(u"shop_core")->appup.status, AppupCheck::Status::NoEntry);

        // The JSON names the same.
        const QJsonObject json = toJson(r);
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("relstudio-diff"));
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("same")).toBool(), false);
        const QJsonArray apps = json.value(QStringLiteral("applications")).toArray();
        QCOMPARE(apps.size(), 1);
        QCOMPARE(apps[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("shop_core"));
        QCOMPARE(apps[0]
                     .toObject()
                     .value(QStringLiteral("appup"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("no-entry"));
        // The changed module with the chunks that differ.
        QJsonObject cart;
        for (const QJsonValue &m : apps[0].toObject().value(QStringLiteral("modules")).toArray())
            if (m.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("shop_cart"))
                cart = m.toObject();
        QStringList chunkIds;
        for (const QJsonValue &c : cart.value(QStringLiteral("chunks")).toArray()) {
            QCOMPARE(c.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("changed"));
            chunkIds << c.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY2(chunkIds.contains(QStringLiteral("Code")) && chunkIds.contains(QStringLiteral("ExpT")),
                 qPrintable(chunkIds.join(u',')));
    }

    void ignoreGlobs()
    {
        const QString b = copyOfA(QStringLiteral("ignore"));
        const QString config = b + QStringLiteral("/releases/1.0.0/sys.config");
        QVERIFY(writeFile(config, readFile(config) + "%% changed\n"));
        QVERIFY(QFile::remove(b + QStringLiteral("/lib/shop_tools-1.0.0/ebin/shop_tools_csv.beam")));
        QVERIFY(!diffOk(m_a, b).same());
        DiffOptions options;
        options.ignore = {QStringLiteral("sys.config"), QStringLiteral("lib/shop_tools-*/ebin/*_csv.beam")};
        const DiffReport r = diffOk(m_a, b, options);
        QVERIFY2(r.same(), qPrintable(describe(r)));
        QVERIFY(!r.file(u"releases/1.0.0/sys.config"));
        QCOMPARE(r.ignored, options.ignore);

        QVERIFY(globMatches(QStringLiteral("*.beam"), QStringLiteral("lib/a-1/ebin/x.beam")));
        QVERIFY(globMatches(QStringLiteral("priv"), QStringLiteral("lib/a-1/priv/x.so")));
        QVERIFY(globMatches(QStringLiteral("lib/**/x.so"), QStringLiteral("lib/a-1/priv/x.so")));
        QVERIFY(
            globMatches(QStringLiteral("lib/*"), QStringLiteral("lib/a-1/priv/x.so"))); // an ancestor matches
        QVERIFY(!globMatches(QStringLiteral("lib/*/x.so"), QStringLiteral("lib/a-1/priv/x.so")));
        QVERIFY(globMatches(QStringLiteral("erts-[0-9]*"), QStringLiteral("erts-13.1.5/bin/beam.smp")));
        QVERIFY(!globMatches(QStringLiteral("erts-[!0-9]*"), QStringLiteral("erts-13.1.5/bin/beam.smp")));
        QVERIFY(
            globMatches(QStringLiteral("releases/?.?.?/vm.args"), QStringLiteral("releases/1.0.0/vm.args")));
    }

    void cancellation()
    {
        std::atomic_bool cancelled{true};
        jobs::CallbackMonitor before({}, &cancelled);
        const auto r1 = diffReleases(m_a, m_tgz, {}, before);
        QVERIFY(!r1);
        QVERIFY2(archive::isCancellation(r1.error()), qPrintable(r1.error().toString()));

        // Cancelled from the progress callback, while both inputs are being read.
        std::atomic_bool midway{false};
        std::atomic_int reports{0};
        jobs::CallbackMonitor during(
            [&](const jobs::Progress &) {
                if (++reports == 3)
                    midway = true;
            },
            &midway);
        const auto r2 = diffReleases(m_tgz, m_a, {}, during);
        QVERIFY(!r2);
        QVERIFY2(archive::isCancellation(r2.error()), qPrintable(r2.error().toString()));
    }

    void progressCoversBothInputs()
    {
        qint64 lastDone = 0;
        qint64 total = 0;
        int reports = 0;
        QMutex mutex;
        jobs::CallbackMonitor monitor([&](const jobs::Progress &p) {
            QMutexLocker lock(&mutex);
            ++reports;
            if (p.total > total)
                total = p.total;
            if (p.total > 0 && p.done <= p.total)
                lastDone = std::max(lastDone, p.done);
        });
        const auto r = diffReleases(m_a, m_tgz, {}, monitor);
        QVERIFY(r);
        QVERIFY(reports > 10);
        const qint64 expected = QFileInfo(m_tgz).size() + r->oldRelease.bytes;
        QCOMPARE(total, expected);
        QCOMPARE(lastDone, expected);
    }

    void brokenInputsAreErrors()
    {
        // Truncated in the middle of the gzip stream.
        const QByteArray whole = readFile(m_tgz);
        const QString truncated = path(QStringLiteral("truncated.tar.gz"));
        QVERIFY(writeFile(truncated, whole.left(whole.size() / 2)));
        const auto r1 = diffReleases(m_a, truncated);
        QVERIFY(!r1);
        QVERIFY(!archive::isCancellation(r1.error()));
        QVERIFY2(r1.error().location.file == truncated, qPrintable(r1.error().toString()));

        // Garbage, and a file that is not there.
        const QString garbage = path(QStringLiteral("garbage.tar.gz"));
        QByteArray bytes(4096, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) >> 3);
        QVERIFY(writeFile(garbage, bytes));
        QVERIFY(!diffReleases(garbage, m_a));
        QVERIFY(!diffReleases(m_a, path(QStringLiteral("no-such.tar.gz"))));

        // A hostile but well-formed archive is read, not trusted: its members are only compared.
        const QString hostileDir = path(QStringLiteral("hostile"));
        QVERIFY(writeFile(hostileDir + QStringLiteral("/x"), "x\n"));
        const QString hostile = path(QStringLiteral("hostile.tar"));
        const ToolRun tar =
            runTool(QStringLiteral("tar"), {QStringLiteral("cf"), hostile, QStringLiteral("-P"),
                                            QStringLiteral("--transform=s,^.*x$,../../etc/x,"),
                                            QStringLiteral("-C"), hostileDir, QStringLiteral("x")});
        QVERIFY2(tar.exitCode == 0, qPrintable(tar.describe(QStringLiteral("tar"))));
        const auto r2 = diffReleases(m_a, hostile);
        QVERIFY(r2);
        QVERIFY(!r2->same());
        bool warned = false;
        for (const Finding &w : r2->warnings)
            warned = warned || w.message.contains(QStringLiteral("outside the release"));
        QVERIFY(warned);
    }
};

QTEST_GUILESS_MAIN(TestReleaseDiff)
#include "tst_release_diff.moc"
