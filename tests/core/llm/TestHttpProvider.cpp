// The HTTP transport against a local server that misbehaves on purpose: streaming and whole
// replies, retries and Retry-After, the error messages for 400/401/404, the three timeouts, a
// stream cut mid-way, cancellation at any moment, the circuit breaker, and the API key never
// leaking into anything the call emits. The wire protocol is a fake (support/FakeWireProtocol.h).

#include <QTcpServer>
#include <QTest>

#include "llm/transport/HttpProvider.h"
#include "support/CallRecorder.h"
#include "support/FakeWireProtocol.h"
#include "support/MockHttpServer.h"

using namespace awb;
using namespace awb::llm;
using awb::test::CallRecorder;
using awb::test::FakeProtocol;
using awb::test::MockChunk;
using awb::test::MockHttpServer;
using awb::test::MockResponse;

namespace {

// Compared as text: QCOMPARE cannot take nlohmann::json, and the dump shows the difference.
QString dumped(const Json& value)
{
    return toQ(value.dump());
}

const QString kKey = QStringLiteral("sk-test-SECRET-4242");

QByteArray errorBody(const QByteArray& message)
{
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"test_error\"}}";
}

const QList<QByteArray> kHelloStream = {
    "data: {\"text\":\"Hel\"}\n\n",
    "data: {\"text\":\"lo \xE2\x82\xAC\"}\n\n",
    "data: "
    "{\"usage\":{\"input\":1000,\"output\":500,\"cached\":0},\"model\":\"gpt-4o-mini-2024-07-18\"}"
    "\n\n",
    "data: [DONE]\n\n",
};
const QString kHello = QString::fromUtf8("Hello \xE2\x82\xAC");

ModelRequest helloRequest()
{
    ModelRequest r;
    r.model = QStringLiteral("gpt-4o-mini");
    r.messages.push_back(ChatMessage::user(QStringLiteral("Say hello")));
    return r;
}

} // namespace

class TestHttpProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void streamsTextAndFinishesWithTheResponse();
    void readsAWholeReplyWhenNotStreaming();
    void readsAJsonReplyToAStreamingRequest();
    void finishesAsynchronouslyWhenTheRequestCannotBeBuilt();
    void retriesA429AfterTheDelayTheServerAsked();
    void givesUpAfterFour503s();
    void doesNotRetryARefusedKey();
    void showsThe400MessageVerbatim();
    void namesTheModelOn404();
    void retriesAfterAFirstByteTimeout();
    void failsAStalledStream();
    void retriesAStreamCutMidway_data();
    void retriesAStreamCutMidway();
    void retriesATransientErrorInTheStream();
    void retriesWhenTheConnectionIsRefused();
    void cancelsDuringBackoff();
    void cancelsMidStream();
    void cancelsWhileWaitingForTheServer();
    void circuitOpensAfterConsecutiveFailures();
    void neverLeaksTheKey_data();
    void neverLeaksTheKey();
    void redactsTheKeyInStringsAndObjectKeys();

private:
    HttpProvider provider(bool stream = true);
    CallRecorder* startCall(HttpProvider& p, const ModelRequest& request = helloRequest());
    bool waitDone(CallRecorder* rec, int timeoutMs = 5000);

    std::unique_ptr<MockHttpServer> m_server;
    std::shared_ptr<FakeProtocol> m_protocol;
    HttpOptions m_options;
    QObject* m_calls = nullptr; // parent of the calls of one test
};

void TestHttpProvider::init()
{
    m_server = std::make_unique<MockHttpServer>();
    QVERIFY(m_server->listen());
    m_protocol = std::make_shared<FakeProtocol>();
    m_options = HttpOptions();
    m_options.random = [] {
        return 0.0;
    }; // backoff delays of 0: fast tests, exact numbers
    m_options.breaker = std::make_shared<CircuitBreaker>(QStringLiteral("fake"));
    m_calls = new QObject(this);
}

void TestHttpProvider::cleanup()
{
    delete m_calls;
    m_calls = nullptr;
    m_server.reset();
}

