#pragma once
// The task graph of a run, read from its RunState: a node per step and the edges
// model -> (approval ->) tool calls -> next model; the tool calls of one turn share a rank.

#include "engine/RunState.h"
#include "graph/GraphLayout.h"

namespace awb::ui {

// The size a step's node is drawn at, in scene units.
QSizeF nodeSize(StepKind kind);
// Nodes, edges and same-rank groups of the run (generations left at zero).
GraphSnapshot graphOfRun(const RunState& state);

} // namespace awb::ui
