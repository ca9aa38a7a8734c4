#pragma once

// Line hunks with intra-line ranges, computed with dtl (the diff template library of libdtl-dev,
// Wu-Manber-Myers-Miller O(NP)): lines are interned to integers and diffed, then each removed line
// that pairs with an added line (the i-th of each in a change) is diffed word by word (runs of
// letters, digits and '_', and single other characters); the ranges are in code points.

#include "diff/diff_report.h"

#include <QByteArrayView>
#include <QStringList>

namespace rs::diff {

struct TextDiffOptions
{
    int context = 3; // lines of context around each change, as diff -u
    // Past this (lines left after the common head and tail are taken off, times a lower bound of
    // the edit distance), the change is given as one hunk that replaces the old lines by the new
    // ones instead of being searched for a shortest script.
    qint64 maxWork = 200'000'000;
    // Lines longer than this (code points) get one range: what lies between their common head and tail.
    int maxIntraLine = 10'000;
};

// The lines of a text: split at '\n', a '\r' before it dropped; no last empty line for a final '\n'.
QStringList splitLines(QStringView text);

TextDiff diffLines(const QStringList &oldLines, const QStringList &newLines,
                   const TextDiffOptions &options = {});
TextDiff diffText(QStringView oldText, QStringView newText, const TextDiffOptions &options = {});

// Both UTF-8 without NUL bytes?
bool looksLikeText(QByteArrayView bytes);

// Unified diff text of hunks ("@@ -1,3 +1,3 @@" then " ", "-", "+" lines), for the CLI and tests.
QString unifiedText(const TextDiff &diff, const QString &oldName = QString(),
                    const QString &newName = QString());

} // namespace rs::diff
