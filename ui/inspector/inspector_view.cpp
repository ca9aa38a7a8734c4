#include "inspector/inspector_view.h"

#include "job_panel.h"
#include "throttled_monitor.h"

#include "archive/archive_reader.h"
#include "archive/safe_extract.h"
#include "code_editor.h"
#include "erlang_highlighter.h"
#include "inspector/archive_tree_model.h"
#include "inspector/entry_preview.h"
#include "package/inspect.h"

#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <algorithm>

namespace rs::ui {

using inspector::EntryPreview;
using inspector::PreviewKind;

namespace {

// Text past this size is shown without highlighting: highlighting it would stall the GUI thread.
constexpr qsizetype MaxHighlightedChars = 512 * 1024;
// Bars in the size chart before the rest are summed up as "others".
constexpr int ChartBars = 12;

// Forwards progress to the GUI thread at most every 50 ms (and always the last report), and
// cancellation from the GUI thread to the operation.
QString htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// Singular and plural are separate messages so that English reads right without a translation;
// translators still get numerus forms for both.
QString counted(qint64 n, const char *one, const char *many)
{
    return InspectorView::tr(n == 1 ? one : many, nullptr, int(n));
}

} // namespace

struct InspectorView::LoadResult
{
    std::shared_ptr<const package::InspectReport> report;
    Finding error;
    bool cancelled = false;
};

struct InspectorView::ExtractOutcome
{
    bool ok = false;
    bool cancelled = false;
    qint64 files = 0;
    qint64 bytes = 0;
    QString error;
};

InspectorView::InspectorView(QWidget *parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    buildUi();
    resetContents();
    updateActions();
}

InspectorView::~InspectorView()
{
    // Workers post to this object and read its flags: stop them and wait before those go away.
    for (const auto &flag : {m_loadCancel, m_extractCancel, m_previewCancel}) {
        if (flag)
            *flag = true;
    }
    m_pool.waitForDone();
}

void InspectorView::buildUi()
{
    setObjectName(QStringLiteral("inspectorView"));

    // The top line: what was opened, what happened last, and Extract….
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_status->setWordWrap(false);

    m_extractAction = new QAction(tr("Extract…"), this);
    m_extractAction->setObjectName(QStringLiteral("extractAction"));
    m_extractAction->setToolTip(tr("Extract the selected files and folders into a directory (safely: "
                                   "nothing is written outside it)"));
    m_extractAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_extractAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_extractAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_extractAction, &QAction::triggered, this, &InspectorView::showExtractDialog);
    addAction(m_extractAction);
    m_extractButton = new QToolButton(this);
    m_extractButton->setObjectName(QStringLiteral("extractButton"));
    m_extractButton->setDefaultAction(m_extractAction);
    m_extractButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 2);
    top->addWidget(m_summary, 1);
    top->addWidget(m_status);
    top->addWidget(m_extractButton);

    // Progress of a load or an extraction.
    m_jobPanel = new JobPanel(this);
    connect(m_jobPanel, &JobPanel::cancelRequested, this, &InspectorView::cancel);

    // Left: the filter and the tree.
    m_model = new ArchiveTreeModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(ArchiveTreeModel::NameColumn);
    m_proxy->setSortRole(ArchiveTreeModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(findAction);
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(150);
    connect(m_filterTimer, &QTimer::timeout, this, &InspectorView::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));

    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("entryTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(ArchiveTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ArchiveTreeModel::NameColumn, QHeaderView::Stretch);
    const int digit = m_tree->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_tree->header()->resizeSection(ArchiveTreeModel::SizeColumn, digit * 11);
    m_tree->header()->resizeSection(ArchiveTreeModel::ModeColumn, digit * 7);
    m_tree->header()->resizeSection(ArchiveTreeModel::TypeColumn, digit * 10);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InspectorView::updateActions);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &InspectorView::showContextMenu);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(4);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree, 1);

    // Right: the preview above, warnings and the chart below.
    m_previewTitle = new QLabel;
    m_previewTitle->setObjectName(QStringLiteral("previewTitle"));
    m_previewTitle->setTextFormat(Qt::RichText);
    m_previewTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_previewTitle->setContentsMargins(2, 4, 2, 2);
    m_preview = new CodeEditor;
    m_preview->setObjectName(QStringLiteral("previewEditor"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter = new ErlangHighlighter(m_preview->document());
    auto *previewBox = new QWidget;
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->setSpacing(2);
    previewLayout->addWidget(m_previewTitle);
    previewLayout->addWidget(m_preview, 1);

    m_warnings = new QListWidget;
    m_warnings->setObjectName(QStringLiteral("warningsList"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextElideMode(Qt::ElideNone);
    connect(m_warnings, &QListWidget::itemActivated, this, &InspectorView::activateWarning);
    auto *warningsTitle = new QLabel(tr("<b>Warnings</b>"));
    warningsTitle->setObjectName(QStringLiteral("warningsTitle"));
    warningsTitle->setContentsMargins(2, 4, 2, 2);
    auto *warningsBox = new QWidget;
    auto *warningsLayout = new QVBoxLayout(warningsBox);
    warningsLayout->setContentsMargins(0, 0, 0, 0);
    warningsLayout->setSpacing(2);
    warningsLayout->addWidget(warningsTitle);
    warningsLayout->addWidget(m_warnings, 1);

    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 12, 4));
    m_chartView = new QChartView(chart);
    m_chartView->setObjectName(QStringLiteral("sizeChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(200);
    m_chartView->setFrameShape(QFrame::StyledPanel);

    auto *bottom = new QSplitter(Qt::Horizontal);
    bottom->setObjectName(QStringLiteral("bottomSplitter"));
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(warningsBox);
    bottom->addWidget(m_chartView);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    bottom->setSizes({380, 620}); // relative weights until the first resize

    auto *right = new QSplitter(Qt::Vertical);
    right->setObjectName(QStringLiteral("rightSplitter"));
    right->setChildrenCollapsible(false);
    right->addWidget(previewBox);
    right->addWidget(bottom);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setSizes({560, 400});

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setSizes({380, 620});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_jobPanel);
    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(6, 4, 6, 6);
    bodyLayout->addWidget(m_mainSplitter);
    layout->addWidget(body, 1);

    styleChart();
}

// Empties every panel (before a load, or after one failed).
void InspectorView::resetContents()
{
    if (m_previewCancel)
        *m_previewCancel = true;
    ++m_previewGeneration;
    m_report.reset();
    m_fetchedAll = false;
    m_model->clear();
    m_previewPath.clear();
    m_previewTitle->setText(tr("<i>Select a file to see what it holds.</i>"));
    m_preview->clearMarkers();
    m_preview->setPlainText(QString());
    m_warnings->clear();
    m_chartPaths.clear();
    updateChart();
    updateSummary();
}

void InspectorView::open(const QString &path, const QString &expectedErts)
{
    cancel();
    if (m_loading) {
        // The load this one replaces ends here: its result will be ignored.
        m_loading = false;
        endJob();
    }
    m_source = path;
    m_sourceIsDirectory = QFileInfo(path).isDir();
    m_status->clear();
    resetContents();
    m_loading = true;
    updateSummary();
    updateActions();
    startJob(tr("Inspecting %1").arg(QFileInfo(path).fileName()));

    const quint64 generation = ++m_loadGeneration;
    m_loadCancel = std::make_shared<std::atomic_bool>(false);
    auto post = [this, generation](const jobs::Progress &p) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, p] {
                if (generation == m_loadGeneration && m_loading)
                    updateJobProgress(p);
            },
            Qt::QueuedConnection);
    };
    auto cancelled = m_loadCancel;
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const LoadResult result = watcher->result();
        watcher->deleteLater();
        if (generation == m_loadGeneration)
            finishLoad(result);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, expectedErts, post, cancelled] {
        ThrottledMonitor monitor(post, cancelled);
        auto report = package::inspectRelease(path, expectedErts, monitor);
        LoadResult result;
        if (report)
            result.report = std::make_shared<const package::InspectReport>(std::move(report).value());
        else if (cancelled->load() || archive::isCancellation(report.error()))
            result.cancelled = true;
        else
            result.error = report.error();
        return result;
    }));
}

