// Time to open the audit view over a trail of 1,000,000 entries and show the first page: the
// widget is created, pointed at the database, and measured until its first page is painted.
// Also the first page of a filter that matches almost nothing (the worst case: a full scan).
// The trail is built once per process with AuditTrail::append; --entries=N picks another size.

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTimer>

#include "BenchSupport.h"
#include "audit/AuditView.h"

using namespace awb;

namespace {

constexpr qint64 kDefaultEntries = 1'000'000;
constexpr qint64 kEntriesPerTransaction = 20'000;
constexpr int kTimeoutMs = 120'000;

struct BuiltTrail
{
    QTemporaryDir dir;
    QString path;
    double buildSeconds = 0;
};

Json entryData(qint64 i)
{
    if (i % 2 == 0)
        return {
            {"step", i % 40},
            {"tool", i % 6 == 0 ? "send_email" : "sql_query"},
            {"result_sha256", "9f2b5c0e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c"}};
    return {{"step", i % 40}, {"usage", {{"input_tokens", 50}, {"output_tokens", 10}}}};
}

Result<std::unique_ptr<BuiltTrail>> buildTrail(qint64 entries)
{
    auto built = std::make_unique<BuiltTrail>();
    if (!built->dir.isValid())
        return Error::make(QStringLiteral("cannot create a temporary folder: %1 (set TMPDIR to a "
                                          "writable folder)")
                               .arg(built->dir.errorString()));
    built->path = built->dir.filePath(QStringLiteral("workspace.db"));
    auto db = store::openWorkspaceDatabase(built->path);
    if (!db)
        return db.error();
    const AuditTrail trail(bench::auditKey());
    QElapsedTimer clock;
    clock.start();
    const QDateTime start =
        QDateTime::fromString(QStringLiteral("2026-10-01T09:00:00.000Z"), Qt::ISODateWithMs);
    for (qint64 done = 0; done < entries;) {
        sql::Transaction tx(*db);
        if (!tx.beginStatus())
            return tx.beginStatus().error();
        const qint64 end = std::min(entries, done + kEntriesPerTransaction);
        for (; done < end; ++done) {
            auto entry = trail.append(
                *db, QStringLiteral("agent:bench-agent"),
                done % 2 == 0 ? QStringLiteral("tool.result") : QStringLiteral("model.response"),
                QStringLiteral("run-%1").arg(done / 50), entryData(done), start.addMSecs(done));
            if (!entry)
                return entry.error();
        }
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    built->buildSeconds = double(clock.nsecsElapsed()) / 1e9;
    return built;
}

std::unique_ptr<BuiltTrail>& cachedTrail()
{
    static std::unique_ptr<BuiltTrail> trail;
    return trail;
}

qint64 g_entries = kDefaultEntries;

BuiltTrail* trailOrSkip(benchmark::State& state)
{
    auto& cached = cachedTrail();
    if (!cached) {
        auto built = buildTrail(g_entries);
        if (!built) {
            bench::skip(state, built.errorMessage());
            return nullptr;
        }
        cached = std::move(built).value();
    }
    return cached.get();
}

// Opens a fresh view on the trail (with filter applied) and waits until its first page is
// painted; returns false on timeout.
bool openAndShowFirstPage(const QString& path, const ui::AuditFilter& filter, int* rows)
{
    ui::AuditView view;
    view.resize(1200, 700);
    view.show();
    QEventLoop loop;
    QObject::connect(view.model(), &ui::AuditModel::pageLoaded, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, [&loop] { loop.exit(1); });
    view.setFilter(filter); // no database yet: nothing loads until the next line
    view.setWorkspace(path, nullptr);
    while (view.model()->rowCount() == 0 && !view.model()->atEnd()) {
        if (loop.exec() != 0)
            return false;
    }
    view.table()->viewport()->repaint(); // painted, not only inserted
    *rows = view.model()->rowCount();
    return true;
}

void run(benchmark::State& state, const ui::AuditFilter& filter)
{
    BuiltTrail* trail = trailOrSkip(state);
    if (!trail)
        return;
    int rows = 0;
    for (auto _ : state) {
        if (!openAndShowFirstPage(trail->path, filter, &rows)) {
            bench::skip(state, QStringLiteral("no first page within %1 ms").arg(kTimeoutMs));
            return;
        }
    }
    state.counters["entries"] = double(g_entries);
    state.counters["first_page_rows"] = rows;
    state.counters["build_s"] = trail->buildSeconds;
}

void BM_AuditViewFirstPage(benchmark::State& state)
{
    run(state, {});
}

void BM_AuditViewFirstPageRareText(benchmark::State& state)
{
    ui::AuditFilter filter;
    filter.text = QStringLiteral("no-entry-contains-this");
    run(state, filter);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (auto flag = bench::takeFlag(argc, argv, "entries")) {
        bool ok = false;
        g_entries = QString::fromStdString(*flag).toLongLong(&ok);
        if (!ok || g_entries < 1) {
            fprintf(stderr, "--entries=%s: expected a positive whole number of audit entries\n",
                    flag->c_str());
            return 2;
        }
    }
    benchmark::RegisterBenchmark("BM_AuditViewFirstPage", BM_AuditViewFirstPage)
        ->ArgName("entries")
        ->Arg(g_entries)
        ->Iterations(20)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_AuditViewFirstPageRareText", BM_AuditViewFirstPageRareText)
        ->ArgName("entries")
        ->Arg(g_entries)
        ->Iterations(3)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    const int status = bench::runBenchmarks(argc, argv);
    cachedTrail().reset();
    return status;
}
