// Comparing two runs step by step (the Runs view's Compare, differences marked) and replaying a run
// from a step, from the inspector and from the compare view: the replay runs through the same
// engine path as `awb replay`, becomes the current run, and never sends the email again. A replay
// is prepared on a worker thread like any GUI run (Stop abandons it), talks to the provider
// profile its source ran on with that profile's key, and a replay resumed or continued in the GUI
// goes on as a replay.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include "demo/DemoWorkspace.h"
#include "engine/Journal.h"
#include "engine/RunReplay.h"
#include "inspector/JournalReader.h"
#include "inspector/StepInspector.h"
#include "integration/support/Awb.h"
#include "mainwindow/MainWindow.h"
#include "runs/ReplayDialog.h"
#include "runs/RunCompareModel.h"
#include "runs/RunCompareView.h"
#include "runs/RunsModel.h"
#include "runs/RunsView.h"
#include "security/Keychain.h"
#include "session/RunPreparation.h"
#include "session/SessionController.h"
#include "settings/SettingsStore.h"

using namespace awb;
using awb::ui::MainWindow;
using awb::ui::ReplayDialog;
using awb::ui::RunCompareModel;
using awb::ui::RunCompareView;
using awb::ui::RunsView;
using awb::ui::SessionController;
using awb::ui::StepInspector;

namespace {
constexpr int kTimeoutMs = 60000;
// The demo's steps: s9 renders the report, s11 sends the email, s12 is its approval, s13 the final
// answer.
constexpr int kReportRow = 8;
constexpr int kEmailRow = 10;
constexpr int kApprovalRow = 11;

int runCount(const SessionController& controller)
{
    const auto runs = controller.journal()->listRuns();
    return runs ? int(runs->size()) : -1;
}

int outboxCount(const QString& workspace)
{
    return int(QDir(workspace + QStringLiteral("/outbox"))
                   .entryList({QStringLiteral("*.eml")}, QDir::Files)
                   .size());
}

QString screenshotPath(const QString& name)
{
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    return QStringLiteral(AWB_BINARY_DIR "/screenshots/") + name;
}
} // namespace

class TestRunCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelPassesTheModelTester();
    void modelMarksTheStepsThatDiffer();
    void compareButtonShowsTheTwoSelectedRunsSideBySide();
    void replayFromAStepInTheInspectorWithEditedInstructions();
    void replayFromTheCompareViewKeepsTheInstructions();
    void stopWhileTheReplayIsPreparedStartsNothing();
    void interruptedReplayResumesAndContinuesAsAReplay();
    void replayTalksToTheProfileOfItsSourceWithItsKey();
    void controlsHaveObjectAndAccessibleNames();
    void cleanupTestCase();

private:
    RunState load(const QString& runId) const { return load(runId, m_workspace); }
    RunState load(const QString& runId, const QString& workspace) const;
    void open(SessionController& controller, MainWindow& window);
    // Accepts the replay dialog the window opened, replacing the instructions when given; returns
    // the id of the replay once it finished.
    QString acceptReplay(SessionController& controller, MainWindow& window,
                         const QString& instructions);

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_approved;       // the demo run, its email approved and sent
    QString m_rejected;       // the same request, its email rejected
    QStringList m_keyEntries; // removed from the keychain at the end
};

void TestRunCompare::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-compare-view");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("AWB_SMTP_URL"); // emails go to the workspace outbox, where the test counts them
    for (const char* var : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"})
        qunsetenv(var); // a profile's key comes from its keychain entry here
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-compare-test"));
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY(demo::createDemoWorkspace(m_workspace).ok());

    const QStringList run = {QStringLiteral("run"),         QStringLiteral("q3-reconciliation"),
                             QStringLiteral("--workspace"), m_workspace,
                             QStringLiteral("--input"),     test::demoRequest(),
                             QStringLiteral("--json")};
    const test::AwbResult ok = test::runAwb(run + QStringList{QStringLiteral("--approve-all")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.describe()));
    m_approved = toQ(ok.json().value("run_id", std::string()));
    const test::AwbResult waiting = test::runAwb(run);
    QVERIFY2(waiting.exitCode == 3, qPrintable(waiting.describe()));
    m_rejected = toQ(waiting.json().value("run_id", std::string()));
    const test::AwbResult rejected =
        test::runAwb({QStringLiteral("resume"), m_rejected, QStringLiteral("--workspace"),
                      m_workspace, QStringLiteral("--reject"), QStringLiteral("--reason"),
                      QStringLiteral("not this week"), QStringLiteral("--json")});
    QVERIFY2(rejected.exitCode == 0, qPrintable(rejected.describe()));
    QCOMPARE(outboxCount(m_workspace), 1);
}

