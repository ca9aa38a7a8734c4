#include "diff/diff_overview.h"

#include "diff/diff_pane.h"
#include "palette_colors.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace rs::ui {

DiffOverview::DiffOverview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("overviewBar"));
    setFixedWidth(14);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Every change in the file; click to go there"));
}

void DiffOverview::setRows(const std::vector<AlignedRow> &rows)
{
    m_kinds.clear();
    for (const AlignedRow &row : rows)
        m_kinds.push_back(row.kind);
    update();
}

void DiffOverview::setVisibleRows(int first, int count)
{
    m_firstVisible = first;
    m_visibleCount = count;
    update();
}

void DiffOverview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), mix(pal.color(QPalette::Base), pal.color(QPalette::Window), 0.6));
    const int total = int(m_kinds.size());
    if (total == 0)
        return;
    const DiffColours colours = DiffColours::of(pal);
    const qreal perRow = qreal(height()) / total;
    const qreal markHeight = std::max<qreal>(2.0, perRow);
    for (int i = 0; i < total; ++i) {
        const AlignedRow::Kind kind = m_kinds[std::size_t(i)];
        QColor colour;
        switch (kind) {
        case AlignedRow::Kind::Removed:
            colour = colours.removedChars;
            break;
        case AlignedRow::Kind::Added:
            colour = colours.addedChars;
            break;
        case AlignedRow::Kind::Changed:
            colour = colours.changedMark;
            break;
        default:
            continue;
        }
        painter.fillRect(QRectF(2, i * perRow, width() - 4, markHeight), colour);
    }
    if (m_visibleCount > 0 && m_visibleCount < total) {
        painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1));
        painter.drawRect(QRectF(0.5, m_firstVisible * perRow + 0.5, width() - 1.0,
                                std::max<qreal>(4.0, m_visibleCount * perRow) - 1.0));
    }
}

int DiffOverview::rowAt(int y) const
{
    const int total = int(m_kinds.size());
    return total == 0 ? -1 : std::clamp(int(qreal(y) / std::max(1, height()) * total), 0, total - 1);
}

void DiffOverview::mousePressEvent(QMouseEvent *event)
{
    if (const int row = rowAt(event->position().toPoint().y()); row >= 0)
        emit rowRequested(row);
}

void DiffOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        mousePressEvent(event);
}

} // namespace rs::ui
