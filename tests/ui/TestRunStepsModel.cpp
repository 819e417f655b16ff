// The steps table of one run: rows appear as the run creates steps and change in place as their
// state changes, all read through RunState from the journal's published events.

#include <QAbstractItemModelTester>
#include <QtTest>

#include "core/engine/support/EngineFixture.h"
#include "runs/RunStepsModel.h"

using namespace awb;
using namespace awb::test;
using awb::ui::RunStepsModel;

namespace {
const char* kScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "echo", "arguments": {"n": 1}}, {"name": "echo", "arguments": {"n": 2}}],
     "usage": {"input_tokens": 100, "output_tokens": 20}},
    {"text": "Both echoes came back.", "usage": {"input_tokens": 150, "output_tokens": 30}}]})";

Result<Json> echo(const Json& args, const ToolContext&)
{
    return Json{{"echo", args}};
}

// A fixture with the echo tool, and a finished run of kScript followed by the model from its start.
struct FollowedRun
{
    EngineFixture f;
    RunStepsModel model;
    QString runId;

    bool start()
    {
        if (!f.open())
            return false;
        f.addTool(QStringLiteral("echo"), echo);
        AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}),
                                        EngineFixture::scripted(kScript), QStringLiteral("m"),
                                        QStringLiteral("go"), {}, f.journal.get());
        runId = run->runId();
        model.setRun(runId, {});
        QObject::connect(f.journal.get(), &Journal::published, &model, &RunStepsModel::apply);
        return true;
    }
    std::optional<RunStatus> finish()
    {
        auto* run = f.journal->findChild<AgentRun*>();
        return run ? EngineFixture::waitStopped(run) : std::nullopt;
    }
};

QString cell(const QAbstractItemModel& m, int row, int column)
{
    return m.index(row, column).data().toString();
}

RunEvent runEvent(std::int64_t seq, EventKind kind, const QString& stepId,
                  Json data = Json::object())
{
    RunEvent e;
    e.runId = QStringLiteral("run-1");
    e.seq = seq;
    e.time = QDateTime::currentDateTimeUtc();
    e.kind = kind;
    e.stepId = stepId;
    e.data = std::move(data);
    return e;
}

// A run whose tool step s2 was running when its process died.
std::vector<RunEvent> cutOffHistory()
{
    return {
        runEvent(1, EventKind::RunStarted, {}, {{"agent", "a"}, {"input", "go"}}),
        runEvent(2, EventKind::StepCreated, QStringLiteral("s1"),
                 {{"kind", "model"}, {"name", "m"}, {"turn", 1}}),
        runEvent(3, EventKind::StepStarted, QStringLiteral("s1"), {{"attempt", 1}}),
        runEvent(4, EventKind::ModelResponded, QStringLiteral("s1"),
                 {{"message", {{"role", "assistant"}, {"text", ""}}}}),
        runEvent(5, EventKind::StepCreated, QStringLiteral("s2"),
                 {{"kind", "tool"}, {"name", "echo"}, {"turn", 1}, {"arguments", Json::object()}}),
        runEvent(6, EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 1}})};
}

QString statusOf(const RunStepsModel& m, int row)
{
    return m.index(row, RunStepsModel::StatusColumn).data(RunStepsModel::StatusRole).toString();
}
} // namespace

class TestRunStepsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resumeMarksTheStepsACrashCutOffUntilTheyStartAgain();
    void runExecutingNowhereShowsItsRunningStepsInterrupted();
    void resumingAStoppedRunReopensTheStepsItsStopCutOff();
    void stepsAreInsertedAsTheRunCreatesThem();
    void eachStepRowChangesOnceWhenStartedAndOnceWhenDone();
    void streamedTextChangesNoRow();
    void recordedRunShowsTheSameStepsAsTheLiveOne();
    void eventsOfOtherRunsAreIgnored();
    void columnsShowTheStepFromItsState_data();
    void columnsShowTheStepFromItsState();
};