HttpProvider TestHttpProvider::provider(bool stream)
{
    ProviderConfig config;
    config.provider = QStringLiteral("openai");
    config.baseUrl = m_server->baseUrl(QStringLiteral("/v1"));
    config.apiKey = kKey;
    config.stream = stream;
    return HttpProvider(m_protocol, config, m_options);
}

CallRecorder* TestHttpProvider::startCall(HttpProvider& p, const ModelRequest& request)
{
    ModelCall* call = p.start(request, m_calls);
    return new CallRecorder(call, m_calls);
}

bool TestHttpProvider::waitDone(CallRecorder* rec, int timeoutMs)
{
    return QTest::qWaitFor([rec] { return rec->done(); }, timeoutMs);
}

void TestHttpProvider::streamsTextAndFinishesWithTheResponse()
{
    m_server->enqueue(MockResponse::sse(kHelloStream, 5));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->results.size(), std::size_t(1));
    QVERIFY2(rec->result().ok(),
             qPrintable(rec->result().ok() ? QString() : rec->result().errorMessage()));
    const ModelResponse& r = *rec->result();
    QCOMPARE(rec->deltas,
             (QStringList{QStringLiteral("Hel"), QString::fromUtf8("lo \xE2\x82\xAC")}));
    QCOMPARE(r.message.text, kHello);
    QCOMPARE(r.provider, QStringLiteral("openai"));
    QCOMPARE(r.model, QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(r.usage.inputTokens, qint64(1000));
    QCOMPARE(r.usage.costMicros, qint64(450)); // 1000 x 0.15 + 500 x 0.60 per million
    QCOMPARE(dumped(r.rawRequest["model"]), dumped(Json("gpt-4o-mini")));
    QCOMPARE(r.rawResponse.size(), std::size_t(4)); // the frames, as received
    QVERIFY(rec->retries.empty());

    QCOMPARE(m_server->requests().size(), std::size_t(1));
    const auto& sent = m_server->requests().front();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QByteArray("/v1/chat"));
    QCOMPARE(sent.header("Accept"), QByteArray("text/event-stream"));
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(sent.header("Authorization"), "Bearer " + kKey.toUtf8());
    QCOMPARE(dumped(parseJson(sent.body).value()["stream"]), dumped(Json(true)));

    QCOMPARE(rec->exchanges.size(), std::size_t(1));
    const auto& [request, response] = rec->exchanges.front();
    QCOMPARE(dumped(request["headers"]["authorization"]), dumped(Json("[redacted]")));
    QCOMPARE(dumped(request["url"]),
             dumped(Json(toStd(m_server->baseUrl(QStringLiteral("/v1/chat"))))));
    QCOMPARE(dumped(response["status"]), dumped(Json(200)));
    QCOMPARE(response["events"].size(), std::size_t(4));
    QCOMPARE(dumped(response["events"][0]["data"]["text"]), dumped(Json("Hel")));
}

void TestHttpProvider::readsAWholeReplyWhenNotStreaming()
{
    m_server->enqueue(MockResponse::json(
        200,
        R"({"text":"Whole answer","model":"gpt-4o-mini","usage":{"input":2000,"output":0,"cached":1000}})"));
    HttpProvider p = provider(false);
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QVERIFY(rec->result().ok());
    QCOMPARE(rec->result()->message.text, QStringLiteral("Whole answer"));
    QCOMPARE(rec->result()->usage.costMicros, qint64(225)); // 1000 x 0.15 + 1000 x 0.075
    QCOMPARE(dumped(rec->result()->rawResponse["text"]), dumped(Json("Whole answer")));
    QVERIFY(rec->deltas.isEmpty());
    QCOMPARE(m_server->requests().front().header("Accept"), QByteArray("application/json"));
    QCOMPARE(dumped(rec->exchanges.front().second["body"]["model"]), dumped(Json("gpt-4o-mini")));
}

