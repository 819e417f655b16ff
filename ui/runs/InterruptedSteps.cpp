#include "runs/InterruptedSteps.h"

namespace awb::ui {

QSet<QString> InterruptedSteps::markRunning(const RunState& state)
{
    QSet<QString> changed;
    for (const StepState& s : state.steps) {
        if (s.status == StepStatus::Running && !m_steps.contains(s.id)) {
            m_steps.insert(s.id);
            changed.insert(s.id);
        }
    }
    return changed;
}

QSet<QString> InterruptedSteps::apply(const RunEvent& event, const RunState& state)
{
    switch (event.kind) {
    case EventKind::RunResumed:
        // What was running when the previous process stopped did not finish there.
        return markRunning(state);
    case EventKind::RunFinished: {
        QSet<QString> changed = m_steps;
        m_steps.clear();
        return changed;
    }
    case EventKind::StepStarted:
    case EventKind::ToolSucceeded:
    case EventKind::StepFailed:
    case EventKind::ModelResponded:
    case EventKind::ApprovalRequested:
    case EventKind::ApprovalDecided:
        if (m_steps.remove(event.stepId))
            return {event.stepId};
        return {};
    default:
        return {};
    }
}

} // namespace awb::ui
