#pragma once

// The .appup file of an application: {Vsn, [{UpFromVsn, Instructions}], [{DownToVsn, Instructions}]}.
//
// The model keeps what the file says, term for term and with positions, because systools reads it
// leniently: an entry that is not {Vsn, Instructions} is skipped when a version is looked up, and only
// the instructions of the entry that is used are checked. checkAppup() reports every problem of the
// whole file for editors; the relup generator checks only what systools checks.

#include "common/expected.h"
#include "common/finding.h"
#include "term/term.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace rs::upgrade {

// What an instruction is, from its name and arity (systools_rc's check_op and expand_script).
enum class InstructionKind {
    // High-level instructions
    LoadModule,   // {load_module, Mod} | {load_module, Mod, DepMods} | {load_module, Mod, Pre, Post, DepMods}
    Update,       // {update, Mod} | {update, Mod, supervisor} | {update, Mod, Change} | ... (8 forms)
    AddModule,    // {add_module, Mod} | {add_module, Mod, DepMods}
    DeleteModule, // {delete_module, Mod} | {delete_module, Mod, DepMods}
    AddApplication,     // {add_application, App} | {add_application, App, Type}
    RemoveApplication,  // {remove_application, App}
    RestartApplication, // {restart_application, App}
    Apply,              // {apply, {M, F, A}}
    RestartNewEmulator, // restart_new_emulator
    RestartEmulator,    // restart_emulator
    // Low-level instructions, passed through
    LoadObjectCode,  // {load_object_code, {App, Vsn, [Mod]}}
    PointOfNoReturn, // point_of_no_return
    Load,            // {load, {Mod, PrePurge, PostPurge}}
    Remove,          // {remove, {Mod, PrePurge, PostPurge}}
    Purge,           // {purge, [Mod]}
    Suspend,         // {suspend, [Mod | {Mod, Timeout}]}
    Resume,          // {resume, [Mod]}
    CodeChange,      // {code_change, [{Mod, Extra}]} | {code_change, Mode, [{Mod, Extra}]}
    Stop,            // {stop, [Mod]}
    Start,           // {start, [Mod]}
    SyncNodes,       // {sync_nodes, Id, [Node] | {M, F, A}}
    Restart,         // restart (accepted by systools_rc, no effect in release_handler)
    Reboot,          // reboot
    MnesiaBackup,    // mnesia_backup (refused: not implemented in systools)
    Unknown,
};

QString instructionKindName(InstructionKind kind); // "load_module", ..., "unknown"
bool isHighLevel(InstructionKind kind);

// One instruction as written, with where it was written.
struct Instruction
{
    term::Term term;
    SourceLocation location;

    InstructionKind kind() const;
    // The module of load_module, update, add_module and delete_module, the application of the
    // application instructions; empty otherwise (or when it is not an atom).
    QString subject() const;
};

// One {Vsn, Instructions} entry of the up or down list.
struct VersionEntry
{
    term::Term term;    // the whole entry as written
    term::Term version; // a string, or a binary holding a regular expression
    term::Term instructionsTerm;
    std::vector<Instruction> instructions; // when instructionsTerm is a proper list
    SourceLocation location;

    // {Vsn, Instructions} with a list of instructions; systools skips other entries when looking up.
    bool isEntry() const { return term.isTuple(2); }
    bool isRegex() const { return version.isBinary(); }
    bool instructionsAreList() const { return instructionsTerm.isProperList(); }
    QString versionText() const; // the string or the regular expression
};

// The up-from or down-to list.
struct VersionList
{
    term::Term term;
    std::vector<VersionEntry> entries; // the elements of the list (before a bad tail)
    bool isProperList() const { return term.isProperList(); }
};

// How a version is looked up in a list (systools_relup:appup_search_for_version/2): the first
// entry whose version is the string VSN, or a binary regular expression whose first match in VSN
// is all of VSN. Entries that are not {Vsn, Instructions} are skipped.
struct VersionMatch
{
    const VersionEntry *entry = nullptr; // null: no entry matches
    std::optional<Finding> error; // a list that is not a list, a regular expression that does not compile
};
VersionMatch findVersion(const VersionList &list, const QString &vsn, const QString &file);

// Does the regular expression of an appup entry accept VSN as systools does (re:run with unicode,
// the first match must be all of VSN)? Empty error: it does or does not; otherwise the pattern is bad.
bool regexVersionMatches(const QByteArray &pattern, const QString &vsn, QString *error = nullptr);

struct Appup
{
    term::Term term; // the whole {Vsn, Up, Down} as read
    term::Term vsn;  // normally a string
    VersionList up;
    VersionList down;
    QString file;
    SourceLocation location;

    QString vsnText() const; // the version when it is a string, else how it is written
    term::Term toTerm() const;
};

// {Vsn, UpList, DownList}; anything else is refused (systools: "Could not parse file").
Expected<Appup> parseAppupTerm(const term::Term &term, const QString &file);
// The first term of the file, as systools_lib:read_term/1 reads it.
Expected<Appup> readAppupFile(const QString &path);
// The text of an .appup as OTP tools write terms ("%% coding: utf-8" and ~tp).
QByteArray appupFileText(const Appup &appup);

// Builds an appup from versions and instruction terms (positions are left unknown).
struct AppupEntrySpec
{
    term::Term version; // Term::string("1.0") or Term::binary("1\\.0\\..*")
    std::vector<term::Term> instructions;
};
Appup makeAppup(const QString &vsn, const std::vector<AppupEntrySpec> &up,
                const std::vector<AppupEntrySpec> &down);

// Every problem of the file that can be found without the releases: the shape of the file, each
// entry, each instruction (systools_rc's syntax check on the expanded instructions), the place of
// point_of_no_return, pairing of suspend/resume and start/stop, DepMods that name modules without
// an instruction in the same entry, and a vsn that is not APPVSN (when given).
Findings checkAppup(const Appup &appup, const QString &appVsn = QString());

// Builders of the high-level instructions, in the shortest form systools reads the same way.
namespace instr {

enum class Purge { SoftPurge, BrutalPurge };
enum class ModType { Dynamic, Static };

term::Term loadModule(const QString &module, const QStringList &depMods = {});
term::Term loadModule(const QString &module, Purge prePurge, Purge postPurge, const QStringList &depMods);

struct UpdateOptions
{
    std::optional<term::Term> extra; // {advanced, Extra} when set, soft otherwise
    ModType modType = ModType::Dynamic;
    std::optional<term::Term> timeout; // default, infinity or milliseconds
    Purge prePurge = Purge::BrutalPurge;
    Purge postPurge = Purge::BrutalPurge;
    QStringList depMods;
};
term::Term update(const QString &module, const UpdateOptions &options = {});
term::Term updateSupervisor(const QString &module); // {update, Mod, supervisor}
term::Term addModule(const QString &module, const QStringList &depMods = {});
term::Term deleteModule(const QString &module, const QStringList &depMods = {});
term::Term addApplication(const QString &application, const QString &startType = QString());
term::Term removeApplication(const QString &application);
term::Term restartApplication(const QString &application);
term::Term apply(const QString &module, const QString &function, const std::vector<term::Term> &args);
term::Term restartNewEmulator();
term::Term restartEmulator();

} // namespace instr

} // namespace rs::upgrade
