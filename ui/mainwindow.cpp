#include "mainwindow.h"

#include "appup_view.h"
#include "archive/archive_reader.h"
#include "build_dialog.h"
#include "code_editor.h"
#include "dependency_graph.h"
#include "diff/compare_dialog.h"
#include "diff/diff_text.h"
#include "diff/diff_view.h"
#include "erlang_highlighter.h"
#include "etf/etf.h"
#include "inspector/inspector_view.h"
#include "jobs_dock.h"
#include "log_dock.h"
#include "package/inspect.h"
#include "package/release_layout.h"
#include "problems_dock.h"
#include "release/resolver.h"
#include "release_document.h"
#include "release_editor.h"
#include "release_table_model.h"
#include "settings_dialog.h"
#include "term/pretty.h"
#include "term/reader.h"
#include "workspace.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QUndoGroup>
#include <QtConcurrent>

#include <spdlog/spdlog.h>

namespace rs::ui {

namespace {

constexpr int MaxRecentFiles = 10;
const char *const FilePathProperty = "relstudioFilePath";

QString tabPath(QWidget *tab)
{
    return tab ? tab->property(FilePathProperty).toString() : QString();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_workspace(new Workspace(this)), m_tabs(new QTabWidget(this)),
      m_undoGroup(new QUndoGroup(this))
{
    setWindowTitle(tr("Relstudio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/relstudio.svg")));
    setAcceptDrops(true);
    m_tabs->setObjectName(QStringLiteral("documentTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (ReleaseEditor *editor = currentReleaseEditor())
            m_undoGroup->setActiveStack(editor->document()->undoStack());
        else
            m_undoGroup->setActiveStack(nullptr);
        updateTitle();
    });

    createDocks();
    createActions();
    connect(m_workspace, &Workspace::scanStarted, this, [this] {
        statusBar()->showMessage(tr("Scanning lib dirs…"));
        if (!m_scanJob)
            m_scanJob = m_jobs->addJob(tr("Scan lib dirs and the OTP"));
    });
    connect(m_workspace, &Workspace::scanned, this, [this] {
        m_jobs->finishJob(m_scanJob);
        m_scanJob = 0;
        const auto snapshot = m_workspace->snapshot();
        m_problems->setFindings(QStringLiteral("workspace"), snapshot->problems);
        statusBar()->showMessage(
            snapshot->otp
                ? (snapshot->index.names().size() == 1 ? tr("1 application found; OTP %1 (ERTS %2) in %3")
                                                       : tr("%n applications found; OTP %1 (ERTS %2) in %3",
                                                            nullptr, int(snapshot->index.names().size())))
                      .arg(snapshot->otp->otpVersion, snapshot->otp->ertsVsn, snapshot->otp->root)
                : tr("No Erlang/OTP found: set its root in Settings"));
    });

    QSettings settings;
    applyFontSize(settings.value(QStringLiteral("view/fontSize"), 0).toInt());
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1400, 860);
    m_workspace->loadSettings();
}

void MainWindow::startWorkspace(const QStringList &extraLibDirs)
{
    QStringList dirs = extraLibDirs;
    for (const QString &d : m_workspace->libDirs()) {
        if (!dirs.contains(d))
            dirs << d;
    }
    if (dirs != m_workspace->libDirs())
        m_workspace->setLibDirs(dirs); // scans
    else
        m_workspace->rescan();
}

MainWindow::~MainWindow()
{
    // The tabs are destroyed after this body: keep their last signals from reaching a window that is
    // half gone.
    m_tabs->disconnect(this);
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *editor = qobject_cast<ReleaseEditor *>(m_tabs->widget(i))) {
            editor->disconnect(this);
            editor->document()->disconnect(this);
        }
    }
}

