#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace rs::jobs {

// What a long operation reports as it goes: how far (done/total, in its own unit: bytes, files,
// modules), and what it is working on. total 0 means unknown.
struct Progress
{
    qint64 done = 0;
    qint64 total = 0;
    QString current;
};

// How a long operation talks to whoever runs it: it reports progress (cheap to call often; the
// receiver throttles) and asks whether it should stop. The CLI and the GUI both provide one.
class Monitor
{
public:
    virtual ~Monitor() = default;
    virtual void report(const Progress &progress) { (void)progress; }
    virtual bool isCancelled() const { return false; }
};

// A monitor over a cancellation flag and a callback, for code that has no job object.
class CallbackMonitor final : public Monitor
{
public:
    explicit CallbackMonitor(std::function<void(const Progress &)> onProgress = {},
                             const std::atomic_bool *cancelled = nullptr)
        : m_onProgress(std::move(onProgress)), m_cancelled(cancelled)
    {
    }
    void report(const Progress &progress) override
    {
        if (m_onProgress)
            m_onProgress(progress);
    }
    bool isCancelled() const override { return m_cancelled && m_cancelled->load(std::memory_order_relaxed); }

private:
    std::function<void(const Progress &)> m_onProgress;
    const std::atomic_bool *m_cancelled;
};

// The monitor of code that nobody watches.
inline Monitor &silentMonitor()
{
    static Monitor monitor;
    return monitor;
}

} // namespace rs::jobs
