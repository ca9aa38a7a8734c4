#pragma once

#include "common/finding.h"
#include "term/term.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace rs::release {

enum class StartType { Permanent, Transient, Temporary, Load, None };

QString startTypeName(StartType type);
std::optional<StartType> startTypeFromName(QStringView name);

// One application line of a .rel file, in any of its four forms.
struct RelApp
{
    QString name;
    QString vsn;
    StartType type = StartType::Permanent;
    bool typeGiven = false;
    std::optional<QStringList> includedOverride; // {App, Vsn, [Incl]} replaces the .app's list
    SourceLocation location;
};

// What a .rel file says: {release, {Name, Vsn}, {erts, ErtsVsn}, [App...]}.
struct ReleaseSpec
{
    QString name;
    QString vsn;
    QString ertsVsn;
    std::vector<RelApp> apps;
    QString file;
    SourceLocation location;
    SourceLocation ertsLocation;

    const RelApp *app(QStringView name) const;
    term::Term toTerm() const;
};

// Checks as systools_make:check_rel does, and reports every problem it can find (not only the
// first). Errors make the spec unusable; warnings (no sasl) do not.
struct RelParse
{
    ReleaseSpec spec;
    Findings findings;
    bool ok() const;
};

RelParse parseRelTerm(const term::Term &term, const QString &file);
RelParse readRelFile(const QString &path);

// The .rel text as OTP tools write it (io:format("~tp.~n")), with a coding line.
QByteArray relFileText(const ReleaseSpec &spec);

} // namespace rs::release
