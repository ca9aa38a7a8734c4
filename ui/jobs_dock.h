#pragma once

#include <QDockWidget>
#include <QHash>

#include <functional>

class QTreeWidget;
class QTreeWidgetItem;

namespace rs::ui {

// Every long job that is running — scans, builds, inspections, diffs — with its progress and a
// Cancel button (for the jobs that can stop).
class JobsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit JobsDock(QWidget *parent = nullptr);

    // Shows a job; cancel may be empty when the job cannot stop. Returns its id.
    int addJob(const QString &title, std::function<void()> cancel = {});
    void updateJob(int id, qint64 done, qint64 total, const QString &current = QString());
    void finishJob(int id);
    int runningJobs() const { return int(m_items.size()); }
    QStringList jobTitles() const;

private:
    void updateTitle();

    QTreeWidget *m_list;
    QHash<int, QTreeWidgetItem *> m_items;
    int m_nextId = 1;
};

} // namespace rs::ui
