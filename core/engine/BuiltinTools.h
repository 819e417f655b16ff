#pragma once
// The built-in tools of every workspace: data access, reconciliation, anomaly detection, the
// one-page report and email, and `add` (the side-by-side benchmark's task).

#include "tools/ToolRegistry.h"

namespace awb {

Status registerBuiltinTools(ToolRegistry& registry);

} // namespace awb
