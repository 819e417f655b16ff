// The run history table: loaded from the journal's runs index on a worker, then kept current from
// published events with rowsInserted and dataChanged, never a reset.

#include <QAbstractItemModelTester>
#include <QtTest>

#include <atomic>
#include <thread>

#include "core/engine/support/EngineFixture.h"
#include "engine/RunLock.h"
#include "runs/RunsModel.h"

using namespace awb;
using namespace awb::test;
using awb::ui::RunsModel;

namespace {
const char* kScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "echo", "arguments": {"n": 1}}], "usage": {"input_tokens": 100, "output_tokens": 20}},
    {"text": "The echo came back.", "usage": {"input_tokens": 150, "output_tokens": 30}}]})";

const char* kGatedScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "send", "arguments": {"text": "hello"}}]}, {"text": "sent"}]})";

Result<Json> echo(const Json& args, const ToolContext&)
{
    return Json{{"echo", args}};
}

AgentRun* startEcho(EngineFixture& f)
{
    return AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}),
                           EngineFixture::scripted(kScript), QStringLiteral("m"),
                           QStringLiteral("go"), {}, f.journal.get());
}

QString statusOf(const RunsModel& m, int row)
{
    return m.index(row, RunsModel::StatusColumn).data(RunsModel::StatusRole).toString();
}
} // namespace

class TestRunsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsTheRunsIndexNewestFirst();
    void newRunIsInsertedAtTheTopWithoutReset();
    void rowChangesOnlyWhenWhatItShowsChanges();
    void loadedRunFollowsItsLaterEvents();
    void runningRunShowsInterruptedWithoutItsLock_data();
    void runningRunShowsInterruptedWithoutItsLock();
    void runStartedWhileTheIndexLoadsIsShownOnce();
    void clearingTheJournalEmptiesTheModel();
};

void TestRunsModel::loadsTheRunsIndexNewestFirst()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    AgentRun* first = startEcho(f);
    QCOMPARE(EngineFixture::waitStopped(first), RunStatus::Succeeded);
    AgentRun* second = startEcho(f);
    QCOMPARE(EngineFixture::waitStopped(second), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());

    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJournal(f.journal.get(), f.workspace->stateDir());
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(RunsModel::RunIdRole).toString(), second->runId());
    QCOMPARE(model.index(1, 0).data(RunsModel::RunIdRole).toString(), first->runId());
    QCOMPARE(statusOf(model, 0), QStringLiteral("succeeded"));
    QCOMPARE(model.index(0, RunsModel::AgentColumn).data().toString(),
             QStringLiteral("test-agent"));
    QCOMPARE(model.index(0, RunsModel::TokensColumn).data().toString(), QLocale().toString(300));
    QCOMPARE(model.index(0, RunsModel::CostColumn).data().toString(), QStringLiteral("0.0000"));
}

void TestRunsModel::newRunIsInsertedAtTheTopWithoutReset()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    AgentRun* old = startEcho(f);
    QCOMPARE(EngineFixture::waitStopped(old), RunStatus::Succeeded);

    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJournal(f.journal.get(), f.workspace->stateDir());
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    AgentRun* run = startEcho(f);
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());

    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(run->runId()), 0);
    QCOMPARE(model.rowOf(old->runId()), 1);
    QCOMPARE(statusOf(model, 0), QStringLiteral("succeeded"));
}

void TestRunsModel::rowChangesOnlyWhenWhatItShowsChanges()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    RunsModel model;
    model.setJournal(f.journal.get(), f.workspace->stateDir());
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy published(f.journal.get(), &Journal::published);
    AgentRun* run = startEcho(f);
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());

    // Two model responses change the tokens, the end changes the status; steps, tool results and
    // streamed text change nothing the table shows.
    QVERIFY(published.count() > 10);
    QCOMPARE(changed.count(), 3);
    for (const QList<QVariant>& args : changed)
        QCOMPARE(args.at(0).toModelIndex().row(), 0);
    QCOMPARE(model.index(0, RunsModel::TokensColumn).data().toString(), QLocale().toString(300));
}

