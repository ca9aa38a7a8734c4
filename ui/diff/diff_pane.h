#pragma once

#include "code_editor.h"
#include "diff/aligned_rows.h"
#include "erlang_highlighter.h"

#include <optional>

#include <vector>

namespace rs::ui {

// One side of a SideBySideDiff: a read-only CodeEditor showing one row per AlignedRow, numbered
// with that side's own line numbers (none for filler and folded rows), coloured by what the row
// is, with the current change marked in the gutter.
class DiffPane : public CodeEditor
{
    Q_OBJECT

public:
    enum class Side { Old, New };

    DiffPane(Side side, QWidget *parent = nullptr);

    // highlighting: how to colour the text (none for plain text).
    void setRows(const std::vector<AlignedRow> &rows, std::optional<ErlangHighlighter::Dialect> highlighting);
    // Marks rows [first, last] as the current change (first -1: none).
    void setCurrentRows(int first, int last);
    int rowCount() const { return int(m_numbers.size()); }

protected:
    QString lineNumberText(int blockNumber) const override;
    int largestLineNumber() const override;
    QColor gutterMark(int blockNumber) const override;
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Side m_side;
    std::vector<int> m_numbers;
    std::vector<AlignedRow::Kind> m_kinds;
    std::vector<std::vector<diff::CharRange>> m_ranges;
    int m_largest = 0;
    int m_currentFirst = -1;
    int m_currentLast = -1;
    ErlangHighlighter *m_highlighter = nullptr;
};

// The colours of diff rows, for the current palette (light or dark).
struct DiffColours
{
    QColor removedLine, removedChars, addedLine, addedChars, filler, gap, gapText, current, changedMark;
    static DiffColours of(const QPalette &palette);
};

} // namespace rs::ui
