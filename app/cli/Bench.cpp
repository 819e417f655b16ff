// `awb bench`: runs an agent N times, C at a time, in this process, through the normal engine
// (journal, events, audit trail and effect ledger as in any run), and reports throughput,
// latency percentiles and the process's peak memory.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "Arguments.h"
#include "Commands.h"
#include "Terminal.h"
#include "engine/AgentRun.h"
#include "engine/Journal.h"
#include "engine/RunLauncher.h"
#include "engine/WorkspaceSession.h"

namespace awb::cli {

namespace {

// Descriptors a run in flight may hold (its connection); the rest is the database, the journal and
// the process's own.
constexpr rlim_t kSpareDescriptors = 256;

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

// The nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = std::size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// Every run in flight holds a connection: make sure the process may open that many.
Status ensureDescriptors(int concurrency)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return {};
    const rlim_t needed = rlim_t(concurrency) + kSpareDescriptors;
    if (limit.rlim_cur >= needed)
        return {};
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
        return Error::make(
            QStringLiteral(
                "--concurrency %1 needs %2 open files, but this process may open at most "
                "%3 (ulimit -Hn). Raise the limit or lower the concurrency.")
                .arg(concurrency)
                .arg(qulonglong(needed))
                .arg(qulonglong(limit.rlim_max)),
            QStringLiteral("usage"));
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? needed : limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    return {};
}

// Starts runs until N have started, never more than C at once, and records each one's latency
// from its start to its final answer.
class BenchDriver : public QObject
{
public:
    struct Setup
    {
        WorkspaceSession* session = nullptr;
        PreparedLaunch prepared; // launched once per run
        int runs = 0;
        int concurrency = 0;
        bool progress = true;
    };

    explicit BenchDriver(Setup setup) : m_setup(std::move(setup))
    {
        m_latenciesMs.reserve(std::size_t(m_setup.runs));
        connect(&m_setup.session->journal(), &Journal::writeFailed, this, [this](const Error& e) {
            noteFailure(QStringLiteral("the journal could not be written: %1").arg(e.message));
            m_journalBroken = true;
        });
        m_progress.setInterval(1000);
        connect(&m_progress, &QTimer::timeout, this, &BenchDriver::printProgress);
    }

    void start()
    {
        m_clock.start();
        if (m_setup.progress)
            m_progress.start();
        for (int i = 0; i < m_setup.concurrency && m_started < m_setup.runs; ++i)
            startOne();
    }

    double totalSeconds() const { return double(m_totalNs) / 1e9; }
    int failures() const { return m_failures; }
    std::vector<double> sortedLatencies() const
    {
        std::vector<double> sorted = m_latenciesMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted;
    }
    const QString& firstError() const { return m_firstError; }

private:
    void startOne()
    {
        ++m_started;
        ++m_inFlight;
        QElapsedTimer clock;
        clock.start();
        auto launched = launch(*m_setup.session, m_setup.prepared);
        if (!launched) {
            noteFailure(launched.errorMessage());
            --m_inFlight;
            if (m_inFlight == 0)
                done();
            return;
        }
        AgentRun* run = launched->run;
        connect(run, &AgentRun::stopped, this, [this, run, clock](RunStatus status) {
            // Once per run: cancelling a run that waits for approval stops it a second time.
            disconnect(run, &AgentRun::stopped, this, nullptr);
            m_latenciesMs.push_back(double(clock.nsecsElapsed()) / 1e6);
            if (status != RunStatus::Succeeded) {
                const QString why =
                    status == RunStatus::WaitingApproval
                        ? QStringLiteral(
                              "it waits for an approval (bench agents must not need one)")
                        : jsonString(run->state().error, "message");
                noteFailure(QStringLiteral("run %1 ended %2: %3")
                                .arg(run->runId(), runStatusName(status), why));
            }
            if (status == RunStatus::WaitingApproval)
                run->cancel(QStringLiteral("awb bench does not approve anything"));
            run->deleteLater();
            --m_inFlight;
            if (m_started < m_setup.runs && !m_journalBroken)
                startOne();
            else if (m_inFlight == 0)
                done();
        });
    }

    void noteFailure(const QString& message)
    {
        ++m_failures;
        if (m_firstError.isEmpty()) {
            m_firstError = message;
            printErr(QStringLiteral("awb: bench: first failure: %1").arg(message));
        }
    }

    void printProgress()
    {
        printErr(QStringLiteral("awb: bench: %1 of %2 runs done, %3 in flight, %4 failed")
                     .arg(m_latenciesMs.size())
                     .arg(m_setup.runs)
                     .arg(m_inFlight)
                     .arg(m_failures));
    }

    void done()
    {
        m_totalNs = m_clock.nsecsElapsed();
        m_progress.stop();
        m_failures += m_setup.runs - int(m_latenciesMs.size()); // never started: the journal broke
        QCoreApplication::exit(0);
    }

