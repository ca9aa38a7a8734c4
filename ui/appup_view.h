#pragma once

#include "release/rel_spec.h"
#include "upgrade/upgrade_preview.h"
#include "workspace.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;

namespace rs::ui {

class CodeEditor;

// Appup and relup side by side: choose an application of the release and two of its versions;
// the generated appup (editable) is on the left, the relup it gives the release on the right,
// regenerated off the GUI thread as the appup is edited, with lint findings at their lines.
class AppupView : public QWidget
{
    Q_OBJECT

public:
    AppupView(const release::ReleaseSpec &release, Workspace *workspace, QWidget *parent = nullptr);

    CodeEditor *appupEditor() const { return m_appup; }
    CodeEditor *relupPreview() const { return m_relup; }
    const Findings &findings() const { return m_findings; }
    // Chooses an application and versions, and generates its appup.
    bool choose(const QString &app, const QString &fromVsn, const QString &toVsn);
    bool saveAppup(const QString &path, QString *error);

signals:
    void findingsChanged(const rs::Findings &findings);
    void relupUpdated();

private:
    void fillApplications();
    void fillVersions();
    void generate();
    void startPreview();
    QString appupFileName() const;

    release::ReleaseSpec m_release;
    Workspace *m_workspace;
    QComboBox *m_app;
    QComboBox *m_from;
    QComboBox *m_to;
    CodeEditor *m_appup;
    CodeEditor *m_relup;
    QLabel *m_status;
    QTimer m_debounce;
    QFutureWatcher<upgrade::UpgradePreview> m_preview;
    bool m_stale = false;
    Findings m_findings;
};

} // namespace rs::ui