void InspectorView::finishLoad(const LoadResult &result)
{
    m_loading = false;
    m_loadCancel.reset();
    endJob();
    if (!result.report) {
        const QString message = result.cancelled ? tr("cancelled") : result.error.toString();
        m_status->setText(result.cancelled ? tr("Cancelled") : tr("Cannot read it"));
        m_summary->setText(QStringLiteral("<b>%1</b> &nbsp;·&nbsp; <span style='color:#d32f2f'>%2</span>")
                               .arg(htmlEscaped(QFileInfo(m_source).fileName()), htmlEscaped(message)));
        updateActions();
        emit loadFailed(message);
        return;
    }
    m_report = result.report;
    m_model->setEntries(m_report->entries);
    if (!m_filter->text().isEmpty())
        applyFilter();
    // Show where a release keeps its files.
    const QString releaseDir = QStringLiteral("releases/") + m_report->relVsn;
    for (const QString &dir : {QStringLiteral("lib"), QStringLiteral("releases"), releaseDir}) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexForPath(dir));
        if (index.isValid())
            m_tree->expand(index);
    }
    updateSummary();
    updateWarnings();
    updateChart();
    updateActions();
    emit loaded();
}

void InspectorView::cancel()
{
    if (m_loadCancel)
        *m_loadCancel = true;
    if (m_extractCancel)
        *m_extractCancel = true;
}

