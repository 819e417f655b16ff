#pragma once
// Shared set-up for the benchmarks: a main that owns the one QCoreApplication of the process, and
// an engine wired the way WorkspaceSession wires it (WAL database, journal, keyed audit trail,
// redactors, effect ledger, tool pool) but with a tool registry the benchmark fills itself.

#include <QCoreApplication>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/AgentRun.h"
#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "security/AuditTrail.h"
#include "security/Redactor.h"
#include "store/Migrations.h"
#include "store/Workspace.h"
#include "tools/ToolRegistry.h"

namespace awb::bench {

// A 32-byte key, like the one the keychain generates; it is also redacted, as in production.
inline QByteArray auditKey()
{
    return QByteArrayLiteral("bench-audit-key-0123456789abcdef");
}

// The cheapest possible tool, so that what is measured is the engine around it.
class NoopTool : public Tool
{
public:
    QString name() const override { return QStringLiteral("noop"); }
    QString description() const override { return QStringLiteral("does nothing and says ok"); }
    Json inputSchema() const override
    {
        return Json{
            {"type", "object"}, {"properties", Json::object()}, {"additionalProperties", false}};
    }
    EffectClass effect() const override { return EffectClass::Read; }
    Result<Json> execute(const Json&, const ToolContext&) const override
    {
        return Json{{"ok", true}};
    }
};

// A workspace in a temporary folder (TMPDIR decides where, so the disk can be chosen).
class BenchEngine
{
public:
    BenchEngine() = default;
    BenchEngine(const BenchEngine&) = delete;
    BenchEngine& operator=(const BenchEngine&) = delete;
    ~BenchEngine()
    {
        pool.waitForDone();
        journal.reset(); // flushes anything still queued while the database is there
    }

    Status open()
    {
        if (!m_dir.isValid())
            return Error::make(
                QStringLiteral(
                    "cannot create a temporary folder: %1 (set TMPDIR to a writable folder)")
                    .arg(m_dir.errorString()));
        auto ws = Workspace::create(m_dir.path(), QStringLiteral("bench"));
        if (!ws)
            return ws.error();
        workspace = std::move(ws).value();
        auto db = store::openWorkspaceDatabase(workspace->databasePath());
        if (!db)
            return db.error();
        auto secrets = std::make_shared<Redactor>();
        auto auditRedactor = std::make_shared<Redactor>();
        secrets->addSecret(QString::fromUtf8(auditKey()));
        auditRedactor->addSecret(QString::fromUtf8(auditKey()));
        journal = std::make_unique<Journal>(std::move(db).value(),
                                            std::make_shared<AuditTrail>(auditKey()), secrets,
                                            auditRedactor);
        auto ledger = EffectLedger::open(workspace->databasePath());
        if (!ledger)
            return ledger.error();
        effects = std::move(ledger).value();
        pool.setMaxThreadCount(
            std::max(4, QThread::idealThreadCount() * 2)); // as WorkspaceSession does
        return tools.add(std::make_shared<NoopTool>());
    }

    EngineContext context()
    {
        EngineContext c;
        c.workspace = &*workspace;
        c.journal = journal.get();
        c.tools = &tools;
        c.effects = effects.get();
        c.pool = &pool;
        c.actor = QStringLiteral("bench:user");
        return c;
    }

    std::optional<Workspace> workspace;
    std::unique_ptr<Journal> journal;
    std::unique_ptr<EffectLedger> effects;
    ToolRegistry tools;
    QThreadPool pool;

private:
    QTemporaryDir m_dir;
};

inline void skip(benchmark::State& state, const QString& why)
{
    state.SkipWithError(why.toStdString().c_str());
}

// Removes "--NAME=VALUE" from argv (so Google Benchmark does not reject it) and returns VALUE.
inline std::optional<std::string> takeFlag(int& argc, char** argv, const std::string& name)
{
    const std::string prefix = "--" + name + "=";
    std::optional<std::string> value;
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind(prefix, 0) == 0)
            value = arg.substr(prefix.size());
        else
            argv[out++] = argv[i];
    }
    argc = out;
    return value;
}

// Runs the registered benchmarks; the caller has created the QCoreApplication.
inline int runBenchmarks(int& argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace awb::bench
