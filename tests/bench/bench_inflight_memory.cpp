// Memory per run in flight: R runs (10,000 by default) started at once on one event loop, each
// waiting on its first model call, which answers only when the benchmark opens the gate after
// every run has sent it. The growth of the process's resident memory between before the runs and
// that moment, divided by R, is what one waiting run costs engine-side: the run, its state, its
// queued and committed journal events and audit entries (all committed by then), the pending
// call's bookkeeping. Then the gate opens and every run must finish with the answer.
// --runs=N picks another count. Prints figures; asserts nothing about memory.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "BenchSupport.h"
#include "llm/ScriptedProvider.h"

using namespace awb;
using awb::bench::BenchEngine;

namespace {

constexpr qint64 kDefaultRuns = 10'000;
constexpr int kGuardMs = 600'000;
qint64 g_runs = kDefaultRuns;

class GatedCall;

// Holds every model call until open(); then each answers on its own event-loop turn, as replies
// arriving from a server would.
class ModelGate
{
public:
    qint64 waiting() const { return qint64(m_calls.size()); }
    // Calls that arrive after open() answer at once (on the next event-loop turn).
    void hold(GatedCall* call);
    void open();

private:
    std::vector<QPointer<GatedCall>> m_calls;
    bool m_open = false;
};

class GatedCall : public llm::ModelCall
{
public:
    GatedCall(Result<llm::ModelResponse> response, ModelGate& gate, QObject* parent)
        : llm::ModelCall(parent), m_response(std::move(response))
    {
        gate.hold(this);
    }
    void answer()
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(m_response);
    }
    void cancel() override
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(Error::make(QStringLiteral("the model call was cancelled"),
                                    QStringLiteral("cancelled")));
    }

private:
    Result<llm::ModelResponse> m_response;
    bool m_done = false;
};

void ModelGate::hold(GatedCall* call)
{
    if (m_open)
        QMetaObject::invokeMethod(call, &GatedCall::answer, Qt::QueuedConnection);
    else
        m_calls.emplace_back(call);
}

void ModelGate::open()
{
    m_open = true;
    for (const QPointer<GatedCall>& call : m_calls) {
        if (call)
            QMetaObject::invokeMethod(call.data(), &GatedCall::answer, Qt::QueuedConnection);
    }
    m_calls.clear();
}

// The scripted model of the peer task (ask for the tool, then answer "5"), behind the gate.
class GatedProvider : public llm::ModelProvider
{
public:
    GatedProvider(llm::Script script, ModelGate& gate) : m_scripted(std::move(script)), m_gate(gate)
    {
    }
    QString name() const override { return QStringLiteral("scripted"); }
    bool isScripted() const override { return true; }
    llm::ModelCall* start(const llm::ModelRequest& request, QObject* parent) override
    {
        return new GatedCall(m_scripted.respond(request), m_gate, parent);
    }

private:
    llm::ScriptedProvider m_scripted;
    ModelGate& m_gate;
};

llm::Script peerTaskScript()
{
    const Json usage = {{"input_tokens", 50}, {"output_tokens", 10}};
    const Json turns = Json::array(
        {{{"tool_calls", Json::array({{{"name", "noop"}, {"arguments", Json::object()}}})},
          {"usage", usage}},
         {{"text", "5"}, {"usage", usage}}});
    return llm::Script::parse(
               Json{{"schema_version", 1}, {"model", "scripted-bench"}, {"turns", turns}},
               QStringLiteral("benchmark script"))
        .value();
}

AgentDefinition benchAgent()
{
    AgentDefinition a;
    a.name = QStringLiteral("bench-agent");
    a.instructions = QStringLiteral("Answer the question; use the noop tool once.");
    a.model.provider = QStringLiteral("scripted");
    a.model.name = QStringLiteral("scripted-bench");
    a.tools.push_back({QStringLiteral("noop"), ApprovalPolicy::Never, {}});
    a.budgets.maxSteps = 3;
    a.budgets.maxWallSeconds = 3600;
    return a;
}

// Current resident memory in bytes (/proc/self/statm counts pages).
double residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    long long size = 0, resident = 0;
    statm >> size >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE));
}

