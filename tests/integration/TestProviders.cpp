// The demo run through every real provider's wire format: the real `awb` binary against the mock
// LLM server (tests/support/mock_llm_server.py) on 127.0.0.1, streaming and not, with the API key
// required by the server and searched for afterwards; plus wrong keys, rate limits with
// Retry-After, streams cut mid-way and a fallback chain from a dead endpoint.

#include <QtTest>

#include <QTcpServer>
#include <QUuid>

#include "engine/RunEvent.h"
#include "store/Sqlite.h"
#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {

struct ProviderCase
{
    QString provider;
    QString model;
    QString keyVariable; // empty: the provider takes no key (local servers)
    QString pathSuffix;  // appended to the server's URL for --base-url
};

const std::vector<ProviderCase>& providerCases()
{
    static const std::vector<ProviderCase> cases = {
        {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), QStringLiteral("OPENAI_API_KEY"),
         QStringLiteral("/v1")},
        {QStringLiteral("openai-responses"), QStringLiteral("gpt-4.1-mini"),
         QStringLiteral("OPENAI_API_KEY"), QStringLiteral("/v1")},
        {QStringLiteral("anthropic"), QStringLiteral("claude-haiku-4-5"),
         QStringLiteral("ANTHROPIC_API_KEY"), QString()},
        {QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"),
         QStringLiteral("GEMINI_API_KEY"), QString()},
        {QStringLiteral("ollama"), QStringLiteral("llama3.2"), QString(), QString()},
        {QStringLiteral("openai-compatible"), QStringLiteral("qwen2.5-7b-instruct"), QString(),
         QStringLiteral("/v1")},
    };
    return cases;
}

ProviderCase providerCase(const QString& name)
{
    for (const ProviderCase& c : providerCases()) {
        if (c.provider == name)
            return c;
    }
    return {};
}

// A key no file could hold by chance.
QString freshKey(const char* prefix)
{
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

// A demo workspace, an SMTP sink and a mock LLM server for one test row.
struct Fixture
{
    QTemporaryDir dir;
    SmtpSink sink;
    MockLlmServer mock;

    QString workspace() const { return dir.filePath(QStringLiteral("ws")); }
    QString script() const
    {
        return workspace() + QStringLiteral("/agents/q3-reconciliation.script.json");
    }

    bool setUp(const QStringList& mockArgs, QString* why)
    {
        const AwbResult init =
            runAwb({QStringLiteral("demo"), QStringLiteral("init"), workspace()}, auditEnv());
        if (init.exitCode != 0) {
            *why = init.describe();
            return false;
        }
        if (!sink.start()) {
            *why = sink.error();
            return false;
        }
        if (!mock.start(script(), mockArgs)) {
            *why = mock.error();
            return false;
        }
        return true;
    }

    static QMap<QString, QString> auditEnv()
    {
        return {{QStringLiteral("AWB_AUDIT_KEY"),
                 QStringLiteral("an-audit-key-for-provider-tests-42")}};
    }

    // Only `key` in `variable`: the other providers' variables are unset, whatever the test's
    // own environment holds.
    QMap<QString, QString> env(const QString& variable, const QString& key) const
    {
        QMap<QString, QString> e = auditEnv();
        e.insert(QStringLiteral("AWB_SMTP_URL"), sink.url());
        for (const char* v : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"})
            e.insert(QString::fromLatin1(v), QString());
        if (!variable.isEmpty())
            e.insert(variable, key);
        return e;
    }

    AwbResult run(const QString& agent, const QStringList& extraArgs,
                  const QMap<QString, QString>& environment) const
    {
        return runAwb(QStringList{QStringLiteral("run"), agent, QStringLiteral("--workspace"),
                                  workspace(), QStringLiteral("--input"), demoRequest(),
                                  QStringLiteral("--approve-all"), QStringLiteral("--json")} +
                          extraArgs,
                      environment);
    }

    AwbResult runOn(const ProviderCase& c, bool stream, const QString& key) const
    {
        QStringList args = {QStringLiteral("--provider"), c.provider,
                            QStringLiteral("--model"),    c.model,
                            QStringLiteral("--base-url"), mock.url(c.pathSuffix)};
        if (!stream)
            args << QStringLiteral("--no-stream");
        return run(QStringLiteral("q3-reconciliation"), args, env(c.keyVariable, key));
    }

    // The data of the run's events of one kind, in order.
    std::vector<Json> events(const QString& runId, EventKind kind) const
    {
        std::vector<Json> out;
        auto db = sql::Database::open(workspace() + QStringLiteral("/.awb/workspace.db"),
                                      sql::OpenMode::ReadOnly);
        if (!db)
            return out;
        auto st = db->prepare(
            QStringLiteral("SELECT data FROM events WHERE run_id = ? AND kind = ? ORDER BY seq"));
        st->bind(1, runId).bind(2, int(kind));
        while (st->step())
            out.push_back(Json::parse(st->textUtf8(0).toStdString(), nullptr, false));
        return out;
    }

    // Kinds of the audit trail, as `awb audit export` writes them (to a file outside the
    // workspace).
    QStringList auditKinds() const
    {
        const QString out = dir.filePath(QStringLiteral("audit.jsonl"));
        const AwbResult r =
            runAwb({QStringLiteral("audit"), QStringLiteral("export"),
                    QStringLiteral("--workspace"), workspace(), QStringLiteral("--format"),
                    QStringLiteral("jsonl"), QStringLiteral("--out"), out},
                   auditEnv());
        QStringList kinds;
        QFile f(out);
        if (r.exitCode != 0 || !f.open(QIODevice::ReadOnly))
            return kinds;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const Json entry = Json::parse(line.toStdString(), nullptr, false);
            if (entry.is_object())
                kinds << jsonString(entry, "kind");
        }
        return kinds;
    }

    // Every file the run left under the workspace that holds `needle`.
    QStringList filesContaining(const QString& needle) const
    {
        QStringList hits;
        for (const QString& path : allFiles(workspace())) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle.toUtf8()))
                hits << path;
        }
        return hits;
    }
};

