#include "session/RunPreparation.h"

#include <QCoreApplication>

#include "engine/RunState.h"
#include "inspector/JournalReader.h"

namespace awb::ui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("awb::ui", text);
}

// Every recorded event of a run, read on its own connection; a run with none is unknown.
Result<std::vector<RunEvent>> readRun(const WorkspaceSession& session, const QString& runId)
{
    auto events = journal::readRunEvents(session.workspace().databasePath(), runId);
    if (!events)
        return events.error();
    if (events->empty())
        return Error::make(tr("Run %1 is not in this workspace.").arg(runId),
                           QStringLiteral("unknown_run"));
    return events;
}

// The provider a run goes on with: its own provider and model; a profile it started on brings
// its endpoint, key and fallbacks again.
Result<ProviderChoice> choiceToGoOn(const RunState& run, const QString& profile,
                                    const std::vector<ProviderProfile>& profiles)
{
    ProviderChoice choice;
    if (!profile.isEmpty()) {
        auto chosen = providerChoiceFor(ProviderSelection::ofProfile(profile), profiles);
        if (!chosen)
            return chosen.error();
        choice = std::move(chosen).value();
    }
    choice.provider = run.provider;
    choice.model = run.model;
    return choice;
}

// A replay, and a replay going on, talk to the provider its source recorded (endpoint, streaming,
// cassette) with the key and fallbacks of the profile the source started on.
Result<ProviderChoice> choiceOfReplay(const RunState& run, const QString& profile,
                                      const std::vector<ProviderProfile>& profiles)
{
    ProviderChoice choice = RunReplay::providerOf(run);
    if (profile.isEmpty())
        return choice;
    auto chosen = providerChoiceFor(ProviderSelection::ofProfile(profile), profiles);
    if (!chosen)
        return chosen.error();
    choice.keyEntry = chosen->keyEntry;
    choice.fallbacks = chosen->fallbacks;
    if (choice.baseUrl.isEmpty())
        choice.baseUrl = chosen->baseUrl;
    return choice;
}

QString agentFileOf(const RunState& run)
{
    return run.agentFile.isEmpty() ? run.agent : run.agentFile;
}

// What a replay reuses of its source, read from the source's events.
Result<ReplaySource> readReplaySource(const WorkspaceSession& session, const QString& sourceRunId,
                                      int fromStep)
{
    auto events = readRun(session, sourceRunId);
    if (!events)
        return events.error();
    return ReplaySource::fromEvents(*events, fromStep);
}
} // namespace

Result<PreparedRun> prepareRun(const WorkspaceSession& session, const RunRequest& request)
{
    PreparedRun out;
    ProviderChoice choice;
    QString agentName = request.agent;
    switch (request.kind) {
    case RunRequest::Kind::Start: {
        auto chosen = providerChoiceFor(request.selection, request.profiles);
        if (!chosen)
            return chosen.error();
        choice = std::move(chosen).value();
        if (request.selection.kind == ProviderSelection::Kind::Profile)
            out.profile = request.selection.profile;
        break;
    }
    case RunRequest::Kind::Replay: {
        auto source = readReplaySource(session, request.runId, request.fromStep);
        if (!source)
            return source.error();
        const RunState& recorded = source->run();
        agentName = agentFileOf(recorded);
        out.profile = jsonString(recorded.startData, kProviderProfileKey);
        auto chosen = choiceOfReplay(recorded, out.profile, request.profiles);
        if (!chosen)
            return chosen.error();
        choice = std::move(chosen).value();
        out.replay = std::move(source).value();
        break;
    }
    case RunRequest::Kind::Continue:
    case RunRequest::Kind::Resume: {
        auto history = readRun(session, request.runId);
        if (!history)
            return history.error();
        out.history = std::move(history).value();
        const RunState state = RunState::fromEvents(out.history);
        agentName = agentFileOf(state);
        out.profile = jsonString(out.history.front().data, kProviderProfileKey);
        const auto link = ReplayLink::of(state);
        auto chosen = link ? choiceOfReplay(state, out.profile, request.profiles)
                           : choiceToGoOn(state, out.profile, request.profiles);
        if (!chosen)
            return chosen.error();
        choice = std::move(chosen).value();
        if (link) {
            auto source = readReplaySource(session, link->sourceRunId, link->fromStep);
            if (!source)
                return Error::make(
                    tr("Run %1 replays run %2, which cannot be read: %3")
                        .arg(request.runId, link->sourceRunId, source.errorMessage()),
                    source.error().code);
            out.replay = std::move(source).value();
        }
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
    return out;
}

QString describePreparationError(const Error& error, const RunRequest& request)
{
    QString what;
    switch (request.kind) {
    case RunRequest::Kind::Start:
        what = tr("The run could not start");
        break;
    case RunRequest::Kind::Continue:
        what = tr("The message could not be sent");
        break;
    case RunRequest::Kind::Resume:
        what = tr("The run could not be resumed");
        break;
    case RunRequest::Kind::Replay:
        what = tr("The replay could not start");
        break;
    }
    QString next;
    if (error.code == QLatin1String("missing_key"))
        next = tr("Enter the key of that profile in Settings (Ctrl+,) under Providers and press "
                  "Store in Keychain, then try again.");
    else if (error.code == QLatin1String("keychain_locked"))
        next = tr("Unlock the keychain, then try again.");
    else if (error.code == QLatin1String("keychain_unavailable"))
        next = tr("Start a keychain service (Secret Service, e.g. GNOME Keyring), or pick the "
                  "scripted provider in the toolbar.");
    else if (error.code == QLatin1String("invalid_config"))
        next = tr("Complete the profile in Settings (Ctrl+,) under Providers, then try again.");
    QString text = tr("%1: %2").arg(what, error.message);
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    if (!next.isEmpty())
        text += QLatin1Char(' ') + next;
    // Only a start or a follow-up came from the chat's input field.
    if (request.kind == RunRequest::Kind::Start || request.kind == RunRequest::Kind::Continue)
        text += QLatin1Char(' ') + tr("Your message is still in the input field.");
    return text;
}

} // namespace awb::ui
