#pragma once
// A workspace database, journal, audit trail, effect ledger and tool pool in a temporary folder,
// with fake tools whose behaviour each test chooses. Runs use the scripted model.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

#include "engine/AgentRun.h"
#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "llm/ScriptedProvider.h"
#include "security/AuditTrail.h"
#include "security/Redactor.h"
#include "store/Migrations.h"
#include "store/Workspace.h"
#include "tools/ToolRegistry.h"

namespace awb::test {

// A tool whose execution is a function chosen by the test; counts its executions.
class FakeTool : public Tool
{
public:
    using Body = std::function<Result<Json>(const Json&, const ToolContext&)>;
    FakeTool(QString name, EffectClass effect, Body body, int timeoutMs = 5000)
        : m_name(std::move(name)), m_effect(effect), m_body(std::move(body)), m_timeoutMs(timeoutMs)
    {
    }
    QString name() const override { return m_name; }
    QString description() const override { return QStringLiteral("a fake tool for tests"); }
    Json inputSchema() const override
    {
        return Json::parse(R"({"type": "object", "properties": {"n": {"type": "integer", "minimum": 0},
                               "text": {"type": "string"}}, "additionalProperties": false})");
    }
    EffectClass effect() const override { return m_effect; }
    std::chrono::milliseconds timeout() const override { return std::chrono::milliseconds(m_timeoutMs); }
    Result<Json> execute(const Json& args, const ToolContext& ctx) const override
    {
        executions.fetch_add(1);
        return m_body(args, ctx);
    }
    mutable std::atomic<int> executions{0};

private:
    QString m_name;
    EffectClass m_effect;
    Body m_body;
    int m_timeoutMs;
};

struct EngineFixture
{
    QTemporaryDir dir;
    std::optional<Workspace> workspace;
    std::unique_ptr<Journal> journal;
    std::unique_ptr<EffectLedger> effects;
    ToolRegistry tools;
    QThreadPool pool;
    std::map<QString, std::shared_ptr<FakeTool>> fakes;

    bool open()
    {
        auto ws = Workspace::create(dir.path(), QStringLiteral("test"));
        if (!ws)
            return false;
        workspace = std::move(ws).value();
        return reopenJournal();
    }

    // A new journal over the same database: what a new process sees after a crash.
    bool reopenJournal()
    {
        journal.reset();
        auto db = store::openWorkspaceDatabase(workspace->databasePath());
        if (!db)
            return false;
        journal = std::make_unique<Journal>(std::move(db).value(), std::make_shared<AuditTrail>(QByteArray("test-key")),
                                            std::make_shared<Redactor>(), std::make_shared<Redactor>());
        auto ledger = EffectLedger::open(workspace->databasePath());
        if (!ledger)
            return false;
        effects = std::move(ledger).value();
        return true;
    }

    std::shared_ptr<FakeTool> addTool(const QString& name, FakeTool::Body body,
                                      EffectClass effect = EffectClass::Read, int timeoutMs = 5000)
    {
        auto tool = std::make_shared<FakeTool>(name, effect, std::move(body), timeoutMs);
        (void)tools.add(tool);
        fakes[name] = tool;
        return tool;
    }

    EngineContext context()
    {
        EngineContext c;
        c.workspace = &*workspace;
        c.journal = journal.get();
        c.tools = &tools;
        c.effects = effects.get();
        c.pool = &pool;
        c.actor = QStringLiteral("test:user");
        return c;
    }

    static AgentDefinition agent(const QStringList& toolNames, const QStringList& gated = {})
    {
        AgentDefinition a;
        a.name = QStringLiteral("test-agent");
        a.instructions = QStringLiteral("be precise");
        a.model.provider = QStringLiteral("scripted");
        a.model.name = QStringLiteral("scripted-test");
        for (const QString& t : toolNames)
            a.tools.push_back({t, gated.contains(t) ? ApprovalPolicy::Required : ApprovalPolicy::Never, {}});
        return a;
    }

    static std::shared_ptr<llm::ModelProvider> scripted(const char* scriptJson)
    {
        auto script = llm::Script::parse(Json::parse(scriptJson), QStringLiteral("test script"));
        return std::make_shared<llm::ScriptedProvider>(std::move(script).value());
    }

    // Runs until the run stops; returns the status it stopped with.
    static std::optional<RunStatus> waitStopped(AgentRun* run, int timeoutMs = 10000)
    {
        std::optional<RunStatus> status;
        QObject context;
        QObject::connect(run, &AgentRun::stopped, &context, [&status](RunStatus s) { status = s; });
        QSignalSpy spy(run, &AgentRun::stopped);
        if (!spy.wait(timeoutMs))
            return std::nullopt;
        return status;
    }
};

} // namespace awb::test
