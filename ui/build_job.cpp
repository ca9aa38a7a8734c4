#include "build_job.h"

#include "archive/tar_writer.h"
#include "package/package_writer.h"

#include <QMetaObject>
#include <QtConcurrent>

namespace rs::ui {

namespace {

// Forwards progress to the GUI thread at most every 50 ms, and cancellation to the writer.
class JobMonitor final : public jobs::Monitor
{
public:
    JobMonitor(BuildJob *job, const std::atomic_bool &cancelled) : m_job(job), m_cancelled(cancelled)
    {
        m_clock.start();
    }
    void report(const jobs::Progress &p) override
    {
        if (m_clock.elapsed() < 50 && p.done < p.total)
            return;
        m_clock.restart();
        QMetaObject::invokeMethod(m_job, "progress", Qt::QueuedConnection, Q_ARG(qint64, p.done),
                                  Q_ARG(qint64, p.total), Q_ARG(QString, p.current));
    }
    bool isCancelled() const override { return m_cancelled.load(); }

private:
    BuildJob *m_job;
    const std::atomic_bool &m_cancelled;
    QElapsedTimer m_clock;
};

} // namespace

BuildJob::BuildJob(package::BuildRequest request, BuildTarget target, QString output,
                   std::optional<qint64> fixedMtime, std::shared_ptr<const WorkspaceSnapshot> snapshot,
                   QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_target(target), m_output(std::move(output)),
      m_fixedMtime(fixedMtime), m_snapshot(std::move(snapshot))
{
    connect(&m_watcher, &QFutureWatcher<BuildJobResult>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

BuildJob::~BuildJob()
{
    // The worker uses this object's flag and signals: stop it and wait before they go away.
    m_cancelled = true;
    m_watcher.waitForFinished();
}

void BuildJob::start()
{
    m_cancelled = false;
    m_watcher.setFuture(QtConcurrent::run([this] { return run(); }));
}

BuildJobResult BuildJob::run()
{
    BuildJobResult result;
    result.output = m_output;
    if (!m_snapshot->otp) {
        result.findings << Finding::error(tr("No Erlang/OTP found: set its root in Settings"));
        return result;
    }
    const package::PlanResult plan =
        package::planBuild(m_request, m_snapshot->index, *m_snapshot->otp, m_snapshot->rules);
    result.findings = plan.findings;
    if (!plan.plan)
        return result;
    JobMonitor monitor(this, m_cancelled);
    Expected<package::WriteStats> written = Finding::error(QString());
    if (m_target == BuildTarget::Tarball) {
        archive::TarOptions options;
        options.fixedMtime = m_fixedMtime;
        written = package::writeTarball(plan.plan->members, m_output, options, monitor);
    } else {
        written = package::writeDirectory(plan.plan->members, m_output, monitor);
    }
    if (!written) {
        result.cancelled = m_cancelled.load();
        if (!result.cancelled)
            result.findings << written.error();
        return result;
    }
    result.ok = true;
    result.files = written->files;
    result.bytes = written->bytes;
    return result;
}

} // namespace rs::ui
