#include "package/build_plan.h"

#include "release/otp_installation.h"
#include "script/boot_script.h"

namespace rs::package {

PlanResult planBuild(const BuildRequest &request, const release::AppIndex &index,
                     const release::OtpInstallation &otp, const script::BootRules &rules)
{
    PlanResult result;
    const release::RelParse rel = release::readRelFile(request.relFile);
    result.findings << rel.findings;
    if (!rel.ok())
        return result;
    release::Resolution resolution = release::resolve(rel.spec, index, &otp);
    result.findings << resolution.findings;
    if (!resolution.release)
        return result;

    PackageInputs inputs;
    inputs.relFile = request.relFile;
    inputs.bootFile = script::renderBootFiles(script::makeScript(*resolution.release, {}, rules)).boot;
    inputs.sysConfig = request.sysConfig;
    inputs.vmArgs = request.vmArgs;
    inputs.relup = request.relup;
    inputs.includeSource = request.includeSource;
    inputs.ertsRoot = !request.ertsRoot.isEmpty() ? request.ertsRoot
                      : request.includeErts       ? otp.root
                                                  : QString();
    const Findings problems = checkInputs(inputs);
    if (!problems.isEmpty()) {
        result.findings << problems;
        return result;
    }
    const QString fallbackBin = otp.root + QStringLiteral("/erts-") + otp.ertsVsn + QStringLiteral("/bin");
    auto members = targetMembers(*resolution.release, inputs, fallbackBin, rules);
    if (!members) {
        result.findings << members.error();
        return result;
    }
    result.plan = BuildPlan{std::move(*resolution.release), std::move(members).value(), result.findings};
    return result;
}

} // namespace rs::package
