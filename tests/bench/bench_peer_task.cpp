// The peer benchmark's task (/work/shared/peer-bench) through our engine, against the same mock
// OpenAI server: the model asks for add(2,3), the tool runs, the model answers "5". Production
// wiring: HttpProvider + OpenAiChatProtocol (Compatible), journal and audit chain in a WAL SQLite
// file, tools on the pool. Prints one JSON line shaped like the peers'; asserts nothing about time,
// exits non-zero when a run fails or its answer is not "5".
//
// Usage: bench_peer_task --port=N [--runs=200] [--warm=20] [--concurrent=100] [--rounds=5]
//                        [--stream=0|1]          (the port may also come from AWB_PEER_PORT)
// Without a port (e.g. under run-benchmarks.sh) it says so and exits 0: tests/bench/peer-compare.sh
// starts the mock and runs it.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <numeric>

#include "BenchSupport.h"
#include "llm/Pricing.h"
#include "llm/protocols/OpenAiChatProtocol.h"
#include "llm/transport/HttpProvider.h"

using namespace awb;
using awb::bench::BenchEngine;

namespace {

constexpr int kGuardMs = 120'000; // a batch that takes longer than this is a failure

// The peers' tool: two integers in, their sum out.
class AddTool : public Tool
{
public:
    QString name() const override { return QStringLiteral("add"); }
    QString description() const override { return QStringLiteral("Add two numbers"); }
    Json inputSchema() const override
    {
        return Json{{"type", "object"},
                    {"properties", {{"a", {{"type", "integer"}}}, {"b", {{"type", "integer"}}}}},
                    {"required", Json::array({"a", "b"})},
                    {"additionalProperties", false}};
    }
    EffectClass effect() const override { return EffectClass::Read; }
    Result<Json> execute(const Json& arguments, const ToolContext&) const override
    {
        return Json{
            {"sum", arguments.at("a").get<std::int64_t>() + arguments.at("b").get<std::int64_t>()}};
    }
};

AgentDefinition peerAgent()
{
    AgentDefinition a;
    a.name = QStringLiteral("adder");
    a.instructions = QStringLiteral("Use the add tool.");
    a.model.provider = QStringLiteral("openai-compatible");
    a.model.name = QStringLiteral("gpt-4o-mini");
    a.tools.push_back({QStringLiteral("add"), ApprovalPolicy::Never, {}});
    return a;
}

struct Options
{
    int port = 0;
    int runs = 200;
    int warm = 20;
    int concurrent = 100;
    int rounds = 5;
    bool stream = false; // the peers do not stream (their mock sees "stream" absent)
};

Result<int> positive(const std::string& name, const std::string& text)
{
    bool ok = false;
    const int value = QString::fromStdString(text).toInt(&ok);
    if (!ok || value <= 0)
        return Error::make(
            QStringLiteral("--%1 needs a positive integer, not \"%2\"").arg(toQ(name), toQ(text)));
    return value;
}

Result<Options> parseOptions(int argc, char** argv)
{
    Options o;
    std::string port = qEnvironmentVariable("AWB_PEER_PORT").toStdString();
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--benchmark_", 0) == 0)
            continue; // run-benchmarks.sh passes Google Benchmark flags to every bench_* binary
        const auto eq = arg.find('=');
        if (arg.rfind("--", 0) != 0 || eq == std::string::npos)
            return Error::make(QStringLiteral("unknown argument \"%1\" (see the header of "
                                              "tests/bench/bench_peer_task.cpp)")
                                   .arg(toQ(arg)));
        const std::string name = arg.substr(2, eq - 2);
        const std::string value = arg.substr(eq + 1);
        if (name == "port") {
            port = value;
            continue;
        }
        if (name == "stream") {
            if (value != "0" && value != "1")
                return Error::make(QStringLiteral("--stream takes 0 or 1"));
            o.stream = value == "1";
            continue;
        }
        int* target = name == "runs"         ? &o.runs
                      : name == "warm"       ? &o.warm
                      : name == "concurrent" ? &o.concurrent
                      : name == "rounds"     ? &o.rounds
                                             : nullptr;
        if (!target)
            return Error::make(QStringLiteral("unknown option --%1").arg(toQ(name)));
        auto n = positive(name, value);
        if (!n)
            return n.error();
        *target = *n;
    }
    if (!port.empty()) {
        auto n = positive("port", port);
        if (!n)
            return n.error();
        o.port = *n;
    }
    return o;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux: KiB
}