void TestRunStepsModel::resumeMarksTheStepsACrashCutOffUntilTheyStartAgain()
{
    RunStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(QStringLiteral("run-1"), cutOffHistory());
    QCOMPARE(statusOf(model, 1), QStringLiteral("running")); // nothing said it stopped yet
    QSignalSpy marks(&model, &RunStepsModel::interruptedStepsChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Live: the engine reports the resume; s2 did not finish in the process that died.
    model.apply(runEvent(7, EventKind::RunResumed, {}, {{"reused_steps", 1}}));
    QCOMPARE(marks.count(), 1);
    QVERIFY(model.isInterrupted(QStringLiteral("s2")));
    QVERIFY(!model.isInterrupted(QStringLiteral("s1")));
    QCOMPARE(statusOf(model, 1), QStringLiteral("interrupted"));
    QCOMPARE(cell(model, 1, RunStepsModel::StatusColumn), QStringLiteral("interrupted"));
    QCOMPARE(changed.count(), 1);

    // The resumed run starts it again: running, for real this time.
    model.apply(runEvent(8, EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 2}}));
    QCOMPARE(marks.count(), 2);
    QVERIFY(model.interruptedSteps().isEmpty());
    QCOMPARE(statusOf(model, 1), QStringLiteral("running"));

    // A resume after a pause for approval cut nothing off.
    RunStepsModel paused;
    std::vector<RunEvent> pausedHistory = cutOffHistory();
    pausedHistory.push_back(
        runEvent(7, EventKind::RunPaused, {}, {{"reason", "waiting_approval"}}));
    paused.setRun(QStringLiteral("run-1"), pausedHistory);
    paused.apply(runEvent(8, EventKind::RunResumed, {}, {{"reused_steps", 1}}));
    QVERIFY(paused.interruptedSteps().isEmpty());

    // The same history loaded at once ends in the same place.
    std::vector<RunEvent> history = cutOffHistory();
    history.push_back(runEvent(7, EventKind::RunResumed, {}, {{"reused_steps", 1}}));
    RunStepsModel reloaded;
    reloaded.setRun(QStringLiteral("run-1"), history);
    QVERIFY(reloaded.isInterrupted(QStringLiteral("s2")));
    history.push_back(runEvent(8, EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 2}}));
    reloaded.setRun(QStringLiteral("run-1"), history);
    QVERIFY(reloaded.interruptedSteps().isEmpty());
}

