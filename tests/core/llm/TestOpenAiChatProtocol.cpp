// OpenAI Chat Completions ("openai", "openai-compatible"): normalized conversations translate to
// the exact request bodies in tests/fixtures/llm/openai/*.request.json (AWB_REGENERATE_GOLDEN=1
// rewrites them), replies and recorded streams translate back, whatever the chunk boundaries.

#include <QDir>
#include <QTest>

#include <array>

#include "llm/protocols/OpenAiChatProtocol.h"
#include "support/ProtocolFixture.h"

using namespace awb;
using namespace awb::llm;
using namespace awb::llm::test;

namespace {

const test::ProtocolFixture kFixtures(QStringLiteral("openai"));
const QString kKey = QStringLiteral("sk-test-0123456789abcdef");

struct Conversation
{
    ModelRequest request;
    ProviderConfig config;
};

// A *.conversation.json: the normalized request (messages in the journal's format) and the
// provider profile it is sent with.
Conversation loadConversation(const QString& name)
{
    const Json j = kFixtures.json(name + QStringLiteral(".conversation.json"));
    auto request = kFixtures.loadConversation(name);
    if (!request.ok())
        qFatal("bad conversation %s: %s", qPrintable(name), qPrintable(request.errorMessage()));
    Conversation c;
    c.config.provider = toQ(j.value("provider", std::string("openai")));
    c.config.model = toQ(j.value("model", std::string()));
    c.config.apiKey = toQ(j.value("api_key", toStd(kKey)));
    c.config.stream = j.value("stream", true);
    c.request = *request;
    c.request.model = c.config.model;
    return c;
}

OpenAiChatProtocol protocolFor(const ProviderConfig& config)
{
    return OpenAiChatProtocol(config.provider == QLatin1String("openai-compatible")
                                  ? OpenAiChatProtocol::Flavor::Compatible
                                  : OpenAiChatProtocol::Flavor::OpenAi);
}

// The summaryJson() a test expects, as text for QTest's data table.
QString expected(const char* text, std::vector<Json> calls, const char* finish,
                 std::array<int, 3> usage)
{
    return toQ(
        Json{{"text", text}, {"tool_calls", Json(calls)}, {"finish", finish}, {"usage", usage}}
            .dump());
}

using Decoded = test::StreamOutcome;

// Feeds the byte pieces through the SSE framer and the protocol's decoder, as the transport does.
Decoded decode(const std::vector<QByteArrayView>& pieces,
               OpenAiChatProtocol::Flavor flavor = OpenAiChatProtocol::Flavor::OpenAi)
{
    return test::ProtocolFixture::decode(OpenAiChatProtocol(flavor), pieces);
}

Decoded decodeWhole(const QByteArray& bytes)
{
    return decode({QByteArrayView(bytes)});
}

} // namespace

class TestOpenAiChatProtocol : public QObject
{
    Q_OBJECT

private slots:
    void buildsGoldenRequestBodies_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : {"text_only", "system_and_user", "one_tool_call",
                                 "two_tool_calls_with_error", "from_anthropic", "long_call_id",
                                 "tools_with_schemas", "no_stream_max_tokens", "compatible_no_key"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void buildsGoldenRequestBodies()
    {
        QFETCH(QString, name);
        const Conversation c = loadConversation(name);
        const auto spec = protocolFor(c.config).buildRequest(c.request, c.config);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.errorMessage()));
        // The bytes sent are the JSON shown in the inspector.
        QCOMPARE(pretty(Json::parse(spec->body.toStdString())), pretty(spec->bodyJson));

