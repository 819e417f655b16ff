#pragma once
// How a step looks in the task graph: its visual state (from RunState, plus whether a resume
// reused it), that state's colour, readable on light and dark palettes, and its legend text.

#include <QColor>
#include <QString>

#include "engine/RunState.h"

namespace awb::ui {

enum class NodeState
{
    Pending,
    Running,
    Waiting,
    Succeeded,
    Failed,
    Retried,     // succeeded after transient failures (retries > 0)
    FellBack,    // answered by a fallback provider (fallbacks not empty)
    Reused,      // completed before a resume, its recorded result reused
    Interrupted, // recorded as running, but the process running it is gone (a crash)
};

inline constexpr NodeState kAllNodeStates[] = {
    NodeState::Pending,   NodeState::Running, NodeState::Waiting,
    NodeState::Succeeded, NodeState::Failed,  NodeState::Retried,
    NodeState::FellBack,  NodeState::Reused,  NodeState::Interrupted,
};

// Failure and live states win; then how a success came about: reused, fell back, retried.
NodeState nodeState(const StepState& step, bool reusedOnResume);
// The same for a step a crash may have cut off (InterruptedSteps): a running one shows so.
NodeState nodeState(const StepState& step, bool reusedOnResume, bool interrupted);
// Mid-tone colours: visible as a border on white and on near-black, and as a tint under text.
QColor nodeStateColor(NodeState state);
QString nodeStateText(NodeState state); // translated, for the legend and tooltips
QString nodeStateName(NodeState state); // stable, for tests and accessibility: "fell_back"

} // namespace awb::ui