QString toolStep(const Json& run, const char* tool)
{
    for (const Json& s : run["steps"]) {
        if (s["kind"] == "tool" && s["name"] == tool && s["status"] == "succeeded")
            return toQ(s["id"].get<std::string>());
    }
    return {};
}

int modelRetries(const Json& run)
{
    int retries = 0;
    for (const Json& s : run["steps"]) {
        if (s["kind"] == "model")
            retries += s.value("retries", 0);
    }
    return retries;
}

// Whether a logged request asked for a streamed reply, in its provider's terms.
bool askedToStream(const Json& request)
{
    const std::string path = request.value("path", "");
    if (path.find(":streamGenerateContent") != std::string::npos)
        return true;
    if (path.find(":generateContent") != std::string::npos)
        return false;
    const Json& body = request["body"];
    if (path == "/api/chat")
        return !(body.contains("stream") && body["stream"] == false);
    return body.value("stream", false) == true;
}

// The demo's scripted usage, summed over its six turns (the mock reports each turn's own).
constexpr int kScriptInputTokens = 3184 + 5962 + 8841 + 12307 + 13915 + 15102;
constexpr int kScriptOutputTokens = 297 + 341 + 468 + 412 + 604 + 538;

} // namespace

class TestProviders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoRunSucceedsThroughEachProvider_data();
    void demoRunSucceedsThroughEachProvider();
    void wrongKeyFailsNamingTheVariableWithoutTheKey_data();
    void wrongKeyFailsNamingTheVariableWithoutTheKey();
    void rateLimitIsRetriedAfterRetryAfter_data();
    void rateLimitIsRetriedAfterRetryAfter();
    void cutStreamIsRetried_data();
    void cutStreamIsRetried();
    void fallbackChainContinuesOnTheNextProvider();

private:
    QString m_scriptedFinal; // the final answer of the same demo on the scripted model
};

