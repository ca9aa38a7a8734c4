#pragma once

#include "diff/diff_report.h"

#include <QString>

#include <vector>

namespace rs::ui {

// The hunks of a text diff laid out for two editors side by side: one row per screen line, the
// same number of rows on both sides. A removed line pairs with the added line in the same
// position of its change (both sides filled, intra-line ranges on each); the longer side of a
// change gets filler rows on the other side; the lines before and between hunks are folded into
// one gap row each (the lines after the last hunk are not known, so not shown).
struct AlignedRow
{
    enum class Kind : quint8 {
        Context, // the same line on both sides
        Changed, // a removed line (left) paired with an added line (right)
        Removed, // a line only on the left; filler on the right
        Added,   // a line only on the right; filler on the left
        Gap,     // unchanged lines not shown ("⋯ 12 unchanged lines")
    };
    Kind kind = Kind::Context;
    int oldNumber = 0; // 1-based line numbers; 0 where the side has no line
    int newNumber = 0;
    QString oldText;
    QString newText;
    std::vector<diff::CharRange> oldRanges;
    std::vector<diff::CharRange> newRanges;
    int hunk = -1;    // the hunk the row belongs to; -1 for gaps
    int gapLines = 0; // of a gap row: how many lines it stands for

    bool isChange() const { return kind == Kind::Changed || kind == Kind::Removed || kind == Kind::Added; }
    bool hasOld() const { return kind != Kind::Added && kind != Kind::Gap; }
    bool hasNew() const { return kind != Kind::Removed && kind != Kind::Gap; }
};

struct AlignedDiff
{
    std::vector<AlignedRow> rows;
    // The first row of each change: a run of consecutive change rows (F7 stops there).
    std::vector<int> changeStarts;
};

AlignedDiff alignHunks(const diff::TextDiff &diff);

} // namespace rs::ui
