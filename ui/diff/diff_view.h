#pragma once

#include "diff/release_diff.h"

#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QTextBrowser;
class QTreeView;

namespace rs::ui {

class DiffTreeModel;
class DiffTreeFilter;
class JobPanel;
class SideBySideDiff;

// Two releases compared visually, on core/diff (diffReleases):
// - the diff runs on the thread pool with progress and Cancel (for a jobs panel too);
// - a summary line (counts as the CLI's `diff --stat` gives them) over a tree: release files,
//   applications → modules and files, ERTS, other files, each with its state (added, removed,
//   changed, same; "same code" for a recompiled module); "Hide unchanged" and ignore globs (applied
//   by the engine, as `relstudio-cli diff --ignore`);
// - the selected item in detail: text and term files (.boot, .app, sys.config, relup, ... as
//   pretty-printed terms) side by side with line and intra-line highlights; a module's exports and
//   .beam chunks; an application's versions, .app keys and the .appup its upgrade needs beside the
//   one it ships.
// F7 / Shift+F7 go to the next / previous change, and on to the next changed file at the end.
//
// Object names for tests: summaryLabel, jobPanel, hideUnchangedBox, ignoreEdit, diffTree,
// detailTitle, detailStack, sideBySide, detailBrowser, nextChangeAction, previousChangeAction.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override; // cancels what runs and waits for it

    // Compares two releases (directories or archives, in any mix) in the background; finished()
    // or failed() follows. Replaces a comparison in progress.
    void compare(const QString &oldPath, const QString &newPath);
    // Runs the last comparison again (e.g. after the ignore globs changed).
    void refresh();
    bool isRunning() const { return m_running; }
    QString oldPath() const { return m_oldPath; }
    QString newPath() const { return m_newPath; }
    // The report of the last comparison that finished; nullptr before one.
    const diff::DiffReport *report() const { return m_report.get(); }

    // Globs left out of the comparison (see diff::DiffOptions::ignore); takes effect at the next
    // compare() or refresh().
    void setIgnorePatterns(const QStringList &globs);
    QStringList ignorePatterns() const;
    void setHideUnchanged(bool hide);
    bool hidesUnchanged() const;

    QString summaryText() const;
    DiffTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    SideBySideDiff *sideBySide() const { return m_sideBySide; }
    // Selects an item by its key (DiffTreeModel::key: a member path, "app:NAME",
    // "module:APP:MODULE"); false when there is none or the filter hides it.
    bool selectKey(const QString &key);
    QString currentKey() const;
    QString detailText() const; // the detail pane's title and text, for tests

    // Writes the report of the last comparison atomically: JSON (as `relstudio-cli diff --json`)
    // for a .json path, else the release note (as `relstudio-cli diff`). Empty on success, else why not.
    QString saveReport(const QString &path) const;

public slots:
    void cancel();
    // "Save Report…": asks for a file, then saveReport(); errors in a dialog.
    void showSaveReportDialog();
    void nextChange();
    void previousChange();

signals:
    void finished();
    void failed(const QString &message);
    void jobStarted(const QString &title);
    void jobProgress(qint64 done, qint64 total, const QString &current);
    void jobFinished();

private:
    struct Outcome;

    void buildUi();
    void start();
    void finish(const Outcome &outcome);
    void showCurrent(const QModelIndex &index);
    bool moveToChangedItem(int direction);
    void updateSummary();

    QString m_oldPath;
    QString m_newPath;
    std::shared_ptr<const diff::DiffReport> m_report;
    bool m_running = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThreadPool m_pool;

    DiffTreeModel *m_model = nullptr;
    DiffTreeFilter *m_filter = nullptr;
    JobPanel *m_jobPanel = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_hideUnchanged = nullptr;
    QPushButton *m_saveReport = nullptr;
    QLineEdit *m_ignore = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_detailTitle = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    SideBySideDiff *m_sideBySide = nullptr;
    QTextBrowser *m_detailBrowser = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace rs::ui
