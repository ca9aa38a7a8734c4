#include "diff/aligned_rows.h"

#include <algorithm>

namespace rs::ui {

namespace {

using diff::DiffLine;

AlignedRow gapRow(int lines)
{
    AlignedRow row;
    row.kind = AlignedRow::Kind::Gap;
    row.gapLines = lines;
    return row;
}

// Pairs the removed and added lines of one change (a run of non-context lines of a hunk).
void appendChange(std::vector<AlignedRow> &rows, const std::vector<const DiffLine *> &removed,
                  const std::vector<const DiffLine *> &added, int hunk)
{
    const std::size_t n = std::max(removed.size(), added.size());
    for (std::size_t i = 0; i < n; ++i) {
        AlignedRow row;
        row.hunk = hunk;
        const DiffLine *old = i < removed.size() ? removed[i] : nullptr;
        const DiffLine *fresh = i < added.size() ? added[i] : nullptr;
        row.kind = old && fresh ? AlignedRow::Kind::Changed
                   : old        ? AlignedRow::Kind::Removed
                                : AlignedRow::Kind::Added;
        if (old) {
            row.oldNumber = old->oldNumber;
            row.oldText = old->text;
            row.oldRanges = old->changed;
        }
        if (fresh) {
            row.newNumber = fresh->newNumber;
            row.newText = fresh->text;
            row.newRanges = fresh->changed;
        }
        rows.push_back(std::move(row));
    }
}

} // namespace

AlignedDiff alignHunks(const diff::TextDiff &diff)
{
    AlignedDiff out;
    int nextOld = 1; // the first old line not shown yet
    for (std::size_t h = 0; h < diff.hunks.size(); ++h) {
        const diff::Hunk &hunk = diff.hunks[h];
        const int firstOld = hunk.oldCount == 0 ? hunk.oldStart + 1 : hunk.oldStart;
        if (firstOld > nextOld)
            out.rows.push_back(gapRow(firstOld - nextOld));
        std::vector<const DiffLine *> removed;
        std::vector<const DiffLine *> added;
        auto flush = [&] {
            if (removed.empty() && added.empty())
                return;
            out.changeStarts.push_back(int(out.rows.size()));
            appendChange(out.rows, removed, added, int(h));
            removed.clear();
            added.clear();
        };
        for (const DiffLine &line : hunk.lines) {
            if (line.kind == DiffLine::Kind::Removed) {
                if (!added.empty()) // a new change: removals after additions
                    flush();
                removed.push_back(&line);
            } else if (line.kind == DiffLine::Kind::Added) {
                added.push_back(&line);
            } else {
                flush();
                AlignedRow row;
                row.hunk = int(h);
                row.oldNumber = line.oldNumber;
                row.newNumber = line.newNumber;
                row.oldText = row.newText = line.text;
                out.rows.push_back(std::move(row));
            }
        }
        flush();
        nextOld = firstOld + hunk.oldCount;
    }
    return out;
}

} // namespace rs::ui