RunState TestRunCompare::load(const QString& runId, const QString& workspace) const
{
    auto events =
        ui::journal::readRunEvents(workspace + QStringLiteral("/.awb/workspace.db"), runId);
    return events ? RunState::fromEvents(*events) : RunState();
}

void TestRunCompare::open(SessionController& controller, MainWindow& window)
{
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
}

void TestRunCompare::modelPassesTheModelTester()
{
    RunCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setRuns(load(m_approved), load(m_rejected));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(model.columnCount(), 2 * RunCompareModel::FieldCount);
    model.setRuns(load(m_approved), RunState());
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.rowCount(), 13);
    // A step only one run has differs everywhere; the other side shows a dash.
    const QModelIndex missing =
        model.index(0, RunCompareModel::column(RunCompareModel::SideB, RunCompareModel::StepField));
    QCOMPARE(missing.data().toString(), QStringLiteral("\u2014"));
    QVERIFY(missing.data(RunCompareModel::DiffersRole).toBool());
    QCOMPARE(missing.data(RunCompareModel::StepNumberRole).toInt(), 0);
}

void TestRunCompare::modelMarksTheStepsThatDiffer()
{
    RunCompareModel model;
    model.setRuns(load(m_approved), load(m_rejected));
    const auto cell = [&](int row, RunCompareModel::Side side, RunCompareModel::Field field) {
        return model.index(row, RunCompareModel::column(side, field));
    };
    // The runs agree up to the report (whose file is named after its run): same kinds, names,
    // arguments, results and tokens.
    for (int row = 0; row < kReportRow; ++row) {
        QVERIFY2(!cell(row, RunCompareModel::SideA, RunCompareModel::StepField)
                      .data(RunCompareModel::RowDiffersRole)
                      .toBool(),
                 qPrintable(QStringLiteral("row %1").arg(row)));
    }
    // The email: same tool and arguments, but sent in A and rejected in B.
    for (auto side : {RunCompareModel::SideA, RunCompareModel::SideB}) {
        QVERIFY(cell(kEmailRow, side, RunCompareModel::StatusField)
                    .data(RunCompareModel::DiffersRole)
                    .toBool());
        QVERIFY(cell(kEmailRow, side, RunCompareModel::ResultField)
                    .data(RunCompareModel::DiffersRole)
                    .toBool());
        QVERIFY(!cell(kEmailRow, side, RunCompareModel::NameField)
                     .data(RunCompareModel::DiffersRole)
                     .toBool());
        QVERIFY(!cell(kEmailRow, side, RunCompareModel::ArgumentsField)
                     .data(RunCompareModel::DiffersRole)
                     .toBool());
        QVERIFY(
            cell(kEmailRow, side, RunCompareModel::StatusField).data(Qt::BackgroundRole).isValid());
        QVERIFY(
            !cell(kEmailRow, side, RunCompareModel::NameField).data(Qt::BackgroundRole).isValid());
    }
    QCOMPARE(cell(kEmailRow, RunCompareModel::SideA, RunCompareModel::NameField).data().toString(),
             QStringLiteral("send_email"));
    QVERIFY(cell(kEmailRow, RunCompareModel::SideB, RunCompareModel::ResultField)
                .data()
                .toString()
                .contains(QLatin1String("not this week")));
    QVERIFY(cell(kEmailRow, RunCompareModel::SideA, RunCompareModel::StepField)
                .data()
                .toString()
                .endsWith(QChar(0x2260)));
    // The approval: approved in A, rejected in B.
    QVERIFY(cell(kApprovalRow, RunCompareModel::SideA, RunCompareModel::ResultField)
                .data(RunCompareModel::DiffersRole)
                .toBool());
    QVERIFY(cell(kApprovalRow, RunCompareModel::SideB, RunCompareModel::ResultField)
                .data()
                .toString()
                .contains(QLatin1String("rejected")));
    // Durations are shown, never marked.
    QVERIFY(!cell(kEmailRow, RunCompareModel::SideA, RunCompareModel::DurationField)
                 .data(RunCompareModel::DiffersRole)
                 .toBool());
    QVERIFY(model.differingRows() >= 2);
}

