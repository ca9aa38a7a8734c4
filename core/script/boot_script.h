#pragma once

#include "script/boot_rules.h"
#include "term/term.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace rs::release {
struct ResolvedApp;
struct ResolvedRelease;
} // namespace rs::release

namespace rs::script {

// How application directories are written in the script (systools' path flag).
enum class PathStyle {
    Root,     // "$ROOT/lib/NAME-VSN/ebin" (default), or "$VAR/..." for apps under a variable's dir
    Local,    // the absolute directory where the application was found (`local`)
    OtpBuild, // "$ROOT/lib/NAME/ebin" (`otp_build`)
};

struct ScriptOptions
{
    PathStyle paths = PathStyle::Root;
    std::vector<std::pair<QString, QString>> variables; // {"NAME", "/dir"}: apps under /dir get "$NAME/..."
    bool noDotErlang = false;                           // leave out {apply, {c, erlangrc, []}}
};

// The boot script term systools:make_script/2 generates for a resolved release.
term::Term makeScript(const release::ResolvedRelease &release, const ScriptOptions &options,
                      const BootRules &rules);

// The application term of the script ({application, Name, [...]}): systools' pack_app.
term::Term applicationTerm(const release::ResolvedApp &app);

// The two files systools writes: NAME.script ("%% coding: utf-8" and ~tp) and NAME.boot
// (term_to_binary).
struct BootFiles
{
    QByteArray script;
    QByteArray boot;
};
BootFiles renderBootFiles(const term::Term &script);

} // namespace rs::script
