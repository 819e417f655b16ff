#include "session/RunPreparation.h"

#include <QCoreApplication>

namespace awb::ui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("awb::ui", text);
}

LaunchRequest::Kind launchKind(RunRequest::Kind kind)
{
    switch (kind) {
    case RunRequest::Kind::Start:
        return LaunchRequest::Kind::Start;
    case RunRequest::Kind::Continue:
        return LaunchRequest::Kind::Continue;
    case RunRequest::Kind::Resume:
        return LaunchRequest::Kind::Resume;
    case RunRequest::Kind::Replay:
        return LaunchRequest::Kind::Replay;
    }
    return LaunchRequest::Kind::Start;
}
} // namespace

Result<PreparedRun> prepareRun(const WorkspaceSession& session, const RunRequest& request)
{
    LaunchRequest launch;
    launch.kind = launchKind(request.kind);
    launch.agent = request.agent;
    launch.input = request.input;
    launch.runId = request.runId;
    launch.fromStep = request.fromStep;
    launch.instructions = request.instructions;
    if (request.kind == RunRequest::Kind::Start) {
        auto chosen = providerChoiceFor(request.selection, request.profiles);
        if (!chosen)
            return chosen.error();
        launch.provider = std::move(chosen).value();
        if (request.selection.kind == ProviderSelection::Kind::Profile)
            launch.profile = request.selection.profile;
    }
    launch.resolveProfile = [profiles = request.profiles](const QString& profile) {
        return providerChoiceFor(ProviderSelection::ofProfile(profile), profiles);
    };
    auto prepared = prepareLaunch(session, std::move(launch));
    if (!prepared && prepared.error().code == QLatin1String("unknown_run"))
        return Error::make(tr("Run %1 is not in this workspace.").arg(request.runId),
                           prepared.error().code);
    return prepared;
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
