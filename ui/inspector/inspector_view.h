#pragma once

#include "common/finding.h"
#include "jobs/progress.h"

#include <QModelIndex>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QBarSeries;
class QChart;
class QChartView;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTimer;
class QToolButton;
class QTreeView;

namespace rs::package {
struct InspectReport;
}

namespace rs::ui {

class ArchiveTreeModel;
class CodeEditor;
class ErlangHighlighter;
class JobPanel;

namespace inspector {
struct EntryPreview;
}

// What a release tarball, .ez/zip archive or release directory holds, without extracting it
// (core/package/inspect.h does the reading):
// - a summary line (release, version, ERTS, applications, entries, size, format);
// - a filter box over a lazy tree of the members (ArchiveTreeModel behind a recursive
//   QSortFilterProxyModel);
// - a preview of the selected member, read on the thread pool: text highlighted, .boot decoded,
//   .beam as module/exports/attributes/chunks/MD5, term files pretty-printed as OTP prints them,
//   binary data as "N bytes, binary" (at most inspector::MaxPreviewBytes are read);
// - the report's warnings (double-click selects the member a warning names);
// - the size of each application as a bar chart (top 12 and "others"; clicking a bar selects it);
// - "Extract…" of the selected members with archive::extractSafely, on the thread pool.
// Loading and extracting run in the background with progress and a Cancel button.
//
// Object names for tests: summaryLabel, statusLabel, jobPanel, jobLabel, jobProgress, cancelButton,
// filterEdit, entryTree, previewTitle, previewEditor, warningsList, sizeChart, extractButton,
// extractAction, mainSplitter.
class InspectorView : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorView(QWidget *parent = nullptr);
    ~InspectorView() override; // cancels what runs and waits for it

    // Loads a tarball, .ez/zip or release directory in the background; loaded() or loadFailed()
    // follow (loadFailed("cancelled") after cancel()). expectedErts is the ERTS of the OTP in use
    // (for the "ERTS differs" warning); may be empty. Cancels whatever this view was doing: a load
    // replaced by another reports nothing.
    void open(const QString &path, const QString &expectedErts = QString());
    QString path() const { return m_source; }
    bool isLoading() const { return m_loading; }
    bool isBusy() const { return m_loading || m_extracting; }
    // The report of the last successful load; nullptr before one (or while the next loads).
    const package::InspectReport *report() const { return m_report.get(); }

    ArchiveTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }

    // The filter box's text, applied at once (typing applies it after a short pause).
    void setFilterText(const QString &text);
    // Expands to, selects and shows a member (normalized path, see ArchiveTreeModel); false when
    // there is none or the filter hides it. The preview follows.
    bool selectPath(const QString &path);
    QStringList selectedPaths() const;

    // The member the preview shows, and its text.
    QString previewPath() const { return m_previewPath; }
    QString previewText() const;

    // Extracts the selected members (files or folders, with what is below them) into targetDir
    // in the background; extractFinished() follows. Not available for release directories.
    void extractSelection(const QString &targetDir);
    void extractPaths(const QStringList &paths, const QString &targetDir);

public slots:
    // Cancels the load or extraction in progress.
    void cancel();
    // "Extract…": asks for a directory, then extracts the selection there; errors in a dialog.
    void showExtractDialog();

signals:
    void loaded();
    void loadFailed(const QString &message);
    void previewShown(const QString &path);
    void extractFinished(bool ok, const QString &message);
    // For a jobs panel: a load or an extraction started, progresses (done/total, total 0 when
    // unknown) and finished (every jobStarted is followed by one jobFinished, also when the job
    // failed, was cancelled or was replaced by a new open()). cancel() stops what runs.
    void jobStarted(const QString &title);
    void jobProgress(qint64 done, qint64 total, const QString &current);
    void jobFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct LoadResult;
    struct ExtractOutcome;

    void buildUi();
    void resetContents();
    void startJob(const QString &title);
    void updateJobProgress(const jobs::Progress &progress);
    void endJob();
    void finishLoad(const LoadResult &result);
    void finishExtract(const ExtractOutcome &outcome, const QString &targetDir, bool interactive);
    void startExtract(const QStringList &paths, const QString &targetDir, bool interactive);
    void updateSummary();
    void updateWarnings();
    void updateChart();
    void styleChart();
    void updateActions();
    void applyFilter();
    void onCurrentChanged(const QModelIndex &current);
    void showPreview(const inspector::EntryPreview &preview);
    void showDirectorySummary(const QString &path);
    QString warningTarget(const Finding &finding);
    void activateWarning(QListWidgetItem *item);
    void showContextMenu(const QPoint &pos);

    // State
    QString m_source;
    bool m_sourceIsDirectory = false;
    std::shared_ptr<const package::InspectReport> m_report;
    bool m_loading = false;
    bool m_extracting = false;
    quint64 m_loadGeneration = 0;
    quint64 m_previewGeneration = 0;
    std::shared_ptr<std::atomic_bool> m_loadCancel;
    std::shared_ptr<std::atomic_bool> m_extractCancel;
    std::shared_ptr<std::atomic_bool> m_previewCancel;
    QString m_previewPath;
    QStringList m_chartPaths; // the member path of each bar, "" for "others"
    bool m_fetchedAll = false;
    QThreadPool m_pool;

    // Widgets
    ArchiveTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    JobPanel *m_jobPanel = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_previewTitle = nullptr;
    CodeEditor *m_preview = nullptr;
    ErlangHighlighter *m_highlighter = nullptr;
    QListWidget *m_warnings = nullptr;
    QChartView *m_chartView = nullptr;
    QAction *m_extractAction = nullptr;
    QToolButton *m_extractButton = nullptr;
    QSplitter *m_mainSplitter = nullptr;
};

} // namespace rs::ui
