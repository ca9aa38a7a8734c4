#pragma once

#include "build_job.h"

#include <QDialog>
#include <QElapsedTimer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace rs::ui {

// "Build release…": what to build (a tarball or a target directory) and with what, then a
// progress view (bar, current file, bytes, time left) with Cancel; the window stays responsive.
// On success: Inspect and Show in Folder.
class BuildDialog : public QDialog
{
    Q_OBJECT

public:
    BuildDialog(const QString &relFile, std::shared_ptr<const WorkspaceSnapshot> snapshot,
                QWidget *parent = nullptr);

    // The job of the current build (for tests); null before Build is pressed.
    BuildJob *job() const { return m_job; }
    void setOutput(const QString &path);
    void setTarget(BuildTarget target);
    void startBuild();
    void cancelBuild();

signals:
    // The user wants to look inside what was built.
    void inspectRequested(const QString &path);
    void buildFinished(bool ok);
    // A build began: for the Jobs dock.
    void buildStarted(rs::ui::BuildJob *job, const QString &title);

private:
    QWidget *createFileRow(QLineEdit *edit, const QString &filter, bool directory);
    void showProgress(qint64 done, qint64 total, const QString &current);
    void showResult(const BuildJobResult &result);
    void setRunning(bool running);

    QString m_relFile;
    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    QRadioButton *m_tarball;
    QRadioButton *m_directory;
    QLineEdit *m_output;
    QLineEdit *m_sysConfig;
    QLineEdit *m_vmArgs;
    QLineEdit *m_relup;
    QCheckBox *m_includeErts;
    QCheckBox *m_reproducible;
    QProgressBar *m_bar;
    QLabel *m_current;
    QLabel *m_status;
    QPushButton *m_build;
    QPushButton *m_cancel;
    QPushButton *m_inspect;
    QPushButton *m_showFolder;
    BuildJob *m_job = nullptr;
    QElapsedTimer m_clock;
};

} // namespace rs::ui