// Bytes the allocator has handed out and not had back (all arenas): live heap, without the
// fragmentation that the resident set also counts.
double heapInUseBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd);
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Runs the loop until `done` holds or the guard expires; returns false on the guard.
bool runUntil(const std::function<bool()>& done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > kGuardMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

struct Batch
{
    std::vector<std::unique_ptr<AgentRun>> runs;
    int stopped = 0;
    int failed = 0;
    QString firstError;
};

void startRuns(Batch& batch, BenchEngine& engine, qint64 count, const AgentDefinition& agent,
               const std::shared_ptr<llm::ModelProvider>& model)
{
    batch.runs.reserve(std::size_t(count));
    for (qint64 i = 0; i < count; ++i) {
        AgentRun* run =
            AgentRun::start(engine.context(), agent, model, QStringLiteral("scripted-bench"),
                            QStringLiteral("What is 2+3?"), {});
        batch.runs.emplace_back(run);
        QObject::connect(run, &AgentRun::stopped, run, [&batch, run](RunStatus status) {
            ++batch.stopped;
            if (status != RunStatus::Succeeded || run->state().finalText != QLatin1String("5")) {
                if (batch.failed++ == 0)
                    batch.firstError = QStringLiteral("%1: %2").arg(
                        runStatusName(status), canonicalJsonString(run->state().error));
            }
        });
    }
}

Status finishBatch(Batch& batch, qint64 count, ModelGate& gate)
{
    // Every run's first call is held before the gate opens.
    if (!runUntil([&] { return gate.waiting() == count; }))
        return Error::make(
            QStringLiteral("only %1 of %2 model calls were sent").arg(gate.waiting()).arg(count));
    gate.open();
    if (!runUntil([&] { return batch.stopped == count; }))
        return Error::make(QStringLiteral("%1 of %2 runs had not stopped after %3 s")
                               .arg(count - batch.stopped)
                               .arg(count)
                               .arg(kGuardMs / 1000));
    if (batch.failed > 0)
        return Error::make(QStringLiteral("%1 of %2 runs did not answer 5 (first: %3)")
                               .arg(batch.failed)
                               .arg(count)
                               .arg(batch.firstError));
    return {};
}

void BM_InFlightMemory(benchmark::State& state)
{
    const qint64 runs = state.range(0);
    for (auto _ : state) {
        BenchEngine engine;
        if (Status s = engine.open(); !s) {
            bench::skip(state, s.errorMessage());
            return;
        }
        const AgentDefinition agent = benchAgent();
        // Warm-up: a tenth of the runs, all the way through, so that allocator arenas, SQLite's
        // page cache and Qt's lazily built tables are there before the measurement.
        {
            ModelGate gate;
            auto model = std::make_shared<GatedProvider>(peerTaskScript(), gate);
            Batch warm;
            startRuns(warm, engine, std::max<qint64>(1, runs / 10), agent, model);
            if (Status s = finishBatch(warm, std::max<qint64>(1, runs / 10), gate); !s) {
                bench::skip(state, QStringLiteral("warm-up: ") + s.errorMessage());
                return;
            }
            warm.runs.clear();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            engine.pool.waitForDone();
        }
        malloc_trim(0);
        const double before = residentBytes();
        const double heapBefore = heapInUseBytes();

        ModelGate gate;
        auto model = std::make_shared<GatedProvider>(peerTaskScript(), gate);
        Batch batch;
        QElapsedTimer clock;
        clock.start();
        startRuns(batch, engine, runs, agent, model);
        // In flight: every run has sent its model call and everything it recorded is committed.
        if (!runUntil([&] { return gate.waiting() == runs && !engine.journal->hasPending(); })) {
            bench::skip(state, QStringLiteral("only %1 of %2 model calls were sent")
                                   .arg(gate.waiting())
                                   .arg(runs));
            return;
        }
        const double startSeconds = double(clock.nsecsElapsed()) / 1e9;
        const double during = residentBytes();
        const double heapDuring = heapInUseBytes();
        // The same after the allocator hands back what is free: what the runs hold, without the
        // heap that the start-up's transient work (one large group commit) left behind.
        malloc_trim(0);
        const double duringLive = residentBytes();
        clock.restart();
        if (Status s = finishBatch(batch, runs, gate); !s) {
            bench::skip(state, s.errorMessage());
            return;
        }
        const double finishSeconds = double(clock.nsecsElapsed()) / 1e9;
        state.SetIterationTime(startSeconds + finishSeconds);
        state.counters["runs_in_flight"] = double(runs);
        state.counters["rss_before_mb"] = before / 1048576.0;
        state.counters["rss_in_flight_mb"] = during / 1048576.0;
        state.counters["kb_per_run"] = (during - before) / 1024.0 / double(runs);
        state.counters["kb_per_run_trimmed"] = (duringLive - before) / 1024.0 / double(runs);
        state.counters["heap_kb_per_run"] = (heapDuring - heapBefore) / 1024.0 / double(runs);
        state.counters["start_all_s"] = startSeconds;
        state.counters["finish_all_s"] = finishSeconds;
        state.counters["peak_rss_mb"] = peakRssMb();
        batch.runs.clear();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (auto flag = bench::takeFlag(argc, argv, "runs")) {
        bool ok = false;
        g_runs = QString::fromStdString(*flag).toLongLong(&ok);
        if (!ok || g_runs < 1) {
            fprintf(stderr, "--runs=%s: expected a positive whole number of runs\n", flag->c_str());
            return 2;
        }
    }
    benchmark::RegisterBenchmark("BM_InFlightMemory", BM_InFlightMemory)
        ->ArgName("runs")
        ->Arg(g_runs)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    return awb::bench::runBenchmarks(argc, argv);
}
