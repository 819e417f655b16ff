// Frame time while a run adds 5,000 nodes to the task graph: synthetic RunEvents of a 5,000-step
// run (turns of one model call and --tools tool calls, each step created, started, succeeded) are
// fed to a shown TaskGraphView in batches on the event loop, while Graphviz layouts run off the GUI
// thread. Measured: the lateness of a 16 ms timer (how long the event loop was busy), the view's
// paint intervals and durations, and the GUI-thread time of each batch. Prints figures only.

#include <QApplication>
#include <QElapsedTimer>
#include <QPaintEvent>
#include <QTimer>
#include <QWindow>

#include "GuiBench.h"
#include "graph/TaskGraphView.h"

using namespace awb;
using namespace awb::guibench;

namespace {

// The view with its paints timed (paintEvent is where QGraphicsView draws the scene).
class TimedGraphView : public ui::TaskGraphView
{
public:
    QElapsedTimer* clock = nullptr;
    std::vector<double> paintStartsMs;
    std::vector<double> paintDurationsMs;

protected:
    void paintEvent(QPaintEvent* event) override
    {
        const qint64 start = clock->nsecsElapsed();
        ui::TaskGraphView::paintEvent(event);
        paintStartsMs.push_back(double(start) / 1e6);
        paintDurationsMs.push_back(double(clock->nsecsElapsed() - start) / 1e6);
    }
};

std::vector<RunEvent> syntheticRun(const QString& runId, int steps, int toolsPerTurn)
{
    std::vector<RunEvent> events;
    QDateTime time = QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
    auto add = [&](EventKind kind, const QString& step, Json data) {
        RunEvent e;
        e.runId = runId;
        e.seq = std::int64_t(events.size()) + 1;
        time = time.addMSecs(5);
        e.time = time;
        e.kind = kind;
        e.stepId = step;
        e.data = std::move(data);
        events.push_back(std::move(e));
    };
    add(EventKind::RunStarted, {}, {{"agent", "synthetic"}, {"provider", "scripted"}});
    int n = 0;
    int turn = 0;
    while (n < steps) {
        ++turn;
        for (int k = 0; k <= toolsPerTurn && n < steps; ++k) {
            const bool model = k == 0;
            const QString id = QStringLiteral("s%1").arg(++n);
            add(EventKind::StepCreated, id,
                {{"kind", model ? "model" : "tool"},
                 {"name", model ? "scripted-bench" : "echo"},
                 {"turn", turn},
                 {"arguments", {{"n", n}}}});
            add(EventKind::StepStarted, id, {{"attempt", 1}});
            if (model)
                add(EventKind::ModelResponded, id,
                    {{"message", {{"role", "assistant"}, {"text", "ok"}}},
                     {"usage", {{"input_tokens", 10}, {"output_tokens", 5}}}});
            else
                add(EventKind::ToolSucceeded, id, {{"content", {{"ok", true}}}});
        }
    }
    return events;
}

int intArg(int argc, char* argv[], const char* name, int fallback)
{
    const QString prefix = QStringLiteral("--%1=").arg(QLatin1String(name));
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a.startsWith(prefix))
            return a.mid(prefix.size()).toInt();
    }
    return fallback;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const int steps = intArg(argc, argv, "steps", 5000);
    const int tools = intArg(argc, argv, "tools", 4);
    const int batch = intArg(argc, argv, "batch", 30);        // events per batch
    const int intervalMs = intArg(argc, argv, "interval", 5); // between batches
    // 1: every tick asks for a frame (as while panning or animating), so paint intervals are
    // frame times; 0: the view paints only what its own updates ask for.
    const int repaint = intArg(argc, argv, "repaint", 1);
    const int tickMs = 16;

    const QString runId = QStringLiteral("20261001T090000Z-bench");
    const std::vector<RunEvent> events = syntheticRun(runId, steps, tools);

    QElapsedTimer clock;
    clock.start();
    TimedGraphView view;
    view.clock = &clock;
    view.resize(1200, 800);
    view.show();
    while (!view.windowHandle() || !view.windowHandle()->isExposed())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    view.setRun(runId, {});

    std::vector<double> lateness;
    std::vector<double> batchMs;
    std::vector<double> layoutMs;
    qint64 lastTick = -1;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(tickMs);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0)
            lateness.push_back(std::max(0.0, double(now - lastTick) / 1e6 - tickMs));
        lastTick = now;
        if (repaint)
            view.viewport()->update();
    });
    qint64 layoutStart = 0;
    int layouts = 0;
    QObject::connect(&view, &ui::TaskGraphView::layoutStarted, &app,
                     [&] { layoutStart = clock.nsecsElapsed(); });
    QObject::connect(&view, &ui::TaskGraphView::layoutApplied, &app, [&](int) {
        ++layouts;
        layoutMs.push_back(double(clock.nsecsElapsed() - layoutStart) / 1e6);
    });

    // Idle baseline first: the same timer with nothing else happening.
    ticker.start();
    const qint64 baselineEnd = clock.nsecsElapsed() + 1000'000'000LL;
    while (clock.nsecsElapsed() < baselineEnd)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const std::vector<double> idleLateness = std::exchange(lateness, {});
    std::vector<double> idlePaints;
    for (std::size_t i = 1; i < view.paintStartsMs.size(); ++i)
        idlePaints.push_back(view.paintStartsMs[i] - view.paintStartsMs[i - 1]);
    view.paintStartsMs.clear();
    view.paintDurationsMs.clear();

    std::size_t next = 0;
    const qint64 feedStart = clock.nsecsElapsed();
    qint64 feedEnd = -1;
    QTimer feeder;
    feeder.setInterval(intervalMs);
    QObject::connect(&feeder, &QTimer::timeout, &app, [&] {
        const qint64 start = clock.nsecsElapsed();
        for (int i = 0; i < batch && next < events.size(); ++i)
            view.apply(events[next++]);
        batchMs.push_back(double(clock.nsecsElapsed() - start) / 1e6);
        if (next == events.size()) {
            feeder.stop();
            feedEnd = clock.nsecsElapsed();
        }
    });
    feeder.start();
    const qint64 deadline = feedStart + 600'000'000'000LL;
    while ((feedEnd < 0 || view.laidOutNodeCount() < steps || view.isLayoutPending()) &&
           clock.nsecsElapsed() < deadline)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const qint64 doneAt = clock.nsecsElapsed();
    ticker.stop();

    std::vector<double> paintIntervals;
    for (std::size_t i = 1; i < view.paintStartsMs.size(); ++i)
        paintIntervals.push_back(view.paintStartsMs[i] - view.paintStartsMs[i - 1]);

    line(QStringLiteral("platform %1, load average %2, %3 events of %4 steps (%5 tools per turn), "
                        "batches of %6 events every %7 ms, repaint every tick %8")
             .arg(QGuiApplication::platformName(), loadAverage())
             .arg(events.size())
             .arg(steps)
             .arg(tools)
             .arg(batch)
             .arg(intervalMs)
             .arg(repaint ? QStringLiteral("on") : QStringLiteral("off")));
    line(QStringLiteral("nodes %1, laid out %2, edges %3, layouts applied %4")
             .arg(view.nodeCount())
             .arg(view.laidOutNodeCount())
             .arg(view.edgeCount())
             .arg(layouts));
    line(QStringLiteral("feeding took %1 s; all %2 nodes laid out after %3 s")
             .arg(double((feedEnd < 0 ? doneAt : feedEnd) - feedStart) / 1e9, 0, 'f', 2)
             .arg(steps)
             .arg(double(doneAt - feedStart) / 1e9, 0, 'f', 2));
    line(QStringLiteral("16 ms timer lateness, idle:        ") + percentiles(idleLateness));
    line(QStringLiteral("16 ms timer lateness, during run:  ") + percentiles(lateness));
    line(QStringLiteral("paint interval, idle:              ") + percentiles(idlePaints));
    line(QStringLiteral("paint interval during run:         ") + percentiles(paintIntervals));
    line(QStringLiteral("paint duration during run:         ") +
         percentiles(view.paintDurationsMs));
    line(QStringLiteral("GUI time per batch (apply):        ") + percentiles(batchMs));
    line(QStringLiteral("layout, start to applied (worker): ") + percentiles(layoutMs));
    return view.laidOutNodeCount() == steps ? 0 : 1;
}
