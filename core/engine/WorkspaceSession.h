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
namespace llm {
class Pricing;
}

struct ProviderChoice
{
    QString provider; // empty: the agent's own; "replay" answers from a cassette
    QString model;
    QString baseUrl;
    bool stream = true;
    QString cassette; // --provider replay --cassette FILE
    QString record;   // --record FILE: write a cassette of every call
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
    // Keys come from the provider's environment variable when set, else from the keychain entry
    // "provider/<name>"; they are added to the redactor before anything is sent.
    Result<std::shared_ptr<llm::ModelProvider>> providerFor(const AgentDefinition& agent, const ProviderChoice& choice,
                                                            QString* modelName);
    std::shared_ptr<const llm::Pricing> pricing() const { return m_pricing; }

private:
    WorkspaceSession() = default;
    Result<std::shared_ptr<llm::ModelProvider>> httpProvider(const QString& provider, const QString& model,
                                                             const QString& baseUrl, bool stream);

    Workspace m_workspace;
    QString m_actor;
    std::shared_ptr<AuditTrail> m_audit;
    std::shared_ptr<Redactor> m_secrets;
    std::shared_ptr<Redactor> m_auditRedactor;
    std::unique_ptr<EffectLedger> m_effects;
    std::shared_ptr<const llm::Pricing> m_pricing;
    Journal* m_journal = nullptr; // child QObject
    ToolRegistry m_tools;
    QThreadPool m_pool;
};

} // namespace awb
