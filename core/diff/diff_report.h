#pragma once

// The result of comparing two releases (see release_diff.h): immutable values, cheap to copy and
// shaped for a tree model: release → applications → modules / .app keys / files, and the whole
// file list beside it. Every node carries a State; "equivalent" marks files whose bytes differ but
// whose meaning does not (a module recompiled to the same code, a term file only reformatted).

#include "common/finding.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace rs::diff {

enum class State : quint8 { Same, Added, Removed, Changed };

// "same", "added", "removed", "changed": the words of the JSON output.
QString stateName(State state);

// Characters that differ within a line, in Unicode code points from the start of the line.
struct CharRange
{
    int start = 0;
    int length = 0;
    friend bool operator==(const CharRange &, const CharRange &) = default;
};

struct DiffLine
{
    enum class Kind : quint8 { Context, Removed, Added };
    Kind kind = Kind::Context;
    int oldNumber = 0; // 1-based line of the old text; 0 for an added line
    int newNumber = 0; // 1-based line of the new text; 0 for a removed line
    QString text;      // without the line end
    // For a removed line paired with an added line (the i-th removed and the i-th added line of a
    // change): the characters only this side has. Empty for context and unpaired lines.
    std::vector<CharRange> changed;
};

// A unified-diff hunk: "@@ -oldStart,oldCount +newStart,newCount @@".
struct Hunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    std::vector<DiffLine> lines;
};

struct TextDiff
{
    std::vector<Hunk> hunks;
    int added = 0;   // lines
    int removed = 0; // lines
    // Why there are no hunks although the contents differ ("binary", "larger than 1048576 bytes",
    // "not kept", "only line endings differ", ...); empty otherwise.
    QString omitted;
    bool isEmpty() const { return hunks.empty() && omitted.isEmpty(); }
};

// One difference inside a term: in sys.config by application and key path, in a .app by key
// (env by parameter), in a .rel by application.
struct TermChange
{
    QStringList path; // the keys from the top, each as ~tp writes it: {"shop_core", "currency"}
    State state = State::Changed;
    QString oldValue; // the old value on one line as ~tp writes it; empty when added (cut after 65536
                      // characters, ending "...")
    QString newValue; // the new value; empty when removed
};

enum class FileType : quint8 { None, File, Directory, Symlink, Other };
QString fileTypeName(FileType type); // "none", "file", "directory", "symlink", "other"

// What a member is, which decides how its contents are compared.
enum class FileKind : quint8 {
    Directory,
    Symlink,
    Beam,      // by code (beam::sameCode): recompiling the same code is equivalent
    AppFile,   // lib/APP-VSN/ebin/APP.app: term by key
    Appup,     // instruction by instruction
    Rel,       // by release field and application
    Boot,      // decoded, instruction by instruction
    SysConfig, // by application and key path
    VmArgs,    // by line; comments and blank lines do not count
    Relup,     // instruction by instruction
    TermFile,  // other files of Erlang terms (RELEASES, .script, .config): by term
    Text,      // by line
    Binary,    // by digest
    Other,     // devices, fifos
};
QString fileKindName(FileKind kind); // "directory", "symlink", "beam", "app", "appup", "rel", "boot",
                                     // "sys.config", "vm.args", "relup", "terms", "text", "binary", "other"

// One side of a file entry.
struct FileSide
{
    QString path; // as in that release, relative to its root
    FileType type = FileType::None;
    quint32 mode = 0;   // permission bits (07777); 0 for a symlink
    qint64 size = 0;    // of a file's contents
    QString linkTarget; // of a symlink
    QByteArray digest;  // BLAKE2b-256 of a file's contents (32 bytes)
    bool exists() const { return type != FileType::None; }
};

struct FileDiff
{
    QString path; // relative to the release root: the new release's path, or the old one's when removed
    QString
        oldPath; // the old release's path when it differs (an application's or the release's version changed)
    State state = State::Same;
    FileKind kind = FileKind::Binary;
    FileSide oldFile;
    FileSide newFile;
    bool typeChanged = false;
    bool modeChanged = false;
    bool linkChanged = false;
    bool contentChanged = false;   // the bytes differ
    bool equivalent = false;       // the bytes differ but the meaning does not (state stays Same)
    TextDiff text;                 // line hunks: text files, and term files, .boot and relup as lines
    std::vector<TermChange> terms; // .app keys, sys.config key paths, .rel fields and applications
    QString note;                  // why the contents could not be compared in depth, if so
};