void TestHttpProvider::readsAJsonReplyToAStreamingRequest()
{
    // Some compatible servers ignore "stream": the JSON document is read whole.
    m_server->enqueue(
        MockResponse::json(200, R"({"text":"Not streamed","usage":{"input":1,"output":1}})"));
    HttpProvider p = provider(true);
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QVERIFY(rec->result().ok());
    QCOMPARE(rec->result()->message.text, QStringLiteral("Not streamed"));
    QCOMPARE(rec->result()->model,
             QStringLiteral("gpt-4o-mini")); // the requested one, as none came back
}

void TestHttpProvider::finishesAsynchronouslyWhenTheRequestCannotBeBuilt()
{
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p, ModelRequest());
    QVERIFY(!rec->done()); // never from inside start()
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->result().error().code, QStringLiteral("invalid_request"));
    QVERIFY(m_server->requests().empty());
}

void TestHttpProvider::retriesA429AfterTheDelayTheServerAsked()
{
    m_server->enqueue(MockResponse::json(429, errorBody("Rate limit reached for gpt-4o-mini"))
                          .header("Retry-After", "1")
                          .header("x-ratelimit-reset-requests", "6m0s"));
    m_server->enqueue(MockResponse::sse(kHelloStream));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec, 10000));
    QVERIFY(rec->result().ok());
    QCOMPARE(rec->result()->message.text, kHello);
    QCOMPARE(rec->retries.size(), std::size_t(1));
    QCOMPARE(rec->retries[0].attempt, 2);
    QCOMPARE(rec->retries[0].delayMs, 1000); // Retry-After wins over the reset header
    QCOMPARE(rec->retries[0].reason.code, QStringLiteral("rate_limited"));
    QVERIFY(rec->retries[0].reason.message.contains(
        QLatin1String("Rate limit reached for gpt-4o-mini")));
    QCOMPARE(m_server->requests().size(), std::size_t(2));
    QCOMPARE(rec->exchanges.size(), std::size_t(2));
    QCOMPARE(dumped(rec->exchanges[0].second["status"]), dumped(Json(429)));
    QCOMPARE(dumped(rec->exchanges[0].second["error"]["code"]), dumped(Json("rate_limited")));
}

void TestHttpProvider::givesUpAfterFour503s()
{
    for (int i = 0; i < 5; ++i)
        m_server->enqueue(MockResponse::json(503, errorBody("The server is overloaded")));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->results.size(), std::size_t(1));
    QVERIFY(!rec->result().ok());
    const Error& e = rec->result().error();
    QCOMPARE(e.code, QStringLiteral("retries_exhausted"));
    QCOMPARE(e.message,
             QStringLiteral("openai at %1 failed after 4 attempts. The last error: openai at %1 "
                            "answered HTTP 503: The server is overloaded")
                 .arg(m_server->baseUrl(QStringLiteral("/v1"))));
    QCOMPARE(m_server->requests().size(), std::size_t(4));
    QCOMPARE(rec->retries.size(), std::size_t(3));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rec->retries[i].attempt, i + 2);
}

void TestHttpProvider::doesNotRetryARefusedKey()
{
    m_server->enqueue(MockResponse::json(401, errorBody("Incorrect API key provided")));
    m_server->enqueue(MockResponse::sse(kHelloStream));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->result().error().code, QStringLiteral("auth_failed"));
    QCOMPARE(
        rec->result().errorMessage(),
        QStringLiteral("openai refused the API key (HTTP 401: Incorrect API key provided). Set "
                       "OPENAI_API_KEY or store a key with `awb keys set openai`"));
    QCOMPARE(m_server->requests().size(), std::size_t(1));
    QVERIFY(rec->retries.empty());
}

void TestHttpProvider::showsThe400MessageVerbatim()
{
    const QByteArray message =
        "Invalid schema for function 'query_ledger': 'object' is not valid under any of the "
        "given schemas.";
    m_server->enqueue(MockResponse::json(400, errorBody(message)));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->result().error().code, QStringLiteral("provider_rejected"));
    QCOMPARE(rec->result().errorMessage(),
             QStringLiteral("openai rejected the request (HTTP 400): ") +
                 QString::fromUtf8(message));
    QCOMPARE(m_server->requests().size(), std::size_t(1));
}

