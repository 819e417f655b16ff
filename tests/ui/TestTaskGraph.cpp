// The live task graph: a node per step in the state RunState gives it, edges model -> tool calls
// -> next model laid out by Graphviz off the GUI thread, status changes that only recolour, and
// the view's selection, zoom and fit.

#include <QApplication>
#include <QDir>
#include <QGraphicsScene>
#include <QtTest>

#include "core/engine/support/EngineFixture.h"
#include "graph/GraphLayout.h"
#include "graph/TaskGraphPanel.h"
#include "graph/TaskGraphView.h"

using namespace awb;
using namespace awb::test;
using awb::ui::NodeState;
using awb::ui::TaskGraphView;

namespace {
constexpr int kLayoutTimeoutMs = 120000;

const char* kScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "echo", "arguments": {"n": 1}}, {"name": "echo", "arguments": {"n": 2}},
                    {"name": "echo", "arguments": {"n": 3}}],
     "usage": {"input_tokens": 100, "output_tokens": 20}},
    {"text": "All three echoes came back.", "usage": {"input_tokens": 150, "output_tokens": 30}}]})";

// Events of a run written by hand, for states a scripted run does not reach.
struct EventScript
{
    QString runId = QStringLiteral("20261001T090000Z-synthetic");
    std::vector<RunEvent> events;
    QDateTime time = QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);

    const RunEvent& add(EventKind kind, const QString& step = {}, Json data = Json::object())
    {
        RunEvent e;
        e.runId = runId;
        e.seq = std::int64_t(events.size()) + 1;
        time = time.addMSecs(15);
        e.time = time;
        e.kind = kind;
        e.stepId = step;
        e.data = std::move(data);
        events.push_back(std::move(e));
        return events.back();
    }
    void start()
    {
        add(EventKind::RunStarted, {}, {{"agent", "synthetic"}, {"provider", "scripted"}});
    }
    void create(const QString& step, const char* kind, int turn, const QString& parent = {})
    {
        add(EventKind::StepCreated, step,
            {{"kind", kind},
             {"name", kind == std::string("model") ? "scripted-test" : "echo"},
             {"turn", turn},
             {"parent", toStd(parent)},
             {"arguments", {{"n", turn}}}});
    }
    void succeed(const QString& step, bool model)
    {
        add(EventKind::StepStarted, step, {{"attempt", 1}});
        if (model)
            add(EventKind::ModelResponded, step,
                {{"message", {{"role", "assistant"}, {"text", "ok"}}},
                 {"usage", {{"input_tokens", 10}, {"output_tokens", 5}}}});
        else
            add(EventKind::ToolSucceeded, step, {{"content", {{"ok", true}}}});
    }
};

// A run of `turns` turns, each a model call and `tools` concurrent tool calls, ending in a model
// call.
EventScript wideRun(int turns, int tools)
{
    EventScript s;
    s.start();
    int n = 0;
    for (int turn = 1; turn <= turns; ++turn) {
        const QString model = QStringLiteral("s%1").arg(++n);
        s.create(model, "model", turn);
        s.succeed(model, true);
        for (int t = 0; t < tools; ++t) {
            const QString tool = QStringLiteral("s%1").arg(++n);
            s.create(tool, "tool", turn);
            s.succeed(tool, false);
        }
    }
    return s;
}

bool waitForLayout(TaskGraphView& view, int timeoutMs = kLayoutTimeoutMs)
{
    QSignalSpy applied(&view, &TaskGraphView::layoutApplied);
    QDeadlineTimer deadline(timeoutMs);
    while (view.isLayoutPending() && !deadline.hasExpired())
        applied.wait(200);
    return !view.isLayoutPending();
}

Result<Json> echo(const Json& args, const ToolContext&)
{
    return Json{{"echo", args}};
}
} // namespace

class TestTaskGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void graphGainsANodePerStepInItsStateAsTheRunProceeds();
    void concurrentToolCallsShareARankBetweenTheirModelCalls();
    void nodeStateFollowsTheStepsEvents_data();
    void nodeStateFollowsTheStepsEvents();
    void statusChangesRecolourWithoutRelayout();
    void approvalSitsBetweenTheModelAndTheToolItGates();
    void twoThousandStepsLayOutOffTheGuiThread();
    void clickingANodeSelectsItsStep();
    void zoomKeysScaleAndFitShowsEverything();
    void eventsOfOtherRunsAreIgnored();
    void panelScreenshot();
};

void TestTaskGraph::graphGainsANodePerStepInItsStateAsTheRunProceeds()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    TaskGraphView view;
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}),
                                    EngineFixture::scripted(kScript), QStringLiteral("m"),
                                    QStringLiteral("go"), {}, f.journal.get());
    view.setRun(run->runId(), {});
    // After every event the graph has exactly the steps RunState has, each in its state.
    std::map<QString, std::vector<NodeState>> seen;
    QString mismatch;
    QObject::connect(f.journal.get(), &Journal::published, &view, [&](const RunEvent& e) {
        view.apply(e);
        const RunState& s = view.state();
        if (view.nodeCount() != int(s.steps.size()))
            mismatch = QStringLiteral("after event %1: %2 nodes, %3 steps")
                           .arg(e.seq)
                           .arg(view.nodeCount())
                           .arg(s.steps.size());
        for (const StepState& step : s.steps) {
            const auto state = view.nodeStateOf(step.id);
            if (!state || *state != ui::nodeState(step, false))
                mismatch = QStringLiteral("after event %1: step %2 shows the wrong state")
                               .arg(e.seq)
                               .arg(step.id);
            else if (seen[step.id].empty() || seen[step.id].back() != *state)
                seen[step.id].push_back(*state);
        }
    });
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QCOMPARE(view.nodeCount(), 5); // model, three tools, model
    const std::vector<NodeState> lifecycle{NodeState::Pending, NodeState::Running,
                                           NodeState::Succeeded};
    for (const StepState& step : view.state().steps)
        QCOMPARE(seen[step.id], lifecycle);
    QVERIFY(waitForLayout(view));
    QCOMPARE(view.laidOutNodeCount(), 5);
    QCOMPARE(view.edgeCount(), 6); // model -> 3 tools -> model
}

void TestTaskGraph::concurrentToolCallsShareARankBetweenTheirModelCalls()
{
    const EventScript s = wideRun(2, 3); // s1 model, s2-s4 tools, s5 model, s6-s8 tools
    TaskGraphView view;
    view.setRun(s.runId, s.events);
    QVERIFY(waitForLayout(view));
    const QPointF m1 = *view.nodeCenter(QStringLiteral("s1"));
    const QPointF m2 = *view.nodeCenter(QStringLiteral("s5"));
    QSet<qreal> toolYs;
    for (const char* tool : {"s2", "s3", "s4"}) {
        const QPointF c = *view.nodeCenter(QString::fromLatin1(tool));
        QCOMPARE(c.x(), view.nodeCenter(QStringLiteral("s2"))->x()); // one rank: side by side
        QVERIFY(c.x() > m1.x());
        QVERIFY(c.x() < m2.x()); // left to right: model, its tools, the next model
        toolYs.insert(c.y());
    }
    QCOMPARE(toolYs.size(), 3);
    QCOMPARE(view.edgeCount(), 3 + 3 + 3);
}

void TestTaskGraph::nodeStateFollowsTheStepsEvents_data()
{
    QTest::addColumn<QString>("events");
    QTest::addColumn<NodeState>("expected");
    // One letter per event of step s2 (a tool): C created, S started, O succeeded, F failed,
    // R retried, B fell back, U resumed reusing recorded steps, A approval of s2 asked.
    QTest::newRow("pending") << "C" << NodeState::Pending;
    QTest::newRow("running") << "CS" << NodeState::Running;
    QTest::newRow("succeeded") << "CSO" << NodeState::Succeeded;
    QTest::newRow("failed") << "CSF" << NodeState::Failed;
    QTest::newRow("retried") << "CSRO" << NodeState::Retried;
    QTest::newRow("retried, still running") << "CSR" << NodeState::Running;
    QTest::newRow("fell back") << "CSBO" << NodeState::FellBack;
    QTest::newRow("reused on resume") << "CSOU" << NodeState::Reused;
    QTest::newRow("interrupted, rerun after resume") << "CSUSO" << NodeState::Succeeded;
    QTest::newRow("waiting for approval") << "A" << NodeState::Waiting;
}

