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
    const RunStatus before = m_status;
    m_status = state.status;
    switch (event.kind) {
    case EventKind::RunResumed:
        // Resumed without a pause before it: the previous process stopped mid-run, and what was
        // running then did not finish there.
        if (before != RunStatus::Running)
            return {};
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
