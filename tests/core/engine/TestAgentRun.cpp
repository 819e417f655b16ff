// The run loop: tool calls, concurrency, validation, approvals, budgets, timeouts, cancellation.

#include <QtTest>

#include <atomic>
#include <thread>

#include "llm/Pricing.h"
#include "support/EngineFixture.h"

using namespace awb;
using namespace awb::test;

namespace {
Result<Json> echo(const Json& args, const ToolContext&)
{
    return Json{{"echo", args}};
}

std::vector<RunEvent> eventsOf(EngineFixture& f, const QString& runId)
{
    auto events = f.journal->loadEvents(runId);
    return events ? events.value() : std::vector<RunEvent>{};
}

} // namespace

class TestAgentRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void finalAnswerWithoutToolsSucceeds();
    void toolResultReachesTheModel();
    void toolCallsOfOneTurnRunConcurrently();
    void parallelismIsBounded();
    void invalidArgumentsGoBackToTheModelAndTheRunContinues();
    void unknownToolIsRefusedAndTheRunContinues();
    void toolErrorIsReportedToTheModel();
    void gatedToolPausesUntilApproved();
    void rejectedCallNeverRunsAndTheModelIsTold();
    void editedArgumentsAreValidatedAgain();
    void stepBudgetStopsTheRun();
    void tokenBudgetStopsTheRun();
    void costBudgetRefusesACallThatCouldExceedIt();
    void toolTimeoutFailsTheStep();
    void cancelStopsARunningTool();
    void externalEffectGetsAStableIdempotencyKey();
    void eventsArePublishedOnlyAfterCommit();
    void auditTrailRecordsTheRun();
    void aFollowUpContinuesTheSameRun();
    void onlyASucceededRunCanBeContinued();
};

void TestAgentRun::finalAnswerWithoutToolsSucceeds()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [{"text": "All done."}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({}), provider, QStringLiteral("m"),
                                    QStringLiteral("hi"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().finalText, QStringLiteral("All done."));
    QCOMPARE(run->state().steps.size(), std::size_t(1));
    delete run;
}

void TestAgentRun::toolResultReachesTheModel()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "echo", "arguments": {"n": 7}}]},
        {"text": "n was {{echo:/echo/n}}"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().finalText, QStringLiteral("n was 7"));
    const StepState* tool = run->state().step(QStringLiteral("s2"));
    QVERIFY(tool);
    QCOMPARE(tool->status, StepStatus::Succeeded);
    QCOMPARE(tool->handle, QStringLiteral("s2"));
    delete run;
}

void TestAgentRun::toolCallsOfOneTurnRunConcurrently()
{
    EngineFixture f;
    QVERIFY(f.open());
    // Each call waits until both have started: only a concurrent execution can finish.
    auto started = std::make_shared<std::atomic<int>>(0);
    f.addTool(QStringLiteral("meet"), [started](const Json& args, const ToolContext&) -> Result<Json> {
        started->fetch_add(1);
        for (int i = 0; i < 2000 && started->load() < 2; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (started->load() < 2)
            return Error::make(QStringLiteral("the other call never started"));
        return Json{{"n", args.value("n", 0)}};
    });
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "meet", "arguments": {"n": 1}}, {"name": "meet", "arguments": {"n": 2}}]},
        {"text": "done"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("meet")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().step(QStringLiteral("s2"))->status, StepStatus::Succeeded);
    QCOMPARE(run->state().step(QStringLiteral("s3"))->status, StepStatus::Succeeded);
    delete run;
}

void TestAgentRun::parallelismIsBounded()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto running = std::make_shared<std::atomic<int>>(0);
    auto peak = std::make_shared<std::atomic<int>>(0);
    f.addTool(QStringLiteral("busy"), [running, peak](const Json&, const ToolContext&) -> Result<Json> {
        const int now = running->fetch_add(1) + 1;
        int seen = peak->load();
        while (now > seen && !peak->compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        running->fetch_sub(1);
        return Json::object();
    });
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "busy"}, {"name": "busy"}, {"name": "busy"}, {"name": "busy"}, {"name": "busy"}]},
        {"text": "done"}]})");
    AgentDefinition agent = EngineFixture::agent({QStringLiteral("busy")});
    agent.budgets.maxParallelTools = 2;
    AgentRun* run = AgentRun::start(f.context(), agent, provider, QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(f.fakes[QStringLiteral("busy")]->executions.load(), 5);
    QVERIFY2(peak->load() <= 2, qPrintable(QStringLiteral("peak concurrency %1").arg(peak->load())));
    delete run;
}