void TestTaskGraph::nodeStateFollowsTheStepsEvents()
{
    QFETCH(QString, events);
    QFETCH(NodeState, expected);
    EventScript s;
    s.start();
    s.create(QStringLiteral("s1"), "model", 1);
    s.succeed(QStringLiteral("s1"), true);
    QString shown = QStringLiteral("s2");
    for (const QChar c : events) {
        switch (c.toLatin1()) {
        case 'C':
            s.create(QStringLiteral("s2"), "tool", 1);
            break;
        case 'S':
            s.add(EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 1}});
            break;
        case 'O':
            s.add(EventKind::ToolSucceeded, QStringLiteral("s2"), {{"content", {{"ok", true}}}});
            break;
        case 'F':
            s.add(EventKind::StepFailed, QStringLiteral("s2"),
                  {{"error", {{"code", "boom"}, {"message", "failed"}}}});
            break;
        case 'R':
            s.add(EventKind::StepRetried, QStringLiteral("s2"), {{"attempt", 2}, {"delay_ms", 10}});
            break;
        case 'B':
            s.add(EventKind::ModelFellBack, QStringLiteral("s2"), {{"from", "a"}, {"to", "b"}});
            break;
        case 'U':
            s.add(EventKind::RunResumed, {}, {{"actor", "test"}, {"reused_steps", 1}});
            break;
        case 'A':
            s.create(QStringLiteral("s2"), "tool", 1);
            s.create(QStringLiteral("s3"), "approval", 1, QStringLiteral("s2"));
            shown = QStringLiteral("s3");
            break;
        }
    }
    TaskGraphView view;
    view.setRun(s.runId, s.events);
    QCOMPARE(view.nodeCount(), int(view.state().steps.size()));
    QCOMPARE(view.nodeStateOf(shown), std::optional<NodeState>(expected));
}

void TestTaskGraph::statusChangesRecolourWithoutRelayout()
{
    EventScript s;
    s.start();
    s.create(QStringLiteral("s1"), "model", 1);
    s.create(QStringLiteral("s2"), "tool", 1);
    TaskGraphView view;
    view.setRun(s.runId, s.events);
    QVERIFY(waitForLayout(view));
    const QPointF before = *view.nodeCenter(QStringLiteral("s2"));
    QSignalSpy started(&view, &TaskGraphView::layoutStarted);
    view.apply(s.add(EventKind::StepStarted, QStringLiteral("s1"), {{"attempt", 1}}));
    view.apply(s.add(EventKind::TextDelta, QStringLiteral("s1"), {{"text", "thinking"}}));
    view.apply(s.add(EventKind::ModelResponded, QStringLiteral("s1"),
                     {{"message", {{"role", "assistant"}}}}));
    view.apply(s.add(EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 1}}));
    QCOMPARE(view.nodeStateOf(QStringLiteral("s1")),
             std::optional<NodeState>(NodeState::Succeeded));
    QCOMPARE(view.nodeStateOf(QStringLiteral("s2")), std::optional<NodeState>(NodeState::Running));
    QVERIFY(!view.isLayoutPending());
    QCOMPARE(started.count(), 0);
    QCOMPARE(*view.nodeCenter(QStringLiteral("s2")), before);
    // A new step is structure: that schedules a layout.
    view.apply(
        s.add(EventKind::StepCreated, QStringLiteral("s3"), {{"kind", "model"}, {"turn", 2}}));
    QVERIFY(view.isLayoutPending());
}

