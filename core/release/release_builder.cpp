#include "release/release_builder.h"

#include "release/app_index.h"
#include "release/otp_installation.h"

#include <QSet>

namespace rs::release {

namespace {

struct Closure
{
    const AppIndex &index;
    std::vector<RelApp> ordered;
    QSet<QString> done;
    QSet<QString> inProgress;
    std::optional<Finding> error;

    void visit(const QString &name, const QString &neededBy, bool optional)
    {
        if (error || done.contains(name) || inProgress.contains(name))
            return; // a cycle is left for `check` to report with its path
        const AppSpec *spec = index.newest(name);
        if (!spec) {
            if (!optional) {
                error = Finding::error(
                    neededBy.isEmpty()
                        ? QStringLiteral("application %1 not found in the lib dirs or the OTP").arg(name)
                        : QStringLiteral("application %1, needed by %2, not found in the lib dirs "
                                         "or the OTP")
                              .arg(name, neededBy));
            }
            return;
        }
        inProgress.insert(name);
        for (const QString &dep : spec->applications)
            visit(dep, name, spec->optionalApplications.contains(dep));
        for (const QString &dep : spec->includedApplications)
            visit(dep, name, false);
        inProgress.remove(name);
        done.insert(name);
        RelApp app;
        app.name = name;
        app.vsn = spec->vsn;
        ordered.push_back(app);
    }
};

} // namespace

Expected<std::vector<RelApp>> dependencyClosure(const QStringList &roots, const AppIndex &index,
                                                const QStringList &present)
{
    Closure closure{index, {}, {}, {}, std::nullopt};
    for (const QString &p : present)
        closure.done.insert(p);
    for (const QString &app : roots)
        closure.visit(app, QString(), false);
    if (closure.error)
        return *closure.error;
    return std::move(closure.ordered);
}

Expected<ReleaseSpec> newRelease(const QString &name, const QString &vsn, const QStringList &roots,
                                 const AppIndex &index, const OtpInstallation &otp)
{
    auto apps = dependencyClosure(
        QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("sasl")} + roots,
        index);
    if (!apps)
        return apps.error();
    ReleaseSpec spec;
    spec.name = name;
    spec.vsn = vsn;
    spec.ertsVsn = otp.ertsVsn;
    spec.apps = std::move(apps).value();
    return spec;
}

} // namespace rs::release