    Setup m_setup;
    QElapsedTimer m_clock;
    QTimer m_progress;
    qint64 m_totalNs = 0;
    int m_started = 0;
    int m_inFlight = 0;
    int m_failures = 0;
    bool m_journalBroken = false;
    QString m_firstError;
    std::vector<double> m_latenciesMs;
};

Result<int> positiveOption(const Arguments& a, const QString& name)
{
    bool ok = false;
    const int value = a.value(name).toInt(&ok);
    if (!ok || value < 1)
        return Error::make(QStringLiteral("--%1 needs a whole number of at least 1, not \"%2\"")
                               .arg(name, a.value(name)),
                           QStringLiteral("usage"));
    return value;
}

} // namespace

int benchAgent(const QStringList& args)
{
    const auto fail = [](const QString& message, int code = ExitUsage) {
        printErr(QStringLiteral("awb: %1").arg(message));
        return code;
    };
    auto a = Arguments::parse(
        args,
        {QStringLiteral("workspace"), QStringLiteral("input"), QStringLiteral("provider"),
         QStringLiteral("model"), QStringLiteral("base-url"), QStringLiteral("runs"),
         QStringLiteral("concurrency")},
        {QStringLiteral("json"), QStringLiteral("no-stream"), QStringLiteral("quiet")});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral(
            "usage: awb bench AGENT --workspace DIR --input TEXT --runs N --concurrency C "
            "[--provider P --model M --base-url URL] [--no-stream] [--json]"));
    const QString input = a->value(QStringLiteral("input"));
    if (input.trimmed().isEmpty())
        return fail(QStringLiteral("--input TEXT is required: what should the agent do?"));
    auto runs = positiveOption(*a, QStringLiteral("runs"));
    if (!runs)
        return fail(runs.errorMessage());
    auto concurrency = positiveOption(*a, QStringLiteral("concurrency"));
    if (!concurrency)
        return fail(concurrency.errorMessage());
    const int inFlight = std::min(*runs, *concurrency);
    if (Status s = ensureDescriptors(inFlight); !s)
        return fail(s.errorMessage());

    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage());
    LaunchRequest request;
    request.kind = LaunchRequest::Kind::Start;
    request.agent = a->positional().first();
    request.input = input;
    request.provider.provider = a->value(QStringLiteral("provider"));
    request.provider.model = a->value(QStringLiteral("model"));
    request.provider.baseUrl = a->value(QStringLiteral("base-url"));
    request.provider.stream = !a->has(QStringLiteral("no-stream"));
    request.options.startDetails = {{"bench", true}};
    request.lockRun = false;
    auto prepared = prepareLaunch(**session, std::move(request));
    if (!prepared)
        return fail(prepared.errorMessage());

    const QString agentName = prepared->agent.name;
    BenchDriver::Setup setup;
    setup.session = session->get();
    setup.prepared = std::move(prepared).value();
    setup.runs = *runs;
    setup.concurrency = inFlight;
    setup.progress = !a->has(QStringLiteral("quiet"));
    BenchDriver driver(std::move(setup));
    QTimer::singleShot(0, &driver, [&driver] { driver.start(); });
    QCoreApplication::exec();
    if (Status s = (*session)->journal().flush(); !s)
        printErr(QStringLiteral("awb: bench: %1").arg(s.errorMessage()));

    const std::vector<double> latencies = driver.sortedLatencies();
    const double total = driver.totalSeconds();
    const Json report = {
        {"runs", *runs},
        {"concurrency", inFlight},
        {"failures", driver.failures()},
        {"total_s", rounded(total, 3)},
        {"runs_per_s", rounded(total > 0 ? double(latencies.size()) / total : 0, 1)},
        {"median_ms", rounded(percentile(latencies, 0.50), 3)},
        {"p95_ms", rounded(percentile(latencies, 0.95), 3)},
        {"p99_ms", rounded(percentile(latencies, 0.99), 3)},
        {"peak_rss_mb", rounded(peakRssMb(), 1)},
    };
    if (a->has(QStringLiteral("json"))) {
        printOut(toQ(report.dump()) + QLatin1Char('\n'));
    } else {
        printOut(
            QStringLiteral("%1 runs of %2, %3 at a time: %4 failed\n"
                           "total %5 s, %6 runs/s; per run median %7 ms, p95 %8 ms, p99 %9 ms; "
                           "peak RSS %10 MB\n")
                .arg(*runs)
                .arg(agentName)
                .arg(inFlight)
                .arg(driver.failures())
                .arg(total, 0, 'f', 3)
                .arg(report["runs_per_s"].get<double>(), 0, 'f', 1)
                .arg(report["median_ms"].get<double>(), 0, 'f', 3)
                .arg(report["p95_ms"].get<double>(), 0, 'f', 3)
                .arg(report["p99_ms"].get<double>(), 0, 'f', 3)
                .arg(report["peak_rss_mb"].get<double>(), 0, 'f', 1));
    }
    return driver.failures() == 0 ? ExitOk : ExitFailed;
}

} // namespace awb::cli