void MainWindow::createDocks()
{
    m_problems = new ProblemsDock(this);
    m_problems->setObjectName(QStringLiteral("problemsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    connect(m_problems, &ProblemsDock::activated, this, &MainWindow::goToFinding);

    m_log = new LogDock(this);
    m_log->setObjectName(QStringLiteral("logDock"));
    m_log->attachToLogger();
    addDockWidget(Qt::BottomDockWidgetArea, m_log);
    m_jobs = new JobsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobs);
    tabifyDockWidget(m_problems, m_log);
    tabifyDockWidget(m_log, m_jobs);
    m_problems->raise();
    resizeDocks({m_problems, m_log, m_jobs}, {150, 150, 150}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentFiles();
    QAction *save = file->addAction(tr("&Save"), this, [this] { this->save(currentReleaseEditor(), false); });
    save->setShortcut(QKeySequence::Save);
    QAction *saveAs =
        file->addAction(tr("Save &As…"), this, [this] { this->save(currentReleaseEditor(), true); });
    saveAs->setShortcut(QKeySequence::SaveAs);
    QAction *close = file->addAction(tr("&Close"), this, [this] { closeTab(m_tabs->currentIndex()); });
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Our own texts rather than QUndoGroup::createUndoAction's "PREFIX COMMAND", which no
    // language but English can word ("Rückgängig: Anwendung verschieben").
    QAction *undo = edit->addAction(tr("&Undo"), m_undoGroup, &QUndoGroup::undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = edit->addAction(tr("&Redo"), m_undoGroup, &QUndoGroup::redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    const auto updateUndoActions = [this, undo, redo] {
        const QString undoText = m_undoGroup->undoText();
        const QString redoText = m_undoGroup->redoText();
        undo->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
        redo->setText(redoText.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoText));
        undo->setEnabled(m_undoGroup->canUndo());
        redo->setEnabled(m_undoGroup->canRedo());
    };
    connect(m_undoGroup, &QUndoGroup::undoTextChanged, this, updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::redoTextChanged, this, updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::canUndoChanged, this, updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::canRedoChanged, this, updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::activeStackChanged, this, updateUndoActions);
    updateUndoActions();

    QMenu *releaseMenu = menuBar()->addMenu(tr("&Release"));
    QAction *regenerate = releaseMenu->addAction(tr("&Regenerate Preview"), this, [this] {
        if (ReleaseEditor *e = currentReleaseEditor())
            e->regenerate();
    });
    regenerate->setShortcut(QKeySequence::Refresh);
    QAction *addApps = releaseMenu->addAction(tr("&Add Applications…"), this, [this] {
        if (ReleaseEditor *e = currentReleaseEditor())
            e->addApplications();
    });
    addApps->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    QAction *build = releaseMenu->addAction(tr("&Build Release…"), this, &MainWindow::showBuildDialog);
    build->setShortcut(QKeySequence(tr("Ctrl+B")));
    releaseMenu->addAction(tr("&Inspect Tarball or Directory…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Inspect"), QString(),
                                         tr("Releases (*.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz "
                                            "*.tar.zst *.zip *.ez);;All files (*)"));
        if (!path.isEmpty())
            inspect(path);
    });
    QAction *compareAction =
        releaseMenu->addAction(tr("&Compare Releases…"), this, &MainWindow::showCompareDialog);
    compareAction->setShortcut(QKeySequence(tr("Ctrl+D")));
    QAction *graph = releaseMenu->addAction(tr("Dependency &Graph"), this, &MainWindow::showDependencyGraph);
    graph->setShortcut(QKeySequence(tr("Ctrl+G")));
    QAction *appups = releaseMenu->addAction(tr("&Appup and Relup…"), this, &MainWindow::showAppupView);
    appups->setShortcut(QKeySequence(tr("Ctrl+U")));
    releaseMenu->addSeparator();
    releaseMenu->addAction(tr("Re&scan Lib Dirs"), m_workspace, &Workspace::rescan);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_problems->toggleViewAction());
    m_viewMenu->addAction(m_log->toggleViewAction());
    m_viewMenu->addAction(m_jobs->toggleViewAction());
    m_viewMenu->addSeparator();
    QAction *bigger = m_viewMenu->addAction(tr("&Larger Font"), this, [this] {
        applyFontSize(QSettings().value(QStringLiteral("view/fontSize"), font().pointSize()).toInt() + 1);
    });
    bigger->setShortcut(QKeySequence::ZoomIn);
    QAction *smaller = m_viewMenu->addAction(tr("&Smaller Font"), this, [this] {
        applyFontSize(QSettings().value(QStringLiteral("view/fontSize"), font().pointSize()).toInt() - 1);
    });
    smaller->setShortcut(QKeySequence::ZoomOut);

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QAction *prefs = settingsMenu->addAction(tr("&Lib Dirs and OTP…"), this, &MainWindow::showSettings);
    prefs->setShortcut(QKeySequence::Preferences);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Relstudio"), this, &MainWindow::showAbout);
}

