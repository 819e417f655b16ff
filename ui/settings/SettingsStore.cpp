#include "settings/SettingsStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

#include <set>

#include "llm/WireProtocol.h"
#include "util/Decimal.h"
#include "util/RegularFile.h"

namespace awb::ui::settings {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("awb::ui::settings", text);
}

const QString kProfiles = QStringLiteral("providers/profiles");
const QString kBudgets = QStringLiteral("budgets");
} // namespace

Status checkSettingsFiles()
{
    // Where QSettings keeps the native (INI) format on Linux: CONFIG/ORG/APP.conf and
    // CONFIG/ORG.conf, for the user's and then the system's configuration folders.
    const QString org = QCoreApplication::organizationName();
    const QString app = QCoreApplication::applicationName();
    for (const QString& dir :
         QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation)) {
        for (const QString& name : {org + QLatin1Char('/') + app + QStringLiteral(".conf"),
                                    org + QStringLiteral(".conf")}) {
            const QString path = dir + QLatin1Char('/') + name;
            Status s = checkRegularFile(path, kMaxSettingsFileBytes);
            if (!s && s.error().code != QLatin1String("not_found"))
                return Error::make(tr("The settings file cannot be read: %1. Remove or replace it, "
                                      "then start Agent Workbench again.")
                                       .arg(s.errorMessage()),
                                   s.error().code);
        }
    }
    return {};
}

std::vector<ProviderProfile> loadProfiles(QSettings& settings)
{
    std::vector<ProviderProfile> out;
    const int n = settings.beginReadArray(kProfiles);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        ProviderProfile p;
        p.name = settings.value(QStringLiteral("name")).toString();
        p.provider = settings.value(QStringLiteral("provider")).toString();
        p.baseUrl = settings.value(QStringLiteral("base_url")).toString();
        p.model = settings.value(QStringLiteral("model")).toString();
        p.region = settings.value(QStringLiteral("region")).toString();
        p.fallbacks = settings.value(QStringLiteral("fallbacks")).toStringList();
        if (!p.name.isEmpty())
            out.push_back(p);
    }
    settings.endArray();
    return out;
}

void saveProfiles(QSettings& settings, const std::vector<ProviderProfile>& profiles)
{
    settings.remove(kProfiles);
    settings.beginWriteArray(kProfiles, int(profiles.size()));
    for (int i = 0; i < int(profiles.size()); ++i) {
        const ProviderProfile& p = profiles[size_t(i)];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("provider"), p.provider);
        settings.setValue(QStringLiteral("base_url"), p.baseUrl);
        settings.setValue(QStringLiteral("model"), p.model);
        settings.setValue(QStringLiteral("region"), p.region);
        settings.setValue(QStringLiteral("fallbacks"), p.fallbacks);
    }
    settings.endArray();
}

Status checkProfiles(const std::vector<ProviderProfile>& profiles)
{
    std::set<QString> names;
    for (const ProviderProfile& p : profiles) {
        if (p.name.trimmed().isEmpty())
            return Error::make(tr("A provider profile has no name: give each profile a name."),
                               QStringLiteral("invalid_settings"));
        if (!names.insert(p.name).second)
            return Error::make(
                tr("Two provider profiles are called \"%1\": names must be unique.").arg(p.name),
                QStringLiteral("invalid_settings"));
        if (!llm::knownProviders().contains(p.provider))
            return Error::make(
                tr("Profile \"%1\": unknown provider \"%2\".").arg(p.name, p.provider),
                QStringLiteral("invalid_settings"));
        if (!p.baseUrl.isEmpty()) {
            const QUrl url(p.baseUrl, QUrl::StrictMode);
            if (!url.isValid() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
                url.host().isEmpty())
                return Error::make(
                    tr("Profile \"%1\": the endpoint \"%2\" is not an http(s) URL, e.g. "
                       "https://api.openai.com/v1.")
                        .arg(p.name, p.baseUrl),
                    QStringLiteral("invalid_settings"));
        }
    }
    for (const ProviderProfile& p : profiles) {
        for (const QString& f : p.fallbacks) {
            if (f == p.name || !names.count(f))
                return Error::make(tr("Profile \"%1\": the fallback \"%2\" is not another profile.")
                                       .arg(p.name, f),
                                   QStringLiteral("invalid_settings"));
        }
    }
    return {};
}

