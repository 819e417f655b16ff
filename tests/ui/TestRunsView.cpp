// The Runs view: filters by status and agent, a search box, the columns a user compares runs by,
// and Resume for a run a crash interrupted (a child `awb` killed by fault injection mid-tool),
// which finishes it through the engine's crash-resume without repeating completed steps. The step
// the crash cut off shows as interrupted in the chat, the steps table and the graph; the Prompt
// column names the saved prompt version each run used.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "agent/PromptVersions.h"
#include "chat/ApprovalPanel.h"
#include "chat/ChatView.h"
#include "demo/DemoWorkspace.h"
#include "engine/Journal.h"
#include "graph/NodeStyle.h"
#include "graph/TaskGraphView.h"
#include "integration/support/Awb.h"
#include "mainwindow/MainWindow.h"
#include "runs/RunStepsModel.h"
#include "runs/RunsModel.h"
#include "runs/RunsView.h"
#include "session/SessionController.h"

using namespace awb;
using awb::ui::MainWindow;
using awb::ui::RunsModel;
using awb::ui::RunsView;
using awb::ui::SessionController;

namespace {
constexpr int kTimeoutMs = 60000;

RunState recorded(SessionController& controller, const QString& runId)
{
    auto events = controller.journal() ? controller.journal()->loadEvents(runId)
                                       : Result<std::vector<RunEvent>>(std::vector<RunEvent>{});
    return events ? RunState::fromEvents(*events) : RunState();
}

// The transcript's text once the page has answered (QtWebEngine lives in another process).
QString transcriptText(MainWindow& window)
{
    auto text = std::make_shared<std::optional<QString>>();
    window.chat()->fetchTranscriptText(&window, [text](const QString& t) { *text = t; });
    (void)QTest::qWaitFor([&] { return text->has_value(); }, 10000);
    return text->value_or(QString());
}

// The tool step a crash left recorded as running.
QString cutOffStep(const RunState& state)
{
    for (const StepState& s : state.steps) {
        if (s.kind == StepKind::Tool && s.status == StepStatus::Running)
            return s.id;
    }
    return {};
}

int outboxCount(const QString& workspace)
{
    return int(QDir(workspace + QStringLiteral("/outbox"))
                   .entryList({QStringLiteral("*.eml")}, QDir::Files)
                   .size());
}
} // namespace

class TestRunsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filterModelPassesTheModelTester();
    void filtersByStatusAgentAndSearch_data();
    void filtersByStatusAgentAndSearch();
    void columnsShowStatusAgentModelProviderCostAndDuration();
    void stepsACrashCutOffShowAsInterruptedInChatStepsAndGraph();
    void interruptedRunShowsAsInterruptedAndResumeFinishesIt();
    void aStoppedRunIsResumedFromTheRunsView();
    void promptColumnNamesTheSavedVersionEachRunUsed();

private:
    // A window with the workspace open; the caller owns both.
    void open(SessionController& controller, MainWindow& window);

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_succeeded;
    QString m_interrupted;
};

void TestRunsView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-runs-view");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("AWB_SMTP_URL"); // the demo writes its email to the workspace outbox
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-runs-test"));
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY(demo::createDemoWorkspace(m_workspace).ok());

    const QStringList run = {QStringLiteral("run"),         QStringLiteral("q3-reconciliation"),
                             QStringLiteral("--workspace"), m_workspace,
                             QStringLiteral("--input"),     test::demoRequest(),
                             QStringLiteral("--json")};
    const test::AwbResult ok = test::runAwb(run + QStringList{QStringLiteral("--approve-all")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.describe()));
    m_succeeded = toQ(ok.json().value("run_id", std::string()));
    QVERIFY(!m_succeeded.isEmpty());
    QCOMPARE(outboxCount(m_workspace), 1);

    // Killed while its third tool executes: the journal holds a run that never finished.
    const test::AwbResult killed = test::runAwb(
        run, {{QStringLiteral("AWB_FAULT_INJECT"), QStringLiteral("tool.executing:3")}});
    QVERIFY2(killed.crashed, qPrintable(killed.describe()));
    const test::AwbResult list =
        test::runAwb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"),
                      m_workspace, QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    for (const Json& r : list.json()) {
        if (toQ(r.value("run_id", std::string())) != m_succeeded)
            m_interrupted = toQ(r.value("run_id", std::string()));
    }
    QVERIFY2(!m_interrupted.isEmpty(), qPrintable(list.describe()));
}

