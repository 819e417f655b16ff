// The step inspector: selecting a node of the task graph shows that step's arguments, its full
// stored result, the raw model request and response as recorded, timings, tokens, cost and
// idempotency key; JSON is highlighted, foldable as a tree and searchable.

#include <QAbstractItemModelTester>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <QtTest>

#include "common/JsonHighlighter.h"
#include "core/engine/support/EngineFixture.h"
#include "demo/DemoWorkspace.h"
#include "graph/TaskGraphPanel.h"
#include "graph/TaskGraphView.h"
#include "inspector/JournalReader.h"
#include "inspector/JsonPane.h"
#include "inspector/JsonTreeModel.h"
#include "inspector/StepInspector.h"
#include "mainwindow/MainWindow.h"
#include "session/SessionController.h"

using namespace awb;
using namespace awb::test;
using awb::ui::JsonPane;
using awb::ui::StepInspector;
using awb::ui::TaskGraphView;

namespace {
constexpr int kTimeoutMs = 30000;

const char* kScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "echo", "arguments": {"n": 7, "text": "ledger"}},
                    {"name": "notify", "arguments": {"text": "cfo"}}],
     "usage": {"input_tokens": 1200, "output_tokens": 80, "cached_input_tokens": 200}},
    {"text": "Done.", "usage": {"input_tokens": 1500, "output_tokens": 40}}]})";

Result<Json> echo(const Json& args, const ToolContext&)
{
    Json rows = Json::array();
    for (int i = 0; i < 40; ++i)
        rows.push_back({{"row", i}, {"amount", "100.00"}});
    return Json{{"echo", args}, {"rows", rows}};
}

QString pretty(const Json& j)
{
    return toQ(j.dump(2));
}

// A finished run of kScript, shown in a graph whose selection drives an inspector.
struct InspectedRun
{
    EngineFixture f;
    TaskGraphView graph;
    StepInspector inspector;
    QString runId;

    bool run()
    {
        if (!f.open())
            return false;
        f.addTool(QStringLiteral("echo"), echo);
        f.addTool(
            QStringLiteral("notify"),
            [](const Json&, const ToolContext&) {
                return Result<Json>(Json{{"sent", true}});
            },
            EffectClass::ExternalEffect);
        AgentRun* run = AgentRun::start(
            f.context(), EngineFixture::agent({QStringLiteral("echo"), QStringLiteral("notify")}),
            EngineFixture::scripted(kScript), QStringLiteral("m"), QStringLiteral("go"), {},
            f.journal.get());
        runId = run->runId();
        if (EngineFixture::waitStopped(run) != RunStatus::Succeeded)
            return false;
        auto events = f.journal->loadEvents(runId);
        if (!events)
            return false;
        graph.setRun(runId, *events);
        inspector.setDatabasePath(f.workspace->databasePath());
        QObject::connect(&graph, &TaskGraphView::stepSelected, &inspector,
                         [this](const QString& id) { inspector.showStep(graph.state(), id); });
        return true;
    }
    // Selects the node like a user would and waits for the asynchronous part.
    bool select(const QString& stepId)
    {
        QSignalSpy loaded(&inspector, &StepInspector::detailsLoaded);
        graph.selectStep(stepId);
        return inspector.stepId() == stepId && loaded.wait(kTimeoutMs) &&
               loaded.last().first().toString() == stepId;
    }
    const StepState& step(const QString& name) const
    {
        for (const StepState& s : graph.state().steps) {
            if (s.name == name)
                return s;
        }
        return graph.state().steps.front();
    }
};

// Which format the highlighter gave the character at `column` of the only line of the document.
QColor colorAt(QTextDocument& doc, int column)
{
    const QTextBlock block = doc.firstBlock();
    for (const QTextLayout::FormatRange& r : block.layout()->formats()) {
        if (column >= r.start && column < r.start + r.length)
            return r.format.foreground().color();
    }
    return {};
}
} // namespace

class TestStepInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void selectingAToolNodeShowsItsArgumentsAndFullStoredResult();
    void modelStepShowsTokensCostAndTheRawRequestAndResponse();
    void externalEffectShowsItsIdempotencyKey();
    void failedStepShowsItsError();
    void findHighlightsEveryMatch();
    void ctrlFOpensTheFindBar();
    void treeFoldsTheDocumentByMember();
    void highlighterColoursEachTokenKind_data();
    void highlighterColoursEachTokenKind();
    void mainWindowNodeSelectionFillsTheInspector();
    void controlsHaveObjectAndAccessibleNames();

private:
    QTemporaryDir m_dir;
};

void TestStepInspector::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-inspector");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-inspector-test"));
}

