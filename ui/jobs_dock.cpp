#include "jobs_dock.h"

#include <QHeaderView>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeWidget>

namespace rs::ui {

namespace {
enum Column { Title, Progress, Cancel };
}

JobsDock::JobsDock(QWidget *parent) : QDockWidget(tr("Jobs"), parent), m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("jobsDock"));
    m_list->setObjectName(QStringLiteral("jobsList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Job"), tr("Progress"), QString()});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(Progress, QHeaderView::Fixed);
    m_list->header()->setSectionResizeMode(Cancel, QHeaderView::ResizeToContents);
    m_list->header()->resizeSection(Progress, 220);
    m_list->header()->setStretchLastSection(false);
    setWidget(m_list);
    updateTitle();
}

int JobsDock::addJob(const QString &title, std::function<void()> cancel)
{
    const int id = m_nextId++;
    auto *item = new QTreeWidgetItem(m_list, {title});
    item->setToolTip(Title, title);
    auto *bar = new QProgressBar(m_list);
    bar->setRange(0, 0); // busy until the first progress report
    bar->setTextVisible(true);
    m_list->setItemWidget(item, Progress, bar);
    if (cancel) {
        auto *button = new QToolButton(m_list);
        button->setText(tr("Cancel"));
        button->setObjectName(QStringLiteral("cancelJob%1").arg(id));
        connect(button, &QToolButton::clicked, this, [button, cancel] {
            button->setEnabled(false);
            cancel();
        });
        m_list->setItemWidget(item, Cancel, button);
    }
    m_items.insert(id, item);
    updateTitle();
    return id;
}

void JobsDock::updateJob(int id, qint64 done, qint64 total, const QString &current)
{
    QTreeWidgetItem *item = m_items.value(id);
    if (!item)
        return;
    auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(item, Progress));
    if (bar && total > 0) {
        bar->setRange(0, 1000);
        bar->setValue(int(1000 * done / total));
    }
    if (!current.isEmpty())
        item->setToolTip(Title, current);
}

void JobsDock::finishJob(int id)
{
    delete m_items.take(id);
    updateTitle();
}

QStringList JobsDock::jobTitles() const
{
    QStringList titles;
    for (const QTreeWidgetItem *item : m_items)
        titles << item->text(Title);
    titles.sort();
    return titles;
}

void JobsDock::updateTitle()
{
    setWindowTitle(m_items.isEmpty() ? tr("Jobs") : tr("Jobs (%1 running)").arg(m_items.size()));
}

} // namespace rs::ui