void TestRunsView::open(SessionController& controller, MainWindow& window)
{
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
}

void TestRunsView::filterModelPassesTheModelTester()
{
    SessionController controller;
    RunsView view(controller.runs());
    QAbstractItemModelTester tester(view.filter(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
    QCOMPARE(view.filter()->rowCount(), 2);
    view.filter()->setStatus(QStringLiteral("interrupted"));
    view.filter()->setSearch(QStringLiteral("q3"));
    view.filter()->setAgent(QStringLiteral("q3-reconciliation"));
    QCOMPARE(view.filter()->rowCount(), 1);
}

void TestRunsView::filtersByStatusAgentAndSearch_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected"); // "ok" and "killed" stand for the two runs

    QTest::newRow("all") << ""
                         << ""
                         << "" << QStringList{"killed", "ok"};
    QTest::newRow("interrupted") << "interrupted"
                                 << ""
                                 << "" << QStringList{"killed"};
    QTest::newRow("succeeded") << "succeeded"
                               << ""
                               << "" << QStringList{"ok"};
    QTest::newRow("failed") << "failed"
                            << ""
                            << "" << QStringList{};
    QTest::newRow("agent") << ""
                           << "q3-reconciliation"
                           << "" << QStringList{"killed", "ok"};
    QTest::newRow("search by provider, any case") << ""
                                                  << ""
                                                  << "SCRIPTED" << QStringList{"killed", "ok"};
    QTest::newRow("search by run id") << ""
                                      << ""
                                      << "@killed" << QStringList{"killed"};
    QTest::newRow("search and status disagree") << "succeeded"
                                                << ""
                                                << "@killed" << QStringList{};
    QTest::newRow("search matches nothing") << ""
                                            << ""
                                            << "no-such-run" << QStringList{};
}

void TestRunsView::filtersByStatusAgentAndSearch()
{
    QFETCH(QString, status);
    QFETCH(QString, agent);
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* statusBox = window.findChild<QComboBox*>(QStringLiteral("runsStatusFilter"));
    auto* agentBox = window.findChild<QComboBox*>(QStringLiteral("runsAgentFilter"));
    auto* searchBox = window.findChild<QLineEdit*>(QStringLiteral("runsSearch"));
    auto* table = window.findChild<QTableView*>(QStringLiteral("runsView"));
    QVERIFY(statusBox && agentBox && searchBox && table);

    // Driven through the controls, as a user would.
    statusBox->setCurrentIndex(statusBox->findData(status));
    QVERIFY(statusBox->currentIndex() >= 0);
    agentBox->setCurrentIndex(agentBox->findData(agent));
    QVERIFY(agentBox->currentIndex() >= 0);
    if (search == QLatin1String("@killed"))
        search = m_interrupted.right(8); // the random part of the id
    QTest::keyClicks(searchBox, search);

    QStringList shown;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString id = table->model()->index(row, 0).data(RunsModel::RunIdRole).toString();
        shown << (id == m_interrupted ? QStringLiteral("killed")
                  : id == m_succeeded ? QStringLiteral("ok")
                                      : id);
    }
    shown.sort();
    QCOMPARE(shown, expected);
}

void TestRunsView::columnsShowStatusAgentModelProviderCostAndDuration()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* table = window.findChild<QTableView*>(QStringLiteral("runsView"));
    QAbstractItemModel* m = table->model();
    int row = -1;
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, 0).data(RunsModel::RunIdRole).toString() == m_succeeded)
            row = r;
    }
    QVERIFY(row >= 0);
    const RunState done = recorded(controller, m_succeeded);
    for (int c : {RunsModel::StatusColumn, RunsModel::AgentColumn, RunsModel::ModelColumn,
                  RunsModel::ProviderColumn, RunsModel::CostColumn, RunsModel::DurationColumn})
        QVERIFY2(!table->isColumnHidden(c),
                 qPrintable(m->headerData(c, Qt::Horizontal).toString()));
    QCOMPARE(m->index(row, RunsModel::StatusColumn).data().toString(), QStringLiteral("succeeded"));
    QCOMPARE(m->index(row, RunsModel::AgentColumn).data().toString(), done.agent);
    QCOMPARE(m->index(row, RunsModel::ModelColumn).data().toString(), done.model);
    QCOMPARE(m->index(row, RunsModel::ProviderColumn).data().toString(),
             QStringLiteral("scripted"));
    const QString duration = m->index(row, RunsModel::DurationColumn).data().toString();
    QVERIFY2(duration.endsWith(QLatin1String(" s")) || duration.endsWith(QLatin1String(" ms")),
             qPrintable(duration));
    QVERIFY(m->index(row, RunsModel::DurationColumn).data(RunsModel::SortRole).toLongLong() >= 0);
}