void TestStepInspector::selectingAToolNodeShowsItsArgumentsAndFullStoredResult()
{
    InspectedRun r;
    QVERIFY(r.run());
    const StepState& tool = r.step(QStringLiteral("echo"));
    QVERIFY(r.select(tool.id));
    QCOMPARE(r.inspector.findChild<QLabel*>(QStringLiteral("inspectorTitle"))->text(),
             QStringLiteral("echo"));
    QCOMPARE(r.inspector.detail(QStringLiteral("status")), QStringLiteral("succeeded"));
    QCOMPARE(r.inspector.detail(QStringLiteral("call_id")), tool.callId);
    QCOMPARE(r.inspector.detail(QStringLiteral("attempts")), QStringLiteral("1"));
    QVERIFY(!r.inspector.detail(QStringLiteral("duration")).isEmpty());
    QCOMPARE(r.inspector.argumentsPane()->text(), pretty(Json{{"n", 7}, {"text", "ledger"}}));
    // The result pane holds the full stored result (all 40 rows), not the model's summary.
    auto stored = ui::journal::readToolResult(r.f.workspace->databasePath(), r.runId, tool.handle);
    QVERIFY(stored.ok());
    QCOMPARE((*stored)["rows"].size(), std::size_t(40));
    QCOMPARE(r.inspector.resultPane()->text(), pretty(*stored));
    QVERIFY(r.inspector.detail(QStringLiteral("tokens")).isEmpty()); // tools use no tokens
}

void TestStepInspector::modelStepShowsTokensCostAndTheRawRequestAndResponse()
{
    InspectedRun r;
    QVERIFY(r.run());
    const StepState& model = r.graph.state().steps.front();
    QCOMPARE(model.kind, StepKind::Model);
    QVERIFY(r.select(model.id));
    QCOMPARE(r.inspector.detail(QStringLiteral("tokens")),
             QStringLiteral("1,200 in \u00b7 80 out \u00b7 200 cached"));
    QCOMPARE(r.inspector.detail(QStringLiteral("cost")),
             QStringLiteral("US$") + Decimal::fromMicros(model.usage.costMicros).toString(6));
    QCOMPARE(r.inspector.detail(QStringLiteral("provider")), model.provider);
    auto responded = ui::journal::readStepEvent(r.f.workspace->databasePath(), r.runId, model.id,
                                                EventKind::ModelResponded);
    QVERIFY(responded.ok() && responded->has_value());
    const Json& data = (*responded)->data;
    QVERIFY(data.contains("raw_request"));
    QCOMPARE(r.inspector.requestPane()->text(), pretty(data["raw_request"]));
    QCOMPARE(r.inspector.responsePane()->text(), pretty(data["raw_response"]));
    QCOMPARE(r.inspector.resultPane()->text(), pretty(model.content)); // the assistant message
}

void TestStepInspector::externalEffectShowsItsIdempotencyKey()
{
    InspectedRun r;
    QVERIFY(r.run());
    const StepState& notify = r.step(QStringLiteral("notify"));
    QCOMPARE(notify.name, QStringLiteral("notify"));
    QVERIFY(!notify.idempotencyKey.isEmpty());
    QVERIFY(r.select(notify.id));
    QCOMPARE(r.inspector.detail(QStringLiteral("idempotency_key")), notify.idempotencyKey);
    QCOMPARE(r.inspector.detail(QStringLiteral("effect")), notify.effect);
}

void TestStepInspector::failedStepShowsItsError()
{
    RunState run;
    RunEvent e;
    e.runId = QStringLiteral("r1");
    e.time = QDateTime::currentDateTimeUtc();
    const auto add = [&](EventKind kind, const QString& step, Json data) {
        e.seq += 1;
        e.kind = kind;
        e.stepId = step;
        e.data = std::move(data);
        run.apply(e);
    };
    add(EventKind::RunStarted, {}, Json::object());
    add(EventKind::StepCreated, QStringLiteral("s2"),
        {{"kind", "tool"}, {"name", "query_ledger"}, {"arguments", {{"q", 1}}}});
    add(EventKind::StepStarted, QStringLiteral("s2"), Json::object());
    add(EventKind::StepRetried, QStringLiteral("s2"), {{"attempt", 2}});
    add(EventKind::StepFailed, QStringLiteral("s2"),
        {{"error", {{"code", "timeout"}, {"message", "query_ledger took longer than 30 s"}}}});
    StepInspector inspector;
    QSignalSpy loaded(&inspector, &StepInspector::detailsLoaded);
    inspector.showStep(run, QStringLiteral("s2"));
    QVERIFY(loaded.wait(kTimeoutMs));
    QCOMPARE(inspector.detail(QStringLiteral("status")), QStringLiteral("failed"));
    QCOMPARE(inspector.detail(QStringLiteral("retries")), QStringLiteral("1"));
    QCOMPARE(inspector.detail(QStringLiteral("error")),
             QStringLiteral("timeout: query_ledger took longer than 30 s"));
    QVERIFY(inspector.resultPane()->text().contains(QLatin1String("longer than 30 s")));
}

