#include "package/target_files.h"

#include "package/release_control_script.h"
#include "release/resolver.h"
#include "term/pretty.h"

namespace rs::package {

using term::Term;

namespace {

QString statusName(ReleaseStatus status)
{
    switch (status) {
    case ReleaseStatus::Permanent:
        return QStringLiteral("permanent");
    case ReleaseStatus::Current:
        return QStringLiteral("current");
    case ReleaseStatus::Unpacked:
        return QStringLiteral("unpacked");
    case ReleaseStatus::Old:
        return QStringLiteral("old");
    }
    return {};
}

} // namespace

QByteArray releasesFileText(const release::ResolvedRelease &release, ReleaseStatus status)
{
    // create_RELEASES lists the applications in .rel order.
    std::vector<Term> apps;
    for (const release::RelApp &relApp : release.rel.apps) {
        const QString dir = QStringLiteral("lib/") + relApp.name + QLatin1Char('-') + relApp.vsn;
        apps.push_back(Term::tuple({Term::atom(relApp.name), Term::string(relApp.vsn), Term::string(dir)}));
    }
    const Term entry = Term::tuple({Term::atom(QStringLiteral("release")), Term::string(release.rel.name),
                                    Term::string(release.rel.vsn), Term::string(release.rel.ertsVsn),
                                    Term::list(std::move(apps)), Term::atom(statusName(status))});
    return term::consultFileText(Term::list({entry}));
}

QByteArray startErlData(const release::ResolvedRelease &release)
{
    return (release.rel.ertsVsn + QLatin1Char(' ') + release.rel.vsn + QLatin1Char('\n')).toUtf8();
}

QByteArray releaseControlScript(const QString &releaseName, const QString &fallbackErtsBin)
{
    QString script = QString::fromUtf8(releaseControlScriptTemplate);
    script.replace(QStringLiteral("@REL_NAME@"), releaseName);
    script.replace(QStringLiteral("@FALLBACK_ERTS_BIN@"), fallbackErtsBin);
    return script.toUtf8();
}

} // namespace rs::package
