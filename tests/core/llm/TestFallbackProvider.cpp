// The fallback chain: which failures hand the same request to the next provider, the fellBack
// event, the error that lists every failure, forwarding of the active call's signals, cancel,
// and a real chain of two HTTP providers where the first one is down.

#include <QTest>
#include <QTimer>

#include "llm/FallbackProvider.h"
#include "llm/transport/HttpProvider.h"
#include "support/CallRecorder.h"
#include "support/MockHttpServer.h"

using namespace awb;
using namespace awb::llm;
using awb::test::CallRecorder;
using awb::test::MockHttpServer;
using awb::test::MockResponse;

namespace {

// A call that emits a delta, a retry and an exchange, then its outcome; or hangs until cancelled.
class StubCall : public ModelCall
{
public:
    StubCall(QString name, std::optional<Result<ModelResponse>> outcome, int* cancels,
             QObject* parent)
        : ModelCall(parent), m_name(std::move(name)), m_outcome(std::move(outcome)),
          m_cancels(cancels)
    {
        QTimer::singleShot(0, this, [this] { run(); });
    }
    void cancel() override
    {
        if (m_done)
            return;
        m_done = true;
        ++*m_cancels;
        Q_EMIT finished(Error::make(QStringLiteral("cancelled"), QStringLiteral("cancelled")));
    }

private:
    void run()
    {
        if (m_done)
            return;
        Q_EMIT textDelta(QStringLiteral("from ") + m_name);
        Q_EMIT retrying(
            2, 0, Error::make(QStringLiteral("blip at ") + m_name, QStringLiteral("server_error")));
        Q_EMIT exchanged(Json{{"to", toStd(m_name)}}, Json{{"from", toStd(m_name)}});
        if (!m_outcome)
            return; // hangs
        m_done = true;
        Q_EMIT finished(*m_outcome);
    }

    QString m_name;
    std::optional<Result<ModelResponse>> m_outcome;
    int* m_cancels;
    bool m_done = false;
};

class StubProvider : public ModelProvider
{
public:
    StubProvider(QString name, std::optional<Result<ModelResponse>> outcome, bool scripted = false)
        : m_name(std::move(name)), m_outcome(std::move(outcome)), m_scripted(scripted)
    {
    }
    QString name() const override { return m_name; }
    bool isScripted() const override { return m_scripted; }
    ModelCall* start(const ModelRequest& request, QObject* parent) override
    {
        ++starts;
        lastRequest = request;
        return new StubCall(m_name, m_outcome, &cancels, parent);
    }

    int starts = 0;
    int cancels = 0;
    ModelRequest lastRequest;

private:
    QString m_name;
    std::optional<Result<ModelResponse>> m_outcome;
    bool m_scripted;
};

Result<ModelResponse> answer(const QString& text)
{
    ModelResponse r;
    r.message = ChatMessage::assistant(text);
    r.provider = text;
    return r;
}

Result<ModelResponse> failure(const char* code)
{
    return Error::make(QStringLiteral("failed with %1").arg(QLatin1String(code)),
                       QLatin1String(code));
}

ModelRequest request()
{
    ModelRequest r;
    r.model = QStringLiteral("gpt-4o-mini");
    r.instructions = QStringLiteral("Be brief.");
    r.messages.push_back(ChatMessage::user(QStringLiteral("Reconcile Q3")));
    return r;
}

} // namespace

class TestFallbackProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_calls = new QObject(this); }
    void cleanup() { delete m_calls; }

    void usesThePrimaryWhenItSucceeds();
    void fallsBackOnFailuresAnotherProviderCanCure_data();
    void fallsBackOnFailuresAnotherProviderCanCure();
    void stopsOnFailuresOfTheRequestItself_data();
    void stopsOnFailuresOfTheRequestItself();
    void namesTheFallbackWhenALaterProviderRefuses();
    void listsEveryFailureWhenAllFail();
    void forwardsTheSignalsOfEachActiveCall();
    void cancelsTheActiveCallOnce();
    void emptyChainFailsAsynchronously();
    void isNamedForThePrimaryAndScriptedIfAnyIs();
    void continuesOnTheNextHttpProviderWhenTheFirstIsDown();

