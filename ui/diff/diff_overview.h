#pragma once

#include "diff/aligned_rows.h"

#include <QWidget>

#include <vector>

namespace rs::ui {

// A thin bar beside a SideBySideDiff: every changed row as a mark at its place in the whole
// diff, the visible part as a frame; clicking or dragging asks to show that row.
class DiffOverview : public QWidget
{
    Q_OBJECT

public:
    explicit DiffOverview(QWidget *parent = nullptr);

    void setRows(const std::vector<AlignedRow> &rows);
    void setVisibleRows(int first, int count);
    QSize sizeHint() const override { return {14, 100}; }

signals:
    void rowRequested(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    int rowAt(int y) const;

    std::vector<AlignedRow::Kind> m_kinds;
    int m_firstVisible = 0;
    int m_visibleCount = 0;
};

} // namespace rs::ui
