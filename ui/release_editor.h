#pragma once

#include "script/script_preview.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QToolButton;

namespace rs::ui {

class CodeEditor;
class ReleaseDocument;
class ReleaseTableModel;

// The release editor: the applications as a table and the .rel as text (two views of one
// document), and beside them what OTP will boot — the .script and the decoded .boot —
// regenerated off the GUI thread shortly after every edit.
class ReleaseEditor : public QWidget
{
    Q_OBJECT

public:
    ReleaseEditor(ReleaseDocument *document, Workspace *workspace, QWidget *parent = nullptr);

    ReleaseDocument *document() const { return m_document; }
    QTableView *table() const { return m_table; }
    CodeEditor *sourceEditor() const { return m_source; }
    CodeEditor *scriptPreview() const { return m_script; }
    CodeEditor *bootPreview() const { return m_boot; }
    const Findings &findings() const { return m_findings; }

    // Regenerates now (F5); otherwise it happens 250 ms after the last edit.
    void regenerate();
    void addApplications();
    void removeSelectedApplication();
    void moveSelectedApplication(int delta);
    void goTo(int line, int column);

signals:
    // New findings for this document (shown in the Problems dock).
    void findingsChanged(const rs::Findings &findings);
    // The preview is up to date with the text.
    void previewUpdated();

private:
    QWidget *createHeader();
    QWidget *createTablePane();
    QWidget *createPreviewPane();
    void syncFromDocument(bool fromEditor);
    void startPreview();
    void showPreview(const script::ScriptPreview &preview, qint64 millis);
    void followCursorInPreview();
    void followScrollInPreview();
    void scrollPreviewToApplicationAt(int line, bool exact);

    ReleaseDocument *m_document;
    Workspace *m_workspace;
    ReleaseTableModel *m_model;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_vsn = nullptr;
    QLineEdit *m_erts = nullptr;
    QTableView *m_table = nullptr;
    CodeEditor *m_source = nullptr;
    CodeEditor *m_script = nullptr;
    CodeEditor *m_boot = nullptr;
    QTabWidget *m_previewTabs = nullptr;
    QLabel *m_previewStatus = nullptr;
    QTimer m_debounce;
    QElapsedTimer m_previewClock;
    QFutureWatcher<script::ScriptPreview> m_preview;
    bool m_previewStale = false;
    Findings m_findings;
};

} // namespace rs::ui