void TestAgentRun::invalidArgumentsGoBackToTheModelAndTheRunContinues()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto tool = f.addTool(QStringLiteral("echo"), echo);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "echo", "arguments": {"n": "seven", "extra": true}}]},
        {"tool_calls": [{"name": "echo", "arguments": {"n": 7}}]},
        {"text": "fixed"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(tool->executions.load(), 1); // the invalid call never ran
    const StepState* bad = run->state().step(QStringLiteral("s2"));
    QCOMPARE(bad->status, StepStatus::Failed);
    QCOMPARE(jsonString(bad->error, "code"), QStringLiteral("invalid_arguments"));
    QVERIFY(bad->error["violations"].size() >= 2);
    // The model saw the structured error as the tool result.
    const auto conversation = run->state().conversation();
    bool sawError = false;
    for (const auto& m : conversation)
        sawError = sawError || (m.role == llm::Role::Tool && m.isError && m.text.contains(QLatin1String("invalid_arguments")));
    QVERIFY(sawError);
    delete run;
}

void TestAgentRun::unknownToolIsRefusedAndTheRunContinues()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    f.addTool(QStringLiteral("hidden"), echo);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "nope"}, {"name": "hidden"}]}, {"text": "ok"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(jsonString(run->state().step(QStringLiteral("s2"))->error, "code"), QStringLiteral("unknown_tool"));
    QCOMPARE(jsonString(run->state().step(QStringLiteral("s3"))->error, "code"), QStringLiteral("tool_not_allowed"));
    QCOMPARE(f.fakes[QStringLiteral("hidden")]->executions.load(), 0);
    delete run;
}

void TestAgentRun::toolErrorIsReportedToTheModel()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("broken"), [](const Json&, const ToolContext&) -> Result<Json> {
        return Error::make(QStringLiteral("disk on fire"), QStringLiteral("io"));
    });
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "broken"}]}, {"text": "the tool said {{broken:/error/message}}"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("broken")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().finalText, QStringLiteral("the tool said disk on fire"));
    delete run;
}

void TestAgentRun::gatedToolPausesUntilApproved()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto tool = f.addTool(QStringLiteral("send"), echo, EffectClass::ExternalEffect);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "send", "arguments": {"text": "hello"}}]}, {"text": "sent"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("send")}, {QStringLiteral("send")}),
                                    provider, QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::WaitingApproval);
    QCOMPARE(tool->executions.load(), 0);
    const StepState* approval = run->state().step(QStringLiteral("s3"));
    QVERIFY(approval);
    QCOMPARE(approval->kind, StepKind::Approval);
    QCOMPARE(approval->status, StepStatus::WaitingApproval);
    QCOMPARE(approval->arguments, Json({{"text", "hello"}}));

    QVERIFY(run->decide(QStringLiteral("s3"), true, QStringLiteral("test:alice")).ok());
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(tool->executions.load(), 1);
    QCOMPARE(run->state().step(QStringLiteral("s3"))->decidedBy, QStringLiteral("test:alice"));
    // Deciding twice is refused.
    QCOMPARE(run->decide(QStringLiteral("s3"), true, QStringLiteral("x")).error().code, QStringLiteral("already_decided"));
    delete run;
}

void TestAgentRun::rejectedCallNeverRunsAndTheModelIsTold()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto tool = f.addTool(QStringLiteral("send"), echo, EffectClass::ExternalEffect);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "send", "arguments": {"text": "hello"}}]}, {"text": "ok: {{send:/error/code}}"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("send")}, {QStringLiteral("send")}),
                                    provider, QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::WaitingApproval);
    QVERIFY(run->decide(QStringLiteral("s3"), false, QStringLiteral("test:alice"), QStringLiteral("wrong recipient")).ok());
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(tool->executions.load(), 0);
    QCOMPARE(run->state().finalText, QStringLiteral("ok: rejected"));
    delete run;
}

