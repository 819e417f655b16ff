#pragma once
// Everything a front end needs to run agents in one workspace: the folder, its database and
// journal, the audit trail, the tool registry, the effect ledger and the tool thread pool.
// Lives on the thread that runs the engine (the main thread in `awb` and the GUI).

#include <QObject>
#include <QThreadPool>

#include <memory>

#include "agent/AgentDefinition.h"
#include "engine/AgentRun.h"
#include "store/Workspace.h"
#include "tools/ToolRegistry.h"

namespace awb {

class AuditTrail;
class EffectLedger;
class Journal;
class Redactor;

struct ProviderChoice
{
    QString provider; // empty: the agent's own
    QString model;
    QString baseUrl;
};

class WorkspaceSession : public QObject
{
    Q_OBJECT
public:
    // auditKey: the resolved key (security/AuditKey.h); secrets: values to redact everywhere
    // (API keys, passwords) in addition to the audit key.
    static Result<std::unique_ptr<WorkspaceSession>> open(const QString& dir, const QByteArray& auditKey,
                                                          const QString& actor,
                                                          const QStringList& secrets = {});
    ~WorkspaceSession() override;

    const Workspace& workspace() const { return m_workspace; }
    Journal& journal() { return *m_journal; }
    const ToolRegistry& tools() const { return m_tools; }
    const AuditTrail& auditTrail() const { return *m_audit; }
    EffectJournal& effects();
    EngineContext context();
    const QString& actor() const { return m_actor; }

    Result<AgentDefinition> loadAgent(const QString& nameOrPath) const;
    // The model provider for an agent, or for an explicit choice (--provider/--model/--base-url).
    Result<std::shared_ptr<llm::ModelProvider>> providerFor(const AgentDefinition& agent, const ProviderChoice& choice,
                                                            QString* modelName) const;

private:
    WorkspaceSession() = default;

    Workspace m_workspace;
    QString m_actor;
    std::shared_ptr<AuditTrail> m_audit;
    std::shared_ptr<Redactor> m_secrets;
    std::shared_ptr<Redactor> m_auditRedactor;
    std::unique_ptr<EffectLedger> m_effects;
    Journal* m_journal = nullptr; // child QObject
    ToolRegistry m_tools;
    QThreadPool m_pool;
};

} // namespace awb
