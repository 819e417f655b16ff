// OllamaProtocol: normalized conversations in, exact /api/chat bodies out (golden files);
// replies and recorded NDJSON streams (split at every byte, cut before their done line) back
// into the normalized response; the documented error bodies.

#include <QTest>

#include "llm/protocols/OllamaProtocol.h"
#include "support/ProtocolFixture.h"

using namespace awb;
using namespace awb::llm;
using namespace awb::llm::test;

namespace {

const test::ProtocolFixture kFixtures(QStringLiteral("ollama"));

ProviderConfig config()
{
    ProviderConfig c;
    c.provider = QStringLiteral("ollama");
    c.model = QStringLiteral("llama3.2");
    c.baseUrl = QStringLiteral("http://localhost:11434");
    return c;
}

// The body in the given pieces, through the transport's framer into a fresh decoder.
StreamOutcome decode(const std::vector<QByteArrayView>& pieces)
{
    return test::ProtocolFixture::decode(OllamaProtocol(), pieces);
}

// The content of the tool message a result becomes.
QString toolContent(const QString& text, bool isError)
{
    auto spec = OllamaProtocol().buildRequest(toolResultRequest(text, isError), config());
    return spec.ok() ? jsonString(spec->bodyJson["messages"].back(), "content") : QString();
}

} // namespace

class TestOllamaProtocol : public QObject
{
    Q_OBJECT

private slots:
    void identifiesItself()
    {
        const OllamaProtocol protocol;
        QCOMPARE(protocol.name(), QStringLiteral("ollama"));
        QCOMPARE(protocol.keyEnvironmentVariable(), QString());
        QCOMPARE(int(protocol.framing()), int(StreamFraming::NdJson));
    }

