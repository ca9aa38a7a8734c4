#include "release_editor.h"

#include "add_application_dialog.h"
#include "code_editor.h"
#include "erlang_highlighter.h"
#include "etf/etf.h"
#include "release_delegate.h"
#include "release_document.h"
#include "release_table_model.h"
#include "term/pretty.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace rs::ui {

namespace {

constexpr int PreviewDelayMs = 250;

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

// Replaces an editor's text without losing where the user was looking.
void setTextKeepingScroll(CodeEditor *editor, const QString &text)
{
    if (editor->toPlainText() == text)
        return;
    const int scroll = editor->verticalScrollBar()->value();
    editor->setPlainText(text);
    editor->verticalScrollBar()->setValue(scroll);
}

// Puts a line in view and the text cursor on it, leaving the keyboard focus where it is.
void showLineWithoutFocus(CodeEditor *editor, int line)
{
    const QTextBlock block = editor->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    const QSignalBlocker block_(editor);
    editor->setTextCursor(QTextCursor(block));
    editor->centerCursor();
}

} // namespace

ReleaseEditor::ReleaseEditor(ReleaseDocument *document, Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_document(document), m_workspace(workspace),
      m_model(new ReleaseTableModel(document, this))
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QSplitter(Qt::Vertical, split);
    left->addWidget(createTablePane());
    m_source = new CodeEditor(left);
    m_source->setObjectName(QStringLiteral("relSource"));
    new ErlangHighlighter(m_source->document());
    left->addWidget(m_source);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    split->addWidget(left);
    split->addWidget(createPreviewPane());
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createHeader());
    layout->addWidget(split, 1);

    m_model->setSnapshot(workspace->snapshot());
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(PreviewDelayMs);
    connect(&m_debounce, &QTimer::timeout, this, &ReleaseEditor::startPreview);
    connect(&m_preview, &QFutureWatcher<script::ScriptPreview>::finished, this, [this] {
        if (m_previewStale) {
            startPreview(); // the text changed while generating: this result is already old
            return;
        }
        showPreview(m_preview.result(), m_previewClock.elapsed());
    });
    connect(workspace, &Workspace::scanned, this, [this] {
        m_model->setSnapshot(m_workspace->snapshot());
        regenerate();
    });
    connect(document, &ReleaseDocument::textChanged, this, &ReleaseEditor::syncFromDocument);
    connect(m_source, &QPlainTextEdit::textChanged, this,
            [this] { m_document->setTextFromEditor(m_source->toPlainText()); });
    connect(m_source, &QPlainTextEdit::cursorPositionChanged, this, &ReleaseEditor::followCursorInPreview);
    connect(m_source->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &ReleaseEditor::followScrollInPreview);
    syncFromDocument(false);
}

QWidget *ReleaseEditor::createHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(6, 6, 6, 0);
    m_name = new QLineEdit(header);
    m_vsn = new QLineEdit(header);
    m_erts = new QLineEdit(header);
    const std::pair<QLineEdit *, QString> fields[] = {
        {m_name, tr("&Release:")}, {m_vsn, tr("&Version:")}, {m_erts, tr("&ERTS:")}};
    int field = 0;
    for (const auto &[edit, label] : fields) {
        auto *l = new QLabel(label, header);
        l->setBuddy(edit);
        row->addWidget(l);
        row->addWidget(edit, field == 0 ? 2 : 1);
        connect(edit, &QLineEdit::editingFinished, this, [this, edit = edit, field] {
            if (edit->isModified())
                m_document->setReleaseField(field, edit->text());
            edit->setModified(false);
        });
        ++field;
    }
    m_name->setObjectName(QStringLiteral("releaseName"));
    m_vsn->setObjectName(QStringLiteral("releaseVsn"));
    m_erts->setObjectName(QStringLiteral("releaseErts"));
    return header;
}

