#pragma once
// Where the Settings dialog keeps things. Provider profiles and budget defaults live in QSettings
// (never a key: keys go to the keychain entry "provider/<profile>"); SMTP settings live in the
// workspace's workspace.json (its password in the keychain entry "smtp/<user>@<host>").

#include <QSettings>
#include <QString>
#include <QStringList>

#include <vector>

#include "store/Workspace.h"
#include "util/Result.h"

namespace awb::ui {

struct ProviderProfile
{
    QString
        name; // also the keychain entry "provider/<name>"; the engine reads "provider/<provider>"
    QString provider; // one of llm::knownProviders()
    QString baseUrl;  // empty: the provider's default endpoint
    QString model;
    QString region;        // free text, e.g. "eu-west-1"; stored for data-residency policies
    QStringList fallbacks; // names of other profiles, tried in order

    QString keyEntry() const { return QStringLiteral("provider/") + name; }
    bool operator==(const ProviderProfile&) const = default;
};

// Budgets a new agent starts with (the agent file's "budgets").
struct BudgetDefaults
{
    int maxSteps = 50;
    qint64 maxTokens = 1'000'000;
    QString maxCostUsd =
        QStringLiteral("10.00"); // a decimal string: money never goes through double
    int maxWallSeconds = 1800;
    int maxParallelTools = 4;

    bool operator==(const BudgetDefaults&) const = default;
};

namespace settings {

// QSettings reads its files itself, whole and without a limit, and would wait forever on a named
// pipe; the GUI calls this before its first QSettings. Fails for the first file QSettings reads
// (the user's and the system's, for the application and the organization) that exists and is
// not a regular file of at most kMaxSettingsFileBytes.
inline constexpr qint64 kMaxSettingsFileBytes = 1 << 20;
Status checkSettingsFiles();

std::vector<ProviderProfile> loadProfiles(QSettings& settings);
void saveProfiles(QSettings& settings, const std::vector<ProviderProfile>& profiles);
// Names the first profile with an empty or duplicate name, an unknown provider or an unknown
// fallback.
Status checkProfiles(const std::vector<ProviderProfile>& profiles);

BudgetDefaults loadBudgets(QSettings& settings);
void saveBudgets(QSettings& settings, const BudgetDefaults& budgets);
Status checkBudgets(const BudgetDefaults& budgets);

// The provider's default endpoint, shown as a placeholder ("" when it has none).
QString defaultBaseUrl(const QString& provider);

// "smtp/<user>@<host>", or empty when the username or the server is missing.
QString smtpKeyEntry(const SmtpSettings& smtp);
// Replaces the "smtp" member of DIR/workspace.json, keeping every other member, in one atomic
// write (WorkspaceFiles: never through a link). Blocking file work: call it on a worker thread.
Status writeSmtpSettings(const QString& workspaceRoot, const SmtpSettings& smtp);

} // namespace settings
} // namespace awb::ui
