#pragma once
// The demo's agent: its definition (agents/q3-reconciliation.agent.json) and the script of the
// scripted model that plays it offline (agents/q3-reconciliation.script.json).

#include "util/Json.h"

namespace awb::demo {

inline constexpr const char* kDemoAgentFile = "q3-reconciliation.agent.json";
inline constexpr const char* kDemoScriptFile = "q3-reconciliation.script.json";

Json demoAgentDefinition();
// Six turns: explore (two parallel queries), reconcile, detect anomalies, render the report,
// email the CFO, final answer. Figures come from tool results through {{TOOL:/pointer}} templates.
Json demoAgentScript();

} // namespace awb::demo
