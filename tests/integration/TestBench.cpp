// `awb bench` counts correctly: every run it reports went through the engine (journaled, audited,
// answered "5"), failures are counted and the first one is explained, bad options are refused.
// Only counts are checked here; the figures are the benchmarks' business (tests/bench/).

#include <QtTest>

#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {

QMap<QString, QString> env()
{
    return {{QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("an-audit-key-for-tests-0123456789")},
            {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-bench-test-key")}};
}

QStringList benchArgs(const QString& ws, int runs, int concurrency, const QStringList& extra = {})
{
    return QStringList{QStringLiteral("bench"),         QStringLiteral("add-bench"),
                       QStringLiteral("--workspace"),   ws,
                       QStringLiteral("--input"),       QStringLiteral("What is 2+3?"),
                       QStringLiteral("--runs"),        QString::number(runs),
                       QStringLiteral("--concurrency"), QString::number(concurrency),
                       QStringLiteral("--json"),        QStringLiteral("--quiet")} +
           extra;
}

// The runs the workspace lists, with their final answers.
Json listRuns(const QString& ws)
{
    const AwbResult r = runAwb({QStringLiteral("runs"), QStringLiteral("list"),
                                QStringLiteral("--workspace"), ws, QStringLiteral("--json")},
                               env());
    return r.exitCode == 0 ? r.json() : Json();
}

} // namespace

class TestBench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void countsEveryRunOnTheScriptedModel();
    void runsTheOpenAiWireFormat_data();
    void runsTheOpenAiWireFormat();
    void countsFailuresAndNamesTheFirst();
    void aRunWaitingForApprovalIsAFailure();
    void refusesBadOptions_data();
    void refusesBadOptions();

private:
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestBench::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.path() + QStringLiteral("/ws");
    const AwbResult r = runAwb({QStringLiteral("demo"), QStringLiteral("init"), m_ws}, env());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(QFile::exists(m_ws + QStringLiteral("/agents/add-bench.agent.json")));
}

void TestBench::countsEveryRunOnTheScriptedModel()
{
    const int before = int(listRuns(m_ws).size());
    const AwbResult r = runAwb(benchArgs(m_ws, 12, 5), env());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Json report = r.json();
    QCOMPARE(report.value("runs", -1), 12);
    QCOMPARE(report.value("concurrency", -1), 5);
    QCOMPARE(report.value("failures", -1), 0);
    for (const char* key :
         {"total_s", "runs_per_s", "median_ms", "p95_ms", "p99_ms", "peak_rss_mb"})
        QVERIFY2(report.contains(key) && report[key].is_number() && report[key].get<double>() > 0,
                 key);
    QVERIFY(report["median_ms"].get<double>() <= report["p95_ms"].get<double>());
    QVERIFY(report["p95_ms"].get<double>() <= report["p99_ms"].get<double>());

    // Every run is a real, journaled run that answered 5.
    const Json runs = listRuns(m_ws);
    QCOMPARE(int(runs.size()), before + 12);
    int benchRuns = 0;
    for (const Json& run : runs) {
        if (run.value("agent", "") != "add-bench")
            continue;
        ++benchRuns;
        QCOMPARE(QString::fromStdString(run.value("status", "")), QStringLiteral("succeeded"));
        const AwbResult shown =
            runAwb({QStringLiteral("runs"), QStringLiteral("show"),
                    QString::fromStdString(run["run_id"].get<std::string>()),
                    QStringLiteral("--workspace"), m_ws, QStringLiteral("--json")},
                   env());
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
        QCOMPARE(QString::fromStdString(shown.json().value("final", "")), QStringLiteral("5"));
    }
    QVERIFY(benchRuns >= 12);
    const AwbResult verify = runAwb(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), m_ws},
        env());
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
}

void TestBench::runsTheOpenAiWireFormat_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("not streamed") << false;
    QTest::newRow("streamed") << true;
}

