#pragma once

#include "jobs/progress.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rs::ui {

// The strip a view shows while its background job runs: "Title — current item", a progress bar
// (busy until the first report says how far) and a Cancel button. Hidden when idle.
//
// Object names for tests: jobPanel, jobLabel, jobProgress, cancelButton.
class JobPanel : public QFrame
{
    Q_OBJECT

public:
    explicit JobPanel(QWidget *parent = nullptr);

    void start(const QString &title);
    void update(const jobs::Progress &progress);
    void stop() { hide(); }

signals:
    void cancelRequested();

private:
    QString m_title;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace rs::ui
