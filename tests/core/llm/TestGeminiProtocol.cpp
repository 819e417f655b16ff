// GeminiProtocol: normalized conversations in, exact generateContent bodies out (golden files);
// tool results paired without call ids; replies and recorded
// streams (split at every byte, cut before their finishReason) back into the normalized
// response; the documented error bodies.

#include <QTest>

#include "llm/protocols/GeminiProtocol.h"
#include "support/ProtocolFixture.h"

using namespace awb;
using namespace awb::llm;
using namespace awb::llm::test;

namespace {

const test::ProtocolFixture kFixtures(QStringLiteral("gemini"));

ProviderConfig config()
{
    ProviderConfig c;
    c.provider = QStringLiteral("gemini");
    c.model = QStringLiteral("gemini-2.5-flash");
    c.baseUrl = QStringLiteral("https://generativelanguage.googleapis.com");
    c.apiKey = QStringLiteral("AIzaSy-test-0123456789");
    return c;
}

// The body in the given pieces, through the transport's framer into a fresh decoder.
StreamOutcome decode(const std::vector<QByteArrayView>& pieces)
{
    return test::ProtocolFixture::decode(GeminiProtocol(), pieces);
}

// The request body of a conversation ending in one tool result, for the result-wrapping tests.
Json toolResultBody(const QString& text, bool isError)
{
    auto spec = GeminiProtocol().buildRequest(toolResultRequest(text, isError), config());
    return spec.ok() ? spec->bodyJson : Json();
}

} // namespace

