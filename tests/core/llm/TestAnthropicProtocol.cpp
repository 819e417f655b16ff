// AnthropicProtocol: normalized conversations in, exact Messages API bodies out (golden files);
// replies and recorded streams (split at every byte, cut before their end) back into the
// normalized response; the documented error bodies.

#include <QTest>

#include "llm/protocols/AnthropicProtocol.h"
#include "llm/protocols/ReplyParsing.h"
#include "support/ProtocolFixture.h"

using namespace awb;
using namespace awb::llm;
using namespace awb::llm::test;

namespace {

const test::ProtocolFixture kFixtures(QStringLiteral("anthropic"));

ProviderConfig config()
{
    ProviderConfig c;
    c.provider = QStringLiteral("anthropic");
    c.model = QStringLiteral("claude-sonnet-4-5");
    c.baseUrl = QStringLiteral("https://api.anthropic.com");
    c.apiKey = QStringLiteral("sk-ant-test-0123456789");
    return c;
}

// The body in the given pieces, through the transport's framer into a fresh decoder.
StreamOutcome decode(const std::vector<QByteArrayView>& pieces)
{
    return test::ProtocolFixture::decode(AnthropicProtocol(), pieces);
}

} // namespace

class TestAnthropicProtocol : public QObject
{
    Q_OBJECT

private slots:
    void identifiesItself()
    {
        const AnthropicProtocol protocol;
        QCOMPARE(protocol.name(), QStringLiteral("anthropic"));
        QCOMPARE(protocol.keyEnvironmentVariable(), QStringLiteral("ANTHROPIC_API_KEY"));
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
        auto spec = AnthropicProtocol().buildRequest(*request, config());
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.errorMessage()));
        QCOMPARE(spec->body, canonicalJson(spec->bodyJson));

        const test::GoldenCheck golden =
            kFixtures.checkGolden(name + QStringLiteral(".request.json"), spec->bodyJson);
        QVERIFY(!golden.regenerated || golden.written);
        QVERIFY2(golden.regenerated || golden.found, qPrintable(golden.problem));
        QCOMPARE(golden.actual, golden.expected);
    }

    void addressesTheMessagesEndpoint_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("url");
        QTest::newRow("sdk base") << "https://api.anthropic.com"
                                  << "https://api.anthropic.com/v1/messages";
        QTest::newRow("trailing slash") << "https://api.anthropic.com/"
                                        << "https://api.anthropic.com/v1/messages";
        QTest::newRow("base with /v1") << "http://127.0.0.1:8080/v1"
                                       << "http://127.0.0.1:8080/v1/messages";
        QTest::newRow("proxy path") << "http://127.0.0.1:9/proxy/anthropic"
                                    << "http://127.0.0.1:9/proxy/anthropic/v1/messages";
        QTest::newRow("default") << ""
                                 << "https://api.anthropic.com/v1/messages";
    }
    void addressesTheMessagesEndpoint()
    {
        QFETCH(QString, base);
        QFETCH(QString, url);
        ProviderConfig c = config();
        c.baseUrl = base;
        auto spec = AnthropicProtocol().buildRequest(hello(), c);
        QVERIFY(spec.ok());
        QCOMPARE(spec->url.toString(), url);
    }

    void rejectsABaseUrlThatIsNotHttp()
    {
        ProviderConfig c = config();
        c.baseUrl = QStringLiteral("ftp://example.com");
        auto spec = AnthropicProtocol().buildRequest(hello(), c);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code, QStringLiteral("invalid_config"));
        QVERIFY(spec.errorMessage().contains(QStringLiteral("ftp://example.com")));
    }

    void sendsKeyAndVersionHeaders()
    {
        ProviderConfig c = config();
        auto spec = AnthropicProtocol().buildRequest(hello(), c);
        QVERIFY(spec.ok());
        const QList<QPair<QByteArray, QByteArray>> expected = {
            {"x-api-key", "sk-ant-test-0123456789"}, {"anthropic-version", "2023-06-01"}};
        QCOMPARE(spec->headers, expected);
        QVERIFY(!spec->body.contains("sk-ant-test")); // the key travels in the header only

        c.apiVersion = QStringLiteral("2024-10-22");
        spec = AnthropicProtocol().buildRequest(hello(), c);
        QVERIFY(spec.ok());
        QCOMPARE(spec->headers.at(1).second, QByteArray("2024-10-22"));
    }

    void refusesToSendWithoutAKey()
    {
        ProviderConfig c = config();
        c.apiKey.clear();
        auto spec = AnthropicProtocol().buildRequest(hello(), c);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code, QStringLiteral("missing_api_key"));
        QVERIFY(spec.errorMessage().contains(QStringLiteral("ANTHROPIC_API_KEY")));
    }

    void profileModelWinsOverTheRequestModel()
    {
        ModelRequest request = hello();
        request.model = QStringLiteral("gpt-4o-mini"); // the first provider of a fallback chain
        auto spec = AnthropicProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["model"]), QStringLiteral("\"claude-sonnet-4-5\""));

        ProviderConfig c = config();
        c.model.clear();
        request.model = QStringLiteral("claude-haiku-4-5");
        spec = AnthropicProtocol().buildRequest(request, c);
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["model"]), QStringLiteral("\"claude-haiku-4-5\""));
    }

    void maxTokensIsAlwaysSent()
    {
        ModelRequest request = hello();
        auto spec = AnthropicProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["max_tokens"]), QStringLiteral("4096"));
        request.maxOutputTokens = 300;
        spec = AnthropicProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["max_tokens"]), QStringLiteral("300"));
    }

    void streamFlagFollowsTheConfig()
    {
        ProviderConfig c = config();
        c.stream = false;
        auto spec = AnthropicProtocol().buildRequest(hello(), c);
        QVERIFY(spec.ok());
        QCOMPARE(dumped(spec->bodyJson["stream"]), QStringLiteral("false"));
    }

    void foreignCallIdsAreMappedAlikeInCallAndResult()
    {
        ModelRequest request = hello();
        request.messages.push_back(ChatMessage::assistant(
            QString(), {{QStringLiteral("call.7/x"), QStringLiteral("ping"), Json::object()}}));
        request.messages.push_back(ChatMessage::toolResult(
            QStringLiteral("call.7/x"), QStringLiteral("ping"), QStringLiteral("pong"), false));
        auto spec = AnthropicProtocol().buildRequest(request, config());
        QVERIFY(spec.ok());
        const Json& messages = spec->bodyJson["messages"];
        QCOMPARE(dumped(messages[1]["content"][0]["id"]), QStringLiteral("\"call_7_x\""));
        QCOMPARE(dumped(messages[2]["content"][0]["tool_use_id"]), QStringLiteral("\"call_7_x\""));
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
        QTest::newRow("text") << "text" << QStringLiteral("Bonjour ! 👋 Ça va ?") << "[]"
                              << "stop" << qint64(12) << qint64(14) << qint64(0);
        QTest::newRow("one tool call")
            << "tool_call"
            << "Let me query the ledger."
            << "[{\"arguments\":{\"limit\":10,\"sql\":\"SELECT SUM(amount) FROM ledger WHERE note "
               "= "
               "\\\"Zürich \\\\ "
               "Q3\\\"\"},\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"sql_query\"}]"
            << "tool_calls" << qint64(472) << qint64(89) << qint64(0);
        // input = input_tokens + cache writes + cache reads; cached = cache reads.
        QTest::newRow("parallel tool calls, cached prompt")
            << "parallel_tool_calls"
            << "I'll check both sources."
            << R"([{"arguments":{"sql":"SELECT SUM(amount) FROM ledger WHERE quarter = 'Q3'"},"id":"toolu_01SqlAbc","name":"sql_query"},{"arguments":{"path":"data/crm_export.csv"},"id":"toolu_01CsvDef","name":"read_csv"},{"arguments":{},"id":"toolu_01AccGhi","name":"list_accounts"}])"
            << "tool_calls" << qint64(1344) << qint64(87) << qint64(1024);
        QTest::newRow("max tokens") << "max_tokens"
                                    << "The ledger shows"
                                    << "[]"
                                    << "length" << qint64(30) << qint64(16) << qint64(0);
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
        auto response = AnthropicProtocol().parseResponse(body);
        QVERIFY2(response.ok(), qPrintable(response.ok() ? QString() : response.errorMessage()));
        QCOMPARE(response->message.role, Role::Assistant);
        QCOMPARE(response->message.text, text);
        QCOMPARE(dumped(response->message.toJson().value("tool_calls", Json::array())), calls);
        QCOMPARE(finishReasonName(response->finish), finish);
        QCOMPARE(qint64(response->usage.inputTokens), input);
        QCOMPARE(qint64(response->usage.outputTokens), output);
        QCOMPARE(qint64(response->usage.cachedInputTokens), cached);
        QCOMPARE(response->model, QStringLiteral("claude-sonnet-4-5-20250929"));
        QCOMPARE(response->provider, QStringLiteral("anthropic"));
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
        auto replied = AnthropicProtocol().parseResponse(
            kFixtures.read(name + QStringLiteral(".response.json")));
        QVERIFY(replied.ok());
        QCOMPARE(summaryText(*streamed.result), summaryText(*replied));
        QCOMPARE(streamed.deltas, replied->message.text);
        // rawResponse of a stream is the message object assembled from its events.
        const Json& raw = streamed.result->rawResponse;
        QCOMPARE(dumped(raw["content"]), dumped(replied->rawResponse["content"]));
        QCOMPARE(dumped(raw["usage"]), dumped(replied->rawResponse["usage"]));
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
            test::ProtocolFixture::decodeSplitEverywhere(AnthropicProtocol(), body);
        for (qsizetype cut = 0; cut <= body.size(); ++cut) {
            const StreamOutcome& split = splits[static_cast<std::size_t>(cut)];
            QVERIFY2(split.result.ok(), qPrintable(QStringLiteral("split at %1").arg(cut)));
            QCOMPARE(summaryText(*split.result), expected);
            QCOMPARE(split.deltas, whole.deltas);
        }
        const StreamOutcome trickled =
            test::ProtocolFixture::decodeBytewise(AnthropicProtocol(), body);
        QVERIFY(trickled.result.ok());
        QCOMPARE(summaryText(*trickled.result), expected);
    }

    void streamCutBeforeItsEndIsInterrupted_data() { streamAssemblesTheSameResponse_data(); }
    void streamCutBeforeItsEndIsInterrupted()
    {
        QFETCH(QString, name);
        const QByteArray body = kFixtures.read(name + QStringLiteral(".sse"));
        const qsizetype end = lastFrameStart(body, "\n\n");
        QVERIFY(body.mid(end).startsWith("event: message_stop"));
        for (qsizetype cut = 0; cut < end; ++cut) {
            const StreamOutcome cutOff = decode({body.left(cut)});
            QVERIFY2(!cutOff.result.ok(),
                     qPrintable(QStringLiteral("cut at %1 succeeded").arg(cut)));
            QCOMPARE(cutOff.result.error().code, QStringLiteral("stream_interrupted"));
        }
    }

    void errorEventEndsTheStreamWithTheProviderMessage()
    {
        const StreamOutcome outcome = decode({kFixtures.read(QStringLiteral("error.sse"))});
        QVERIFY(!outcome.result.ok());
        QCOMPARE(outcome.result.error().code, QStringLiteral("overloaded_error"));
        QVERIFY(outcome.result.errorMessage().contains(QStringLiteral("Overloaded")));
        QCOMPARE(outcome.deltas, QStringLiteral("Bon"));
    }

    void invalidStreamedArgumentsAreAnError()
    {
        const QByteArray body =
            "event: message_start\ndata: "
            "{\"type\":\"message_start\",\"message\":{\"content\":[],\"usage\":{}}}\n\n"
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"sql_query\","
            "\"input\":{}}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"sql\\\": \"}}\n\n"
            "event: message_delta\ndata: "
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"}}\n\n"
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        const StreamOutcome outcome = decode({body});
        QVERIFY(!outcome.result.ok());
        QCOMPARE(outcome.result.error().code, QStringLiteral("invalid_response"));
        QVERIFY(outcome.result.errorMessage().contains(QStringLiteral("sql_query")));
    }

    // Found by fuzz_anthropic_reply: a count beyond int64 was converted to it (undefined
    // behaviour), and counts near its limit overflowed when the prompt's parts were added up.
    void outlandishTokenCountsAreCapped_data()
    {
        QTest::addColumn<QByteArray>("usage");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("output");
        const qint64 max = kMaxTokenCount;
        QTest::newRow("beyond int64")
            << QByteArray(R"({"input_tokens":1.68889e+48,"output_tokens":7})") << max << qint64(0)
            << qint64(7);
        QTest::newRow("parts that overflow when added")
            << QByteArray(R"({"input_tokens":9223372036854775807,)"
                          R"("cache_creation_input_tokens":9223372036854775807,)"
                          R"("cache_read_input_tokens":18446744073709551615,"output_tokens":1})")
            << 3 * max << max << qint64(1);
        QTest::newRow("negative and fractional")
            << QByteArray(
                   R"({"input_tokens":-5,"cache_read_input_tokens":2.9,"output_tokens":"3"})")
            << qint64(2) << qint64(2) << qint64(0);
    }
    void outlandishTokenCountsAreCapped()
    {
        QFETCH(QByteArray, usage);
        QFETCH(qint64, input);
        QFETCH(qint64, cached);
        QFETCH(qint64, output);
        const auto response = AnthropicProtocol().parseResponse(
            R"({"type":"message","model":"claude-sonnet-4-5","content":[{"type":"text","text":"hi"}],)"
            R"("stop_reason":"end_turn","usage":)" +
            usage + "}");
        QVERIFY2(response.ok(), qPrintable(response.ok() ? QString() : response.errorMessage()));
        QCOMPARE(qint64(response->usage.inputTokens), input);
        QCOMPARE(qint64(response->usage.cachedInputTokens), cached);
        QCOMPARE(qint64(response->usage.outputTokens), output);
    }

    void errorReplyIsAnError()
    {
        auto response = AnthropicProtocol().parseResponse(
            R"({"type":"error","error":{"type":"api_error","message":"Internal server error"}})");
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, QStringLiteral("api_error"));
        QVERIFY(response.errorMessage().contains(QStringLiteral("Internal server error")));
        QVERIFY(!AnthropicProtocol().parseResponse("<html>").ok());
    }

    void readsFailureBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("type");
        QTest::newRow("400")
            << 400
            << QByteArray(
                   R"({"type":"error","error":{"type":"invalid_request_error","message":"tools.0.input_schema: JSON schema is invalid"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"})")
            << "tools.0.input_schema: JSON schema is invalid"
            << "invalid_request_error";
        QTest::newRow("401")
            << 401
            << QByteArray(
                   R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})")
            << "invalid x-api-key"
            << "authentication_error";
        QTest::newRow("404")
            << 404
            << QByteArray(
                   R"({"type":"error","error":{"type":"not_found_error","message":"model: claude-nope"}})")
            << "model: claude-nope"
            << "not_found_error";
        QTest::newRow("429")
            << 429
            << QByteArray(
                   R"({"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}})")
            << "Number of request tokens has exceeded your per-minute rate limit"
            << "rate_limit_error";
        QTest::newRow("529")
            << 529
            << QByteArray(
                   R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
            << "Overloaded"
            << "overloaded_error";
        QTest::newRow("proxy page")
            << 502 << QByteArray("<html><body>\n502 Bad Gateway\n</body></html>")
            << "<html><body> 502 Bad Gateway </body></html>"
            << "";
        QTest::newRow("empty body") << 503 << QByteArray() << "(empty response body)"
                                    << "";
    }
    void readsFailureBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(QString, type);
        const ProviderFailure failure = AnthropicProtocol().parseFailure(status, body);
        QCOMPARE(failure.httpStatus, status);
        QCOMPARE(failure.message, message);
        QCOMPARE(failure.type, type);
    }

    void longFailureTextIsTruncated()
    {
        const ProviderFailure failure =
            AnthropicProtocol().parseFailure(500, QByteArray(5000, 'x'));
        QCOMPARE(failure.message.size(), qsizetype(501));
        QVERIFY(failure.message.endsWith(QStringLiteral("…")));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicProtocol)
#include "TestAnthropicProtocol.moc"
