#pragma once
// The typed events of a run. Every state change of a run is one of these, appended to the journal
// before anyone hears of it; RunState is rebuilt from them. The kind numbers are stored on disk:
// never renumber or reuse one, and readers skip kinds they do not know.

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <cstdint>

#include "util/Json.h"

namespace awb {

enum class EventKind : int
{
    RunStarted = 1,        // agent, agent_file, agent_hash, provider, model, scripted, input, budgets
    UserMessage = 2,       // text, after_step, actor: a follow-up that continues a finished run
    StepCreated = 3,       // kind (model|tool|approval), name, turn, call_id, arguments, parent, effect,
                           // idempotency_key
    StepStarted = 4,       // attempt
    TextDelta = 5,         // text
    ModelResponded = 6,    // message, usage, finish, provider, model, raw_request, raw_response
    ToolSucceeded = 7,     // content (what the model sees), handle, result_sha256, duration_ms
    StepFailed = 8,        // error {code, message, violations?}, content (what the model sees)
    ApprovalRequested = 9, // tool, tool_step, arguments, arguments_sha256, effect
    ApprovalDecided = 10,  // approved, actor, arguments_sha256, reason
    RunPaused = 11,        // reason
    RunResumed = 12,       // actor, reused_steps
    RunFinished = 13,      // status, final, error, usage
    StepRetried = 14,      // attempt, delay_ms, error {code, message}: a transient failure, retried
    ModelFellBack = 15,    // from, to, error: the call continues on the next provider of the chain
};

QString eventKindName(EventKind kind); // "run_started", ...; "unknown" for kinds from newer versions

struct RunEvent
{
    QString runId;
    std::int64_t seq = 0; // 1-based position in the run's journal
    QDateTime time;       // UTC
    EventKind kind = EventKind::RunStarted;
    QString stepId;       // empty for run-level events
    Json data = Json::object();
};

} // namespace awb

Q_DECLARE_METATYPE(awb::RunEvent)
