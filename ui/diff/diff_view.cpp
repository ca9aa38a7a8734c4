#include "diff/diff_view.h"

#include "archive/archive_reader.h"
#include "common/atomic_file.h"
#include "diff/diff_details.h"
#include "diff/diff_json.h"
#include "diff/diff_text.h"
#include "diff/diff_tree_model.h"
#include "diff/side_by_side_diff.h"
#include "diff/text_diff.h"
#include "job_panel.h"
#include "throttled_monitor.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rs::ui {

namespace {

using diff::FileKind;
using diff::State;

constexpr int ContextLines = 5; // around each change in the side-by-side view
const QString IgnoreSetting = QStringLiteral("diff/ignore");

// How a member's text is coloured in the side-by-side view.
std::optional<ErlangHighlighter::Dialect> highlightingOf(FileKind kind)
{
    switch (kind) {
    case FileKind::AppFile:
    case FileKind::Appup:
    case FileKind::Rel:
    case FileKind::Boot:
    case FileKind::SysConfig:
    case FileKind::Relup:
    case FileKind::TermFile:
        return ErlangHighlighter::Dialect::Terms;
    case FileKind::VmArgs:
        return ErlangHighlighter::Dialect::VmArgs;
    default:
        return std::nullopt;
    }
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

struct DiffView::Outcome
{
    std::shared_ptr<const diff::DiffReport> report;
    std::shared_ptr<DiffNode> tree;
    bool cancelled = false;
    Finding error;
};

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(1); // the engine runs its own two reader threads
    buildUi();
    setIgnorePatterns(QSettings().value(IgnoreSetting).toStringList());
}

DiffView::~DiffView()
{
    cancel();
    m_pool.waitForDone();
}

void DiffView::buildUi()
{
    m_jobPanel = new JobPanel(this);
    connect(m_jobPanel, &JobPanel::cancelRequested, this, &DiffView::cancel);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_saveReport = new QPushButton(tr("&Save Report…"), this);
    m_saveReport->setObjectName(QStringLiteral("saveReportButton"));
    m_saveReport->setToolTip(
        tr("The release note (text) or the JSON report of this comparison, as relstudio-cli "
           "diff writes them"));
    m_saveReport->setEnabled(false);
    connect(m_saveReport, &QPushButton::clicked, this, &DiffView::showSaveReportDialog);

    m_hideUnchanged = new QCheckBox(tr("&Hide unchanged"), this);
    m_hideUnchanged->setObjectName(QStringLiteral("hideUnchangedBox"));
    m_ignore = new QLineEdit(this);
    m_ignore->setObjectName(QStringLiteral("ignoreEdit"));
    m_ignore->setPlaceholderText(tr("Ignore globs, e.g. *.so priv/** (Enter compares again)"));
    m_ignore->setClearButtonEnabled(true);
    m_ignore->setToolTip(tr("Members left out of the comparison, as relstudio-cli diff --ignore takes them: "
                            "'*' and '?' within a path component, '**' across components; a glob "
                            "without '/' also matches any component."));
    connect(m_ignore, &QLineEdit::returnPressed, this, [this] {
        QSettings().setValue(IgnoreSetting, ignorePatterns());
        refresh();
    });

    m_model = new DiffTreeModel(this);
    m_filter = new DiffTreeFilter(this);
    m_filter->setSourceModel(m_model);
    connect(m_hideUnchanged, &QCheckBox::toggled, this, &DiffView::setHideUnchanged);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(DiffTreeModel::NameColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(DiffTreeModel::NameColumn, 230);
    m_tree->setColumnWidth(DiffTreeModel::StateColumn, 80);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showCurrent(m_filter->mapToSource(current)); });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *options = new QHBoxLayout;
    options->addWidget(m_hideUnchanged);
    options->addWidget(m_ignore, 1);
    leftLayout->addLayout(options);
    leftLayout->addWidget(m_tree, 1);

