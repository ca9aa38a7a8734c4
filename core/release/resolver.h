#pragma once

#include "common/finding.h"
#include "release/app_spec.h"
#include "release/rel_spec.h"

#include <optional>
#include <vector>

namespace rs::release {

class AppIndex;
struct OtpInstallation;

// An application of a resolved release, with the relations systools computes from the .rel and
// the .app files: `uses` and `includes` after systools' rewriting and sorting.
struct ResolvedApp
{
    AppSpec spec;
    StartType type = StartType::Permanent;
    bool typeGiven = false;
    QStringList uses;     // `applications`, rewritten to top applications, in .rel order
    QStringList includes; // `included_applications` (or the .rel's override), in .rel order
    SourceLocation relLocation;
};

// A release whose applications were all found and checked, in start order.
struct ResolvedRelease
{
    ReleaseSpec rel;
    std::vector<ResolvedApp> apps; // start order (systools' sort_appls)

    const ResolvedApp *app(QStringView name) const;
    bool isIncluded(QStringView name) const; // included by another application of the release
};

struct Resolution
{
    std::optional<ResolvedRelease> release; // present when there is no error
    Findings findings;                      // errors and warnings, in the order found
};

// Resolves and checks a release as systools_make:get_release does, reporting every problem it
// can in one pass, plus checks systools does not make (missing .beam files, ERTS mismatch, a
// start type given to an included application, cycles among included applications).
Resolution resolve(const ReleaseSpec &rel, const AppIndex &index, const OtpInstallation *otp);

} // namespace rs::release