void TestHttpProvider::namesTheModelOn404()
{
    m_server->enqueue(MockResponse::json(404, errorBody("The model `gpt-x` does not exist")));
    HttpProvider p = provider();
    ModelRequest request = helloRequest();
    request.model = QStringLiteral("gpt-x");
    CallRecorder* rec = startCall(p, request);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->result().error().code, QStringLiteral("model_not_found"));
    QCOMPARE(rec->result().errorMessage(),
             QStringLiteral(
                 "model \"gpt-x\" was not found at %1 (HTTP 404: The model `gpt-x` does not exist)")
                 .arg(m_server->baseUrl(QStringLiteral("/v1"))));
    QCOMPARE(m_server->requests().size(), std::size_t(1));
}

void TestHttpProvider::retriesAfterAFirstByteTimeout()
{
    m_options.firstByteTimeoutMs = 300;
    m_server->enqueue(MockResponse::silent());
    m_server->enqueue(MockResponse::sse(kHelloStream));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QVERIFY(rec->result().ok());
    QCOMPARE(rec->retries.size(), std::size_t(1));
    QCOMPARE(rec->retries[0].reason.code, QStringLiteral("timeout"));
    QCOMPARE(rec->retries[0].reason.message,
             QStringLiteral("no response from openai at %1 within 300 ms")
                 .arg(m_server->baseUrl(QStringLiteral("/v1"))));
    QCOMPARE(m_server->requests().size(), std::size_t(2));
}

void TestHttpProvider::failsAStalledStream()
{
    m_options.idleTimeoutMs = 300;
    m_options.retry.maxAttempts = 1;
    MockResponse stalled = MockResponse::sse(kHelloStream);
    stalled.chunks[1].delayMs = 20000; // far beyond the idle timeout
    m_server->enqueue(stalled);
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->deltas, QStringList{QStringLiteral("Hel")});
    QCOMPARE(rec->result().error().code, QStringLiteral("retries_exhausted"));
    QVERIFY2(rec->result().errorMessage().endsWith(
                 QStringLiteral("the stream from openai at %1 stalled: no data for 300 ms")
                     .arg(m_server->baseUrl(QStringLiteral("/v1")))),
             qPrintable(rec->result().errorMessage()));
}

void TestHttpProvider::retriesAStreamCutMidway_data()
{
    QTest::addColumn<int>("framing");
    QTest::newRow("chunked") << int(MockResponse::Framing::Chunked);
    QTest::newRow("close-delimited") << int(MockResponse::Framing::CloseDelimited);
}

void TestHttpProvider::retriesAStreamCutMidway()
{
    QFETCH(int, framing);
    MockResponse cut = MockResponse::sse(kHelloStream);
    cut.framing = MockResponse::Framing(framing);
    cut.closeAfterBodyBytes = kHelloStream[0].size() + 10; // inside the second event
    m_server->enqueue(cut);
    m_server->enqueue(MockResponse::sse(kHelloStream));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QVERIFY2(rec->result().ok(),
             qPrintable(rec->result().ok() ? QString() : rec->result().errorMessage()));
    QCOMPARE(rec->result()->message.text, kHello); // the retry started over
    QCOMPARE(rec->retries.size(), std::size_t(1));
    QCOMPARE(rec->retries[0].reason.code, QStringLiteral("stream_interrupted"));
    // The first attempt's text was delivered before the cut; the retry signal tells it apart.
    QCOMPARE(rec->deltas, (QStringList{QStringLiteral("Hel"), QStringLiteral("Hel"),
                                       QString::fromUtf8("lo \xE2\x82\xAC")}));
}