    m_detailTitle = new QLabel(this);
    m_detailTitle->setObjectName(QStringLiteral("detailTitle"));
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sideBySide = new SideBySideDiff(this);
    m_sideBySide->setObjectName(QStringLiteral("sideBySide"));
    m_detailBrowser = new QTextBrowser(this);
    m_detailBrowser->setObjectName(QStringLiteral("detailBrowser"));
    m_detailStack = new QStackedWidget(this);
    m_detailStack->setObjectName(QStringLiteral("detailStack"));
    m_detailStack->addWidget(m_detailBrowser);
    m_detailStack->addWidget(m_sideBySide);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detailTitle);
    rightLayout->addWidget(m_detailStack, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({440, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_jobPanel);
    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_saveReport, 0, Qt::AlignTop);
    layout->addLayout(header);
    layout->addWidget(m_splitter, 1);

    auto *next = new QAction(tr("Next Change"), this);
    next->setObjectName(QStringLiteral("nextChangeAction"));
    next->setShortcut(QKeySequence(Qt::Key_F7));
    next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QAction::triggered, this, &DiffView::nextChange);
    auto *previous = new QAction(tr("Previous Change"), this);
    previous->setObjectName(QStringLiteral("previousChangeAction"));
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    previous->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QAction::triggered, this, &DiffView::previousChange);
    addAction(next);
    addAction(previous);

    updateSummary();
}

void DiffView::compare(const QString &oldPath, const QString &newPath)
{
    m_oldPath = oldPath;
    m_newPath = newPath;
    start();
}

void DiffView::refresh()
{
    if (!m_oldPath.isEmpty())
        start();
}

void DiffView::start()
{
    cancel();
    if (m_running) {
        m_running = false; // the comparison this one replaces: its result is ignored
        emit jobFinished();
    }
    m_running = true;
    const QString title =
        tr("Comparing %1 with %2").arg(QFileInfo(m_oldPath).fileName(), QFileInfo(m_newPath).fileName());
    m_jobPanel->start(title);
    emit jobStarted(title);
    updateSummary();

    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto post = [this, generation](const jobs::Progress &p) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, p] {
                if (generation != m_generation || !m_running)
                    return;
                m_jobPanel->update(p);
                emit jobProgress(p.done, p.total, p.current);
            },
            Qt::QueuedConnection);
    };
    diff::DiffOptions options;
    options.ignore = ignorePatterns();
    options.text.context = ContextLines;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation == m_generation)
            finish(outcome);
    });
    watcher->setFuture(QtConcurrent::run(
        &m_pool, [oldPath = m_oldPath, newPath = m_newPath, options, post, cancelled = m_cancel] {
            ThrottledMonitor monitor(post, cancelled);
            auto report = diff::diffReleases(oldPath, newPath, options, monitor);
            Outcome outcome;
            if (report) {
                outcome.report = std::make_shared<const diff::DiffReport>(std::move(report).value());
                outcome.tree = buildDiffTree(*outcome.report);
            } else if (cancelled->load() || archive::isCancellation(report.error())) {
                outcome.cancelled = true;
            } else {
                outcome.error = report.error();
            }
            return outcome;
        }));
}

void DiffView::finish(const Outcome &outcome)
{
    m_running = false;
    m_cancel.reset();
    m_jobPanel->stop();
    emit jobFinished();
    if (!outcome.report) {
        const QString message = outcome.cancelled ? tr("cancelled") : outcome.error.toString();
        // Nothing of an earlier comparison stays on screen under this error.
        m_report.reset();
        m_model->clear();
        m_saveReport->setEnabled(false);
        showCurrent({});
        m_summary->setText(QStringLiteral("<span style='color:#d32f2f'>%1</span>")
                               .arg(escaped(tr("Cannot compare: %1").arg(message))));
        emit failed(message);
        return;
    }
    const QString previousKey = currentKey();
    m_report = outcome.report;
    m_saveReport->setEnabled(true);
    m_model->setTree(m_report, outcome.tree);
    // Applications that changed open; unchanged ones stay folded.
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (index.data(DiffTreeModel::StateRole).toInt() != int(State::Same))
            m_tree->expand(index);
    }
    updateSummary();
    // Where the user was; else the first change (nothing to show when the releases are the same).
    if ((previousKey.isEmpty() || !selectKey(previousKey)) && !moveToChangedItem(+1))
        showCurrent({});
    emit finished();
}

