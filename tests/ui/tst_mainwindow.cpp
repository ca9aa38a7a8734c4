// The real main window on the offscreen platform, driven as a user would: open the example release,
// change an application's version in the table, see the preview regenerate, undo, break the text.
#include "code_editor.h"
#include "diff/diff_view.h"
#include "jobs_dock.h"
#include "mainwindow.h"
#include "problems_dock.h"
#include "release_document.h"
#include "release_editor.h"
#include "release_table_model.h"
#include "support/testdata.h"
#include "workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using namespace rs::ui;

namespace {

constexpr int Timeout = 20000;

// A lib dir with shop_core in a second version, 1.1.0, next to the examples' 1.0.0.
void addShopCoreVersion(const QString &libDir)
{
    const QString from = QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR "/shop_core-1.0.0/ebin");
    const QString to = libDir + QStringLiteral("/shop_core-1.1.0/ebin");
    QDir().mkpath(to);
    for (const QString &f : QDir(from).entryList(QDir::Files)) {
        if (f.endsWith(QLatin1String(".app"))) {
            QFile in(from + QLatin1Char('/') + f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QFile out(to + QLatin1Char('/') + f);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(in.readAll().replace("{vsn, \"1.0.0\"}", "{vsn, \"1.1.0\"}"));
        } else {
            QVERIFY(QFile::copy(from + QLatin1Char('/') + f, to + QLatin1Char('/') + f));
        }
    }
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RelstudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void editsTheExampleReleaseWithLivePreview()
    {
        QTemporaryDir work;
        QVERIFY(QFile::copy(rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")),
                            work.filePath(QStringLiteral("shop-1.0.0.rel"))));
        addShopCoreVersion(work.filePath(QStringLiteral("lib")));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy scanned(window.workspace(), &Workspace::scanned);
        window.startWorkspace(
            {work.filePath(QStringLiteral("lib")), QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR)});
        QVERIFY(scanned.wait(Timeout));
        QVERIFY(window.openFile(work.filePath(QStringLiteral("shop-1.0.0.rel"))));

        ReleaseEditor *editor = window.currentReleaseEditor();
        QVERIFY(editor);
        QSignalSpy updated(editor, &ReleaseEditor::previewUpdated);
        QTRY_VERIFY_WITH_TIMEOUT(editor->scriptPreview()->toPlainText().contains(
                                     QStringLiteral("\"$ROOT/lib/shop_core-1.0.0/ebin\"")),
                                 Timeout);
        QVERIFY(editor->scriptPreview()->isEnabled());
        QVERIFY(editor->bootPreview()->toPlainText().startsWith(QStringLiteral("{script,")));
        QVERIFY(editor->bootPreview()->toPlainText().contains(QStringLiteral("{\"shop\",\"1.0.0\"}")));

        // Selecting an application scrolls the .script to its section.
        editor->table()->selectRow(6);
        const QString top = editor->scriptPreview()->cursorForPosition(QPoint(0, 0)).block().text();
        QVERIFY2(top.contains(QStringLiteral("shop_web-1.0.0/ebin")), qPrintable(top));

        // The table offers both versions and changes the text and the preview.
        auto *model = qobject_cast<ReleaseTableModel *>(editor->table()->model());
        QVERIFY(model);
        QCOMPARE(model->rowCount(), 7);
        const QModelIndex version = model->index(3, ReleaseTableModel::Version);
        QCOMPARE(model->index(3, ReleaseTableModel::Name).data().toString(), QStringLiteral("shop_core"));
        QCOMPARE(version.data(ReleaseTableModel::VersionsRole).toStringList(),
                 (QStringList{QStringLiteral("1.1.0"), QStringLiteral("1.0.0")}));
        updated.clear();
        QVERIFY(model->setData(version, QStringLiteral("1.1.0"), Qt::EditRole));
        QVERIFY2(editor->document()->text().contains(QStringLiteral("{shop_core, \"1.1.0\"}")),
                 qPrintable(editor->document()->text()));
        QVERIFY2(editor->document()->text().startsWith(QStringLiteral("%% The example shop release")),
                 "comments of the .rel are kept");
        QTRY_VERIFY_WITH_TIMEOUT(editor->scriptPreview()->toPlainText().contains(
                                     QStringLiteral("\"$ROOT/lib/shop_core-1.1.0/ebin\"")),
                                 Timeout);
        QVERIFY(editor->document()->isModified());
        QVERIFY(window.windowTitle().contains(QStringLiteral("•")));

        // Edit > Undo names the change; Undo restores the text, the table and the preview.
        auto *undoAction = window.findChild<QAction *>(QStringLiteral("undoAction"));
        auto *redoAction = window.findChild<QAction *>(QStringLiteral("redoAction"));
        QVERIFY(undoAction && redoAction);
        QVERIFY(undoAction->isEnabled());
        QCOMPARE(undoAction->text(), QStringLiteral("&Undo ") + editor->document()->undoStack()->undoText());
        QVERIFY(!redoAction->isEnabled());
        undoAction->trigger();
        QVERIFY(redoAction->isEnabled());
        QCOMPARE(redoAction->text(), QStringLiteral("&Redo ") + editor->document()->undoStack()->redoText());
        QCOMPARE(model->index(3, ReleaseTableModel::Version).data().toString(), QStringLiteral("1.0.0"));
        QVERIFY(editor->sourceEditor()->toPlainText().contains(QStringLiteral("{shop_core, \"1.0.0\"}")));
        QTRY_VERIFY_WITH_TIMEOUT(editor->scriptPreview()->toPlainText().contains(
                                     QStringLiteral("\"$ROOT/lib/shop_core-1.0.0/ebin\"")),
                                 Timeout);
        QVERIFY(!editor->document()->isModified());

        // A broken .rel shows in Problems at its line, and the preview says it is out of date.
        QString text = editor->document()->text();
        text.replace(QStringLiteral("{shop_web, \"1.0.0\"}"), QStringLiteral("{shop_web \"1.0.0\"}"));
        editor->sourceEditor()->setPlainText(text);
        QTRY_VERIFY_WITH_TIMEOUT(!editor->scriptPreview()->isEnabled(), Timeout);
        const rs::Findings problems = window.problemsDock()->findings(editor->document()->path());
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.constFirst().location.line, 10);
        QVERIFY(problems.constFirst().message.startsWith(QStringLiteral("expected ',' or '}'")));
        QVERIFY(editor->findChild<QLabel *>(QStringLiteral("previewStatus"))
                    ->text()
                    .contains(QStringLiteral("Out of date")));

