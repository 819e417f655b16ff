#pragma once
// The one object between the views and the engine: opens a workspace (its audit key is resolved
// on a worker thread), starts, stops, resumes and replays runs on the chosen provider (what a run
// needs is read on a worker thread first: RunPreparation), records approval decisions, and feeds
// the journal's published events to the models of the current run. Views never touch the engine.

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "engine/RunLock.h"
#include "engine/RunState.h"
#include "session/ProviderSelection.h"
#include "session/RunPreparation.h"
#include "util/Result.h"

namespace awb {
class AgentRun;
class Journal;
class WorkspaceSession;
} // namespace awb

namespace awb::ui {

class EventLogModel;
class RunStepsModel;
class RunsModel;

class SessionController : public QObject
{
    Q_OBJECT
public:
    explicit SessionController(QObject* parent = nullptr);
    ~SessionController() override;

    // Asynchronous; ends with workspaceOpened or workspaceFailed. The open workspace stays open
    // until another one has opened successfully.
    void openWorkspace(const QString& dir);
    bool hasWorkspace() const { return m_session != nullptr; }
    QString workspaceRoot() const;
    // The journal of the open workspace (nullptr when none is open): for reading, not for views.
    Journal* journal() const;
    // The open workspace's session (nullptr when none is open): for the tool schema editor's calls.
    WorkspaceSession* session() const { return m_session.get(); }
    // Agent names (files agents/NAME.agent.json), sorted.
    QStringList agentNames() const;
    // The agent to pick on opening: the one last picked in this workspace, else workspace.json's
    // default_agent, else the first by name (empty without agents).
    QString preferredAgent() const;
    // Remembers the user's pick for this workspace.
    void rememberAgentChoice(const QString& agent);
    // Who acts from this GUI, e.g. "gui:alice": recorded with runs, approvals and audit entries.
    static QString actor();

    RunsModel* runs() const { return m_runs; }
    RunStepsModel* steps() const { return m_steps; }
    EventLogModel* events() const { return m_events; }

    const QString& currentRunId() const;
    const RunState& currentState() const;
    // The current run is executing in this process now (not paused, not finished).
    bool isCurrentRunActive() const;

    // The provider new runs talk to; remembered per workspace (scripted until chosen otherwise).
    const ProviderSelection& providerSelection() const { return m_selection; }
    void setProviderSelection(const ProviderSelection& selection);
    // Reading what a run needs (agent file, model script, key, events) on a worker thread.
    bool isPreparing() const { return m_pending.has_value(); }
    // Runs executing here now (a run waiting for an approval is not: it is on record and
    // continues when decided, after a restart too).
    int activeRunCount() const;
    // Cancels every run executing here (recorded as cancelled by the user, with the reason), and
    // a preparation on its way: before the window closes or another workspace opens.
    void stopAllRuns(const QString& reason);
    bool isPreparingReplay() const
    {
        return m_pending && m_pending->request.kind == RunRequest::Kind::Replay;
    }