// One chunk of a module's .beam in either release ("Code", "Dbgi", ...), compared by digest.
struct ChunkChange
{
    QString id;
    State state = State::Same;
    qint64 oldSize = 0; // 0 when added
    qint64 newSize = 0; // 0 when removed
};

struct ModuleDiff
{
    QString name;
    State state = State::Same;
    bool recompiled = false;  // the .beam bytes differ but the code is the same (beam::sameCode)
    QStringList exportsAdded; // "name/arity", of a changed module
    QStringList exportsRemoved;
    QString note; // e.g. the .beam could not be read, or was not kept
    // Of a changed or recompiled module: every chunk of either .beam, the new file's in its order,
    // then those only the old one has. Shows what a recompilation touched ("CInf", "Dbgi") and
    // what a code change did.
    std::vector<ChunkChange> chunks;
};

// Does the new release bring the .appup an upgrade of this application needs?
struct AppupCheck
{
    enum class Status : quint8 {
        NotNeeded,        // the application is the same, added or removed (the relup adds or removes it)
        Covered,          // the .appup has up and down entries for the old version that cover the change
                          // (or, without an .appup, the new release's relup upgrades the application)
        Missing,          // no .appup in the new release
        NoEntry,          // the .appup has no up (or no down) entry that matches the old version
        Incomplete,       // an entry matches, but misses modules that changed (see findings)
        VersionUnchanged, // the contents changed but the version did not: release_handler cannot upgrade it
        Invalid,          // the .appup does not read or is not an appup
    };
    Status status = Status::NotNeeded;
    QString file;             // the new release's .appup (or relup) relative to its root; empty when none
    QStringList instructions; // what the change needs (~w of each high-level instruction), when known
    QString neededText;       // the whole .appup the change needs, as a file (generated), when known
    QString shippedText;      // the new release's .appup as OTP prints it, when it reads
    Findings findings;        // what is wrong with the release's .appup for this change
};
QString appupStatusName(AppupCheck::Status status); // "not-needed", "covered", "missing", "no-entry",
                                                    // "incomplete", "version-unchanged", "invalid"

struct AppDiff
{
    QString name;
    State state = State::Same;
    QString oldVsn;                     // empty when added
    QString newVsn;                     // empty when removed
    bool changedWithoutVersion = false; // contents differ, version the same
    std::vector<ModuleDiff> modules;    // every module of the application (by .beam file), sorted by name
    std::vector<TermChange> appKeys;    // the .app's keys, by key (env by parameter)
    QStringList files;                  // paths (FileDiff::path) of its other members that differ: priv/, ...
    AppupCheck appup;

    int count(State s) const; // modules in that state
    int recompiledCount() const;
};

struct ReleaseSide
{
    QString source; // the path given
    QString format; // "directory" or the archive format ("POSIX ustar format, gzip")
    QString root;   // a top directory every member was under ("shop-1.0/"), stripped; usually empty
    QString name;   // from the release's .rel; empty when there is none
    QString vsn;
    QString erts;
    QString relFile;  // the .rel the release was read from
    qint64 files = 0; // regular files
    qint64 bytes = 0; // their total size
};

struct DiffSummary
{
    int appsAdded = 0, appsRemoved = 0, appsChanged = 0, appsSame = 0;
    int modulesAdded = 0, modulesRemoved = 0, modulesChanged = 0, modulesSame = 0, modulesRecompiled = 0;
    int filesAdded = 0, filesRemoved = 0, filesChanged = 0, filesSame = 0, filesEquivalent = 0;
    int modeChanges = 0;
};

struct DiffReport
{
    ReleaseSide oldRelease;
    ReleaseSide newRelease;
    State state = State::Same;   // Same or Changed
    std::vector<AppDiff> apps;   // every application of either release, sorted by name
    std::vector<FileDiff> files; // every member of either release (Same ones too), sorted by path
    QStringList ignored;         // the --ignore globs that were applied
    Findings warnings;           // about either release ("old: ..." / "new: ...")

    bool same() const { return state == State::Same; }
    bool nameChanged() const { return oldRelease.name != newRelease.name; }
    bool vsnChanged() const { return oldRelease.vsn != newRelease.vsn; }
    bool ertsChanged() const { return oldRelease.erts != newRelease.erts; }
    const FileDiff *file(QStringView path) const;
    const AppDiff *app(QStringView name) const;
    DiffSummary summary() const;
};

} // namespace rs::diff