    void buildsGoldenRequest_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : {"text", "system", "tool_results", "from_openai", "schemas"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void buildsGoldenRequest()
    {
        QFETCH(QString, name);
        auto request = kFixtures.loadConversation(name);
        QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.errorMessage()));
        auto spec = OllamaProtocol().buildRequest(*request, config());
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.errorMessage()));
        QCOMPARE(spec->body, canonicalJson(spec->bodyJson));

        const test::GoldenCheck golden =
            kFixtures.checkGolden(name + QStringLiteral(".request.json"), spec->bodyJson);
        QVERIFY(!golden.regenerated || golden.written);
        QVERIFY2(golden.regenerated || golden.found, qPrintable(golden.problem));
        QCOMPARE(golden.actual, golden.expected);
    }

    void addressesTheChatEndpoint_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("url");
        QTest::newRow("default port") << "http://localhost:11434"
                                      << "http://localhost:11434/api/chat";
        QTest::newRow("trailing slash") << "http://127.0.0.1:11434/"
                                        << "http://127.0.0.1:11434/api/chat";
        QTest::newRow("base with /api") << "http://127.0.0.1:8080/api"
                                        << "http://127.0.0.1:8080/api/chat";
        QTest::newRow("default") << ""
                                 << "http://localhost:11434/api/chat";
    }
    void addressesTheChatEndpoint()
    {
        QFETCH(QString, base);
        QFETCH(QString, url);
        ProviderConfig c = config();
        c.baseUrl = base;
        auto spec = OllamaProtocol().buildRequest(hello(), c);
        QVERIFY(spec.ok());
        QCOMPARE(spec->url.toString(), url);
    }

    void needsNoKey()
    {
        auto spec = OllamaProtocol().buildRequest(hello(), config());
        QVERIFY(spec.ok());
        QVERIFY(spec->headers.isEmpty());
    }

    void aConfiguredKeyBecomesABearerToken()
    {
        ProviderConfig c = config();
        c.apiKey = QStringLiteral("proxy-token-123");
        auto spec = OllamaProtocol().buildRequest(hello(), c);
        QVERIFY(spec.ok());
        const QList<QPair<QByteArray, QByteArray>> expected = {
            {"Authorization", "Bearer proxy-token-123"}};
        QCOMPARE(spec->headers, expected);
        QVERIFY(!spec->body.contains("proxy-token"));
    }

    void profileModelWinsOverTheRequestModel()
    {
        ModelRequest request = hello();
        request.model = QStringLiteral("gpt-4o-mini");
        auto spec = OllamaProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["model"]), QStringLiteral("\"llama3.2\""));
    }

    void streamFlagAndTokenLimitFollowTheRequest()
    {
        ModelRequest request = hello();
        request.maxOutputTokens = 128;
        ProviderConfig c = config();
        c.stream = false;
        auto spec = OllamaProtocol().buildRequest(request, c);
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["stream"]), QStringLiteral("false"));
        QCOMPARE(dumped(spec->bodyJson["options"]), QStringLiteral(R"({"num_predict":128})"));
    }

    void errorResultsSayTheyAreErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<QString>("content");
        QTest::newRow("result") << R"({"rows":3})" << false << R"({"rows":3})";
        QTest::newRow("plain result") << "3 rows" << false << "3 rows";
        QTest::newRow("error object") << R"({"error":"nope"})" << true << R"({"error":"nope"})";
        QTest::newRow("error text")
            << "invalid arguments: /amount" << true << R"({"error":"invalid arguments: /amount"})";
        QTest::newRow("error object without error key")
            << R"({"code":4})" << true << R"({"error":{"code":4}})";
    }
    void errorResultsSayTheyAreErrors()
    {
        QFETCH(QString, text);
        QFETCH(bool, isError);
        QFETCH(QString, content);
        QCOMPARE(toolContent(text, isError), content);
    }

    void toolNameComesFromTheCallWhenTheResultLacksIt()
    {
        ModelRequest request = hello();
        request.messages.push_back(ChatMessage::assistant(
            QString(), {{QStringLiteral("call_9"), QStringLiteral("read_csv"), Json::object()}}));
        request.messages.push_back(ChatMessage::toolResult(QStringLiteral("call_9"), QString(),
                                                           QStringLiteral("ok"), false));
        auto spec = OllamaProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["messages"].back()),
                 QStringLiteral(R"({"content":"ok","role":"tool","tool_name":"read_csv"})"));
    }

    void parsesReplies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("calls");
        QTest::addColumn<QString>("finish");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        // Ollama gives no call ids (calls are numbered) and no cached-token count.
        QTest::newRow("text") << "text" << QStringLiteral("Bonjour ! 👋 Ça va ?") << "[]"
                              << "stop" << qint64(26) << qint64(9);
        QTest::newRow("one tool call")
            << "tool_call"
            << "Let me query the ledger."
            << "[{\"arguments\":{\"limit\":10,\"sql\":\"SELECT SUM(amount) FROM ledger WHERE note "
               "= "
               "\\\"Zürich \\\\ Q3\\\"\"},\"id\":\"call_0_sql_query\",\"name\":\"sql_query\"}]"
            << "tool_calls" << qint64(210) << qint64(31);
        QTest::newRow("parallel tool calls")
            << "parallel_tool_calls"
            << ""
            << R"([{"arguments":{"sql":"SELECT SUM(amount) FROM ledger WHERE quarter = 'Q3'"},"id":"call_0_sql_query","name":"sql_query"},{"arguments":{"path":"data/crm_export.csv"},"id":"call_1_read_csv","name":"read_csv"}])"
            << "tool_calls" << qint64(320) << qint64(48);
        QTest::newRow("length") << "max_tokens"
                                << "The ledger shows"
                                << "[]"
                                << "length" << qint64(30) << qint64(16);
    }
    void parsesReplies()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(QString, calls);
        QFETCH(QString, finish);
        QFETCH(qint64, input);
        QFETCH(qint64, output);
        const QByteArray body = kFixtures.read(name + QStringLiteral(".response.json"));
        auto response = OllamaProtocol().parseResponse(body);
        QVERIFY2(response.ok(), qPrintable(response.ok() ? QString() : response.errorMessage()));
        QCOMPARE(response->message.role, Role::Assistant);
        QCOMPARE(response->message.text, text);
        QCOMPARE(dumped(response->message.toJson().value("tool_calls", Json::array())), calls);
        QCOMPARE(finishReasonName(response->finish), finish);
        QCOMPARE(qint64(response->usage.inputTokens), input);
        QCOMPARE(qint64(response->usage.outputTokens), output);
        QCOMPARE(qint64(response->usage.cachedInputTokens), qint64(0));
        QCOMPARE(response->model, QStringLiteral("llama3.2"));
        QCOMPARE(response->provider, QStringLiteral("ollama"));
        QCOMPARE(dumped(response->rawResponse), dumped(*parseJson(body)));
    }

    void argumentsGivenAsTextAreParsed()
    {
        auto response = OllamaProtocol().parseResponse(
            "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_"
            "calls\":[{\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}}]},\"done\":"
            "true,\"done_reason\":\"stop\"}");
        QVERIFY(response.ok());
        QCOMPARE(dumped(response->message.toolCalls.at(0).arguments), QStringLiteral(R"({"a":1})"));
    }

    void streamAssemblesTheSameResponse_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : {"text", "tool_call", "parallel_tool_calls", "max_tokens"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void streamAssemblesTheSameResponse()
    {
        QFETCH(QString, name);
        const StreamOutcome streamed = decode({kFixtures.read(name + QStringLiteral(".ndjson"))});
        QVERIFY2(streamed.result.ok(),
                 qPrintable(streamed.result.ok() ? QString() : streamed.result.errorMessage()));
        auto replied =
            OllamaProtocol().parseResponse(kFixtures.read(name + QStringLiteral(".response.json")));
        QVERIFY(replied.ok());
        QCOMPARE(summaryText(*streamed.result), summaryText(*replied));
        QCOMPARE(streamed.deltas, replied->message.text);
        // rawResponse of a stream is its done line carrying the assembled message.
        QCOMPARE(dumped(streamed.result->rawResponse["message"]),
                 dumped(replied->rawResponse["message"]));
        QCOMPARE(dumped(streamed.result->rawResponse["done"]), QStringLiteral("true"));
    }

    void streamSplitAnywhereGivesTheSameResponse_data() { streamAssemblesTheSameResponse_data(); }
    void streamSplitAnywhereGivesTheSameResponse()
    {
        QFETCH(QString, name);
        const QByteArray body = kFixtures.read(name + QStringLiteral(".ndjson"));
        QVERIFY(!body.isEmpty());
        const StreamOutcome whole = decode({body});
        QVERIFY(whole.result.ok());
        const QString expected = summaryText(*whole.result);
        const std::vector<StreamOutcome> splits =
            test::ProtocolFixture::decodeSplitEverywhere(OllamaProtocol(), body);
        for (qsizetype cut = 0; cut <= body.size(); ++cut) {
            const StreamOutcome& split = splits[static_cast<std::size_t>(cut)];
            QVERIFY2(split.result.ok(), qPrintable(QStringLiteral("split at %1").arg(cut)));
            QCOMPARE(summaryText(*split.result), expected);
            QCOMPARE(split.deltas, whole.deltas);
        }
        const StreamOutcome trickled =
            test::ProtocolFixture::decodeBytewise(OllamaProtocol(), body);
        QVERIFY(trickled.result.ok());
        QCOMPARE(summaryText(*trickled.result), expected);
    }

    void streamCutBeforeItsDoneLineIsInterrupted_data() { streamAssemblesTheSameResponse_data(); }
    void streamCutBeforeItsDoneLineIsInterrupted()
    {
        QFETCH(QString, name);
        const QByteArray body = kFixtures.read(name + QStringLiteral(".ndjson"));
        const qsizetype end = body.lastIndexOf('\n', body.size() - 2) + 1;
        QVERIFY(body.mid(end).contains("\"done\":true"));
        for (qsizetype cut = 0; cut < end; ++cut) {
            const StreamOutcome cutOff = decode({body.left(cut)});
            QVERIFY2(!cutOff.result.ok(),
                     qPrintable(QStringLiteral("cut at %1 succeeded").arg(cut)));
            QCOMPARE(cutOff.result.error().code, QStringLiteral("stream_interrupted"));
        }
    }

    void errorLineEndsTheStreamWithTheProviderMessage()
    {
        const StreamOutcome outcome = decode({kFixtures.read(QStringLiteral("error.ndjson"))});
        QVERIFY(!outcome.result.ok());
        QCOMPARE(outcome.result.error().code, QStringLiteral("provider_error"));
        QCOMPARE(
            outcome.result.errorMessage(),
            QStringLiteral("an error was encountered while running the model: unexpected EOF"));
        QCOMPARE(outcome.deltas, QStringLiteral("Bon"));
    }

    void readsFailureBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("404 model")
            << 404
            << QByteArray("{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}")
            << "model \"llama9\" not found, try pulling it first";
        QTest::newRow("400")
            << 400
            << QByteArray(
                   R"({"error":"registry.ollama.ai/library/llama3.2:latest does not support tools"})")
            << "registry.ollama.ai/library/llama3.2:latest does not support tools";
        QTest::newRow("500")
            << 500
            << QByteArray(R"({"error":"llama runner process has terminated: signal: killed"})")
            << "llama runner process has terminated: signal: killed";
        QTest::newRow("proxy page") << 502 << QByteArray("Bad Gateway") << "Bad Gateway";
        QTest::newRow("empty body") << 503 << QByteArray() << "(empty response body)";
    }
    void readsFailureBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const ProviderFailure failure = OllamaProtocol().parseFailure(status, body);
        QCOMPARE(failure.httpStatus, status);
        QCOMPARE(failure.message, message);
        QCOMPARE(failure.type, QString());
    }
};

QTEST_GUILESS_MAIN(TestOllamaProtocol)
#include "TestOllamaProtocol.moc"
