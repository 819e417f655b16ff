#include "engine/RunLauncher.h"

#include <pwd.h>
#include <unistd.h>

#include "agent/PromptVersions.h"
#include "engine/Journal.h"

namespace awb {

namespace {

// Every recorded event of a run, on a connection of its own; a run with none is unknown.
Result<std::vector<RunEvent>> readRun(const WorkspaceSession& session, const QString& runId)
{
    auto events = Journal::readEvents(session.workspace().databasePath(), runId);
    if (!events)
        return events.error();
    if (events->empty())
        return Error::make(
            QStringLiteral("no run %1 in this workspace (see `awb runs list`)").arg(runId),
            QStringLiteral("unknown_run"));
    return events;
}

// The provider a run goes on with, or a replay of it talks to: what the run recorded (provider,
// model, endpoint, streaming, cassette), with the keychain entry and fallbacks of the profile it
// started on, and that profile's endpoint for runs that did not record one.
Result<ProviderChoice> recordedChoice(const RunState& run, const LaunchRequest& request)
{
    ProviderChoice choice = RunReplay::providerOf(run);
    choice.record = request.provider.record;
    const QString profile = jsonString(run.startData, kProviderProfileKey);
    if (profile.isEmpty() || !request.resolveProfile)
        return choice;
    auto resolved = request.resolveProfile(profile);
    if (!resolved)
        return resolved.error();
    choice.keyEntry = resolved->keyEntry;
    choice.fallbacks = resolved->fallbacks;
    if (choice.baseUrl.isEmpty())
        choice.baseUrl = resolved->baseUrl;
    return choice;
}

QString agentFileOf(const RunState& run)
{
    return run.agentFile.isEmpty() ? run.agent : run.agentFile;
}

Result<ReplaySource> readReplaySource(const WorkspaceSession& session, const QString& sourceRunId,
                                      int fromStep)
{
    auto events = readRun(session, sourceRunId);
    if (!events)
        return events.error();
    return ReplaySource::fromEvents(*events, fromStep);
}

// A replay of a run still executing would copy a history that is still growing.
Status checkReplayable(const WorkspaceSession& session, const RunState& source)
{
    if (source.isFinished() || source.status == RunStatus::WaitingApproval)
        return {};
    const bool elsewhere = RunLock::isHeld(session.workspace().stateDir(), source.runId);
    return Error::make(elsewhere ? QStringLiteral("run %1 is still running (in another process); "
                                                  "replay it once it has finished")
                                       .arg(source.runId)
                                 : QStringLiteral("run %1 was interrupted and has not finished; "
                                                  "finish it with `awb resume %1` first, then "
                                                  "replay it")
                                       .arg(source.runId),
                       QStringLiteral("run_not_finished"));
}

// What a new run records of how it was started, so that resume, continue and replay can build the
// same provider again, and the prompt editor can file it under its prompt version. A replay
// records its source's endpoint and its own instructions itself (RunReplay::start).
Json startDetails(const LaunchRequest& r, const AgentDefinition& agent)
{
    Json details = r.options.startDetails.is_object() ? r.options.startDetails : Json::object();
    if (r.kind == LaunchRequest::Kind::Start) {
        details["base_url"] = toStd(r.provider.baseUrl);
        details["stream"] = r.provider.stream;
        details["cassette"] = toStd(r.provider.cassette);
        details["instructions_sha256"] =
            toStd(PromptVersions::instructionsHash(agent.instructions));
    }
    if (!r.profile.isEmpty())
        details[kProviderProfileKey] = toStd(r.profile);
    return details;
}

} // namespace

Result<PreparedLaunch> prepareLaunch(const WorkspaceSession& session, LaunchRequest request)
{
    PreparedLaunch out;
    ProviderChoice choice;
    QString agentName = request.agent;
    switch (request.kind) {
    case LaunchRequest::Kind::Start:
        if (request.input.trimmed().isEmpty())
            return Error::make(QStringLiteral("a run needs an input: what should the agent do?"),
                               QStringLiteral("usage"));
        choice = request.provider;
        break;
    case LaunchRequest::Kind::Replay: {
        auto source = readReplaySource(session, request.runId, request.fromStep);
        if (!source)
            return source.error();
        if (Status replayable = checkReplayable(session, source->run()); !replayable)
            return replayable.error();
        agentName = agentFileOf(source->run());
        auto chosen = recordedChoice(source->run(), request);
        if (!chosen)
            return chosen.error();
        choice = std::move(chosen).value();
        // The replay talks to its source's profile, and records it for its own resume.
        request.profile = jsonString(source->run().startData, kProviderProfileKey);
        out.replay = std::move(source).value();
        break;
    }
    case LaunchRequest::Kind::Continue:
    case LaunchRequest::Kind::Resume: {
        if (request.kind == LaunchRequest::Kind::Continue && request.input.trimmed().isEmpty())
            return Error::make(QStringLiteral("a follow-up needs a message"),
                               QStringLiteral("usage"));
        auto history = readRun(session, request.runId);
        if (!history)
            return history.error();
        out.history = std::move(history).value();
        RunState state = RunState::fromEvents(out.history);
        agentName = agentFileOf(state);
        auto chosen = recordedChoice(state, request);
        if (!chosen)
            return chosen.error();
        choice = std::move(chosen).value();
        if (const auto link = ReplayLink::of(state)) {
            auto source = readReplaySource(session, link->sourceRunId, link->fromStep);
            if (!source)
                return Error::make(
                    QStringLiteral("run %1 replays run %2, which cannot be read: %3")
                        .arg(request.runId, link->sourceRunId, source.errorMessage()),
                    source.error().code == QLatin1String("unknown_run")
                        ? QStringLiteral("replay_source_missing")
                        : source.error().code);
            out.replay = std::move(source).value();
        }
        out.previous = std::move(state);
        break;
    }
    }
    auto agent = session.loadAgent(agentName);
    if (!agent)
        return agent.error();
    out.agent = std::move(agent).value();
    auto provider = session.prepareProvider(out.agent, choice);
    if (!provider)
        return provider.error();
    out.provider = std::move(provider).value();
    if (request.kind == LaunchRequest::Kind::Start || request.kind == LaunchRequest::Kind::Replay)
        request.options.startDetails = startDetails(request, out.agent);
    else
        request.options.startDetails = Json::object(); // recorded only when a run starts
    out.request = std::move(request);
    return out;
}

Result<LaunchedRun> launch(WorkspaceSession& session, PreparedLaunch prepared)
{
    const LaunchRequest& request = prepared.request;
    const EngineContext ctx = session.context();
    const QString model = prepared.provider.model;
    std::shared_ptr<llm::ModelProvider> provider = session.adopt(std::move(prepared.provider));
    const QString stateDir = session.workspace().stateDir();

    if (request.kind == LaunchRequest::Kind::Start || request.kind == LaunchRequest::Kind::Replay) {
        RunOptions options = request.options;
        Result<AgentRun*> run = Error::make(QString());
        if (request.kind == LaunchRequest::Kind::Start)
            run = AgentRun::start(ctx, std::move(prepared.agent), provider, model, request.input,
                                  std::move(options), &session);
        else
            run = RunReplay::start(ctx, *prepared.replay, std::move(prepared.agent), provider,
                                   model, request.instructions, std::move(options), &session);
        if (!run)
            return run.error();
        if (!request.lockRun)
            return LaunchedRun{*run, RunLock()};
        // A new id: only this process knows it yet, so the lock is taken before the run's first
        // step (it begins on the next event-loop turn).
        auto lock = RunLock::acquire(stateDir, (*run)->runId());
        if (!lock) {
            (*run)->cancel(lock.errorMessage());
            return lock.error();
        }
        return LaunchedRun{*run, std::move(lock).value()};
    }

    auto lock = RunLock::acquire(stateDir, request.runId);
    if (!lock)
        return lock.error();
    // The events were read before the lock was taken: they must still be all the journal holds.
    auto last = session.journal().lastSeq(request.runId);
    if (!last)
        return last.error();
    if (prepared.history.empty() || *last != prepared.history.back().seq)
        return Error::make(QStringLiteral("run %1 changed while it was being prepared; try again")
                               .arg(request.runId),
                           QStringLiteral("stale_run"));
    const bool goOn = request.kind == LaunchRequest::Kind::Continue;
    RunOptions options = request.options;
    Result<AgentRun*> run = Error::make(QString());
    if (prepared.replay) {
        run = goOn ? RunReplay::continueRun(ctx, std::move(prepared.history), *prepared.replay,
                                            std::move(prepared.agent), provider, std::move(options),
                                            request.input, &session)
                   : RunReplay::resume(ctx, std::move(prepared.history), *prepared.replay,
                                       std::move(prepared.agent), provider, std::move(options),
                                       &session);
    } else {
        run = goOn ? AgentRun::continueRun(ctx, std::move(prepared.history),
                                           std::move(prepared.agent), provider, std::move(options),
                                           request.input, &session)
                   : AgentRun::resume(ctx, std::move(prepared.history), std::move(prepared.agent),
                                      provider, std::move(options), &session);
    }
    if (!run)
        return run.error();
    return LaunchedRun{*run, std::move(lock).value()};
}

Result<LaunchedRun> launchNow(WorkspaceSession& session, LaunchRequest request)
{
    auto prepared = prepareLaunch(session, std::move(request));
    if (!prepared)
        return prepared.error();
    return launch(session, std::move(prepared).value());
}

QString localActor(const QString& frontEnd)
{
    const uid_t uid = ::geteuid();
    QString account;
    // getpwuid_r: the GUI may ask from several threads.
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        account = QString::fromLocal8Bit(found->pw_name);
    else
        account = QStringLiteral("uid-%1").arg(uid); // an account without a name (a container)
    return QStringLiteral("%1:%2").arg(frontEnd, account);
}

QStringList environmentSecrets()
{
    QStringList out;
    for (const char* var : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            out << v;
    }
    return out;
}

} // namespace awb
