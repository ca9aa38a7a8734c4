#pragma once

#include "common/finding.h"

#include <QPlainTextEdit>
#include <QTextCursor>

namespace rs::ui {

// A plain-text editor for term files: line numbers, current-line highlight, monospace font and
// wavy underlines for findings.
// Where a column (from 1, in code points, as findings count them) starts in a QString (UTF-16).
int offsetForColumn(const QString &text, int column);

class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget *parent = nullptr);

    int lineNumberAreaWidth() const;

    // Line and column count from 1 (columns in code points, as findings count them); out-of-range
    // values are clamped. Moves the cursor, centers it and focuses the editor.
    void goToLine(int line, int column = 1);

    // Underlines each finding's token (or the rest of its line) and shows its message as a tooltip.
    // The underlines follow later edits; call again after replacing the whole text.
    void setMarkers(const QList<rs::Finding> &findings);
    void clearMarkers() { setMarkers({}); }
    // Selections drawn under the current line and the markers (e.g. a diff's line colours).
    void setBaseSelections(QList<QTextEdit::ExtraSelection> selections);
    void setHighlightCurrentLine(bool highlight);
    // The message of the marker under a viewport position, empty if none.
    QString markerToolTipAt(const QPoint &viewportPos) const;

protected:
    // The number shown beside a block (default: its number from 1); empty for none.
    virtual QString lineNumberText(int blockNumber) const;
    // The largest number lineNumberText gives, which sizes the gutter (default: the block count).
    virtual int largestLineNumber() const;
    // A bar at the gutter's left edge beside a block; an invalid colour for none.
    virtual QColor gutterMark(int blockNumber) const
    {
        Q_UNUSED(blockNumber);
        return {};
    }
    // After what the virtuals above return has changed.
    void updateGutter();

    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    friend class LineNumberArea;

    struct Marker
    {
        QTextCursor range;
        rs::Finding finding;
    };

    void paintLineNumbers(QPaintEvent *event);
    void updateViewportMargins();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateTabStops();
    void updateExtraSelections();
    QTextCursor markerRange(const rs::SourceLocation &location) const;

    QWidget *m_lineNumberArea = nullptr;
    QList<Marker> m_markers;
    QList<QTextEdit::ExtraSelection> m_baseSelections;
    bool m_highlightCurrentLine = true;
};

} // namespace rs::ui