void InspectorView::startJob(const QString &title)
{
    m_jobPanel->start(title);
    emit jobStarted(title);
}

void InspectorView::updateJobProgress(const jobs::Progress &p)
{
    m_jobPanel->update(p);
    emit jobProgress(p.done, p.total, p.current);
}

void InspectorView::endJob()
{
    if (!m_loading && !m_extracting)
        m_jobPanel->stop();
    emit jobFinished();
}

void InspectorView::updateSummary()
{
    const QString sep = QStringLiteral(" &nbsp;·&nbsp; ");
    const QString fileName = htmlEscaped(QFileInfo(m_source).fileName());
    if (m_source.isEmpty()) {
        m_summary->setText(tr("<i>Open a release tarball, .ez archive or release directory.</i>"));
        return;
    }
    if (!m_report) {
        m_summary->setText(m_loading ? tr("<b>%1</b>%2reading…").arg(fileName, sep)
                                     : QStringLiteral("<b>%1</b>").arg(fileName));
        m_summary->setToolTip(m_source);
        return;
    }
    const package::InspectReport &r = *m_report;
    QStringList parts;
    if (!r.relName.isEmpty()) {
        parts << QStringLiteral("<b>%1 %2</b>").arg(htmlEscaped(r.relName), htmlEscaped(r.relVsn));
        parts << tr("ERTS %1").arg(htmlEscaped(r.ertsVsn));
    } else {
        parts << QStringLiteral("<b>%1</b>").arg(fileName) << tr("no release");
    }
    int modules = 0;
    for (const auto &app : r.apps)
        modules += app.modules;
    parts << counted(qint64(r.apps.size()), QT_TR_N_NOOP("%n application"), QT_TR_N_NOOP("%n applications"));
    parts << counted(modules, QT_TR_N_NOOP("%n module"), QT_TR_N_NOOP("%n modules"));
    qint64 bytes = 0;
    for (const auto &e : r.entries)
        bytes += e.type == archive::EntryType::File ? e.size : 0;
    parts << counted(qint64(r.entries.size()), QT_TR_N_NOOP("%n entry"), QT_TR_N_NOOP("%n entries"))
          << ArchiveTreeModel::humanSize(bytes);
    if (!r.relupUpFrom.isEmpty() || !r.relupDownTo.isEmpty()) {
        parts << tr("relup: up from %1, down to %2")
                     .arg(htmlEscaped(r.relupUpFrom.join(QStringLiteral(", "))),
                          htmlEscaped(r.relupDownTo.join(QStringLiteral(", "))));
    }
    parts << QStringLiteral("<span style='color:%1'>%2</span>")
                 .arg(palette().color(QPalette::PlaceholderText).name(), htmlEscaped(r.format));
    m_summary->setText(parts.join(sep));
    m_summary->setToolTip(r.relFile.isEmpty() ? m_source
                                              : tr("%1\nrelease read from %2").arg(m_source, r.relFile));
}