void TestRunCompare::compareButtonShowsTheTwoSelectedRunsSideBySide()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* panel = window.findChild<RunsView*>(QStringLiteral("runsPanel"));
    auto* compareButton = window.findChild<QPushButton*>(QStringLiteral("compareRunsButton"));
    auto* compare = window.findChild<RunCompareView*>(QStringLiteral("runCompareView"));
    QVERIFY(panel && compareButton && compare);
    QTRY_COMPARE_WITH_TIMEOUT(panel->filter()->rowCount(), 2, kTimeoutMs);
    QVERIFY(panel->selectRun(m_approved));
    QVERIFY(!compareButton->isEnabled()); // one run selected
    panel->table()->selectAll();
    QVERIFY(compareButton->isEnabled());
    QCOMPARE(panel->selectedRunIds(), (QStringList{m_approved, m_rejected}));

    QSignalSpy loaded(compare, &RunCompareView::loaded);
    QTest::mouseClick(compareButton, Qt::LeftButton);
    QVERIFY(loaded.wait(kTimeoutMs));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("compareDock"));
    QVERIFY(dock && dock->isVisible());
    QCOMPARE(compare->model()->run(RunCompareModel::SideA).runId, m_approved);
    QCOMPARE(compare->model()->run(RunCompareModel::SideB).runId, m_rejected);
    QCOMPARE(compare->viewA()->model()->rowCount(), 13);
    // Each side shows only its own columns; both scroll and select together.
    QVERIFY(compare->viewA()->isColumnHidden(
        RunCompareModel::column(RunCompareModel::SideB, RunCompareModel::NameField)));
    QVERIFY(compare->viewB()->isColumnHidden(
        RunCompareModel::column(RunCompareModel::SideA, RunCompareModel::NameField)));
    compare->selectStep(kEmailRow + 1);
    QCOMPARE(compare->viewB()->currentIndex().row(), kEmailRow);
    QVERIFY(compare->findChild<QLabel*>(QStringLiteral("compareSummary"))
                ->text()
                .contains(QLatin1String("13")));

    // Undocked and wide, as a person comparing runs would have it, for the screenshot.
    dock->setFloating(true);
    dock->resize(1900, 520);
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    QVERIFY(dock->grab().save(screenshotPath(QStringLiteral("compare.png"))));
}

QString TestRunCompare::acceptReplay(SessionController& controller, MainWindow& window,
                                     const QString& instructions)
{
    ReplayDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window.findChild<ReplayDialog*>()) != nullptr; },
                         kTimeoutMs))
        return QStringLiteral("no dialog");
    QSignalSpy instructionsLoaded(dialog, &ReplayDialog::instructionsLoaded);
    if (dialog->editor()->toPlainText().isEmpty() && !instructionsLoaded.wait(kTimeoutMs))
        return QStringLiteral("the agent's instructions were not loaded");
    if (dialog->editor()->toPlainText().isEmpty())
        return QStringLiteral("the agent's instructions were not loaded");
    if (!instructions.isEmpty()) {
        dialog->replaceInstructions()->setChecked(true);
        dialog->editor()->setPlainText(instructions);
        (void)dialog->grab().save(screenshotPath(QStringLiteral("replay-dialog.png")));
    }
    QSignalSpy started(&controller, &SessionController::replayStarted);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("replayButton")),
                      Qt::LeftButton);
    if (!started.wait(kTimeoutMs))
        return QStringLiteral("the replay did not start");
    const QString runId = started.first().first().toString();
    if (!QTest::qWaitFor(
            [&] { return load(runId).isFinished() && !controller.isCurrentRunActive(); },
            kTimeoutMs))
        return QStringLiteral("the replay did not finish");
    return runId;
}

