#include "engine/WorkspaceSession.h"

#include <QDir>
#include <QFileInfo>

#include "engine/BuiltinTools.h"
#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "llm/Cassette.h"
#include "llm/FallbackProvider.h"
#include "llm/Pricing.h"
#include "llm/ScriptedProvider.h"
#include "llm/WireProtocol.h"
#include "llm/transport/HttpProvider.h"
#include "security/AuditAnchor.h"
#include "security/AuditKey.h"
#include "security/AuditTrail.h"
#include "security/Keychain.h"
#include "security/Redactor.h"
#include "store/Migrations.h"
#include "util/RegularFile.h"

namespace awb {

Result<std::unique_ptr<WorkspaceSession>>
WorkspaceSession::open(const QString& dir, const QByteArray& auditKey, const QString& actor,
                       const QStringList& secrets, const QString& keySource)
{
    auto ws = Workspace::open(dir);
    if (!ws)
        return ws.error();
    const QString dbPath = ws->databasePath();
    auto db = store::openWorkspaceDatabase(dbPath);
    if (!db)
        return Error::make(
            QStringLiteral("%1 %2").arg(db.errorMessage(), sql::adviceFor(db.error(), dbPath)),
            db.error().code);
    // A store that cannot take the journal, or that is damaged, runs nothing: a run would go on
    // appending to it (and send its email) while its record is lost or unverifiable.
    if (db->isReadOnly())
        return Error::make(
            QStringLiteral(
                "the workspace database %1 can only be read, so no run could be recorded. %2")
                .arg(dbPath, sql::adviceFor(Error::make({}, QStringLiteral("read_only")), dbPath)),
            QStringLiteral("read_only"));
    if (Status check = db->quickCheck(); !check)
        return Error::make(
            QStringLiteral(
                "%1; nothing was run. Find out what is damaged with `awb store check --workspace "
                "%2`, and save what can be read with `awb store salvage --workspace %2` "
                "(docs/store-recovery.md).")
                .arg(check.errorMessage(), ws->root()),
            check.error().code);
    std::unique_ptr<WorkspaceSession> s(new WorkspaceSession());
    s->m_workspace = std::move(ws).value();
    s->m_actor = actor;
    s->m_audit = std::make_shared<AuditTrail>(auditKey);
    if (Status bound = s->m_audit->bindKey(
            *db, keySource.isEmpty() ? QStringLiteral("the key given") : keySource);
        !bound)
        return bound.error();
    s->m_secrets = std::make_shared<Redactor>();
    s->m_auditRedactor = std::make_shared<Redactor>();
    for (const QString& secret : secrets + QStringList{QString::fromUtf8(auditKey)}) {
        s->m_secrets->addSecret(secret);
        s->m_auditRedactor->addSecret(secret);
    }
    if (Status st = s->m_auditRedactor->addPatterns(s->m_workspace.settings().redactPatterns); !st)
        return Error::make(QStringLiteral("%1/workspace.json: redaction: %2").arg(s->m_workspace.root(), st.errorMessage()),
                           QStringLiteral("invalid_workspace"));
    auto effects = EffectLedger::open(s->m_workspace.databasePath());
    if (!effects)
        return effects.error();
    s->m_effects = std::move(effects).value();
    s->m_journal = new Journal(std::move(db).value(), s->m_audit, s->m_secrets, s->m_auditRedactor, s.get());
    s->m_anchor =
        std::make_shared<AuditAnchorKeeper>(s->m_workspace.id(), s->m_audit->keyFingerprint());
    s->m_journal->setAnchorKeeper(s->m_anchor);
    // The shipped pricing table, with the workspace's own prices (pricing.json) over it, read
    // like every workspace file (a link, a pipe or an oversized file is refused).
    auto pricing = llm::Pricing::load();
    if (!pricing)
        return pricing.error();
    const QString overlay = QStringLiteral("pricing.json");
    if (auto text = s->m_workspace.files().read(overlay, llm::Pricing::kMaxFileBytes)) {
        const QString origin = QDir(s->m_workspace.root()).filePath(overlay);
        auto json = parseJson(*text);
        if (!json)
            return Error::make(QStringLiteral("%1: %2").arg(origin, json.errorMessage()),
                               QStringLiteral("invalid_pricing"));
        if (Status st = pricing->overlay(*json, origin); !st)
            return st.error();
    } else if (text.error().code != QLatin1String("not_found")) {
        return Error::make(
            QStringLiteral("cannot read the workspace's prices: %1").arg(text.errorMessage()),
            text.error().code);
    }
    s->m_pricing = std::make_shared<const llm::Pricing>(std::move(pricing).value());
    if (Status st = registerBuiltinTools(s->m_tools); !st)
        return st.error();
    s->m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    return s;
}

Result<std::unique_ptr<WorkspaceSession>>
WorkspaceSession::openWithAuditKey(const QString& dir, const QString& actor,
                                   const QStringList& secrets, KeySource* keySource)
{
    auto ws = Workspace::open(dir);
    if (!ws)
        return ws.error();
    auto key = AuditKey::resolve(ws->root());
    if (!key)
        return key.error();
    if (keySource)
        *keySource = key->source;
    const QString source =
        key->source == KeySource::Environment
            ? QStringLiteral("AWB_AUDIT_KEY")
            : QStringLiteral("the keychain entry \"%1\"").arg(AuditKey::keychainEntry(ws->root()));
    return open(ws->root(), key->key, actor, secrets, source);
}

WorkspaceSession::~WorkspaceSession()
{
    m_pool.waitForDone(5000);
}

EffectJournal& WorkspaceSession::effects()
{
    return *m_effects;
}

EngineContext WorkspaceSession::context()
{
    EngineContext c;
    c.workspace = &m_workspace;
    c.journal = m_journal;
    c.tools = &m_tools;
    c.effects = m_effects.get();
    c.pool = &m_pool;
    c.actor = m_actor;
    c.pricing = m_pricing;
    return c;
}

Result<AgentDefinition> WorkspaceSession::loadAgent(const QString& nameOrPath) const
{
    auto file = findAgentFile(m_workspace.root(), nameOrPath);
    if (!file)
        return file.error();
    auto agent = AgentDefinition::load(m_workspace.files(), *file);
    if (!agent)
        return agent.error();
    for (const AgentTool& t : agent->tools) {
        if (!m_tools.find(t.name))
            return Error::make(QStringLiteral("%1: tool \"%2\" is not available (available: %3)")
                                   .arg(*file, t.name, m_tools.names().join(QStringLiteral(", "))),
                               QStringLiteral("invalid_agent"));
    }
    return agent;
}

namespace {
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
} // namespace

Result<std::shared_ptr<llm::ModelProvider>> WorkspaceSession::httpProvider(const ProviderEndpoint& endpoint, bool stream,
                                                                           QStringList* secrets) const
{
    const QString& provider = endpoint.provider;
    auto protocol = llm::protocolFor(provider);
    if (!protocol)
        return Error::make(QStringLiteral("unknown provider \"%1\" (known: scripted, replay, %2)")
                               .arg(provider, llm::knownProviders().join(QStringLiteral(", "))),
                           QStringLiteral("unknown_provider"));
    llm::ProviderConfig config;
    config.provider = provider;
    config.model = endpoint.model;
    config.baseUrl = endpoint.baseUrl.isEmpty() ? defaultBaseUrl(provider) : endpoint.baseUrl;
    config.stream = stream;
    if (config.baseUrl.isEmpty())
        return Error::make(QStringLiteral("provider %1 needs a base URL (--base-url, or model.base_url in the agent file), "
                                          "e.g. http://localhost:8080/v1")
                               .arg(provider),
                           QStringLiteral("invalid_config"));
    if (config.model.isEmpty())
        return Error::make(QStringLiteral("provider %1 needs a model name (--model, or model.name in the agent file)").arg(provider),
                           QStringLiteral("invalid_config"));
    const QString variable = protocol->keyEnvironmentVariable();
    const QString environmentKey = variable.isEmpty() ? QString() : qEnvironmentVariable(variable.toLatin1().constData());
    if (endpoint.keyEntry.isEmpty()) {
        // The environment wins (scripts and CI say so explicitly); otherwise the keychain.
        config.apiKey = environmentKey;
        if (config.apiKey.isEmpty()) {
            auto stored = Keychain::read(QStringLiteral("provider/") + provider);
            if (stored && stored->has_value())
                config.apiKey = **stored;
        }
    } else {
        // A profile's own key was chosen explicitly: it wins, and its absence is said before the run.
        auto stored = Keychain::read(endpoint.keyEntry);
        if (!stored)
            return Error::make(QStringLiteral("the key of %1 could not be read from the keychain entry \"%2\": %3")
                                   .arg(provider, endpoint.keyEntry, stored.errorMessage()),
                               stored.error().code);
        config.apiKey = stored->value_or(environmentKey);
        if (config.apiKey.isEmpty() && !variable.isEmpty())
            return Error::make(QStringLiteral("no key stored in the keychain entry \"%1\" (and %2 is not set)")
                                   .arg(endpoint.keyEntry, variable),
                               QStringLiteral("missing_key"));
    }
    if (!config.apiKey.isEmpty())
        secrets->append(config.apiKey);
    llm::HttpOptions options;
    options.pricing = m_pricing;
    return std::shared_ptr<llm::ModelProvider>(std::make_shared<llm::HttpProvider>(protocol, config, options));
}

Result<std::shared_ptr<llm::ModelProvider>> WorkspaceSession::providerFor(const AgentDefinition& agent,
                                                                         const ProviderChoice& choice,
                                                                         QString* modelName)
{
    auto prepared = prepareProvider(agent, choice);
    if (!prepared)
        return prepared.error();
    *modelName = prepared->model;
    return adopt(std::move(prepared).value());
}

std::shared_ptr<llm::ModelProvider> WorkspaceSession::adopt(PreparedProvider prepared)
{
    for (const QString& secret : prepared.secrets) {
        m_secrets->addSecret(secret);
        m_auditRedactor->addSecret(secret);
    }
    return std::move(prepared.provider);
}

Result<PreparedProvider> WorkspaceSession::prepareProvider(const AgentDefinition& agent,
                                                           const ProviderChoice& choice) const
{
    const QString provider = choice.provider.isEmpty() ? agent.model.provider : choice.provider;
    PreparedProvider out;
    QString* modelName = &out.model;
    std::shared_ptr<llm::ModelProvider> result;
    if (provider == QLatin1String("replay")) {
        if (choice.cassette.isEmpty())
            return Error::make(QStringLiteral("--provider replay needs --cassette FILE"), QStringLiteral("usage"));
        auto cassette = llm::Cassette::load(choice.cassette);
        if (!cassette)
            return cassette.error();
        *modelName = !choice.model.isEmpty() ? choice.model : agent.model.name;
        result = std::make_shared<llm::ReplayProvider>(std::move(cassette).value());
    } else if (provider == QLatin1String("scripted")) {
        const QString scriptPath = agent.scriptPath();
        if (scriptPath.isEmpty())
            return Error::make(QStringLiteral("agent %1 has no model script for the scripted provider (model.script in %2)")
                                   .arg(agent.name, agent.filePath),
                               QStringLiteral("invalid_agent"));
        // A script named by one of the workspace's agents is the workspace's file: read beneath it
        // (no link, nothing outside it, not the store). An agent file a person named outside the
        // workspace names its script with the same trust.
        const WorkspaceFiles& files = m_workspace.files();
        auto text = files.contains(agent.filePath)
                        ? files.read(scriptPath, llm::Script::kMaxFileBytes)
                        : readRegularFile(scriptPath, llm::Script::kMaxFileBytes);
        if (!text)
            return Error::make(QStringLiteral("%1: cannot read the model script (model.script): %2")
                                   .arg(agent.filePath, text.errorMessage()),
                               text.error().code);
        auto script = llm::Script::fromText(*text, scriptPath);
        if (!script)
            return script.error();
        *modelName = !choice.model.isEmpty() ? choice.model : !agent.model.name.isEmpty() ? agent.model.name : script->model;
        result = std::make_shared<llm::ScriptedProvider>(std::move(script).value());
    } else {
        // An explicit provider keeps the agent's model and URL only when it is the agent's own provider.
        const bool own = provider == agent.model.provider;
        *modelName = !choice.model.isEmpty() ? choice.model : own ? agent.model.name : QString();
        const QString baseUrl = !choice.baseUrl.isEmpty() ? choice.baseUrl : own ? agent.model.baseUrl : QString();
        auto primary = httpProvider({provider, *modelName, baseUrl, choice.keyEntry}, choice.stream, &out.secrets);
        if (!primary)
            return primary.error();
        result = *primary;
        std::vector<ProviderEndpoint> fallbacks;
        if (choice.fallbacks) {
            fallbacks = *choice.fallbacks;
        } else {
            for (const ModelChoice& f : agent.fallbacks)
                fallbacks.push_back({f.provider, f.name, f.baseUrl, {}});
        }
        if (!fallbacks.empty()) {
            std::vector<llm::FallbackProvider::Entry> chain{{provider + QLatin1Char('/') + *modelName, result}};
            for (const ProviderEndpoint& f : fallbacks) {
                auto next = httpProvider(f, choice.stream, &out.secrets);
                if (!next)
                    return Error::make(QStringLiteral("%1: fallback %2: %3")
                                           .arg(choice.fallbacks ? QStringLiteral("the chosen provider") : agent.filePath,
                                                f.provider, next.errorMessage()),
                                       next.error().code);
                chain.push_back({f.provider + QLatin1Char('/') + f.model, *next});
            }
            result = std::make_shared<llm::FallbackProvider>(std::move(chain));
        }
    }
    if (!choice.record.isEmpty()) {
        // A new file in an existing folder, or a cassette to go on recording into: a device, a
        // pipe, an oversized file or one that is no cassette is refused now, not when the first
        // call is recorded.
        if (Status target = llm::RecordingProvider::checkTarget(choice.record); !target)
            return target.error();
        auto redactor = m_secrets;
        result = std::make_shared<llm::RecordingProvider>(result, choice.record,
                                                          [redactor](const Json& j) { return redactor->redact(j); });
    }
    out.provider = std::move(result);
    return out;
}

} // namespace awb
