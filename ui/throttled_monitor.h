#pragma once

#include "jobs/progress.h"

#include <QElapsedTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace rs::ui {

// The monitor of a job on the thread pool: passes at most one progress report every 50 ms (and
// the last one) to post, which queues it to the GUI thread; the job stops when the flag is set.
class ThrottledMonitor final : public jobs::Monitor
{
public:
    ThrottledMonitor(std::function<void(const jobs::Progress &)> post,
                     std::shared_ptr<std::atomic_bool> cancelled)
        : m_post(std::move(post)), m_cancelled(std::move(cancelled))
    {
        m_clock.start();
    }
    void report(const jobs::Progress &p) override
    {
        const bool last = p.total > 0 && p.done >= p.total;
        if (!last && m_clock.elapsed() < 50)
            return;
        m_clock.restart();
        m_post(p);
    }
    bool isCancelled() const override { return m_cancelled->load(); }

private:
    std::function<void(const jobs::Progress &)> m_post;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QElapsedTimer m_clock;
};

} // namespace rs::ui