void TestRunCompare::replayFromAStepInTheInspectorWithEditedInstructions()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* inspector = window.findChild<StepInspector*>();
    QVERIFY(inspector);
    QVERIFY(!inspector->replayButton()->isEnabled());
    controller.selectRun(m_approved);
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentRunId(), m_approved, 5000); // read on a worker
    inspector->showStep(controller.currentState(), QStringLiteral("s6"));
    QVERIFY(inspector->replayButton()->isEnabled());
    QTest::mouseClick(inspector->replayButton(), Qt::LeftButton);

    const QString instructions = QStringLiteral("Reconcile tersely; one line per anomaly.");
    const QString replayId = acceptReplay(controller, window, instructions);
    const RunState replay = load(replayId);
    QVERIFY2(replay.runId == replayId, qPrintable(replayId));
    // The replay is a run like any other: current in the window, succeeded, linked to its source.
    QCOMPARE(controller.currentRunId(), replayId);
    QCOMPARE(replay.status, RunStatus::Succeeded);
    const auto link = ReplayLink::of(replay);
    QVERIFY(link);
    QCOMPARE(link->sourceRunId, m_approved);
    QCOMPARE(link->fromStep, 6);
    QCOMPARE(link->instructions.value_or(QString()), instructions);
    QCOMPARE(replay.steps.size(), load(m_approved).steps.size());
    QCOMPARE(outboxCount(m_workspace), 1); // no second email
    QVERIFY(window.grab().save(screenshotPath(QStringLiteral("replay-main-window.png"))));
}

void TestRunCompare::replayFromTheCompareViewKeepsTheInstructions()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* compare = window.findChild<RunCompareView*>(QStringLiteral("runCompareView"));
    QSignalSpy loaded(compare, &RunCompareView::loaded);
    compare->compare(m_approved, m_rejected);
    QVERIFY(loaded.wait(kTimeoutMs));
    auto* replayB = compare->findChild<QPushButton*>(QStringLiteral("compareReplayB"));
    QVERIFY(!replayB->isEnabled());
    compare->selectStep(1);
    QVERIFY(replayB->isEnabled());
    QTest::mouseClick(replayB, Qt::LeftButton);

    const QString replayId = acceptReplay(controller, window, {});
    const RunState replay = load(replayId);
    QVERIFY2(replay.runId == replayId, qPrintable(replayId));
    const auto link = ReplayLink::of(replay);
    QVERIFY(link);
    QCOMPARE(link->sourceRunId, m_rejected);
    QCOMPARE(link->fromStep, 1);
    QVERIFY(!link->instructions);
    // The source's email was rejected: its recorded result is the rejection, and nothing is sent.
    QCOMPARE(replay.status, RunStatus::Succeeded);
    QCOMPARE(replay.steps[std::size_t(kEmailRow)].status, StepStatus::Failed);
    QCOMPARE(outboxCount(m_workspace), 1);
}

void TestRunCompare::stopWhileTheReplayIsPreparedStartsNothing()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    const int runsBefore = runCount(controller);
    QSignalSpy cancelled(&controller, &SessionController::replayCancelled);
    QSignalSpy started(&controller, &SessionController::replayStarted);
    auto* stop = window.findChild<QAction*>(QStringLiteral("stopAction"));
    QVERIFY(stop);
    controller.startReplay(m_approved, 6, std::nullopt);
    // The source's events, the agent file and the provider are read on a worker thread: nothing
    // has started yet, and the replay can be stopped.
    QVERIFY(controller.isPreparingReplay());
    QVERIFY(started.isEmpty());
    QVERIFY(controller.currentRunId().isEmpty());
    QVERIFY(stop->isEnabled());
    // It says what it prepares: a replay, not a run on the provider picked in the toolbar.
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Preparing the replay\u2026"));
    stop->trigger();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!controller.isPreparing());
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Stopped the replay before it started."));

    // Asked again, it starts; the abandoned preparation never becomes a run.
    controller.startReplay(m_approved, 6, std::nullopt);
    QVERIFY(started.wait(kTimeoutMs));
    const QString replayId = started.first().first().toString();
    QTRY_VERIFY_WITH_TIMEOUT(load(replayId).isFinished() && !controller.isCurrentRunActive(),
                             kTimeoutMs);
    QCOMPARE(started.count(), 1);
    QCOMPARE(runCount(controller), runsBefore + 1);
    QCOMPARE(load(replayId).status, RunStatus::Succeeded);
    QCOMPARE(outboxCount(m_workspace), 1);
}

