// The visual release diff (issue 9): the example release against the same release one version on
// (shop_core 1.1.0 with a changed and an added module, an .appup that forgets the added one, a
// changed sys.config value), the new one as a tarball. Checks the summary counts, the tree, F7 /
// Shift+F7 through every hunk and on to the next changed file, a module's chunks and exports, the
// needed appup beside the shipped one, and that ignore globs and "Hide unchanged" apply.
//
// With RELSTUDIO_SCREENSHOT_DIR set, the `screenshot` test saves diff.png (the boot script),
// diff-appup.png (an application) and diff-module.png (a module) there.
#include "diff/compare_dialog.h"
#include "diff/diff_pane.h"
#include "diff/diff_tree_model.h"
#include "diff/diff_view.h"
#include "diff/side_by_side_diff.h"
#include "erlang_highlighter.h"
#include "support/diff_fixtures.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <set>

using namespace rs::ui;
using namespace rs::test::diff;
using rs::diff::State;

class TestDiffView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_old;    // directory
    QString m_newTgz; // tarball

    static bool compareAndWait(DiffView &view, const QString &a, const QString &b)
    {
        QSignalSpy finished(&view, &DiffView::finished);
        QSignalSpy failed(&view, &DiffView::failed);
        view.compare(a, b);
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000))
            return false;
        if (!failed.isEmpty())
            qWarning("diff failed: %s", qPrintable(failed.first().first().toString()));
        return failed.isEmpty();
    }

    static bool refreshAndWait(DiffView &view)
    {
        QSignalSpy finished(&view, &DiffView::finished);
        view.refresh();
        return QTest::qWaitFor([&] { return !finished.isEmpty(); }, 60000);
    }

    static QStringList topLevelNames(const QAbstractItemModel &model)
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << model.index(row, 0).data().toString();
        return names;
    }

    static bool paneContains(const DiffPane *pane, const QString &text)
    {
        return pane->toPlainText().contains(text);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // no saved ignore globs of the user's
        QVERIFY(m_tmp.isValid());
        m_old = m_tmp.filePath(QStringLiteral("old"));
        const ToolRun a =
            assemble(example(QStringLiteral("releases/shop-1.0.0.rel")), {examplesLib()}, m_old);
        QVERIFY2(a.exitCode == 0, qPrintable(a.describe(QStringLiteral("assemble"))));
        const QString bump = m_tmp.filePath(QStringLiteral("bump"));
        const ToolRun b = assembleBumpedRelease(bump);
        QVERIFY2(b.exitCode == 0, qPrintable(b.describe(QStringLiteral("bump"))));
        const QString release = bump + QStringLiteral("/release");
        // An .appup that upgrades shop_cart but forgets the new shop_promo.
        QVERIFY(writeFile(release + QStringLiteral("/lib/shop_core-1.1.0/ebin/shop_core.appup"),
                          "{\"1.1.0\", [{\"1.0.0\", [{load_module, shop_cart}]}],\n"
                          "          [{\"1.0.0\", [{load_module, shop_cart}]}]}.\n"));
        const QString config = release + QStringLiteral("/releases/1.1.0/sys.config");
        QByteArray text = readFile(config);
        QVERIFY(text.contains("<<\"EUR\">>"));
        QVERIFY(writeFile(config, text.replace("<<\"EUR\">>", "<<\"USD\">>")));
        const QString vmArgs = release + QStringLiteral("/releases/1.1.0/vm.args");
        QVERIFY(writeFile(vmArgs, readFile(vmArgs) + "+P 1000000\n"));
        m_newTgz = m_tmp.filePath(QStringLiteral("shop-1.1.0.tar.gz"));
        const ToolRun tar =
            runTool(QStringLiteral("tar"),
                    {QStringLiteral("czf"), m_newTgz, QStringLiteral("-C"), release, QStringLiteral(".")});
        QVERIFY2(tar.exitCode == 0, qPrintable(tar.describe(QStringLiteral("tar"))));
    }

    void summaryAndTree()
    {
        DiffView view;
        QSignalSpy started(&view, &DiffView::jobStarted);
        QSignalSpy ended(&view, &DiffView::jobFinished);
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        QCOMPARE(started.size(), 1);
        QCOMPARE(ended.size(), 1);
        QVERIFY(!view.isRunning());
        // The first change is selected at once: the first changed release file.
        QCOMPARE(view.currentKey(), QStringLiteral("releases/1.1.0/shop-1.1.0.rel"));

        const rs::diff::DiffSummary s = view.report()->summary();
        QCOMPARE(s.appsChanged, 1);
        QCOMPARE(s.appsAdded, 0);
        QCOMPARE(s.modulesChanged, 1);
        QCOMPARE(s.modulesAdded, 1);
        const QString summary = view.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("shop 1.0.0 → 1.1.0")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("modules: 1 changed, 1 added, %1 same").arg(s.modulesSame)),
                 qPrintable(summary));
        QVERIFY2(summary.contains(
                     QStringLiteral("files: %1 changed, %2 added").arg(s.filesChanged).arg(s.filesAdded)),
                 qPrintable(summary));

        // Release files first, then every application, then the rest.
        const DiffTreeModel &model = *view.model();
        const QStringList names = topLevelNames(model);
        QCOMPARE(names.first(), QStringLiteral("Release files"));
        for (const rs::diff::AppDiff &app : view.report()->apps)
            QVERIFY2(names.contains(app.name), qPrintable(names.join(u',')));
        const QModelIndex core = model.indexOfKey(QStringLiteral("app:shop_core"));
        QVERIFY(core.isValid());
        QCOMPARE(core.siblingAtColumn(DiffTreeModel::StateColumn).data().toString(),
                 QStringLiteral("changed"));
        QVERIFY(core.siblingAtColumn(DiffTreeModel::DetailColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("1.0.0 → 1.1.0")));
        QCOMPARE(model.indexOfKey(QStringLiteral("module:shop_core:shop_promo"))
                     .siblingAtColumn(DiffTreeModel::StateColumn)
                     .data()
                     .toString(),
                 QStringLiteral("added"));
        QVERIFY(view.treeView()->isExpanded(view.treeView()->model()->index(core.row(), 0)));
        // Its modules by name, then its other files.
        QStringList modules;
        for (int row = 0; row < model.rowCount(core); ++row)
            if (model.node(model.index(row, 0, core))->kind == DiffNode::Kind::Module)
                modules << model.index(row, 0, core).data().toString();
            else
                break;
        QCOMPARE(modules, (QStringList{QStringLiteral("Shop_legacy"), QStringLiteral("shop_cart"),
                                       QStringLiteral("shop_core_app"), QStringLiteral("shop_core_sup"),
                                       QStringLiteral("shop_price"), QStringLiteral("shop_promo")}));

        // "Hide unchanged" keeps exactly the items that differ (and what leads to them).
        view.setHideUnchanged(true);
        const QAbstractItemModel &shown = *view.treeView()->model();
        int changedTopLevel = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(DiffTreeModel::StateRole).toInt() != int(State::Same))
                ++changedTopLevel;
        QCOMPARE(shown.rowCount(), changedTopLevel);
        QVERIFY(!topLevelNames(shown).contains(QStringLiteral("shop_web")));
        const QModelIndex shownCore =
            shown.index(topLevelNames(shown).indexOf(QStringLiteral("shop_core")), 0);
        QStringList coreChildren;
        for (int row = 0; row < shown.rowCount(shownCore); ++row)
            coreChildren << shown.index(row, 0, shownCore).data().toString();
        QVERIFY2(coreChildren.contains(QStringLiteral("shop_cart")) &&
                     coreChildren.contains(QStringLiteral("shop_promo")),
                 qPrintable(coreChildren.join(u',')));
        QVERIFY2(!coreChildren.contains(QStringLiteral("shop_price")), qPrintable(coreChildren.join(u',')));
        view.setHideUnchanged(false);
        QCOMPARE(view.treeView()->model()->rowCount(), model.rowCount());
    }

    // F7 stops at every hunk of the file in order, then moves on to the next changed item;
    // Shift+F7 comes back to the last change of the file.
    void nextChangeVisitsEveryHunk()
    {
        DiffView view;
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(compareAndWait(view, m_old, m_newTgz));

        // The file with the most hunks (the boot script: shop_core's paths and modules).
        const rs::diff::FileDiff *most = nullptr;
        for (const rs::diff::FileDiff &f : view.report()->files)
            if (!most || f.text.hunks.size() > most->text.hunks.size())
                most = &f;
        QVERIFY(most && most->text.hunks.size() >= 2);
        QVERIFY(view.selectKey(most->path));
        SideBySideDiff *sbs = view.sideBySide();
        QCOMPARE(view.findChild<QStackedWidget *>(QStringLiteral("detailStack"))->currentWidget(), sbs);
        QCOMPARE(sbs->currentChange(), 0);
        QCOMPARE(sbs->currentHunk(), 0);

        std::vector<int> hunks{sbs->currentHunk()};
        for (int i = 1; i < sbs->changeCount(); ++i) {
            QTest::keyClick(view.treeView(), Qt::Key_F7);
            QCOMPARE(sbs->currentChange(), i);
            hunks.push_back(sbs->currentHunk());
            // The change is on screen in both panes, which show the same rows.
            const int row = sbs->aligned().changeStarts[std::size_t(i)];
            const int first = sbs->firstVisibleRow();
            const int page = sbs->newPane()->verticalScrollBar()->pageStep();
            QVERIFY2(row >= first && row < first + page,
                     qPrintable(QStringLiteral("row %1 not in %2+%3").arg(row).arg(first).arg(page)));
            QCOMPARE(sbs->oldPane()->verticalScrollBar()->value(),
                     sbs->newPane()->verticalScrollBar()->value());
        }
        QVERIFY(std::is_sorted(hunks.begin(), hunks.end()));
        QCOMPARE(std::set<int>(hunks.begin(), hunks.end()).size(), most->text.hunks.size());
        QCOMPARE(hunks.back(), int(most->text.hunks.size()) - 1);

        // At the last change, F7 goes on to the next changed module or file.
        QTest::keyClick(view.treeView(), Qt::Key_F7);
        QVERIFY(view.currentKey() != most->path);
        const QModelIndex next = view.model()->indexOfKey(view.currentKey());
        QVERIFY(next.data(DiffTreeModel::StateRole).toInt() != int(State::Same));
        // And Shift+F7 comes back to the last change of the file.
        QTest::keyClick(view.treeView(), Qt::Key_F7, Qt::ShiftModifier);
        while (view.currentKey() != most->path) // items between them without line changes
            QTest::keyClick(view.treeView(), Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(sbs->currentChange(), sbs->changeCount() - 1);
    }

    void sideBySideShowsTermsWithLineNumbers()
    {
        DiffView view;
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        QVERIFY(view.selectKey(QStringLiteral("releases/1.1.0/sys.config")));
        SideBySideDiff *sbs = view.sideBySide();
        QCOMPARE(sbs->changeCount(), 1);
        QVERIFY(paneContains(sbs->oldPane(), QStringLiteral("<<\"EUR\">>")));
        QVERIFY(paneContains(sbs->newPane(), QStringLiteral("<<\"USD\">>")));
        QCOMPARE(sbs->findChild<QLabel *>(QStringLiteral("oldTitle"))->text(),
                 QStringLiteral("releases/1.0.0/sys.config"));
        // The changed row carries the files' own line numbers and the differing characters.
        const int row = sbs->aligned().changeStarts.front();
        const AlignedRow &changed = sbs->aligned().rows[std::size_t(row)];
        QCOMPARE(changed.kind, AlignedRow::Kind::Changed);
        QVERIFY(changed.oldNumber > 0 && changed.newNumber > 0);
        QVERIFY(!changed.oldRanges.empty() && !changed.newRanges.empty());
        QCOMPARE(changed.oldText.mid(changed.oldRanges.front().start, changed.oldRanges.front().length),
                 QStringLiteral("EUR"));
    }

    // Term files are coloured as Erlang terms, vm.args as emulator flags, other text not at all.
    void highlightingFollowsTheKindOfFile()
    {
        DiffView view;
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        const auto dialect = [&view]() -> std::optional<ErlangHighlighter::Dialect> {
            const auto *h = view.sideBySide()->newPane()->document()->findChild<ErlangHighlighter *>();
            return h ? std::optional(h->dialect()) : std::nullopt;
        };
        QVERIFY(view.selectKey(QStringLiteral("releases/1.1.0/sys.config")));
        QCOMPARE(dialect(), std::optional(ErlangHighlighter::Dialect::Terms));
        QVERIFY(view.selectKey(QStringLiteral("releases/1.1.0/vm.args")));
        QCOMPARE(dialect(), std::optional(ErlangHighlighter::Dialect::VmArgs));
        QVERIFY(paneContains(view.sideBySide()->newPane(), QStringLiteral("+P 1000000")));
        QVERIFY(view.selectKey(QStringLiteral("releases/start_erl.data")));
        QCOMPARE(dialect(), std::nullopt);
    }

    void moduleShowsExportsAndChunks()
    {
        DiffView view;
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        QVERIFY(view.selectKey(QStringLiteral("module:shop_core:shop_cart")));
        const QString text = view.detailText();
        QVERIFY2(text.contains(QStringLiteral("module shop_cart")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("added discount/1")), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("ExpT\\s+changed"))), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Code\\s+changed"))), qPrintable(text));
    }

    void applicationShowsNeededBesideShippedAppup()
    {
        DiffView view;
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        QVERIFY(view.selectKey(QStringLiteral("app:shop_core")));
        QVERIFY2(view.detailText().contains(QStringLiteral("misses parts of the change")),
                 qPrintable(view.detailText()));
        SideBySideDiff *sbs = view.sideBySide();
        QCOMPARE(view.findChild<QStackedWidget *>(QStringLiteral("detailStack"))->currentWidget(), sbs);
        QVERIFY(sbs->findChild<QLabel *>(QStringLiteral("newTitle"))
                    ->text()
                    .endsWith(QStringLiteral("lib/shop_core-1.1.0/ebin/shop_core.appup")));
        QVERIFY(paneContains(sbs->oldPane(), QStringLiteral("{add_module,shop_promo}")));
        QVERIFY(!paneContains(sbs->newPane(), QStringLiteral("shop_promo")));
        QVERIFY(paneContains(sbs->newPane(), QStringLiteral("{load_module,shop_cart}")));
        QVERIFY(sbs->changeCount() >= 1);
    }

    void ignoreGlobsRunTheDiffAgain()
    {
        DiffView view;
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        QVERIFY(view.report()->summary().modulesChanged == 1);
        view.setIgnorePatterns({QStringLiteral("*.beam"), QStringLiteral("sys.config")});
        QCOMPARE(view.ignorePatterns(),
                 (QStringList{QStringLiteral("*.beam"), QStringLiteral("sys.config")}));
        QVERIFY(refreshAndWait(view));
        QCOMPARE(view.report()->summary().modulesChanged, 0);
        QCOMPARE(view.report()->summary().modulesAdded, 0);
        QVERIFY(!view.model()->indexOfKey(QStringLiteral("releases/1.1.0/sys.config")).isValid());
        QVERIFY(!view.model()->indexOfKey(QStringLiteral("module:shop_core:shop_cart")).isValid());
    }

    // Cancel (the button, or the Jobs dock) stops the comparison: failed("cancelled"), the job ends.
    void cancelStopsTheComparison()
    {
        DiffView view;
        QSignalSpy failed(&view, &DiffView::failed);
        QSignalSpy ended(&view, &DiffView::jobFinished);
        view.compare(m_old, m_newTgz);
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("jobPanel"))->isHidden());
        view.findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 30000));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("cancelled"));
        QCOMPARE(ended.size(), 1);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("jobPanel"))->isHidden());
        QVERIFY(!view.report());
    }

    // Save Report writes the release note or, for a .json name, the JSON of `diff --json`.
    void savesTheReport()
    {
        DiffView view;
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("saveReportButton"))->isEnabled());
        QVERIFY(!view.saveReport(m_tmp.filePath(QStringLiteral("none.txt"))).isEmpty());
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("saveReportButton"))->isEnabled());
        const QString text = m_tmp.filePath(QStringLiteral("report.txt"));
        const QString json = m_tmp.filePath(QStringLiteral("report.json"));
        QCOMPARE(view.saveReport(text), QString());
        QCOMPARE(view.saveReport(json), QString());
        QVERIFY(readFile(text).startsWith("shop 1.0.0 \xe2\x86\x92 1.1.0"));
        QVERIFY(readFile(text).contains("shop_core"));
        const QJsonObject o = QJsonDocument::fromJson(readFile(json)).object();
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("relstudio-diff"));
        QVERIFY(!view.saveReport(text + QStringLiteral("/under-a-file.txt")).isEmpty()); // not a directory
    }

    void unreadableInputFails()
    {
        DiffView view;
        QVERIFY(compareAndWait(view, m_old, m_newTgz)); // what must not stay on screen
        QSignalSpy failed(&view, &DiffView::failed);
        view.compare(m_old, m_tmp.filePath(QStringLiteral("missing.tar.gz")));
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 30000));
        QVERIFY2(view.summaryText().contains(QStringLiteral("missing.tar.gz")),
                 qPrintable(view.summaryText()));
        QVERIFY(!view.isRunning());
        QVERIFY(!view.report());
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("saveReportButton"))->isEnabled());
    }

    // The dialog offers Compare only when both releases exist, and remembers the last pair.
    void compareDialogNeedsTwoReleases()
    {
        {
            CompareDialog dialog;
            auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            dialog.setPaths(m_old, m_tmp.filePath(QStringLiteral("nothing-here")));
            QVERIFY(!ok->isEnabled());
            dialog.findChild<QLineEdit *>(QStringLiteral("newEdit"))->setText(m_newTgz);
            QVERIFY(ok->isEnabled());
            dialog.accept();
        }
        CompareDialog again;
        QCOMPARE(again.oldPath(), m_old);
        QCOMPARE(again.newPath(), m_newTgz);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("RELSTUDIO_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set RELSTUDIO_SCREENSHOT_DIR to save a picture of the view");
        DiffView view;
        view.resize(1440, 860);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(compareAndWait(view, m_old, m_newTgz));
        QVERIFY(view.selectKey(QStringLiteral("releases/1.1.0/start.boot")));
        QTest::keyClick(view.treeView(), Qt::Key_F7);
        QTest::qWait(300);
        QVERIFY(view.grab().save(dir + QStringLiteral("/diff.png")));
        QVERIFY(view.selectKey(QStringLiteral("app:shop_core")));
        QTest::qWait(300);
        QVERIFY(view.grab().save(dir + QStringLiteral("/diff-appup.png")));
        QVERIFY(view.selectKey(QStringLiteral("module:shop_core:shop_cart")));
        QTest::qWait(300);
        QVERIFY(view.grab().save(dir + QStringLiteral("/diff-module.png")));
    }
};

QTEST_MAIN(TestDiffView)
#include "tst_diff_view.moc"
