#pragma once

#include "common/expected.h"
#include "release/app_spec.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace rs::release {

struct OtpInstallation;

// Every application found in the search path, in search order: the lib dirs the user gave, then
// the installed OTP. Layouts: OTP's lib/APP-VSN/ebin, rebar3's _build/PROFILE/lib/APP/ebin and
// mix's _build/ENV/lib/APP/ebin (give the lib directory), or an application directory itself.
class AppIndex
{
public:
    // The ebin directories to search, in order: DIR/ebin when DIR is an application, then
    // DIR/*/ebin (by name), for each DIR; then the OTP's lib/*/ebin.
    static QStringList searchPath(const QStringList &libDirs, const OtpInstallation *otp);

    static AppIndex scan(const QStringList &ebinDirs);

    // The application systools would pick for {Name, Vsn}: the first NAME.app in search order whose
    // vsn is VSN. When there is none, the error says which versions exist and where.
    Expected<AppSpec> find(const QString &name, const QString &vsn) const;

    // Every readable version of NAME, in search order.
    std::vector<const AppSpec *> versionsOf(const QString &name) const;
    // The newest version of NAME (OTP's version order: numeric parts compared as numbers).
    const AppSpec *newest(const QString &name) const;
    QStringList names() const; // sorted
    // .app files that could not be read, with why.
    const Findings &problems() const { return m_problems; }

private:
    std::vector<AppSpec> m_apps;
    QHash<QString, std::vector<size_t>> m_byName;
    Findings m_problems;
    QHash<QString, Finding> m_unreadable; // by application name: the first .app that failed
};

// -1, 0 or 1 comparing two version strings the way people expect: "1.10" after "1.9".
int compareVersions(const QString &a, const QString &b);

} // namespace rs::release
