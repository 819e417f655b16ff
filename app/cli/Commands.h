#pragma once
// The `awb` commands (DESIGN section 4). Each returns the process exit status:
// 0 success, 1 a run or a check failed, 2 bad usage or input, 3 the run waits for approval,
// 130 cancelled.

#include <QStringList>

#include <memory>

#include "util/Result.h"

namespace awb {
class WorkspaceSession;
}

namespace awb::cli {

enum ExitCode
{
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitWaiting = 3,
    ExitCancelled = 130,
};

int demoInit(const QStringList& args);
int runAgent(const QStringList& args);
int resumeRun(const QStringList& args);
int continueRun(const QStringList& args); // a follow-up message to a succeeded run
int replayRun(const QStringList& args);   // a new run replaying a recorded one
int runsList(const QStringList& args);
int runsShow(const QStringList& args);
int toolsList(const QStringList& args);
int toolsCall(const QStringList& args);
int auditVerify(const QStringList& args);                          // AuditCommands.cpp
int auditExport(const QStringList& args);                          // AuditCommands.cpp
int auditKeyCommand(const QString& verb, const QStringList& args); // audit key export | import
int storeCheck(const QStringList& args);                           // StoreCommands.cpp
int storeSalvage(const QStringList& args);                         // StoreCommands.cpp
int keysCommand(const QString& verb, const QStringList& args); // keys set | keys delete
int benchAgent(const QStringList& args);                       // Bench.cpp

// Shared by the commands: who acts ("cli:USER"), the provider keys in the environment (redacted
// everywhere), and the workspace session with its audit key.
QString currentActor();
QStringList knownSecrets();
Result<std::unique_ptr<WorkspaceSession>> openSession(const QString& dir);
// 2 for bad usage or input (the message says what to change), 1 for every other failure.
int exitCodeFor(const Error& error);

QString usage();

} // namespace awb::cli