void TestHttpProvider::retriesATransientErrorInTheStream()
{
    m_server->enqueue(MockResponse::sse(
        {"data: {\"text\":\"Hel\"}\n\n",
         "event: error\ndata: {\"message\":\"Overloaded\",\"code\":\"overloaded_error\"}\n\n"}));
    m_server->enqueue(MockResponse::sse(
        {"event: error\ndata: {\"message\":\"Bad tool\",\"code\":\"invalid_request\"}\n\n"}));
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->retries.size(), std::size_t(1));
    QCOMPARE(rec->retries[0].reason.code, QStringLiteral("overloaded_error"));
    QCOMPARE(rec->result().error().code,
             QStringLiteral("invalid_request")); // not transient: no retry
    QVERIFY(rec->result().errorMessage().contains(QLatin1String("Bad tool")));
    QCOMPARE(m_server->requests().size(), std::size_t(2));
}

void TestHttpProvider::retriesWhenTheConnectionIsRefused()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    ProviderConfig config;
    config.provider = QStringLiteral("openai");
    config.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort);
    config.apiKey = kKey;
    m_options.retry.maxAttempts = 2;
    HttpProvider p(m_protocol, config, m_options);
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->retries.size(), std::size_t(1));
    QCOMPARE(rec->retries[0].reason.code, QStringLiteral("network_error"));
    QCOMPARE(rec->result().error().code, QStringLiteral("retries_exhausted"));
    QVERIFY2(rec->result().errorMessage().contains(QStringLiteral("could not reach openai at ") +
                                                   config.baseUrl),
             qPrintable(rec->result().errorMessage()));
}

void TestHttpProvider::cancelsDuringBackoff()
{
    m_server->enqueue(MockResponse::json(503, errorBody("busy")).header("Retry-After", "30"));
    HttpProvider p = provider();
    ModelCall* call = p.start(helloRequest(), m_calls);
    auto* rec = new CallRecorder(call, m_calls);
    QTRY_COMPARE_WITH_TIMEOUT(rec->retries.size(), std::size_t(1), 5000);
    QCOMPARE(rec->retries[0].delayMs, 30000);
    call->cancel();
    call->cancel(); // a second cancel changes nothing
    QCoreApplication::processEvents();
    QCOMPARE(rec->results.size(), std::size_t(1));
    QCOMPARE(rec->result().error().code, QStringLiteral("cancelled"));
    QCOMPARE(m_server->requests().size(), std::size_t(1));
}

void TestHttpProvider::cancelsMidStream()
{
    MockResponse slow = MockResponse::sse(kHelloStream);
    slow.chunks[1].delayMs = 20000;
    m_server->enqueue(slow);
    HttpProvider p = provider();
    ModelCall* call = p.start(helloRequest(), m_calls);
    auto* rec = new CallRecorder(call, m_calls);
    QTRY_COMPARE_WITH_TIMEOUT(rec->deltas.size(), 1, 5000);
    QCOMPARE(m_server->openConnections(), 1);
    call->cancel();
    QCOMPARE(rec->results.size(), std::size_t(1));
    QCOMPARE(rec->result().error().code, QStringLiteral("cancelled"));
    // The connection is really dropped, not left streaming into nowhere.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    QCOMPARE(rec->results.size(), std::size_t(1));
    QCOMPARE(rec->deltas.size(), 1);
}

