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
} // namespace

Result<PreparedRun> prepareRun(const WorkspaceSession& session, const RunRequest& request)
{
    PreparedRun out;
    ProviderChoice choice;
    QString agentName = request.agent;
    if (request.kind == RunRequest::Kind::Start) {
        auto chosen = providerChoiceFor(request.selection, request.profiles);
        if (!chosen)
            return chosen.error();
        choice = std::move(chosen).value();
        if (request.selection.kind == ProviderSelection::Kind::Profile)
            out.profile = request.selection.profile;
    } else {
        auto history = journal::readRunEvents(session.workspace().databasePath(), request.runId);
        if (!history)
            return history.error();
        if (history->empty())
            return Error::make(tr("Run %1 is not in this workspace.").arg(request.runId),
                               QStringLiteral("unknown_run"));
        out.history = std::move(history).value();
        const RunState state = RunState::fromEvents(out.history);
        agentName = state.agentFile.isEmpty() ? state.agent : state.agentFile;
        // The run goes on with its own provider and model; a profile it started on brings its
        // endpoint, key and fallbacks again.
        out.profile = jsonString(out.history.front().data, kProviderProfileKey);
        if (!out.profile.isEmpty()) {
            auto chosen =
                providerChoiceFor(ProviderSelection::ofProfile(out.profile), request.profiles);
            if (!chosen)
                return chosen.error();
            choice = std::move(chosen).value();
        }
        choice.provider = state.provider;
        choice.model = state.model;
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
    const QString what = request.kind == RunRequest::Kind::Start ? tr("The run could not start")
                         : request.kind == RunRequest::Kind::Continue
                             ? tr("The message could not be sent")
                             : tr("The run could not be resumed");
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
    if (request.kind != RunRequest::Kind::Resume)
        text += QLatin1Char(' ') + tr("Your message is still in the input field.");
    return text;
}

} // namespace awb::ui