// The member a warning is about: its location's file, or a path its message names (the nearest
// directory the package has when the file itself is missing, e.g. lib/APP-VSN/ebin/APP.app).
QString InspectorView::warningTarget(const Finding &finding)
{
    auto existing = [this](QString candidate) -> QString {
        candidate = ArchiveTreeModel::normalizedPath(candidate);
        while (!candidate.isEmpty()) {
            if (m_model->indexForPath(candidate).isValid())
                return candidate;
            const qsizetype slash = candidate.lastIndexOf(QLatin1Char('/'));
            if (slash <= 0)
                break;
            candidate.truncate(slash);
            if (!candidate.contains(QLatin1Char('/')) && candidate != QLatin1String("releases") &&
                !candidate.startsWith(QLatin1String("erts-")))
                break; // "lib" alone says nothing
        }
        return QString();
    };
    if (!finding.location.file.isEmpty()) {
        if (const QString target = existing(finding.location.file); !target.isEmpty())
            return target;
    }
    static const QRegularExpression token(QStringLiteral("[^\\s,;:()'\"]+"));
    for (auto it = token.globalMatch(finding.message); it.hasNext();) {
        QString word = it.next().captured();
        while (word.endsWith(QLatin1Char('.')))
            word.chop(1);
        if (word.contains(QLatin1Char('/')) || word.startsWith(QLatin1String("erts-"))) {
            if (const QString target = existing(word); !target.isEmpty())
                return target;
        } else if (word.contains(QLatin1Char('-'))) {
            // "module m is in app-1.0 and other-2.0"
            if (const QString target = existing(QStringLiteral("lib/") + word); !target.isEmpty())
                return target;
        }
    }
    return QString();
}

void InspectorView::updateWarnings()
{
    m_warnings->clear();
    auto *title = findChild<QLabel *>(QStringLiteral("warningsTitle"));
    const Findings warnings = m_report ? m_report->warnings : Findings();
    if (title)
        title->setText(warnings.isEmpty() ? tr("<b>Warnings</b>")
                                          : tr("<b>Warnings (%1)</b>").arg(warnings.size()));
    if (warnings.isEmpty()) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                         m_report ? tr("No warnings.") : QString(), m_warnings);
        item->setFlags(Qt::ItemIsEnabled);
        return;
    }
    for (const Finding &f : warnings) {
        auto *item = new QListWidgetItem(
            style()->standardIcon(f.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning),
            f.location.file.isEmpty() ? f.message : f.toString(), m_warnings);
        const QString target = warningTarget(f);
        item->setData(Qt::UserRole, target);
        item->setToolTip(target.isEmpty()
                             ? f.toDiagnostic()
                             : tr("%1\nDouble-click to select %2").arg(f.toDiagnostic(), target));
    }
}

void InspectorView::activateWarning(QListWidgetItem *item)
{
    const QString target = item ? item->data(Qt::UserRole).toString() : QString();
    if (target.isEmpty())
        return;
    if (!selectPath(target) && !m_filter->text().isEmpty()) {
        m_filter->clear();
        applyFilter();
        selectPath(target);
    }
    m_tree->setFocus();
}

