#pragma once

#include "diff/aligned_rows.h"
#include "erlang_highlighter.h"

#include <optional>

#include <QWidget>

class QLabel;

namespace rs::ui {

class DiffPane;
class DiffOverview;

// A text diff side by side: the old text left, the new right, in two read-only editors that
// scroll together, with the files' own line numbers, removed/added lines and the characters that
// differ within them highlighted, filler where one side has no line, folded unchanged lines, and
// an overview bar of every change (click to go there). nextChange()/previousChange() step
// through the changes (a run of changed lines) and show "Change N of M".
//
// Object names for tests: oldTitle, newTitle, oldPane, newPane, overviewBar, changeLabel.
class SideBySideDiff : public QWidget
{
    Q_OBJECT

public:
    explicit SideBySideDiff(QWidget *parent = nullptr);

    // Shows a diff, both sides highlighted as Erlang terms or vm.args (or not at all). Goes to the
    // first change.
    void setDiff(const diff::TextDiff &diff, const QString &oldTitle, const QString &newTitle,
                 std::optional<ErlangHighlighter::Dialect> highlighting);
    void clear();

    const AlignedDiff &aligned() const { return m_aligned; }
    int changeCount() const { return int(m_aligned.changeStarts.size()); }
    int currentChange() const { return m_current; } // -1 when there is no change
    // The hunk the current change belongs to; -1 when none.
    int currentHunk() const;
    // The first row of the editors' visible area (both show the same rows).
    int firstVisibleRow() const;
    DiffPane *oldPane() const { return m_oldPane; }
    DiffPane *newPane() const { return m_newPane; }

    // False (and nothing moves) when there is no further change in that direction.
    bool nextChange();
    bool previousChange();
    void goToChange(int index);
    // Scrolls both editors so that a row is in the middle.
    void showRow(int row);

signals:
    void currentChangeChanged(int index, int count);

private:
    void syncScrollBars();
    void updateChangeLabel();

    AlignedDiff m_aligned;
    int m_current = -1;
    QLabel *m_oldTitle;
    QLabel *m_newTitle;
    QLabel *m_changeLabel;
    DiffPane *m_oldPane;
    DiffPane *m_newPane;
    DiffOverview *m_overview;
};

} // namespace rs::ui