void TestHttpProvider::cancelsWhileWaitingForTheServer()
{
    m_server->enqueue(MockResponse::silent());
    HttpProvider p = provider();
    ModelCall* call = p.start(helloRequest(), m_calls);
    auto* rec = new CallRecorder(call, m_calls);
    QVERIFY(m_server->waitForRequests(1));
    call->cancel();
    QCOMPARE(rec->results.size(), std::size_t(1));
    QCOMPARE(rec->result().error().code, QStringLiteral("cancelled"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    QCOMPARE(rec->results.size(), std::size_t(1));
}

void TestHttpProvider::circuitOpensAfterConsecutiveFailures()
{
    qint64 now = 0;
    m_options.breaker = std::make_shared<CircuitBreaker>(
        QStringLiteral("openai at test"), CircuitSettings{2, 30000}, [&now] { return now; });
    m_options.retry.maxAttempts = 1;
    for (int i = 0; i < 2; ++i)
        m_server->enqueue(MockResponse::json(500, errorBody("boom")));
    m_server->enqueue(MockResponse::sse(kHelloStream));
    HttpProvider p = provider();
    for (int i = 0; i < 2; ++i) {
        CallRecorder* rec = startCall(p);
        QVERIFY(waitDone(rec));
        QCOMPARE(rec->result().error().code, QStringLiteral("retries_exhausted"));
    }
    CallRecorder* rejected = startCall(p);
    QVERIFY(waitDone(rejected));
    QCOMPARE(rejected->result().error().code, QStringLiteral("circuit_open"));
    QCOMPARE(m_server->requests().size(), std::size_t(2)); // rejected at once, not sent

    now = 30000; // the cooldown passed: one trial goes through and closes the circuit
    CallRecorder* trial = startCall(p);
    QVERIFY(waitDone(trial));
    QVERIFY(trial->result().ok());
    QCOMPARE(m_options.breaker->state(), CircuitBreaker::State::Closed);
}

void TestHttpProvider::neverLeaksTheKey_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("keyInQuery");
    QTest::newRow("401 echoing the key") << 401 << false;
    QTest::newRow("500 echoing the key, retried") << 500 << false;
    QTest::newRow("400 with the key in the url") << 400 << true;
    QTest::newRow("success with the key in the url") << 200 << true;
}

void TestHttpProvider::neverLeaksTheKey()
{
    QFETCH(int, status);
    QFETCH(bool, keyInQuery);
    m_protocol->keyInQuery = keyInQuery;
    m_options.retry.maxAttempts = 2;
    if (status == 200) {
        m_server->enqueue(MockResponse::sse(
            {"data: {\"text\":\"your key is " + kKey.toUtf8() + "\"}\n\n", "data: [DONE]\n\n"}));
    } else {
        for (int i = 0; i < 2; ++i)
            m_server->enqueue(MockResponse::json(
                                  status, errorBody("Incorrect API key provided: " + kKey.toUtf8()))
                                  .header("x-echo", kKey.toUtf8()));
    }
    HttpProvider p = provider();
    CallRecorder* rec = startCall(p);
    QVERIFY(waitDone(rec));
    QVERIFY(m_server->requests().front().header("Authorization").contains(kKey.toUtf8())); // it was
                                                                                           // sent
    QVERIFY(!rec->exchanges.empty());
    QString everything = rec->everything();
    if (status == 200) {
        // Model text is the model's: it is not ours to censor. Everything else is.
        QVERIFY(rec->result().ok());
        everything.remove(rec->result()->message.text);
        for (const QString& d : rec->deltas)
            everything.remove(d);
    }
    QVERIFY2(!everything.contains(kKey), qPrintable(everything));
    QVERIFY(everything.contains(QLatin1String("[redacted]")));
}

void TestHttpProvider::redactsTheKeyInStringsAndObjectKeys()
{
    const QString key = QStringLiteral("sk-secret-42");
    Json value = {{"plain", "nothing here"},
                  {"list", {"a sk-secret-42 b sk-secret-42", 7, nullptr}},
                  {"nested", {{"sk-secret-42", {{"deep", "xsk-secret-42y"}}}}}};
    const Json untouched = {{"plain", "nothing here"}, {"n", 1}};
    Json copy = untouched;
    llm::redactSecretInPlace(copy, key);
    QCOMPARE(QString::fromStdString(copy.dump()), QString::fromStdString(untouched.dump()));
    const Json redacted = llm::redactSecret(value, key);
    QCOMPARE(QString::fromStdString(redacted["list"][0].get<std::string>()),
             QStringLiteral("a [redacted] b [redacted]"));
    QCOMPARE(QString::fromStdString(redacted["nested"]["[redacted]"]["deep"].get<std::string>()),
             QStringLiteral("x[redacted]y"));
    QVERIFY(!QString::fromStdString(redacted.dump()).contains(key));
    QVERIFY(QString::fromStdString(value.dump()).contains(key)); // the original is left alone
    llm::redactSecretInPlace(value, QString());                  // no secret: nothing to do
    QCOMPARE(value["list"][1].get<int>(), 7);
}

QTEST_GUILESS_MAIN(TestHttpProvider)
#include "TestHttpProvider.moc"
