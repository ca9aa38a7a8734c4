#pragma once

// The release diff engine: what changed between two releases, each a directory or an archive
// (tar, tar.gz/bz2/xz/zst, zip), in any mix.
//
// How it reads: both inputs are streamed at once, each in its own thread (QtConcurrent), and every
// file is hashed (BLAKE2b-256) as it is read; nothing is extracted. Contents are kept only while a
// report may need them: a member whose digest equals its counterpart's in the other release is
// dropped as soon as both have been read. Text bodies are kept up to DiffOptions::maxTextBytes,
// .beam files up to beam::MaxBeamSize, release files (releases/, .appup) always (up to 16 MiB). When
// kept contents pass DiffOptions::keepBudget on one side, further .beam files are read into
// beam::BeamInfo at once and further text bodies are dropped (their entries say "not kept").
//
// How it pairs: members are paired by path, where lib/APP-VSN/ (APP's version in that release's
// .rel), erts-VSN/, releases/RELVSN/ and the release's .rel file name stand for themselves whatever
// the version, so a version bump shows as a changed application, not as 100 files removed and 100
// added. Directories that one release lists and the other only implies (tar files without
// directory entries) are not compared. Modification times, owners and groups are not compared.
//
// What it reports: see diff_report.h and, for the JSON shape, diff_json.h.

#include "beam/beam_info.h"
#include "common/expected.h"
#include "diff/diff_report.h"
#include "diff/text_diff.h"
#include "jobs/progress.h"
#include "upgrade/appup.h"
#include "upgrade/appup_generator.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace rs::diff {

// An application in both releases, in other versions, handed to an AppupAdvisor.
struct AppChange
{
    QString app;
    QString oldVsn;
    QString newVsn;
    QStringList addedModules; // by .beam file, sorted
    QStringList removedModules;
    QStringList changedModules; // by code
    // Both versions as the appup generator and lint take them: the .app and a BeamInfo per module
    // it lists that the release has. Modules whose .beam is byte for byte the same in both
    // releases are not read: their BeamInfo holds only the module name and, as md5, the first 16
    // bytes of the file digest (equal on both sides, so beam::sameCode says "same").
    // Empty when the .app of that version is missing or does not read.
    std::optional<upgrade::AppVersion> oldVersion;
    std::optional<upgrade::AppVersion> newVersion;
    std::optional<upgrade::Appup> appup; // the new release's .appup, when it has one that reads
    QString appupFile;                   // its path in the new release; empty when there is none
    std::optional<Finding> appupError;   // why the .appup does not read
    // Release packages (systools:make_tar) carry no .appup files but the relup made from them:
    // the new release's releases/VSN/relup, when it reads, and the old release's version.
    std::optional<term::Term> relup;
    QString relupFile;
    QString oldReleaseVsn;
};

// Decides AppupCheck for an application that is in both releases in other versions.
using AppupAdvisor = std::function<AppupCheck(const AppChange &)>;

// The built-in advisor, on upgrade::generateAppup and upgrade::lintAppup:
//  - instructions: the up instructions of the generated .appup (~w each);
//  - Missing: the new release has no ebin/APP.appup, nor a relup whose up-from entry for the old
//    release loads the application's changed and added modules (load_object_code) and removes its
//    removed ones (Covered when it does, Incomplete when it misses some); Invalid: the .appup does
//    not read or is no appup;
//  - NoEntry: no up-from or no down-to entry matches the old version (as systools looks it up);
//  - Incomplete: the lint finds errors (a changed or added module no instruction loads, ...);
//  - Covered otherwise. findings: the lint's findings (warnings and infos too).
// Without both versions (no readable .app), it falls back to checking that the matching up entry
// names every added, removed and changed module.
AppupCheck defaultAppupCheck(const AppChange &change);

struct DiffOptions
{
    // Globs on member paths (relative to the release root): '*' and '?' within a path component,
    // '**' across components, [abc] classes. A glob without '/' is also matched against each path
    // component ("*.so", "priv"); a member whose path or an ancestor matches is not read at all.
    QStringList ignore;
    qint64 maxTextBytes = 1024 * 1024;    // text bodies kept per file, for line hunks
    qint64 keepBudget = 64 * 1024 * 1024; // contents kept per side while waiting for the other side
    TextDiffOptions text;
    AppupAdvisor appupAdvisor = defaultAppupCheck;
};

// Compares two releases. Errors: an input that does not exist or does not read (a truncated or
// corrupt archive), and cancellation (archive::isCancellation). Progress is in bytes of both
// inputs together (compressed bytes for archives).
Expected<DiffReport> diffReleases(const QString &oldPath, const QString &newPath,
                                  const DiffOptions &options = {},
                                  jobs::Monitor &monitor = jobs::silentMonitor());

// Does a glob of DiffOptions::ignore match this member path (or one of its ancestors)?
bool globMatches(const QString &glob, const QString &path);

} // namespace rs::diff