void TestStepInspector::findHighlightsEveryMatch()
{
    JsonPane pane(QStringLiteral("test"), QStringLiteral("Test"));
    const Json doc = {
        {"amount", "100.00"}, {"rows", {{{"amount", "5"}}, {{"amount", "6"}}}}, {"total", 3}};
    pane.setJson(doc, pretty(doc));
    QCOMPARE(pane.find(QStringLiteral("AMOUNT")), 3); // case-insensitive
    QCOMPARE(pane.editor()->extraSelections().size(), 3);
    QCOMPARE(pane.editor()->textCursor().selectedText(), QStringLiteral("amount"));
    QCOMPARE(pane.find(QStringLiteral("no such text")), 0);
    QCOMPARE(pane.editor()->extraSelections().size(), 0);
}

void TestStepInspector::ctrlFOpensTheFindBar()
{
    JsonPane pane(QStringLiteral("test"), QStringLiteral("Test"));
    pane.setJson(Json{{"a", 1}}, pretty(Json{{"a", 1}}));
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto* bar = pane.findChild<QWidget*>(QStringLiteral("testFindBar"));
    QVERIFY(bar && !bar->isVisible());
    pane.editor()->setFocus();
    QTest::keyClick(pane.editor(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    auto* edit = pane.findChild<QLineEdit*>(QStringLiteral("testFindEdit"));
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, QStringLiteral("a"));
    QCOMPARE(pane.matchCount(), 1);
}

void TestStepInspector::treeFoldsTheDocumentByMember()
{
    ui::JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Json doc = {{"messages", {{{"role", "user"}}, {{"role", "assistant"}}}},
                      {"model", "gpt"},
                      {"stream", true}};
    model.setJson(doc);
    QCOMPARE(model.rowCount(), 3); // top-level members, sorted keys
    const QModelIndex messages = model.index(0, ui::JsonTreeModel::KeyColumn);
    QCOMPARE(messages.data().toString(), QStringLiteral("messages"));
    QCOMPARE(model.index(0, ui::JsonTreeModel::ValueColumn).data().toString(),
             QStringLiteral("[2]"));
    QCOMPARE(model.rowCount(messages), 2);
    QCOMPARE(model.index(0, ui::JsonTreeModel::ValueColumn, model.index(1, 0, messages))
                 .data()
                 .toString(),
             QStringLiteral("assistant"));
    QCOMPARE(model.index(2, ui::JsonTreeModel::TypeColumn).data().toString(),
             QStringLiteral("boolean"));

    JsonPane pane(QStringLiteral("tree"), QStringLiteral("Tree"));
    pane.setJson(doc, pretty(doc));
    pane.showTree(true);
    QTreeView* tree = pane.tree();
    QCOMPARE(tree->model()->rowCount(), 3);
    const QModelIndex first = tree->model()->index(0, 0);
    QVERIFY(tree->isExpanded(first)); // top level open
    tree->collapseAll();
    QVERIFY(!tree->isExpanded(first));
    tree->expandAll();
    QVERIFY(tree->isExpanded(tree->model()->index(0, 0, first)));
}

void TestStepInspector::highlighterColoursEachTokenKind_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("token");
    // {"key": "text", "n": -1.5e3, "ok": true, "none": null}
    QTest::newRow("key") << 2 << int(ui::JsonHighlighter::Token::Key);
    QTest::newRow("string") << 10 << int(ui::JsonHighlighter::Token::String);
    QTest::newRow("number") << 23 << int(ui::JsonHighlighter::Token::Number);
    QTest::newRow("literal true") << 37 << int(ui::JsonHighlighter::Token::Literal);
    QTest::newRow("literal null") << 51 << int(ui::JsonHighlighter::Token::Literal);
    QTest::newRow("punctuation") << 0 << int(ui::JsonHighlighter::Token::Punctuation);
}

void TestStepInspector::highlighterColoursEachTokenKind()
{
    QFETCH(int, column);
    QFETCH(int, token);
    QTextDocument doc;
    doc.setPlainText(QStringLiteral(R"({"key": "text", "n": -1.5e3, "ok": true, "none": null})"));
    ui::JsonHighlighter highlighter(&doc);
    highlighter.rehighlight();
    const QColor expected =
        highlighter.format(ui::JsonHighlighter::Token(token)).foreground().color();
    QCOMPARE(colorAt(doc, column), expected);
    QCOMPARE(ui::jsonHighlighterName(), QStringLiteral("built-in")); // no KF6 on Debian 12
}