QWidget *ReleaseEditor::createTablePane()
{
    auto *pane = new QWidget(this);
    auto *buttons = new QHBoxLayout;
    QToolButton *add = toolButton(tr("Add…"), tr("Add applications and what they need (Ctrl+Shift+A)"), pane);
    QToolButton *remove = toolButton(tr("Remove"), tr("Remove the selected application (Delete)"), pane);
    QToolButton *up = toolButton(tr("Up"), tr("Move the selected application up (Alt+Up)"), pane);
    QToolButton *down = toolButton(tr("Down"), tr("Move the selected application down (Alt+Down)"), pane);
    add->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    up->setShortcut(QKeySequence(tr("Alt+Up")));
    down->setShortcut(QKeySequence(tr("Alt+Down")));
    for (QToolButton *b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch();
    connect(add, &QToolButton::clicked, this, &ReleaseEditor::addApplications);
    connect(remove, &QToolButton::clicked, this, &ReleaseEditor::removeSelectedApplication);
    connect(up, &QToolButton::clicked, this, [this] { moveSelectedApplication(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveSelectedApplication(1); });

    m_table = new QTableView(pane);
    m_table->setObjectName(QStringLiteral("releaseTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new ReleaseDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setColumnWidth(ReleaseTableModel::Name, 150);
    m_table->setColumnWidth(ReleaseTableModel::Version, 90);
    m_table->setColumnWidth(ReleaseTableModel::StartType, 90);
    m_table->setColumnWidth(ReleaseTableModel::Included, 140);
    auto *removeShortcut = new QAction(m_table);
    removeShortcut->setShortcut(QKeySequence::Delete);
    removeShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QAction::triggered, this, &ReleaseEditor::removeSelectedApplication);
    m_table->addAction(removeShortcut);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const release::RelApp *app = m_model->appAt(current.row())) {
                    showLineWithoutFocus(m_source, app->location.line);
                    scrollPreviewToApplicationAt(app->location.line, true);
                }
            });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    return pane;
}

QWidget *ReleaseEditor::createPreviewPane()
{
    auto *pane = new QWidget(this);
    m_previewTabs = new QTabWidget(pane);
    m_script = new CodeEditor(m_previewTabs);
    m_script->setObjectName(QStringLiteral("scriptPreview"));
    m_script->setReadOnly(true);
    new ErlangHighlighter(m_script->document());
    m_boot = new CodeEditor(m_previewTabs);
    m_boot->setObjectName(QStringLiteral("bootPreview"));
    m_boot->setReadOnly(true);
    new ErlangHighlighter(m_boot->document());
    m_previewTabs->addTab(m_script, tr(".script"));
    m_previewTabs->addTab(m_boot, tr("start.boot (decoded)"));
    m_previewStatus = new QLabel(pane);
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewStatus->setWordWrap(true);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_previewStatus);
    layout->addWidget(m_previewTabs, 1);
    return pane;
}

void ReleaseEditor::syncFromDocument(bool fromEditor)
{
    if (!fromEditor && m_source->toPlainText() != m_document->text()) {
        const QSignalBlocker block(m_source);
        const QTextCursor cursor = m_source->textCursor();
        const int position = cursor.position();
        setTextKeepingScroll(m_source, m_document->text());
        QTextCursor restored = m_source->textCursor();
        restored.setPosition(qMin(position, m_source->document()->characterCount() - 1));
        m_source->setTextCursor(restored);
    }
    const release::ReleaseSpec &spec = m_document->parsed().spec;
    if (m_document->isValid()) {
        for (const auto &[edit, value] :
             {std::pair{m_name, spec.name}, std::pair{m_vsn, spec.vsn}, std::pair{m_erts, spec.ertsVsn}}) {
            if (!edit->hasFocus() && edit->text() != value)
                edit->setText(value);
        }
    }
    m_previewStale = m_preview.isRunning();
    m_debounce.start();
}

void ReleaseEditor::regenerate()
{
    m_debounce.stop();
    startPreview();
}

void ReleaseEditor::startPreview()
{
    if (m_preview.isRunning()) {
        m_previewStale = true;
        return;
    }
    m_previewStale = false;
    m_previewClock.start();
    m_previewStatus->setText(tr("Generating…"));
    const auto snapshot = m_workspace->snapshot();
    const QByteArray text = m_document->text().toUtf8();
    const QString path = m_document->path();
    m_preview.setFuture(QtConcurrent::run([snapshot, text, path] {
        return script::previewScript(text, path, snapshot->index, snapshot->otp ? &*snapshot->otp : nullptr,
                                     snapshot->rules);
    }));
}