ReleaseEditor *MainWindow::currentReleaseEditor() const
{
    return qobject_cast<ReleaseEditor *>(m_tabs->currentWidget());
}

bool MainWindow::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (tabPath(m_tabs->widget(i)) == absolute) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    static const QRegularExpression packaged(
        QStringLiteral("\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2|tar\\.xz|txz|tar\\.zst|zip|ez)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (QFileInfo(absolute).isDir() ||
        (QFileInfo(absolute).isFile() && packaged.match(absolute).hasMatch())) {
        inspect(absolute);
        updateRecentFiles(absolute);
        return true;
    }
    if (!QFileInfo(absolute).isFile()) {
        const QString message = tr("%1: no such file").arg(absolute);
        spdlog::warn("{}", message.toStdString());
        statusBar()->showMessage(message, 8000);
        return false;
    }
    const bool ok = absolute.endsWith(QLatin1String(".rel")) ? openRelease(absolute) : openTermFile(absolute);
    if (ok) {
        updateRecentFiles(absolute);
        spdlog::info("opened {}", absolute.toStdString());
    }
    return ok;
}

bool MainWindow::openRelease(const QString &path)
{
    auto *document = new ReleaseDocument(this);
    QString error;
    if (!document->load(path, &error)) {
        delete document;
        QMessageBox::warning(this, tr("Cannot open"), tr("%1: %2").arg(path, error));
        return false;
    }
    auto *editor = new ReleaseEditor(document, m_workspace, m_tabs);
    document->setParent(editor);
    editor->setProperty(FilePathProperty, path);
    m_undoGroup->addStack(document->undoStack());
    const int index = m_tabs->addTab(editor, document->displayName());
    m_tabs->setTabToolTip(index, path);
    m_tabs->setCurrentIndex(index);
    connect(editor, &ReleaseEditor::findingsChanged, this,
            [this, editor](const Findings &f) { m_problems->setFindings(tabPath(editor), f); });
    connect(document, &ReleaseDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document, &ReleaseDocument::pathChanged, this, [this, editor, document] {
        m_problems->clearSource(tabPath(editor));
        editor->setProperty(FilePathProperty, document->path());
        m_tabs->setTabText(m_tabs->indexOf(editor), document->displayName());
        m_tabs->setTabToolTip(m_tabs->indexOf(editor), document->path());
        updateTitle();
    });
    return true;
}