private:
    CallRecorder* start(ModelProvider& p, ModelCall** call = nullptr)
    {
        ModelCall* c = p.start(request(), m_calls);
        if (call)
            *call = c;
        return new CallRecorder(c, m_calls);
    }
    static bool waitDone(CallRecorder* rec, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([rec] { return rec->done(); }, timeoutMs);
    }

    QObject* m_calls = nullptr;
};

void TestFallbackProvider::usesThePrimaryWhenItSucceeds()
{
    auto primary =
        std::make_shared<StubProvider>(QStringLiteral("openai"), answer(QStringLiteral("primary")));
    auto backup = std::make_shared<StubProvider>(QStringLiteral("anthropic"),
                                                 answer(QStringLiteral("backup")));
    FallbackProvider chain(
        {{QStringLiteral("openai"), primary}, {QStringLiteral("anthropic"), backup}});
    CallRecorder* rec = start(chain);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->results.size(), std::size_t(1));
    QCOMPARE(rec->result()->message.text, QStringLiteral("primary"));
    QVERIFY(rec->fallbacks.empty());
    QCOMPARE(backup->starts, 0);
}

void TestFallbackProvider::fallsBackOnFailuresAnotherProviderCanCure_data()
{
    QTest::addColumn<QString>("code");
    for (const char* code :
         {"retries_exhausted", "circuit_open", "network_error", "timeout", "stream_interrupted"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestFallbackProvider::fallsBackOnFailuresAnotherProviderCanCure()
{
    QFETCH(QString, code);
    auto primary =
        std::make_shared<StubProvider>(QStringLiteral("openai"), failure(qPrintable(code)));
    auto backup = std::make_shared<StubProvider>(QStringLiteral("anthropic"),
                                                 answer(QStringLiteral("backup")));
    FallbackProvider chain({{QStringLiteral("openai/gpt-4o-mini"), primary},
                            {QStringLiteral("anthropic/claude-sonnet-4-5"), backup}});
    CallRecorder* rec = start(chain);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->results.size(), std::size_t(1));
    QVERIFY(rec->result().ok());
    QCOMPARE(rec->result()->message.text, QStringLiteral("backup"));
    QCOMPARE(rec->fallbacks.size(), std::size_t(1));
    QCOMPARE(rec->fallbacks[0].from, QStringLiteral("openai/gpt-4o-mini"));
    QCOMPARE(rec->fallbacks[0].to, QStringLiteral("anthropic/claude-sonnet-4-5"));
    QCOMPARE(rec->fallbacks[0].reason.code, code);
    // The same conversation continues.
    QCOMPARE(backup->starts, 1);
    QCOMPARE(backup->lastRequest.instructions, QStringLiteral("Be brief."));
    QCOMPARE(backup->lastRequest.messages.size(), std::size_t(1));
    QCOMPARE(backup->lastRequest.messages[0].text, QStringLiteral("Reconcile Q3"));
}

void TestFallbackProvider::stopsOnFailuresOfTheRequestItself_data()
{
    QTest::addColumn<QString>("code");
    for (const char* code :
         {"provider_rejected", "auth_failed", "model_not_found", "cancelled", "invalid_request"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestFallbackProvider::stopsOnFailuresOfTheRequestItself()
{
    QFETCH(QString, code);
    auto primary =
        std::make_shared<StubProvider>(QStringLiteral("openai"), failure(qPrintable(code)));
    auto backup = std::make_shared<StubProvider>(QStringLiteral("anthropic"),
                                                 answer(QStringLiteral("backup")));
    FallbackProvider chain(
        {{QStringLiteral("openai"), primary}, {QStringLiteral("anthropic"), backup}});
    CallRecorder* rec = start(chain);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->result().error().code, code);
    QCOMPARE(rec->result().errorMessage(), QStringLiteral("failed with ") + code);
    QVERIFY(rec->fallbacks.empty());
    QCOMPARE(backup->starts, 0);
}

void TestFallbackProvider::namesTheFallbackWhenALaterProviderRefuses()
{
    auto primary =
        std::make_shared<StubProvider>(QStringLiteral("openai"), failure("retries_exhausted"));
    auto backup =
        std::make_shared<StubProvider>(QStringLiteral("anthropic"), failure("auth_failed"));
    FallbackProvider chain(
        {{QStringLiteral("openai"), primary}, {QStringLiteral("anthropic"), backup}});
    CallRecorder* rec = start(chain);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->result().error().code, QStringLiteral("auth_failed"));
    QCOMPARE(
        rec->result().errorMessage(),
        QStringLiteral(
            "failed with auth_failed (the call had fallen back to anthropic after: [openai] failed "
            "with retries_exhausted)"));
}

void TestFallbackProvider::listsEveryFailureWhenAllFail()
{
    auto a = std::make_shared<StubProvider>(QStringLiteral("openai"), failure("retries_exhausted"));
    auto b = std::make_shared<StubProvider>(QStringLiteral("anthropic"), failure("circuit_open"));
    auto c = std::make_shared<StubProvider>(QStringLiteral("ollama"), failure("network_error"));
    FallbackProvider chain({{QStringLiteral("openai"), a},
                            {QStringLiteral("anthropic"), b},
                            {QStringLiteral("ollama"), c}});
    CallRecorder* rec = start(chain);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->results.size(), std::size_t(1));
    QCOMPARE(rec->result().error().code, QStringLiteral("all_providers_failed"));
    QCOMPARE(
        rec->result().errorMessage(),
        QStringLiteral(
            "every provider of the fallback chain failed: [openai] failed with retries_exhausted; "
            "[anthropic] failed with circuit_open; [ollama] failed with network_error"));
    QCOMPARE(rec->fallbacks.size(), std::size_t(2));
    QCOMPARE(rec->fallbacks[1].from, QStringLiteral("anthropic"));
    QCOMPARE(rec->fallbacks[1].to, QStringLiteral("ollama"));
}

void TestFallbackProvider::forwardsTheSignalsOfEachActiveCall()
{
    auto primary = std::make_shared<StubProvider>(QStringLiteral("openai"), failure("timeout"));
    auto backup = std::make_shared<StubProvider>(QStringLiteral("anthropic"),
                                                 answer(QStringLiteral("backup")));
    FallbackProvider chain(
        {{QStringLiteral("openai"), primary}, {QStringLiteral("anthropic"), backup}});
    CallRecorder* rec = start(chain);
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->deltas,
             (QStringList{QStringLiteral("from openai"), QStringLiteral("from anthropic")}));
    QCOMPARE(rec->retries.size(), std::size_t(2));
    QCOMPARE(rec->retries[1].reason.message, QStringLiteral("blip at anthropic"));
    QCOMPARE(rec->exchanges.size(), std::size_t(2));
    QCOMPARE(toQ(rec->exchanges[1].second.dump()), QStringLiteral("{\"from\":\"anthropic\"}"));
}

void TestFallbackProvider::cancelsTheActiveCallOnce()
{
    auto primary =
        std::make_shared<StubProvider>(QStringLiteral("openai"), failure("network_error"));
    auto backup =
        std::make_shared<StubProvider>(QStringLiteral("anthropic"), std::nullopt); // hangs
    FallbackProvider chain(
        {{QStringLiteral("openai"), primary}, {QStringLiteral("anthropic"), backup}});
    ModelCall* call = nullptr;
    CallRecorder* rec = start(chain, &call);
    QVERIFY(QTest::qWaitFor([rec] { return rec->deltas.size() == 2; }, 5000));
    QCOMPARE(rec->fallbacks.size(), std::size_t(1));
    call->cancel();
    call->cancel();
    QCoreApplication::processEvents();
    QCOMPARE(rec->results.size(), std::size_t(1));
    QCOMPARE(rec->result().error().code, QStringLiteral("cancelled"));
    QCOMPARE(backup->cancels, 1);
    QCOMPARE(rec->fallbacks.size(), std::size_t(1)); // a cancel is not a reason to fall back
}

void TestFallbackProvider::emptyChainFailsAsynchronously()
{
    FallbackProvider chain({});
    CallRecorder* rec = start(chain);
    QVERIFY(!rec->done());
    QVERIFY(waitDone(rec));
    QCOMPARE(rec->result().error().code, QStringLiteral("unknown_provider"));
}

void TestFallbackProvider::isNamedForThePrimaryAndScriptedIfAnyIs()
{
    auto real =
        std::make_shared<StubProvider>(QStringLiteral("openai"), answer(QStringLiteral("x")));
    auto scripted = std::make_shared<StubProvider>(QStringLiteral("scripted"),
                                                   answer(QStringLiteral("y")), true);
    const FallbackProvider chain(
        {{QStringLiteral("openai"), real}, {QStringLiteral("scripted"), scripted}});
    QCOMPARE(chain.name(), QStringLiteral("openai"));
    QVERIFY(chain.isScripted());
    QVERIFY(!FallbackProvider({{QStringLiteral("openai"), real}}).isScripted());
}

namespace {
// Speaks just enough of a protocol for the chain test: {"text"} whole replies.
class PlainProtocol : public WireProtocol
{
public:
    QString name() const override { return QStringLiteral("plain"); }
    QString keyEnvironmentVariable() const override { return QStringLiteral("PLAIN_API_KEY"); }
    Result<HttpRequestSpec> buildRequest(const ModelRequest& request,
                                         const ProviderConfig& config) const override
    {
        HttpRequestSpec spec;
        spec.url = QUrl(config.baseUrl + QStringLiteral("/chat"));
        spec.bodyJson = {{"model", toStd(request.model)}};
        spec.body = QByteArray::fromStdString(spec.bodyJson.dump());
        return spec;
    }
    Result<ModelResponse> parseResponse(const QByteArray& body) const override
    {
        auto json = parseJson(body);
        if (!json)
            return json.error();
        ModelResponse r;
        r.message = ChatMessage::assistant(jsonString(*json, "text"));
        return r;
    }
    std::unique_ptr<StreamDecoder> streamDecoder(std::function<void(const QString&)>) const override
    {
        return nullptr;
    }
    ProviderFailure parseFailure(int httpStatus, const QByteArray& body) const override
    {
        return {httpStatus, QString::fromUtf8(body), QString()};
    }
};
} // namespace

void TestFallbackProvider::continuesOnTheNextHttpProviderWhenTheFirstIsDown()
{
    MockHttpServer down;
    MockHttpServer up;
    QVERIFY(down.listen());
    QVERIFY(up.listen());
    down.enqueue(MockResponse::json(503, "overloaded"));
    down.enqueue(MockResponse::json(503, "overloaded"));
    up.enqueue(MockResponse::json(200, R"({"text":"Reconciled."})"));

    auto protocol = std::make_shared<PlainProtocol>();
    HttpOptions options;
    options.retry.maxAttempts = 2;
    options.random = [] {
        return 0.0;
    };
    options.breaker = std::make_shared<CircuitBreaker>(QStringLiteral("down"));
    const auto makeProvider = [&](const QString& provider, const QString& model,
                                  const MockHttpServer& server) {
        ProviderConfig config;
        config.provider = provider;
        config.model = model;
        config.baseUrl = server.baseUrl();
        config.stream = false;
        return std::make_shared<HttpProvider>(protocol, config, options);
    };
    FallbackProvider chain(
        {{QStringLiteral("openai/gpt-4o-mini"),
          makeProvider(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), down)},
         {QStringLiteral("ollama/llama3.1"),
          makeProvider(QStringLiteral("ollama"), QStringLiteral("llama3.1"), up)}});
    CallRecorder* rec = start(chain);
    QVERIFY(waitDone(rec));
    QVERIFY2(rec->result().ok(),
             qPrintable(rec->result().ok() ? QString() : rec->result().errorMessage()));
    QCOMPARE(rec->result()->message.text, QStringLiteral("Reconciled."));
    QCOMPARE(rec->result()->provider, QStringLiteral("ollama"));
    QCOMPARE(rec->result()->model, QStringLiteral("llama3.1")); // each profile sends its own model
    QCOMPARE(down.requests().size(), std::size_t(2));
    QCOMPARE(up.requests().size(), std::size_t(1));
    QCOMPARE(parseJson(up.requests().front().body).value()["model"].get<std::string>(),
             std::string("llama3.1"));
    QCOMPARE(rec->retries.size(), std::size_t(1));
    QCOMPARE(rec->fallbacks.size(), std::size_t(1));
    QCOMPARE(rec->fallbacks[0].reason.code, QStringLiteral("retries_exhausted"));
    QCOMPARE(rec->exchanges.size(), std::size_t(3)); // two refused attempts and the answer
}

QTEST_GUILESS_MAIN(TestFallbackProvider)
#include "TestFallbackProvider.moc"
