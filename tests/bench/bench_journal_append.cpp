// Journal append throughput: Journal::append of a small event, committed by Journal::flush in
// group commits of 1, 10, 100 and 1,000 events, into a WAL SQLite file as in production.

#include <QElapsedTimer>

#include "BenchSupport.h"

using namespace awb;
using awb::bench::BenchEngine;

namespace {

void BM_JournalAppend(benchmark::State& state)
{
    const int batch = int(state.range(0));
    BenchEngine engine;
    if (Status s = engine.open(); !s) {
        bench::skip(state, s.errorMessage());
        return;
    }
    const QString runId = QStringLiteral("20261125T125900Z-1a2b3c4d");
    const QString stepId = QStringLiteral("s2");
    // What a tool step's creation carries: a hundred-odd bytes of canonical JSON.
    const Json payload = {{"kind", "tool"},        {"name", "noop"},          {"turn", 1},
                          {"call_id", "call_1_1"}, {"arguments", {{"n", 7}}}, {"effect", "read"}};
    QElapsedTimer
        clock; // for the per-event figure in microseconds (an inverted rate prints as seconds)
    clock.start();
    for (auto _ : state) {
        for (int i = 0; i < batch; ++i)
            engine.journal->append(runId, EventKind::StepCreated, stepId, payload);
        if (Status s = engine.journal->flush(); !s) {
            bench::skip(state, s.errorMessage());
            return;
        }
    }
    const double events = double(state.iterations()) * batch;
    state.SetItemsProcessed(std::int64_t(events));
    state.counters["events_per_s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
    state.counters["us_per_event"] = double(clock.nsecsElapsed()) / 1e3 / events;
}
BENCHMARK(BM_JournalAppend)
    ->ArgName("batch")
    ->Arg(1)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return awb::bench::runBenchmarks(argc, argv);
}