void TestRunsView::interruptedRunShowsAsInterruptedAndResumeFinishesIt()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* panel = window.findChild<RunsView*>(QStringLiteral("runsPanel"));
    auto* resume = window.findChild<QPushButton*>(QStringLiteral("resumeRunButton"));
    QVERIFY(panel && resume);

    const RunState before = recorded(controller, m_interrupted);
    QCOMPARE(before.status, RunStatus::Running); // the journal says running; no process holds it
    QVERIFY(panel->selectRun(m_succeeded));
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentRunId(), m_succeeded, 5000); // read on a worker
    QVERIFY(!resume->isEnabled());
    QVERIFY(panel->selectRun(m_interrupted));
    QCOMPARE(
        panel->table()->currentIndex().siblingAtColumn(RunsModel::StatusColumn).data().toString(),
        QStringLiteral("interrupted"));
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentRunId(), m_interrupted, 5000);
    QVERIFY(resume->isEnabled());
    // The screenshot shows the interrupted run in the chat, with the Runs view wide enough for its
    // columns.
    window.resizeDocks({window.findChild<QDockWidget*>(QStringLiteral("runsDock"))}, {720},
                       Qt::Horizontal);
    QVERIFY(QTest::qWaitFor(
        [&] {
            auto text = std::make_shared<QString>();
            window.chat()->fetchTranscriptText(&window, [text](const QString& t) { *text = t; });
            return QTest::qWaitFor([&] { return !text->isEmpty(); }, 2000) &&
                   text->contains(QLatin1String("reconcile"));
        },
        kTimeoutMs));
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(window.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/runs.png")));

    const QString cut = cutOffStep(before);
    QVERIFY(!cut.isEmpty());
    QVERIFY(controller.steps()->isInterrupted(cut));
    QSignalSpy interruptions(controller.steps(), &ui::RunStepsModel::interruptedStepsChanged);
    QTest::mouseClick(resume, Qt::LeftButton);
    // The resumed run goes on to the email, which still needs a person's approval.
    auto* approval = window.findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(approval->isVisible(), kTimeoutMs);
    QVERIFY(!resume->isEnabled());
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(controller, m_interrupted).status, RunStatus::Succeeded,
                              kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isCurrentRunActive(), kTimeoutMs);
    QTRY_COMPARE(panel->table()->currentIndex().data(RunsModel::StatusRole).toString(),
                 QStringLiteral("succeeded"));
    // Live: the cut-off step lost its mark when the resumed run started it again.
    QVERIFY(interruptions.count() >= 1);
    QVERIFY(!controller.steps()->isInterrupted(cut));
    auto* graph = window.findChild<ui::TaskGraphView*>();
    QVERIFY(graph);
    QTRY_COMPARE(graph->nodeStateOf(cut), std::optional<ui::NodeState>(ui::NodeState::Succeeded));

    // Completed steps were reused, not run again; the one cut off ran once more; one email.
    const RunState after = recorded(controller, m_interrupted);
    for (const StepState& s : before.steps) {
        const StepState* now = after.step(s.id);
        QVERIFY(now);
        if (s.isTerminal())
            QVERIFY2(now->attempts == s.attempts, qPrintable(s.id));
    }
    QCOMPARE(outboxCount(m_workspace), 2); // the first run's and this one's
}

