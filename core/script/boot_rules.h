#pragma once

#include "common/expected.h"

#include <QStringList>

namespace rs::release {
struct OtpInstallation;
}

namespace rs::script {

// The two module lists systools_make keeps in its code, taken from the OTP in use so that a
// newer OTP's lists are followed without a change here.
struct BootRules
{
    QStringList preloaded; // ERTS's preloaded modules, sorted (systools_make:preloaded/0)
    QStringList mandatory; // kernel/stdlib modules loaded first, in systools' order (mandatory_modules/0)
    Findings notes;        // warnings when a list had to fall back to the one of OTP 25
};

// Preloaded: the modules in lib/erts-VSN/ebin. Mandatory: the literal list in sasl's
// systools_make.beam that starts with error_handler.
BootRules bootRulesFor(const release::OtpInstallation &otp);

// The lists of OTP 25 (sasl 4.2), used when the OTP in use does not tell.
BootRules otp25BootRules();

} // namespace rs::script
