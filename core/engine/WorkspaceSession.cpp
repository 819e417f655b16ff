#include "engine/WorkspaceSession.h"

#include "engine/BuiltinTools.h"
#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "llm/ScriptedProvider.h"
#include "security/AuditTrail.h"
#include "security/Redactor.h"
#include "store/Migrations.h"

namespace awb {

Result<std::unique_ptr<WorkspaceSession>> WorkspaceSession::open(const QString& dir, const QByteArray& auditKey,
                                                                 const QString& actor, const QStringList& secrets)
{
    auto ws = Workspace::open(dir);
    if (!ws)
        return ws.error();
    auto db = store::openWorkspaceDatabase(ws->databasePath());
    if (!db)
        return db.error();
    std::unique_ptr<WorkspaceSession> s(new WorkspaceSession());
    s->m_workspace = std::move(ws).value();
    s->m_actor = actor;
    s->m_audit = std::make_shared<AuditTrail>(auditKey);
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
    if (Status st = registerBuiltinTools(s->m_tools); !st)
        return st.error();
    s->m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    return s;
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
    return c;
}

Result<AgentDefinition> WorkspaceSession::loadAgent(const QString& nameOrPath) const
{
    auto file = findAgentFile(m_workspace.root(), nameOrPath);
    if (!file)
        return file.error();
    auto agent = AgentDefinition::load(*file);
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

Result<std::shared_ptr<llm::ModelProvider>> WorkspaceSession::providerFor(const AgentDefinition& agent,
                                                                         const ProviderChoice& choice,
                                                                         QString* modelName) const
{
    const QString provider = choice.provider.isEmpty() ? agent.model.provider : choice.provider;
    if (provider == QLatin1String("scripted")) {
        const QString scriptPath = agent.scriptPath();
        if (scriptPath.isEmpty())
            return Error::make(QStringLiteral("agent %1 has no model script for the scripted provider (model.script in %2)")
                                   .arg(agent.name, agent.filePath),
                               QStringLiteral("invalid_agent"));
        auto script = llm::Script::load(scriptPath);
        if (!script)
            return script.error();
        *modelName = !choice.model.isEmpty() ? choice.model : !agent.model.name.isEmpty() ? agent.model.name : script->model;
        return std::shared_ptr<llm::ModelProvider>(std::make_shared<llm::ScriptedProvider>(std::move(script).value()));
    }
    return Error::make(QStringLiteral("provider \"%1\" is not available in this build (available: scripted)").arg(provider),
                       QStringLiteral("unknown_provider"));
}

} // namespace awb