void TestTaskGraph::approvalSitsBetweenTheModelAndTheToolItGates()
{
    EventScript s;
    s.start();
    s.create(QStringLiteral("s1"), "model", 1);
    s.create(QStringLiteral("s2"), "tool", 1);
    s.create(QStringLiteral("s3"), "approval", 1, QStringLiteral("s2"));
    s.create(QStringLiteral("s4"), "tool", 1);
    TaskGraphView view;
    view.setRun(s.runId, s.events);
    QVERIFY(waitForLayout(view));
    const qreal model = view.nodeCenter(QStringLiteral("s1"))->x();
    const qreal approval = view.nodeCenter(QStringLiteral("s3"))->x();
    const qreal gated = view.nodeCenter(QStringLiteral("s2"))->x();
    QVERIFY(model < approval);
    QVERIFY(approval < gated);
    // The ungated call of the same turn stays on the gated one's rank.
    QCOMPARE(view.nodeCenter(QStringLiteral("s4"))->x(), gated);
    QCOMPARE(view.edgeCount(), 3); // s1 -> s3 -> s2, s1 -> s4
}

void TestTaskGraph::twoThousandStepsLayOutOffTheGuiThread()
{
    const EventScript s = wideRun(500, 3);
    TaskGraphView view;
    view.resize(900, 500);
    view.show();
    QSignalSpy started(&view, &TaskGraphView::layoutStarted);
    QSignalSpy applied(&view, &TaskGraphView::layoutApplied);
    view.setRun(s.runId, s.events);
    QCOMPARE(view.nodeCount(), 2000);
    QVERIFY(started.wait(5000));
    // While dot works, the GUI thread keeps turning its event loop.
    int turns = 0;
    QTimer tick;
    tick.setInterval(0);
    connect(&tick, &QTimer::timeout, this, [&turns] { ++turns; });
    tick.start();
    QVERIFY(view.isLayoutRunning());
    QVERIFY(applied.wait(kLayoutTimeoutMs));
    tick.stop();
    QVERIFY2(turns > 0, "the layout blocked the GUI thread");
    QCOMPARE(applied.first().first().toInt(), 2000);
    QCOMPARE(view.laidOutNodeCount(), 2000);
    QCOMPARE(view.edgeCount(), 500 * 3 + 499 * 3);
    QVERIFY(view.nodeCenter(QStringLiteral("s2000"))->x() >
            view.nodeCenter(QStringLiteral("s1"))->x());
}

void TestTaskGraph::clickingANodeSelectsItsStep()
{
    const EventScript s = wideRun(2, 2);
    TaskGraphView view;
    view.resize(1000, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRun(s.runId, s.events);
    QVERIFY(waitForLayout(view));
    view.fitToView();
    QSignalSpy selected(&view, &TaskGraphView::stepSelected);
    const QPoint at = view.mapFromScene(*view.nodeCenter(QStringLiteral("s3")));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toString(), QStringLiteral("s3"));
    QCOMPARE(view.selectedStep(), QStringLiteral("s3"));
    view.selectStep(QStringLiteral("s4"));
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.last().first().toString(), QStringLiteral("s4"));
}

void TestTaskGraph::zoomKeysScaleAndFitShowsEverything()
{
    const EventScript s = wideRun(12, 3);
    TaskGraphView view;
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRun(s.runId, s.events);
    QVERIFY(waitForLayout(view));
    const qreal start = view.transform().m11();
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.transform().m11() > start);
    QTest::keyClick(&view, Qt::Key_Minus);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(view.transform().m11() < start);
    QTest::keyClick(&view, Qt::Key_F);
    const QRectF all = view.scene()->itemsBoundingRect();
    const QRect shown = view.mapFromScene(all).boundingRect();
    QVERIFY2(view.viewport()->rect().adjusted(-2, -2, 2, 2).contains(shown),
             "fit leaves nodes outside the view");
}