void InspectorView::styleChart()
{
    QChart *chart = m_chartView->chart();
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.brush(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(pal.brush(QPalette::Text));
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->hide();
    m_chartView->setBackgroundBrush(pal.brush(QPalette::Base));
}

void InspectorView::updateChart()
{
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    m_chartPaths.clear();
    styleChart();
    if (!m_report || m_report->apps.empty()) {
        chart->setTitle(m_report ? tr("No applications under lib/") : tr("Size per application"));
        return;
    }

    std::vector<package::InspectedApp> apps = m_report->apps;
    std::stable_sort(apps.begin(), apps.end(),
                     [](const auto &a, const auto &b) { return a.bytes > b.bytes; });
    struct Bar
    {
        QString label;
        QString path;
        qint64 bytes;
        QString tip;
    };
    std::vector<Bar> bars;
    qint64 others = 0;
    int otherCount = 0;
    for (size_t i = 0; i < apps.size(); ++i) {
        const auto &a = apps[i];
        if (int(i) < ChartBars || apps.size() == size_t(ChartBars) + 1) {
            const QString dir = a.vsn.isEmpty() ? a.name : a.name + QLatin1Char('-') + a.vsn;
            bars.push_back({a.name + QStringLiteral("  ") + ArchiveTreeModel::humanSize(a.bytes),
                            QStringLiteral("lib/") + dir, a.bytes,
                            counted(a.modules, QT_TR_N_NOOP("%1 %2: %3, %n module"),
                                    QT_TR_N_NOOP("%1 %2: %3, %n modules"))
                                .arg(a.name, a.vsn, ArchiveTreeModel::humanSize(a.bytes))});
        } else {
            others += a.bytes;
            ++otherCount;
        }
    }
    if (otherCount > 0) {
        bars.push_back({counted(otherCount, QT_TR_N_NOOP("%n other"), QT_TR_N_NOOP("%n others")) +
                            QStringLiteral("  ") + ArchiveTreeModel::humanSize(others),
                        QString(), others,
                        counted(otherCount, QT_TR_N_NOOP("%n other application: %1"),
                                QT_TR_N_NOOP("%n other applications: %1"))
                            .arg(ArchiveTreeModel::humanSize(others))});
    }
    const qint64 largest = bars.front().bytes;
    const bool mib = largest >= 1024 * 1024;
    const double unit = mib ? 1024.0 * 1024.0 : 1024.0;
    const QString unitName = mib ? QStringLiteral("MiB") : QStringLiteral("KiB");

    // Horizontal bars are laid out from the bottom: add the smallest first so the largest is on top.
    auto *set = new QBarSet(tr("Size"));
    QStringList categories;
    QStringList tips;
    for (auto it = bars.rbegin(); it != bars.rend(); ++it) {
        *set << double(it->bytes) / unit;
        categories << it->label;
        m_chartPaths << it->path;
        tips << it->tip;
    }
    const QColor accent = palette().color(QPalette::Highlight);
    set->setColor(accent);
    set->setBorderColor(accent.darker(115));
    set->setLabelColor(palette().color(QPalette::Text));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    chart->setTitle(tr("Size per application (%1)").arg(unitName));

    auto *names = new QBarCategoryAxis;
    names->append(categories);
    names->setLabelsBrush(palette().brush(QPalette::Text));
    names->setGridLineVisible(false);
    // Qt elides a category label to "..." as soon as the bars are closer than its line height,
    // which leaves a chart of anonymous bars in a short pane; whole names that touch read better.
    names->setTruncateLabels(false);
    chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    auto *values = new QValueAxis;
    values->setRange(0, double(largest) / unit);
    values->applyNiceNumbers();
    values->setLabelFormat(QStringLiteral("%.3g"));
    values->setLabelsBrush(palette().brush(QPalette::PlaceholderText));
    values->setGridLineColor(palette().color(QPalette::Midlight));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);

    connect(series, &QHorizontalBarSeries::hovered, this, [this, tips](bool status, int index, QBarSet *) {
        if (status && index >= 0 && index < tips.size())
            QToolTip::showText(QCursor::pos(), tips.at(index), m_chartView);
        else
            QToolTip::hideText();
    });
    connect(series, &QHorizontalBarSeries::clicked, this, [this](int index, QBarSet *) {
        if (index >= 0 && index < m_chartPaths.size() && !m_chartPaths.at(index).isEmpty())
            selectPath(m_chartPaths.at(index));
    });
}