class TestGeminiProtocol : public QObject
{
    Q_OBJECT

private slots:
    void identifiesItself()
    {
        const GeminiProtocol protocol;
        QCOMPARE(protocol.name(), QStringLiteral("gemini"));
        QCOMPARE(protocol.keyEnvironmentVariable(), QStringLiteral("GEMINI_API_KEY"));
        QCOMPARE(int(protocol.framing()), int(StreamFraming::ServerSentEvents));
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
        auto spec = GeminiProtocol().buildRequest(*request, config());
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.errorMessage()));
        QCOMPARE(spec->body, canonicalJson(spec->bodyJson));

        const test::GoldenCheck golden =
            kFixtures.checkGolden(name + QStringLiteral(".request.json"), spec->bodyJson);
        QVERIFY(!golden.regenerated || golden.written);
        QVERIFY2(golden.regenerated || golden.found, qPrintable(golden.problem));
        QCOMPARE(golden.actual, golden.expected);
    }

    void addressesTheModelEndpoint_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("url");
        QTest::newRow("stream") << "https://generativelanguage.googleapis.com" << true
                                << "gemini-2.5-flash"
                                << "https://generativelanguage.googleapis.com/v1beta/models/"
                                   "gemini-2.5-flash:streamGenerateContent?alt=sse";
        QTest::newRow("whole") << "https://generativelanguage.googleapis.com/" << false
                               << "gemini-2.5-flash"
                               << "https://generativelanguage.googleapis.com/v1beta/models/"
                                  "gemini-2.5-flash:generateContent";
        QTest::newRow("base with /v1beta, models/ prefix")
            << "http://127.0.0.1:8080/v1beta/" << true << "models/gemini-2.5-pro"
            << "http://127.0.0.1:8080/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse";
        QTest::newRow("default") << "" << false << "gemini-2.5-flash"
                                 << "https://generativelanguage.googleapis.com/v1beta/models/"
                                    "gemini-2.5-flash:generateContent";
    }
    void addressesTheModelEndpoint()
    {
        QFETCH(QString, base);
        QFETCH(bool, stream);
        QFETCH(QString, model);
        QFETCH(QString, url);
        ProviderConfig c = config();
        c.baseUrl = base;
        c.stream = stream;
        c.model = model;
        auto spec = GeminiProtocol().buildRequest(hello(), c);
        QVERIFY(spec.ok());
        QCOMPARE(spec->url.toString(), url);
    }

    void sendsTheKeyInItsHeaderOnly()
    {
        auto spec = GeminiProtocol().buildRequest(hello(), config());
        QVERIFY(spec.ok());
        const QList<QPair<QByteArray, QByteArray>> expected = {
            {"x-goog-api-key", "AIzaSy-test-0123456789"}};
        QCOMPARE(spec->headers, expected);
        QVERIFY(!spec->url.toString().contains(QStringLiteral("AIzaSy"))); // not as ?key=
        QVERIFY(!spec->body.contains("AIzaSy"));
    }

    void refusesToSendWithoutAKey()
    {
        ProviderConfig c = config();
        c.apiKey.clear();
        auto spec = GeminiProtocol().buildRequest(hello(), c);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code, QStringLiteral("missing_api_key"));
        QVERIFY(spec.errorMessage().contains(QStringLiteral("GEMINI_API_KEY")));
    }

    void profileModelWinsOverTheRequestModel()
    {
        ModelRequest request = hello();
        request.model = QStringLiteral("claude-sonnet-4-5");
        auto spec = GeminiProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QVERIFY(spec->url.path().endsWith(
            QStringLiteral("/models/gemini-2.5-flash:streamGenerateContent")));
    }

    void maxOutputTokensGoesToGenerationConfig()
    {
        ModelRequest request = hello();
        auto spec = GeminiProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QVERIFY(!spec->bodyJson.contains("generationConfig"));
        request.maxOutputTokens = 256;
        spec = GeminiProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["generationConfig"]),
                 QStringLiteral(R"({"maxOutputTokens":256})"));
    }

    void toolWithoutParametersDeclaresNone()
    {
        ModelRequest request = hello();
        request.tools.push_back({QStringLiteral("ping"), QString(),
                                 Json{{"type", "object"}, {"properties", Json::object()}}});
        auto spec = GeminiProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["tools"]),
                 QStringLiteral(R"([{"functionDeclarations":[{"name":"ping"}]}])"));
    }

    void toolResultsBecomeObjects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<QString>("response");
        QTest::newRow("object") << R"({"rows":3})" << false << R"({"rows":3})";
        QTest::newRow("number") << "1.0812" << false << R"({"result":1.0812})";
        QTest::newRow("array") << "[1,2]" << false << R"({"result":[1,2]})";
        QTest::newRow("plain text") << "3 rows" << false << R"({"result":"3 rows"})";
        QTest::newRow("empty") << "" << false << R"({"result":""})";
        QTest::newRow("error object") << R"({"error":"nope"})" << true << R"({"error":"nope"})";
        QTest::newRow("error text")
            << "invalid arguments: /amount" << true << R"({"error":"invalid arguments: /amount"})";
        QTest::newRow("error object without error key")
            << R"({"code":4})" << true << R"({"error":{"code":4}})";
    }
    void toolResultsBecomeObjects()
    {
        QFETCH(QString, text);
        QFETCH(bool, isError);
        QFETCH(QString, response);
        const Json body = toolResultBody(text, isError);
        const Json& part = body["contents"].back()["parts"][0];
        QCOMPARE(dumped(part["functionResponse"]["name"]), QStringLiteral("\"lookup\""));
        QCOMPARE(dumped(part["functionResponse"]["response"]), response);
    }

    void resultsPairWithCallsByIdThenNameThenPosition()
    {
        ModelRequest request = hello();
        request.messages.push_back(ChatMessage::assistant(
            QString(), {{QStringLiteral("a"), QStringLiteral("x"), Json::object()},
                        {QStringLiteral("b"), QStringLiteral("y"), Json::object()},
                        {QStringLiteral("c"), QStringLiteral("x"), Json::object()}}));
        request.messages.push_back(
            ChatMessage::toolResult(QString(), QStringLiteral("y"), QStringLiteral("r0"), false));
        request.messages.push_back(
            ChatMessage::toolResult(QString(), QStringLiteral("x"), QStringLiteral("r1"), false));
        request.messages.push_back(
            ChatMessage::toolResult(QStringLiteral("c"), QString(), QStringLiteral("r2"), false));
        auto spec = GeminiProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        const Json& last = spec->bodyJson["contents"].back();
        QCOMPARE(dumped(last["role"]), QStringLiteral("\"user\""));
        QCOMPARE(
            dumped(last["parts"]),
            QStringLiteral(R"([{"functionResponse":{"name":"x","response":{"result":"r1"}}},)"
                           R"({"functionResponse":{"name":"y","response":{"result":"r0"}}},)"
                           R"({"functionResponse":{"name":"x","response":{"result":"r2"}}}])"));
    }

    void parsesReplies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("calls");
        QTest::addColumn<QString>("finish");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<qint64>("cached");
        // Output includes thoughtsTokenCount; Gemini gives no ids, so calls are numbered.
        QTest::newRow("text") << "text" << QStringLiteral("Bonjour ! 👋 Ça va ?") << "[]"
                              << "stop" << qint64(9) << qint64(31) << qint64(0);
        QTest::newRow("one tool call")
            << "tool_call"
            << "Let me query the ledger."
            << "[{\"arguments\":{\"limit\":10,\"sql\":\"SELECT SUM(amount) FROM ledger WHERE note "
               "= "
               "\\\"Zürich \\\\ Q3\\\"\"},\"id\":\"call_0_sql_query\",\"name\":\"sql_query\"}]"
            << "tool_calls" << qint64(472) << qint64(31) << qint64(0);
        QTest::newRow("parallel tool calls, cached prompt")
            << "parallel_tool_calls"
            << ""
            << R"([{"arguments":{"sql":"SELECT SUM(amount) FROM ledger WHERE quarter = 'Q3'"},"id":"call_0_sql_query","name":"sql_query"},{"arguments":{"path":"data/crm_export.csv"},"id":"call_1_read_csv","name":"read_csv"},{"arguments":{},"id":"call_2_list_accounts","name":"list_accounts"}])"
            << "tool_calls" << qint64(1300) << qint64(40) << qint64(1024);
        QTest::newRow("max tokens") << "max_tokens"
                                    << "The ledger shows"
                                    << "[]"
                                    << "length" << qint64(30) << qint64(16) << qint64(0);
        QTest::newRow("safety") << "safety"
                                << ""
                                << "[]"
                                << "content_filter" << qint64(15) << qint64(0) << qint64(0);
        QTest::newRow("blocked prompt") << "blocked_prompt"
                                        << ""
                                        << "[]"
                                        << "content_filter" << qint64(15) << qint64(0) << qint64(0);
    }
    void parsesReplies()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(QString, calls);
        QFETCH(QString, finish);
        QFETCH(qint64, input);
        QFETCH(qint64, output);
        QFETCH(qint64, cached);
        const QByteArray body = kFixtures.read(name + QStringLiteral(".response.json"));
        auto response = GeminiProtocol().parseResponse(body);
        QVERIFY2(response.ok(), qPrintable(response.ok() ? QString() : response.errorMessage()));
        QCOMPARE(response->message.role, Role::Assistant);
        QCOMPARE(response->message.text, text);
        QCOMPARE(dumped(response->message.toJson().value("tool_calls", Json::array())), calls);
        QCOMPARE(finishReasonName(response->finish), finish);
        QCOMPARE(qint64(response->usage.inputTokens), input);
        QCOMPARE(qint64(response->usage.outputTokens), output);
        QCOMPARE(qint64(response->usage.cachedInputTokens), cached);
        QCOMPARE(response->model, QStringLiteral("gemini-2.5-flash"));
        QCOMPARE(response->provider, QStringLiteral("gemini"));
        QCOMPARE(dumped(response->rawResponse), dumped(*parseJson(body)));
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
        const StreamOutcome streamed = decode({kFixtures.read(name + QStringLiteral(".sse"))});
        QVERIFY2(streamed.result.ok(),
                 qPrintable(streamed.result.ok() ? QString() : streamed.result.errorMessage()));
        auto replied =
            GeminiProtocol().parseResponse(kFixtures.read(name + QStringLiteral(".response.json")));
        QVERIFY(replied.ok());
        QCOMPARE(summaryText(*streamed.result), summaryText(*replied));
        QCOMPARE(streamed.deltas, replied->message.text);
        // rawResponse of a stream is one GenerateContentResponse with the parts merged.
        QCOMPARE(dumped(streamed.result->rawResponse["candidates"][0]["content"]),
                 dumped(replied->rawResponse["candidates"][0]["content"]));
        QCOMPARE(dumped(streamed.result->rawResponse["usageMetadata"]),
                 dumped(replied->rawResponse["usageMetadata"]));
    }

    void streamSplitAnywhereGivesTheSameResponse_data() { streamAssemblesTheSameResponse_data(); }
    void streamSplitAnywhereGivesTheSameResponse()
    {
        QFETCH(QString, name);
        const QByteArray body = kFixtures.read(name + QStringLiteral(".sse"));
        QVERIFY(!body.isEmpty());
        const StreamOutcome whole = decode({body});
        QVERIFY(whole.result.ok());
        const QString expected = summaryText(*whole.result);
        const std::vector<StreamOutcome> splits =
            test::ProtocolFixture::decodeSplitEverywhere(GeminiProtocol(), body);
        for (qsizetype cut = 0; cut <= body.size(); ++cut) {
            const StreamOutcome& split = splits[static_cast<std::size_t>(cut)];
            QVERIFY2(split.result.ok(), qPrintable(QStringLiteral("split at %1").arg(cut)));
            QCOMPARE(summaryText(*split.result), expected);
            QCOMPARE(split.deltas, whole.deltas);
        }
        const StreamOutcome trickled =
            test::ProtocolFixture::decodeBytewise(GeminiProtocol(), body);
        QVERIFY(trickled.result.ok());
        QCOMPARE(summaryText(*trickled.result), expected);
    }

    void streamCutBeforeItsFinishReasonIsInterrupted_data()
    {
        streamAssemblesTheSameResponse_data();
    }
    void streamCutBeforeItsFinishReasonIsInterrupted()
    {
        QFETCH(QString, name);
        const QByteArray body = kFixtures.read(name + QStringLiteral(".sse"));
        const qsizetype end = lastFrameStart(body, "\r\n\r\n");
        QVERIFY(body.mid(end).startsWith("data: ") && body.mid(end).contains("finishReason"));
        for (qsizetype cut = 0; cut < end; ++cut) {
            const StreamOutcome cutOff = decode({body.left(cut)});
            QVERIFY2(!cutOff.result.ok(),
                     qPrintable(QStringLiteral("cut at %1 succeeded").arg(cut)));
            QCOMPARE(cutOff.result.error().code, QStringLiteral("stream_interrupted"));
        }
    }

    void streamEndingRightAfterItsFinishReasonIsComplete()
    {
        QByteArray body = kFixtures.read(QStringLiteral("text.sse"));
        while (body.endsWith('\n') || body.endsWith('\r'))
            body.chop(1); // no blank line after the last chunk: there is no [DONE] to wait for
        const StreamOutcome outcome = decode({body});
        QVERIFY2(outcome.result.ok(),
                 qPrintable(outcome.result.ok() ? QString() : outcome.result.errorMessage()));
        QCOMPARE(outcome.result->message.text, QStringLiteral("Bonjour ! 👋 Ça va ?"));
    }

    void errorChunkEndsTheStreamWithTheProviderMessage()
    {
        const StreamOutcome outcome = decode({kFixtures.read(QStringLiteral("error.sse"))});
        QVERIFY(!outcome.result.ok());
        QCOMPARE(outcome.result.error().code, QStringLiteral("overloaded")); // retryable
        QVERIFY(outcome.result.errorMessage().contains(QStringLiteral("The model is overloaded")));
        QCOMPARE(outcome.deltas, QStringLiteral("Bon"));
    }

    void readsFailureBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("type");
        QTest::newRow("400 schema")
            << 400
            << QByteArray("{\"error\":{\"code\":400,\"message\":\"* "
                          "GenerateContentRequest.tools[0].function_declarations[0]."
                          "parameters.properties[due].format: only 'enum' and 'date-time' are "
                          "supported for STRING "
                          "type\\n\",\"status\":\"INVALID_ARGUMENT\"}}")
            << "* "
               "GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[due]"
               ".format: only 'enum' and 'date-time' are supported for STRING type\n"
            << "INVALID_ARGUMENT";
        QTest::newRow("400 bad key")
            << 400
            << QByteArray(
                   R"({"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}})")
            << "API key not valid. Please pass a valid API key."
            << "API_KEY_INVALID";
        QTest::newRow("403")
            << 403
            << QByteArray("{\"error\":{\"code\":403,\"message\":\"Method doesn't allow "
                          "unregistered callers (callers without established identity). Please use "
                          "API Key or other form of API consumer identity to call this "
                          "API.\",\"status\":\"PERMISSION_DENIED\"}}")
            << "Method doesn't allow unregistered callers (callers without established identity). "
               "Please use API Key or other form of API consumer identity to call this API."
            << "PERMISSION_DENIED";
        QTest::newRow("404")
            << 404
            << QByteArray(
                   R"({"error":{"code":404,"message":"models/gemini-nope is not found for API version v1beta, or is not supported for generateContent.","status":"NOT_FOUND"}})")
            << "models/gemini-nope is not found for API version v1beta, or is not supported for "
               "generateContent."
            << "NOT_FOUND";
        QTest::newRow("429")
            << 429
            << QByteArray(
                   R"({"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED"}})")
            << "You exceeded your current quota, please check your plan and billing details."
            << "RESOURCE_EXHAUSTED";
        QTest::newRow("503 in an array")
            << 503
            << QByteArray(
                   R"([{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}])")
            << "The model is overloaded. Please try again later."
            << "UNAVAILABLE";
        QTest::newRow("proxy page")
            << 502 << QByteArray("<html>502 Bad Gateway</html>") << "<html>502 Bad Gateway</html>"
            << "";
        QTest::newRow("empty body") << 500 << QByteArray() << "(empty response body)"
                                    << "";
    }
    void readsFailureBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(QString, type);
        const ProviderFailure failure = GeminiProtocol().parseFailure(status, body);
        QCOMPARE(failure.httpStatus, status);
        QCOMPARE(failure.message, message);
        QCOMPARE(failure.type, type);
    }

    void errorReplyIsAnError()
    {
        auto response = GeminiProtocol().parseResponse(
            R"({"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}})");
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, QStringLiteral("server_error"));
        QVERIFY(
            response.errorMessage().contains(QStringLiteral("An internal error has occurred.")));
        QVERIFY(!GeminiProtocol().parseResponse(R"({"candidates":[]})").ok());
    }
};

QTEST_GUILESS_MAIN(TestGeminiProtocol)
#include "TestGeminiProtocol.moc"
