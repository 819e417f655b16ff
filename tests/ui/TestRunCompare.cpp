// Comparing two runs step by step (the Runs view's Compare, differences marked) and replaying a run
// from a step, from the inspector and from the compare view: the replay runs through the same
// engine path as `awb replay`, becomes the current run, and never sends the email again.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
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
#include "runs/RunsView.h"
#include "session/SessionController.h"

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
    void controlsHaveObjectAndAccessibleNames();

private:
    RunState load(const QString& runId) const;
    void open(SessionController& controller, MainWindow& window);
    // Accepts the replay dialog the window opened, replacing the instructions when given; returns
    // the id of the replay once it finished.
    QString acceptReplay(SessionController& controller, MainWindow& window,
                         const QString& instructions);

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_approved; // the demo run, its email approved and sent
    QString m_rejected; // the same request, its email rejected
};

void TestRunCompare::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-compare-view");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("AWB_SMTP_URL"); // emails go to the workspace outbox, where the test counts them
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

RunState TestRunCompare::load(const QString& runId) const
{
    auto events =
        ui::journal::readRunEvents(m_workspace + QStringLiteral("/.awb/workspace.db"), runId);
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

QTEST_MAIN(TestRunCompare)
#include "TestRunCompare.moc"
