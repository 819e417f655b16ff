#pragma once
// Replaying a recorded run (`awb replay`, the Runs view's "Replay from step"): a new run that
// reuses its source run's recorded model responses before a chosen step and calls the model again
// from that step on, while every tool call the source recorded with the same tool and arguments
// gets the recorded result. A tool whose effect class is not `read` never runs in a replay. Not the
// cassette provider (`--provider replay`, llm/Cassette), which answers model calls from a file: a
// run replay reads the workspace's own journal.

#include <QString>

#include <optional>
#include <vector>

#include "engine/AgentRun.h"
#include "engine/RunState.h"

namespace awb {

struct ProviderChoice;

// What a replay reuses of its source run, read from the source's events (no I/O here).
class ReplaySource
{
public:
    // A tool call of the source with its outcome: the stored result's handle, or the error.
    struct RecordedCall
    {
        QString tool;
        QByteArray arguments; // canonical JSON
        QString stepId;
        QString handle;             // succeeded calls
        std::optional<Error> error; // failed calls
    };

    // fromStep: 1-based position of a step in the source run. Fails for an unknown (empty) run
    // (code "unknown_run") and a step out of range ("step_out_of_range").
    static Result<ReplaySource> fromEvents(const std::vector<RunEvent>& sourceEvents, int fromStep);

    const RunState& run() const { return m_run; }
    int fromStep() const { return m_fromStep; }
    QString fromStepId() const { return m_run.steps[std::size_t(m_fromStep - 1)].id; }
    // Recorded answers of the model steps before fromStep, in order: reused without a call.
    const std::vector<llm::ModelResponse>& reusedResponses() const { return m_reused; }
    const std::vector<QString>& reusedStepIds() const { return m_reusedSteps; }
    const std::vector<RecordedCall>& recordedCalls() const { return m_calls; }

private:
    RunState m_run;
    int m_fromStep = 1;
    std::vector<llm::ModelResponse> m_reused;
    std::vector<QString> m_reusedSteps;
    std::vector<RecordedCall> m_calls;
};

// How a replay run names its source in its first event (RunStarted's "replay_of").
struct ReplayLink
{
    QString sourceRunId;
    int fromStep = 1;
    QString fromStepId;
    std::optional<QString> instructions; // the replacement instructions, when there were any

    // Nothing for runs that are not replays.
    static std::optional<ReplayLink> of(const RunState& run);
};

class RunReplay
{
public:
    // The provider the source run used (provider, model, base URL, streaming, cassette).
    static ProviderChoice providerOf(const RunState& source);

    // Starts the replay as a new run with its own id, journal and audit entries; its first event
    // links to the source run and step. instructions, when set, replace the agent's instructions.
    // Tools that are not `read` are approved automatically in a replay: they are never executed.
    static Result<AgentRun*> start(const EngineContext& ctx, const ReplaySource& source,
                                   AgentDefinition agent,
                                   std::shared_ptr<llm::ModelProvider> provider,
                                   const QString& model, const std::optional<QString>& instructions,
                                   RunOptions options, QObject* parent = nullptr);
    // Resumes an interrupted or waiting replay, or continues a succeeded one with a follow-up
    // message, with the same protections (recorded results reused, effects never executed).
    // The agent's instructions are those the replay recorded.
    static Result<AgentRun*> resume(const EngineContext& ctx, const RunState& replay,
                                    const ReplaySource& source, AgentDefinition agent,
                                    std::shared_ptr<llm::ModelProvider> provider,
                                    RunOptions options, QObject* parent = nullptr);
    static Result<AgentRun*> continueRun(const EngineContext& ctx, const RunState& replay,
                                         const ReplaySource& source, AgentDefinition agent,
                                         std::shared_ptr<llm::ModelProvider> provider,
                                         RunOptions options, const QString& message,
                                         QObject* parent = nullptr);
    // The same two from the replay's events read beforehand (e.g. by a front end's worker
    // thread), which must be all that the journal holds for the replay.
    static Result<AgentRun*> resume(const EngineContext& ctx, std::vector<RunEvent> replayHistory,
                                    const ReplaySource& source, AgentDefinition agent,
                                    std::shared_ptr<llm::ModelProvider> provider,
                                    RunOptions options, QObject* parent = nullptr);
    static Result<AgentRun*> continueRun(const EngineContext& ctx,
                                         std::vector<RunEvent> replayHistory,
                                         const ReplaySource& source, AgentDefinition agent,
                                         std::shared_ptr<llm::ModelProvider> provider,
                                         RunOptions options, const QString& message,
                                         QObject* parent = nullptr);
};

} // namespace awb
