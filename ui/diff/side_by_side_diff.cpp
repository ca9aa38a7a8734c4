#include "diff/side_by_side_diff.h"

#include "diff/diff_overview.h"
#include "diff/diff_pane.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>

namespace rs::ui {

SideBySideDiff::SideBySideDiff(QWidget *parent)
    : QWidget(parent), m_oldTitle(new QLabel(this)), m_newTitle(new QLabel(this)),
      m_changeLabel(new QLabel(this)), m_oldPane(new DiffPane(DiffPane::Side::Old, this)),
      m_newPane(new DiffPane(DiffPane::Side::New, this)), m_overview(new DiffOverview(this))
{
    m_oldTitle->setObjectName(QStringLiteral("oldTitle"));
    m_newTitle->setObjectName(QStringLiteral("newTitle"));
    m_changeLabel->setObjectName(QStringLiteral("changeLabel"));
    m_oldPane->setObjectName(QStringLiteral("oldPane"));
    m_newPane->setObjectName(QStringLiteral("newPane"));
    for (QLabel *title : {m_oldTitle, m_newTitle}) {
        title->setTextFormat(Qt::PlainText);
        title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    m_changeLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    // The right editor's vertical scroll bar drives both; the overview bar takes its place.
    m_oldPane->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_newPane->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_oldTitle, 0, 0);
    auto *rightHeader = new QHBoxLayout;
    rightHeader->addWidget(m_newTitle, 1);
    rightHeader->addWidget(m_changeLabel);
    layout->addLayout(rightHeader, 0, 1, 1, 2);
    layout->addWidget(m_oldPane, 1, 0);
    layout->addWidget(m_newPane, 1, 1);
    layout->addWidget(m_overview, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);

    syncScrollBars();
    connect(m_overview, &DiffOverview::rowRequested, this, &SideBySideDiff::showRow);
}

// Both editors always show the same rows: whichever scrolls, the other follows.
void SideBySideDiff::syncScrollBars()
{
    auto follow = [](QScrollBar *from, QScrollBar *to) {
        connect(from, &QScrollBar::valueChanged, to, [to](int value) {
            if (to->value() != value)
                to->setValue(value);
        });
    };
    follow(m_oldPane->verticalScrollBar(), m_newPane->verticalScrollBar());
    follow(m_newPane->verticalScrollBar(), m_oldPane->verticalScrollBar());
    follow(m_oldPane->horizontalScrollBar(), m_newPane->horizontalScrollBar());
    follow(m_newPane->horizontalScrollBar(), m_oldPane->horizontalScrollBar());
    auto updateOverview = [this] {
        QScrollBar *bar = m_newPane->verticalScrollBar();
        m_overview->setVisibleRows(bar->value(), bar->pageStep());
    };
    connect(m_newPane->verticalScrollBar(), &QScrollBar::valueChanged, this, updateOverview);
    connect(m_newPane->verticalScrollBar(), &QScrollBar::rangeChanged, this, updateOverview);
}

void SideBySideDiff::setDiff(const diff::TextDiff &diff, const QString &oldTitle, const QString &newTitle,
                             std::optional<ErlangHighlighter::Dialect> highlighting)
{
    m_aligned = alignHunks(diff);
    m_oldTitle->setText(oldTitle);
    m_newTitle->setText(newTitle);
    m_oldTitle->setToolTip(oldTitle);
    m_newTitle->setToolTip(newTitle);
    m_oldPane->setRows(m_aligned.rows, highlighting);
    m_newPane->setRows(m_aligned.rows, highlighting);
    m_overview->setRows(m_aligned.rows);
    m_current = -1;
    if (changeCount() > 0)
        goToChange(0);
    else
        updateChangeLabel();
}

void SideBySideDiff::clear()
{
    setDiff(diff::TextDiff{}, QString(), QString(), std::nullopt);
    m_changeLabel->clear();
}

int SideBySideDiff::currentHunk() const
{
    if (m_current < 0)
        return -1;
    return m_aligned.rows[std::size_t(m_aligned.changeStarts[std::size_t(m_current)])].hunk;
}

int SideBySideDiff::firstVisibleRow() const
{
    return m_newPane->verticalScrollBar()->value();
}

bool SideBySideDiff::nextChange()
{
    if (m_current + 1 >= changeCount())
        return false;
    goToChange(m_current + 1);
    return true;
}

bool SideBySideDiff::previousChange()
{
    if (m_current <= 0)
        return false;
    goToChange(m_current - 1);
    return true;
}

void SideBySideDiff::goToChange(int index)
{
    if (index < 0 || index >= changeCount())
        return;
    m_current = index;
    const int first = m_aligned.changeStarts[std::size_t(index)];
    int last = first;
    while (last + 1 < int(m_aligned.rows.size()) && m_aligned.rows[std::size_t(last + 1)].isChange())
        ++last;
    m_oldPane->setCurrentRows(first, last);
    m_newPane->setCurrentRows(first, last);
    showRow(first);
    updateChangeLabel();
    emit currentChangeChanged(m_current, changeCount());
}

void SideBySideDiff::showRow(int row)
{
    for (DiffPane *pane : {m_newPane, m_oldPane}) {
        QTextCursor cursor(pane->document()->findBlockByNumber(row));
        pane->setTextCursor(cursor);
        pane->centerCursor();
    }
}

void SideBySideDiff::updateChangeLabel()
{
    const int n = changeCount();
    m_changeLabel->setText(n == 0          ? tr("No line changes")
                           : m_current < 0 ? (n == 1 ? tr("1 change") : tr("%1 changes").arg(n))
                                           : tr("Change %1 of %2").arg(m_current + 1).arg(n));
}

} // namespace rs::ui
