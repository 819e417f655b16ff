// Engine overhead per agent step: the scripted model and a tool that returns at once, so every
// microsecond measured is the engine's (event journal in a WAL SQLite file, audit chain, state
// reducer, thread-pool hand-off, event loop). Prints figures; asserts nothing about time.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <sys/resource.h>

#include "BenchSupport.h"
#include "llm/ScriptedProvider.h"

using namespace awb;
using awb::bench::BenchEngine;

namespace {

constexpr int kGuardMs = 300'000; // a batch that takes longer than this is reported as an error

// N turns that each call the tool once, then the final answer "5" (the peer benchmark's task
// shape when N = 1). Usage is fixed, as the peer benchmark's mock model reports it.
std::shared_ptr<llm::ModelProvider> scriptedModel(int toolTurns)
{
    const Json usage = {{"input_tokens", 50}, {"output_tokens", 10}};
    Json turns = Json::array();
    for (int i = 0; i < toolTurns; ++i)
        turns.push_back(
            {{"tool_calls", Json::array({{{"name", "noop"}, {"arguments", Json::object()}}})},
             {"usage", usage}});
    turns.push_back({{"text", "5"}, {"usage", usage}});
    auto script = llm::Script::parse(
        Json{{"schema_version", 1}, {"model", "scripted-bench"}, {"turns", turns}},
        QStringLiteral("benchmark script"));
    return std::make_shared<llm::ScriptedProvider>(std::move(script).value());
}

AgentDefinition benchAgent(int toolTurns)
{
    AgentDefinition a;
    a.name = QStringLiteral("bench-agent");
    a.instructions = QStringLiteral("Answer the question; use the noop tool once per turn.");
    a.model.provider = QStringLiteral("scripted");
    a.model.name = QStringLiteral("scripted-bench");
    a.tools.push_back({QStringLiteral("noop"), ApprovalPolicy::Never, {}});
    a.budgets.maxSteps = 2 * toolTurns + 1;
    return a;
}

// The process's peak resident set so far, as the peer benchmark reports it (Linux: KiB).
double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

int stepsPerRun(int toolTurns)
{
    return 2 * toolTurns +
           1; // one model step and one tool step per turn, plus the final model step
}

// Starts `runs` runs at once on this thread's event loop and runs the loop until every one has
// stopped. Returns the wall time from the first start to the last stop (all events committed).
Result<double> runBatch(BenchEngine& engine, int runs, int toolTurns, const AgentDefinition& agent,
                        const std::shared_ptr<llm::ModelProvider>& model)
{
    QEventLoop loop;
    std::vector<std::unique_ptr<AgentRun>> started;
    started.reserve(std::size_t(runs));
    int remaining = runs;
    int failed = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < runs; ++i) {
        AgentRun* run =
            AgentRun::start(engine.context(), agent, model, QStringLiteral("scripted-bench"),
                            QStringLiteral("What is 2+3?"), {});
        started.emplace_back(run);
        QObject::connect(run, &AgentRun::stopped, &loop,
                         [&remaining, &failed, &loop](RunStatus status) {
                             failed += status == RunStatus::Succeeded ? 0 : 1;
                             if (--remaining == 0)
                                 loop.quit();
                         });
    }
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(kGuardMs);
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;

    QString problem;
    if (remaining > 0)
        problem = QStringLiteral("%1 of %2 runs had not stopped after %3 s")
                      .arg(remaining)
                      .arg(runs)
                      .arg(kGuardMs / 1000);
    else if (failed > 0)
        problem = QStringLiteral("%1 of %2 runs did not succeed (first: %3)")
                      .arg(failed)
                      .arg(runs)
                      .arg(canonicalJsonString(started.front()->state().error));
    else if (const auto steps = started.front()->state().steps.size();
             steps != std::size_t(stepsPerRun(toolTurns)))
        problem = QStringLiteral("a run took %1 steps, not %2: the figures per step would be wrong")
                      .arg(steps)
                      .arg(stepsPerRun(toolTurns));
    started.clear();
    engine.pool.waitForDone();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (!problem.isEmpty())
        return Error::make(problem);
    return seconds;
}

void reportPerStep(benchmark::State& state, double totalSeconds, std::int64_t runs, int toolTurns)
{
    const double steps = double(runs) * stepsPerRun(toolTurns);
    state.counters["steps_per_run"] = stepsPerRun(toolTurns);
    state.counters["us_per_step"] = totalSeconds * 1e6 / steps;
    state.counters["ms_per_run"] = totalSeconds * 1e3 / double(runs);
    state.counters["runs_per_s"] = double(runs) / totalSeconds;
}

// (a) One run after another, each of N tool turns and a final answer.
void BM_SequentialRun(benchmark::State& state)
{
    const int toolTurns = int(state.range(0));
    BenchEngine engine;
    if (Status s = engine.open(); !s) {
        bench::skip(state, s.errorMessage());
        return;
    }
    const AgentDefinition agent = benchAgent(toolTurns);
    const auto model = scriptedModel(toolTurns);
    std::vector<double> times;
    double total = 0;
    for (auto _ : state) {
        auto seconds = runBatch(engine, 1, toolTurns, agent, model);
        if (!seconds) {
            bench::skip(state, seconds.errorMessage());
            return;
        }
        state.SetIterationTime(*seconds);
        times.push_back(*seconds);
        total += *seconds;
    }
    reportPerStep(state, total, state.iterations(), toolTurns);
    // The median, which is what the peer benchmark reports per run.
    std::nth_element(times.begin(), times.begin() + std::ptrdiff_t(times.size() / 2), times.end());
    state.counters["median_ms_per_run"] = times[times.size() / 2] * 1e3;
}
BENCHMARK(BM_SequentialRun)
    ->ArgName("turns")
    ->Arg(1)
    ->Arg(10)
    ->Arg(100)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// (b) Many runs started together on one event loop; one iteration is the whole batch.
void BM_ConcurrentRuns(benchmark::State& state)
{
    const int runs = int(state.range(0));
    const int toolTurns = int(state.range(1));
    BenchEngine engine;
    if (Status s = engine.open(); !s) {
        bench::skip(state, s.errorMessage());
        return;
    }
    const AgentDefinition agent = benchAgent(toolTurns);
    const auto model = scriptedModel(toolTurns);
    double total = 0;
    for (auto _ : state) {
        auto seconds = runBatch(engine, runs, toolTurns, agent, model);
        if (!seconds) {
            bench::skip(state, seconds.errorMessage());
            return;
        }
        state.SetIterationTime(*seconds);
        total += *seconds;
    }
    state.counters["concurrent_runs"] = runs;
    state.counters["wall_ms_per_batch"] = total * 1e3 / double(state.iterations());
    state.counters["peak_rss_mb"] = peakRssMb();
    reportPerStep(state, total, state.iterations() * runs, toolTurns);
}
// The peer benchmark's shape first (100 runs at once, 5 rounds), so that its peak_rss_mb is its
// own; then 1,000 runs of 5 tool turns each.
BENCHMARK(BM_ConcurrentRuns)
    ->ArgNames({"runs", "turns"})
    ->Args({100, 1})
    ->Iterations(5)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ConcurrentRuns)
    ->ArgNames({"runs", "turns"})
    ->Args({1000, 5})
    ->Iterations(3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return awb::bench::runBenchmarks(argc, argv);
}
