#pragma once
// Named crash points for the crash-resume tests. Inert unless AWB_FAULT_INJECT names the point:
// AWB_FAULT_INJECT=smtp.after_accept kills the process with SIGKILL when that point is reached
// (AWB_FAULT_INJECT=tool.started:3 on the third time it is reached). A third part names another
// signal to raise instead, as a user would send it: AWB_FAULT_INJECT=tool.started:1:SIGINT
// (SIGINT, SIGTERM).

namespace awb::fault {

void crashPoint(const char* name);

} // namespace awb::fault
