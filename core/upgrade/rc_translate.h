#pragma once

// systools_rc: translates the high-level instructions of .appup files into the low-level
// instructions of a relup, with systools' ordering rules, and checks them as systools does.

#include "common/expected.h"
#include "common/finding.h"
#include "term/term.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace rs::upgrade {

enum class Direction { Up, Down };

// An instruction with where it was written (.appup file, line, column): a refusal points there.
// Instructions that systools makes up itself (add_application for an added application, ...) have
// no location.
struct LocatedTerm
{
    term::Term term;
    SourceLocation location;
};
using InstructionScript = std::vector<LocatedTerm>;

// What systools_rc knows of an application (#application{name, vsn, type, modules}).
struct ApplicationModules
{
    QString name;
    QString vsn;
    QString type = QStringLiteral("permanent"); // its start type in the .rel
    QStringList modules;                        // in .app order
};

// systools_rc:translate_scripts(Mode, Scripts, Appls, PreAppls): one script per application (and
// per added or removed application), translated into one low-level script that starts with the
// load_object_code instructions and has exactly one point_of_no_return. APPLS are the applications
// after the change, PREAPPLS those before it (for a downgrade: the old release's, then the new one's).
//
// Errors are systools_rc's (the first one it would find), with the location of the instruction
// they concern when there is one.
//
// Deviation: when the DepMods of the instructions of a group of related modules leave their order
// open (two modules that both depend on a third, neither on the other), systools' order depends on
// where the running VM's atom table placed the module names (digraph/ETS hashing of raw atom words),
// and can differ between two runs of systools. We take the order in which the instructions were
// written then. When the DepMods order the modules completely (a chain, with cycles allowed), the
// result is systools'.
Expected<std::vector<term::Term>> translateScripts(Direction direction,
                                                   const std::vector<InstructionScript> &scripts,
                                                   const std::vector<ApplicationModules> &appls,
                                                   const std::vector<ApplicationModules> &preAppls);

// systools_rc's checks of one script that need no applications: the syntax of every expanded
// instruction, the place of point_of_no_return, suspend without resume (and the reverse), start
// without stop (and the reverse), load without load_object_code, a module with two instructions.
// Reports every problem it finds (systools stops at the first).
Findings checkScript(const InstructionScript &script);

// systools_rc:expand_script/1 on one instruction: the long form of a short one ({update, M} is
// {update, M, soft, brutal_purge, brutal_purge, []}). A list is spliced into the script by
// systools; it is returned as it is.
term::Term expandInstruction(const term::Term &instruction);

} // namespace rs::upgrade