    // Shows a recorded run in the step and event models; its events then follow live. The run's
    // events are read on a worker thread: the run becomes current (currentRunChanged) when they
    // are in; a later selection wins over an earlier one still loading.
    void selectRun(const QString& runId);
    // The run whose events are being read for selectRun, if any.
    const QString& selectingRunId() const { return m_selecting; }
    // Starts an agent of the workspace on the chosen provider. Asynchronous: an error returned
    // here is about the request itself; later ones come with runPreparationFailed, and the new
    // run becomes current with runLaunched.
    Status startRun(const QString& agent, const QString& input);
    // The chat's message: continues the current run when it is a succeeded run of this agent
    // (the engine's follow-up in the same run, on the run's own provider), otherwise starts a new
    // run. Asynchronous like startRun.
    Status sendMessage(const QString& agent, const QString& input);
    // Stops the current run, or abandons the preparation of one.
    void stopCurrentRun();
    // Decides an approval of the current run; a run not executing here is resumed first
    // (asynchronously: a failure then comes with decisionFailed).
    Status decide(const QString& approvalStepId, bool approve);
    // The same with arguments a person edited (JSON text; empty: unchanged). The engine validates
    // them against the tool's schema again and records nothing when they do not match.
    Status decide(const QString& approvalStepId, bool approve, const QString& editedArgumentsJson);
    // Continues a run that is not executing here (interrupted by a crash, or paused in another
    // process) through the engine's crash-resume: completed steps are reused, effects never repeat.
    // The run becomes current; the resume itself is asynchronous like startRun.
    Status resumeRun(const QString& runId);
    // Replays a run from a step (1-based) as a new run that becomes current: recorded model answers
    // before the step are reused, the model is called again from it on (with instructions, when
    // set), recorded tool results are reused and effects are never executed. Prepared like
    // startRun (source events, agent file, the source's provider and key on a worker thread) on the
    // provider the source used; ends with replayStarted, replayFailed or, after Stop,
    // replayCancelled.
    void startReplay(const QString& sourceRunId, int fromStep,
                     const std::optional<QString>& instructions);
    // Asks the keychain for its state on a worker thread; ends with keychainStateKnown.
    void probeKeychain();

Q_SIGNALS:
    void workspaceOpening(const QString& dir);
    void workspaceOpened(const QString& root);
    void workspaceFailed(const QString& dir, const QString& message);
    void currentRunChanged(const QString& runId);
    void activityChanged(bool currentRunActive);
    void keychainStateKnown(const QString& stateName);
    void errorOccurred(const QString& message);
    void preparingChanged(bool preparing);
    // A run started or continued here with the person's message, after its preparation.
    void runLaunched(const QString& runId);
    // Says what failed and what to do next, for the chat.
    void runPreparationFailed(const QString& message);
    void runPreparationCancelled();
    // A decision that needed the run resumed first could not be made (shown on the card).
    void decisionFailed(const QString& message);
    // A replay started here after its preparation, or why it did not.
    void replayStarted(const QString& runId, const QString& sourceRunId);
    void replayFailed(const QString& message);
    void replayCancelled();

private:
    struct LiveRun
    {
        QPointer<AgentRun> run;
        RunLock lock;
    };
    // What the worker thread opened: the session (database, journal, audit key, tools), already
    // moved to the controller's thread, and the workspace's agents; or why not.
    struct OpenOutcome
    {
        std::shared_ptr<WorkspaceSession> session;
        QStringList agents;
        QString error;
    };

    struct Pending
    {
        RunRequest request;
        std::function<Status(AgentRun*)> then; // e.g. the decision that needed the resume
        bool forDecision = false;
    };
    using PreparationOutcome = std::shared_ptr<Result<PreparedRun>>;

    void finishOpening(const QString& dir, const OpenOutcome& outcome);
    Status prepare(RunRequest request, std::function<Status(AgentRun*)> then = {},
                   bool forDecision = false);
    void finishPreparation(int generation, const PreparationOutcome& outcome);
    Result<AgentRun*> launch(const RunRequest& request, PreparedRun prepared);
    void cancelPreparation();
    void track(AgentRun* run, RunLock lock);
    void onRunStopped(const QString& runId, RunStatus status);
    void onPublished(const RunEvent& event);
    // Makes runId current with the events read so far (and those published while reading).
    // lockHeld: a process executes the run (else a run recorded as running was interrupted).
    void showRun(const QString& runId, std::vector<RunEvent> history, bool lockHeld);
    void startShowing(const QString& runId); // a run just started here

    std::shared_ptr<WorkspaceSession> m_session;
    QStringList m_agentNames; // listed when the workspace was opened
    RunsModel* m_runs;
    QString m_selecting;                     // selectRun: events being read on a worker
    int m_selectGeneration = 0;              // bumps with every selection; stale reads are dropped
    std::vector<RunEvent> m_selectingEvents; // published while they were read
    RunStepsModel* m_steps;
    EventLogModel* m_events;
    std::map<QString, LiveRun> m_live;
    int m_openGeneration = 0;
    ProviderSelection m_selection;
    std::optional<Pending> m_pending;
    int m_prepareGeneration = 0;
    // Preparations still reading on a worker thread, and a session they read that was replaced:
    // it lives until they are done.
    std::vector<QFuture<PreparationOutcome>> m_inFlight;
    std::shared_ptr<WorkspaceSession> m_retiredSession;
};

} // namespace awb::ui
