#pragma once
// The one object between the views and the engine: opens a workspace (its audit key is resolved
// on a worker thread), starts, stops and resumes runs, records approval decisions, and feeds the
// journal's published events to the models of the current run. Views never touch the engine.

#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <optional>

#include "engine/RunLock.h"
#include "engine/RunState.h"
#include "util/Result.h"

namespace awb {
class AgentRun;
class Journal;
class ReplaySource;
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
    // Who acts from this GUI, e.g. "gui:alice": recorded with runs, approvals and audit entries.
    static QString actor();

    RunsModel* runs() const { return m_runs; }
    RunStepsModel* steps() const { return m_steps; }
    EventLogModel* events() const { return m_events; }

    const QString& currentRunId() const;
    const RunState& currentState() const;
    // The current run is executing in this process now (not paused, not finished).
    bool isCurrentRunActive() const;

    // Shows a recorded run in the step and event models; its events then follow live.
    void selectRun(const QString& runId);
    // Starts an agent of the workspace on the scripted provider; the new run becomes current.
    Status startRun(const QString& agent, const QString& input);
    // The chat's message: continues the current run when it is a succeeded run of this agent
    // (the engine's follow-up in the same run), otherwise starts a new run.
    Status sendMessage(const QString& agent, const QString& input);
    void stopCurrentRun();
    // Decides an approval of the current run; a run not executing here is resumed first.
    Status decide(const QString& approvalStepId, bool approve);
    // The same with arguments a person edited (JSON text; empty: unchanged). The engine validates
    // them against the tool's schema again and records nothing when they do not match.
    Status decide(const QString& approvalStepId, bool approve, const QString& editedArgumentsJson);
    // Continues a run that is not executing here (interrupted by a crash, or paused in another
    // process) through the engine's crash-resume: completed steps are reused, effects never repeat.
    // The run becomes current.
    Status resumeRun(const QString& runId);
    // Replays a run from a step (1-based) as a new run that becomes current: recorded model answers
    // before the step are reused, the model is called again from it on (with instructions, when
    // set), recorded tool results are reused and effects are never executed. The source's events
    // are read on a worker thread; ends with replayStarted or replayFailed.
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
    void replayStarted(const QString& runId, const QString& sourceRunId);
    void replayFailed(const QString& message);

private:
    struct LiveRun
    {
        QPointer<AgentRun> run;
        RunLock lock;
    };
    struct OpenOutcome;

    void finishOpening(const QString& dir, const OpenOutcome& outcome);
    void track(AgentRun* run, RunLock lock);
    void onRunStopped(const QString& runId, RunStatus status);
    void onPublished(const RunEvent& event);
    Result<AgentRun*> resumeCurrent();
    void finishReplay(const QString& sourceRunId, int fromStep,
                      const std::optional<QString>& instructions,
                      const Result<std::vector<RunEvent>>& events);
    // The source of a replay run (read from the journal), nothing for other runs.
    Result<std::optional<ReplaySource>> replaySourceOf(const RunState& run);

    std::unique_ptr<WorkspaceSession> m_session;
    RunsModel* m_runs;
    RunStepsModel* m_steps;
    EventLogModel* m_events;
    std::map<QString, LiveRun> m_live;
    int m_openGeneration = 0;
};

} // namespace awb::ui
