#include "engine/RunReplay.h"

#include <QTimer>

#include <mutex>

#include "agent/PromptVersions.h"
#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "engine/WorkspaceSession.h"
#include "tools/ToolRegistry.h"

namespace awb {

namespace {

constexpr char kLinkKey[] = "replay_of";

// Failures that say nothing about the tool itself: a replay runs such calls again.
bool isReusableFailure(const Json& error)
{
    static const QStringList engineCodes = {
        QStringLiteral("cancelled"),         QStringLiteral("timeout"),
        QStringLiteral("invalid_arguments"), QStringLiteral("unknown_tool"),
        QStringLiteral("tool_not_allowed"),  QStringLiteral("tool_crashed")};
    return !engineCodes.contains(jsonString(error, "code"));
}

// The source's recorded tool calls, shared by the replay's tools on the pool's threads. Each
// recorded call answers one replayed call; once all matching ones are used, the last answers again.
class RecordedCalls
{
public:
    explicit RecordedCalls(std::vector<ReplaySource::RecordedCall> calls)
        : m_calls(std::move(calls)), m_used(m_calls.size())
    {
    }

    std::optional<ReplaySource::RecordedCall> take(const QString& tool, const QByteArray& arguments)
    {
        const std::lock_guard lock(m_mutex);
        std::optional<std::size_t> last;
        for (std::size_t i = 0; i < m_calls.size(); ++i) {
            if (m_calls[i].tool != tool || m_calls[i].arguments != arguments)
                continue;
            if (!m_used[i]) {
                m_used[i] = true;
                return m_calls[i];
            }
            last = i;
        }
        if (last)
            return m_calls[*last];
        return std::nullopt;
    }

private:
    std::mutex m_mutex;
    std::vector<ReplaySource::RecordedCall> m_calls;
    std::vector<bool> m_used;
};

// A tool as a replay sees it: the recorded result when the source made the same call, never an
// effect, otherwise the real tool (a `read` tool called with new arguments).
class ReplayedTool : public Tool
{
public:
    ReplayedTool(std::shared_ptr<const Tool> tool, std::shared_ptr<RecordedCalls> calls,
                 QString databasePath, QString sourceRunId)
        : m_tool(std::move(tool)), m_calls(std::move(calls)),
          m_databasePath(std::move(databasePath)), m_sourceRunId(std::move(sourceRunId))
    {
    }

    QString name() const override { return m_tool->name(); }
    QString description() const override { return m_tool->description(); }
    Json inputSchema() const override { return m_tool->inputSchema(); }
    EffectClass effect() const override { return m_tool->effect(); }
    std::chrono::milliseconds timeout() const override { return m_tool->timeout(); }