void TestAgentRun::editedArgumentsAreValidatedAgain()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto tool = f.addTool(QStringLiteral("send"), echo, EffectClass::ExternalEffect);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "send", "arguments": {"text": "hello"}}]}, {"text": "{{send:/echo/text}}"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("send")}, {QStringLiteral("send")}),
                                    provider, QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::WaitingApproval);
    const Status bad = run->decide(QStringLiteral("s3"), true, QStringLiteral("alice"), {}, Json{{"text", 5}});
    QCOMPARE(bad.error().code, QStringLiteral("invalid_arguments"));
    QVERIFY(run->decide(QStringLiteral("s3"), true, QStringLiteral("alice"), {}, Json{{"text", "edited"}}).ok());
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().finalText, QStringLiteral("edited"));
    QCOMPARE(tool->executions.load(), 1);
    delete run;
}

void TestAgentRun::stepBudgetStopsTheRun()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "echo"}]}, {"tool_calls": [{"name": "echo"}]}, {"tool_calls": [{"name": "echo"}]},
        {"text": "never"}]})");
    AgentDefinition agent = EngineFixture::agent({QStringLiteral("echo")});
    agent.budgets.maxSteps = 4;
    AgentRun* run = AgentRun::start(f.context(), agent, provider, QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Failed);
    QCOMPARE(jsonString(run->state().error, "code"), QStringLiteral("budget_exceeded"));
    QVERIFY(jsonString(run->state().error, "message").contains(QLatin1String("steps")));
    QVERIFY(run->state().countSteps(StepKind::Model) + run->state().countSteps(StepKind::Tool) <= 4);
    delete run;
}

void TestAgentRun::tokenBudgetStopsTheRun()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "echo"}], "usage": {"input_tokens": 900, "output_tokens": 200}},
        {"text": "never"}]})");
    AgentDefinition agent = EngineFixture::agent({QStringLiteral("echo")});
    agent.budgets.maxTokens = 1000;
    AgentRun* run = AgentRun::start(f.context(), agent, provider, QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Failed);
    QVERIFY(jsonString(run->state().error, "message").contains(QLatin1String("tokens")));
    QCOMPARE(run->state().countSteps(StepKind::Model), 1);
    delete run;
}

namespace {
// A priced, non-scripted model that answers at once and counts its calls.
class CountingProvider : public llm::ModelProvider
{
public:
    QString name() const override { return QStringLiteral("openai"); }
    llm::ModelCall* start(const llm::ModelRequest& request, QObject* parent) override
    {
        ++calls;
        return m_inner->start(request, parent);
    }
    int calls = 0;

private:
    std::shared_ptr<llm::ModelProvider> m_inner =
        EngineFixture::scripted(R"({"schema_version": 1, "turns": [{"text": "x"}, {"text": "y"}]})");
};
} // namespace

void TestAgentRun::costBudgetRefusesACallThatCouldExceedIt()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto pricing = llm::Pricing::load();
    QVERIFY(pricing.ok());
    EngineContext ctx = f.context();
    ctx.pricing = std::make_shared<const llm::Pricing>(std::move(pricing).value());
    QVERIFY(ctx.pricing->priceFor(QStringLiteral("gpt-4o")).has_value());
    auto provider = std::make_shared<CountingProvider>();
    AgentDefinition agent = EngineFixture::agent({});
    agent.budgets.maxCostUsd = Decimal::fromMicros(10); // US$0.00001: less than any call of gpt-4o
    AgentRun* run = AgentRun::start(ctx, agent, provider, QStringLiteral("gpt-4o"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Failed);
    QCOMPARE(provider->calls, 0); // refused before anything was sent
    QCOMPARE(jsonString(run->state().error, "code"), QStringLiteral("budget_exceeded"));
    QVERIFY(jsonString(run->state().error, "message").contains(QLatin1String("cost")));
    delete run;

    agent.budgets.maxCostUsd = Decimal::fromInt(5);
    AgentRun* ok = AgentRun::start(ctx, agent, provider, QStringLiteral("gpt-4o"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(ok), RunStatus::Succeeded);
    QCOMPARE(provider->calls, 1);
    delete ok;
}

void TestAgentRun::toolTimeoutFailsTheStep()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(
        QStringLiteral("slow"),
        [](const Json&, const ToolContext& ctx) -> Result<Json> {
            for (int i = 0; i < 5000 && !ctx.cancelled(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return Json{{"cancelled_seen", ctx.cancelled()}};
        },
        EffectClass::Read, 50);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "slow"}]}, {"text": "{{slow:/error/code}}"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("slow")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().finalText, QStringLiteral("timeout"));
    f.pool.waitForDone();
    delete run;
}

