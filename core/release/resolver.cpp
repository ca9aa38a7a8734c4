#include "release/resolver.h"

#include "common/dir_listing.h"
#include "release/app_index.h"
#include "release/otp_installation.h"
#include "release/start_order.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace rs::release {

namespace {

bool hasErrors(const Findings &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.isError(); });
}

Finding at(Finding f, const SourceLocation &where)
{
    if (f.location.file.isEmpty())
        f.location = where;
    return f;
}

// Removes the first occurrence, as Erlang's `--` does for one element.
void removeFirst(QStringList &list, const QString &name)
{
    const qsizetype i = list.indexOf(name);
    if (i >= 0)
        list.removeAt(i);
}

std::vector<ResolvedApp> collectApplications(const ReleaseSpec &rel, const AppIndex &index,
                                             Findings &findings)
{
    std::vector<ResolvedApp> apps;
    for (const RelApp &relApp : rel.apps) {
        auto spec = index.find(relApp.name, relApp.vsn);
        if (!spec) {
            findings << at(spec.error(), relApp.location);
            continue;
        }
        ResolvedApp app;
        app.spec = std::move(spec).value();
        app.type = relApp.type;
        app.typeGiven = relApp.typeGiven;
        app.relLocation = relApp.location;
        app.uses = app.spec.applications;
        app.includes = app.spec.includedApplications;
        if (relApp.includedOverride) {
            QStringList unknown;
            for (const QString &inc : *relApp.includedOverride) {
                if (!app.spec.includedApplications.contains(inc))
                    unknown << inc;
            }
            if (!unknown.isEmpty()) {
                findings << Finding::error(
                    QStringLiteral("the release includes %1 in %2, but %2's .app does not list %3 in "
                                   "included_applications")
                        .arg(unknown.join(QStringLiteral(", ")), app.spec.name,
                             unknown.size() == 1 ? QStringLiteral("it") : QStringLiteral("them")),
                    relApp.location);
                continue;
            }
            app.includes = *relApp.includedOverride;
        }
        apps.push_back(std::move(app));
    }
    return apps;
}

void checkUndefined(const ReleaseSpec &rel, const std::vector<ResolvedApp> &apps, Findings &findings)
{
    for (const ResolvedApp &app : apps) {
        for (const QString &used : app.uses) {
            if (!app.spec.optionalApplications.contains(used) && !rel.app(used)) {
                findings << Finding::error(
                    QStringLiteral("%1 needs %2 (in its applications), which is not in the release")
                        .arg(app.spec.name, used),
                    app.relLocation);
            }
        }
        for (const QString &inc : app.includes) {
            if (!rel.app(inc)) {
                findings << Finding::error(
                    QStringLiteral(
                        "%1 includes %2, which is not in the release; included applications must be "
                        "listed in the .rel too")
                        .arg(app.spec.name, inc),
                    app.relLocation);
            }
        }
    }
}

// Pairs of applications that claim the same name: registered processes, or included applications.
void checkClaims(const std::vector<ResolvedApp> &apps,
                 const std::function<QStringList(const ResolvedApp &)> &claims, const QString &message,
                 Findings &findings)
{
    QHash<QString, const ResolvedApp *> owner;
    for (const ResolvedApp &app : apps) {
        for (const QString &name : claims(app)) {
            if (const ResolvedApp *first = owner.value(name)) {
                findings << Finding::error(message.arg(name, first->spec.name, app.spec.name),
                                           app.relLocation);
            } else {
                owner.insert(name, &app);
            }
        }
    }
}

// The application that (transitively) includes NAME, or NAME itself (systools' find_top_app).
QString topApplication(const QString &name, const std::vector<std::pair<QString, QString>> &included)
{
    QString current = name;
    for (size_t guard = 0; guard <= included.size(); ++guard) {
        auto it =
            std::find_if(included.begin(), included.end(), [&](const auto &p) { return p.first == current; });
        if (it == included.end())
            return current;
        current = it->second;
    }
    return current; // a cycle; reported before this is used
}

std::vector<std::pair<QString, QString>> includedPairs(const std::vector<ResolvedApp> &apps)
{
    std::vector<std::pair<QString, QString>> pairs; // {IncludedApp, Includer}, in application order
    for (const ResolvedApp &app : apps) {
        for (const QString &inc : app.includes)
            pairs.emplace_back(inc, app.spec.name);
    }
    return pairs;
}

bool checkIncludeCycles(const std::vector<ResolvedApp> &apps, Findings &findings)
{
    const auto pairs = includedPairs(apps);
    for (const ResolvedApp &app : apps) {
        QStringList chain{app.spec.name};
        QString current = app.spec.name;
        while (true) {
            auto it =
                std::find_if(pairs.begin(), pairs.end(), [&](const auto &p) { return p.first == current; });
            if (it == pairs.end())
                break;
            current = it->second;
            chain << current;
            if (current == app.spec.name) {
                // The chain runs from each application to the one that includes it: read it backwards.
                std::reverse(chain.begin(), chain.end());
                findings << Finding::error(QStringLiteral("included applications form a cycle: %1")
                                               .arg(chain.join(QStringLiteral(" includes "))),
                                           app.relLocation);
                return false;
            }
            if (chain.size() > qsizetype(pairs.size()) + 1)
                break; // a cycle that does not pass through this application
        }
    }
    return true;
}

