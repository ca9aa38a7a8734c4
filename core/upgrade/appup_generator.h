#pragma once

// The .appup between two versions of an application, generated from what their .beam files say.
//
// Rules (documented in the README):
//  - The modules of a version are those its .app lists, each read from ebin/MODULE.beam. A listed
//    module without a readable .beam is an error; a .beam the .app does not list is ignored with a
//    warning (systools and release_handler only know the .app's modules).
//  - A module is added (only in the new version), deleted (only in the old one), changed (in both,
//    and beam::sameCode() says the code differs: the same beam_lib:md5/1 digest is the same code,
//    so a module rebuilt without source changes, with other compiler options or debug info, is
//    not changed) or unchanged.
//  - Up instructions, one per added, changed or deleted module:
//      added                         {add_module, M}
//      changed, -behaviour(supervisor) {update, M, supervisor}
//      changed, exports code_change/3, code_change/4 or system_code_change/4
//                                    {update, M, {advanced, []}}
//      changed, otherwise            {load_module, M}
//      deleted                       {delete_module, M}
//  - DepMods: a module added or changed depends on every other added or changed module its new
//    code imports (calls remotely, or names in fun M:F/A), so systools loads those first when
//    upgrading (and last when downgrading). The dependencies are written in the instructions'
//    order; an added or changed module without dependencies gets the short form ({load_module, M}).
//    A supervisor with dependencies gets the long form {update, M, static, default, {advanced, []},
//    brutal_purge, brutal_purge, DepMods}, which is what {update, M, supervisor} stands for.
//    Deleted modules have no DepMods (no code of theirs remains to depend on anything).
//  - Up order: the added modules (in the new .app's order), then the changed ones (the same), sorted
//    so that every module comes after the modules it depends on and otherwise keeps that order
//    (modules of a dependency cycle keep their order too); then the deleted modules in the old
//    .app's order.
//  - Down instructions, as rebar3_appup_plugin and relx make them: the up instructions inverted and
//    in reverse order. {add_module, M} becomes {delete_module, M}, {delete_module, M} becomes
//    {add_module, M}, and changed modules keep their instruction and DepMods: DepMods describe the
//    new code, and systools reverses the loading order when downgrading.
//  - The appup's version is the new .app's vsn; the one up-from and down-to version is the old
//    .app's vsn: {NewVsn, [{OldVsn, Up}], [{OldVsn, Down}]}.
//  - An application whose modules did not change gets empty instruction lists, also when only its
//    .app changed (its env, registered names, dependencies, ...). No instruction is needed for
//    that: during install_release, release_handler gives the application the new .app's keys and
//    env merged with the new release's sys.config (application_controller:change_application_data/2)
//    and then calls config_change/3 of the application's callback module with what changed.
//  - Both versions must be the same application. Warnings: the versions are equal (systools never
//    reads the .appup of an application whose version did not change), a .beam the .app does not
//    list.

#include "beam/beam_info.h"
#include "common/expected.h"
#include "common/finding.h"
#include "release/app_spec.h"
#include "term/term.h"
#include "upgrade/appup.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace rs::upgrade {

// One version of an application: its .app and the .beam files of the modules it lists.
struct AppVersion
{
    release::AppSpec spec;
    std::vector<beam::BeamInfo> modules; // in the .app's order, those whose .beam could be read
    Findings findings;                   // problems found while loading (see loadAppVersion)

    const beam::BeamInfo *module(QStringView name) const;
    bool hasModule(QStringView name) const { return module(name) != nullptr; }
    QStringList moduleNames() const; // in the .app's order
};

// Loads the application in DIR: DIR/ebin/NAME.app (or DIR/NAME.app when DIR is the ebin directory
// itself) and the .beam files next to it. When the directory holds several .app files, the one
// named after the directory (NAME or NAME-VSN) is used. Errors (no .app, an unreadable .app, a
// listed module whose .beam is missing or unreadable, a .beam of another module) fail the load;
// warnings go to AppVersion::findings.
Expected<AppVersion> loadAppVersion(const QString &dir);
// The same for an application found by the AppIndex or a resolved release.
Expected<AppVersion> loadAppVersion(const release::AppSpec &spec);

enum class ModuleChange { Added, Deleted, Changed, Unchanged };

// How the modules of two versions of an application compare.
struct ModuleDiff
{
    QStringList added;     // in the new .app's order
    QStringList deleted;   // in the old .app's order
    QStringList changed;   // in the new .app's order
    QStringList unchanged; // in the new .app's order

    ModuleChange changeOf(const QString &module) const; // Unchanged also for unknown modules
    bool isEmpty() const { return added.isEmpty() && deleted.isEmpty() && changed.isEmpty(); }
};

ModuleDiff diffModules(const AppVersion &from, const AppVersion &to);

// How a changed module is upgraded, from its new .beam (the rules above).
enum class UpgradeKind { Supervisor, Advanced, LoadModule };
UpgradeKind upgradeKindOf(const beam::BeamInfo &module);
// Does the module export code_change/3, code_change/4 or system_code_change/4?
bool exportsCodeChange(const beam::BeamInfo &module);
bool isSupervisor(const beam::BeamInfo &module); // -behaviour(supervisor)

struct GeneratedAppup
{
    QString application;
    QString fromVsn;
    QString toVsn;
    Appup appup;
    ModuleDiff diff;
    // For each added or changed module, the modules it depends on (DepMods), in instruction order.
    std::vector<std::pair<QString, QStringList>> dependencies;
    Findings findings; // warnings (and the loading warnings of both versions)

    // The .appup file as OTP tools write terms (appupFileText).
    QByteArray text() const { return appupFileText(appup); }
};

// The appup that takes FROM to TO and back.
Expected<GeneratedAppup> generateAppup(const AppVersion &from, const AppVersion &to);
// The same, loading both application directories first.
Expected<GeneratedAppup> generateAppup(const QString &fromDir, const QString &toDir);

} // namespace rs::upgrade
