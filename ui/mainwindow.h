#pragma once

#include "common/finding.h"

#include <QMainWindow>
#include <QStringList>

class QMenu;
class QTabWidget;
class QUndoGroup;

namespace rs::ui {

class BuildJob;
class JobsDock;
class LogDock;
class ProblemsDock;
class ReleaseEditor;
class Workspace;

// The main window: a workspace (lib dirs and the OTP in use) and the open documents as tabs —
// .rel files in the release editor, every other term file (.app, .appup, .script, .boot, relup,
// sys.config, RELEASES) read-only as OTP prints it — with the Problems and Log docks.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace; }
    QTabWidget *tabs() const { return m_tabs; }
    ProblemsDock *problemsDock() const { return m_problems; }
    JobsDock *jobsDock() const { return m_jobs; }
    ReleaseEditor *currentReleaseEditor() const;

    // Scans the lib dirs of the settings, after extraLibDirs (given on the command line, not saved).
    void startWorkspace(const QStringList &extraLibDirs = {});
    // Opens a tarball, .ez or release directory in the inspector.
    void inspect(const QString &path);
    // Compares two releases (directories or archives) in a new diff tab; it runs in the background.
    void compare(const QString &oldPath, const QString &newPath);
    // "Compare Releases…": asks for the two releases, then compares them.
    void showCompareDialog();
    // Opens a file in a new tab (or shows its tab when it is open already).
    bool openFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createDocks();
    void showOpenDialog();
    void updateRecentFiles(const QString &opened = QString());
    bool openRelease(const QString &path);
    bool openTermFile(const QString &path);
    bool save(ReleaseEditor *editor, bool saveAs);
    bool maybeSave(ReleaseEditor *editor);
    bool closeTab(int index);
    void updateTitle();
    void showSettings();
    void showBuildDialog();
    void showAppupView();
    void showDependencyGraph();
    // Lists a view's background jobs (jobStarted/jobProgress/jobFinished) in the Jobs dock.
    template <typename View> void trackJobs(View *view);
    void trackBuild(BuildJob *job, const QString &title);
    void showAbout();
    void goToFinding(const rs::Finding &finding);
    void applyFontSize(int points);

    Workspace *m_workspace;
    QTabWidget *m_tabs;
    QUndoGroup *m_undoGroup;
    ProblemsDock *m_problems = nullptr;
    LogDock *m_log = nullptr;
    JobsDock *m_jobs = nullptr;
    int m_scanJob = 0;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
};

} // namespace rs::ui