void TestRunCompare::interruptedReplayResumesAndContinuesAsAReplay()
{
    // A replay whose `awb` process was killed while its third tool ran.
    const test::AwbResult killed = test::runAwb(
        {QStringLiteral("replay"), m_approved, QStringLiteral("--workspace"), m_workspace,
         QStringLiteral("--from-step"), QStringLiteral("4"), QStringLiteral("--json")},
        {{QStringLiteral("AWB_FAULT_INJECT"), QStringLiteral("tool.executing:3")}});
    QVERIFY2(killed.crashed, qPrintable(killed.describe()));
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    QString interrupted;
    const auto runs = controller.journal()->listRuns();
    QVERIFY(runs.ok());
    for (const auto& row : *runs) {
        const RunState state = load(row.runId);
        if (state.status == RunStatus::Running && ReplayLink::of(state))
            interrupted = row.runId;
    }
    QVERIFY(!interrupted.isEmpty());

    // Resumed from the GUI: prepared on a worker thread, then finished as a replay. A plain resume
    // would stop at the email's approval, or send it.
    QVERIFY(controller.resumeRun(interrupted).ok());
    QVERIFY(controller.isPreparing());
    QVERIFY(!controller.isCurrentRunActive());
    QTRY_VERIFY_WITH_TIMEOUT(load(interrupted).isFinished() && !controller.isCurrentRunActive(),
                             kTimeoutMs);
    const RunState resumed = load(interrupted);
    QCOMPARE(resumed.status, RunStatus::Succeeded);
    QCOMPARE(resumed.steps.size(), load(m_approved).steps.size());
    QCOMPARE(outboxCount(m_workspace), 1);

    // A follow-up message continues it, still as a replay and still without an email.
    QSignalSpy launched(&controller, &SessionController::runLaunched);
    QVERIFY(controller.sendMessage(resumed.agent, QStringLiteral("Thanks, that is all.")).ok());
    QVERIFY(controller.isPreparing());
    QVERIFY(launched.wait(kTimeoutMs));
    QCOMPARE(launched.first().first().toString(), interrupted);
    // Waited for in memory: the journal commits in groups, another connection sees it later.
    QTRY_VERIFY_WITH_TIMEOUT(controller.currentState().followUps.size() == 1 &&
                                 controller.currentState().isFinished() &&
                                 !controller.isCurrentRunActive(),
                             kTimeoutMs);
    QVERIFY(controller.journal()->flush().ok());
    const RunState continued = load(interrupted);
    QCOMPARE(continued.status, RunStatus::Succeeded);
    QCOMPARE(int(continued.followUps.size()), 1);
    QVERIFY(ReplayLink::of(continued));
    QCOMPARE(outboxCount(m_workspace), 1);
}