        // An unknown version is a finding on the .rel line, named with the versions found.
        editor->document()->undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(editor->scriptPreview()->isEnabled(), Timeout);
        QVERIFY(window.problemsDock()->findings(editor->document()->path()).isEmpty());
        QVERIFY(
            model->setData(model->index(3, ReleaseTableModel::Version), QStringLiteral("9.9"), Qt::EditRole));
        QTRY_VERIFY_WITH_TIMEOUT(!window.problemsDock()->findings(editor->document()->path()).isEmpty(),
                                 Timeout);
        const rs::Findings found = window.problemsDock()->findings(editor->document()->path());
        QStringList messages;
        for (const rs::Finding &f : found)
            messages << f.toString();
        QVERIFY2(found.size() == 1, qPrintable(messages.join(QLatin1Char('\n'))));
        const rs::Finding missing = found.constFirst();
        QCOMPARE(missing.location.line, 7);
        QVERIFY2(missing.message.contains(QStringLiteral("shop_core version 9.9 not found")),
                 qPrintable(missing.message));
        editor->document()->undoStack()->clear();
    }

    void jobsDockShowsRunningJobsWithCancel()
    {
        MainWindow window;
        QSignalSpy scanned(window.workspace(), &Workspace::scanned);
        window.startWorkspace({QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR)});
        QCOMPARE(window.jobsDock()->jobTitles(), QStringList{QStringLiteral("Scan lib dirs and the OTP")});
        QVERIFY(scanned.wait(Timeout));
        QCOMPARE(window.jobsDock()->runningJobs(), 0);

        bool cancelled = false;
        const int id = window.jobsDock()->addJob(QStringLiteral("Build x.tar.gz"), [&] { cancelled = true; });
        window.jobsDock()->updateJob(id, 50, 100, QStringLiteral("lib/x"));
        auto *cancel = window.jobsDock()->findChild<QToolButton *>(QStringLiteral("cancelJob%1").arg(id));
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(cancelled);
        window.jobsDock()->finishJob(id);
        QCOMPARE(window.jobsDock()->runningJobs(), 0);
    }

    // Release > Compare Releases… (Ctrl+D) and compare(): a diff tab whose job the Jobs dock lists.
    void comparesReleasesInATabWithItsJob()
    {
        MainWindow window;
        QAction *action = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->text() == QStringLiteral("&Compare Releases…"))
                action = a;
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+D")));

        const QString dir = QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR);
        window.compare(dir, dir);
        auto *view = qobject_cast<DiffView *>(window.tabs()->currentWidget());
        QVERIFY(view);
        QVERIFY(window.jobsDock()->jobTitles().contains(QStringLiteral("Comparing lib with lib")));
        QVERIFY(QTest::qWaitFor([&] { return !view->isRunning(); }, Timeout));
        QVERIFY(view->report() && view->report()->same());
        QVERIFY2(view->detailText().contains(QStringLiteral("The two releases are the same.")),
                 qPrintable(view->detailText()));
        QCOMPARE(window.jobsDock()->runningJobs(), 0);
    }

    void opensOtherTermFilesReadOnly()
    {
        MainWindow window;
        QVERIFY(window.openFile(
            QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR "/shop_core-1.0.0/ebin/shop_core.app")));
        auto *view = qobject_cast<CodeEditor *>(window.tabs()->currentWidget());
        QVERIFY(view);
        QVERIFY(view->isReadOnly());
        QVERIFY(view->toPlainText().startsWith(QStringLiteral("{application,shop_core,")));
        QVERIFY(window.openFile(rs::test::sourcePath(QStringLiteral("examples/releases/vm.args"))));
        auto *args = qobject_cast<CodeEditor *>(window.tabs()->currentWidget());
        QVERIFY(args->toPlainText().startsWith(QStringLiteral("-sname shop")));
        QVERIFY(window.problemsDock()
                    ->findings(rs::test::sourcePath(QStringLiteral("examples/releases/vm.args")))
                    .isEmpty());
        QVERIFY(!window.openFile(QStringLiteral("/nonexistent/file.rel")));
        QCOMPARE(window.tabs()->count(), 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