void TestAgentRun::cancelStopsARunningTool()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    auto started = std::make_shared<std::atomic<bool>>(false);
    f.addTool(QStringLiteral("slow"), [sawCancel, started](const Json&, const ToolContext& ctx) -> Result<Json> {
        started->store(true);
        for (int i = 0; i < 5000 && !ctx.cancelled(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        sawCancel->store(ctx.cancelled());
        return Json::object();
    });
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [{"tool_calls": [{"name": "slow"}]}, {"text": "x"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("slow")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), 5000);
    run->cancel();
    QCOMPARE(run->state().status, RunStatus::Cancelled);
    f.pool.waitForDone();
    QVERIFY(sawCancel->load());
    const auto events = eventsOf(f, run->runId());
    QCOMPARE(events.back().kind, EventKind::RunFinished);
    QCOMPARE(jsonString(events.back().data, "status"), QStringLiteral("cancelled"));
    QCOMPARE(run->state().step(QStringLiteral("s2"))->status, StepStatus::Failed);
    delete run;
}

void TestAgentRun::externalEffectGetsAStableIdempotencyKey()
{
    EngineFixture f;
    QVERIFY(f.open());
    auto keys = std::make_shared<QStringList>();
    auto mutex = std::make_shared<QMutex>();
    f.addTool(
        QStringLiteral("send"),
        [keys, mutex](const Json&, const ToolContext& ctx) -> Result<Json> {
            QMutexLocker lock(mutex.get());
            keys->append(ctx.idempotencyKey);
            return Json::object();
        },
        EffectClass::ExternalEffect);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "send"}, {"name": "send"}]}, {"text": "x"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("send")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(keys->size(), 2);
    QVERIFY(keys->at(0).startsWith(QLatin1String("ik-")));
    QVERIFY(keys->at(0) != keys->at(1));
    // Derived from run and step, so a resumed run hands the tool the same key again.
    for (const QString& step : {QStringLiteral("s2"), QStringLiteral("s3")}) {
        const QString expected = QStringLiteral("ik-") +
            QString::fromLatin1(QCryptographicHash::hash((run->runId() + QLatin1Char('/') + step).toUtf8(),
                                                         QCryptographicHash::Sha256).toHex()).left(32);
        QCOMPARE(run->state().step(step)->idempotencyKey, expected);
        QVERIFY(keys->contains(expected));
    }
    delete run;
}

void TestAgentRun::eventsArePublishedOnlyAfterCommit()
{
    EngineFixture f;
    QVERIFY(f.open());
    // A second connection sees every published event in the database at the moment it is published.
    auto reader = sql::Database::open(f.workspace->databasePath(), sql::OpenMode::ReadOnly);
    QVERIFY(reader.ok());
    int checked = 0, missing = 0;
    QObject::connect(f.journal.get(), &Journal::published, f.journal.get(), [&](const RunEvent& e) {
        auto st = reader->prepare(QStringLiteral("SELECT count(*) FROM events WHERE run_id = ? AND seq = ?"));
        st->bind(1, e.runId).bind(2, e.seq);
        missing += (st->step() && st->int64(0) == 1) ? 0 : 1;
        ++checked;
    });
    f.addTool(QStringLiteral("echo"), echo);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [{"tool_calls": [{"name": "echo"}]}, {"text": "a b c"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QVERIFY(checked > 8);
    QCOMPARE(missing, 0);
    QCOMPARE(std::int64_t(checked), run->state().lastSeq);
    delete run;
}

void TestAgentRun::auditTrailRecordsTheRun()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [{"tool_calls": [{"name": "echo", "arguments": {"n": 1}}]}, {"text": "done"}]})");
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}), provider,
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    auto st = f.journal->database().prepare(QStringLiteral("SELECT kind FROM audit WHERE run_id = ? ORDER BY seq"));
    st->bind(1, run->runId());
    QStringList kinds;
    while (st->step())
        kinds << st->text(0);
    QCOMPARE(kinds, (QStringList{QStringLiteral("run.started"), QStringLiteral("model.request"), QStringLiteral("model.response"),
                                 QStringLiteral("tool.call"), QStringLiteral("tool.result"), QStringLiteral("model.request"),
                                 QStringLiteral("model.response"), QStringLiteral("run.finished")}));
    auto verification = f.journal->audit().verify(f.journal->database());
    QVERIFY(verification.ok());
    QVERIFY(verification->ok());
    delete run;
}

