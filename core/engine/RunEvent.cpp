#include "engine/RunEvent.h"

namespace awb {

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::RunStarted:
        return QStringLiteral("run_started");
    case EventKind::UserMessage:
        return QStringLiteral("user_message");
    case EventKind::StepCreated:
        return QStringLiteral("step_created");
    case EventKind::StepStarted:
        return QStringLiteral("step_started");
    case EventKind::TextDelta:
        return QStringLiteral("text_delta");
    case EventKind::ModelResponded:
        return QStringLiteral("model_responded");
    case EventKind::ToolSucceeded:
        return QStringLiteral("tool_succeeded");
    case EventKind::StepFailed:
        return QStringLiteral("step_failed");
    case EventKind::ApprovalRequested:
        return QStringLiteral("approval_requested");
    case EventKind::ApprovalDecided:
        return QStringLiteral("approval_decided");
    case EventKind::RunPaused:
        return QStringLiteral("run_paused");
    case EventKind::RunResumed:
        return QStringLiteral("run_resumed");
    case EventKind::RunFinished:
        return QStringLiteral("run_finished");
    case EventKind::StepRetried:
        return QStringLiteral("step_retried");
    case EventKind::ModelFellBack:
        return QStringLiteral("model_fell_back");
    }
    return QStringLiteral("unknown");
}

} // namespace awb
