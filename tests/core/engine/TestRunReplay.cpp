// RunReplay: a replay reuses the recorded answers before its step and the recorded tool results,
// runs `read` tools with new arguments for real, and never executes an effect.

#include <QtTest>

#include <memory>

#include "engine/RunReplay.h"
#include "support/EngineFixture.h"

using namespace awb;
using awb::test::EngineFixture;

namespace {
// s1 model, s2 lookup {n:1}, s3 model, s4 send {text:a}, s5 model "done".
const char* kSourceScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "lookup", "arguments": {"n": 1}}]},
    {"tool_calls": [{"name": "send", "arguments": {"text": "a"}}]},
    {"text": "done"}]})";
// Another model: the same first call plus a new one, then another email.
const char* kOtherScript = R"({"schema_version": 1, "turns": [
    {"tool_calls": [{"name": "lookup", "arguments": {"n": 1}}, {"name": "lookup", "arguments": {"n": 2}}]},
    {"tool_calls": [{"name": "send", "arguments": {"text": "b"}}]},
    {"text": "other"}]})";

struct Source
{
    QString runId;
    std::vector<RunEvent> events;
};

Result<Json> lookup(const Json& args, const ToolContext&)
{
    return Json{{"value", args.value("n", 0) * 10}};
}

Result<Json> send(const Json& args, const ToolContext&)
{
    return Json{{"sent", args.value("text", std::string())}};
}
} // namespace

class TestRunReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void replayFromTheFirstStepReusesToolResultsAndExecutesNoEffect();
    void answersBeforeTheStepAreReusedWithoutACall();
    void newReadCallsRunAndNewEffectsAreRefused();
    void linkAndInstructionsAreRecordedInTheFirstEvent();
    void stepOutOfRangeAndUnknownRunAreErrors_data();
    void stepOutOfRangeAndUnknownRunAreErrors();

private:
    Source recordSource();
    std::unique_ptr<EngineFixture> m_f;
};

void TestRunReplay::init()
{
    m_f = std::make_unique<EngineFixture>();
    QVERIFY(m_f->open());
    m_f->addTool(QStringLiteral("lookup"), lookup);
    m_f->addTool(QStringLiteral("send"), send, EffectClass::ExternalEffect);
}

void TestRunReplay::cleanup()
{
    m_f.reset();
}

Source TestRunReplay::recordSource()
{
    const AgentDefinition agent =
        EngineFixture::agent({QStringLiteral("lookup"), QStringLiteral("send")});
    AgentRun* run = AgentRun::start(m_f->context(), agent, EngineFixture::scripted(kSourceScript),
                                    QStringLiteral("m"), QStringLiteral("go"), {});
    const auto status = EngineFixture::waitStopped(run);
    Source s;
    if (status != RunStatus::Succeeded)
        return s;
    s.runId = run->runId();
    delete run;
    auto events = m_f->journal->loadEvents(s.runId);
    if (events)
        s.events = std::move(events).value();
    return s;
}

void TestRunReplay::replayFromTheFirstStepReusesToolResultsAndExecutesNoEffect()
{
    const Source source = recordSource();
    QVERIFY(!source.runId.isEmpty());
    QCOMPARE(m_f->fakes[QStringLiteral("lookup")]->executions.load(), 1);
    QCOMPARE(m_f->fakes[QStringLiteral("send")]->executions.load(), 1);

    auto replaySource = ReplaySource::fromEvents(source.events, 1);
    QVERIFY(replaySource);
    QCOMPARE(replaySource->reusedResponses().size(), std::size_t(0));
    auto run = RunReplay::start(
        m_f->context(), *replaySource,
        EngineFixture::agent({QStringLiteral("lookup"), QStringLiteral("send")}),
        EngineFixture::scripted(kSourceScript), QStringLiteral("m"), std::nullopt, {});
    QVERIFY(run);
    const std::unique_ptr<AgentRun> owner(*run); // the caller owns a started run
    QCOMPARE(EngineFixture::waitStopped(*run), RunStatus::Succeeded);
    const RunState& state = (*run)->state();
    QVERIFY(state.runId != source.runId);
    QCOMPARE(state.finalText, QStringLiteral("done"));
    QCOMPARE(m_f->fakes[QStringLiteral("lookup")]->executions.load(), 1); // the recorded result
    QCOMPARE(m_f->fakes[QStringLiteral("send")]->executions.load(), 1);   // never again
    QCOMPARE(state.steps[3].name, QStringLiteral("send"));
    QCOMPARE(state.steps[3].status, StepStatus::Succeeded);
    QCOMPARE(state.steps[3].content,
             RunState::fromEvents(source.events).steps[3].content); // the recorded result
}