void TestBench::runsTheOpenAiWireFormat()
{
    QFETCH(bool, stream);
    MockLlmServer server;
    QVERIFY2(server.start(m_ws + QStringLiteral("/agents/add-bench.script.json")),
             qPrintable(server.error()));
    QStringList extra = {QStringLiteral("--provider"), QStringLiteral("openai"),
                         QStringLiteral("--model"),    QStringLiteral("gpt-4o-mini"),
                         QStringLiteral("--base-url"), server.url(QStringLiteral("/v1"))};
    if (!stream)
        extra << QStringLiteral("--no-stream");
    const AwbResult r = runAwb(benchArgs(m_ws, 20, 10, extra), env());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe() + server.stderrText()));
    QCOMPARE(r.json().value("failures", -1), 0);
    QCOMPARE(r.json().value("runs", -1), 20);
    // Two model calls per run, each with the tool and the right stream flag.
    const std::vector<Json> requests = server.requests();
    QCOMPARE(int(requests.size()), 40);
    for (const Json& request : requests) {
        const Json& body = request["body"];
        QCOMPARE(body.value("stream", false), stream);
        QCOMPARE(QString::fromStdString(body["tools"][0]["function"]["name"].get<std::string>()),
                 QStringLiteral("add"));
    }
    QVERIFY(!r.err.contains("sk-bench-test-key"));
}

void TestBench::countsFailuresAndNamesTheFirst()
{
    // The server refuses every request with a 400: no retry, every run fails.
    MockLlmServer server;
    QVERIFY2(server.start(m_ws + QStringLiteral("/agents/add-bench.script.json"),
                          {QStringLiteral("--fail"), QStringLiteral("1000"),
                           QStringLiteral("--fail-status"), QStringLiteral("400")}),
             qPrintable(server.error()));
    const AwbResult r =
        runAwb(benchArgs(m_ws, 6, 3,
                         {QStringLiteral("--provider"), QStringLiteral("openai"),
                          QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"),
                          QStringLiteral("--base-url"), server.url(QStringLiteral("/v1"))}),
               env());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value("failures", -1), 6);
    QCOMPARE(r.json().value("runs", -1), 6);
    QVERIFY2(r.err.contains("first failure") && r.err.contains("failed"), qPrintable(r.describe()));
    QCOMPARE(r.err.count("first failure"), 1);
}

void TestBench::aRunWaitingForApprovalIsAFailure()
{
    // The demo agent stops before send_email for a person's decision; a bench approves nothing.
    QStringList args = benchArgs(m_ws, 2, 2);
    args[1] = QStringLiteral("q3-reconciliation");
    const AwbResult r = runAwb(args, env());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value("failures", -1), 2);
    QVERIFY2(r.err.contains("waits for an approval"), qPrintable(r.describe()));
}

void TestBench::refusesBadOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no runs") << QStringList{QStringLiteral("--concurrency"), QStringLiteral("2"),
                                            QStringLiteral("--input"), QStringLiteral("x")}
                             << QStringLiteral("--runs needs a whole number");
    QTest::newRow("zero concurrency")
        << QStringList{QStringLiteral("--runs"),        QStringLiteral("2"),
                       QStringLiteral("--concurrency"), QStringLiteral("0"),
                       QStringLiteral("--input"),       QStringLiteral("x")}
        << QStringLiteral("--concurrency needs a whole number");
    QTest::newRow("no input") << QStringList{QStringLiteral("--runs"), QStringLiteral("2"),
                                             QStringLiteral("--concurrency"), QStringLiteral("1")}
                              << QStringLiteral("--input TEXT is required");
    QTest::newRow("unknown agent")
        << QStringList{QStringLiteral("--agent-typo")} << QStringLiteral("unknown option");
}

void TestBench::refusesBadOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const AwbResult r = runAwb(QStringList{QStringLiteral("bench"), QStringLiteral("add-bench"),
                                           QStringLiteral("--workspace"), m_ws} +
                                   args,
                               env());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(TestBench)
#include "TestBench.moc"
