// The GUI benchmarks of issue 9, on the offscreen platform, each view shown in a 1200×800 window:
// - opening a release tarball in the inspector until its tree shows the members (loaded() and the
//   tree's model has its top-level rows; goal ≤ 0.5 s), beside package::inspectRelease alone;
// - the longest stall of the GUI thread while the inspector loads it and while DiffView compares two
//   such tarballs and shows the result (goal ≤ 50 ms), beside the same watchdog on an idle event
//   loop. The watchdog is a 5 ms timer on the GUI thread that records the largest gap between two
//   of its timeouts, from just before open()/compare() until SettleMs after the result, and the GUI
//   thread's CPU time within that gap (a gap with little CPU is the machine, not the view);
// - the diff's wall time in DiffView (compare() to finished()), beside diff::diffReleases alone.
// Usage: bench_gui OLD NEW (two release tarballs; the inspector opens OLD). Each figure is the
// median of RUNS runs (default 5; a fresh view per run, each followed by core alone doing the same
// work) after a first run reported on its own. Prints Markdown table rows (| benchmark | Relstudio |
// other | ratio |) on stdout, progress on stderr.
#include "diff/diff_view.h"
#include "diff/release_diff.h"
#include "inspector/inspector_view.h"
#include "package/inspect.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace {

constexpr int WatchdogMs = 5;
constexpr int SettleMs = 100;     // the event loop runs on this long after a result (painting, ...)
constexpr int TimeoutMs = 300000; // a load or diff that takes longer is a failure
constexpr double LoadGoalMs = 500;
constexpr double StallGoalMs = 50;

struct Stall
{
    qint64 ns = 0;    // the longest gap between two timeouts
    qint64 cpuNs = 0; // the GUI thread's CPU time within it (the rest it waited for a core)
};

// The largest gap between two timeouts of a WatchdogMs timer on the GUI thread (or between start()
// and the first, the last and stop()): the longest time the event loop could not react.
class Watchdog
{
public:
    Watchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(WatchdogMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }
    void start()
    {
        m_longest = {};
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_clock.start();
        m_timer.start();
    }
    Stall stop()
    {
        tick();
        m_timer.stop();
        return m_longest;
    }

private:
    static qint64 threadCpuNs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (now - m_last > m_longest.ns)
            m_longest = {now - m_last, cpu - m_lastCpu};
        m_last = now;
        m_lastCpu = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    Stall m_longest;
};

// Runs the event loop until done() holds; false when timeoutMs passed first.
bool processUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer wake; // so that the deadline is seen while nothing else happens
    wake.start(50);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void processFor(int ms)
{
    const QDeadlineTimer deadline(ms);
    processUntil([&] { return deadline.hasExpired(); }, ms + 1000);
}

struct Run
{
    qint64 wallNs = 0; // open()/compare() until the result
    Stall stall;       // the watchdog's longest gap
    qint64 coreNs = 0; // the same work done by core alone, right after
};

// Opens path in a fresh, shown inspector; the run ends when loaded() was emitted and the tree's
// model has rows.
std::optional<Run> inspectorRun(const QString &path, Watchdog &watchdog)
{
    rs::ui::InspectorView view;
    view.resize(1200, 800);
    view.show();
    processFor(SettleMs);
    bool loaded = false;
    std::optional<QString> failure;
    QObject::connect(&view, &rs::ui::InspectorView::loaded, &view, [&] { loaded = true; });
    QObject::connect(&view, &rs::ui::InspectorView::loadFailed, &view,
                     [&](const QString &message) { failure = message; });
    const QAbstractItemModel *tree = view.treeView()->model();

    Run run;
    QElapsedTimer clock;
    watchdog.start();
    clock.start();
    view.open(path);
    const bool ended = processUntil([&] { return failure || (loaded && tree->rowCount() > 0); }, TimeoutMs);
    run.wallNs = clock.nsecsElapsed();
    processFor(SettleMs);
    run.stall = watchdog.stop();
    if (!ended || failure) {
        std::fprintf(stderr, "bench_gui: the inspector did not load %s: %s\n", qUtf8Printable(path),
                     failure ? qUtf8Printable(*failure) : "timed out");
        return std::nullopt;
    }
    return run;
}

// Compares oldPath with newPath in a fresh, shown DiffView; the run ends with finished().
std::optional<Run> diffViewRun(const QString &oldPath, const QString &newPath, Watchdog &watchdog)
{
    rs::ui::DiffView view;
    view.resize(1200, 800);
    view.show();
    processFor(SettleMs);
    bool finished = false;
    std::optional<QString> failure;
    QObject::connect(&view, &rs::ui::DiffView::finished, &view, [&] { finished = true; });
    QObject::connect(&view, &rs::ui::DiffView::failed, &view,
                     [&](const QString &message) { failure = message; });

    Run run;
    QElapsedTimer clock;
    watchdog.start();
    clock.start();
    view.compare(oldPath, newPath);
    const bool ended = processUntil([&] { return finished || failure; }, TimeoutMs);
    run.wallNs = clock.nsecsElapsed();
    processFor(SettleMs);
    run.stall = watchdog.stop();
    if (!ended || failure) {
        std::fprintf(stderr, "bench_gui: DiffView did not compare the tarballs: %s\n",
                     failure ? qUtf8Printable(*failure) : "timed out");
        return std::nullopt;
    }
    return run;
}