// Starts `count` runs at once and spins the event loop until all stopped; an error if any run did
// not succeed with the final answer "5". Callers time the whole call, clean-up included, as the
// peers' harness times its whole runOnce().
Status runBatch(BenchEngine& engine, int count, const AgentDefinition& agent,
                const std::shared_ptr<llm::ModelProvider>& model)
{
    QEventLoop loop;
    std::vector<std::unique_ptr<AgentRun>> runs;
    runs.reserve(std::size_t(count));
    int remaining = count;
    for (int i = 0; i < count; ++i) {
        AgentRun* run = AgentRun::start(engine.context(), agent, model, agent.model.name,
                                        QStringLiteral("What is 2+3?"), {});
        runs.emplace_back(run);
        QObject::connect(run, &AgentRun::stopped, &loop, [&remaining, &loop](RunStatus) {
            if (--remaining == 0)
                loop.quit();
        });
    }
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(kGuardMs);
    if (remaining > 0)
        loop.exec();

    QString problem;
    if (remaining > 0)
        problem = QStringLiteral("%1 of %2 runs had not stopped after %3 s")
                      .arg(remaining)
                      .arg(count)
                      .arg(kGuardMs / 1000);
    for (const auto& run : runs) {
        if (!problem.isEmpty())
            break;
        const RunState& s = run->state();
        if (s.status != RunStatus::Succeeded)
            problem = QStringLiteral("run %1 did not succeed: %2")
                          .arg(s.runId, canonicalJsonString(s.error));
        else if (s.finalText != QLatin1String("5"))
            problem = QStringLiteral("run %1 answered \"%2\", not \"5\"").arg(s.runId, s.finalText);
    }
    runs.clear();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (!problem.isEmpty())
        return Error::make(problem);
    return Status::success();
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

double elapsedMs(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "bench_peer_task: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    auto options = parseOptions(argc, argv);
    if (!options)
        return fail(options.errorMessage());
    const Options o = *options;
    if (o.port == 0) {
        std::fprintf(stderr,
                     "bench_peer_task: skipped: no mock server (--port=N or AWB_PEER_PORT); "
                     "tests/bench/peer-compare.sh starts one and runs this\n");
        return 0;
    }

    BenchEngine engine;
    if (Status s = engine.open(); !s)
        return fail(s.errorMessage());
    if (Status s = engine.tools.add(std::make_shared<AddTool>()); !s)
        return fail(s.errorMessage());

    const AgentDefinition agent = peerAgent();
    llm::ProviderConfig config;
    config.provider = agent.model.provider;
    config.model = agent.model.name;
    config.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(o.port);
    config.apiKey = QStringLiteral("test"); // the peers send "Bearer test"
    config.stream = o.stream;
    llm::HttpOptions http;
    http.pricing = llm::Pricing::builtin();
    const auto model = std::make_shared<llm::HttpProvider>(
        std::make_shared<llm::OpenAiChatProtocol>(llm::OpenAiChatProtocol::Flavor::Compatible),
        config, http);

    for (int i = 0; i < o.warm; ++i)
        if (Status s = runBatch(engine, 1, agent, model); !s)
            return fail(QStringLiteral("warm-up: %1").arg(s.errorMessage()));

    std::vector<double> times;
    times.reserve(std::size_t(o.runs));
    for (int i = 0; i < o.runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        if (Status s = runBatch(engine, 1, agent, model); !s)
            return fail(QStringLiteral("sequential: %1").arg(s.errorMessage()));
        times.push_back(elapsedMs(clock));
    }
    std::sort(times.begin(), times.end());
    // The peers' quantile: the element at floor(p * n).
    const auto q = [&times](double p) {
        return times[std::min(times.size() - 1, std::size_t(p * double(times.size())))];
    };
    const double mean = std::accumulate(times.begin(), times.end(), 0.0) / double(times.size());

    QElapsedTimer concurrentClock;
    concurrentClock.start();
    for (int r = 0; r < o.rounds; ++r)
        if (Status s = runBatch(engine, o.concurrent, agent, model); !s)
            return fail(QStringLiteral("concurrent round %1: %2").arg(r + 1).arg(s.errorMessage()));
    const double concurrentSeconds = elapsedMs(concurrentClock) / 1e3;

    const Json out = {
        {"framework", "agent-workbench"},
        {"version", AWB_VERSION},
        {"stream", o.stream},
        {"sequential",
         {{"n", o.runs},
          {"median_ms", rounded(q(0.5), 3)},
          {"mean_ms", rounded(mean, 3)},
          {"p95_ms", rounded(q(0.95), 3)}}},
        {"concurrent",
         {{"c", o.concurrent},
          {"rounds", o.rounds},
          {"total_s", rounded(concurrentSeconds, 3)},
          {"runs_per_s", rounded(double(o.concurrent * o.rounds) / concurrentSeconds, 1)}}},
        {"peak_rss_mb", rounded(peakRssMb(), 1)},
        {"failures", 0}};
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
