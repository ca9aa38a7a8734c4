#pragma once

// The JSON of a release diff: what `relstudio-cli diff --json` prints. The shape is stable:
// fields are only ever added (and "version" then stays 1); a change that would break a reader
// raises "version".
//
// {
//   "format": "relstudio-diff",
//   "version": 1,
//   "same": false,                      // true exactly when the exit status is 0
//   "state": "changed",                 // "same" | "changed"
//   "old": RELEASE, "new": RELEASE,
//   "release": {"name_changed": false, "vsn_changed": true, "erts_changed": false},
//   "summary": {
//     "applications": {"added": 1, "removed": 0, "changed": 2, "same": 5},
//     "modules": {"added": 1, "removed": 0, "changed": 1, "same": 40, "recompiled": 2},
//                                       // of the applications in both releases
//     "files": {"added": 3, "removed": 1, "changed": 4, "same": 220, "equivalent": 2,
//               "mode_changes": 1}
//   },
//   "applications": [APPLICATION...],   // those that are not "same", by name
//   "files": [FILE...],                 // the members that are not "same" and the equivalent ones, by path
//   "ignored": ["*.so"],                // the --ignore globs
//   "warnings": [FINDING...]            // about either release, message starting "old: " or "new: "
// }
//
// RELEASE:
//   {"source": "shop-1.0.0.tar.gz", "format": "POSIX ustar format, gzip" | "directory",
//    "root": "",                        // a top directory all members were under, stripped ("shop/")
//    "name": "shop", "vsn": "1.0.0", "erts": "13.1.5",   // "" when the input has no .rel
//    "rel_file": "releases/shop-1.0.0.rel", "files": 233, "bytes": 8012345}
//
// APPLICATION:
//   {"name": "shop_core", "state": "added" | "removed" | "changed",
//    "old_vsn": "1.0.0", "new_vsn": "1.1.0",          // "" on the side that lacks it
//    "changed_without_version": false,                 // contents differ, version the same
//    "module_counts": {"added": 1, "removed": 0, "changed": 1, "same": 3, "recompiled": 1},
//    "modules": [MODULE...],            // not "same", or recompiled; [] for added/removed applications
//    "app_keys": [TERM_CHANGE...],      // the .app by key: path ["env", "currency"], ["vsn"], ...
//    "files": ["lib/shop_core-1.1.0/priv/prices.csv", ...],   // its other members that differ (FILE paths)
//    "appup": {"status": "not-needed" | "covered" | "missing" | "no-entry" | "incomplete"
//                      | "version-unchanged" | "invalid",
//              "file": "lib/shop_core-1.1.0/ebin/shop_core.appup",  // or the relup that covers it; "" when
//              none "instructions": ["{load_module,shop_cart}", ...],      // the up instructions the change
//                                                                       // needs (upgrade::generateAppup, ~w)
//              "findings": [FINDING...]}}
//
// MODULE:
//   {"name": "shop_cart", "state": "added" | "removed" | "changed" | "same",
//    "recompiled": false,               // bytes differ, code the same (beam_lib:md5)
//    "exports_added": ["discount/2"], "exports_removed": [],
//    "chunks": [{"id": "Code", "state": "changed", "old_size": 812, "new_size": 904}, ...],
//                                       // the .beam chunks that differ ("added" / "removed" / "changed")
//    "note": ""}
//
// FILE:
//   {"path": "releases/1.1.0/sys.config",  // relative to the release root; the new one's, or the old one's
//   if removed
//    "old_path": "releases/1.0.0/sys.config",  // "" unless the old release has it under another name
//    "state": "added" | "removed" | "changed" | "same",
//    "kind": "directory" | "symlink" | "beam" | "app" | "appup" | "rel" | "boot" | "sys.config"
//          | "vm.args" | "relup" | "terms" | "text" | "binary" | "other",
//    "changes": ["type", "mode", "link", "content"],   // what differs (content: the bytes)
//    "equivalent": false,               // bytes differ, meaning the same: the state stays "same"
//    "old": SIDE | null, "new": SIDE | null,
//    "terms": [TERM_CHANGE...],         // .app keys, sys.config key paths, .rel fields and applications
//    "text": TEXT | null,               // line hunks, when the contents were compared as lines
//    "note": ""}                        // why the contents could not be compared in depth
//
// SIDE:
//   {"type": "file" | "directory" | "symlink" | "other", "mode": "0644", "size": 123,
//    "digest": "…64 hex digits…",     // BLAKE2b-256 of a file's contents; "" otherwise
//    "link": ""}                        // a symlink's target
//
// TERM_CHANGE:
//   {"path": ["shop_core", "currency"],  // keys from the top, each as ~tp writes it
//    "state": "added" | "removed" | "changed",
//    "old": "<<\"EUR\">>", "new": "<<\"USD\">>"}    // ~tp on one line; "" on the side that lacks it
//
// TEXT (a .boot and a relup/.appup as one instruction per line, other term files as ~tp):
//   {"added": 1, "removed": 1,          // lines
//    "omitted": "",                     // why there are no hunks though the contents differ:
//                                       // "binary", "larger than 1048576 bytes", "not kept", ...
//    "hunks": [{"old_start": 1, "old_count": 3, "new_start": 1, "new_count": 4,
//               "lines": [{"kind": "context" | "removed" | "added",
//                          "old": 1, "new": 1,          // 1-based line numbers; 0 on the side without the
//                          line "text": "+K true", "changed": [[0, 2]]}]}]}     // [start, length] in code
//                          points: what only
//                                                       // this side has, for paired removed/added lines
//
// FINDING: {"severity": "error" | "warning" | "info", "message": ..., "file": ..., "line": 0, "column": 0}
//   (the shape of every `--json` finding, see common/finding.h)

#include "diff/diff_report.h"

#include <QByteArray>
#include <QJsonObject>

namespace rs::diff {

QJsonObject toJson(const DiffReport &report);
QByteArray toJsonText(const DiffReport &report); // indented, ending with a newline

} // namespace rs::diff
