// Resume after a crash: a run rebuilt from its journal continues without repeating completed steps.

#include <QtTest>

#include <atomic>
#include <thread>

#include "engine/RunLock.h"
#include "support/EngineFixture.h"

using namespace awb;
using namespace awb::test;

class TestResume : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void interruptedRunContinuesWithoutRepeatingCompletedSteps();
    void waitingRunResumesWithApproval();
    void finishedRunCannotBeResumed();
    void unknownRunCannotBeResumed();
    void runLockIsExclusiveAndReleasedOnClose();
    void stateRebuiltFromEventsEqualsLiveState();
};

namespace {
const char* kScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "fast", "arguments": {"n": 1}}]},
    {"tool_calls": [{"name": "blocker", "arguments": {"n": 2}}]},
    {"text": "fast={{fast:/n}} blocker={{blocker:/n}}"}]})";
}

void TestResume::interruptedRunContinuesWithoutRepeatingCompletedSteps()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto fast = f.addTool(QStringLiteral("fast"), [](const Json& a, const ToolContext&) -> Result<Json> {
        return Json{{"n", a["n"]}};
    });
    auto release = std::make_shared<std::atomic<bool>>(false);
    auto blockerStarted = std::make_shared<std::atomic<bool>>(false);
    auto blocker = f.addTool(QStringLiteral("blocker"), [release, blockerStarted](const Json& a, const ToolContext& ctx) -> Result<Json> {
        blockerStarted->store(true);
        for (int i = 0; i < 10000 && !release->load() && !ctx.cancelled(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return Json{{"n", a["n"]}};
    });
    const AgentDefinition agent = EngineFixture::agent({QStringLiteral("fast"), QStringLiteral("blocker")});

    QString runId;
    {
        AgentRun* run = AgentRun::start(f.context(), agent, EngineFixture::scripted(kScript), QStringLiteral("m"),
                                        QStringLiteral("go"), {});
        runId = run->runId();
        QTRY_VERIFY_WITH_TIMEOUT(blockerStarted->load(), 5000);
        // The process "dies" here: the run object vanishes without recording anything more.
        delete run;
        f.pool.waitForDone();
    }
    QVERIFY(f.reopenJournal());
    release->store(true);
    blockerStarted->store(false);

    auto resumed = AgentRun::resume(f.context(), runId, agent, EngineFixture::scripted(kScript), {});
    QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.errorMessage()));
    AgentRun* run = *resumed;
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().finalText, QStringLiteral("fast=1 blocker=2"));
    QCOMPARE(fast->executions.load(), 1);    // completed before the crash: reused
    QCOMPARE(blocker->executions.load(), 2); // interrupted: ran again
    const StepState* interrupted = run->state().step(QStringLiteral("s4"));
    QCOMPARE(interrupted->name, QStringLiteral("blocker"));
    QCOMPARE(interrupted->attempts, 2);
    QCOMPARE(run->state().step(QStringLiteral("s2"))->attempts, 1);
    delete run;
}

void TestResume::waitingRunResumesWithApproval()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto send = f.addTool(QStringLiteral("send"), [](const Json&, const ToolContext&) -> Result<Json> { return Json{{"sent", true}}; },
                          EffectClass::ExternalEffect);
    const char* script = R"({"schema_version": 1, "turns": [{"tool_calls": [{"name": "send"}]}, {"text": "sent={{send:/sent}}"}]})";
    const AgentDefinition agent = EngineFixture::agent({QStringLiteral("send")}, {QStringLiteral("send")});
    AgentRun* run = AgentRun::start(f.context(), agent, EngineFixture::scripted(script), QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::WaitingApproval);
    const QString runId = run->runId();
    delete run;
    QVERIFY(f.reopenJournal());

    RunOptions approveAll;
    approveAll.approval = RunOptions::Approval::ApproveAll;
    auto resumed = AgentRun::resume(f.context(), runId, agent, EngineFixture::scripted(script), approveAll);
    QVERIFY(resumed.ok());
    QCOMPARE(EngineFixture::waitStopped(*resumed), RunStatus::Succeeded);
    QCOMPARE(send->executions.load(), 1);
    QCOMPARE((*resumed)->state().finalText, QStringLiteral("sent=true"));
    QVERIFY((*resumed)->state().step(QStringLiteral("s3"))->decidedBy.contains(QLatin1String("--approve-all")));
    delete *resumed;
}

void TestResume::finishedRunCannotBeResumed()
{
    EngineFixture f;
    QVERIFY(f.open());
    const char* script = R"({"schema_version": 1, "turns": [{"text": "done"}]})";
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({}), EngineFixture::scripted(script), QStringLiteral("m"),
                                    QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    auto again = AgentRun::resume(f.context(), run->runId(), EngineFixture::agent({}), EngineFixture::scripted(script), {});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("run_finished"));
    delete run;
}

void TestResume::unknownRunCannotBeResumed()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto again = AgentRun::resume(f.context(), QStringLiteral("nope"), EngineFixture::agent({}),
                                  EngineFixture::scripted(R"({"schema_version": 1, "turns": [{"text": "x"}]})"), {});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("unknown_run"));
}

void TestResume::runLockIsExclusiveAndReleasedOnClose()
{
    QTemporaryDir dir;
    {
        auto lock = RunLock::acquire(dir.path(), QStringLiteral("r1"));
        QVERIFY(lock.ok());
        QVERIFY(RunLock::isHeld(dir.path(), QStringLiteral("r1")));
        auto second = RunLock::acquire(dir.path(), QStringLiteral("r1"));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, QStringLiteral("run_busy"));
    }
    QVERIFY(!RunLock::isHeld(dir.path(), QStringLiteral("r1")));
    QVERIFY(RunLock::acquire(dir.path(), QStringLiteral("r1")).ok());
}

void TestResume::stateRebuiltFromEventsEqualsLiveState()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("fast"), [](const Json& a, const ToolContext&) -> Result<Json> { return Json{{"n", a["n"]}}; });
    f.addTool(QStringLiteral("blocker"), [](const Json& a, const ToolContext&) -> Result<Json> { return Json{{"n", a["n"]}}; });
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("fast"), QStringLiteral("blocker")}),
                                    EngineFixture::scripted(kScript), QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    auto events = f.journal->loadEvents(run->runId());
    QVERIFY(events.ok());
    const RunState rebuilt = RunState::fromEvents(*events);
    QCOMPARE(QString::fromStdString(rebuilt.toJson().dump()), QString::fromStdString(run->state().toJson().dump()));
    delete run;
}

QTEST_GUILESS_MAIN(TestResume)
#include "TestResume.moc"
