#pragma once

// A release diff as people read it: `relstudio-cli diff` prints these.

#include "diff/diff_report.h"

#include <QString>

namespace rs::diff {

struct TextOptions
{
    int maxLinesPerFile = 40; // hunk lines shown per file before "... N more lines"
    int maxLineWidth = 160;   // longer lines are shown around their first change
};

// "shop 1.0.0 → 1.1.0 · ERTS unchanged · 2 applications changed, 1 added, 5 unchanged"
QString headline(const DiffReport &report);

// The release note: the headline, then each application that changed (versions, modules, .app
// keys, other files, the appup it needs), the release files (sys.config by key path, vm.args and
// .boot by line, ...) and the other members that differ, and the file counts.
QString releaseNote(const DiffReport &report, const TextOptions &options = {});

// The headline and one line per application and file that differs, with counts (like diff --stat).
QString statText(const DiffReport &report);

} // namespace rs::diff
