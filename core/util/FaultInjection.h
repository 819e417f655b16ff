#pragma once
// Named crash points for the crash-resume tests. Inert unless AWB_FAULT_INJECT names the point:
// AWB_FAULT_INJECT=smtp.after_accept kills the process with SIGKILL when that point is reached
// (AWB_FAULT_INJECT=tool.started:3 on the third time it is reached).

namespace awb::fault {

void crashPoint(const char* name);

} // namespace awb::fault