// A first run, then `runs` more, each a GUI run followed by a call of core (timed: interleaved, both
// see the same machine); nullopt when one fails.
std::optional<std::vector<Run>> repeat(int runs, const std::function<std::optional<Run>()> &gui,
                                       const std::function<bool()> &core)
{
    std::vector<Run> all;
    for (int i = 0; i <= runs; ++i) {
        auto run = gui();
        if (!run)
            return std::nullopt;
        QElapsedTimer clock;
        clock.start();
        if (!core()) {
            std::fprintf(stderr, "bench_gui: core failed on the tarballs\n");
            return std::nullopt;
        }
        run->coreNs = clock.nsecsElapsed();
        all.push_back(*run);
    }
    return all;
}

// The median of a figure over the runs after the first.
qint64 medianOf(const std::vector<Run> &runs, const std::function<qint64(const Run &)> &figure)
{
    std::vector<qint64> values;
    for (const Run &run : std::span(runs).subspan(1))
        values.push_back(figure(run));
    std::sort(values.begin(), values.end());
    return values[(values.size() - 1) / 2];
}

QString ms(qint64 ns, int decimals = 0)
{
    return QString::number(double(ns) / 1e6, 'f', decimals) + QStringLiteral(" ms");
}

QString goal(bool met)
{
    return met ? QStringLiteral("goal met") : QStringLiteral("goal NOT met");
}

void row(const QString &benchmark, const QString &ours, const QString &other, const QString &ratio)
{
    std::printf("| %s | %s | %s | %s |\n", qUtf8Printable(benchmark), qUtf8Printable(ours),
                qUtf8Printable(other), qUtf8Printable(ratio));
    std::fflush(stdout);
}

// The median of the runs' longest stalls, the worst of them with the GUI thread's CPU time within it
// (little CPU: the thread was waiting for a core, not working), and the first run's.
void stallRow(const QString &benchmark, const std::vector<Run> &runs, const Stall &idle)
{
    const qint64 stall = medianOf(runs, [](const Run &run) { return run.stall.ns; });
    const Run &worst = *std::max_element(runs.begin() + 1, runs.end(),
                                         [](const Run &a, const Run &b) { return a.stall.ns < b.stall.ns; });
    row(benchmark,
        QStringLiteral("%1 (worst %2 with %3 of GUI-thread CPU; first run %4)")
            .arg(ms(stall, 1), ms(worst.stall.ns, 1), ms(worst.stall.cpuNs, 1), ms(runs.front().stall.ns, 1)),
        QStringLiteral("%1 (idle event loop, 1 s)").arg(ms(idle.ns, 1)),
        goal(double(stall) / 1e6 <= StallGoalMs));
}

// The offscreen platform warns about the size hints of every window it shows: not news here.
QtMessageHandler defaultMessageHandler = nullptr;

void messageFilter(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!message.contains(QStringLiteral("propagateSizeHints")))
        defaultMessageHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    defaultMessageHandler = qInstallMessageHandler(messageFilter);
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: bench_gui OLD.tar.gz NEW.tar.gz\n");
        return 2;
    }
    const QString &oldPath = args[0];
    const QString &newPath = args[1];
    const int runs =
        qEnvironmentVariableIsSet("RUNS") ? std::max(1, qEnvironmentVariableIntValue("RUNS")) : 5;
    const QString size = QString::number(double(QFileInfo(oldPath).size()) / 1e6, 'f', 1);
    Watchdog watchdog;

    std::fprintf(stderr, "bench_gui: the watchdog on an idle event loop...\n");
    watchdog.start();
    processFor(1000);
    const Stall idle = watchdog.stop();

    std::fprintf(stderr, "bench_gui: the inspector, 1 + %d runs...\n", runs);
    const auto inspector = repeat(
        runs, [&] { return inspectorRun(oldPath, watchdog); },
        [&] { return rs::package::inspectRelease(oldPath).hasValue(); });
    if (!inspector)
        return 1;
    const qint64 load = medianOf(*inspector, [](const Run &run) { return run.wallNs; });
    row(QStringLiteral("open a release tarball (%1 MB) in the inspector until its tree shows, "
                       "GUI offscreen (goal: ≤ 0.5 s)")
            .arg(size),
        QStringLiteral("%1 (first run %2)").arg(ms(load), ms(inspector->front().wallNs)),
        QStringLiteral("%1 (package::inspectRelease alone)")
            .arg(ms(medianOf(*inspector, [](const Run &run) { return run.coreNs; }))),
        QStringLiteral("%1× the goal: %2")
            .arg(QString::number(double(load) / 1e6 / LoadGoalMs, 'f', 2),
                 goal(double(load) / 1e6 <= LoadGoalMs)));
    stallRow(QStringLiteral(
                 "longest GUI-thread stall while the inspector loads it (5 ms watchdog; goal: ≤ 50 ms)"),
             *inspector, idle);

    std::fprintf(stderr, "bench_gui: DiffView, 1 + %d runs...\n", runs);
    const auto diff = repeat(
        runs, [&] { return diffViewRun(oldPath, newPath, watchdog); },
        [&] { return rs::diff::diffReleases(oldPath, newPath).hasValue(); });
    if (!diff)
        return 1;
    stallRow(QStringLiteral("longest GUI-thread stall while DiffView compares two such tarballs (3 "
                            "applications differ) and shows the result (goal: ≤ 50 ms)"),
             *diff, idle);
    const qint64 wall = medianOf(*diff, [](const Run &run) { return run.wallNs; });
    const qint64 engine = medianOf(*diff, [](const Run &run) { return run.coreNs; });
    row(QStringLiteral("that diff in DiffView, compare() until finished() (the tree filled)"),
        QStringLiteral("%1 (first run %2)").arg(ms(wall), ms(diff->front().wallNs)),
        QStringLiteral("%1 (diff::diffReleases alone)").arg(ms(engine)),
        QStringLiteral("%1× the time").arg(QString::number(double(wall) / double(engine), 'f', 2)));
    return 0;
}
