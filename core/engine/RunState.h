#pragma once
// The state of a run, derived only from its events (the reducer). The engine, resume, the CLI's
// `runs show` and the GUI all read runs through this one interpretation of the journal.

#include <QDateTime>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "engine/RunEvent.h"
#include "llm/Conversation.h"

namespace awb {

enum class StepKind
{
    Model,
    Tool,
    Approval,
};
QString stepKindName(StepKind kind);

enum class StepStatus
{
    Pending,         // created, not started
    Running,         // started, no outcome recorded (after a crash: interrupted)
    WaitingApproval, // approval steps: no decision yet
    Succeeded,
    Failed,
};
QString stepStatusName(StepStatus status);

enum class RunStatus
{
    Running,
    WaitingApproval,
    Succeeded,
    Failed,
    Cancelled,
};
QString runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(const QString& name);

struct StepState
{
    QString id;
    StepKind kind = StepKind::Model;
    StepStatus status = StepStatus::Pending;
    QString name; // model name, tool name, or the gated tool for approvals
    int turn = 0;
    QString callId;         // tool steps: the model's tool call id
    QString parent;         // approval steps: the tool step they gate
    Json arguments;         // tool and approval steps
    QString effect;         // tool steps: effect class name
    QString idempotencyKey; // external effects
    int attempts = 0;       // StepStarted count (more than one after a resume or retry)
    QDateTime createdAt, startedAt, finishedAt;
    // Outcome
    Json content;             // tool: what the model saw; model: the assistant message
    QString handle;           // tool: where the full result is stored
    Json error;               // {code, message, ...} when failed
    llm::Usage usage;         // model steps
    std::optional<bool> approved; // approval steps
    QString decidedBy;        // approval steps
    QString streamedText;     // model steps: text deltas so far (of the current attempt)
    int retries = 0;          // transient failures retried within this step
    Json fallbacks = Json::array(); // model steps: provider switches {from, to, error}
    QString provider;         // model steps: the provider that answered

    // conversation() reads these, computed on first use: parsing every model step and serialising
    // every tool result again for each call made a long run's calls quadratic. apply() clears them
    // whenever content changes.
    mutable std::shared_ptr<const llm::ChatMessage> parsedMessage; // model steps
    mutable bool parseTried = false;
    mutable std::optional<QString> resultText; // tool steps: what the model reads

    bool isTerminal() const { return status == StepStatus::Succeeded || status == StepStatus::Failed; }
};

// The error finish() records on steps that were still open when the run stopped (cancel, a failure
// elsewhere), and whether an error is one: resume runs such steps again. Journals before the
// "run_stopped" code said "cancelled" with the same message.
Json stoppedStepError();
bool isCutOffByStop(const Json& error);

struct RunState
{
    QString runId;
    QString agent;
    QString agentFile;
    QString agentHash;
    QString provider;
    QString model;
    bool scripted = false;
    QString input;
    Json startData; // RunStarted payload as recorded
    RunStatus status = RunStatus::Running;
    QString finalText;
    Json error;
    QDateTime createdAt, updatedAt, finishedAt;
    std::int64_t lastSeq = 0;
    std::vector<StepState> steps; // in creation order
    llm::Usage usage;             // sum over model steps
    struct FollowUp
    {
        QString afterStep; // the model step whose answer it follows
        QString text;
    };
    std::vector<FollowUp> followUps; // messages that continued the run after an answer
    qint64 activeMs = 0; // time spent running, summed over sessions (for the wall-time budget)

    // Applies one event; events must come in seq order. Unknown kinds are ignored.
    void apply(const RunEvent& event);
    static RunState fromEvents(const std::vector<RunEvent>& events);

    StepState* step(const QString& id);
    const StepState* step(const QString& id) const;
    int countSteps(StepKind kind) const;
    const StepState* lastModelStep() const;
    std::vector<const StepState*> toolStepsOfTurn(int turn) const;
    const StepState* approvalFor(const QString& toolStepId) const;
    // Time since the current session started, up to the last event: what a crash left uncounted.
    qint64 openSessionMs() const { return m_sessionStart.isValid() ? m_sessionStart.msecsTo(updatedAt) : 0; }
    // A follow-up message waits for the model's answer.
    bool hasUnansweredFollowUp() const
    {
        const StepState* model = lastModelStep();
        return !followUps.empty() && model && followUps.back().afterStep == model->id;
    }
    bool isFinished() const
    {
        return status == RunStatus::Succeeded || status == RunStatus::Failed || status == RunStatus::Cancelled;
    }

    // The conversation to send to the model next: user input, then per turn the assistant
    // message and the tool results in the order of its calls.
    std::vector<llm::ChatMessage> conversation() const;

    // The run as DESIGN section 4 describes `--json` output.
    Json toJson() const;

private:
    QDateTime m_sessionStart;
    std::map<QString, std::size_t> m_index;
};

} // namespace awb
