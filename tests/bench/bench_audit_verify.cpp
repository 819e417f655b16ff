// Audit verification time: a trail of 1,000,000 entries (built once per process with
// AuditTrail::append in large transactions), then AuditTrail::verify over all of it.
// --entries=N picks another size.

#include <QElapsedTimer>

#include <map>

#include "BenchSupport.h"

using namespace awb;

namespace {

constexpr qint64 kDefaultEntries = 1'000'000;
constexpr qint64 kEntriesPerTransaction = 10'000;

// A built trail, shared by every iteration of the process.
struct BuiltTrail
{
    QTemporaryDir dir;
    sql::Database db;
    AuditTrail trail{bench::auditKey()};
    qint64 entries = 0;
    double buildSeconds = 0;
};

// Entries shaped like the engine's: a tool result every other entry, a model response between.
Json entryData(qint64 i)
{
    const std::string step = toStd(QStringLiteral("s%1").arg(i % 40 + 1));
    if (i % 2 == 0)
        return {
            {"step", step},
            {"tool", "noop"},
            {"handle", step},
            {"result_sha256", "9f2b5c0e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c"},
            {"content", {{"ok", true}}}};
    return {{"step", step},
            {"message", {{"role", "assistant"}, {"text", "5"}}},
            {"usage", {{"input_tokens", 50}, {"output_tokens", 10}, {"cost_usd", "0.000000"}}}};
}

Result<std::unique_ptr<BuiltTrail>> buildTrail(qint64 entries)
{
    auto built = std::make_unique<BuiltTrail>();
    if (!built->dir.isValid())
        return Error::make(
            QStringLiteral("cannot create a temporary folder: %1 (set TMPDIR to a writable folder)")
                .arg(built->dir.errorString()));
    auto db = store::openWorkspaceDatabase(built->dir.filePath(QStringLiteral("workspace.db")));
    if (!db)
        return db.error();
    built->db = std::move(db).value();
    QElapsedTimer clock;
    clock.start();
    const QDateTime start =
        QDateTime::fromString(QStringLiteral("2026-10-01T09:00:00.000Z"), Qt::ISODateWithMs);
    for (qint64 done = 0; done < entries;) {
        sql::Transaction tx(built->db);
        if (!tx.beginStatus())
            return tx.beginStatus().error();
        const qint64 end = std::min(entries, done + kEntriesPerTransaction);
        for (; done < end; ++done) {
            const QString runId =
                QStringLiteral("20261001T090000Z-%1").arg(done / 50, 8, 16, QLatin1Char('0'));
            const QString kind =
                done % 2 == 0 ? QStringLiteral("tool.result") : QStringLiteral("model.response");
            auto entry = built->trail.append(built->db, QStringLiteral("agent:bench-agent"), kind,
                                             runId, entryData(done), start.addMSecs(done));
            if (!entry)
                return entry.error();
        }
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    built->entries = entries;
    built->buildSeconds = double(clock.nsecsElapsed()) / 1e9;
    return built;
}

std::map<qint64, std::unique_ptr<BuiltTrail>>& trails()
{
    static std::map<qint64, std::unique_ptr<BuiltTrail>> cache;
    return cache;
}

void BM_AuditVerify(benchmark::State& state)
{
    const qint64 entries = state.range(0);
    auto& cached = trails()[entries];
    if (!cached) {
        auto built = buildTrail(entries);
        if (!built) {
            bench::skip(state, built.errorMessage());
            return;
        }
        cached = std::move(built).value();
    }
    BuiltTrail& t = *cached;
    for (auto _ : state) {
        auto result = t.trail.verify(t.db);
        if (!result) {
            bench::skip(state, result.errorMessage());
            return;
        }
        if (!result->ok() || result->entries != entries) {
            bench::skip(
                state, QStringLiteral("verification failed on an untouched trail of %1 entries: %2")
                           .arg(result->entries)
                           .arg(result->problem));
            return;
        }
    }
    state.counters["entries"] = double(entries);
    state.counters["entries_per_s"] =
        benchmark::Counter(double(entries), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["build_s"] = t.buildSeconds;
    state.counters["build_entries_per_s"] = double(entries) / t.buildSeconds;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    qint64 entries = kDefaultEntries;
    if (auto flag = bench::takeFlag(argc, argv, "entries")) {
        bool ok = false;
        entries = QString::fromStdString(*flag).toLongLong(&ok);
        if (!ok || entries < 1) {
            fprintf(stderr, "--entries=%s: expected a positive whole number of audit entries\n",
                    flag->c_str());
            return 2;
        }
    }
    benchmark::RegisterBenchmark("BM_AuditVerify", BM_AuditVerify)
        ->ArgName("entries")
        ->Arg(entries)
        ->Iterations(2)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    const int status = awb::bench::runBenchmarks(argc, argv);
    trails().clear(); // while the application still exists
    return status;
}
