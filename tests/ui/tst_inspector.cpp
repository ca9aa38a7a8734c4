// The inspector view on the offscreen platform: a release tarball built by relstudio-cli is opened
// in the background, browsed as a lazy tree, previewed (.boot decoded, .beam summarized, term files
// pretty-printed), filtered, and extracted safely; a .ez and a release directory open too.
//
// With RELSTUDIO_INSPECTOR_SCREENSHOT=FILE, the `screenshot` test also saves a picture of the view
// with the start.boot selected (scripts can retake docs/screenshots/inspector.png this way).
#include "archive/safe_extract.h"
#include "inspector/archive_tree_model.h"
#include "inspector/entry_preview.h"
#include "inspector/inspector_view.h"
#include "package/inspect.h"
#include "support/testdata.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace rs::ui;
using rs::archive::ArchiveEntry;
using rs::archive::EntryType;

namespace {

QStringList childNames(QAbstractItemModel *model, const QModelIndex &parent = QModelIndex())
{
    if (model->canFetchMore(parent))
        model->fetchMore(parent);
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names << model->index(row, 0, parent).data().toString();
    return names;
}

QModelIndex childNamed(QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    if (model->canFetchMore(parent))
        model->fetchMore(parent);
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return QModelIndex();
}

bool runTool(const QString &program, const QStringList &arguments, const QString &workDir = QString(),
             QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(180000) && process.exitStatus() == QProcess::NormalExit &&
                    process.exitCode() == 0;
    const QByteArray out = process.readAll();
    if (output)
        *output = out;
    if (!ok)
        qWarning("%s failed: %s", qPrintable(program), out.constData());
    return ok;
}

ArchiveEntry fileEntry(const QString &path, qint64 size, quint32 mode = 0100644)
{
    ArchiveEntry e;
    e.path = path;
    e.size = size;
    e.mode = mode;
    return e;
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_tarball;

    // Opens a path in a fresh view and waits until it has loaded.
    bool openAndWait(InspectorView &view, const QString &path)
    {
        QSignalSpy loaded(&view, &InspectorView::loaded);
        QSignalSpy failed(&view, &InspectorView::loadFailed);
        view.open(path);
        if (!loaded.wait(60000)) {
            qWarning("not loaded: %s",
                     failed.isEmpty() ? "timeout" : qPrintable(failed.constFirst().constFirst().toString()));
            return false;
        }
        return true;
    }

    // Selects a member and waits for its preview.
    bool selectAndPreview(InspectorView &view, const QString &path)
    {
        QSignalSpy shown(&view, &InspectorView::previewShown);
        if (!view.selectPath(path))
            return false;
        while (view.previewPath() != path || shown.isEmpty()) {
            if (!shown.wait(20000))
                return false;
        }
        return view.previewPath() == path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_tarball = m_tmp.filePath(QStringLiteral("shop-1.0.0.tar.gz"));
        QVERIFY(runTool(
            QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli"),
            {QStringLiteral("tar"), rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")),
             QStringLiteral("--lib-dir"), QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR),
             QStringLiteral("--sys-config"),
             rs::test::sourcePath(QStringLiteral("examples/releases/sys.config")),
             QStringLiteral("--vm-args"), rs::test::sourcePath(QStringLiteral("examples/releases/vm.args")),
             QStringLiteral("--out"), m_tarball}));
        QVERIFY(QFile::exists(m_tarball));
    }