    Result<Json> execute(const Json& arguments, const ToolContext& ctx) const override
    {
        if (auto recorded = m_calls->take(name(), canonicalJson(arguments))) {
            if (recorded->error)
                return *recorded->error;
            auto full = StoredResults(m_databasePath, m_sourceRunId).load(recorded->handle);
            if (!full)
                return Error::make(
                    QStringLiteral("the recorded result of %1 (run %2, step %3) cannot be read: %4")
                        .arg(name(), m_sourceRunId, recorded->stepId, full.errorMessage()),
                    QStringLiteral("replay_result_unreadable"));
            return full;
        }
        if (effect() != EffectClass::Read)
            return Error::make(
                QStringLiteral(
                    "%1 was not executed: a replay never executes a tool with effects (%2), "
                    "and run %3 recorded no %1 call with these arguments")
                    .arg(name(), effectClassName(effect()), m_sourceRunId),
                QStringLiteral("effect_not_executed"));
        return m_tool->execute(arguments, ctx);
    }

private:
    std::shared_ptr<const Tool> m_tool;
    std::shared_ptr<RecordedCalls> m_calls;
    QString m_databasePath;
    QString m_sourceRunId;
};

// A recorded answer delivered like a call: asynchronously, exactly once.
class RecordedModelCall : public llm::ModelCall
{
public:
    RecordedModelCall(llm::ModelResponse response, QObject* parent) : llm::ModelCall(parent)
    {
        QTimer::singleShot(0, this, [this, response = std::move(response)] { deliver(response); });
    }
    void cancel() override
    {
        deliver(Error::make(QStringLiteral("cancelled"), QStringLiteral("cancelled")));
    }

private:
    void deliver(const Result<llm::ModelResponse>& result)
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(result);
    }
    bool m_done = false;
};

// The model as a replay sees it: the recorded answers for the first calls, then the real provider.
class ReplayedModelProvider : public llm::ModelProvider
{
public:
    ReplayedModelProvider(std::shared_ptr<llm::ModelProvider> provider,
                          std::vector<llm::ModelResponse> reused, std::size_t callsMade)
        : m_provider(std::move(provider)), m_reused(std::move(reused)), m_next(callsMade)
    {
    }
    QString name() const override { return m_provider->name(); }
    bool isScripted() const override { return m_provider->isScripted(); }
    llm::ModelCall* start(const llm::ModelRequest& request, QObject* parent) override
    {
        const std::size_t index = m_next++;
        if (index < m_reused.size())
            return new RecordedModelCall(m_reused[index], parent);
        return m_provider->start(request, parent);
    }

private:
    std::shared_ptr<llm::ModelProvider> m_provider;
    std::vector<llm::ModelResponse> m_reused;
    std::size_t m_next = 0;
};

// Owns what the replayed run's context points to; a child of the run, so it outlives the run's
// body.
class ReplayBinding : public QObject
{
public:
    ToolRegistry tools;
};

struct Bound
{
    EngineContext ctx;
    std::shared_ptr<llm::ModelProvider> provider;
    ReplayBinding* binding = nullptr;
};

// replayState: the replay's own state when it goes on (its completed calls are used up), or null.
Result<Bound> bindReplay(const EngineContext& ctx, const ReplaySource& source,
                         std::shared_ptr<llm::ModelProvider> provider, const RunState* replayState)
{
    auto calls = std::make_shared<RecordedCalls>(source.recordedCalls());
    std::size_t callsMade = 0;
    if (replayState) {
        for (const StepState& s : replayState->steps) {
            if (s.kind == StepKind::Model && s.status == StepStatus::Succeeded)
                ++callsMade;
            if (s.kind == StepKind::Tool && s.isTerminal())
                (void)calls->take(s.name, canonicalJson(s.arguments));
        }
    }
    auto binding = std::make_unique<ReplayBinding>();
    for (const auto& tool : ctx.tools->tools()) {
        if (Status s = binding->tools.add(std::make_shared<ReplayedTool>(
                tool, calls, ctx.journal->databasePath(), source.run().runId));
            !s)
            return s.error();
    }
    Bound out;
    out.ctx = ctx;
    out.ctx.tools = &binding->tools;
    out.provider = std::make_shared<ReplayedModelProvider>(std::move(provider),
                                                           source.reusedResponses(), callsMade);
    out.binding = binding.release();
    return out;
}

// Effects are approved automatically: in a replay they are never executed.
void approveEffects(const EngineContext& ctx, RunOptions& options)
{
    for (const auto& tool : ctx.tools->tools()) {
        if (tool->effect() != EffectClass::Read)
            options.autoApprovedTools[tool->name()] =
                QStringLiteral("replay: %1 is never executed").arg(tool->name());
    }
}

// The replay's own events, as AgentRun::resume(runId) reads them.
Result<std::vector<RunEvent>> replayHistoryOf(const EngineContext& ctx, const QString& runId)
{
    auto events = ctx.journal->loadEvents(runId);
    if (!events)
        return events.error();
    if (events->empty())
        return Error::make(
            QStringLiteral("no run %1 in this workspace (see `awb runs list`)").arg(runId),
            QStringLiteral("unknown_run"));
    return events;
}

Result<AgentRun*> adopt(Result<AgentRun*> run, ReplayBinding* binding)
{
    if (!run) {
        delete binding;
        return run;
    }
    binding->setParent(*run);
    return run;
}

} // namespace

