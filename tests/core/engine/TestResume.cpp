// Resume after a crash: a run rebuilt from its journal continues without repeating completed steps.

#include <QtTest>

#include <atomic>
#include <thread>

#include <QTimer>

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
    void cancelledRunResumesAndRunsWhatTheStopCutOff();
    void failedRunResumesFromTheFailedModelCall();
    void reopenedStepsAreOpenAgainInTheRebuiltState();
    void unknownRunCannotBeResumed();
    void runLockIsExclusiveAndReleasedOnClose();
    void stateRebuiltFromEventsEqualsLiveState();
};

namespace {
// A model whose first `failures` calls fail like an unreachable provider; then the script answers.
class FlakyProvider : public llm::ModelProvider
{
public:
    FlakyProvider(std::shared_ptr<llm::ModelProvider> inner, int failures)
        : m_inner(std::move(inner)), m_failures(failures)
    {
    }
    QString name() const override { return m_inner->name(); }
    bool isScripted() const override { return true; }
    llm::ModelCall* start(const llm::ModelRequest& request, QObject* parent) override
    {
        ++calls;
        if (m_failures-- <= 0)
            return m_inner->start(request, parent);
        auto* call = new FailedCall(parent);
        QTimer::singleShot(0, call, [call] {
            Q_EMIT call->finished(
                Error::make(QStringLiteral("connection refused"), QStringLiteral("network_error")));
        });
        return call;
    }
    int calls = 0;

private:
    class FailedCall : public llm::ModelCall
    {
    public:
        using ModelCall::ModelCall;
        void cancel() override {}
    };
    std::shared_ptr<llm::ModelProvider> m_inner;
    int m_failures;
};

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
    QVERIFY2(again.errorMessage().contains(QLatin1String("awb continue")),
             qPrintable(again.errorMessage()));
    delete run;
}

void TestResume::cancelledRunResumesAndRunsWhatTheStopCutOff()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto fast =
        f.addTool(QStringLiteral("fast"), [](const Json& a, const ToolContext&) -> Result<Json> {
            return Json{{"n", a["n"]}};
        });
    auto release = std::make_shared<std::atomic<bool>>(false);
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto blocker = f.addTool(
        QStringLiteral("blocker"),
        [release, started](const Json& a, const ToolContext& ctx) -> Result<Json> {
            started->store(true);
            for (int i = 0; i < 10000 && !release->load() && !ctx.cancelled(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (ctx.cancelled())
                return Error::make(QStringLiteral("stopped"), QStringLiteral("cancelled"));
            return Json{{"n", a["n"]}};
        });
    const AgentDefinition agent =
        EngineFixture::agent({QStringLiteral("fast"), QStringLiteral("blocker")});
    AgentRun* run = AgentRun::start(f.context(), agent, EngineFixture::scripted(kScript),
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    const QString runId = run->runId();
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), 5000);
    run->cancel(QStringLiteral("interrupted (SIGINT/SIGTERM)"));
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Cancelled);
    QCOMPARE(jsonString(run->state().step(QStringLiteral("s4"))->error, "code"),
             QStringLiteral("run_stopped"));
    delete run;
    f.pool.waitForDone();
    QVERIFY(f.reopenJournal());

    release->store(true);
    auto resumed =
        AgentRun::resume(f.context(), runId, agent, EngineFixture::scripted(kScript), {});
    QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.errorMessage()));
    QCOMPARE(EngineFixture::waitStopped(*resumed), RunStatus::Succeeded);
    QCOMPARE((*resumed)->state().finalText, QStringLiteral("fast=1 blocker=2"));
    QCOMPARE(fast->executions.load(), 1);    // finished before the stop: reused
    QCOMPARE(blocker->executions.load(), 2); // cut off by the stop: ran again
    QCOMPARE((*resumed)->state().step(QStringLiteral("s4"))->attempts, 2);
    QVERIFY(!(*resumed)->state().error.is_object());
    delete *resumed;
}

