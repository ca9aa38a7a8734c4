#include "job_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace rs::ui {

JobPanel::JobPanel(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("jobPanel"));
    m_label->setObjectName(QStringLiteral("jobLabel"));
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(320);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_cancel, &QPushButton::clicked, this, &JobPanel::cancelRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 8, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    hide();
}

void JobPanel::start(const QString &title)
{
    m_title = title;
    m_label->setText(title);
    m_progress->setRange(0, 0);
    show();
}

void JobPanel::update(const jobs::Progress &p)
{
    if (p.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp<qint64>(p.done * 1000 / p.total, 0, 1000)));
    } else {
        m_progress->setRange(0, 0);
    }
    if (!p.current.isEmpty())
        m_label->setText(m_title + QStringLiteral(" — ") + p.current);
}

} // namespace rs::ui