// systools' add_top_apps_to_uses: a dependency on an included application becomes a dependency on
// the application that includes it.
void useTopApplications(std::vector<ResolvedApp> &apps)
{
    const auto pairs = includedPairs(apps);
    for (ResolvedApp &app : apps) {
        const QString myTop = topApplication(app.spec.name, pairs);
        QStringList acc = app.uses;
        for (const QString &used : app.uses) {
            if (used == myTop) {
                removeFirst(acc, myTop);
                continue;
            }
            auto it =
                std::find_if(pairs.begin(), pairs.end(), [&](const auto &p) { return p.first == used; });
            if (it == pairs.end())
                continue;
            const QString usedTop = topApplication(it->second, pairs);
            if (acc.contains(usedTop)) {
                removeFirst(acc, used);
            } else if (usedTop != myTop) {
                removeFirst(acc, used);
                acc << usedTop;
            }
        }
        app.uses = acc;
    }
}

// systools' sort_used_and_incl_appls: `applications` and `included_applications` in .rel order,
// names not in the .rel last.
void sortByReleaseOrder(const ReleaseSpec &rel, std::vector<ResolvedApp> &apps)
{
    auto position = [&](const QString &name) {
        for (size_t i = 0; i < rel.apps.size(); ++i) {
            if (rel.apps[i].name == name)
                return qsizetype(i);
        }
        return std::numeric_limits<qsizetype>::max();
    };
    auto sortList = [&](QStringList &list) {
        if (list.size() > 1)
            std::stable_sort(list.begin(), list.end(),
                             [&](const QString &a, const QString &b) { return position(a) < position(b); });
    };
    for (ResolvedApp &app : apps) {
        sortList(app.includes);
        sortList(app.uses);
    }
}

void checkModules(const std::vector<ResolvedApp> &apps, Findings &findings)
{
    QHash<QString, const ResolvedApp *> owner;
    for (const ResolvedApp &app : apps) {
        QSet<QString> missingReported;
        // One listing per ebin directory (the index's, when it read the .app) rather than a stat per module.
        QSet<QString> beams;
        if (app.spec.beamsInEbin)
            beams = *app.spec.beamsInEbin;
        else
            for (const QString &file : filesEndingWith(app.spec.ebinDir, u".beam"))
                beams.insert(file.chopped(5));
        for (const QString &module : app.spec.modules) {
            if (const ResolvedApp *first = owner.value(module)) {
                findings << Finding::error(
                    QStringLiteral("module %1 is in both %2 (%3) and %4 (%5)")
                        .arg(module, first->spec.name, first->spec.ebinDir, app.spec.name, app.spec.ebinDir),
                    app.spec.locationOf(u"modules"));
            } else {
                owner.insert(module, &app);
            }
            if (!beams.contains(module) && !missingReported.contains(module)) {
                const QString beam = app.spec.ebinDir + QLatin1Char('/') + module + QStringLiteral(".beam");
                missingReported.insert(module);
                findings << Finding::warning(
                    QStringLiteral("%1 lists module %2 in its .app, but %3 is missing")
                        .arg(app.spec.name, module, beam),
                    app.spec.locationOf(u"modules"));
            }
        }
    }
}

void checkStartTypesOfIncluded(const std::vector<ResolvedApp> &apps, Findings &findings)
{
    const auto pairs = includedPairs(apps);
    for (const ResolvedApp &app : apps) {
        auto it =
            std::find_if(pairs.begin(), pairs.end(), [&](const auto &p) { return p.first == app.spec.name; });
        if (it != pairs.end() && app.typeGiven && app.type != StartType::Load &&
            app.type != StartType::None) {
            findings << Finding::warning(
                QStringLiteral(
                    "%1 is included by %2, so it is loaded but never started: its start type %3 has no "
                    "effect")
                    .arg(app.spec.name, it->second, startTypeName(app.type)),
                app.relLocation);
        }
    }
}

void checkErts(const ReleaseSpec &rel, const OtpInstallation *otp, Findings &findings)
{
    if (otp && rel.ertsVsn != otp->ertsVsn) {
        findings << Finding::warning(
            QStringLiteral("the release asks for ERTS %1, but the OTP in use (%2) has ERTS %3")
                .arg(rel.ertsVsn, otp->root, otp->ertsVsn),
            rel.ertsLocation);
    }
}

} // namespace

const ResolvedApp *ResolvedRelease::app(QStringView name) const
{
    for (const ResolvedApp &a : apps) {
        if (a.spec.name == name)
            return &a;
    }
    return nullptr;
}

bool ResolvedRelease::isIncluded(QStringView name) const
{
    return std::any_of(apps.begin(), apps.end(),
                       [&](const ResolvedApp &a) { return a.includes.contains(name.toString()); });
}

Resolution resolve(const ReleaseSpec &rel, const AppIndex &index, const OtpInstallation *otp)
{
    Resolution result;
    Findings &findings = result.findings;
    std::vector<ResolvedApp> apps = collectApplications(rel, index, findings);
    checkErts(rel, otp, findings);
    checkUndefined(rel, apps, findings);
    checkClaims(
        apps, [](const ResolvedApp &a) { return a.spec.registered; },
        QStringLiteral("the name %1 is registered by both %2 and %3"), findings);
    checkClaims(
        apps, [](const ResolvedApp &a) { return a.includes; },
        QStringLiteral("%1 is included by both %2 and %3; an application can be included only once"),
        findings);
    checkStartTypesOfIncluded(apps, findings);
    if (!checkIncludeCycles(apps, findings) || hasErrors(findings))
        return result;

    useTopApplications(apps);
    sortByReleaseOrder(rel, apps);
    checkModules(apps, findings);
    if (hasErrors(findings))
        return result;

    auto ordered = startOrder(apps, findings);
    if (!ordered || hasErrors(findings))
        return result;
    result.release = ResolvedRelease{rel, std::move(*ordered)};
    return result;
}

} // namespace rs::release
