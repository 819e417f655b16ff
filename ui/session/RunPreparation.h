#pragma once
// A run the chat, the Runs view or a replay asks for, as the GUI describes it, and its
// preparation by the engine's launcher (engine/RunLauncher) on a worker thread so that the GUI
// never waits. The GUI thread then launches it.

#include <QString>

#include <optional>
#include <vector>

#include "agent/AgentDefinition.h"
#include "engine/RunEvent.h"
#include "engine/RunLauncher.h"
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

// What the engine's launcher read for a request (engine/RunLauncher), ready to launch.
using PreparedRun = PreparedLaunch;

// The request as the engine's launcher takes it: the toolbar's provider selection becomes a
// provider choice, and the profiles saved in Settings resolve the one a run started on.
// Blocking (files, keychain, SQLite): call it on a worker thread while the session lives.
Result<PreparedRun> prepareRun(const WorkspaceSession& session, const RunRequest& request);

// A preparation error as the chat shows it: what failed and what to do next.
QString describePreparationError(const Error& error, const RunRequest& request);

} // namespace awb::ui
