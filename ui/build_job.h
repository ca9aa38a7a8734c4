#pragma once

#include "common/finding.h"
#include "jobs/progress.h"
#include "package/build_plan.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace rs::ui {

enum class BuildTarget { Tarball, Directory };

struct BuildJobResult
{
    bool ok = false;
    bool cancelled = false;
    QString output;
    qint64 files = 0;
    qint64 bytes = 0;
    Findings findings;
};

// One release build on the thread pool: plans it, then writes the tarball or the target
// directory, reporting progress (throttled to a few updates a second) and stopping when cancelled.
// A cancelled or failed build leaves nothing behind.
class BuildJob : public QObject
{
    Q_OBJECT

public:
    BuildJob(package::BuildRequest request, BuildTarget target, QString output,
             std::optional<qint64> fixedMtime, std::shared_ptr<const WorkspaceSnapshot> snapshot,
             QObject *parent = nullptr);
    ~BuildJob() override;

    void start();
    void cancel() { m_cancelled = true; }
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    void progress(qint64 done, qint64 total, const QString &current);
    void finished(const rs::ui::BuildJobResult &result);

private:
    BuildJobResult run();

    package::BuildRequest m_request;
    BuildTarget m_target;
    QString m_output;
    std::optional<qint64> m_fixedMtime;
    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    std::atomic_bool m_cancelled = false;
    QFutureWatcher<BuildJobResult> m_watcher;
};

} // namespace rs::ui