void TestProviders::initTestCase()
{
    const AwbResult help = runAwb({QStringLiteral("--help")});
    QVERIFY2(help.out.contains("--no-stream") || help.err.contains("--no-stream"),
             "awb --help does not mention --no-stream: this build has no HTTP providers yet");
    Fixture f;
    QString why;
    QVERIFY2(f.setUp({}, &why), qPrintable(why));
    const AwbResult r =
        f.run(QStringLiteral("q3-reconciliation"),
              {QStringLiteral("--provider"), QStringLiteral("scripted")}, f.env({}, {}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    m_scriptedFinal = toQ(r.json()["final"].get<std::string>());
    QVERIFY(m_scriptedFinal.contains(QLatin1String("Q3 2026 revenue reconciliation")));
}

void TestProviders::demoRunSucceedsThroughEachProvider_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("stream");
    for (const ProviderCase& c : providerCases()) {
        QTest::addRow("%s streaming", qPrintable(c.provider)) << c.provider << true;
        QTest::addRow("%s --no-stream", qPrintable(c.provider)) << c.provider << false;
    }
}

void TestProviders::demoRunSucceedsThroughEachProvider()
{
    QFETCH(QString, provider);
    QFETCH(bool, stream);
    const ProviderCase c = providerCase(provider);
    const QString key = freshKey("sk-test-");
    Fixture f;
    QString why;
    QVERIFY2(f.setUp(c.keyVariable.isEmpty() ? QStringList()
                                             : QStringList{QStringLiteral("--require-key"), key},
                     &why),
             qPrintable(why));

    const AwbResult r = f.runOn(c, stream, key);
    QVERIFY2(r.exitCode == 0,
             qPrintable(r.describe() + QStringLiteral("\n--- mock\n") + f.mock.stderrText()));
    const Json run = r.json();
    QCOMPARE(run["status"], "succeeded");
    QCOMPARE(run["scripted"], false);
    QCOMPARE(toQ(run["provider"].get<std::string>()), c.provider);
    QCOMPARE(toQ(run["model"].get<std::string>()), c.model);
    for (const char* tool :
         {"sql_query", "reconcile", "detect_anomalies", "render_report", "send_email"})
        QVERIFY2(!toolStep(run, tool).isEmpty(), tool);
    QCOMPARE(f.sink.messages().size(), 1);
    // Usage came through the provider's own usage fields, turn by turn.
    QCOMPARE(run["usage"]["input_tokens"].get<int>(), kScriptInputTokens);
    QCOMPARE(run["usage"]["output_tokens"].get<int>(), kScriptOutputTokens);
    // Tool results went back in the provider's format: the templates of the answer resolved to
    // exactly what the scripted model says.
    QCOMPARE(toQ(run["final"].get<std::string>()), m_scriptedFinal);

    const std::vector<Json> requests = f.mock.requests();
    QCOMPARE(int(requests.size()), 6); // one request per turn: nothing failed, nothing retried
    for (const Json& request : requests)
        QCOMPARE(askedToStream(request), stream);

    if (!c.keyVariable.isEmpty()) {
        QCOMPARE(f.filesContaining(key), QStringList());
        QVERIFY(!r.out.contains(key.toUtf8()) && !r.err.contains(key.toUtf8()));
    }
}

void TestProviders::wrongKeyFailsNamingTheVariableWithoutTheKey_data()
{
    QTest::addColumn<QString>("provider");
    for (const ProviderCase& c : providerCases()) {
        if (!c.keyVariable.isEmpty())
            QTest::newRow(qPrintable(c.provider)) << c.provider;
    }
}

void TestProviders::wrongKeyFailsNamingTheVariableWithoutTheKey()
{
    QFETCH(QString, provider);
    const ProviderCase c = providerCase(provider);
    const QString rightKey = freshKey("sk-right-");
    const QString wrongKey = freshKey("sk-wrong-");
    Fixture f;
    QString why;
    QVERIFY2(f.setUp({QStringLiteral("--require-key"), rightKey}, &why), qPrintable(why));

    const AwbResult r = f.runOn(c, true, wrongKey);
    QVERIFY2(r.exitCode != 0 && !r.crashed, qPrintable(r.describe()));
    const QByteArray said = r.out + r.err;
    QVERIFY2(said.contains(c.keyVariable.toUtf8()), qPrintable(r.describe()));
    QVERIFY2(!said.contains(wrongKey.toUtf8()) && !said.contains(rightKey.toUtf8()),
             qPrintable(r.describe()));
    QCOMPARE(f.mock.requests().size(), std::size_t(1)); // an authentication failure is not retried
    QCOMPARE(f.filesContaining(wrongKey), QStringList());
    QCOMPARE(f.sink.messages().size(), 0);
}

void TestProviders::rateLimitIsRetriedAfterRetryAfter_data()
{
    QTest::addColumn<QString>("provider");
    for (const ProviderCase& c : providerCases())
        QTest::newRow(qPrintable(c.provider)) << c.provider;
}

void TestProviders::rateLimitIsRetriedAfterRetryAfter()
{
    QFETCH(QString, provider);
    const ProviderCase c = providerCase(provider);
    const QString key = freshKey("sk-test-");
    Fixture f;
    QString why;
    QVERIFY2(
        f.setUp({QStringLiteral("--fail"), QStringLiteral("2"), QStringLiteral("--fail-status"),
                 QStringLiteral("429"), QStringLiteral("--retry-after"), QStringLiteral("1")},
                &why),
        qPrintable(why));

    const AwbResult r = f.runOn(c, true, key);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Json run = r.json();
    QCOMPARE(run["status"], "succeeded");
    QCOMPARE(modelRetries(run), 2);
    QCOMPARE(int(f.mock.requests().size()), 6 + 2);

    const std::vector<Json> retried =
        f.events(toQ(run["run_id"].get<std::string>()), EventKind::StepRetried);
    QCOMPARE(int(retried.size()), 2);
    for (const Json& e : retried)
        QVERIFY2(e.value("delay_ms", 0) >= 1000, e.dump().c_str()); // Retry-After: 1 was honoured
    QCOMPARE(f.auditKinds().count(QStringLiteral("model.retry")), 2);
}

void TestProviders::cutStreamIsRetried_data()
{
    QTest::addColumn<QString>("provider");
    for (const ProviderCase& c : providerCases())
        QTest::newRow(qPrintable(c.provider)) << c.provider;
}

void TestProviders::cutStreamIsRetried()
{
    QFETCH(QString, provider);
    const ProviderCase c = providerCase(provider);
    const QString key = freshKey("sk-test-");
    Fixture f;
    QString why;
    QVERIFY2(f.setUp({QStringLiteral("--cut-stream"), QStringLiteral("1")}, &why), qPrintable(why));

    const AwbResult r = f.runOn(c, true, key);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Json run = r.json();
    QCOMPARE(run["status"], "succeeded");
    QCOMPARE(modelRetries(run), 1);
    QCOMPARE(int(f.mock.requests().size()), 6 + 1);
    QCOMPARE(int(f.events(toQ(run["run_id"].get<std::string>()), EventKind::StepRetried).size()),
             1);
    // The cut reply's text never reached the answer twice.
    QCOMPARE(toQ(run["final"].get<std::string>()), m_scriptedFinal);
}

void TestProviders::fallbackChainContinuesOnTheNextProvider()
{
    const QString deadKey = freshKey("sk-dead-");
    const QString liveKey = freshKey("sk-live-");
    Fixture f;
    QString why;
    QVERIFY2(f.setUp({QStringLiteral("--require-key"), liveKey}, &why), qPrintable(why));
    int deadPort = 0;
    {
        QTcpServer probe; // a port that refuses connections once closed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        deadPort = probe.serverPort();
    }

    // The demo agent, first on an OpenAI endpoint that is down, then on Anthropic.
    QFile original(f.workspace() + QStringLiteral("/agents/q3-reconciliation.agent.json"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    Json agent = Json::parse(original.readAll().toStdString());
    agent["name"] = "q3-fallback";
    agent["model"] = {{"provider", "openai"},
                      {"name", "gpt-4o-mini"},
                      {"base_url", toStd(QStringLiteral("http://127.0.0.1:%1/v1").arg(deadPort))},
                      {"fallbacks", Json::array({{{"provider", "anthropic"},
                                                  {"name", "claude-haiku-4-5"},
                                                  {"base_url", toStd(f.mock.url())}}})}};
    QFile file(f.workspace() + QStringLiteral("/agents/q3-fallback.agent.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(agent.dump(2)));
    file.close();

    QMap<QString, QString> env = f.env(QStringLiteral("ANTHROPIC_API_KEY"), liveKey);
    env.insert(QStringLiteral("OPENAI_API_KEY"), deadKey);
    const AwbResult r = f.run(QStringLiteral("q3-fallback"), {}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Json run = r.json();
    QCOMPARE(run["status"], "succeeded");
    for (const char* tool :
         {"sql_query", "reconcile", "detect_anomalies", "render_report", "send_email"})
        QVERIFY2(!toolStep(run, tool).isEmpty(), tool);
    QCOMPARE(f.sink.messages().size(), 1);
    QCOMPARE(toQ(run["final"].get<std::string>()), m_scriptedFinal);
    QCOMPARE(int(f.mock.requests().size()), 6); // every turn was answered on the fallback

    const std::vector<Json> switches =
        f.events(toQ(run["run_id"].get<std::string>()), EventKind::ModelFellBack);
    QVERIFY2(!switches.empty(), "no model_fell_back event in the run");
    QVERIFY2(toQ(switches.front().value("from", "")).contains(QLatin1String("openai")),
             switches.front().dump().c_str());
    QVERIFY2(toQ(switches.front().value("to", "")).contains(QLatin1String("anthropic")),
             switches.front().dump().c_str());
    QVERIFY(f.auditKinds().contains(QStringLiteral("model.fallback")));
    QCOMPARE(f.filesContaining(liveKey), QStringList());
    QCOMPARE(f.filesContaining(deadKey), QStringList());
}

QTEST_GUILESS_MAIN(TestProviders)
#include "TestProviders.moc"