        const test::GoldenCheck golden =
            kFixtures.checkGolden(name + QStringLiteral(".request.json"), spec->bodyJson);
        QVERIFY(!golden.regenerated || golden.written);
        QVERIFY2(golden.regenerated || golden.found, qPrintable(golden.problem));
        QCOMPARE(golden.actual, golden.expected);
    }

    void toolCallArgumentsAreSentAsJsonText()
    {
        const Conversation c = loadConversation(QStringLiteral("one_tool_call"));
        const auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        const Json& call = spec->bodyJson["messages"][2]["tool_calls"][0];
        QVERIFY(call["function"]["arguments"].is_string());
        QCOMPARE(pretty(Json::parse(call["function"]["arguments"].get<std::string>())),
                 pretty(c.request.messages[1].toolCalls[0].arguments));
    }

    void longCallIdsStayPairedWithTheirResults()
    {
        const Conversation c = loadConversation(QStringLiteral("long_call_id"));
        const auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        const QString sent = qs(spec->bodyJson["messages"][1]["tool_calls"][0]["id"]);
        QVERIFY(sent.size() <= 40);
        QVERIFY(sent.startsWith(QLatin1String("call_")));
        QCOMPARE(qs(spec->bodyJson["messages"][2]["tool_call_id"]), sent);
    }

    void emptyCallIdsArePairedByToolName()
    {
        ModelRequest r;
        r.messages = {
            ChatMessage::user(QStringLiteral("go")),
            ChatMessage::assistant({}, {{{}, QStringLiteral("a"), Json::object()},
                                        {{}, QStringLiteral("b"), Json::object()}}),
            ChatMessage::toolResult({}, QStringLiteral("b"), QStringLiteral("{}"), false),
            ChatMessage::toolResult({}, QStringLiteral("a"), QStringLiteral("{}"), false)};
        ProviderConfig config{
            QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), {}, kKey, {}, true};
        const auto spec = OpenAiChatProtocol().buildRequest(r, config);
        QVERIFY(spec.ok());
        const Json& calls = spec->bodyJson["messages"][1]["tool_calls"];
        QCOMPARE(qs(calls[0]["id"]), QStringLiteral("call_1_0"));
        QCOMPARE(qs(calls[1]["id"]), QStringLiteral("call_1_1"));
        QCOMPARE(qs(spec->bodyJson["messages"][2]["tool_call_id"]), QStringLiteral("call_1_1"));
        QCOMPARE(qs(spec->bodyJson["messages"][3]["tool_call_id"]), QStringLiteral("call_1_0"));
    }

    void joinsBaseUrlAndPath_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("url");
        QTest::newRow("default") << QString() << "https://api.openai.com/v1/chat/completions";
        QTest::newRow("sdk style") << "https://api.openai.com/v1"
                                   << "https://api.openai.com/v1/chat/completions";
        QTest::newRow("trailing slashes") << "http://127.0.0.1:8080/v1//"
                                          << "http://127.0.0.1:8080/v1/chat/completions";
        QTest::newRow("no path") << "http://localhost:1234"
                                 << "http://localhost:1234/chat/completions";
        QTest::newRow("query kept")
            << "https://x.example.com/openai/deployments/d?api-version=2024-10-21"
            << "https://x.example.com/openai/deployments/d/chat/completions"
               "?api-version=2024-10-21";
    }
    void joinsBaseUrlAndPath()
    {
        QFETCH(QString, base);
        QFETCH(QString, url);
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.config.baseUrl = base;
        const auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.errorMessage()));
        QCOMPARE(spec->url.toString(), url);
    }

    void rejectsBaseUrlsThatAreNotHttp_data()
    {
        QTest::addColumn<QString>("base");
        QTest::newRow("no scheme") << "api.openai.com/v1";
        QTest::newRow("ftp") << "ftp://example.com/v1";
        QTest::newRow("garbage") << "http://";
    }
    void rejectsBaseUrlsThatAreNotHttp()
    {
        QFETCH(QString, base);
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.config.baseUrl = base;
        const auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code, QStringLiteral("invalid_config"));
        QVERIFY2(spec.errorMessage().contains(base), qPrintable(spec.errorMessage()));
    }

    void sendsTheKeyAsBearerHeaderOnly()
    {
        const Conversation c = loadConversation(QStringLiteral("text_only"));
        const auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        QCOMPARE(spec->headers.size(), 1);
        QCOMPARE(spec->headers[0].first, QByteArray("Authorization"));
        QCOMPARE(spec->headers[0].second, "Bearer " + kKey.toUtf8());
        QVERIFY(!spec->body.contains(kKey.toUtf8()));
    }

    void compatibleServersNeedNoKey()
    {
        const Conversation c = loadConversation(QStringLiteral("compatible_no_key"));
        const auto spec = OpenAiChatProtocol(OpenAiChatProtocol::Flavor::Compatible)
                              .buildRequest(c.request, c.config);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.errorMessage()));
        QVERIFY(spec->headers.isEmpty());
    }

    void openAiWithoutKeyNamesTheVariable()
    {
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.config.apiKey.clear();
        const auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code, QStringLiteral("missing_api_key"));
        QVERIFY2(spec.errorMessage().contains(QLatin1String("OPENAI_API_KEY")),
                 qPrintable(spec.errorMessage()));
        QCOMPARE(OpenAiChatProtocol().keyEnvironmentVariable(), QStringLiteral("OPENAI_API_KEY"));
    }

    void profileModelWinsOverRequestModel()
    {
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.request.model = QStringLiteral("gpt-4o");
        c.config.model = QStringLiteral("fallback-model");
        auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        QCOMPARE(qs(spec->bodyJson["model"]), QStringLiteral("fallback-model"));
        c.config.model.clear();
        spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        QCOMPARE(qs(spec->bodyJson["model"]), QStringLiteral("gpt-4o"));
        c.request.model.clear();
        spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(!spec.ok());
        QVERIFY2(spec.errorMessage().contains(QLatin1String("--model")),
                 qPrintable(spec.errorMessage()));
    }

    void parsesReplies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << "response_text.json"
                              << expected("Q3 revenue matches the ledger within 0.01 — Grüße.", {},
                                          "stop", {52, 14, 0});
        QTest::newRow("one tool call")
            << "response_tool_call.json"
            << expected("",
                        {call("call_Hx3kP9QwRt2", "sql_query",
                              {{"sql", "SELECT COUNT(*) FROM invoices"}, {"limit", 10}})},
                        "tool_calls", {96, 21, 0});
        QTest::newRow("parallel tool calls")
            << "response_parallel_tool_calls.json"
            << expected("",
                        {call("call_A1", "reconcile",
                              {{"period", "Q3-2026"}, {"accounts", {"revenue"}}}),
                         call("call_B2", "sql_query", {{"sql", "SELECT COUNT(*) FROM refunds"}})},
                        "tool_calls", {140, 48, 0});
        QTest::newRow("cached usage")
            << "response_cached_usage.json" << expected("Done.", {}, "stop", {2306, 12, 1920});
        QTest::newRow("length") << "response_length.json"
                                << expected("The reconciliation found", {}, "length", {40, 5, 0});
        QTest::newRow("invalid arguments kept raw")
            << "response_invalid_arguments.json"
            << expected("", {call("call_Z9", "sql_query", {{"_raw", "{\"sql\":\"SELECT 1\""}})},
                        "tool_calls", {30, 9, 0});
    }
    void parsesReplies()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QByteArray body = kFixtures.require(file);
        const auto r = OpenAiChatProtocol().parseResponse(body);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.errorMessage()));
        Json want = Json::parse(expected.toStdString());
        want["model"] = "gpt-4o-mini-2024-07-18";
        want["provider"] = "openai";
        QCOMPARE(pretty(summaryJson(*r)), pretty(want));
        QCOMPARE(pretty(r->rawResponse), pretty(Json::parse(body.toStdString())));
    }

    void rejectsRepliesThatAreNotCompletions_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("html") << QByteArray("<html>Bad gateway</html>") << "bad_response";
        QTest::newRow("no choices")
            << QByteArray(R"({"id": "x", "choices": []})") << "bad_response";
        QTest::newRow("error body")
            << kFixtures.require(QStringLiteral("error_500.json")) << "server_error";
    }
    void rejectsRepliesThatAreNotCompletions()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto r = OpenAiChatProtocol().parseResponse(body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.errorMessage().isEmpty());
    }

    void decodesRecordedStreams_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << "stream_text.sse"
                              << expected("Q3 revenue matches the ledger — Grüße aus Köln 😀, "
                                          "\"quoted\"\nnext line.",
                                          {}, "stop", {52, 14, 0});
        QTest::newRow("one tool call")
            << "stream_tool_call.sse"
            << expected("",
                        {call("call_Hx3kP9QwRt2", "sql_query",
                              {{"sql", "SELECT \"month\", SUM(amount) FROM ledger WHERE note = "
                                       "'Grüße é 😀'"},
                               {"limit", 10}})},
                        "tool_calls", {96, 21, 0});
        QTest::newRow("parallel tool calls")
            << "stream_parallel_tool_calls.sse"
            << expected("Checking both.",
                        {call("call_A1", "reconcile",
                              {{"period", "Q3-2026"},
                               {"accounts", {"revenue", "refunds"}},
                               {"options", {{"group_by", "month"}}}}),
                         call("call_B2", "sql_query",
                              {{"sql", "SELECT COUNT(*) FROM refunds WHERE reason = 'Rückgabe'"}})},
                        "tool_calls", {140, 48, 0});
        QTest::newRow("usage and length, CRLF")
            << "stream_usage_length.sse"
            << expected("The reconciliation found", {}, "length", {2306, 5, 1920});
    }
    void decodesRecordedStreams()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Decoded d = decodeWhole(kFixtures.require(file));
        QVERIFY2(d.result.ok(), qPrintable(d.result.ok() ? QString() : d.result.errorMessage()));
        QVERIFY(d.sawTerminator);
        Json want = Json::parse(expected.toStdString());
        want["model"] = "gpt-4o-mini-2024-07-18";
        want["provider"] = "openai";
        QCOMPARE(pretty(summaryJson(*d.result)), pretty(want));
        QCOMPARE(d.deltas, d.result->message.text);
    }

    // Property: wherever the transport's chunks end (inside a UTF-8 sequence, a JSON escape, a
    // line end), the response is the same.
    void decodesStreamsSplitAtEveryByte_data() { decodesRecordedStreams_data(); }
    void decodesStreamsSplitAtEveryByte()
    {
        QFETCH(QString, file);
        const QByteArray bytes = kFixtures.require(file);
        const Decoded whole = decodeWhole(bytes);
        QVERIFY(whole.result.ok());
        const QString expected = pretty(summaryJson(*whole.result));
        const std::vector<Decoded> splits = test::ProtocolFixture::decodeSplitEverywhere(
            OpenAiChatProtocol(OpenAiChatProtocol::Flavor::OpenAi), bytes);
        for (qsizetype i = 1; i < bytes.size(); ++i) {
            const Decoded& split = splits[static_cast<std::size_t>(i)];
            QVERIFY2(split.result.ok(), qPrintable(QStringLiteral("split at %1").arg(i)));
            if (pretty(summaryJson(*split.result)) != expected)
                QFAIL(qPrintable(QStringLiteral("split at byte %1 changed the response").arg(i)));
            QCOMPARE(split.deltas, whole.deltas);
        }
        const Decoded single = test::ProtocolFixture::decodeBytewise(
            OpenAiChatProtocol(OpenAiChatProtocol::Flavor::OpenAi), bytes);
        QVERIFY(single.result.ok());
        QCOMPARE(pretty(summaryJson(*single.result)), expected);
    }

    void streamedRawResponseIsTheAssembledCompletion()
    {
        const Decoded d = decodeWhole(kFixtures.require(QStringLiteral("stream_tool_call.sse")));
        QVERIFY(d.result.ok());
        const Json& raw = d.result->rawResponse;
        QCOMPARE(qs(raw["object"]), QStringLiteral("chat.completion"));
        QCOMPARE(qs(raw["choices"][0]["finish_reason"]), QStringLiteral("tool_calls"));
        const Json& fn = raw["choices"][0]["message"]["tool_calls"][0]["function"];
        QCOMPARE(qs(fn["arguments"]),
                 QString::fromUtf8(
                     "{\"sql\":\"SELECT \\\"month\\\", SUM(amount) FROM ledger WHERE note = "
                     "'Grüße \\u00e9 😀'\",\"limit\":10}"));
        QCOMPARE(raw["usage"]["prompt_tokens"].get<int>(), 96);
    }

    void streamWithoutDoneIsInterrupted()
    {
        const Decoded d = decodeWhole(kFixtures.require(QStringLiteral("stream_interrupted.sse")));
        QVERIFY(!d.sawTerminator);
        QVERIFY(!d.result.ok());
        QCOMPARE(d.result.error().code, QStringLiteral("stream_interrupted"));
        QVERIFY(!d.deltas.isEmpty()); // what arrived was still shown
    }

    void errorChunkMidStreamEndsWithItsMessage()
    {
        const Decoded d = decodeWhole(kFixtures.require(QStringLiteral("stream_error.sse")));
        QVERIFY(!d.result.ok());
        QCOMPARE(d.result.errorMessage(),
                 QStringLiteral(
                     "The server had an error while processing your request. Sorry about that!"));
        QCOMPARE(d.result.error().code, QStringLiteral("server_error")); // retryable by type
    }

    void malformedChunkIsAnError()
    {
        auto decoder = OpenAiChatProtocol().streamDecoder({});
        const Status s = decoder->onFrame({}, QByteArray(R"({"choices": [)"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("bad_response"));
    }

    void toolCallFragmentsWithoutIndexFollowTheirId()
    {
        auto decoder = OpenAiChatProtocol(OpenAiChatProtocol::Flavor::Compatible).streamDecoder({});
        // Fragments without "index": a new id starts a call, others continue the last one.
        const auto fragment = [](const char* id, const char* name, const char* arguments) {
            Json f = {{"function", {{"arguments", arguments}}}};
            if (id)
                f["id"] = id;
            if (name)
                f["function"]["name"] = name;
            return Json{{"choices", {{{"index", 0}, {"delta", {{"tool_calls", {f}}}}}}}};
        };
        const Json frames[] = {
            fragment("a", "f", "{\"x\":"),
            fragment(nullptr, nullptr, "1}"),
            fragment("b", "g", "{}"),
            {{"choices", {{{"index", 0}, {"delta", Json::object()}, {"finish_reason", "stop"}}}}}};
        for (const Json& f : frames)
            QVERIFY(decoder->onFrame({}, QByteArray::fromStdString(f.dump())).ok());
        QVERIFY(decoder->onFrame({}, "[DONE]").ok());
        const auto r = decoder->finish();
        QVERIFY(r.ok());
        QCOMPARE(int(r->message.toolCalls.size()), 2);
        QCOMPARE(pretty(r->message.toolCalls[0].arguments), pretty(Json{{"x", 1}}));
        QCOMPARE(r->message.toolCalls[1].name, QStringLiteral("g"));
        QCOMPARE(r->finish, FinishReason::ToolCalls); // "stop" with calls means the calls
        QCOMPARE(r->provider, QStringLiteral("openai-compatible"));
    }

    // A reply appended to the conversation goes out again with the same id and arguments.
    void replyContinuesAsTheNextRequest()
    {
        const auto reply = OpenAiChatProtocol().parseResponse(
            kFixtures.require(QStringLiteral("response_parallel_tool_calls.json")));
        QVERIFY(reply.ok());
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.request.messages.push_back(reply->message);
        c.request.messages.push_back(
            ChatMessage::toolResult(QStringLiteral("call_A1"), QStringLiteral("reconcile"),
                                    QStringLiteral("{\"ok\":true}"), false));
        const auto spec = OpenAiChatProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        const Json original = kFixtures.json(QStringLiteral("response_parallel_tool_calls.json"));
        const Json& sent = spec->bodyJson["messages"][1];
        // Arguments go out re-serialized (sorted keys), so they are compared as JSON.
        const auto parsedArguments = [](Json calls) {
            for (Json& c : calls)
                c["function"]["arguments"] =
                    Json::parse(c["function"]["arguments"].get<std::string>());
            return calls;
        };
        QCOMPARE(pretty(parsedArguments(sent["tool_calls"])),
                 pretty(parsedArguments(original["choices"][0]["message"]["tool_calls"])));
        QVERIFY(sent["content"].is_null());
        QCOMPARE(qs(spec->bodyJson["messages"][2]["tool_call_id"]), QStringLiteral("call_A1"));
    }

    void parsesFailureBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("type");
        QTest::newRow("400 schema")
            << 400 << kFixtures.require(QStringLiteral("error_400_schema.json"))
            << "Invalid schema for function 'reconcile': In context=('properties', "
               "'period'), 'pattern' is not permitted."
            << "invalid_function_parameters";
        QTest::newRow("401")
            << 401 << kFixtures.require(QStringLiteral("error_401.json"))
            << "Incorrect API key provided: sk-test***********7890. You can find your API key "
               "at https://platform.openai.com/account/api-keys."
            << "invalid_api_key";
        QTest::newRow("404 model")
            << 404 << kFixtures.require(QStringLiteral("error_404_model.json"))
            << "The model `gpt-9-mini` does not exist or you do not have access to it."
            << "model_not_found";
        QTest::newRow("429")
            << 429 << kFixtures.require(QStringLiteral("error_429.json"))
            << "Rate limit reached for gpt-4o-mini in organization org-abc on tokens per min "
               "(TPM): Limit 200000, Used 199800, Requested 900. Please try again in 210ms."
            << "rate_limit_exceeded";
        QTest::newRow("500 null code")
            << 500 << kFixtures.require(QStringLiteral("error_500.json"))
            << "The server had an error while processing your request. Sorry about that!"
            << "server_error";
        QTest::newRow("vllm top level")
            << 400
            << QByteArray(
                   R"({"object":"error","message":"max_tokens is too large","type":"BadRequestError","param":null,"code":400})")
            << "max_tokens is too large"
            << "BadRequestError";
        QTest::newRow("string error")
            << 500 << QByteArray(R"({"error":"model 'llama3' not found"})")
            << "model 'llama3' not found" << QString();
        QTest::newRow("fastapi detail") << 422 << QByteArray(R"({"detail":"Not authenticated"})")
                                        << "Not authenticated" << QString();
        QTest::newRow("html") << 502 << QByteArray("<html><body>502 Bad Gateway</body></html>\n")
                              << "<html><body>502 Bad Gateway</body></html>" << QString();
        QTest::newRow("empty") << 503 << QByteArray() << "HTTP 503 with an empty body" << QString();
    }
    void parsesFailureBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(QString, type);
        const ProviderFailure f = OpenAiChatProtocol().parseFailure(status, body);
        QCOMPARE(f.httpStatus, status);
        QCOMPARE(f.message, message);
        QCOMPARE(f.type, type);
    }

    void truncatesLongRawFailureBodies()
    {
        const QByteArray body = "<html>" + QByteArray(5000, 'x') + "</html>";
        const ProviderFailure f = OpenAiChatProtocol().parseFailure(502, body);
        QCOMPARE(f.message.size(), 501);
        QVERIFY(f.message.startsWith(QLatin1String("<html>xxx")));
        QVERIFY(f.message.endsWith(QChar(0x2026)));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChatProtocol)
#include "TestOpenAiChatProtocol.moc"