void TestRunsView::stepsACrashCutOffShowAsInterruptedInChatStepsAndGraph()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    const RunState recordedState = recorded(controller, m_interrupted);
    const QString cut = cutOffStep(recordedState);
    QVERIFY2(!cut.isEmpty(), "the crash left a tool step recorded as running");
    auto* panel = window.findChild<RunsView*>(QStringLiteral("runsPanel"));
    QVERIFY(panel->selectRun(m_interrupted));
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentRunId(), m_interrupted, 5000);

    // The steps table.
    QVERIFY(controller.steps()->isInterrupted(cut));
    QCOMPARE(controller.steps()->interruptedSteps().size(), 1);
    auto* steps = window.findChild<QTableView*>(QStringLiteral("stepsView"));
    int row = -1;
    for (int r = 0; r < steps->model()->rowCount(); ++r) {
        if (steps->model()->index(r, 0).data(ui::RunStepsModel::StepIdRole).toString() == cut)
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex status = steps->model()->index(row, ui::RunStepsModel::StatusColumn);
    QCOMPARE(status.data(ui::RunStepsModel::StatusRole).toString(), QStringLiteral("interrupted"));
    QCOMPARE(status.data().toString(), QStringLiteral("interrupted"));

    // The graph.
    auto* graph = window.findChild<ui::TaskGraphView*>();
    QVERIFY(graph);
    QTRY_COMPARE_WITH_TIMEOUT(graph->nodeStateOf(cut),
                              std::optional<ui::NodeState>(ui::NodeState::Interrupted), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!graph->isLayoutPending() && !graph->isLayoutRunning(), kTimeoutMs);
    for (const StepState& s : recordedState.steps) {
        if (s.id != cut)
            QVERIFY(graph->nodeStateOf(s.id) !=
                    std::optional<ui::NodeState>(ui::NodeState::Interrupted));
    }

    // Selected in the graph, the inspector says the same.
    graph->selectStep(cut);
    auto* inspectorState = window.findChild<QLabel*>(QStringLiteral("inspectorState"));
    QVERIFY(inspectorState);
    QTRY_COMPARE(inspectorState->text(), QStringLiteral("interrupted"));

    // The chat's tool line of that call.
    QVERIFY(QTest::qWaitFor(
        [&] { return transcriptText(window).contains(QLatin1String("interrupted")); }, kTimeoutMs));
    QVERIFY(!transcriptText(window).contains(QLatin1String("running")));
    graph->fitToView();
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(
        window.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/interrupted-steps.png")));

    // The run that finished normally has no such step.
    QVERIFY(panel->selectRun(m_succeeded));
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentRunId(), m_succeeded, 5000);
    QVERIFY(controller.steps()->interruptedSteps().isEmpty());
}

void TestRunsView::aStoppedRunIsResumedFromTheRunsView()
{
    // Its own workspace: a run stopped as Stop or Ctrl-C stops one, as its third tool starts.
    const QString workspace = m_dir.filePath(QStringLiteral("stopped"));
    QVERIFY(demo::createDemoWorkspace(workspace).ok());
    const test::AwbResult stopped = test::runAwb(
        {QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"),
         workspace, QStringLiteral("--input"), test::demoRequest(), QStringLiteral("--json")},
        {{QStringLiteral("AWB_FAULT_INJECT"), QStringLiteral("tool.started:3:SIGINT")}});
    QCOMPARE(stopped.exitCode, 130);
    const QString runId = toQ(stopped.json().value("run_id", std::string()));

    SessionController controller;
    MainWindow window(&controller);
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
    auto* panel = window.findChild<RunsView*>(QStringLiteral("runsPanel"));
    auto* resume = window.findChild<QPushButton*>(QStringLiteral("resumeRunButton"));
    QVERIFY(panel && resume);
    QVERIFY(panel->selectRun(runId));
    QCOMPARE(panel->table()->currentIndex().data(RunsModel::StatusRole).toString(),
             QStringLiteral("cancelled"));
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentRunId(), runId, 5000);
    QVERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    auto* approval = window.findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(approval->isVisible(), kTimeoutMs);
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(controller, runId).status, RunStatus::Succeeded, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isCurrentRunActive(), kTimeoutMs);
    QCOMPARE(outboxCount(workspace), 1);
    for (const StepState& s : recorded(controller, runId).steps)
        QVERIFY2(s.status == StepStatus::Succeeded, qPrintable(s.id));
}

