#include "package_options.h"

#include "command.h"

#include "package/build_plan.h"
#include "release/resolver.h"
#include "script/boot_script.h"

#include <QDir>

#include <QElapsedTimer>
#include <QFileInfo>
#include <atomic>
#include <csignal>

namespace rs::cli {

void PackageOptions::addTo(QCommandLineParser &parser) const
{
    release.addTo(parser);
    for (const auto *o : {&includeErts, &erts, &sysConfig, &vmArgs, &relup, &includeSrc, &progress})
        parser.addOption(*o);
}

std::optional<PreparedPackage> preparePackage(const QCommandLineParser &parser, const PackageOptions &options,
                                              const QString &relPath)
{
    auto ws = openWorkspace(parser, options.release);
    if (!ws)
        return std::nullopt;
    const script::BootRules rules = script::bootRulesFor(ws->otp);
    printFindings(rules.notes);
    package::BuildRequest request;
    request.relFile = relPath;
    request.sysConfig = parser.value(options.sysConfig);
    request.vmArgs = parser.value(options.vmArgs);
    request.relup = parser.value(options.relup);
    request.includeSource = parser.isSet(options.includeSrc);
    request.includeErts = parser.isSet(options.includeErts);
    request.ertsRoot = parser.value(options.erts);
    package::PlanResult result = package::planBuild(request, ws->index, ws->otp, rules);
    printFindings(result.findings);
    if (!result.plan)
        return std::nullopt;
    return PreparedPackage{std::move(*ws), std::move(result.plan->release), std::move(result.plan->members)};
}

namespace {

// Ctrl-C (SIGINT) or SIGTERM asks a running build to stop; the writers then remove what they made.
std::atomic_bool interrupted = false;

extern "C" void onInterrupt(int)
{
    interrupted = true;
}

class CliMonitor final : public jobs::Monitor
{
public:
    explicit CliMonitor(bool showProgress) : m_showProgress(showProgress)
    {
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
    }
    bool isCancelled() const override { return interrupted.load(); }
    void report(const jobs::Progress &p) override
    {
        if (!m_showProgress || (m_timer.isValid() && m_timer.elapsed() < 200 && p.done < p.total))
            return;
        m_timer.start();
        const int percent = p.total > 0 ? int(100 * p.done / p.total) : 0;
        err() << QStringLiteral("\r[%1%] %2/%3 MB %4\x1b[K")
                     .arg(percent, 3)
                     .arg(double(p.done) / 1e6, 0, 'f', 1)
                     .arg(double(p.total) / 1e6, 0, 'f', 1)
                     .arg(p.current.right(60));
        if (p.total > 0 && p.done >= p.total)
            err() << QStringLiteral("\n");
        err().flush();
    }

private:
    bool m_showProgress;
    QElapsedTimer m_timer;
};

} // namespace

std::unique_ptr<jobs::Monitor> makeProgressMonitor(bool enabled)
{
    return std::make_unique<CliMonitor>(enabled);
}

} // namespace rs::cli