void InspectorView::updateActions()
{
    const bool canExtract =
        m_report && !m_sourceIsDirectory && !m_extracting && m_tree->selectionModel()->hasSelection();
    m_extractAction->setEnabled(canExtract);
    m_extractAction->setToolTip(m_sourceIsDirectory
                                    ? tr("A release directory is already extracted")
                                    : tr("Extract the selected files and folders into a directory "
                                         "(safely: nothing is written outside it)"));
}

void InspectorView::setFilterText(const QString &text)
{
    const QSignalBlocker blocker(m_filter);
    m_filter->setText(text);
    m_filterTimer->stop();
    applyFilter();
}

void InspectorView::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    if (!text.isEmpty() && !m_fetchedAll) {
        // Recursive filtering can only match rows that exist.
        m_model->fetchAll();
        m_fetchedAll = true;
    }
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_tree->expandAll();
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        m_tree->scrollTo(current);
}

bool InspectorView::selectPath(const QString &path)
{
    const QModelIndex source = m_model->indexForPath(path);
    if (!source.isValid())
        return false;
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
    return true;
}

QStringList InspectorView::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows(ArchiveTreeModel::NameColumn))
        paths << m_proxy->data(index, ArchiveTreeModel::PathRole).toString();
    paths.sort();
    return paths;
}

QString InspectorView::previewText() const
{
    return m_preview->toPlainText();
}

void InspectorView::onCurrentChanged(const QModelIndex &current)
{
    if (m_previewCancel)
        *m_previewCancel = true;
    const quint64 generation = ++m_previewGeneration;
    const QModelIndex source = m_proxy->mapToSource(current);
    if (!source.isValid())
        return;
    const QString path = m_model->path(source);
    const archive::ArchiveEntry *entry = m_model->entry(source);
    if (m_model->isDirectory(source) || !entry) {
        showDirectorySummary(path);
        return;
    }
    if (entry->type != archive::EntryType::File) {
        EntryPreview p;
        p.path = path;
        p.kind = PreviewKind::Summary;
        p.size = entry->size;
        switch (entry->type) {
        case archive::EntryType::Symlink:
            p.title = tr("symbolic link");
            p.text = tr("symbolic link to %1\n").arg(entry->linkTarget);
            break;
        case archive::EntryType::Hardlink:
            p.title = tr("hard link");
            p.text = tr("hard link to %1 (the same file)\n").arg(entry->linkTarget);
            break;
        default:
            p.title = tr("special file");
            p.text = tr("a device, fifo or socket (mode %1): extraction refuses it\n")
                         .arg(QString::number(entry->mode, 8));
            break;
        }
        showPreview(p);
        return;
    }
    m_previewTitle->setText(tr("<b>%1</b> &nbsp;·&nbsp; reading…").arg(htmlEscaped(path)));
    m_previewCancel = std::make_shared<std::atomic_bool>(false);
    auto cancelled = m_previewCancel;
    auto *watcher = new QFutureWatcher<EntryPreview>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const EntryPreview preview = watcher->result();
        watcher->deleteLater();
        if (generation == m_previewGeneration)
            showPreview(preview);
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [source = m_source, isDir = m_sourceIsDirectory, e = *entry, cancelled] {
            return inspector::previewMember(source, isDir, e, *cancelled);
        }));
}

