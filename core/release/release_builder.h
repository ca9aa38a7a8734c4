#pragma once

#include "common/expected.h"
#include "release/rel_spec.h"

#include <QStringList>

namespace rs::release {

class AppIndex;
struct OtpInstallation;

// A release of the root applications and everything they need, as relx and reltool make one:
// kernel, stdlib and sasl first, then the closure over `applications`, `included_applications`
// and those `optional_applications` that are found, each at its newest version, every
// application after the ones it needs. ERTS is the one of the OTP in use.
Expected<ReleaseSpec> newRelease(const QString &name, const QString &vsn, const QStringList &roots,
                                 const AppIndex &index, const OtpInstallation &otp);

// The applications to add to a release for `roots`: the roots and everything they need that is
// not in `present`, at their newest versions, each after the ones it needs.
Expected<std::vector<RelApp>> dependencyClosure(const QStringList &roots, const AppIndex &index,
                                                const QStringList &present = {});

} // namespace rs::release
