#include "engine/RunState.h"

namespace awb {

namespace {
QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Json optionalTime(const QDateTime& t)
{
    return t.isValid() ? Json(toStd(isoTime(t))) : Json();
}
} // namespace

QString stepKindName(StepKind kind)
{
    switch (kind) {
    case StepKind::Model:
        return QStringLiteral("model");
    case StepKind::Tool:
        return QStringLiteral("tool");
    case StepKind::Approval:
        return QStringLiteral("approval");
    }
    return QStringLiteral("model");
}

QString stepStatusName(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return QStringLiteral("pending");
    case StepStatus::Running:
        return QStringLiteral("running");
    case StepStatus::WaitingApproval:
        return QStringLiteral("waiting_approval");
    case StepStatus::Succeeded:
        return QStringLiteral("succeeded");
    case StepStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::WaitingApproval:
        return QStringLiteral("waiting_approval");
    case RunStatus::Succeeded:
        return QStringLiteral("succeeded");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("running");
}

std::optional<RunStatus> runStatusFromName(const QString& name)
{
    for (RunStatus s : {RunStatus::Running, RunStatus::WaitingApproval, RunStatus::Succeeded, RunStatus::Failed,
                        RunStatus::Cancelled}) {
        if (runStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

StepState* RunState::step(const QString& id)
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &steps[it->second];
}

const StepState* RunState::step(const QString& id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &steps[it->second];
}

int RunState::countSteps(StepKind kind) const
{
    int n = 0;
    for (const StepState& s : steps)
        n += s.kind == kind ? 1 : 0;
    return n;
}

const StepState* RunState::lastModelStep() const
{
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        if (it->kind == StepKind::Model)
            return &*it;
    }
    return nullptr;
}

std::vector<const StepState*> RunState::toolStepsOfTurn(int turn) const
{
    std::vector<const StepState*> out;
    for (const StepState& s : steps) {
        if (s.kind == StepKind::Tool && s.turn == turn)
            out.push_back(&s);
    }
    return out;
}

const StepState* RunState::approvalFor(const QString& toolStepId) const
{
    for (const StepState& s : steps) {
        if (s.kind == StepKind::Approval && s.parent == toolStepId)
            return &s;
    }
    return nullptr;
}

void RunState::apply(const RunEvent& e)
{
    lastSeq = e.seq;
    updatedAt = e.time;
    const Json& d = e.data;
    switch (e.kind) {
    case EventKind::RunStarted:
        runId = e.runId;
        agent = jsonString(d, "agent");
        agentFile = jsonString(d, "agent_file");
        agentHash = jsonString(d, "agent_hash");
        provider = jsonString(d, "provider");
        model = jsonString(d, "model");
        scripted = d.value("scripted", false);
        input = jsonString(d, "input");
        startData = d;
        status = RunStatus::Running;
        createdAt = e.time;
        m_sessionStart = e.time;
        break;
    case EventKind::UserMessage:
        followUps.push_back({jsonString(d, "after_step"), jsonString(d, "text")});
        // The run goes on: the finished answer becomes one turn of a longer conversation.
        status = RunStatus::Running;
        finalText.clear();
        error = Json();
        finishedAt = QDateTime();
        m_sessionStart = e.time;
        break;
    case EventKind::StepCreated: {
        StepState s;
        s.id = e.stepId;
        const QString kind = jsonString(d, "kind");
        s.kind = kind == QLatin1String("tool") ? StepKind::Tool
                 : kind == QLatin1String("approval") ? StepKind::Approval
                                                     : StepKind::Model;
        s.status = s.kind == StepKind::Approval ? StepStatus::WaitingApproval : StepStatus::Pending;
        s.name = jsonString(d, "name");
        s.turn = d.value("turn", 0);
        s.callId = jsonString(d, "call_id");
        s.parent = jsonString(d, "parent");
        s.arguments = d.value("arguments", Json());
        s.effect = jsonString(d, "effect");
        s.idempotencyKey = jsonString(d, "idempotency_key");
        s.createdAt = e.time;
        m_index[s.id] = steps.size();
        steps.push_back(std::move(s));
        break;
    }
    case EventKind::StepStarted:
        if (StepState* s = step(e.stepId)) {
            s->status = StepStatus::Running;
            s->attempts += 1;
            s->startedAt = e.time;
            s->streamedText.clear();
        }
        break;
    case EventKind::TextDelta:
        if (StepState* s = step(e.stepId))
            s->streamedText += jsonString(d, "text");
        break;
    case EventKind::ModelResponded:
        if (StepState* s = step(e.stepId)) {
            s->status = StepStatus::Succeeded;
            s->content = d.value("message", Json::object());
            s->parsedMessage.reset();
            s->parseTried = false;
            s->usage = llm::Usage::fromJson(d.value("usage", Json::object()));
            s->provider = jsonString(d, "provider");
            s->finishedAt = e.time;
            usage += s->usage;
        }
        break;
    case EventKind::ToolSucceeded:
        if (StepState* s = step(e.stepId)) {
            s->status = StepStatus::Succeeded;
            s->content = d.value("content", Json::object());
            s->resultText.reset();
            s->handle = jsonString(d, "handle");
            s->finishedAt = e.time;
        }
        break;
    case EventKind::StepFailed:
        if (StepState* s = step(e.stepId)) {
            s->status = StepStatus::Failed;
            s->error = d.value("error", Json::object());
            s->content = d.value("content", Json());
            s->resultText.reset();
            s->finishedAt = e.time;
        }
        break;
    case EventKind::ApprovalRequested:
        break;
    case EventKind::StepRetried:
        if (StepState* s = step(e.stepId)) {
            s->retries += 1;
            s->streamedText.clear();
        }
        break;
    case EventKind::ModelFellBack:
        if (StepState* s = step(e.stepId)) {
            s->fallbacks.push_back(d);
            s->streamedText.clear();
        }
        break;
    case EventKind::ApprovalDecided:
        if (StepState* s = step(e.stepId)) {
            const bool ok = d.value("approved", false);
            s->approved = ok;
            if (const auto edited = d.find("arguments"); edited != d.end() && ok) {
                s->arguments = *edited;
                if (StepState* tool = step(s->parent))
                    tool->arguments = *edited;
            }
            s->decidedBy = jsonString(d, "actor");
            s->status = ok ? StepStatus::Succeeded : StepStatus::Failed;
            if (!ok)
                s->error = {{"code", "rejected"}, {"message", toStd(jsonString(d, "reason", QStringLiteral("rejected")))}};
            s->finishedAt = e.time;
        }
        break;
    case EventKind::RunPaused:
        status = RunStatus::WaitingApproval;
        if (m_sessionStart.isValid())
            activeMs += m_sessionStart.msecsTo(e.time);
        m_sessionStart = QDateTime();
        break;
    case EventKind::RunResumed:
        // After a crash the last session has no end event: count it up to the last event seen.
        status = RunStatus::Running;
        m_sessionStart = e.time;
        activeMs += d.value("interrupted_session_ms", std::int64_t(0));
        // A stopped run resumed: what the stop cut off runs again, and the run is open again.
        if (const auto reopened = d.find("reopened_steps");
            reopened != d.end() && reopened->is_array()) {
            for (const Json& id : *reopened) {
                StepState* s = id.is_string() ? step(toQ(id.get<std::string>())) : nullptr;
                if (!s)
                    continue;
                s->status = StepStatus::Pending;
                s->error = Json();
                s->content = Json();
                s->parsedMessage.reset();
                s->parseTried = false;
                s->resultText.reset();
                s->streamedText.clear();
                s->finishedAt = QDateTime();
            }
        }
        if (d.contains("previous_status")) {
            finalText.clear();
            error = Json();
            finishedAt = QDateTime();
        }
        break;
    case EventKind::RunFinished: {
        status = runStatusFromName(jsonString(d, "status")).value_or(RunStatus::Failed);
        finalText = jsonString(d, "final");
        error = d.value("error", Json());
        finishedAt = e.time;
        if (m_sessionStart.isValid())
            activeMs += m_sessionStart.msecsTo(e.time);
        m_sessionStart = QDateTime();
        break;
    }
    }
}

Json stoppedStepError()
{
    return {{"code", "run_stopped"}, {"message", "the run stopped before this step finished"}};
}

bool isCutOffByStop(const Json& error)
{
    const QString code = jsonString(error, "code");
    return code == QLatin1String("run_stopped") ||
           (code == QLatin1String("cancelled") &&
            jsonString(error, "message") ==
                QLatin1String("the run stopped before this step finished"));
}

RunState RunState::fromEvents(const std::vector<RunEvent>& events)
{
    RunState s;
    for (const RunEvent& e : events)
        s.apply(e);
    return s;
}

std::vector<llm::ChatMessage> RunState::conversation() const
{
    std::map<int, std::vector<const StepState*>> toolsByTurn;
    for (const StepState& s : steps) {
        if (s.kind == StepKind::Tool)
            toolsByTurn[s.turn].push_back(&s);
    }
    std::vector<llm::ChatMessage> out;
    out.push_back(llm::ChatMessage::user(input));
    for (const StepState& s : steps) {
        if (s.kind != StepKind::Model || s.status != StepStatus::Succeeded)
            continue;
        if (!s.parseTried) {
            s.parseTried = true;
            if (auto parsed = llm::ChatMessage::fromJson(s.content))
                s.parsedMessage =
                    std::make_shared<const llm::ChatMessage>(std::move(parsed).value());
        }
        if (!s.parsedMessage)
            continue;
        const llm::ChatMessage& message = *s.parsedMessage;
        out.push_back(message);
        const auto tools = toolsByTurn.find(s.turn);
        for (const llm::ToolCall& call : message.toolCalls) {
            if (tools == toolsByTurn.end())
                break;
            for (const StepState* t : tools->second) {
                if (t->callId != call.id || !t->isTerminal())
                    continue;
                const bool failed = t->status == StepStatus::Failed;
                if (!t->resultText) {
                    const Json& body =
                        failed ? (t->content.is_null() ? Json{{"error", t->error}} : t->content)
                               : t->content;
                    t->resultText = toQ(body.dump());
                }
                out.push_back(
                    llm::ChatMessage::toolResult(call.id, t->name, *t->resultText, failed));
            }
        }
        for (const FollowUp& f : followUps) {
            if (f.afterStep == s.id)
                out.push_back(llm::ChatMessage::user(f.text));
        }
    }
    return out;
}

Json RunState::toJson() const
{
    Json stepList = Json::array();
    for (const StepState& s : steps) {
        Json j = {{"id", toStd(s.id)},
                  {"kind", toStd(stepKindName(s.kind))},
                  {"name", toStd(s.name)},
                  {"status", toStd(stepStatusName(s.status))},
                  {"turn", s.turn},
                  {"attempts", s.attempts},
                  {"created_at", optionalTime(s.createdAt)},
                  {"started_at", optionalTime(s.startedAt)},
                  {"finished_at", optionalTime(s.finishedAt)}};
        if (s.startedAt.isValid() && s.finishedAt.isValid())
            j["duration_ms"] = s.startedAt.msecsTo(s.finishedAt);
        if (s.kind == StepKind::Model) {
            j["tokens"] = {{"input", s.usage.inputTokens}, {"output", s.usage.outputTokens},
                           {"cached_input", s.usage.cachedInputTokens}};
            j["cost_usd"] = double(s.usage.costMicros) / 1e6;
            j["provider"] = toStd(s.provider);
            j["retries"] = s.retries;
            if (!s.fallbacks.empty())
                j["fallbacks"] = s.fallbacks;
        } else {
            j["arguments"] = s.arguments;
        }
        if (s.kind == StepKind::Tool) {
            if (s.retries > 0)
                j["retries"] = s.retries;
            j["effect"] = toStd(s.effect);
            if (!s.handle.isEmpty())
                j["result_handle"] = toStd(s.handle);
            if (!s.idempotencyKey.isEmpty())
                j["idempotency_key"] = toStd(s.idempotencyKey);
        }
        if (s.kind == StepKind::Approval) {
            j["gates"] = toStd(s.parent);
            if (s.approved)
                j["approved"] = *s.approved;
            if (!s.decidedBy.isEmpty())
                j["decided_by"] = toStd(s.decidedBy);
        }
        if (s.status == StepStatus::Failed)
            j["error"] = s.error;
        stepList.push_back(std::move(j));
    }
    Json j = {{"run_id", toStd(runId)},
              {"agent", toStd(agent)},
              {"provider", toStd(provider)},
              {"model", toStd(model)},
              {"scripted", scripted},
              {"status", toStd(runStatusName(status))},
              {"final", finalText.isEmpty() && !isFinished() ? Json() : Json(toStd(finalText))},
              {"input", toStd(input)},
              {"created_at", optionalTime(createdAt)},
              {"finished_at", optionalTime(finishedAt)},
              {"steps", std::move(stepList)},
              {"usage",
               {{"input_tokens", usage.inputTokens},
                {"output_tokens", usage.outputTokens},
                {"cached_input_tokens", usage.cachedInputTokens},
                {"cost_usd", double(usage.costMicros) / 1e6}}}};
    if (scripted)
        j["model_label"] = "scripted (a deterministic model double, not a real LLM)";
    if (!error.is_null())
        j["error"] = error;
    return j;
}

} // namespace awb