// Any other term file: shown as OTP prints it, read-only. A binary term file (.boot) is decoded.
bool MainWindow::openTermFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Cannot open"), tr("%1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    QString text;
    Findings findings;
    if (ErlangHighlighter::dialectForFile(path) == ErlangHighlighter::Dialect::VmArgs) {
        // vm.args holds emulator flags, not terms: shown as written, with what packing would refuse.
        text = QString::fromUtf8(bytes);
        findings << package::checkVmArgs(path);
    } else if (bytes.startsWith('\x83')) {
        const auto decoded = etf::decode(bytes);
        if (decoded)
            text = term::prettyTerm(*decoded) + QStringLiteral(".\n");
        else
            findings << Finding::error(decoded.error().message, {path, 0, 0});
    } else {
        const auto terms = term::consultText(bytes, path);
        if (terms) {
            for (const term::Term &t : *terms)
                text += term::prettyTerm(t) + QStringLiteral(".\n");
        } else {
            // Show the file as it is, with the error where it is.
            text = QString::fromUtf8(bytes);
            findings << terms.error();
        }
    }
    auto *view = new CodeEditor(m_tabs);
    view->setReadOnly(true);
    auto *highlighter = new ErlangHighlighter(view->document());
    highlighter->setDialect(ErlangHighlighter::dialectForFile(path));
    view->setPlainText(text);
    view->setMarkers(findings);
    view->setProperty(FilePathProperty, path);
    const int index = m_tabs->addTab(view, QFileInfo(path).fileName());
    m_tabs->setTabToolTip(index, path);
    m_tabs->setCurrentIndex(index);
    m_problems->setFindings(path, findings);
    return true;
}

void MainWindow::showOpenDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open"), QSettings().value(QStringLiteral("files/lastDir")).toString(),
        tr("Release files (*.rel *.app *.appup *.script *.boot *.config relup RELEASES);;All files (*)"));
    for (const QString &p : paths)
        openFile(p);
    if (!paths.isEmpty())
        QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(paths.constFirst()).absolutePath());
}

void MainWindow::updateRecentFiles(const QString &opened)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    if (!opened.isEmpty()) {
        recent.removeAll(opened);
        recent.prepend(opened);
        while (recent.size() > MaxRecentFiles)
            recent.removeLast();
        settings.setValue(QStringLiteral("files/recent"), recent);
    }
    m_recentMenu->clear();
    for (const QString &path : std::as_const(recent))
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

bool MainWindow::save(ReleaseEditor *editor, bool saveAs)
{
    if (!editor)
        return false;
    ReleaseDocument *document = editor->document();
    QString error;
    bool ok = false;
    if (saveAs || document->path().isEmpty()) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Release"), document->path(),
                                                          tr("Release files (*.rel)"));
        if (path.isEmpty())
            return false;
        ok = document->saveAs(path, &error);
    } else {
        ok = document->save(&error);
    }
    if (!ok) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(document->path()), 4000);
    return true;
}

bool MainWindow::maybeSave(ReleaseEditor *editor)
{
    if (!editor || !editor->document()->isModified())
        return true;
    m_tabs->setCurrentWidget(editor);
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("%1 has changes that are not saved.").arg(editor->document()->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save(editor, false);
    return answer == QMessageBox::Discard;
}

bool MainWindow::closeTab(int index)
{
    QWidget *tab = m_tabs->widget(index);
    if (!tab)
        return false;
    auto *editor = qobject_cast<ReleaseEditor *>(tab);
    if (!maybeSave(editor))
        return false;
    if (editor)
        m_undoGroup->removeStack(editor->document()->undoStack());
    m_problems->clearSource(tabPath(tab));
    m_tabs->removeTab(index);
    tab->deleteLater();
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (!maybeSave(qobject_cast<ReleaseEditor *>(m_tabs->widget(i)))) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void MainWindow::updateTitle()
{
    QWidget *tab = m_tabs->currentWidget();
    auto *editor = qobject_cast<ReleaseEditor *>(tab);
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *e = qobject_cast<ReleaseEditor *>(m_tabs->widget(i)))
            m_tabs->setTabText(i, e->document()->displayName() +
                                      (e->document()->isModified() ? QStringLiteral(" •") : QString()));
    }
    if (!tab) {
        setWindowTitle(tr("Relstudio"));
        return;
    }
    const QString name = editor ? editor->document()->displayName() : QFileInfo(tabPath(tab)).fileName();
    setWindowTitle(
        tr("%1%2 — Relstudio")
            .arg(name, editor && editor->document()->isModified() ? QStringLiteral(" •") : QString()));
}