void TestRunsView::promptColumnNamesTheSavedVersionEachRunUsed()
{
    const QString dir = m_dir.filePath(QStringLiteral("prompts"));
    QVERIFY(demo::createDemoWorkspace(dir).ok());
    const QString agent = QStringLiteral("q3-reconciliation");
    QString unsavedRun;
    QString versionedRun;
    {
        SessionController controller;
        MainWindow window(&controller);
        window.resize(1500, 900);
        window.show();
        QSignalSpy opened(&controller, &SessionController::workspaceOpened);
        controller.openWorkspace(dir);
        QVERIFY(opened.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
        RunsModel* runs = controller.runs();
        QAbstractItemModelTester tester(runs,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // A run on instructions never saved as a version.
        QVERIFY(controller.startRun(agent, test::demoRequest()).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.currentRunId().isEmpty(), kTimeoutMs);
        unsavedRun = controller.currentRunId();
        QTRY_VERIFY_WITH_TIMEOUT(runs->rowOf(unsavedRun) >= 0, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            runs->index(runs->rowOf(unsavedRun), RunsModel::PromptVersionColumn)
                .data(RunsModel::PromptVersionRole)
                .toInt(),
            0, kTimeoutMs);
        QCOMPARE(
            runs->index(runs->rowOf(unsavedRun), RunsModel::PromptVersionColumn).data().toString(),
            QStringLiteral("unsaved"));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isCurrentRunActive(), kTimeoutMs);

        // A version saved (as the prompt editor does), then a run on it: its row names it live.
        const PromptVersions store(dir, controller.journal()->databasePath());
        auto current = controller.session()->loadAgent(agent);
        QVERIFY(current.ok());
        auto saved = store.save(agent, QStringLiteral("no rounding"),
                                current->instructions + QStringLiteral("\nNever round amounts."),
                                QStringLiteral("tester"));
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.errorMessage()));
        QCOMPARE(saved->version, 1);
        QVERIFY(controller.startRun(agent, test::demoRequest()).ok());
        QTRY_VERIFY_WITH_TIMEOUT(controller.currentRunId() != unsavedRun, kTimeoutMs);
        versionedRun = controller.currentRunId();
        QTRY_VERIFY_WITH_TIMEOUT(runs->rowOf(versionedRun) >= 0, kTimeoutMs);
        const auto cell = [runs](const QString& runId) {
            return runs->index(runs->rowOf(runId), RunsModel::PromptVersionColumn);
        };
        QTRY_COMPARE_WITH_TIMEOUT(cell(versionedRun).data().toString(), QStringLiteral("v1"),
                                  kTimeoutMs);
        QCOMPARE(cell(versionedRun).data(RunsModel::SortRole).toInt(), 1);
        QVERIFY(cell(versionedRun)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("no rounding")));
        QCOMPARE(cell(unsavedRun).data().toString(), QStringLiteral("unsaved"));
        auto* table = window.findChild<QTableView*>(QStringLiteral("runsView"));
        QVERIFY(!table->isColumnHidden(RunsModel::PromptVersionColumn));
        QCOMPARE(runs->headerData(RunsModel::PromptVersionColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Prompt"));
        window.resizeDocks({window.findChild<QDockWidget*>(QStringLiteral("runsDock"))}, {760},
                           Qt::Horizontal);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isCurrentRunActive(), kTimeoutMs);
        QVERIFY(controller.journal()->flush().ok());
        QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
        QVERIFY(window.grab().save(
            QStringLiteral(AWB_BINARY_DIR "/screenshots/runs-prompt-version.png")));
    }

    // Opened again: read from the journal and the saved versions, off the GUI thread.
    SessionController controller;
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    QSignalSpy loaded(controller.runs(), &RunsModel::promptVersionsLoaded);
    controller.openWorkspace(dir);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
    QVERIFY(loaded.count() > 0 || loaded.wait(kTimeoutMs));
    RunsModel* runs = controller.runs();
    QCOMPARE(
        runs->index(runs->rowOf(versionedRun), RunsModel::PromptVersionColumn).data().toString(),
        QStringLiteral("v1"));
    QCOMPARE(runs->index(runs->rowOf(unsavedRun), RunsModel::PromptVersionColumn).data().toString(),
             QStringLiteral("unsaved"));
    // Instructions never saved are version 0, told apart from runs that recorded no hash.
    QCOMPARE(runs->index(runs->rowOf(unsavedRun), RunsModel::PromptVersionColumn)
                 .data(RunsModel::PromptVersionRole)
                 .toInt(),
             0);
}

// A GUI test on a real display (xvfb) like the rest of the window; QtWebEngine needs one.
int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    else
        qputenv("QT_QPA_PLATFORM", "xcb");
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu --disable-dev-shm-usage");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestRunsView test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestRunsView.moc"
