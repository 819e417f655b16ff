#pragma once
// The one way a front end starts a run, goes on with one (continue, resume) or replays one: a
// request goes in, a running run and its lock come out. The launcher chooses between a plain run
// and a replay (a replay goes on as a replay: recorded results reused, effects never executed),
// rebuilds the provider a run recorded, and says who acts. `awb` and the GUI only call it.
//
// Two halves, so that a GUI never waits on its thread: prepareLaunch() does the blocking reads
// (the run's events on a connection of its own, the agent file, the model script, the keychain)
// and changes nothing, so it may run on a worker thread while the session lives; launch(), on
// the session's thread, registers the provider's keys for redaction, takes the run's lock and
// starts the run.

#include <QString>

#include <functional>
#include <optional>
#include <vector>

#include "agent/AgentDefinition.h"
#include "engine/RunLock.h"
#include "engine/RunReplay.h"
#include "engine/WorkspaceSession.h"
#include "util/Result.h"

namespace awb {

// The member of a run's start event that names the provider profile it talks to.
inline constexpr const char* kProviderProfileKey = "provider_profile";

// Resolves the provider profile a run started on (its name, recorded with the run) to the
// endpoint, keychain entry and fallbacks it stands for now. Profiles are a front end's settings;
// without a resolver, a run goes on with what it recorded and the keys of the environment.
using ProfileResolver = std::function<Result<ProviderChoice>(const QString& profile)>;

struct LaunchRequest
{
    enum class Kind
    {
        Start,    // a new run of an agent
        Continue, // a follow-up message to a succeeded run
        Resume,   // a run that was interrupted, paused for approval, cancelled or failed
        Replay,   // a new run replaying runId from a step
    };
    Kind kind = Kind::Start;
    QString agent;                       // Start: the agent's name or file
    QString input;                       // Start, Continue: the person's message
    QString runId;                       // Continue, Resume; Replay: the source run
    int fromStep = 1;                    // Replay: 1-based step of the source
    std::optional<QString> instructions; // Replay: replace the agent's instructions
    // Start: the provider chosen. The others go on with the provider the run recorded; only
    // `record` (write a cassette of every call) is taken from here.
    ProviderChoice provider;
    QString profile; // Start: the provider profile chosen, recorded so that a resume finds it
    ProfileResolver resolveProfile;
    RunOptions options; // approval rules, and start details recorded with a new run
    // Start: take the new run's lock. Off only for `awb bench`, whose thousands of throwaway runs
    // no one resumes.
    bool lockRun = true;
};

// What prepareLaunch() read: values only, ready for launch().
struct PreparedLaunch
{
    LaunchRequest request;
    AgentDefinition agent;
    PreparedProvider provider;
    std::vector<RunEvent> history;    // Continue, Resume: every recorded event of the run
    std::optional<RunState> previous; // Continue, Resume: the run as its events left it
    // Replay: what it reuses of its source; Continue, Resume: the same when the run is a replay.
    std::optional<ReplaySource> replay;
};

// A started run, and the lock that keeps other processes from running it (held as long as the
// run executes here).
struct LaunchedRun
{
    AgentRun* run = nullptr;
    RunLock lock;
};

// Blocking: files, keychain, SQLite. Errors carry the codes of what failed ("unknown_run",
// "unknown_agent", "missing_key", ...), so front ends can say what to do.
Result<PreparedLaunch> prepareLaunch(const WorkspaceSession& session, LaunchRequest request);

// On the session's thread. The run is a child of the session. Fails with "run_busy" when another
// process runs it, and "stale_run" when the run changed after prepareLaunch() read it. A prepared
// start may be launched many times (copies), each a new run.
Result<LaunchedRun> launch(WorkspaceSession& session, PreparedLaunch prepared);

// prepareLaunch() then launch(), for front ends that may block.
Result<LaunchedRun> launchNow(WorkspaceSession& session, LaunchRequest request);

// Who acts in this process: "<frontEnd>:<account>", the account being the operating system's
// (getpwuid of the effective user), never $USER, which anyone can set or unset.
QString localActor(const QString& frontEnd);

// Credentials every session redacts: the conventional provider variables that are set.
QStringList environmentSecrets();

} // namespace awb
