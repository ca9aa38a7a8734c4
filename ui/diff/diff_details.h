#pragma once

#include "diff/diff_report.h"

#include <QString>

namespace rs::ui {

struct DiffNode;

// The detail pane's texts for an item of the diff tree, as HTML: a title (what it is, its
// state and the counts that matter) and, for items that are not shown side by side, a body.
namespace details {

QString title(const DiffNode &node);
// A group (release, ERTS, other files): its changed members and, for the release, the warnings.
QString groupBody(const DiffNode &node, const diff::DiffReport &report);
// An application: versions, modules by state, .app keys, other files, and the appup check.
QString applicationBody(const diff::AppDiff &app);
// A module: exports added and removed, its .beam chunk by chunk.
QString moduleBody(const diff::ModuleDiff &module, const diff::FileDiff *file);
// A file without line hunks: type, mode, sizes, digests, why the contents are not compared.
QString fileBody(const diff::FileDiff &file);

} // namespace details
} // namespace rs::ui