    // The model alone: directories synthesized from paths, built level by level.
    void modelBuildsDirectoriesLazily()
    {
        ArchiveTreeModel model;
        std::vector<ArchiveEntry> entries;
        entries.push_back(fileEntry(QStringLiteral("./a/b/c.txt"), 10));
        entries.push_back(fileEntry(QStringLiteral("a/b/d.txt"), 20));
        ArchiveEntry dir;
        dir.path = QStringLiteral("a/");
        dir.type = EntryType::Directory;
        dir.mode = 040755;
        entries.push_back(dir);
        entries.push_back(fileEntry(QStringLiteral("z.bin"), 2048, 0100755));
        entries.push_back(fileEntry(QStringLiteral("/etc/passwd"), 1));
        model.setEntries(entries);

        QCOMPARE(childNames(&model),
                 (QStringList{QStringLiteral("/"), QStringLiteral("a"), QStringLiteral("z.bin")}));
        QCOMPARE(model.createdRowCount(), 3); // nothing below the top level yet
        const QModelIndex a = childNamed(&model, {}, QStringLiteral("a"));
        QVERIFY(model.hasChildren(a));
        QVERIFY(model.canFetchMore(a));
        QCOMPARE(
            a.siblingAtColumn(ArchiveTreeModel::SizeColumn).data(ArchiveTreeModel::SizeRole).toLongLong(),
            30);
        QCOMPARE(a.siblingAtColumn(ArchiveTreeModel::ModeColumn).data().toString(), QStringLiteral("0755"));
        QVERIFY(model.entry(a) != nullptr);
        const QModelIndex b = childNamed(&model, a, QStringLiteral("b"));
        QVERIFY(model.entry(b) == nullptr); // synthesized
        QCOMPARE(model.isDirectory(b), true);
        QCOMPARE(childNames(&model, b), (QStringList{QStringLiteral("c.txt"), QStringLiteral("d.txt")}));
        const QModelIndex c = model.indexForPath(QStringLiteral("a/b/c.txt"));
        QVERIFY(c.isValid());
        QCOMPARE(model.path(c), QStringLiteral("a/b/c.txt"));
        QCOMPARE(model.entry(c)->path, QStringLiteral("./a/b/c.txt"));
        const QModelIndex z = model.indexForPath(QStringLiteral("z.bin"), ArchiveTreeModel::SizeColumn);
        QCOMPARE(z.data().toString(), QStringLiteral("2.00 KiB"));
        QCOMPARE(z.siblingAtColumn(ArchiveTreeModel::TypeColumn).data().toString(), QStringLiteral("file"));
        QVERIFY(model.indexForPath(QStringLiteral("/etc/passwd")).isValid());
        QVERIFY(!model.indexForPath(QStringLiteral("a/nope")).isValid());

        // Recursive filtering sees every row once fetchAll() has built them.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        model.fetchAll();
        proxy.setFilterFixedString(QStringLiteral("d.txt"));
        QCOMPARE(childNames(&proxy), QStringList{QStringLiteral("a")});
    }

    void previewFormats()
    {
        using namespace rs::ui::inspector;
        const EntryPreview binary = formatPreview(QStringLiteral("x.so"),
                                                  QByteArray("\x7f"
                                                             "ELF\0\0\1",
                                                             7),
                                                  7, false);
        QCOMPARE(binary.kind, PreviewKind::Binary);
        QCOMPARE(binary.text, QStringLiteral("7 bytes, binary"));
        const EntryPreview rel =
            formatPreview(QStringLiteral("releases/a.rel"),
                          "{release,{\"a\",\"1\"},{erts,\"13.1.5\"},[{kernel,\"8.5.3\"}]}.", 50, false);
        QCOMPARE(rel.kind, PreviewKind::Terms);
        QCOMPARE(rel.text,
                 QStringLiteral("{release,{\"a\",\"1\"},{erts,\"13.1.5\"},[{kernel,\"8.5.3\"}]}.\n"));
        const EntryPreview broken = formatPreview(QStringLiteral("sys.config"), "[{a, b", 6, false);
        QCOMPARE(broken.text, QStringLiteral("[{a, b"));
        QCOMPARE(broken.findings.size(), 1);
        const EntryPreview text = formatPreview(QStringLiteral("README"), "h\xc3\xa9llo", 6, false);
        QCOMPARE(text.kind, PreviewKind::Text);
        QCOMPARE(text.text, QStringLiteral("h\u00e9llo"));
        // A cut-off UTF-8 sequence at the end of a truncated text is still text.
        const EntryPreview cut = formatPreview(QStringLiteral("README"), "abc\xc3", 100, true);
        QCOMPARE(cut.kind, PreviewKind::Text);
        QCOMPARE(cut.text, QStringLiteral("abc"));
    }

