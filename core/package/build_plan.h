#pragma once

#include "common/expected.h"
#include "package/release_layout.h"
#include "release/resolver.h"

#include <QString>

#include <vector>

namespace rs::release {
class AppIndex;
struct OtpInstallation;
} // namespace rs::release

namespace rs::script {
struct BootRules;
}

namespace rs::package {

// What the user asks to build: a .rel on disk and what goes with it.
struct BuildRequest
{
    QString relFile;
    QString sysConfig;
    QString vmArgs;
    QString relup;
    bool includeErts = false; // the ERTS of the OTP in use
    QString ertsRoot;         // or the ERTS of this OTP root
    bool includeSource = false;
};

// A release resolved, its boot script generated, its inputs checked and its members listed:
// everything a tarball or a target directory is written from.
struct BuildPlan
{
    release::ResolvedRelease release;
    std::vector<PackageMember> members;
    Findings warnings;
};

// Every error is reported (a plan exists only when there is none); warnings travel with the plan.
struct PlanResult
{
    std::optional<BuildPlan> plan;
    Findings findings;
};

PlanResult planBuild(const BuildRequest &request, const release::AppIndex &index,
                     const release::OtpInstallation &otp, const script::BootRules &rules);

} // namespace rs::package