void TestRunCompare::replayTalksToTheProfileOfItsSourceWithItsKey()
{
    const Keychain::State keychain = Keychain::probe();
    if (keychain != Keychain::State::Available) {
        const QString why = QStringLiteral("the keychain is %1").arg(Keychain::stateName(keychain));
        if (qEnvironmentVariable("AWB_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL(qPrintable(why));
        QSKIP(qPrintable(why));
    }
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    const QString profile = QStringLiteral("replay-openai-") + id.left(8);
    const QString keyEntry = QStringLiteral("provider/") + profile;
    const QString apiKey = QStringLiteral("sk-replay-profile-") + id;
    const QString dir = m_dir.filePath(QStringLiteral("profile"));
    QVERIFY(demo::createDemoWorkspace(dir).ok());
    test::MockLlmServer mock;
    QVERIFY2(mock.start(dir + QStringLiteral("/agents/q3-reconciliation.script.json"),
                        {QStringLiteral("--require-key"), apiKey}),
             qPrintable(mock.error()));
    QVERIFY(Keychain::write(keyEntry, apiKey).ok());
    m_keyEntries << keyEntry;
    {
        QSettings settings;
        ui::ProviderProfile p;
        p.name = profile;
        p.provider = QStringLiteral("openai");
        p.model = QStringLiteral("gpt-4o-mini");
        p.baseUrl = mock.url(QStringLiteral("/v1"));
        ui::settings::saveProfiles(settings, {p});
    }

    // The source: the demo on that profile, its email approved.
    SessionController controller;
    MainWindow window(&controller);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(dir);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
    controller.setProviderSelection(ui::ProviderSelection::ofProfile(profile));
    QSignalSpy launched(&controller, &SessionController::runLaunched);
    QVERIFY(controller.startRun(QStringLiteral("q3-reconciliation"), test::demoRequest()).ok());
    QVERIFY(launched.wait(kTimeoutMs));
    const QString source = launched.first().first().toString();
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentState().status, RunStatus::WaitingApproval,
                              kTimeoutMs);
    QString approval;
    for (const StepState& s : controller.currentState().steps) {
        if (s.kind == StepKind::Approval && !s.isTerminal())
            approval = s.id;
    }
    QVERIFY(!approval.isEmpty());
    QVERIFY(controller.decide(approval, true).ok());
    QTRY_VERIFY_WITH_TIMEOUT(load(source, dir).status == RunStatus::Succeeded &&
                                 !controller.isCurrentRunActive(),
                             kTimeoutMs);
    QCOMPARE(outboxCount(dir), 1);
    const std::size_t sourceRequests = mock.requests().size();

    // Replayed from its sixth step: the model is called again on the profile's endpoint, with
    // the profile's key; the replay names the profile for its own resume; no second email.
    QSignalSpy started(&controller, &SessionController::replayStarted);
    controller.startReplay(source, 6, std::nullopt);
    QVERIFY(started.wait(kTimeoutMs));
    const QString replayId = started.first().first().toString();
    QTRY_VERIFY_WITH_TIMEOUT(load(replayId, dir).isFinished() && !controller.isCurrentRunActive(),
                             kTimeoutMs);
    const RunState replay = load(replayId, dir);
    QCOMPARE(replay.status, RunStatus::Succeeded);
    QCOMPARE(replay.provider, QStringLiteral("openai"));
    QCOMPARE(replay.model, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(jsonString(replay.startData, kProviderProfileKey), profile);
    const std::vector<Json> requests = mock.requests();
    QVERIFY(requests.size() > sourceRequests);
    for (const Json& r : requests) {
        QVERIFY2(QString::fromStdString(r.at("headers").dump()).contains(apiKey),
                 "every request carries the profile's key");
    }
    QCOMPARE(outboxCount(dir), 1);

    // Without the key, the replay is refused before anything is recorded, saying what to do.
    QVERIFY(Keychain::remove(keyEntry).ok());
    const int runsBefore = runCount(controller);
    QSignalSpy failed(&controller, &SessionController::replayFailed);
    controller.startReplay(source, 6, std::nullopt);
    QVERIFY(failed.wait(kTimeoutMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(keyEntry), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Settings")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("input field")), qPrintable(message));
    QCOMPARE(runCount(controller), runsBefore);
}

void TestRunCompare::controlsHaveObjectAndAccessibleNames()
{
    RunCompareView compare;
    ReplayDialog dialog(m_approved, 1, QStringLiteral("s1"), QString());
    for (QWidget* root : {static_cast<QWidget*>(&compare), static_cast<QWidget*>(&dialog)}) {
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

void TestRunCompare::cleanupTestCase()
{
    for (const QString& entry : std::as_const(m_keyEntries))
        (void)Keychain::remove(entry);
}

QTEST_MAIN(TestRunCompare)
#include "TestRunCompare.moc"
