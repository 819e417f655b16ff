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
} // namespace

class TestRunStepsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepsAreInsertedAsTheRunCreatesThem();
    void eachStepRowChangesOnceWhenStartedAndOnceWhenDone();
    void streamedTextChangesNoRow();
    void recordedRunShowsTheSameStepsAsTheLiveOne();
    void eventsOfOtherRunsAreIgnored();
    void columnsShowTheStepFromItsState_data();
    void columnsShowTheStepFromItsState();
};

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