Result<ReplaySource> ReplaySource::fromEvents(const std::vector<RunEvent>& sourceEvents,
                                              int fromStep)
{
    if (sourceEvents.empty())
        return Error::make(QStringLiteral("no such run in this workspace (see `awb runs list`)"),
                           QStringLiteral("unknown_run"));
    ReplaySource out;
    out.m_run = RunState::fromEvents(sourceEvents);
    const int stepCount = int(out.m_run.steps.size());
    if (stepCount == 0)
        return Error::make(QStringLiteral("run %1 has no steps to replay").arg(out.m_run.runId),
                           QStringLiteral("step_out_of_range"));
    if (fromStep < 1 || fromStep > stepCount)
        return Error::make(
            QStringLiteral(
                "step %1 is out of range: run %2 has steps 1 to %3 (see `awb runs show %2`)")
                .arg(fromStep)
                .arg(out.m_run.runId)
                .arg(stepCount),
            QStringLiteral("step_out_of_range"));
    out.m_fromStep = fromStep;

    std::map<QString, Json> responded;
    for (const RunEvent& e : sourceEvents) {
        if (e.kind == EventKind::ModelResponded)
            responded[e.stepId] = e.data;
    }
    // Reused: the model steps before fromStep, as long as each answered and no follow-up message
    // changed the conversation (a replay starts from the run's first input only).
    const QString firstFollowUpAfter =
        out.m_run.followUps.empty() ? QString() : out.m_run.followUps.front().afterStep;
    for (int i = 0; i < fromStep - 1; ++i) {
        const StepState& s = out.m_run.steps[std::size_t(i)];
        if (s.kind != StepKind::Model)
            continue;
        const auto data = responded.find(s.id);
        auto message = llm::ChatMessage::fromJson(s.content);
        if (s.status != StepStatus::Succeeded || data == responded.end() || !message)
            break;
        llm::ModelResponse response;
        response.message = std::move(message).value();
        // Nothing was spent on a reused answer.
        response.finish = response.message.toolCalls.empty() ? llm::FinishReason::Stop
                                                             : llm::FinishReason::ToolCalls;
        response.provider = jsonString(data->second, "provider", out.m_run.provider);
        response.model = jsonString(data->second, "model", out.m_run.model);
        response.rawRequest = {{"replay", "no request: the recorded answer was reused"}};
        response.rawResponse = {
            {"reused_from", {{"run_id", toStd(out.m_run.runId)}, {"step", toStd(s.id)}}}};
        out.m_reused.push_back(std::move(response));
        out.m_reusedSteps.push_back(s.id);
        if (s.id == firstFollowUpAfter)
            break;
    }
    for (const StepState& s : out.m_run.steps) {
        if (s.kind != StepKind::Tool)
            continue;
        RecordedCall call{s.name, canonicalJson(s.arguments), s.id, {}, std::nullopt};
        if (s.status == StepStatus::Succeeded && !s.handle.isEmpty())
            call.handle = s.handle;
        else if (s.status == StepStatus::Failed && isReusableFailure(s.error))
            call.error = Error::make(jsonString(s.error, "message"),
                                     jsonString(s.error, "code", QStringLiteral("error")));
        else
            continue;
        out.m_calls.push_back(std::move(call));
    }
    return out;
}

std::optional<ReplayLink> ReplayLink::of(const RunState& run)
{
    const Json link = run.startData.is_object() ? run.startData.value(kLinkKey, Json()) : Json();
    if (!link.is_object())
        return std::nullopt;
    ReplayLink out;
    out.sourceRunId = jsonString(link, "run_id");
    out.fromStep = link.value("from_step", 1);
    out.fromStepId = jsonString(link, "from_step_id");
    if (link.contains("instructions") && link["instructions"].is_string())
        out.instructions = jsonString(link, "instructions");
    return out;
}

ProviderChoice RunReplay::providerOf(const RunState& source)
{
    ProviderChoice choice;
    choice.provider = source.provider;
    choice.model = source.model;
    choice.baseUrl = jsonString(source.startData, "base_url");
    choice.stream = source.startData.is_object() ? source.startData.value("stream", true) : true;
    choice.cassette = jsonString(source.startData, "cassette");
    return choice;
}