QString DiffView::saveReport(const QString &path) const
{
    if (!m_report)
        return tr("there is no comparison to save");
    const QByteArray bytes = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                                 ? diff::toJsonText(*m_report)
                                 : diff::releaseNote(*m_report).toUtf8();
    const auto written = writeFileAtomically(path, bytes);
    return written ? QString() : written.error().toString();
}

void DiffView::showSaveReportDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Report"), QFileInfo(m_newPath).completeBaseName() + QStringLiteral("-diff.txt"),
        tr("Release note (*.txt *.md);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveReport(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Save Report"), tr("Cannot save %1: %2").arg(path, error));
}

void DiffView::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

void DiffView::setIgnorePatterns(const QStringList &globs)
{
    m_ignore->setText(globs.join(QLatin1Char(' ')));
}

QStringList DiffView::ignorePatterns() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return m_ignore->text().split(separators, Qt::SkipEmptyParts);
}

void DiffView::setHideUnchanged(bool hide)
{
    m_hideUnchanged->setChecked(hide);
    m_filter->setHideUnchanged(hide);
    if (hide)
        m_tree->expandAll();
}

bool DiffView::hidesUnchanged() const
{
    return m_filter->hidesUnchanged();
}

QString DiffView::summaryText() const
{
    return m_summary->text();
}

void DiffView::updateSummary()
{
    if (!m_report) {
        m_summary->setText(m_running
                               ? tr("<i>Comparing…</i>")
                               : tr("<i>Choose two releases (directories or tarballs) to compare.</i>"));
        return;
    }
    const diff::DiffSummary s = m_report->summary();
    QStringList modules;
    QStringList files;
    const auto counts = [](QStringList &out, int added, int removed, int changed, int same) {
        if (changed)
            out << tr("%1 changed").arg(changed);
        if (added)
            out << tr("%1 added").arg(added);
        if (removed)
            out << tr("%1 removed").arg(removed);
        out << tr("%1 same").arg(same);
    };
    counts(modules, s.modulesAdded, s.modulesRemoved, s.modulesChanged, s.modulesSame);
    counts(files, s.filesAdded, s.filesRemoved, s.filesChanged, s.filesSame);
    if (s.modulesRecompiled)
        modules << tr("%1 recompiled with the same code").arg(s.modulesRecompiled);
    m_summary->setText(QStringLiteral("<b>%1</b><br>%2 · %3")
                           .arg(escaped(diff::headline(*m_report)),
                                escaped(tr("modules: %1").arg(modules.join(QStringLiteral(", ")))),
                                escaped(tr("files: %1").arg(files.join(QStringLiteral(", "))))));
}

bool DiffView::selectKey(const QString &key)
{
    const QModelIndex proxy = m_filter->mapFromSource(m_model->indexOfKey(key));
    if (!proxy.isValid())
        return false;
    m_tree->scrollTo(proxy);
    m_tree->setCurrentIndex(proxy);
    return true;
}

QString DiffView::currentKey() const
{
    return m_tree->currentIndex().data(DiffTreeModel::KeyRole).toString();
}

QString DiffView::detailText() const
{
    const QString body =
        m_detailStack->currentWidget() == m_detailBrowser ? m_detailBrowser->toPlainText() : QString();
    QTextDocument title;
    title.setHtml(m_detailTitle->text());
    return title.toPlainText() + QLatin1Char('\n') + body;
}

void DiffView::nextChange()
{
    if (m_detailStack->currentWidget() == m_sideBySide && m_sideBySide->nextChange())
        return;
    moveToChangedItem(+1);
}