    void opensTarballAndShowsTheTree()
    {
        InspectorView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy started(&view, &InspectorView::jobStarted);
        QSignalSpy finished(&view, &InspectorView::jobFinished);
        QVERIFY(openAndWait(view, m_tarball));
        QCOMPARE(started.size(), 1);
        QCOMPARE(finished.size(), 1);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("jobPanel"))->isHidden());
        QVERIFY(view.report() != nullptr);
        QCOMPARE(view.report()->relName, QStringLiteral("shop"));

        ArchiveTreeModel *model = view.model();
        QCOMPARE(childNames(model),
                 (QStringList{QStringLiteral("bin"), QStringLiteral("lib"), QStringLiteral("releases")}));
        QVERIFY(model->createdRowCount() < int(model->entries().size()));
        const QModelIndex lib = childNamed(model, {}, QStringLiteral("lib"));
        const QStringList apps = childNames(model, lib);
        QCOMPARE(apps.size(), 7);
        QVERIFY(apps.contains(QStringLiteral("shop_core-1.0.0")));
        QVERIFY(std::any_of(apps.cbegin(), apps.cend(),
                            [](const QString &a) { return a.startsWith(QStringLiteral("kernel-")); }));
        QVERIFY(model->indexForPath(QStringLiteral("releases/1.0.0/start.boot")).isValid());
        QVERIFY(model->indexForPath(QStringLiteral("releases/shop-1.0.0.rel")).isValid());

        // The view shows the same through its proxy, sorted with directories first.
        QCOMPARE(childNames(view.proxyModel()),
                 (QStringList{QStringLiteral("bin"), QStringLiteral("lib"), QStringLiteral("releases")}));

        const QString summary = view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
        QVERIFY2(summary.contains(QStringLiteral("shop 1.0.0")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("ERTS 13.1.5")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("7 applications")), qPrintable(summary));

        // The chart: one bar per application, the largest on top (added last).
        auto *chartView = view.findChild<QChartView *>(QStringLiteral("sizeChart"));
        QCOMPARE(chartView->chart()->series().size(), 1);
        auto *series = qobject_cast<QAbstractBarSeries *>(chartView->chart()->series().constFirst());
        QVERIFY(series);
        QBarSet *set = series->barSets().constFirst();
        QCOMPARE(set->count(), 7);
        for (int i = 1; i < set->count(); ++i)
            QVERIFY(set->at(i - 1) <= set->at(i));
        // Each bar named in full: application and size, never elided to "...".
        const auto axes = chartView->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        auto *names = qobject_cast<QBarCategoryAxis *>(axes.constFirst());
        QVERIFY(names);
        QVERIFY(!names->truncateLabels());
        QVERIFY2(names->categories().constLast().startsWith(QStringLiteral("stdlib ")),
                 qPrintable(names->categories().join(u',')));
    }

    void previewsBootBeamAndTermFiles()
    {
        InspectorView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(openAndWait(view, m_tarball));

        QVERIFY(selectAndPreview(view, QStringLiteral("releases/1.0.0/start.boot")));
        QVERIFY2(view.previewText().startsWith(QStringLiteral("{script,")),
                 qPrintable(view.previewText().left(200)));
        QVERIFY(view.previewText().contains(QStringLiteral("{progress,started}")));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("previewTitle"))
                    ->text()
                    .contains(QStringLiteral("boot script, decoded")));

        QVERIFY(selectAndPreview(view, QStringLiteral("lib/shop_core-1.0.0/ebin/shop_cart.beam")));
        const QString beam = view.previewText();
        QVERIFY2(beam.contains(QStringLiteral("{module,shop_cart}.")), qPrintable(beam));
        QVERIFY2(beam.contains(QStringLiteral("{exports,")), qPrintable(beam));
        QVERIFY(beam.contains(QStringLiteral("{module_info,0}")));
        QVERIFY(beam.contains(QStringLiteral("{md5,\"")));
        QVERIFY2(beam.contains(QRegularExpression(QStringLiteral("\\{chunks,\\[\\{\"AtU8\",\\d+\\},"))),
                 qPrintable(beam));
        QVERIFY(beam.contains(QStringLiteral("{attributes,")));

        QVERIFY(selectAndPreview(view, QStringLiteral("lib/shop_core-1.0.0/ebin/shop_core.app")));
        QVERIFY2(view.previewText().startsWith(QStringLiteral("{application,shop_core,")),
                 qPrintable(view.previewText()));

        QVERIFY(selectAndPreview(view, QStringLiteral("releases/1.0.0/sys.config")));
        QVERIFY(view.previewText().startsWith(QLatin1Char('[')));
        QVERIFY(view.previewText().endsWith(QStringLiteral(".\n")));

        QVERIFY(selectAndPreview(view, QStringLiteral("releases/1.0.0/vm.args")));
        QVERIFY(!view.previewText().isEmpty());

        QVERIFY(selectAndPreview(view, QStringLiteral("lib/shop_core-1.0.0")));
        QVERIFY2(view.previewText().contains(QStringLiteral("application shop_core 1.0.0")),
                 qPrintable(view.previewText()));
    }

    void filtersRecursively()
    {
        InspectorView view;
        view.show();
        QVERIFY(openAndWait(view, m_tarball));
        QAbstractItemModel *proxy = view.proxyModel();
        view.setFilterText(QStringLiteral("shop_core"));
        QCOMPARE(childNames(proxy), QStringList{QStringLiteral("lib")});
        const QModelIndex lib = childNamed(proxy, {}, QStringLiteral("lib"));
        QCOMPARE(childNames(proxy, lib), QStringList{QStringLiteral("shop_core-1.0.0")});
        const QModelIndex app = childNamed(proxy, lib, QStringLiteral("shop_core-1.0.0"));
        const QModelIndex ebin = childNamed(proxy, app, QStringLiteral("ebin"));
        QVERIFY(childNames(proxy, ebin).contains(QStringLiteral("shop_cart.beam"))); // rows below a match
        QVERIFY(view.treeView()->isExpanded(lib));

        view.setFilterText(QStringLiteral("SHOP_CART"));
        QCOMPARE(childNames(proxy), QStringList{QStringLiteral("lib")});
        view.setFilterText(QStringLiteral("no such member"));
        QCOMPARE(proxy->rowCount(), 0);
        view.setFilterText(QString());
        QCOMPARE(proxy->rowCount(), 3);
    }

    void extractsTheSelection()
    {
        InspectorView view;
        view.show();
        QVERIFY(openAndWait(view, m_tarball));
        QVERIFY(view.selectPath(QStringLiteral("lib/shop_core-1.0.0")));
        QVERIFY(view.findChild<QAction *>(QStringLiteral("extractAction"))->isEnabled());
        QCOMPARE(view.selectedPaths(), QStringList{QStringLiteral("lib/shop_core-1.0.0")});

        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("x"));
        QSignalSpy extracted(&view, &InspectorView::extractFinished);
        view.extractSelection(target);
        QVERIFY(extracted.wait(60000));
        QVERIFY2(extracted.constFirst().at(0).toBool(), qPrintable(extracted.constFirst().at(1).toString()));
        QVERIFY(QFile::exists(target + QStringLiteral("/lib/shop_core-1.0.0/ebin/shop_core.app")));
        QVERIFY(QFile::exists(target + QStringLiteral("/lib/shop_core-1.0.0/ebin/shop_cart.beam")));
        QVERIFY(!QFile::exists(target + QStringLiteral("/releases")));
        QVERIFY(!QFile::exists(target + QStringLiteral("/lib/shop_web-1.0.0")));

        // A file and a folder together.
        const QString target2 = out.filePath(QStringLiteral("y"));
        extracted.clear();
        view.extractPaths({QStringLiteral("releases/1.0.0/start.boot"), QStringLiteral("bin")}, target2);
        QVERIFY(extracted.wait(60000));
        QVERIFY(extracted.constFirst().at(0).toBool());
        QVERIFY(QFile::exists(target2 + QStringLiteral("/releases/1.0.0/start.boot")));
        QVERIFY(!QFile::exists(target2 + QStringLiteral("/releases/1.0.0/sys.config")));
        QVERIFY(QDir(target2 + QStringLiteral("/bin")).exists());

        // Extracting over existing files is refused, and says why.
        extracted.clear();
        view.extractSelection(target);
        QVERIFY(extracted.wait(60000));
        QCOMPARE(extracted.constFirst().at(0).toBool(), false);
        const QString status = view.findChild<QLabel *>(QStringLiteral("statusLabel"))->toolTip();
        QVERIFY2(status.startsWith(QStringLiteral("Extraction refused")), qPrintable(status));
        QVERIFY(QFile::exists(target + QStringLiteral("/lib/shop_core-1.0.0/ebin/shop_core.app")));
    }

    void cancelsALoad()
    {
        InspectorView view;
        QSignalSpy loaded(&view, &InspectorView::loaded);
        QSignalSpy failed(&view, &InspectorView::loadFailed);
        QSignalSpy finished(&view, &InspectorView::jobFinished);
        view.open(m_tarball);
        QVERIFY(view.isLoading());
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("jobPanel"))->isHidden());
        view.findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), 60000);
        // It may have finished before it noticed; if not, it says so.
        if (!failed.isEmpty()) {
            QCOMPARE(failed.constFirst().constFirst().toString(), QStringLiteral("cancelled"));
            QVERIFY(view.report() == nullptr);
        }
        QCOMPARE(finished.size(), 1);
        QVERIFY(!view.isLoading());

        // Opening again while loading replaces the first load.
        loaded.clear();
        failed.clear();
        QSignalSpy started(&view, &InspectorView::jobStarted);
        view.open(m_tarball);
        view.open(m_tarball);
        QVERIFY(loaded.wait(60000));
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        QVERIFY(failed.isEmpty());
        QCOMPARE(started.size(), 2);
        QCOMPARE(finished.size(), 3);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("jobPanel"))->isHidden());
    }

    void missingFileFails()
    {
        InspectorView view;
        QSignalSpy failed(&view, &InspectorView::loadFailed);
        view.open(m_tmp.filePath(QStringLiteral("nope.tar.gz")));
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("no such file")));
    }

    void opensAnEzArchive()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("zip")).isEmpty())
            QSKIP("zip is not installed");
        const QString ez = m_tmp.filePath(QStringLiteral("shop_core-1.0.0.ez"));
        QDir lib(QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR));
        const QStringList dirs = lib.entryList({QStringLiteral("shop_core*")}, QDir::Dirs);
        QCOMPARE(dirs.size(), 1);
        QVERIFY(runTool(QStringLiteral("zip"), {QStringLiteral("-qr"), ez, dirs.constFirst()}, lib.path()));

        InspectorView view;
        view.show();
        QVERIFY(openAndWait(view, ez));
        QCOMPARE(childNames(view.model()), QStringList{dirs.constFirst()});
        const QString beam = dirs.constFirst() + QStringLiteral("/ebin/shop_price.beam");
        QVERIFY(view.model()->indexForPath(beam).isValid());
        QVERIFY(selectAndPreview(view, beam));
        QVERIFY2(view.previewText().contains(QStringLiteral("{module,shop_price}.")),
                 qPrintable(view.previewText()));
        // Not a release: said in the warnings.
        auto *warnings = view.findChild<QListWidget *>(QStringLiteral("warningsList"));
        QVERIFY(warnings->count() >= 1);
        QVERIFY(warnings->item(0)->text().contains(QStringLiteral("not a release package")));
    }

    void opensADirectoryAndFollowsWarnings()
    {
        QTemporaryDir out;
        const QString root = out.filePath(QStringLiteral("shop"));
        const auto extracted = rs::archive::extractSafely(m_tarball, root);
        QVERIFY2(extracted, rs::test::errorOf(extracted).constData());
        QVERIFY(QFile::remove(root + QStringLiteral("/releases/1.0.0/start.boot")));

        InspectorView view;
        view.show();
        QVERIFY(openAndWait(view, root));
        QCOMPARE(childNames(view.model()),
                 (QStringList{QStringLiteral("bin"), QStringLiteral("lib"), QStringLiteral("releases")}));
        QVERIFY(selectAndPreview(view, QStringLiteral("releases/1.0.0/sys.config")));
        QVERIFY(view.previewText().startsWith(QLatin1Char('[')));
        QVERIFY(!view.findChild<QAction *>(QStringLiteral("extractAction"))->isEnabled());

        auto *warnings = view.findChild<QListWidget *>(QStringLiteral("warningsList"));
        QListWidgetItem *noBoot = nullptr;
        for (int i = 0; i < warnings->count(); ++i) {
            if (warnings->item(i)->text().contains(QStringLiteral("start.boot")))
                noBoot = warnings->item(i);
        }
        QVERIFY(noBoot);
        emit warnings->itemActivated(noBoot);
        QCOMPARE(view.selectedPaths(), QStringList{QStringLiteral("releases/1.0.0")});
    }

    void screenshot()
    {
        const QString file = qEnvironmentVariable("RELSTUDIO_INSPECTOR_SCREENSHOT");
        if (file.isEmpty())
            QSKIP("set RELSTUDIO_INSPECTOR_SCREENSHOT=FILE to save a picture of the view");
        InspectorView view;
        view.setWindowTitle(QStringLiteral("Inspector"));
        view.resize(1440, 900);
        view.show();
        QVERIFY(openAndWait(view, m_tarball));
        QVERIFY(selectAndPreview(view, QStringLiteral("releases/1.0.0/start.boot")));
        QTest::qWait(300);
        QVERIFY(view.grab().save(file));
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