void TestResume::failedRunResumesFromTheFailedModelCall()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("fast"), [](const Json& a, const ToolContext&) -> Result<Json> {
        return Json{{"n", a["n"]}};
    });
    f.addTool(QStringLiteral("blocker"), [](const Json& a, const ToolContext&) -> Result<Json> {
        return Json{{"n", a["n"]}};
    });
    const AgentDefinition agent =
        EngineFixture::agent({QStringLiteral("fast"), QStringLiteral("blocker")});
    // The first call answers, the second fails as an unreachable provider would: the run fails.
    auto flaky = std::make_shared<FlakyProvider>(EngineFixture::scripted(kScript), 0);
    AgentRun* run =
        AgentRun::start(f.context(), agent, flaky, QStringLiteral("m"), QStringLiteral("go"), {});
    const QString runId = run->runId();
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded); // control: no failure
    delete run;

    auto failing = std::make_shared<FlakyProvider>(EngineFixture::scripted(kScript), 1);
    run =
        AgentRun::start(f.context(), agent, failing, QStringLiteral("m"), QStringLiteral("go"), {});
    const QString failedId = run->runId();
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Failed);
    QCOMPARE(run->state().step(QStringLiteral("s1"))->status, StepStatus::Failed);
    delete run;
    QVERIFY(runId != failedId);

    // The provider is back: resume asks the failed call again and the run finishes.
    auto back = std::make_shared<FlakyProvider>(EngineFixture::scripted(kScript), 0);
    auto resumed = AgentRun::resume(f.context(), failedId, agent, back, {});
    QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.errorMessage()));
    QCOMPARE(EngineFixture::waitStopped(*resumed), RunStatus::Succeeded);
    QCOMPARE((*resumed)->state().finalText, QStringLiteral("fast=1 blocker=2"));
    QCOMPARE((*resumed)->state().step(QStringLiteral("s1"))->attempts, 2);
    QCOMPARE(back->calls, 3);
    delete *resumed;
}

void TestResume::reopenedStepsAreOpenAgainInTheRebuiltState()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto started = std::make_shared<std::atomic<bool>>(false);
    f.addTool(QStringLiteral("fast"), [](const Json& a, const ToolContext&) -> Result<Json> {
        return Json{{"n", a["n"]}};
    });
    f.addTool(QStringLiteral("blocker"),
              [started](const Json& a, const ToolContext& ctx) -> Result<Json> {
                  started->store(true);
                  for (int i = 0; i < 10000 && !ctx.cancelled(); ++i)
                      std::this_thread::sleep_for(std::chrono::milliseconds(1));
                  return Json{{"n", a["n"]}};
              });
    const AgentDefinition agent =
        EngineFixture::agent({QStringLiteral("fast"), QStringLiteral("blocker")});
    AgentRun* run = AgentRun::start(f.context(), agent, EngineFixture::scripted(kScript),
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), 5000);
    run->cancel();
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Cancelled);
    const QString runId = run->runId();
    delete run;
    f.pool.waitForDone();
    QVERIFY(f.journal->flush().ok());

    auto events = f.journal->loadEvents(runId);
    QVERIFY(events.ok());
    const RunState cancelled = RunState::fromEvents(*events);
    QVERIFY(cancelled.isFinished());
    RunEvent resumed;
    resumed.runId = runId;
    resumed.seq = cancelled.lastSeq + 1;
    resumed.time = QDateTime::currentDateTimeUtc();
    resumed.kind = EventKind::RunResumed;
    resumed.data = {{"actor", "test"},
                    {"reused_steps", 3},
                    {"reopened_steps", {"s4"}},
                    {"previous_status", "cancelled"}};
    std::vector<RunEvent> all = *events;
    all.push_back(resumed);
    const RunState reopened = RunState::fromEvents(all);
    QCOMPARE(reopened.status, RunStatus::Running);
    QCOMPARE(reopened.step(QStringLiteral("s4"))->status, StepStatus::Pending);
    QVERIFY(reopened.step(QStringLiteral("s4"))->error.is_null());
    QCOMPARE(reopened.step(QStringLiteral("s2"))->status, StepStatus::Succeeded); // untouched
    QVERIFY(!reopened.error.is_object());
    QVERIFY(!reopened.finishedAt.isValid());
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
