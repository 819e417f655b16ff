#pragma once
// One run of an agent: the loop model call -> tool calls (concurrent, bounded) -> model call ...
// until a final answer, a budget, a cancel or a pause for approval. Every state change goes through
// the journal as an event and is applied to state() from that event, so a run rebuilt from its
// journal (resume) continues exactly where it stopped, reusing every completed step.

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

#include "agent/AgentDefinition.h"
#include "engine/RunState.h"
#include "llm/ModelProvider.h"
#include "tools/Tool.h"
#include "util/Deadline.h"

class QThreadPool;

namespace awb {

namespace llm {
class Pricing;
}
class Journal;
class ToolRegistry;
class Workspace;

// What runs need from their surroundings; shared by all runs of one workspace session.
struct EngineContext
{
    const Workspace* workspace = nullptr;
    Journal* journal = nullptr;
    const ToolRegistry* tools = nullptr;
    EffectJournal* effects = nullptr;
    QThreadPool* pool = nullptr;
    QString actor; // who acts here, e.g. "cli:alice"
    std::shared_ptr<const llm::Pricing> pricing; // for cost budgets before a call; null: no estimate
};

struct RunOptions
{
    enum class Approval
    {
        Ask,           // pause the run until a person decides
        ApproveAll,    // --approve-all
        ApproveListed, // --approve TOOL,...
    };
    Approval approval = Approval::Ask;
    QStringList approvedTools;
    // Tools approved automatically whatever the above, with the reason recorded as the decision's
    // actor note, e.g. effects a replay never executes.
    std::map<QString, QString> autoApprovedTools;
    Json startDetails = Json::object(); // recorded with the run's start, e.g. base_url and stream for resume
};

class AgentRun : public QObject
{
    Q_OBJECT
public:
    // Records the run's start and begins on the next event-loop turn.
    static AgentRun* start(const EngineContext& ctx, AgentDefinition agent,
                           std::shared_ptr<llm::ModelProvider> provider, const QString& model,
                           const QString& input, RunOptions options, QObject* parent = nullptr);
    // Rebuilds a run from its journal and continues it. Fails for unknown or finished runs.
    static Result<AgentRun*> resume(const EngineContext& ctx, const QString& runId, AgentDefinition agent,
                                    std::shared_ptr<llm::ModelProvider> provider, RunOptions options,
                                    QObject* parent = nullptr);
    // Continues a succeeded run with a follow-up message: the conversation goes on in the same run
    // (same journal, same audit trail). Fails for runs that did not succeed.
    static Result<AgentRun*> continueRun(const EngineContext& ctx, const QString& runId, AgentDefinition agent,
                                         std::shared_ptr<llm::ModelProvider> provider, RunOptions options,
                                         const QString& message, QObject* parent = nullptr);
    // The same two from the run's events read beforehand (e.g. by a front end's worker thread),
    // which must be all that the journal holds for the run.
    static Result<AgentRun*> resume(const EngineContext& ctx, std::vector<RunEvent> history, AgentDefinition agent,
                                    std::shared_ptr<llm::ModelProvider> provider, RunOptions options,
                                    QObject* parent = nullptr);
    static Result<AgentRun*> continueRun(const EngineContext& ctx, std::vector<RunEvent> history, AgentDefinition agent,
                                         std::shared_ptr<llm::ModelProvider> provider, RunOptions options,
                                         const QString& message, QObject* parent = nullptr);
    ~AgentRun() override;

    const RunState& state() const { return m_state; }
    const QString& runId() const { return m_state.runId; }
    bool isActive() const { return !m_stopped; }

    // The same, for a run object that has just finished in this process.
    Status continueWith(const QString& message, const QString& actor);
    // Stops the run as cancelled; in-flight tools are told to stop and their late results ignored.
    void cancel(const QString& reason = QStringLiteral("cancelled by the user"));
    // A person's decision on a waiting approval step. Edited arguments are validated again.
    Status decide(const QString& approvalStepId, bool approve, const QString& actor,
                  const QString& reason = {}, std::optional<Json> editedArguments = std::nullopt);

Q_SIGNALS:
    // The run stopped: finished (succeeded, failed, cancelled) or paused waiting for approval.
    void stopped(awb::RunStatus status);

private:
    AgentRun(const EngineContext& ctx, AgentDefinition agent, std::shared_ptr<llm::ModelProvider> provider,
             RunOptions options, QObject* parent);

    void record(EventKind kind, const QString& stepId, Json data);
    void audit(const QString& actor, const QString& kind, Json data);
    void updateIndex();
    QString nextStepId() const;
    QString agentActor() const;
    QString modelActor() const;

    void advance();
    void startModelStep(const QString& existingStepId);
    void onModelFinished(const QString& stepId, const Result<llm::ModelResponse>& result);
    void createToolSteps(const StepState& modelStep, const llm::ChatMessage& message);
    void dispatchTool(const QString& stepId);
    void executeTool(const QString& stepId);
    void onToolFinished(const QString& stepId, const Result<Json>& result, qint64 elapsedMs);
    void failTool(const QString& stepId, const Error& error, const QString& auditKind);
    bool autoApproves(const QString& toolName) const;
    std::optional<Error> checkBudgets(int newSteps) const;
    // Refuses a model call whose estimated tokens or cost would exceed the budgets.
    std::optional<Error> checkCallBudget(const llm::ModelRequest& request) const;
    llm::ModelRequest buildRequest() const;
    void armWallClock();
    void finish(RunStatus status, const QString& finalText, const Json& error);
    // The journal cannot be written: the run ends failed (on record once the disk is back).
    void failOnJournal(const Error& error);
    void pause();

    EngineContext m_ctx;
    AgentDefinition m_agent;
    std::shared_ptr<llm::ModelProvider> m_provider;
    RunOptions m_options;
    RunState m_state;
    QString m_model;

    QPointer<llm::ModelCall> m_modelCall;
    QString m_modelStep;
    struct InFlight
    {
        std::shared_ptr<CancelFlag> cancel;
        std::unique_ptr<Deadline> timeout;
    };
    std::map<QString, InFlight> m_tools;
    std::shared_ptr<ResultReader> m_results;
    Deadline m_wallClock; // the wall-time budget
    bool m_stopped = false;
    bool m_advanceQueued = false;
};

} // namespace awb