BudgetDefaults loadBudgets(QSettings& settings)
{
    BudgetDefaults b;
    settings.beginGroup(kBudgets);
    b.maxSteps = settings.value(QStringLiteral("max_steps"), b.maxSteps).toInt();
    b.maxTokens = settings.value(QStringLiteral("max_tokens"), b.maxTokens).toLongLong();
    b.maxCostUsd = settings.value(QStringLiteral("max_cost_usd"), b.maxCostUsd).toString();
    b.maxWallSeconds = settings.value(QStringLiteral("max_wall_seconds"), b.maxWallSeconds).toInt();
    b.maxParallelTools =
        settings.value(QStringLiteral("max_parallel_tools"), b.maxParallelTools).toInt();
    settings.endGroup();
    return b;
}

void saveBudgets(QSettings& settings, const BudgetDefaults& b)
{
    settings.beginGroup(kBudgets);
    settings.setValue(QStringLiteral("max_steps"), b.maxSteps);
    settings.setValue(QStringLiteral("max_tokens"), b.maxTokens);
    settings.setValue(QStringLiteral("max_cost_usd"), b.maxCostUsd);
    settings.setValue(QStringLiteral("max_wall_seconds"), b.maxWallSeconds);
    settings.setValue(QStringLiteral("max_parallel_tools"), b.maxParallelTools);
    settings.endGroup();
}

Status checkBudgets(const BudgetDefaults& b)
{
    const auto cost = Decimal::parse(b.maxCostUsd);
    if (!cost || *cost <= Decimal())
        return Error::make(
            tr("The cost budget \"%1\" is not a positive amount in US dollars, e.g. 10.00.")
                .arg(b.maxCostUsd),
            QStringLiteral("invalid_settings"));
    if (b.maxSteps < 1 || b.maxTokens < 1 || b.maxWallSeconds < 1 || b.maxParallelTools < 1)
        return Error::make(tr("Budgets must be at least 1."), QStringLiteral("invalid_settings"));
    return {};
}

QString defaultBaseUrl(const QString& provider)
{
    if (provider == QLatin1String("openai") || provider == QLatin1String("openai-responses"))
        return QStringLiteral("https://api.openai.com/v1");
    if (provider == QLatin1String("anthropic"))
        return QStringLiteral("https://api.anthropic.com");
    if (provider == QLatin1String("gemini"))
        return QStringLiteral("https://generativelanguage.googleapis.com");
    if (provider == QLatin1String("ollama"))
        return QStringLiteral("http://localhost:11434");
    return {};
}

QString smtpKeyEntry(const SmtpSettings& smtp)
{
    const QString host = QUrl(smtp.url).host();
    if (smtp.username.isEmpty() || host.isEmpty())
        return {};
    return QStringLiteral("smtp/") + smtp.username + QLatin1Char('@') + host;
}

Status writeSmtpSettings(const QString& workspaceRoot, const SmtpSettings& smtp)
{
    const QString file = QStringLiteral("workspace.json");
    const QString path = QDir(workspaceRoot).filePath(file);
    // As the engine reads and writes it: beneath the workspace folder, never through a link.
    auto files = WorkspaceFiles::open(workspaceRoot);
    if (!files)
        return files.error();
    auto text = files->read(file, Workspace::kSettingsMaxBytes);
    if (!text)
        return Error::make(tr("Cannot read the workspace settings: %1").arg(text.errorMessage()),
                           text.error().code);
    auto json = parseJson(*text);
    if (!json)
        return Error::make(
            tr("%1 is not valid JSON (%2): fix it by hand before changing settings here.")
                .arg(path, json.errorMessage()),
            QStringLiteral("invalid_workspace"));
    if (!json->is_object())
        return Error::make(tr("%1 must hold a JSON object.").arg(path),
                           QStringLiteral("invalid_workspace"));
    Json section = json->value("smtp", Json::object());
    if (!section.is_object())
        section = Json::object();
    const auto put = [&section](const char* key, const QString& value) {
        if (value.isEmpty())
            section.erase(key);
        else
            section[key] = toStd(value);
    };
    put("url", smtp.url);
    put("from", smtp.from);
    put("username", smtp.username);
    section.erase("password"); // never in a file
    if (section.empty())
        json->erase("smtp");
    else
        (*json)["smtp"] = section;
    if (Status s = files->write(file, QByteArray::fromStdString(json->dump(2) + "\n")); !s)
        return Error::make(tr("Cannot write the workspace settings: %1").arg(s.errorMessage()),
                           s.error().code);
    return {};
}

} // namespace awb::ui::settings