void TestAgentRun::aFollowUpContinuesTheSameRun()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("echo"), echo);
    const char* script = R"({"schema_version": 1, "turns": [
        {"tool_calls": [{"name": "echo", "arguments": {"n": 1}}]}, {"text": "first answer"},
        {"tool_calls": [{"name": "echo", "arguments": {"n": 2}}]}, {"text": "second answer, n={{echo:/echo/n}}"}]})";
    AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}),
                                    EngineFixture::scripted(script), QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Succeeded);
    QCOMPARE(run->state().finalText, QStringLiteral("first answer"));
    const QString runId = run->runId();
    delete run;

    // Later (another process, say): the same run goes on with a follow-up.
    auto continued = AgentRun::continueRun(f.context(), runId, EngineFixture::agent({QStringLiteral("echo")}),
                                           EngineFixture::scripted(script), {}, QStringLiteral("and now n=2?"));
    QVERIFY2(continued.ok(), qPrintable(continued.ok() ? QString() : continued.errorMessage()));
    QCOMPARE(EngineFixture::waitStopped(*continued), RunStatus::Succeeded);
    const RunState& state = (*continued)->state();
    QCOMPARE(state.runId, runId);
    QCOMPARE(state.finalText, QStringLiteral("second answer, n=2"));
    QCOMPARE(state.countSteps(StepKind::Model), 4);
    QCOMPARE(f.fakes[QStringLiteral("echo")]->executions.load(), 2); // nothing of the first part ran again
    // The follow-up sits right after the first answer in the conversation.
    const auto conversation = state.conversation();
    QCOMPARE(conversation[3].role, llm::Role::Assistant);
    QCOMPARE(conversation[3].text, QStringLiteral("first answer"));
    QCOMPARE(conversation[4].role, llm::Role::User);
    QCOMPARE(conversation[4].text, QStringLiteral("and now n=2?"));
    // Rebuilt from the journal, the run reads the same.
    auto events = f.journal->loadEvents(runId);
    QCOMPARE(QString::fromStdString(RunState::fromEvents(*events).toJson().dump()), QString::fromStdString(state.toJson().dump()));
    delete *continued;
}

void TestAgentRun::onlyASucceededRunCanBeContinued()
{
    EngineFixture f;
    QVERIFY(f.open());
    f.addTool(QStringLiteral("send"), echo, EffectClass::ExternalEffect);
    const char* script = R"({"schema_version": 1, "turns": [{"tool_calls": [{"name": "send"}]}, {"text": "x"}]})";
    const AgentDefinition agent = EngineFixture::agent({QStringLiteral("send")}, {QStringLiteral("send")});
    AgentRun* run = AgentRun::start(f.context(), agent, EngineFixture::scripted(script), QStringLiteral("m"), QStringLiteral("go"), {});
    QCOMPARE(EngineFixture::waitStopped(run), RunStatus::WaitingApproval);
    QCOMPARE(run->continueWith(QStringLiteral("hello"), QStringLiteral("alice")).error().code, QStringLiteral("not_continuable"));
    delete run;
}

QTEST_GUILESS_MAIN(TestAgentRun)
#include "TestAgentRun.moc"
