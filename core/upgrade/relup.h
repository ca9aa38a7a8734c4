#pragma once

#include "upgrade/appup.h"

#include <map>

// The relup of a release: what systools:make_relup/4 generates, byte for byte.

#include "common/expected.h"
#include "common/finding.h"
#include "term/term.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace rs::release {
struct ResolvedRelease;
} // namespace rs::release

namespace rs::upgrade {

struct RelupOptions
{
    bool restartEmulator = false;  // systools' restart_emulator: restart the emulator as the last step
    bool warningsAsErrors = false; // systools' warnings_as_errors
    // Appups to use instead of APP/ebin/APP.appup, by application name: an appup being edited.
    std::map<QString, Appup> appupOverrides;
};

// A release to upgrade from or downgrade to, with the description systools writes next to its
// version in the relup (systools' {RelFile, Description}; [] when there is none).
struct BaseRelease
{
    const release::ResolvedRelease *release = nullptr;
    term::Term description;
};

struct RelupResult
{
    // {Vsn, [{UpFromVsn, Descr, Instructions}], [{DownToVsn, Descr, Instructions}]}
    term::Term relup;
    // systools' warnings, in the order systools returns them: an .appup whose version is not the
    // application's, an ERTS version change, an upgrade from before R15.
    Findings warnings;

    // The relup file as systools writes it: "%% coding: utf-8\n" and the term with ~tp.
    QByteArray text() const;
};

// systools:make_relup(To, UpFrom, DownTo, Options) on resolved releases. For each release of
// UPFROM (and DOWNTO), as systools_relup does:
//  - applications of both releases in other versions: the entry for the other version in the
//    .appup of the application of TO (in its ebin directory), found by version string or by a
//    regular expression (a binary) that matches all of the version;
//  - applications only in the new release: add_application (with the .rel's start type);
//    applications only in the old one: remove_application;
//  - another ERTS version: restart_new_emulator (first when upgrading, a restart_emulator last
//    when downgrading) and a warning; options.restartEmulator: a restart_emulator at the end;
//  - the scripts are translated by translateScripts() (rc_translate.h).
// The up and down lists are in the reverse order of UPFROM and DOWNTO, as systools makes them.
// Errors: a release without sasl, an .appup that cannot be read, no entry for a version, and
// every refusal of systools_rc, located in the .appup when possible.
Expected<RelupResult> makeRelup(const release::ResolvedRelease &to, const std::vector<BaseRelease> &upFrom,
                                const std::vector<BaseRelease> &downTo, const RelupOptions &options = {});

// The same with no descriptions.
Expected<RelupResult> makeRelup(const release::ResolvedRelease &to,
                                const std::vector<release::ResolvedRelease> &upFrom,
                                const std::vector<release::ResolvedRelease> &downTo,
                                const RelupOptions &options = {});

} // namespace rs::upgrade
