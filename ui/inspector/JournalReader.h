#pragma once
// Read-only access to a workspace's run journal for views, meant for worker threads: each call
// opens its own read-only connection, so it never contends with the engine's writer on the GUI
// thread. Results are values; errors say what could not be read.

#include <QString>

#include <optional>
#include <vector>

#include "engine/Journal.h"
#include "engine/RunEvent.h"
#include "util/Result.h"

namespace awb::ui::journal {

// The runs index, newest first (at most 1,000 runs, as the CLI lists).
Result<std::vector<RunRow>> readRunsIndex(const QString& databasePath);
// All recorded events of a run, in seq order.
Result<std::vector<RunEvent>> readRunEvents(const QString& databasePath, const QString& runId);
// The last event of the given kind for one step (e.g. ModelResponded with its raw request), or
// nothing when the step has none yet.
Result<std::optional<RunEvent>> readStepEvent(const QString& databasePath, const QString& runId,
                                              const QString& stepId, EventKind kind);
// The full stored result of a tool step, by the handle its ToolSucceeded event named.
Result<Json> readToolResult(const QString& databasePath, const QString& runId,
                            const QString& handle);

} // namespace awb::ui::journal