void ReleaseEditor::showPreview(const script::ScriptPreview &preview, qint64 millis)
{
    m_findings = preview.findings;
    Findings here;
    for (const Finding &f : m_findings) {
        if (f.location.file == m_document->path())
            here << f;
    }
    m_source->setMarkers(here);
    const qsizetype errors =
        std::count_if(m_findings.begin(), m_findings.end(), [](const Finding &f) { return f.isError(); });
    if (preview.script) {
        setTextKeepingScroll(m_script, QString::fromUtf8(preview.scriptText));
        const auto decoded = etf::decode(preview.bootBytes);
        setTextKeepingScroll(m_boot, decoded ? term::prettyTerm(*decoded) + QStringLiteral(".\n")
                                             : decoded.error().toString());
        m_script->setEnabled(true);
        m_boot->setEnabled(true);
        m_previewStatus->setText(
            tr("Generated in %1 ms: %2.script (%3 bytes), start.boot (%4 bytes), identical to "
               "systools:make_script.")
                .arg(millis)
                .arg(m_document->parsed().spec.name)
                .arg(preview.scriptText.size())
                .arg(preview.bootBytes.size()));
    } else {
        // Never leave an old preview looking current.
        m_script->setEnabled(false);
        m_boot->setEnabled(false);
        const Finding first =
            *std::find_if(m_findings.begin(), m_findings.end(), [](const Finding &f) { return f.isError(); });
        // Singular and plural apart, so that English reads right without a translation.
        m_previewStatus->setText(
            (errors == 1 ? tr("<b>Out of date</b> — 1 error: %1")
                         : tr("<b>Out of date</b> — %n errors, the first: %1", nullptr, int(errors)))
                .arg(first.toString().toHtmlEscaped()));
    }
    emit findingsChanged(m_findings);
    emit previewUpdated();
}

// Scrolls the .script to the section of the application under the cursor in the .rel.
void ReleaseEditor::followCursorInPreview()
{
    scrollPreviewToApplicationAt(m_source->textCursor().blockNumber() + 1, true);
}

// Keeps the .script showing the section of the application at the top of the .rel's view.
void ReleaseEditor::followScrollInPreview()
{
    scrollPreviewToApplicationAt(m_source->cursorForPosition(QPoint(0, 0)).blockNumber() + 1, false);
}

// Scrolls the .script to the section ({path, [.../NAME-VSN/ebin]}, {primLoad, ...}) of the application
// on LINE of the .rel, or (when not exact) of the last application that starts before it.
void ReleaseEditor::scrollPreviewToApplicationAt(int line, bool exact)
{
    const release::RelApp *target = nullptr;
    for (const release::RelApp &app : m_document->parsed().spec.apps) {
        if (app.location.line == line || (!exact && app.location.line <= line))
            target = &app;
    }
    if (!target)
        return;
    const QRegularExpression section(
        QStringLiteral("\\{path,\\[\"[^\"]*/%1-%2/ebin\"\\]\\},\\s*\\{primLoad")
            .arg(QRegularExpression::escape(target->name), QRegularExpression::escape(target->vsn)));
    const auto match = section.match(m_script->toPlainText());
    if (!match.hasMatch())
        return;
    const QTextBlock block = m_script->document()->findBlock(int(match.capturedStart()));
    m_script->verticalScrollBar()->setValue(block.firstLineNumber());
}

void ReleaseEditor::addApplications()
{
    QStringList present;
    for (const release::RelApp &a : m_document->parsed().spec.apps)
        present << a.name;
    AddApplicationDialog dialog(m_workspace->snapshot(), present, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const auto apps = dialog.selectedApplications(&error);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot add"), error);
        return;
    }
    if (!m_document->addApps(apps) && !apps.empty())
        QMessageBox::warning(this, tr("Cannot add"), tr("Fix the errors in the .rel text first."));
}

void ReleaseEditor::removeSelectedApplication()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_document->removeApp(current.row());
}

void ReleaseEditor::moveSelectedApplication(int delta)
{
    const int row = m_table->currentIndex().row();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    if (m_document->moveApp(row, target))
        m_table->selectRow(target);
}

void ReleaseEditor::goTo(int line, int column)
{
    m_source->goToLine(line, column);
}

} // namespace rs::ui
