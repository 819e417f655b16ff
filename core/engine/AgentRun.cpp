#include "engine/AgentRun.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "engine/RequestEstimate.h"
#include "llm/Pricing.h"
#include "store/Workspace.h"
#include "tools/ResultSummarizer.h"
#include "tools/ToolRegistry.h"
#include "util/FaultInjection.h"
#include "util/IsoTime.h"
#include "util/Log.h"

namespace awb {

namespace {
QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString newRunId()
{
    // Sortable by time, unique without coordination: 20261125T125900Z-1a2b3c4d
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'-")) +
           QUuid::createUuid().toString(QUuid::Id128).left(8);
}

Json errorJson(const Error& e)
{
    return {{"code", toStd(e.code)}, {"message", toStd(e.message)}};
}

// What a stop cut off: steps that finish() closed, and for a failed run the model call whose
// failure ended it. Resume runs them again (effects stay exactly-once through their idempotency
// keys).
std::vector<QString> stepsToReopen(const RunState& state)
{
    std::vector<QString> ids;
    if (!state.isFinished())
        return ids;
    for (const StepState& s : state.steps) {
        if (s.status == StepStatus::Failed && s.kind != StepKind::Approval &&
            isCutOffByStop(s.error))
            ids.push_back(s.id);
    }
    if (state.status == RunStatus::Failed) {
        const StepState* model = state.lastModelStep();
        if (model && model->status == StepStatus::Failed &&
            std::find(ids.begin(), ids.end(), model->id) == ids.end())
            ids.push_back(model->id);
    }
    return ids;
}

Json costJson(const llm::Usage& u)
{
    return {{"input_tokens", u.inputTokens},
            {"output_tokens", u.outputTokens},
            {"cached_input_tokens", u.cachedInputTokens},
            {"cost_usd", toStd(Decimal::fromMicros(u.costMicros).toString(6))}};
}
} // namespace

AgentRun::AgentRun(const EngineContext& ctx, AgentDefinition agent, std::shared_ptr<llm::ModelProvider> provider,
                   RunOptions options, QObject* parent)
    : QObject(parent), m_ctx(ctx), m_agent(std::move(agent)), m_provider(std::move(provider)),
      m_options(std::move(options))
{
    // A run whose journal cannot be written has not succeeded, whatever its steps did: it ends
    // failed (on record once the disk is back) and starts nothing more.
    connect(m_ctx.journal, &Journal::writeFailed, this, &AgentRun::failOnJournal);
}

void AgentRun::failOnJournal(const Error& error)
{
    if (m_stopped)
        return;
    finish(
        RunStatus::Failed, {},
        errorJson(Error::make(
            QStringLiteral("%1 This run is %2: resume it with `awb resume %2`, or with Resume in "
                           "the Runs view.")
                .arg(error.message, m_state.runId),
            QStringLiteral("journal_write_failed"))));
}

AgentRun::~AgentRun()
{
    for (auto& [id, f] : m_tools)
        f.cancel->cancelled = true;
}

AgentRun* AgentRun::start(const EngineContext& ctx, AgentDefinition agent, std::shared_ptr<llm::ModelProvider> provider,
                          const QString& model, const QString& input, RunOptions options, QObject* parent)
{
    auto* run = new AgentRun(ctx, std::move(agent), std::move(provider), std::move(options), parent);
    const QString runId = newRunId();
    run->m_state.runId = runId;
    run->m_model = model;
    run->m_results = std::make_shared<StoredResults>(ctx.journal->databasePath(), runId);
    const Budgets& b = run->m_agent.budgets;
    Json started = {{"agent", toStd(run->m_agent.name)},
                 {"agent_file", toStd(run->m_agent.filePath)},
                 {"agent_hash", toStd(run->m_agent.sourceHash)},
                 {"provider", toStd(run->m_provider->name())},
                 {"model", toStd(model)},
                 {"scripted", run->m_provider->isScripted()},
                 {"input", toStd(input)},
                 {"actor", toStd(ctx.actor)},
                 {"budgets",
                  {{"max_steps", b.maxSteps},
                   {"max_tokens", b.maxTokens},
                   {"max_cost_usd", toStd(b.maxCostUsd.toString(2))},
                   {"max_wall_seconds", b.maxWallSeconds},
                   {"max_parallel_tools", b.maxParallelTools}}}};
    for (const auto& [key, value] : run->m_options.startDetails.items())
        started.emplace(key, value);
    run->record(EventKind::RunStarted, {}, std::move(started));
    run->audit(ctx.actor, QStringLiteral("run.started"),
               {{"agent", toStd(run->m_agent.name)},
                {"agent_hash", toStd(run->m_agent.sourceHash)},
                {"provider", toStd(run->m_provider->name())},
                {"model", toStd(model)},
                {"scripted", run->m_provider->isScripted()},
                {"input", toStd(input)}});
    run->updateIndex();
    run->armWallClock();
    QTimer::singleShot(0, run, &AgentRun::advance);
    return run;
}

Result<AgentRun*> AgentRun::resume(const EngineContext& ctx, const QString& runId, AgentDefinition agent,
                                   std::shared_ptr<llm::ModelProvider> provider, RunOptions options, QObject* parent)
{
    auto events = ctx.journal->loadEvents(runId);
    if (!events)
        return events.error();
    if (events->empty())
        return Error::make(QStringLiteral("no run %1 in this workspace (see `awb runs list`)").arg(runId),
                           QStringLiteral("unknown_run"));
    return resume(ctx, std::move(events).value(), std::move(agent), std::move(provider), std::move(options), parent);
}

Result<AgentRun*> AgentRun::resume(const EngineContext& ctx, std::vector<RunEvent> history, AgentDefinition agent,
                                   std::shared_ptr<llm::ModelProvider> provider, RunOptions options, QObject* parent)
{
    if (history.empty())
        return Error::make(QStringLiteral("the run has no recorded events"), QStringLiteral("unknown_run"));
    const QString runId = history.front().runId;
    RunState state = RunState::fromEvents(history);
    if (state.status == RunStatus::Succeeded)
        return Error::make(
            QStringLiteral("run %1 succeeded; there is nothing to resume (to ask a follow-up, use "
                           "`awb continue %1 --input TEXT`, or Continue in the chat)")
                .arg(runId),
            QStringLiteral("run_finished"));
    const std::vector<QString> reopened = stepsToReopen(state);
    if (state.agentHash != agent.sourceHash)
        qCWarning(lcEngine) << "resuming" << runId << "with a changed agent file" << agent.filePath;
    auto* run = new AgentRun(ctx, std::move(agent), std::move(provider), std::move(options), parent);
    run->m_state = std::move(state);
    run->m_model = run->m_state.model;
    run->m_results = std::make_shared<StoredResults>(ctx.journal->databasePath(), runId);
    ctx.journal->setLastSeq(runId, run->m_state.lastSeq);
    int reused = 0;
    for (const StepState& s : run->m_state.steps)
        reused += s.isTerminal() ? 1 : 0;
    const qint64 uncounted = run->m_state.status == RunStatus::Running ? run->m_state.openSessionMs() : 0;
    Json resumed = {{"actor", toStd(ctx.actor)},
                    {"reused_steps", reused - int(reopened.size())},
                    {"interrupted_session_ms", uncounted}};
    Json auditData = {{"reused_steps", reused - int(reopened.size())}};
    if (!reopened.empty() || run->m_state.isFinished()) {
        Json ids = Json::array();
        for (const QString& id : reopened)
            ids.push_back(toStd(id));
        resumed["reopened_steps"] = ids;
        resumed["previous_status"] = toStd(runStatusName(run->m_state.status));
        auditData["reopened_steps"] = ids;
        auditData["previous_status"] = resumed["previous_status"];
    }
    run->record(EventKind::RunResumed, {}, std::move(resumed));
    run->audit(ctx.actor, QStringLiteral("run.resumed"), std::move(auditData));
    run->updateIndex();
    run->armWallClock();
    QTimer::singleShot(0, run, &AgentRun::advance);
    return run;
}

Result<AgentRun*> AgentRun::continueRun(const EngineContext& ctx, const QString& runId, AgentDefinition agent,
                                        std::shared_ptr<llm::ModelProvider> provider, RunOptions options,
                                        const QString& message, QObject* parent)
{
    auto events = ctx.journal->loadEvents(runId);
    if (!events)
        return events.error();
    if (events->empty())
        return Error::make(QStringLiteral("no run %1 in this workspace (see `awb runs list`)").arg(runId),
                           QStringLiteral("unknown_run"));
    return continueRun(ctx, std::move(events).value(), std::move(agent), std::move(provider), std::move(options),
                       message, parent);
}

Result<AgentRun*> AgentRun::continueRun(const EngineContext& ctx, std::vector<RunEvent> history, AgentDefinition agent,
                                        std::shared_ptr<llm::ModelProvider> provider, RunOptions options,
                                        const QString& message, QObject* parent)
{
    if (history.empty())
        return Error::make(QStringLiteral("the run has no recorded events"), QStringLiteral("unknown_run"));
    const QString runId = history.front().runId;
    auto* run = new AgentRun(ctx, std::move(agent), std::move(provider), std::move(options), parent);
    run->m_state = RunState::fromEvents(history);
    run->m_model = run->m_state.model;
    run->m_results = std::make_shared<StoredResults>(ctx.journal->databasePath(), runId);
    run->m_stopped = true; // a finished run; continueWith() opens it again
    ctx.journal->setLastSeq(runId, run->m_state.lastSeq);
    if (Status s = run->continueWith(message, ctx.actor); !s) {
        delete run;
        return s.error();
    }
    return run;
}

Status AgentRun::continueWith(const QString& message, const QString& actor)
{
    if (message.trimmed().isEmpty())
        return Error::make(QStringLiteral("the follow-up message is empty"), QStringLiteral("usage"));
    if (m_state.status != RunStatus::Succeeded)
        return Error::make(QStringLiteral("run %1 is %2: only a succeeded run can be continued (resume an "
                                          "interrupted or waiting run instead)")
                               .arg(m_state.runId, runStatusName(m_state.status)),
                           QStringLiteral("not_continuable"));
    const StepState* model = m_state.lastModelStep();
    m_stopped = false;
    m_ctx.journal->setLastSeq(m_state.runId, m_state.lastSeq); // the journal forgets finished runs
    record(EventKind::UserMessage, {},
           {{"text", toStd(message.trimmed())}, {"after_step", toStd(model ? model->id : QString())}, {"actor", toStd(actor)}});
    audit(actor, QStringLiteral("run.continued"), {{"message", toStd(message.trimmed())}});
    updateIndex();
    armWallClock();
    QTimer::singleShot(0, this, &AgentRun::advance);
    return {};
}

void AgentRun::record(EventKind kind, const QString& stepId, Json data)
{
    m_state.apply(m_ctx.journal->append(m_state.runId, kind, stepId, std::move(data)));
}

void AgentRun::audit(const QString& actor, const QString& kind, Json data)
{
    m_ctx.journal->addAudit(actor, kind, m_state.runId, std::move(data));
}

void AgentRun::updateIndex()
{
    RunRow row;
    row.runId = m_state.runId;
    row.agent = m_state.agent;
    row.provider = m_state.provider;
    row.model = m_state.model;
    row.status = runStatusName(m_state.status);
    row.input = m_state.input;
    row.finalText = m_state.finalText;
    row.createdAt = isoUtcMs(m_state.createdAt);
    row.updatedAt = isoUtcMs(m_state.updatedAt);
    row.inputTokens = m_state.usage.inputTokens;
    row.outputTokens = m_state.usage.outputTokens;
    row.costMicros = m_state.usage.costMicros;
    m_ctx.journal->updateRun(std::move(row));
}

QString AgentRun::nextStepId() const
{
    return QStringLiteral("s%1").arg(m_state.steps.size() + 1);
}

QString AgentRun::agentActor() const
{
    return QStringLiteral("agent:%1").arg(m_agent.name);
}

QString AgentRun::modelActor() const
{
    return QStringLiteral("model:%1/%2").arg(m_provider->name(), m_model);
}

void AgentRun::armWallClock()
{
    const qint64 remaining = qint64(m_agent.budgets.maxWallSeconds) * 1000 - m_state.activeMs;
    m_wallClock.start(std::chrono::milliseconds(std::max<qint64>(remaining, 0)), [this] {
        finish(RunStatus::Failed, {},
               errorJson(Error::make(QStringLiteral("budget exceeded: wall time (limit %1 s)")
                                         .arg(m_agent.budgets.maxWallSeconds),
                                     QStringLiteral("budget_exceeded"))));
    });
}

std::optional<Error> AgentRun::checkBudgets(int newSteps) const
{
    const Budgets& b = m_agent.budgets;
    const int used = m_state.countSteps(StepKind::Model) + m_state.countSteps(StepKind::Tool);
    if (used + newSteps > b.maxSteps)
        return Error::make(QStringLiteral("budget exceeded: steps (%1 used, limit %2)").arg(used).arg(b.maxSteps),
                           QStringLiteral("budget_exceeded"));
    if (m_state.usage.totalTokens() >= b.maxTokens)
        return Error::make(QStringLiteral("budget exceeded: tokens (%1 used, limit %2)")
                               .arg(m_state.usage.totalTokens())
                               .arg(b.maxTokens),
                           QStringLiteral("budget_exceeded"));
    if (Decimal::fromMicros(m_state.usage.costMicros) >= b.maxCostUsd)
        return Error::make(QStringLiteral("budget exceeded: cost (US$%1 used, limit US$%2)")
                               .arg(Decimal::fromMicros(m_state.usage.costMicros).toString(4), b.maxCostUsd.toString(2)),
                           QStringLiteral("budget_exceeded"));
    return std::nullopt;
}

llm::ModelRequest AgentRun::buildRequest() const
{
    llm::ModelRequest request;
    request.model = m_model;
    request.instructions = m_agent.instructions;
    request.messages = m_state.conversation();
    for (const AgentTool& t : m_agent.tools) {
        if (auto tool = m_ctx.tools->find(t.name))
            request.tools.push_back({tool->name(), tool->description(), tool->inputSchema()});
    }
    return request;
}

std::optional<Error> AgentRun::checkCallBudget(const llm::ModelRequest& request) const
{
    // About four characters a token: a deliberately rough, provider-neutral estimate.
    qsizetype chars = request.instructions.size();
    for (const llm::ChatMessage& m : request.messages)
        chars += m.text.size() + serializedSize(m) / 4;
    for (const llm::ToolSpec& t : request.tools)
        chars += t.description.size() + qsizetype(t.inputSchema.dump().size());
    const std::int64_t inputEstimate = (chars + 3) / 4;
    const std::int64_t maxOutput = request.maxOutputTokens.value_or(4096);
    const Budgets& b = m_agent.budgets;
    if (m_state.usage.totalTokens() + inputEstimate > b.maxTokens)
        return Error::make(QStringLiteral("budget exceeded: tokens (%1 used, the next call needs about %2 more, limit %3)")
                               .arg(m_state.usage.totalTokens())
                               .arg(inputEstimate)
                               .arg(b.maxTokens),
                           QStringLiteral("budget_exceeded"));
    if (!m_ctx.pricing || m_provider->isScripted())
        return std::nullopt;
    auto estimate = m_ctx.pricing->estimateMicros(m_model, inputEstimate, maxOutput);
    if (!estimate)
        return std::nullopt; // no price for this model: cost is counted after the call if the provider reports it
    const Decimal projected = Decimal::fromMicros(m_state.usage.costMicros + *estimate);
    if (projected > b.maxCostUsd)
        return Error::make(QStringLiteral("budget exceeded: cost (US$%1 used; the next call could cost up to US$%2, "
                                          "limit US$%3)")
                               .arg(Decimal::fromMicros(m_state.usage.costMicros).toString(4),
                                    Decimal::fromMicros(*estimate).toString(4), b.maxCostUsd.toString(2)),
                           QStringLiteral("budget_exceeded"));
    return std::nullopt;
}

void AgentRun::advance()
{
    if (m_stopped || m_state.isFinished() || m_state.status == RunStatus::WaitingApproval)
        return;
    const StepState* model = m_state.lastModelStep();
    if (model && !model->isTerminal()) {
        if (m_modelStep != model->id)
            startModelStep(model->id); // interrupted by a crash: ask again
        return;
    }
    if (model && model->status == StepStatus::Failed)
        return; // the failure already finished the run

    if (model) {
        auto message = llm::ChatMessage::fromJson(model->content);
        if (message && message->toolCalls.empty() && !m_state.hasUnansweredFollowUp()) {
            finish(RunStatus::Succeeded, message->text, Json());
            return;
        }
        int waiting = 0;
        std::vector<QString> ready;
        bool allDone = true;
        for (const StepState* t : m_state.toolStepsOfTurn(model->turn)) {
            if (t->isTerminal())
                continue;
            allDone = false;
            if (const StepState* approval = m_state.approvalFor(t->id);
                approval && approval->status == StepStatus::WaitingApproval) {
                if (autoApproves(t->name)) {
                    const auto note = m_options.autoApprovedTools.find(t->name);
                    const QString actor =
                        m_ctx.actor + (note != m_options.autoApprovedTools.end()
                                           ? QStringLiteral(" (%1)").arg(note->second)
                                       : m_options.approval == RunOptions::Approval::ApproveAll
                                           ? QStringLiteral(" (--approve-all)")
                                           : QStringLiteral(" (--approve %1)").arg(t->name));
                    (void)decide(approval->id, true, actor);
                    return; // decide() advances again
                }
                ++waiting;
                continue;
            }
            if (!m_tools.count(t->id))
                ready.push_back(t->id);
        }
        if (!allDone) {
            for (const QString& id : ready) {
                if (int(m_tools.size()) >= m_agent.budgets.maxParallelTools)
                    break;
                dispatchTool(id);
            }
            if (m_tools.empty() && waiting > 0)
                pause();
            return;
        }
    }
    if (auto over = checkBudgets(1)) {
        audit(agentActor(), QStringLiteral("policy.refused"), {{"reason", toStd(over->message)}});
        finish(RunStatus::Failed, {}, errorJson(*over));
        return;
    }
    startModelStep({});
}

void AgentRun::startModelStep(const QString& existingStepId)
{
    QString stepId = existingStepId;
    if (stepId.isEmpty()) {
        stepId = nextStepId();
        record(EventKind::StepCreated, stepId,
               {{"kind", "model"}, {"name", toStd(m_model)}, {"turn", m_state.countSteps(StepKind::Model) + 1}});
    }
    const StepState* step = m_state.step(stepId);
    const llm::ModelRequest request = buildRequest();
    if (auto over = checkCallBudget(request)) {
        record(EventKind::StepFailed, stepId, {{"error", errorJson(*over)}});
        audit(agentActor(), QStringLiteral("policy.refused"), {{"step", toStd(stepId)}, {"reason", toStd(over->message)}});
        finish(RunStatus::Failed, {}, errorJson(*over));
        return;
    }
    record(EventKind::StepStarted, stepId, {{"attempt", step->attempts + 1}});

    audit(m_ctx.actor, QStringLiteral("model.request"),
          {{"step", toStd(stepId)},
           {"provider", toStd(m_provider->name())},
           {"model", toStd(m_model)},
           {"messages", request.messages.size()},
           {"last_message", request.messages.back().toJson()},
           {"tools", request.tools.size()}});
    m_modelStep = stepId;
    m_modelCall = m_provider->start(request, this);
    connect(m_modelCall, &llm::ModelCall::textDelta, this, [this, stepId](const QString& delta) {
        if (!m_stopped)
            record(EventKind::TextDelta, stepId, {{"text", toStd(delta)}});
    });
    connect(m_modelCall, &llm::ModelCall::retrying, this, [this, stepId](int attempt, int delayMs, const Error& reason) {
        if (m_stopped)
            return;
        record(EventKind::StepRetried, stepId, {{"attempt", attempt}, {"delay_ms", delayMs}, {"error", errorJson(reason)}});
        audit(modelActor(), QStringLiteral("model.retry"),
              {{"step", toStd(stepId)}, {"attempt", attempt}, {"delay_ms", delayMs}, {"error", errorJson(reason)}});
    });
    connect(m_modelCall, &llm::ModelCall::fellBack, this,
            [this, stepId](const QString& from, const QString& to, const Error& reason) {
                if (m_stopped)
                    return;
                record(EventKind::ModelFellBack, stepId, {{"from", toStd(from)}, {"to", toStd(to)}, {"error", errorJson(reason)}});
                audit(agentActor(), QStringLiteral("model.fallback"),
                      {{"step", toStd(stepId)}, {"from", toStd(from)}, {"to", toStd(to)}, {"error", errorJson(reason)}});
            });
    connect(m_modelCall, &llm::ModelCall::finished, this,
            [this, stepId, call = m_modelCall](const Result<llm::ModelResponse>& result) {
                call->deleteLater();
                onModelFinished(stepId, result);
            });
}

void AgentRun::onModelFinished(const QString& stepId, const Result<llm::ModelResponse>& result)
{
    if (m_modelStep != stepId || m_stopped)
        return;
    m_modelStep.clear();
    m_modelCall = nullptr;
    if (!result) {
        record(EventKind::StepFailed, stepId, {{"error", errorJson(result.error())}});
        audit(modelActor(), QStringLiteral("model.error"), {{"step", toStd(stepId)}, {"error", errorJson(result.error())}});
        finish(RunStatus::Failed, {},
               errorJson(Error::make(QStringLiteral("model call %1 failed: %2").arg(stepId, result.errorMessage()),
                                     result.error().code)));
        return;
    }
    llm::ModelResponse response = result.value();
    // Every call needs an id to pair it with its result; some providers send none.
    for (std::size_t i = 0; i < response.message.toolCalls.size(); ++i) {
        if (response.message.toolCalls[i].id.isEmpty())
            response.message.toolCalls[i].id = QStringLiteral("call_%1_%2").arg(stepId).arg(i + 1);
    }
    record(EventKind::ModelResponded, stepId,
           {{"message", response.message.toJson()},
            {"usage", response.usage.toJson()},
            {"finish", toStd(llm::finishReasonName(response.finish))},
            {"provider", toStd(response.provider)},
            {"model", toStd(response.model)},
            {"raw_request", response.rawRequest},
            {"raw_response", response.rawResponse}});
    audit(modelActor(), QStringLiteral("model.response"),
          {{"step", toStd(stepId)}, {"message", response.message.toJson()}, {"usage", costJson(response.usage)}});
    updateIndex();
    fault::crashPoint("model.responded");
    if (!response.message.toolCalls.empty())
        createToolSteps(*m_state.step(stepId), response.message);
    advance();
}

void AgentRun::createToolSteps(const StepState& modelStep, const llm::ChatMessage& message)
{
    const int turn = modelStep.turn;
    if (auto over = checkBudgets(int(message.toolCalls.size()))) {
        audit(agentActor(), QStringLiteral("policy.refused"), {{"reason", toStd(over->message)}});
        finish(RunStatus::Failed, {}, errorJson(*over));
        return;
    }
    for (const llm::ToolCall& call : message.toolCalls) {
        const QString stepId = nextStepId();
        const auto tool = m_ctx.tools->find(call.name);
        const AgentTool* allowed = m_agent.tool(call.name);
        const EffectClass effect = tool ? tool->effect() : EffectClass::Read;
        Json created = {{"kind", "tool"},        {"name", toStd(call.name)},
                        {"turn", turn},          {"call_id", toStd(call.id)},
                        {"arguments", call.arguments}, {"effect", toStd(effectClassName(effect))}};
        const QString key = effect == EffectClass::ExternalEffect
                                ? QStringLiteral("ik-") + sha256Hex((m_state.runId + QLatin1Char('/') + stepId).toUtf8()).left(32)
                                : QString();
        if (!key.isEmpty())
            created["idempotency_key"] = toStd(key);
        record(EventKind::StepCreated, stepId, created);
        audit(agentActor(), QStringLiteral("tool.call"),
              {{"step", toStd(stepId)},
               {"tool", toStd(call.name)},
               {"arguments", call.arguments},
               {"effect", toStd(effectClassName(effect))},
               {"idempotency_key", toStd(key)}});

        if (!tool || !allowed) {
            const QString why = !tool ? QStringLiteral("there is no tool named \"%1\"").arg(call.name)
                                      : QStringLiteral("tool \"%1\" is not enabled for agent %2").arg(call.name, m_agent.name);
            failTool(stepId, Error::make(why, tool ? QStringLiteral("tool_not_allowed") : QStringLiteral("unknown_tool")),
                     QStringLiteral("policy.refused"));
            continue;
        }
        const auto violations = m_ctx.tools->validate(call.name, call.arguments);
        if (!violations.empty()) {
            Json list = Json::array();
            QStringList lines;
            for (const SchemaViolation& v : violations) {
                list.push_back(v.toJson());
                lines << QStringLiteral("%1: %2").arg(v.path.isEmpty() ? QStringLiteral("/") : v.path, v.message);
            }
            Error e = Error::make(QStringLiteral("the arguments do not match the input schema of %1: %2")
                                      .arg(call.name, lines.join(QStringLiteral("; "))),
                                  QStringLiteral("invalid_arguments"));
            const Json err = {{"code", "invalid_arguments"}, {"message", toStd(e.message)}, {"violations", list}};
            record(EventKind::StepFailed, stepId,
                   {{"error", err},
                    {"content", {{"error", err}, {"hint", "correct the arguments and call the tool again"}}}});
            audit(agentActor(), QStringLiteral("tool.invalid_arguments"), {{"step", toStd(stepId)}, {"error", err}});
            continue;
        }
        if (allowed->approval == ApprovalPolicy::Required) {
            const QString approvalId = nextStepId();
            const QString argsHash = sha256Hex(canonicalJson(call.arguments));
            record(EventKind::StepCreated, approvalId,
                   {{"kind", "approval"}, {"name", toStd(call.name)}, {"turn", turn}, {"parent", toStd(stepId)},
                    {"arguments", call.arguments}});
            record(EventKind::ApprovalRequested, approvalId,
                   {{"tool", toStd(call.name)}, {"tool_step", toStd(stepId)}, {"arguments", call.arguments},
                    {"arguments_sha256", toStd(argsHash)}, {"effect", toStd(effectClassName(effect))}});
            audit(agentActor(), QStringLiteral("approval.requested"),
                  {{"step", toStd(approvalId)}, {"tool_step", toStd(stepId)}, {"tool", toStd(call.name)},
                   {"arguments", call.arguments}, {"arguments_sha256", toStd(argsHash)}});
        }
    }
    updateIndex();
}

bool AgentRun::autoApproves(const QString& toolName) const
{
    if (m_options.autoApprovedTools.count(toolName))
        return true;
    switch (m_options.approval) {
    case RunOptions::Approval::Ask:
        return false;
    case RunOptions::Approval::ApproveAll:
        return true;
    case RunOptions::Approval::ApproveListed:
        return m_options.approvedTools.contains(toolName);
    }
    return false;
}

Status AgentRun::decide(const QString& approvalStepId, bool approve, const QString& actor, const QString& reason,
                        std::optional<Json> editedArguments)
{
    const StepState* approval = m_state.step(approvalStepId);
    if (!approval || approval->kind != StepKind::Approval)
        return Error::make(QStringLiteral("run %1 has no approval step %2").arg(m_state.runId, approvalStepId),
                           QStringLiteral("unknown_step"));
    if (approval->status != StepStatus::WaitingApproval)
        return Error::make(QStringLiteral("approval %1 was already decided").arg(approvalStepId),
                           QStringLiteral("already_decided"));
    const QString toolStep = approval->parent;
    const QString toolName = approval->name;
    Json arguments = approval->arguments;
    if (editedArguments) {
        const auto violations = m_ctx.tools->validate(toolName, *editedArguments);
        if (!violations.empty()) {
            QStringList lines;
            for (const SchemaViolation& v : violations)
                lines << QStringLiteral("%1: %2").arg(v.path.isEmpty() ? QStringLiteral("/") : v.path, v.message);
            return Error::make(QStringLiteral("the edited arguments do not match the input schema of %1: %2")
                                   .arg(toolName, lines.join(QStringLiteral("; "))),
                               QStringLiteral("invalid_arguments"));
        }
        arguments = *editedArguments;
    }
    const QString argsHash = sha256Hex(canonicalJson(arguments));
    Json decided = {{"approved", approve}, {"actor", toStd(actor)}, {"arguments_sha256", toStd(argsHash)},
                    {"reason", toStd(reason)}};
    if (editedArguments)
        decided["arguments"] = arguments;
    const bool wasPaused = m_state.status == RunStatus::WaitingApproval;
    if (wasPaused)
        record(EventKind::RunResumed, {}, {{"actor", toStd(actor)}, {"reused_steps", 0}});
    record(EventKind::ApprovalDecided, approvalStepId, decided);
    audit(actor, QStringLiteral("approval.decided"),
          {{"step", toStd(approvalStepId)}, {"tool_step", toStd(toolStep)}, {"tool", toStd(toolName)},
           {"approved", approve}, {"arguments_sha256", toStd(argsHash)}, {"edited", editedArguments.has_value()},
           {"reason", toStd(reason)}});
    if (!approve)
        failTool(toolStep,
                 Error::make(QStringLiteral("%1 rejected this call%2").arg(actor, reason.isEmpty() ? QString() : QStringLiteral(": ") + reason),
                             QStringLiteral("rejected")),
                 QStringLiteral("tool.rejected"));
    updateIndex();
    if (wasPaused)
        armWallClock();
    QTimer::singleShot(0, this, &AgentRun::advance);
    return {};
}

void AgentRun::dispatchTool(const QString& stepId)
{
    const StepState* step = m_state.step(stepId);
    record(EventKind::StepStarted, stepId, {{"attempt", step->attempts + 1}});
    // Taken now, so that advance() neither starts it twice nor exceeds max_parallel_tools.
    auto cancel = std::make_shared<CancelFlag>();
    m_tools.emplace(stepId, InFlight{cancel, nullptr});
    // The fence: nothing runs before its start is on disk, and the results it reads are committed.
    // Runs that reach it in the same event-loop turn share one commit.
    m_ctx.journal->whenCommitted(this, [this, stepId, cancel](const Status& committed) {
        const auto it = m_tools.find(stepId);
        if (m_stopped || it == m_tools.end() || it->second.cancel != cancel)
            return; // stopped or timed out meanwhile
        if (!committed) {
            failOnJournal(committed.error());
            return;
        }
        executeTool(stepId);
    });
}

void AgentRun::executeTool(const QString& stepId)
{
    const StepState* step = m_state.step(stepId);
    const auto tool = m_ctx.tools->find(step->name);
    const AgentTool* policy = m_agent.tool(step->name);
    fault::crashPoint("tool.started");

    InFlight& flight = m_tools.at(stepId);
    ToolContext ctx;
    ctx.runId = m_state.runId;
    ctx.stepId = stepId;
    ctx.idempotencyKey = step->idempotencyKey;
    ctx.workspace = m_ctx.workspace;
    ctx.results = m_results.get();
    ctx.effects = m_ctx.effects;
    ctx.cancel = flight.cancel;
    ctx.auditHead = m_ctx.journal->auditHead();
    const Json arguments = step->arguments;

    const int timeoutMs = policy && policy->timeoutMs ? *policy->timeoutMs : int(tool->timeout().count());
    flight.timeout = std::make_unique<Deadline>();
    flight.timeout->start(std::chrono::milliseconds(timeoutMs), [this, stepId, timeoutMs] {
        auto it = m_tools.find(stepId);
        if (it == m_tools.end())
            return;
        it->second.cancel->cancelled = true;
        m_tools.erase(it); // and with it this deadline
        failTool(stepId, Error::make(QStringLiteral("the tool did not finish within its timeout of %1 ms").arg(timeoutMs),
                                     QStringLiteral("timeout")),
                 QStringLiteral("tool.error"));
        advance();
    });

    auto results = m_results; // keeps the reader alive while the worker uses it
    auto* watcher = new QFutureWatcher<Result<Json>>(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(watcher, &QFutureWatcher<Result<Json>>::finished, this, [this, watcher, stepId, clock] {
        watcher->deleteLater();
        onToolFinished(stepId, watcher->result(), clock->elapsed());
    });
    watcher->setFuture(QtConcurrent::run(m_ctx.pool, [tool, arguments, ctx, results]() -> Result<Json> {
        fault::crashPoint("tool.executing");
        try {
            return tool->execute(arguments, ctx);
        } catch (const std::exception& e) {
            return Error::make(QStringLiteral("the tool failed unexpectedly: %1").arg(QString::fromUtf8(e.what())),
                               QStringLiteral("tool_crashed"));
        }
    }));
}

void AgentRun::onToolFinished(const QString& stepId, const Result<Json>& result, qint64 elapsedMs)
{
    auto it = m_tools.find(stepId);
    if (it == m_tools.end() || m_stopped)
        return; // timed out or cancelled: the late result is not used
    m_tools.erase(it);
    const StepState* step = m_state.step(stepId);
    if (!result) {
        const bool refused = result.error().code == QLatin1String("sql_refused");
        failTool(stepId, result.error(), refused ? QStringLiteral("policy.refused") : QStringLiteral("tool.error"));
    } else {
        const Json& full = result.value();
        const QString handle = stepId;
        m_ctx.journal->storeResult(m_state.runId, handle, full);
        const int modelRows = m_ctx.workspace ? m_ctx.workspace->settings().sql.modelRows : 20;
        const Json content = summarizeForModel(full, handle, modelRows);
        const QString resultHash = sha256Hex(canonicalJson(full));
        record(EventKind::ToolSucceeded, stepId,
               {{"content", content}, {"handle", toStd(handle)}, {"result_sha256", toStd(resultHash)},
                {"duration_ms", elapsedMs}});
        audit(agentActor(), QStringLiteral("tool.result"),
              {{"step", toStd(stepId)}, {"tool", toStd(step->name)}, {"handle", toStd(handle)},
               {"result_sha256", toStd(resultHash)}, {"content", content}});
    }
    updateIndex();
    fault::crashPoint("tool.recorded");
    advance();
}

void AgentRun::failTool(const QString& stepId, const Error& error, const QString& auditKind)
{
    const StepState* step = m_state.step(stepId);
    const QString tool = step ? step->name : QString();
    const Json err = errorJson(error);
    record(EventKind::StepFailed, stepId, {{"error", err}, {"content", {{"error", err}}}});
    audit(agentActor(), auditKind, {{"step", toStd(stepId)}, {"tool", toStd(tool)}, {"error", err}});
}

void AgentRun::pause()
{
    record(EventKind::RunPaused, {}, {{"reason", "waiting_approval"}});
    audit(agentActor(), QStringLiteral("run.paused"), {{"reason", "waiting_approval"}});
    updateIndex();
    m_wallClock.stop();
    m_ctx.journal->requestAnchor();
    // Stopped once the pause is on disk (never blocking this thread on the commit); a decision
    // that came first already continued the run.
    m_ctx.journal->whenCommitted(this, [this](const Status& committed) {
        if (!committed) // said by the journal's writeFailed, to whoever shows errors
            qCDebug(lcEngine) << committed.errorMessage();
        if (m_state.status == RunStatus::WaitingApproval)
            Q_EMIT stopped(RunStatus::WaitingApproval);
    });
}

void AgentRun::cancel(const QString& reason)
{
    if (m_stopped || m_state.isFinished())
        return;
    finish(RunStatus::Cancelled, {}, errorJson(Error::make(reason, QStringLiteral("cancelled"))));
}

void AgentRun::finish(RunStatus status, const QString& finalText, const Json& error)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_wallClock.stop();
    if (m_modelCall) {
        auto* call = m_modelCall.data();
        m_modelCall = nullptr;
        call->disconnect(this);
        call->cancel();
        call->deleteLater();
    }
    for (auto& [id, flight] : m_tools) {
        flight.cancel->cancelled = true;
        if (flight.timeout)
            flight.timeout->stop();
    }
    // Steps still open end with the run, so the journal has no step left dangling; resume opens
    // them again.
    for (const StepState& s : m_state.steps) {
        if (s.kind != StepKind::Approval && (s.status == StepStatus::Running || s.status == StepStatus::Pending))
            record(EventKind::StepFailed, s.id, {{"error", stoppedStepError()}});
    }
    m_tools.clear();
    record(EventKind::RunFinished, {},
           {{"status", toStd(runStatusName(status))}, {"final", toStd(finalText)}, {"error", error},
            {"usage", m_state.usage.toJson()}});
    audit(status == RunStatus::Cancelled ? m_ctx.actor : agentActor(), QStringLiteral("run.finished"),
          {{"status", toStd(runStatusName(status))}, {"final", toStd(finalText)}, {"error", error},
           {"usage", costJson(m_state.usage)}});
    updateIndex();
    m_ctx.journal->forgetRun(m_state.runId);
    m_ctx.journal->requestAnchor();
    // Stopped once the end is on disk (never blocking this thread on the commit), unless the run
    // was continued meanwhile.
    m_ctx.journal->whenCommitted(this, [this, status](const Status& committed) {
        if (!committed) // said by the journal's writeFailed, to whoever shows errors
            qCDebug(lcEngine) << committed.errorMessage();
        if (m_stopped && m_state.status == status)
            Q_EMIT stopped(status);
    });
}

} // namespace awb
