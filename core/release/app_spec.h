#pragma once

#include "common/expected.h"
#include "term/term.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace rs::release {

// What an application's .app file says, checked as systools_make:parse_application does: the
// first tuple of a key wins, unknown keys are ignored, and missing optional keys get OTP's defaults.
struct AppSpec
{
    QString name;
    QString vsn;
    QString id; // "" when absent
    QString description;
    QStringList modules; // in .app order
    QStringList registered;
    QStringList applications;
    QStringList optionalApplications;
    QStringList includedApplications;
    term::Term mod;         // [] or {Module, StartArgs}
    term::Term startPhases; // the atom undefined, or [{Phase, Args}]
    term::Term env;         // [{Par, Val}]
    term::Term maxT;        // infinity or a positive integer
    term::Term maxP;

    QString appFile; // the .app file it was read from
    QString ebinDir; // the directory holding it (systools' #application.dir)
    // The modules whose .beam files ebinDir held when an AppIndex read the .app (one directory
    // listing serves both); none when the spec was read on its own.
    std::optional<QSet<QString>> beamsInEbin;
    term::Term source;

    // Where KEY's tuple is in the .app file, or the file itself when the key is absent.
    SourceLocation locationOf(QStringView key) const;
};

Expected<AppSpec> parseAppTerm(const term::Term &term, const QString &appFile);
Expected<AppSpec> readAppFile(const QString &appFile);

// systools' string_p: a flat list of Unicode code points.
bool isErlangString(const term::Term &term);
bool isAtomList(const term::Term &term);
QStringList atomNames(const term::Term &atoms);
term::Term atomList(const QStringList &names);

} // namespace rs::release