void TestRunReplay::answersBeforeTheStepAreReusedWithoutACall()
{
    const Source source = recordSource();
    QVERIFY(!source.runId.isEmpty());
    // From s4 (the email): the answers of s1 and s3 are reused, s5 is asked again.
    auto replaySource = ReplaySource::fromEvents(source.events, 4);
    QVERIFY(replaySource);
    QCOMPARE(replaySource->reusedStepIds(),
             (std::vector<QString>{QStringLiteral("s1"), QStringLiteral("s3")}));
    // The other model would ask for other calls: reused answers never reach it.
    auto run = RunReplay::start(
        m_f->context(), *replaySource,
        EngineFixture::agent({QStringLiteral("lookup"), QStringLiteral("send")}),
        EngineFixture::scripted(kOtherScript), QStringLiteral("m"), std::nullopt, {});
    QVERIFY(run);
    const std::unique_ptr<AgentRun> owner(*run); // the caller owns a started run
    QCOMPARE(EngineFixture::waitStopped(*run), RunStatus::Succeeded);
    const RunState& state = (*run)->state();
    QCOMPARE(state.steps.size(), std::size_t(5));
    QCOMPARE(state.steps[1].arguments, Json({{"n", 1}}));
    QCOMPARE(state.steps[3].arguments, Json({{"text", "a"}}));
    QCOMPARE(state.finalText, QStringLiteral("other")); // s5 came from the model
    QCOMPARE(state.steps[0].usage.totalTokens(), 0);    // nothing spent on a reused answer
    QCOMPARE(m_f->fakes[QStringLiteral("send")]->executions.load(), 1);
}

void TestRunReplay::newReadCallsRunAndNewEffectsAreRefused()
{
    const Source source = recordSource();
    QVERIFY(!source.runId.isEmpty());
    auto replaySource = ReplaySource::fromEvents(source.events, 1);
    QVERIFY(replaySource);
    auto run = RunReplay::start(
        m_f->context(), *replaySource,
        EngineFixture::agent({QStringLiteral("lookup"), QStringLiteral("send")},
                             {QStringLiteral("send")}),
        EngineFixture::scripted(kOtherScript), QStringLiteral("m"), std::nullopt, {});
    QVERIFY(run);
    const std::unique_ptr<AgentRun> owner(*run); // the caller owns a started run
    // The gated email does not wait for a person: it is never executed anyway.
    QCOMPARE(EngineFixture::waitStopped(*run), RunStatus::Succeeded);
    const RunState& state = (*run)->state();
    QCOMPARE(m_f->fakes[QStringLiteral("lookup")]->executions.load(), 2); // {n:1} reused, {n:2} ran
    QCOMPARE(m_f->fakes[QStringLiteral("send")]->executions.load(), 1);   // only the source's
    const StepState* email = nullptr;
    for (const StepState& s : state.steps) {
        if (s.kind == StepKind::Tool && s.name == QLatin1String("send"))
            email = &s;
        if (s.kind == StepKind::Approval)
            QVERIFY2(s.decidedBy.contains(QLatin1String("never executed")),
                     qPrintable(s.decidedBy));
    }
    QVERIFY(email);
    QCOMPARE(email->status, StepStatus::Failed);
    QCOMPARE(jsonString(email->error, "code"), QStringLiteral("effect_not_executed"));
    QVERIFY(jsonString(email->error, "message").contains(QLatin1String("never executes")));
}

void TestRunReplay::linkAndInstructionsAreRecordedInTheFirstEvent()
{
    const Source source = recordSource();
    QVERIFY(!source.runId.isEmpty());
    auto replaySource = ReplaySource::fromEvents(source.events, 3);
    QVERIFY(replaySource);
    auto run =
        RunReplay::start(m_f->context(), *replaySource,
                         EngineFixture::agent({QStringLiteral("lookup"), QStringLiteral("send")}),
                         EngineFixture::scripted(kSourceScript), QStringLiteral("m"),
                         QStringLiteral("be brief"), {});
    QVERIFY(run);
    const std::unique_ptr<AgentRun> owner(*run); // the caller owns a started run
    QCOMPARE(EngineFixture::waitStopped(*run), RunStatus::Succeeded);
    auto events = m_f->journal->loadEvents((*run)->runId());
    QVERIFY(events && !events->empty());
    QCOMPARE(events->front().kind, EventKind::RunStarted);
    const RunState state = RunState::fromEvents(*events);
    const auto link = ReplayLink::of(state);
    QVERIFY(link);
    QCOMPARE(link->sourceRunId, source.runId);
    QCOMPARE(link->fromStep, 3);
    QCOMPARE(link->fromStepId, QStringLiteral("s3"));
    QCOMPARE(link->instructions.value_or(QString()), QStringLiteral("be brief"));
    QCOMPARE(state.input, QStringLiteral("go"));
    QVERIFY(!ReplayLink::of(RunState::fromEvents(source.events)));
}

void TestRunReplay::stepOutOfRangeAndUnknownRunAreErrors_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("code");
    QTest::newRow("step 0") << 0 << true << "step_out_of_range";
    QTest::newRow("after the last") << 6 << true << "step_out_of_range";
    QTest::newRow("unknown run") << 1 << false << "unknown_run";
}

void TestRunReplay::stepOutOfRangeAndUnknownRunAreErrors()
{
    QFETCH(int, step);
    QFETCH(bool, known);
    QFETCH(QString, code);
    const Source source = recordSource();
    auto replaySource =
        ReplaySource::fromEvents(known ? source.events : std::vector<RunEvent>{}, step);
    QVERIFY(!replaySource);
    QCOMPARE(replaySource.error().code, code);
    if (known)
        QVERIFY(replaySource.errorMessage().contains(QLatin1String("steps 1 to 5")));
}

QTEST_GUILESS_MAIN(TestRunReplay)
#include "TestRunReplay.moc"