void TestRunsModel::loadedRunFollowsItsLaterEvents()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(
        QStringLiteral("send"),
        [](const Json&, const ToolContext&) -> Result<Json> {
            return Json{{"sent", true}};
        },
        EffectClass::ExternalEffect);
    AgentRun* run = AgentRun::start(
        f.context(), EngineFixture::agent({QStringLiteral("send")}, {QStringLiteral("send")}),
        EngineFixture::scripted(kGatedScript), QStringLiteral("m"), QStringLiteral("go"), {},
        f.journal.get());
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::WaitingApproval);
    QVERIFY(f.journal->flush().ok());

    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJournal(f.journal.get(), f.workspace->stateDir());
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    QCOMPARE(statusOf(model, 0), QStringLiteral("waiting_approval"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const StepState* approval = nullptr;
    for (const StepState& s : run->state().steps)
        approval = s.kind == StepKind::Approval ? &s : approval;
    QVERIFY(approval);
    QVERIFY(run->decide(approval->id, true, QStringLiteral("test:user")).ok());
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());

    // The run's events are read on a worker before its row follows it.
    QTRY_VERIFY_WITH_TIMEOUT(!model.isCatchingUp(), 5000);
    QCOMPARE(inserted.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(statusOf(model, 0), QStringLiteral("succeeded"));
}

void TestRunsModel::runningRunShowsInterruptedWithoutItsLock_data()
{
    QTest::addColumn<bool>("lockHeld");
    QTest::addColumn<QString>("status");
    QTest::newRow("a process holds the lock") << true << "running";
    QTest::newRow("no process holds the lock") << false << "interrupted";
}

void TestRunsModel::runningRunShowsInterruptedWithoutItsLock()
{
    QFETCH(bool, lockHeld);
    EngineFixture f;
    QVERIFY(f.open());
    auto release = std::make_shared<std::atomic<bool>>(false);
    auto started = std::make_shared<std::atomic<bool>>(false);
    f.addTool(QStringLiteral("echo"),
              [release, started](const Json& a, const ToolContext& ctx) -> Result<Json> {
                  started->store(true);
                  for (int i = 0; i < 10000 && !release->load() && !ctx.cancelled(); ++i)
                      std::this_thread::sleep_for(std::chrono::milliseconds(1));
                  return Json{{"echo", a}};
              });
    AgentRun* run = startEcho(f);
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), 5000);
    std::optional<RunLock> lock;
    if (lockHeld) {
        auto acquired = RunLock::acquire(f.workspace->stateDir(), run->runId());
        QVERIFY(acquired.ok());
        lock = std::move(acquired).value();
    }

    RunsModel model;
    model.setJournal(f.journal.get(), f.workspace->stateDir());
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    QCOMPARE(model.rowCount(), 1);
    QTEST(statusOf(model, 0), "status");

    release->store(true);
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 0), QStringLiteral("succeeded"), 5000);
    QCOMPARE(model.rowCount(), 1);
}

void TestRunsModel::runStartedWhileTheIndexLoadsIsShownOnce()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    AgentRun* old = startEcho(f);
    QCOMPARE(EngineFixture::waitStopped(old), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());

    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &RunsModel::loaded);
    model.setJournal(f.journal.get(), f.workspace->stateDir());
    // Started before the index read is in: whichever comes first, each run has one row.
    AgentRun* run = startEcho(f);
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isCatchingUp(), 5000);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(run->runId()), 0);
    QCOMPARE(model.rowOf(old->runId()), 1);
    QCOMPARE(statusOf(model, 0), QStringLiteral("succeeded"));
    QCOMPARE(statusOf(model, 1), QStringLiteral("succeeded"));
}

void TestRunsModel::clearingTheJournalEmptiesTheModel()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    QCOMPARE(EngineFixture::waitStopped(startEcho(f)), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());
    RunsModel model;
    model.setJournal(f.journal.get(), f.workspace->stateDir());
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    QCOMPARE(model.rowCount(), 1);
    model.setJournal(nullptr, {});
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(EngineFixture::waitStopped(startEcho(f)), RunStatus::Succeeded);
    QVERIFY(f.journal->flush().ok());
    QCOMPARE(inserted.count(), 0);
}

QTEST_GUILESS_MAIN(TestRunsModel)
#include "TestRunsModel.moc"
