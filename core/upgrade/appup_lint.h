#pragma once

// Lints an .appup against the two versions of the application it upgrades between, and two
// releases against their applications' .appup files.
//
// checkAppup() (appup.h) checks what can be checked from the file alone; the lint adds what the
// two versions tell, for the up-from and down-to entries that match the old version (as systools
// looks them up, regular expressions included):
//  - errors: no entry matches the old version (systools refuses the relup); an added or changed
//    module that no instruction loads (the running system would keep the old code, or miss the
//    new module: releases boot in embedded mode, where nothing is loaded on demand); an
//    instruction that loads a module of neither version, or one the target version does not
//    have, or deletes one the target version still has; DepMods naming a module of neither
//    version;
//  - warnings: a deleted module no instruction removes; an instruction for a module whose code did
//    not change (beam::sameCode); DepMods of an up-from entry naming a module the upgrade deletes;
//    a changed supervisor loaded without {update, M, supervisor} (its child specifications stay
//    as they were); a string version that is not earlier than the .appup's own; an entry shadowed
//    by an earlier entry that matches the old version too; the .appup's version differing from
//    the new .app's vsn (systools' bad_vsn warning);
//  - infos: a changed module exporting code_change/3,4 or system_code_change/4 loaded with
//    load_module (its processes keep their state as it is); an entry that matches none of the
//    known earlier versions (when the options name them).
// restart_application of the application itself, restart_new_emulator and restart_emulator
// load every module, so an entry holding one of them covers every module.
// Every finding has the .appup file and the line of the instruction, or of the entry it concerns.

#include "common/finding.h"
#include "upgrade/appup.h"
#include "upgrade/appup_generator.h"

#include <QString>
#include <QStringList>

namespace rs::release {
struct ResolvedRelease;
} // namespace rs::release

namespace rs::upgrade {

struct AppupLintOptions
{
    // Versions of the application before the new one besides the old version (from an AppIndex,
    // say): an up-from or down-to entry matching none of them, nor the old version, gets an info.
    QStringList earlierVersions;
};

// Lints APPUP (read from its file, so that findings have lines) against FROM (the old version)
// and TO (the new one, whose ebin the .appup belongs in). Includes checkAppup(appup, TO's vsn).
Findings lintAppup(const Appup &appup, const AppVersion &from, const AppVersion &to,
                   const AppupLintOptions &options = {});

// Reads the .appup and both application directories first; what cannot be read is an error.
Findings lintAppupFiles(const QString &appupPath, const QString &fromDir, const QString &toDir,
                        const AppupLintOptions &options = {});

// Two resolved releases of one system: every application of both in another version needs
// ebin/NAME.appup in its new version (an error where the new .rel names it when there is none);
// an .appup that is there is linted with lintAppup(). An application whose version is the same in
// both releases but whose code differs (another directory, other .beam digests) gets a warning:
// systools will not upgrade it.
Findings lintReleaseUpgrade(const release::ResolvedRelease &from, const release::ResolvedRelease &to);

} // namespace rs::upgrade
