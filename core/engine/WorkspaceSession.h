#pragma once
// Everything a front end needs to run agents in one workspace: the folder, its database and
// journal, the audit trail, the tool registry, the effect ledger and the tool thread pool.
// Lives on the thread that runs the engine (the main thread in `awb` and the GUI); the GUI opens
// it on a worker thread (all disk and database work) and then moves it to that thread.

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

#include "agent/AgentDefinition.h"
#include "engine/AgentRun.h"
#include "security/AuditKey.h"
#include "store/Workspace.h"
#include "tools/ToolRegistry.h"

namespace awb {

class AuditAnchorKeeper;
class AuditTrail;
class EffectLedger;
class Journal;
class Redactor;
namespace llm {
class Pricing;
}

// One model endpoint of an explicit choice, e.g. a fallback of a GUI provider profile.
struct ProviderEndpoint
{
    QString provider;
    QString model;
    QString baseUrl;
    QString keyEntry; // keychain entry of its key; empty: "provider/<provider>"
};

struct ProviderChoice
{
    QString provider; // empty: the agent's own; "replay" answers from a cassette
    QString model;
    QString baseUrl;
    bool stream = true;
    QString cassette; // --provider replay --cassette FILE
    QString record;   // --record FILE: write a cassette of every call
    // A GUI profile's key: its keychain entry wins over the environment, and a provider that
    // needs a key fails before the run when neither has one (code "missing_key").
    QString keyEntry;
    std::optional<std::vector<ProviderEndpoint>> fallbacks; // set: replaces model.fallbacks
};

// A provider built by prepareProvider(), not yet registered with the session.
struct PreparedProvider
{
    std::shared_ptr<llm::ModelProvider> provider;
    QString model;
    QStringList secrets; // the keys it sends, for adopt() to redact
};

class WorkspaceSession : public QObject
{
    Q_OBJECT
public:
    // auditKey: the resolved key (security/AuditKey.h); secrets: values to redact everywhere
    // (API keys, passwords) in addition to the audit key; keySource: where the key came from, for
    // messages. Refuses a database that is read-only, fails SQLite's quick check, or holds a trail
    // signed with another key: each says what to do.
    static Result<std::unique_ptr<WorkspaceSession>>
    open(const QString& dir, const QByteArray& auditKey, const QString& actor,
         const QStringList& secrets = {}, const QString& keySource = {});
    // The same with the workspace's own audit key (AuditKey::resolve: AWB_AUDIT_KEY, else the
    // keychain, made there for a workspace without a trail), as both front ends open workspaces.
    // Blocks on the keychain and the disk: not for the GUI thread.
    static Result<std::unique_ptr<WorkspaceSession>>
    openWithAuditKey(const QString& dir, const QString& actor, const QStringList& secrets,
                     KeySource* keySource = nullptr);
    ~WorkspaceSession() override;

    const Workspace& workspace() const { return m_workspace; }
    Journal& journal() { return *m_journal; }
    const ToolRegistry& tools() const { return m_tools; }
    const AuditTrail& auditTrail() const { return *m_audit; }
    AuditAnchorKeeper& anchorKeeper() { return *m_anchor; }
    EffectJournal& effects();
    EngineContext context();
    const QString& actor() const { return m_actor; }

    Result<AgentDefinition> loadAgent(const QString& nameOrPath) const;
    // The model provider for an agent, or for an explicit choice (--provider/--model/--base-url).
    // Keys come from the provider's environment variable when set, else from the keychain entry
    // "provider/<name>"; they are added to the redactor before anything is sent.
    Result<std::shared_ptr<llm::ModelProvider>>
    providerFor(const AgentDefinition& agent, const ProviderChoice& choice, QString* modelName);
    // providerFor() in two halves, for front ends that must not block their thread: prepare does
    // the blocking reads (model script, cassette, keychain) and changes nothing in the session, so
    // it may run on a worker thread while the session lives; adopt, on the session's thread,
    // registers the keys for redaction before the provider is used.
    Result<PreparedProvider> prepareProvider(const AgentDefinition& agent,
                                             const ProviderChoice& choice) const;
    std::shared_ptr<llm::ModelProvider> adopt(PreparedProvider prepared);
    std::shared_ptr<const llm::Pricing> pricing() const { return m_pricing; }

private:
    WorkspaceSession() = default;
    Result<std::shared_ptr<llm::ModelProvider>>
    httpProvider(const ProviderEndpoint& endpoint, bool stream, QStringList* secrets) const;

    Workspace m_workspace;
    QString m_actor;
    std::shared_ptr<AuditTrail> m_audit;
    std::shared_ptr<AuditAnchorKeeper> m_anchor; // shared with the journal, which outlives members
    std::shared_ptr<Redactor> m_secrets;
    std::shared_ptr<Redactor> m_auditRedactor;
    std::unique_ptr<EffectLedger> m_effects;
    std::shared_ptr<const llm::Pricing> m_pricing;
    Journal* m_journal = nullptr; // child QObject
    ToolRegistry m_tools;
    QThreadPool m_pool;
};

} // namespace awb