void TestTaskGraph::eventsOfOtherRunsAreIgnored()
{
    EventScript s = wideRun(1, 1);
    TaskGraphView view;
    view.setRun(s.runId, s.events);
    EventScript other;
    other.runId = QStringLiteral("another-run");
    other.start();
    other.create(QStringLiteral("s9"), "model", 1);
    for (const RunEvent& e : other.events)
        view.apply(e);
    view.apply(s.events.back()); // already applied: same seq
    QCOMPARE(view.nodeCount(), 2);
    QVERIFY(!view.nodeStateOf(QStringLiteral("s9")));
}

void TestTaskGraph::panelScreenshot()
{
    // A run with every state: parallel calls, a retry, a fallback, a failure, a reused step and an
    // approval still waiting.
    EventScript s;
    s.start();
    s.create(QStringLiteral("s1"), "model", 1);
    s.succeed(QStringLiteral("s1"), true);
    for (const char* id : {"s2", "s3", "s4"})
        s.create(QString::fromLatin1(id), "tool", 1);
    s.succeed(QStringLiteral("s2"), false);
    s.succeed(QStringLiteral("s3"), false);
    s.add(EventKind::StepStarted, QStringLiteral("s4"), {{"attempt", 1}});
    s.add(EventKind::StepFailed, QStringLiteral("s4"),
          {{"error", {{"code", "timeout"}, {"message", "timed out"}}}});
    s.add(EventKind::RunResumed, {}, {{"actor", "cli:analyst"}, {"reused_steps", 4}});
    s.create(QStringLiteral("s5"), "model", 2);
    s.add(EventKind::StepStarted, QStringLiteral("s5"), {{"attempt", 1}});
    s.add(EventKind::StepRetried, QStringLiteral("s5"), {{"attempt", 2}, {"delay_ms", 500}});
    s.add(EventKind::ModelFellBack, QStringLiteral("s5"),
          {{"from", "openai"}, {"to", "anthropic"}});
    s.add(EventKind::ModelResponded, QStringLiteral("s5"), {{"message", {{"role", "assistant"}}}});
    s.create(QStringLiteral("s6"), "tool", 2);
    s.create(QStringLiteral("s7"), "tool", 2);
    s.succeed(QStringLiteral("s6"), false);
    s.add(EventKind::StepStarted, QStringLiteral("s7"), {{"attempt", 1}});
    s.add(EventKind::StepRetried, QStringLiteral("s7"), {{"attempt", 2}, {"delay_ms", 500}});
    s.add(EventKind::ToolSucceeded, QStringLiteral("s7"), {{"content", {{"ok", true}}}});
    s.create(QStringLiteral("s8"), "model", 3);
    s.succeed(QStringLiteral("s8"), true);
    s.create(QStringLiteral("s9"), "tool", 3);
    s.create(QStringLiteral("s10"), "approval", 3, QStringLiteral("s9"));
    s.create(QStringLiteral("s11"), "tool", 3);
    s.add(EventKind::StepStarted, QStringLiteral("s11"), {{"attempt", 1}});

    ui::TaskGraphPanel panel;
    panel.resize(1180, 460);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.view()->setRun(s.runId, s.events);
    QVERIFY(waitForLayout(*panel.view()));
    panel.view()->fitToView();
    panel.view()->selectStep(QStringLiteral("s5"));
    QCOMPARE(panel.view()->nodeStateOf(QStringLiteral("s2")),
             std::optional<NodeState>(NodeState::Reused));
    QCOMPARE(panel.view()->nodeStateOf(QStringLiteral("s5")),
             std::optional<NodeState>(NodeState::FellBack));
    QCOMPARE(panel.view()->nodeStateOf(QStringLiteral("s7")),
             std::optional<NodeState>(NodeState::Retried));
    QCOMPARE(panel.view()->nodeStateOf(QStringLiteral("s10")),
             std::optional<NodeState>(NodeState::Waiting));
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(panel.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/graph.png")));
    // The same graph on a dark palette: node text and edges follow the palette.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3c, 0x40));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    panel.setPalette(dark);
    QCOMPARE(panel.view()->viewport()->palette().color(QPalette::Base), QColor(0x1e, 0x1f, 0x22));
    QVERIFY(panel.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/graph-dark.png")));
}

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestTaskGraph test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestTaskGraph.moc"
