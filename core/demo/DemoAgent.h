#pragma once
// The demo's agents: the q3-reconciliation definition (agents/q3-reconciliation.agent.json) and the
// script of the scripted model that plays it offline (agents/q3-reconciliation.script.json).

#include "util/Json.h"

namespace awb::demo {

inline constexpr const char* kDemoAgentFile = "q3-reconciliation.agent.json";
inline constexpr const char* kDemoScriptFile = "q3-reconciliation.script.json";
inline constexpr const char* kBenchAgentFile = "add-bench.agent.json";
inline constexpr const char* kBenchScriptFile = "add-bench.script.json";

Json demoAgentDefinition();
// Six turns: explore (two parallel queries), reconcile, detect anomalies, render the report,
// email the CFO, final answer. Figures come from tool results through {{TOOL:/pointer}} templates.
Json demoAgentScript();

// add-bench: the side-by-side benchmark's task (`awb bench`, ../shared/peer-bench): asked "What is
// 2+3?", the model calls add(2, 3) and answers with the sum. Its script plays the model offline;
// benchmarks point it at a server with --provider/--base-url.
Json benchAgentDefinition();
Json benchAgentScript();

} // namespace awb::demo
