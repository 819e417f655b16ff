#pragma once
// Which model the GUI's runs talk to: the demo's scripted model, the agent file's own model, or a
// provider profile saved in Settings. Turns a profile into the engine's ProviderChoice (endpoint,
// model, keychain entry, fallbacks); the engine builds the provider from it as it does for `awb`.

#include <QSettings>
#include <QString>

#include <vector>

#include "engine/WorkspaceSession.h"
#include "settings/SettingsStore.h"
#include "util/Result.h"

namespace awb::ui {

struct ProviderSelection
{
    enum class Kind
    {
        Scripted,  // the deterministic model double of the demo
        AgentFile, // model.provider of the agent file
        Profile,   // a profile of Settings > Providers
    };
    Kind kind = Kind::Scripted;
    QString profile; // Kind::Profile

    static ProviderSelection scripted() { return {}; }
    static ProviderSelection agentFile() { return {Kind::AgentFile, {}}; }
    static ProviderSelection ofProfile(const QString& name) { return {Kind::Profile, name}; }

    // "scripted", "agent" or "profile:<name>": how the choice is remembered.
    QString id() const;
    static ProviderSelection fromId(const QString& id);
    bool operator==(const ProviderSelection&) const = default;
};

// The engine's choice for a selection. A profile brings its endpoint, model, keychain entry
// ("provider/<profile>") and its fallback profiles in order; unknown profiles are an error that
// says where to create them.
Result<ProviderChoice> providerChoiceFor(const ProviderSelection& selection,
                                         const std::vector<ProviderProfile>& profiles);

namespace settings {
// The selection remembered for a workspace (scripted when none was).
ProviderSelection loadProviderSelection(QSettings& settings, const QString& workspaceRoot);
void saveProviderSelection(QSettings& settings, const QString& workspaceRoot,
                           const ProviderSelection& selection);
// The agent last picked in a workspace (empty when none was).
QString loadAgentChoice(QSettings& settings, const QString& workspaceRoot);
void saveAgentChoice(QSettings& settings, const QString& workspaceRoot, const QString& agent);
} // namespace settings

} // namespace awb::ui