void DiffView::previousChange()
{
    if (m_detailStack->currentWidget() == m_sideBySide && m_sideBySide->previousChange())
        return;
    if (moveToChangedItem(-1) && m_detailStack->currentWidget() == m_sideBySide)
        m_sideBySide->goToChange(m_sideBySide->changeCount() - 1);
}

// Selects the next (or previous) module or file that changed, in the tree's order.
bool DiffView::moveToChangedItem(int direction)
{
    std::vector<QModelIndex> order; // every visible item, depth first
    std::vector<QModelIndex> stack;
    for (int row = m_filter->rowCount() - 1; row >= 0; --row)
        stack.push_back(m_filter->index(row, 0));
    while (!stack.empty()) {
        const QModelIndex index = stack.back();
        stack.pop_back();
        order.push_back(index);
        for (int row = m_filter->rowCount(index) - 1; row >= 0; --row)
            stack.push_back(m_filter->index(row, 0, index));
    }
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const auto at = std::find(order.begin(), order.end(), current);
    int i = at == order.end() ? (direction > 0 ? -1 : int(order.size())) : int(at - order.begin());
    for (i += direction; i >= 0 && i < int(order.size()); i += direction) {
        const DiffNode *n = m_model->node(m_filter->mapToSource(order[std::size_t(i)]));
        if (n && (n->kind == DiffNode::Kind::File || n->kind == DiffNode::Kind::Module) &&
            n->state != State::Same) {
            m_tree->scrollTo(order[std::size_t(i)]);
            m_tree->setCurrentIndex(order[std::size_t(i)]);
            return true;
        }
    }
    return false;
}

void DiffView::showCurrent(const QModelIndex &index)
{
    const DiffNode *node = m_model->node(index);
    const auto showBody = [this](const QString &html) {
        m_detailBrowser->setHtml(html);
        m_detailStack->setCurrentWidget(m_detailBrowser);
    };
    if (!node || !m_report) {
        m_detailTitle->setText(!m_report ? QString()
                               : m_report->same()
                                   ? tr("<i>The two releases are the same.</i>")
                                   : tr("<i>Select an application, module or file. F7 goes to the next "
                                        "change.</i>"));
        showBody(QString());
        return;
    }
    m_detailTitle->setText(details::title(*node));
    switch (node->kind) {
    case DiffNode::Kind::Group:
        showBody(details::groupBody(*node, *m_report));
        return;
    case DiffNode::Kind::Application: {
        const diff::AppupCheck &check = node->app->appup;
        if (node->app->state == State::Changed && !check.neededText.isEmpty()) {
            diff::TextDiffOptions whole;
            whole.context = 1'000'000; // appups are short: all of both, not just around the changes
            const diff::TextDiff d = diff::diffText(check.neededText, check.shippedText, whole);
            if (!d.hunks.empty()) {
                m_sideBySide->setDiff(d, tr("Needed by the change (generated)"),
                                      check.shippedText.isEmpty() ? tr("Shipped: none")
                                                                  : tr("Shipped: %1").arg(check.file),
                                      ErlangHighlighter::Dialect::Terms);
                m_detailStack->setCurrentWidget(m_sideBySide);
                return;
            }
        }
        showBody(details::applicationBody(*node->app));
        return;
    }
    case DiffNode::Kind::Module:
        if (node->module) {
            showBody(details::moduleBody(*node->module, node->file));
            return;
        }
        break;
    case DiffNode::Kind::File:
        break;
    }
    const diff::FileDiff &file = *node->file;
    if (file.text.hunks.empty()) {
        showBody(details::fileBody(file));
        return;
    }
    m_sideBySide->setDiff(file.text, file.oldPath.isEmpty() ? file.path : file.oldPath, file.path,
                          highlightingOf(file.kind));
    m_detailStack->setCurrentWidget(m_sideBySide);
}

} // namespace rs::ui