// A directory: what is below it, and for lib/APP-VSN what the inspection says of the application.
void InspectorView::showDirectorySummary(const QString &path)
{
    EntryPreview p;
    p.path = path;
    p.kind = PreviewKind::Summary;
    p.title = tr("directory");
    qint64 files = 0;
    qint64 bytes = 0;
    QSet<QString> dirs;
    const QString prefix = path + QLatin1Char('/');
    if (m_report) {
        for (const auto &e : m_report->entries) {
            const QString entryPath = ArchiveTreeModel::normalizedPath(e.path);
            if (!entryPath.startsWith(prefix))
                continue;
            if (e.type == archive::EntryType::Directory)
                dirs.insert(entryPath);
            else
                ++files;
            if (e.type == archive::EntryType::File)
                bytes += e.size;
            const qsizetype slash = entryPath.lastIndexOf(QLatin1Char('/'));
            if (slash > prefix.size())
                dirs.insert(entryPath.left(slash));
        }
    }
    p.size = bytes;
    p.text = counted(files, QT_TR_N_NOOP("%1/\n  %n file"), QT_TR_N_NOOP("%1/\n  %n files")).arg(path);
    p.text += counted(dirs.size(), QT_TR_N_NOOP(", %n folder"), QT_TR_N_NOOP(", %n folders"));
    p.text += QStringLiteral(", %1\n").arg(ArchiveTreeModel::humanSize(bytes));
    if (m_report) {
        const QStringList parts = path.split(QLatin1Char('/'));
        if (parts.size() == 2 && parts[0] == QLatin1String("lib")) {
            for (const auto &app : m_report->apps) {
                const QString dir = app.vsn.isEmpty() ? app.name : app.name + QLatin1Char('-') + app.vsn;
                if (dir != parts[1])
                    continue;
                p.title = tr("application");
                p.text += counted(app.modules, QT_TR_N_NOOP("\napplication %1 %2\n  %n module"),
                                  QT_TR_N_NOOP("\napplication %1 %2\n  %n modules"))
                              .arg(app.name, app.vsn);
                p.text += app.hasAppFile ? tr("\n  ebin/%1.app present\n").arg(app.name)
                                         : tr("\n  no ebin/%1.app: it cannot be loaded\n").arg(app.name);
            }
        } else if (parts.size() == 2 && parts[0] == QLatin1String("releases") &&
                   parts[1] == m_report->relVsn) {
            p.title = tr("release");
            p.text +=
                tr("\nrelease %1 %2, ERTS %3\n").arg(m_report->relName, m_report->relVsn, m_report->ertsVsn);
        }
    }
    showPreview(p);
}

void InspectorView::showPreview(const EntryPreview &p)
{
    m_previewPath = p.path;
    QStringList title;
    title << QStringLiteral("<b>%1</b>").arg(htmlEscaped(p.path));
    if (p.kind != PreviewKind::Summary)
        title << ArchiveTreeModel::humanSize(p.size);
    if (!p.title.isEmpty())
        title << htmlEscaped(p.title);
    m_previewTitle->setText(title.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_previewTitle->setToolTip(p.path);

    const bool highlight =
        (p.kind == PreviewKind::Terms || p.kind == PreviewKind::Beam || p.kind == PreviewKind::VmArgs) &&
        p.text.size() <= MaxHighlightedChars;
    // Detach the highlighter while the text changes, so that it runs once.
    m_highlighter->setDocument(nullptr);
    m_preview->clearMarkers();
    m_preview->setPlainText(p.text);
    if (highlight) {
        m_highlighter->setDialect(p.kind == PreviewKind::VmArgs ? ErlangHighlighter::Dialect::VmArgs
                                                                : ErlangHighlighter::Dialect::Terms);
        m_highlighter->setDocument(m_preview->document());
    }
    if (!p.findings.isEmpty())
        m_preview->setMarkers(p.findings);
    emit previewShown(p.path);
}

void InspectorView::extractSelection(const QString &targetDir)
{
    startExtract(selectedPaths(), targetDir, false);
}

void InspectorView::extractPaths(const QStringList &paths, const QString &targetDir)
{
    startExtract(paths, targetDir, false);
}

void InspectorView::showExtractDialog()
{
    const QStringList paths = selectedPaths();
    if (paths.isEmpty() || !m_report || m_sourceIsDirectory)
        return;
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(
        this,
        counted(paths.size(), QT_TR_N_NOOP("Extract %n item into"), QT_TR_N_NOOP("Extract %n items into")),
        settings.value(QStringLiteral("inspector/extractDir"), QDir::homePath()).toString());
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("inspector/extractDir"), dir);
    startExtract(paths, dir, true);
}