void TestRunStepsModel::resumingAStoppedRunReopensTheStepsItsStopCutOff()
{
    RunStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<RunEvent> stopped = cutOffHistory();
    stopped.push_back(
        runEvent(7, EventKind::StepFailed, QStringLiteral("s2"), {{"error", stoppedStepError()}}));
    stopped.push_back(runEvent(8, EventKind::RunFinished, {}, {{"status", "cancelled"}}));
    model.setRun(QStringLiteral("run-1"), stopped);
    QCOMPARE(statusOf(model, 1), QStringLiteral("failed"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.apply(runEvent(
        9, EventKind::RunResumed, {},
        {{"reused_steps", 1}, {"reopened_steps", {"s2"}}, {"previous_status", "cancelled"}}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(statusOf(model, 1), QStringLiteral("pending"));
    QVERIFY(
        !model.isInterrupted(QStringLiteral("s2"))); // stopped on record, not cut off by a crash
    QCOMPARE(statusOf(model, 0), QStringLiteral("succeeded"));
}

void TestRunStepsModel::runExecutingNowhereShowsItsRunningStepsInterrupted()
{
    RunStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(QStringLiteral("run-1"), cutOffHistory());
    QSignalSpy marks(&model, &RunStepsModel::interruptedStepsChanged);
    model.markRunningStepsInterrupted();
    QCOMPARE(marks.count(), 1);
    QCOMPARE(model.interruptedSteps(), QSet<QString>{QStringLiteral("s2")});
    QCOMPARE(statusOf(model, 0), QStringLiteral("succeeded"));
    QCOMPARE(statusOf(model, 1), QStringLiteral("interrupted"));
    model.markRunningStepsInterrupted(); // already marked: no change to announce
    QCOMPARE(marks.count(), 1);
    // The run ends (e.g. cancelled): its steps are what the journal says.
    model.apply(runEvent(7, EventKind::RunFinished, {}, {{"status", "cancelled"}}));
    QVERIFY(model.interruptedSteps().isEmpty());
}

void TestRunStepsModel::stepsAreInsertedAsTheRunCreatesThem()
{
    FollowedRun r;
    QVERIFY(r.start());
    QAbstractItemModelTester tester(&r.model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&r.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&r.model, &QAbstractItemModel::modelReset);
    QCOMPARE(r.finish(), RunStatus::Succeeded);
    QCOMPARE(r.model.rowCount(), 4); // model, two tools, model
    QCOMPARE(inserted.count(), 4);
    QCOMPARE(reset.count(), 0);
    for (int i = 0; i < inserted.count(); ++i) {
        QCOMPARE(inserted.at(i).at(1).toInt(), i); // appended in creation order
        QCOMPARE(inserted.at(i).at(2).toInt(), i);
    }
    QCOMPARE(r.model.state().status, RunStatus::Succeeded);
}

void TestRunStepsModel::eachStepRowChangesOnceWhenStartedAndOnceWhenDone()
{
    FollowedRun r;
    QVERIFY(r.start());
    QSignalSpy changed(&r.model, &QAbstractItemModel::dataChanged);
    QCOMPARE(r.finish(), RunStatus::Succeeded);
    QCOMPARE(changed.count(), 2 * r.model.rowCount());
    QMap<int, int> perRow;
    for (const QList<QVariant>& args : changed) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        QCOMPARE(from.row(), to.row());
        perRow[from.row()] += 1;
    }
    for (int row = 0; row < r.model.rowCount(); ++row)
        QCOMPARE(perRow.value(row), 2);
}

void TestRunStepsModel::streamedTextChangesNoRow()
{
    FollowedRun r;
    QVERIFY(r.start());
    QCOMPARE(r.finish(), RunStatus::Succeeded);
    auto events = r.f.journal->loadEvents(r.runId);
    QVERIFY(events.ok());
    const auto delta = std::find_if(events->begin(), events->end(), [](const RunEvent& e) {
        return e.kind == EventKind::TextDelta;
    });
    QVERIFY(delta != events->end());

    RunStepsModel model;
    model.setRun(r.runId, std::vector<RunEvent>(events->begin(), delta));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy applied(&model, &RunStepsModel::eventApplied);
    model.apply(*delta);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!model.state().step(delta->stepId)->streamedText.isEmpty());
}

void TestRunStepsModel::recordedRunShowsTheSameStepsAsTheLiveOne()
{
    FollowedRun r;
    QVERIFY(r.start());
    QCOMPARE(r.finish(), RunStatus::Succeeded);
    auto events = r.f.journal->loadEvents(r.runId);
    QVERIFY(events.ok());
    RunStepsModel recorded;
    QAbstractItemModelTester tester(&recorded,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    recorded.setRun(r.runId, *events);
    QCOMPARE(recorded.rowCount(), r.model.rowCount());
    for (int row = 0; row < recorded.rowCount(); ++row) {
        for (int column = 0; column < RunStepsModel::ColumnCount; ++column)
            QCOMPARE(cell(recorded, row, column), cell(r.model, row, column));
    }
}

void TestRunStepsModel::eventsOfOtherRunsAreIgnored()
{
    FollowedRun r;
    QVERIFY(r.start());
    RunStepsModel other;
    other.setRun(QStringLiteral("some-other-run"), {});
    QObject::connect(r.f.journal.get(), &Journal::published, &other, &RunStepsModel::apply);
    QSignalSpy inserted(&other, &QAbstractItemModel::rowsInserted);
    QSignalSpy applied(&other, &RunStepsModel::eventApplied);
    QCOMPARE(r.finish(), RunStatus::Succeeded);
    QCOMPARE(other.rowCount(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(applied.count(), 0);
}

void TestRunStepsModel::columnsShowTheStepFromItsState_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("tokens");
    QTest::newRow("first model call") << 0 << "s1"
                                      << "model"
                                      << "m"
                                      << "succeeded"
                                      << "120";
    QTest::newRow("first tool call") << 1 << "s2"
                                     << "tool"
                                     << "echo"
                                     << "succeeded"
                                     << "";
    QTest::newRow("second tool call") << 2 << "s3"
                                      << "tool"
                                      << "echo"
                                      << "succeeded"
                                      << "";
    QTest::newRow("final model call") << 3 << "s4"
                                      << "model"
                                      << "m"
                                      << "succeeded"
                                      << "180";
}

void TestRunStepsModel::columnsShowTheStepFromItsState()
{
    QFETCH(int, row);
    FollowedRun r;
    QVERIFY(r.start());
    QCOMPARE(r.finish(), RunStatus::Succeeded);
    QTEST(cell(r.model, row, RunStepsModel::IdColumn), "id");
    QTEST(cell(r.model, row, RunStepsModel::KindColumn), "kind");
    QTEST(cell(r.model, row, RunStepsModel::NameColumn), "name");
    QTEST(r.model.index(row, 0).data(RunStepsModel::StatusRole).toString(), "status");
    QTEST(cell(r.model, row, RunStepsModel::TokensColumn), "tokens");
    QVERIFY(!cell(r.model, row, RunStepsModel::DurationColumn).isEmpty());
}

QTEST_GUILESS_MAIN(TestRunStepsModel)
#include "TestRunStepsModel.moc"
