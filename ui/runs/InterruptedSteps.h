#pragma once
// Steps a crash cut off: recorded as running, but the process that ran them is gone. The journal
// still says "running" for them; views say "interrupted" instead. Followed from a run's events: a
// resume after a crash (not after a pause for approval) marks the steps still running at that
// moment, until each starts again or ends; a run that executes nowhere (no process holds it) has
// every running step interrupted.

#include <QSet>
#include <QString>

#include "engine/RunState.h"

namespace awb::ui {

class InterruptedSteps
{
public:
    void clear()
    {
        m_steps.clear();
        m_status = RunStatus::Running;
    }
    // Follows one event; state already includes it. Returns the steps whose mark changed.
    QSet<QString> apply(const RunEvent& event, const RunState& state);
    // The run executes nowhere now: marks its running steps. Returns the newly marked ones.
    QSet<QString> markRunning(const RunState& state);
    bool contains(const QString& stepId) const { return m_steps.contains(stepId); }
    // The steps whose mark differs between two sets of marks (what a view must redraw).
    static QSet<QString> changedBetween(const QSet<QString>& before, const QSet<QString>& after)
    {
        return (after - before) + (before - after);
    }
    const QSet<QString>& steps() const { return m_steps; }

private:
    QSet<QString> m_steps;
    RunStatus m_status = RunStatus::Running; // the run's status before the event being applied
};

} // namespace awb::ui
