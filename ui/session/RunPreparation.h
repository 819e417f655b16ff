#pragma once
// What a run needs before it can start, go on, resume or replay another, read on a worker thread
// so that the GUI never waits: the agent file, the provider through the engine's
// WorkspaceSession::prepareProvider (model script, keychain), to continue or resume the run's
// recorded events (own read-only connection), and for a replay its source run's events. Results
// are values; the GUI thread then adopts the provider and starts the run.

#include <QString>

#include <optional>
#include <vector>

#include "agent/AgentDefinition.h"
#include "engine/RunEvent.h"
#include "engine/RunReplay.h"
#include "engine/WorkspaceSession.h"
#include "session/ProviderSelection.h"
#include "settings/SettingsStore.h"
#include "util/Result.h"

namespace awb::ui {

struct RunRequest
{
    enum class Kind
    {
        Start,    // a new run of an agent
        Continue, // a follow-up message to a succeeded run
        Resume,   // a run interrupted by a crash or paused in another process
        Replay,   // a new run replaying runId from a step (RunReplay)
    };
    Kind kind = Kind::Start;
    QString agent;                         // Start: the agent's name
    QString input;                         // Start, Continue: the person's message
    QString runId;                         // Continue, Resume; Replay: the source run
    int fromStep = 1;                      // Replay: 1-based step of the source
    std::optional<QString> instructions;   // Replay: replace the agent's instructions
    ProviderSelection selection;           // Start; the others go on with the run's own provider
    std::vector<ProviderProfile> profiles; // as saved in Settings when the request was made
};

struct PreparedRun
{
    AgentDefinition agent;
    PreparedProvider provider;
    QString profile;               // the provider profile the run talks to; empty: none
    std::vector<RunEvent> history; // Continue, Resume: every recorded event of the run
    // Replay: what it reuses of its source; Continue, Resume: the same when the run is a replay
    // (it goes on through RunReplay, effects still never executed).
    std::optional<ReplaySource> replay;
};

// Blocking (files, keychain, SQLite): call it on a worker thread while the session lives.
Result<PreparedRun> prepareRun(const WorkspaceSession& session, const RunRequest& request);

// A preparation error as the chat shows it: what failed and what to do next.
QString describePreparationError(const Error& error, const RunRequest& request);

// The member of a run's start event that names the provider profile it talks to.
inline const char* kProviderProfileKey = "provider_profile";

} // namespace awb::ui
