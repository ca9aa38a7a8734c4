#pragma once

#include "common/finding.h"
#include "script/boot_rules.h"
#include "script/boot_script.h"
#include "term/term.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace rs::release {
class AppIndex;
struct OtpInstallation;
} // namespace rs::release

namespace rs::script {

// Everything a side-by-side view shows for the text of a .rel being edited.
struct ScriptPreview
{
    std::optional<term::Term> script; // present when the release resolves
    QByteArray scriptText;            // NAME.script as systools writes it
    QByteArray bootBytes;             // NAME.boot
    Findings findings;                // of the .rel text and its applications
};

// Reads relText (the editor's text, which need not be saved) as the .rel at relPath, resolves it
// against the index and generates the boot script. Never throws; problems become findings.
ScriptPreview previewScript(const QByteArray &relText, const QString &relPath, const release::AppIndex &index,
                            const release::OtpInstallation *otp, const BootRules &rules,
                            const ScriptOptions &options = {});

} // namespace rs::script