void InspectorView::startExtract(const QStringList &paths, const QString &targetDir, bool interactive)
{
    if (m_sourceIsDirectory || m_source.isEmpty() || paths.isEmpty() || m_extracting) {
        const QString message = m_extracting          ? tr("an extraction is already running")
                                : m_sourceIsDirectory ? tr("a release directory cannot be extracted")
                                                      : tr("nothing selected");
        emit extractFinished(false, message);
        return;
    }
    m_extracting = true;
    updateActions();
    m_status->setText(QString());
    startJob(counted(paths.size(), QT_TR_N_NOOP("Extracting %n item"), QT_TR_N_NOOP("Extracting %n items")));
    m_extractCancel = std::make_shared<std::atomic_bool>(false);
    auto cancelled = m_extractCancel;
    auto post = [this](const jobs::Progress &p) {
        QMetaObject::invokeMethod(
            this,
            [this, p] {
                if (m_extracting)
                    updateJobProgress(p);
            },
            Qt::QueuedConnection);
    };
    auto *watcher = new QFutureWatcher<ExtractOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, targetDir, interactive] {
        const ExtractOutcome outcome = watcher->result();
        watcher->deleteLater();
        finishExtract(outcome, targetDir, interactive);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [source = m_source, targetDir, paths, post, cancelled] {
        ThrottledMonitor monitor(post, cancelled);
        const auto result = archive::extractSafely(source, targetDir, paths, {}, monitor);
        ExtractOutcome outcome;
        if (result) {
            outcome.ok = true;
            outcome.files = result->files;
            outcome.bytes = result->bytes;
        } else {
            outcome.cancelled = cancelled->load() || archive::isCancellation(result.error());
            outcome.error = result.error().toString();
        }
        return outcome;
    }));
}

void InspectorView::finishExtract(const ExtractOutcome &outcome, const QString &targetDir, bool interactive)
{
    m_extracting = false;
    m_extractCancel.reset();
    endJob();
    updateActions();
    QString message;
    if (outcome.ok) {
        message =
            counted(outcome.files, QT_TR_N_NOOP("Extracted %n file"), QT_TR_N_NOOP("Extracted %n files")) +
            tr(" (%1) to %2").arg(ArchiveTreeModel::humanSize(outcome.bytes), targetDir);
        m_status->setStyleSheet(QString());
    } else if (outcome.cancelled) {
        message = tr("Extraction cancelled: nothing was left behind");
        m_status->setStyleSheet(QString());
    } else {
        message = tr("Extraction refused: %1").arg(outcome.error);
        m_status->setStyleSheet(QStringLiteral("color: #d32f2f"));
    }
    m_status->setText(QFontMetrics(m_status->font()).elidedText(message, Qt::ElideMiddle, 520));
    m_status->setToolTip(message);
    if (interactive && !outcome.ok && !outcome.cancelled)
        QMessageBox::warning(this, tr("Extract"), message);
    emit extractFinished(outcome.ok, message);
}

void InspectorView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_extractAction);
    const QString path = m_proxy->data(index, ArchiveTreeModel::PathRole).toString();
    menu.addAction(tr("Copy Path"), this, [path] { QApplication::clipboard()->setText(path); });
    if (m_proxy->hasChildren(index)) {
        menu.addSeparator();
        menu.addAction(tr("Expand All Below"), this, [this, index] {
            m_model->fetchAll();
            m_fetchedAll = true;
            m_tree->expandRecursively(index);
        });
    }
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void InspectorView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chartView)
        updateChart();
}

} // namespace rs::ui
