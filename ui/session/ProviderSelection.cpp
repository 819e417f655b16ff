#include "session/ProviderSelection.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace awb::ui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("awb::ui", text);
}

const QString kSelections = QStringLiteral("providers/selection_by_workspace");
const QString kAgentChoices = QStringLiteral("agents/choice_by_workspace");
const QString kProfilePrefix = QStringLiteral("profile:");

const ProviderProfile* findProfile(const std::vector<ProviderProfile>& profiles,
                                   const QString& name)
{
    for (const ProviderProfile& p : profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

Error unknownProfile(const QString& name)
{
    return Error::make(tr("There is no provider profile \"%1\": create it in Settings (Ctrl+,) "
                          "under Providers, or pick another provider in the toolbar.")
                           .arg(name),
                       QStringLiteral("unknown_profile"));
}
} // namespace

QString ProviderSelection::id() const
{
    switch (kind) {
    case Kind::Scripted:
        return QStringLiteral("scripted");
    case Kind::AgentFile:
        return QStringLiteral("agent");
    case Kind::Profile:
        return kProfilePrefix + profile;
    }
    return {};
}

ProviderSelection ProviderSelection::fromId(const QString& id)
{
    if (id == QLatin1String("agent"))
        return agentFile();
    if (id.startsWith(kProfilePrefix) && id.size() > kProfilePrefix.size())
        return ofProfile(id.mid(kProfilePrefix.size()));
    return scripted();
}

Result<ProviderChoice> providerChoiceFor(const ProviderSelection& selection,
                                         const std::vector<ProviderProfile>& profiles)
{
    ProviderChoice choice;
    switch (selection.kind) {
    case ProviderSelection::Kind::Scripted:
        choice.provider = QStringLiteral("scripted");
        return choice;
    case ProviderSelection::Kind::AgentFile:
        return choice; // empty: the agent's own provider, model and fallbacks
    case ProviderSelection::Kind::Profile:
        break;
    }
    const ProviderProfile* profile = findProfile(profiles, selection.profile);
    if (!profile)
        return unknownProfile(selection.profile);
    choice.provider = profile->provider;
    choice.model = profile->model;
    choice.baseUrl = profile->baseUrl;
    choice.keyEntry = profile->keyEntry();
    std::vector<ProviderEndpoint> fallbacks;
    for (const QString& name : profile->fallbacks) {
        const ProviderProfile* fallback = findProfile(profiles, name);
        if (!fallback)
            return unknownProfile(name);
        fallbacks.push_back(
            {fallback->provider, fallback->model, fallback->baseUrl, fallback->keyEntry()});
    }
    choice.fallbacks = std::move(fallbacks);
    return choice;
}

namespace settings {

ProviderSelection loadProviderSelection(QSettings& settings, const QString& workspaceRoot)
{
    return ProviderSelection::fromId(
        settings.value(kSelections).toMap().value(workspaceRoot).toString());
}

void saveProviderSelection(QSettings& settings, const QString& workspaceRoot,
                           const ProviderSelection& selection)
{
    QVariantMap map = settings.value(kSelections).toMap();
    map.insert(workspaceRoot, selection.id());
    settings.setValue(kSelections, map);
}

QString loadAgentChoice(QSettings& settings, const QString& workspaceRoot)
{
    return settings.value(kAgentChoices).toMap().value(workspaceRoot).toString();
}

void saveAgentChoice(QSettings& settings, const QString& workspaceRoot, const QString& agent)
{
    QVariantMap map = settings.value(kAgentChoices).toMap();
    map.insert(workspaceRoot, agent);
    settings.setValue(kAgentChoices, map);
}

} // namespace settings
} // namespace awb::ui
