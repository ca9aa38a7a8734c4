#include "script/script_preview.h"

#include "release/resolver.h"
#include "term/reader.h"

namespace rs::script {

ScriptPreview previewScript(const QByteArray &relText, const QString &relPath, const release::AppIndex &index,
                            const release::OtpInstallation *otp, const BootRules &rules,
                            const ScriptOptions &options)
{
    ScriptPreview preview;
    const auto terms = term::consultText(relText, relPath);
    if (!terms) {
        preview.findings << terms.error();
        return preview;
    }
    if (terms->empty()) {
        preview.findings << Finding::error(QStringLiteral("the .rel file holds no term"), {relPath, 1, 1});
        return preview;
    }
    const release::RelParse rel = release::parseRelTerm(terms->front(), relPath);
    preview.findings << rel.findings;
    if (!rel.ok())
        return preview;
    const release::Resolution resolution = release::resolve(rel.spec, index, otp);
    preview.findings << resolution.findings;
    if (!resolution.release)
        return preview;
    preview.script = makeScript(*resolution.release, options, rules);
    const BootFiles files = renderBootFiles(*preview.script);
    preview.scriptText = files.script;
    preview.bootBytes = files.boot;
    return preview;
}

} // namespace rs::script