void MainWindow::goToFinding(const Finding &finding)
{
    if (finding.location.file.isEmpty())
        return;
    if (!openFile(finding.location.file))
        return;
    if (ReleaseEditor *editor = currentReleaseEditor())
        editor->goTo(finding.location.line, finding.location.column);
    else if (auto *view = qobject_cast<CodeEditor *>(m_tabs->currentWidget()))
        view->goToLine(finding.location.line, finding.location.column);
}

void MainWindow::showBuildDialog()
{
    ReleaseEditor *editor = currentReleaseEditor();
    if (!editor) {
        statusBar()->showMessage(tr("Open a .rel file to build its release."), 6000);
        return;
    }
    // The .rel is packed as it is on disk: what is built must be what the editor shows.
    if (editor->document()->isModified() || editor->document()->path().isEmpty()) {
        const auto answer =
            QMessageBox::question(this, tr("Save before building?"),
                                  tr("The release is built from the saved .rel file. Save %1 now?")
                                      .arg(editor->document()->displayName()),
                                  QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
        if (answer != QMessageBox::Save || !save(editor, false))
            return;
    }
    auto *dialog = new BuildDialog(editor->document()->path(), m_workspace->snapshot(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BuildDialog::inspectRequested, this, &MainWindow::inspect);
    connect(dialog, &BuildDialog::buildStarted, this, &MainWindow::trackBuild);
    dialog->open();
}

void MainWindow::trackBuild(BuildJob *job, const QString &title)
{
    const int id = m_jobs->addJob(title, [job] { job->cancel(); });
    connect(job, &BuildJob::progress, m_jobs, [this, id](qint64 done, qint64 total, const QString &current) {
        m_jobs->updateJob(id, done, total, current);
    });
    connect(job, &BuildJob::finished, m_jobs, [this, id] { m_jobs->finishJob(id); });
    connect(job, &QObject::destroyed, m_jobs, [this, id] { m_jobs->finishJob(id); });
}

template <typename View> void MainWindow::trackJobs(View *view)
{
    auto job = std::make_shared<int>(0);
    connect(view, &View::jobStarted, this, [this, view, job](const QString &title) {
        *job = m_jobs->addJob(title, [view] { view->cancel(); });
    });
    connect(view, &View::jobProgress, this, [this, job](qint64 done, qint64 total, const QString &current) {
        m_jobs->updateJob(*job, done, total, current);
    });
    connect(view, &View::jobFinished, this, [this, job] { m_jobs->finishJob(*job); });
}

void MainWindow::compare(const QString &oldPath, const QString &newPath)
{
    auto *view = new DiffView(m_tabs);
    const QString title = tr("%1 ↔ %2").arg(QFileInfo(oldPath).fileName(), QFileInfo(newPath).fileName());
    const int index = m_tabs->addTab(view, title);
    m_tabs->setTabToolTip(index, tr("%1\n%2").arg(oldPath, newPath));
    m_tabs->setCurrentIndex(index);
    trackJobs(view);
    connect(view, &DiffView::finished, this, [this, view] {
        m_problems->setFindings(view->newPath(), view->report()->warnings);
        statusBar()->showMessage(diff::headline(*view->report()), 8000);
    });
    connect(view, &DiffView::failed, this, [this, oldPath, newPath](const QString &why) {
        statusBar()->showMessage(tr("Cannot compare %1 with %2: %3").arg(oldPath, newPath, why), 8000);
    });
    view->compare(oldPath, newPath);
}

void MainWindow::showCompareDialog()
{
    CompareDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        compare(dialog.oldPath(), dialog.newPath());
}

// Opens a tarball, .ez or release directory in the inspector; it loads in the background.
void MainWindow::inspect(const QString &path)
{
    auto *view = new InspectorView(m_tabs);
    view->setProperty(FilePathProperty, QFileInfo(path).absoluteFilePath());
    const int index = m_tabs->addTab(view, tr("%1 (inspect)").arg(QFileInfo(path).fileName()));
    m_tabs->setTabToolTip(index, path);
    m_tabs->setCurrentIndex(index);
    trackJobs(view);
    connect(view, &InspectorView::loaded, this, [this, view, path] {
        m_problems->setFindings(path, view->report()->warnings);
        statusBar()->showMessage(
            (view->report()->warnings.size() == 1
                 ? tr("1 warning in %1")
                 : tr("%n warnings in %1", nullptr, int(view->report()->warnings.size())))
                .arg(path),
            8000);
    });
    connect(view, &InspectorView::loadFailed, this, [this, path](const QString &why) {
        statusBar()->showMessage(tr("Cannot inspect %1: %2").arg(path, why), 8000);
    });
    view->open(path, m_workspace->snapshot()->otp ? m_workspace->snapshot()->otp->ertsVsn : QString());
}

// The applications of the current release as a graph; clicking one selects it in the editor.
void MainWindow::showDependencyGraph()
{
    ReleaseEditor *editor = currentReleaseEditor();
    if (!editor || !editor->document()->isValid()) {
        statusBar()->showMessage(tr("Open a valid .rel file to see its dependency graph."), 6000);
        return;
    }
    const auto snapshot = m_workspace->snapshot();
    const release::Resolution resolution = release::resolve(
        editor->document()->parsed().spec, snapshot->index, snapshot->otp ? &*snapshot->otp : nullptr);
    if (!resolution.release) {
        m_problems->setFindings(editor->document()->path(), resolution.findings);
        statusBar()->showMessage(tr("The release does not resolve: see Problems."), 6000);
        return;
    }
    auto *view = new DependencyGraphView(m_tabs);
    view->setRelease(*resolution.release);
    view->setProperty(FilePathProperty, QString(editor->document()->path() + QStringLiteral("#graph")));
    connect(view, &DependencyGraphView::applicationClicked, this, [this, editor](const QString &name) {
        if (m_tabs->indexOf(editor) < 0)
            return;
        const auto *model = qobject_cast<const ReleaseTableModel *>(editor->table()->model());
        for (int row = 0; model && row < model->rowCount(); ++row) {
            if (model->appAt(row)->name == name) {
                m_tabs->setCurrentWidget(editor);
                editor->table()->selectRow(row);
                return;
            }
        }
    });
    const int index = m_tabs->addTab(view, tr("%1 (graph)").arg(editor->document()->displayName()));
    m_tabs->setCurrentIndex(index);
}

void MainWindow::showAppupView()
{
    ReleaseEditor *editor = currentReleaseEditor();
    if (!editor || !editor->document()->isValid()) {
        statusBar()->showMessage(tr("Open a valid .rel file to see the upgrades of its applications."), 6000);
        return;
    }
    auto *view = new AppupView(editor->document()->parsed().spec, m_workspace, m_tabs);
    const QString key = editor->document()->path() + QStringLiteral("#appup");
    view->setProperty(FilePathProperty, key);
    connect(view, &AppupView::findingsChanged, this,
            [this, key](const Findings &f) { m_problems->setFindings(key, f); });
    const int index = m_tabs->addTab(view, tr("%1 (appup/relup)").arg(editor->document()->displayName()));
    m_tabs->setCurrentIndex(index);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_workspace->libDirs(), m_workspace->otpRoot(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_workspace->setLibDirs(dialog.libDirs());
    m_workspace->setOtpRoot(dialog.otpRoot());
    m_workspace->saveSettings();
}

void MainWindow::applyFontSize(int points)
{
    if (points <= 0)
        return;
    points = qBound(6, points, 32);
    QSettings().setValue(QStringLiteral("view/fontSize"), points);
    QFont f = QApplication::font();
    f.setPointSize(points);
    QApplication::setFont(f);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSize(points);
    for (CodeEditor *editor : findChildren<CodeEditor *>())
        editor->setFont(fixed);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Relstudio"),
                       tr("<h3>Relstudio %1</h3><p>A release manager for Erlang/OTP and Elixir.</p>"
                          "<p>What it generates is what OTP's systools generates, byte for byte.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace rs::ui