void TestStepInspector::mainWindowNodeSelectionFillsTheInspector()
{
    const QString workspace = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY(demo::createDemoWorkspace(workspace).ok());
    ui::SessionController controller;
    ui::MainWindow window(&controller);
    window.resize(1700, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&controller, &ui::SessionController::workspaceOpened);
    controller.openWorkspace(workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QVERIFY(controller
                .startRun(QStringLiteral("q3-reconciliation"),
                          QStringLiteral("Reconcile Q3 revenue and email the CFO"))
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentState().status, RunStatus::WaitingApproval,
                              kTimeoutMs);

    auto* graphDock = window.findChild<QDockWidget*>(QStringLiteral("taskGraphDock"));
    auto* inspectorDock = window.findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    QVERIFY(graphDock && inspectorDock);
    auto* graph = graphDock->findChild<TaskGraphView*>();
    auto* inspector = inspectorDock->findChild<StepInspector*>();
    QVERIFY(graph && inspector);
    const RunState& state = controller.currentState();
    QTRY_COMPARE_WITH_TIMEOUT(graph->nodeCount(), int(state.steps.size()), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!graph->isLayoutPending(), kTimeoutMs);
    for (const StepState& s : state.steps)
        QCOMPARE(graph->nodeStateOf(s.id), std::optional<ui::NodeState>(ui::nodeState(s, false)));
    const StepState* approval = nullptr;
    const StepState* tool = nullptr;
    for (const StepState& s : state.steps) {
        if (s.kind == StepKind::Approval)
            approval = &s;
        if (s.kind == StepKind::Tool && s.status == StepStatus::Succeeded && !s.handle.isEmpty())
            tool = &s;
    }
    QVERIFY(approval && tool);
    QCOMPARE(graph->nodeStateOf(approval->id),
             std::optional<ui::NodeState>(ui::NodeState::Waiting));

    // A click on the node, as a user would.
    graph->fitToView();
    QSignalSpy loaded(inspector, &StepInspector::detailsLoaded);
    QTest::mouseClick(graph->viewport(), Qt::LeftButton, {},
                      graph->mapFromScene(*graph->nodeCenter(tool->id)));
    QCOMPARE(inspector->stepId(), tool->id);
    QVERIFY(loaded.wait(kTimeoutMs));
    QCOMPARE(inspector->detail(QStringLiteral("status")), QStringLiteral("succeeded"));
    QCOMPARE(inspector->argumentsPane()->text(), pretty(tool->arguments));
    auto stored = ui::journal::readToolResult(controller.journal()->databasePath(), state.runId,
                                              tool->handle);
    QVERIFY(stored.ok());
    QCOMPARE(inspector->resultPane()->text(), pretty(*stored));

    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    const StepState& model = state.steps.front();
    QVERIFY(loaded.count() == 1);
    graph->selectStep(model.id);
    QVERIFY(loaded.wait(kTimeoutMs));
    inspector->requestPane()->find(QStringLiteral("model"));
    window.resizeDocks({inspectorDock}, {600}, Qt::Horizontal);
    window.resizeDocks({graphDock}, {330}, Qt::Vertical);
    QTRY_VERIFY(inspectorDock->width() > 400);
    graph->fitToView();
    QVERIFY(
        inspectorDock->grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/inspector.png")));
    QVERIFY(inspector->requestPane()->matchCount() > 0);
    QVERIFY(graphDock->grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/graph-demo.png")));
    QVERIFY(
        window.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/main-window-graph.png")));
}

void TestStepInspector::controlsHaveObjectAndAccessibleNames()
{
    StepInspector inspector;
    ui::TaskGraphPanel panel;
    for (QWidget* root : {static_cast<QWidget*>(&inspector), static_cast<QWidget*>(&panel)}) {
        for (QWidget* w : root->findChildren<QWidget*>()) {
            if (w->focusPolicy() == Qt::NoFocus)
                continue; // reachable only through a named control
            if (auto* area = qobject_cast<QAbstractScrollArea*>(w->parentWidget());
                area && area->viewport() == w)
                continue; // a scroll area's viewport: the area carries the names
            const QByteArray what =
                w->metaObject()->className() + QByteArray(" ") + w->objectName().toUtf8();
            QVERIFY2(!w->objectName().isEmpty(), what.constData());
            QVERIFY2(!w->accessibleName().isEmpty(), what.constData());
        }
    }
}

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QApplication app(argc, argv);
    TestStepInspector test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestStepInspector.moc"