Result<AgentRun*> RunReplay::start(const EngineContext& ctx, const ReplaySource& source,
                                   AgentDefinition agent,
                                   std::shared_ptr<llm::ModelProvider> provider,
                                   const QString& model, const std::optional<QString>& instructions,
                                   RunOptions options, QObject* parent)
{
    // A run still executing (here or in another process) has steps without outcomes: there is
    // nothing settled to replay yet.
    if (source.run().status == RunStatus::Running)
        return Error::make(
            QStringLiteral("run %1 has not finished (it is running, or was interrupted "
                           "and can be resumed); replay it once it has finished")
                .arg(source.run().runId),
            QStringLiteral("source_unfinished"));
    auto bound = bindReplay(ctx, source, std::move(provider), nullptr);
    if (!bound)
        return bound.error();
    if (instructions)
        agent.instructions = *instructions;
    approveEffects(ctx, options);
    const Json& sourceStart = source.run().startData;
    Json link = {{"run_id", toStd(source.run().runId)},
                 {"from_step", source.fromStep()},
                 {"from_step_id", toStd(source.fromStepId())},
                 {"reused_model_steps", source.reusedStepIds().size()},
                 {"instructions_replaced", instructions.has_value()}};
    if (instructions)
        link["instructions"] = toStd(*instructions);
    Json details = {
        {kLinkKey, link},
        {"base_url", sourceStart.value("base_url", std::string())},
        {"stream", sourceStart.value("stream", true)},
        {"cassette", sourceStart.value("cassette", std::string())},
        {"instructions_sha256", toStd(PromptVersions::instructionsHash(agent.instructions))}};
    for (const auto& [key, value] : options.startDetails.items())
        details[key] = value;
    options.startDetails = std::move(details);
    AgentRun* run = AgentRun::start(bound->ctx, std::move(agent), bound->provider, model,
                                    source.run().input, std::move(options), parent);
    bound->binding->setParent(run);
    ctx.journal->addAudit(ctx.actor, QStringLiteral("run.replay"), run->runId(), link);
    return run;
}

Result<AgentRun*> RunReplay::resume(const EngineContext& ctx, const RunState& replay,
                                    const ReplaySource& source, AgentDefinition agent,
                                    std::shared_ptr<llm::ModelProvider> provider,
                                    RunOptions options, QObject* parent)
{
    auto history = replayHistoryOf(ctx, replay.runId);
    if (!history)
        return history.error();
    return resume(ctx, std::move(history).value(), source, std::move(agent), std::move(provider),
                  std::move(options), parent);
}

Result<AgentRun*> RunReplay::continueRun(const EngineContext& ctx, const RunState& replay,
                                         const ReplaySource& source, AgentDefinition agent,
                                         std::shared_ptr<llm::ModelProvider> provider,
                                         RunOptions options, const QString& message,
                                         QObject* parent)
{
    auto history = replayHistoryOf(ctx, replay.runId);
    if (!history)
        return history.error();
    return continueRun(ctx, std::move(history).value(), source, std::move(agent),
                       std::move(provider), std::move(options), message, parent);
}

Result<AgentRun*> RunReplay::resume(const EngineContext& ctx, std::vector<RunEvent> replayHistory,
                                    const ReplaySource& source, AgentDefinition agent,
                                    std::shared_ptr<llm::ModelProvider> provider,
                                    RunOptions options, QObject* parent)
{
    const RunState replay = RunState::fromEvents(replayHistory);
    auto bound = bindReplay(ctx, source, std::move(provider), &replay);
    if (!bound)
        return bound.error();
    if (auto link = ReplayLink::of(replay); link && link->instructions)
        agent.instructions = *link->instructions;
    approveEffects(ctx, options);
    return adopt(AgentRun::resume(bound->ctx, std::move(replayHistory), std::move(agent),
                                  bound->provider, std::move(options), parent),
                 bound->binding);
}

Result<AgentRun*> RunReplay::continueRun(const EngineContext& ctx,
                                         std::vector<RunEvent> replayHistory,
                                         const ReplaySource& source, AgentDefinition agent,
                                         std::shared_ptr<llm::ModelProvider> provider,
                                         RunOptions options, const QString& message,
                                         QObject* parent)
{
    const RunState replay = RunState::fromEvents(replayHistory);
    auto bound = bindReplay(ctx, source, std::move(provider), &replay);
    if (!bound)
        return bound.error();
    if (auto link = ReplayLink::of(replay); link && link->instructions)
        agent.instructions = *link->instructions;
    approveEffects(ctx, options);
    return adopt(AgentRun::continueRun(bound->ctx, std::move(replayHistory), std::move(agent),
                                       bound->provider, std::move(options), message, parent),
                 bound->binding);
}

} // namespace awb
