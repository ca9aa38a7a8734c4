#include "upgrade/upgrade_preview.h"

#include "release/app_index.h"
#include "release/resolver.h"
#include "term/reader.h"
#include "upgrade/appup_generator.h"
#include "upgrade/appup_lint.h"
#include "upgrade/relup.h"

namespace rs::upgrade {

namespace {

// The base release with APP at VSN, as its own release version so that the relup can tell them apart.
release::ReleaseSpec withVersion(release::ReleaseSpec rel, const QString &app, const QString &vsn,
                                 const QString &relVsn)
{
    for (release::RelApp &a : rel.apps) {
        if (a.name == app)
            a.vsn = vsn;
    }
    rel.vsn = relVsn;
    return rel;
}

Expected<AppVersion> loadVersion(const release::AppIndex &index, const QString &app, const QString &vsn)
{
    auto spec = index.find(app, vsn);
    if (!spec)
        return spec.error();
    return loadAppVersion(*spec);
}

} // namespace

GeneratedText generateAppupText(const release::AppIndex &index, const QString &app, const QString &fromVsn,
                                const QString &toVsn)
{
    GeneratedText out;
    const auto from = loadVersion(index, app, fromVsn);
    const auto to = loadVersion(index, app, toVsn);
    if (!from || !to) {
        out.findings << (from ? to.error() : from.error());
        return out;
    }
    const auto generated = generateAppup(*from, *to);
    if (!generated) {
        out.findings << generated.error();
        return out;
    }
    out.appupText = generated->text();
    out.findings = generated->findings;
    return out;
}

UpgradePreview previewUpgrade(const release::ReleaseSpec &base, const release::AppIndex &index,
                              const release::OtpInstallation *otp, const QString &app, const QString &fromVsn,
                              const QString &toVsn, const QByteArray &appupText, const QString &appupFile)
{
    UpgradePreview preview;
    const auto terms = term::consultText(appupText, appupFile);
    if (!terms || terms->empty()) {
        preview.findings << (terms ? Finding::error(QStringLiteral("the appup is empty"), {appupFile, 1, 1})
                                   : terms.error());
        return preview;
    }
    auto appup = parseAppupTerm(terms->front(), appupFile);
    if (!appup) {
        preview.findings << appup.error();
        return preview;
    }
    const auto from = loadVersion(index, app, fromVsn);
    const auto to = loadVersion(index, app, toVsn);
    if (from && to)
        preview.findings << lintAppup(*appup, *from, *to);

    const release::Resolution oldRel = release::resolve(
        withVersion(base, app, fromVsn, base.vsn + QStringLiteral("-") + app + QLatin1Char('-') + fromVsn),
        index, otp);
    const release::Resolution newRel = release::resolve(withVersion(base, app, toVsn, base.vsn), index, otp);
    for (const release::Resolution *r : {&oldRel, &newRel}) {
        for (const Finding &f : r->findings) {
            if (f.isError())
                preview.findings << f;
        }
    }
    if (!oldRel.release || !newRel.release)
        return preview;
    RelupOptions options;
    options.appupOverrides.emplace(app, std::move(*appup));
    const auto relup = makeRelup(*newRel.release, std::vector<release::ResolvedRelease>{*oldRel.release},
                                 std::vector<release::ResolvedRelease>{*oldRel.release}, options);
    if (!relup) {
        preview.findings << relup.error();
        return preview;
    }
    preview.findings << relup->warnings;
    preview.relupText = relup->text();
    return preview;
}

} // namespace rs::upgrade
