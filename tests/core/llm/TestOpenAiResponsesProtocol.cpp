// OpenAI Responses API ("openai-responses"): normalized conversations translate to the exact
// request bodies in tests/fixtures/llm/openai-responses/*.request.json (AWB_REGENERATE_GOLDEN=1
// rewrites them); replies and recorded typed-event streams translate back, whatever the chunking.

#include <QTest>

#include <array>

#include "llm/protocols/OpenAiResponsesProtocol.h"
#include "support/ProtocolFixture.h"

using namespace awb;
using namespace awb::llm;
using namespace awb::llm::test;

namespace {

const test::ProtocolFixture kFixtures(QStringLiteral("openai-responses"));
const QString kKey = QStringLiteral("sk-test-0123456789abcdef");
const char* const kModel = "gpt-4o-mini-2024-07-18";

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
    c.config.provider = QStringLiteral("openai-responses");
    c.config.model = toQ(j.value("model", std::string()));
    c.config.apiKey = kKey;
    c.config.stream = j.value("stream", true);
    c.request = *request;
    c.request.model = c.config.model;
    return c;
}

// The summaryJson() a test expects, as text for QTest's data table.
QString expected(const char* text, std::vector<Json> calls, const char* finish,
                 std::array<int, 3> usage)
{
    return toQ(Json{{"text", text},
                    {"tool_calls", Json(calls)},
                    {"finish", finish},
                    {"usage", usage},
                    {"model", kModel},
                    {"provider", "openai-responses"}}
                   .dump());
}

const Json kSqlArguments = {
    {"sql", "SELECT \"month\", SUM(amount) FROM ledger WHERE note = 'Grüße é 😀'"}, {"limit", 10}};
const Json kReconcileArguments = {{"period", "Q3-2026"},
                                  {"accounts", {"revenue", "refunds"}},
                                  {"options", {{"group_by", "month"}}}};
const Json kRefundArguments = {{"sql", "SELECT COUNT(*) FROM refunds WHERE reason = 'Rückgabe'"}};

using Decoded = test::StreamOutcome;

// Feeds the byte pieces through the SSE framer and the protocol's decoder, as the transport does.
Decoded decode(const std::vector<QByteArrayView>& pieces)
{
    return test::ProtocolFixture::decode(OpenAiResponsesProtocol(), pieces);
}

Decoded decodeWhole(const QByteArray& bytes)
{
    return decode({QByteArrayView(bytes)});
}

} // namespace

class TestOpenAiResponsesProtocol : public QObject
{
    Q_OBJECT

private slots:
    void buildsGoldenRequestBodies_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name :
             {"text_only", "system_and_user", "one_tool_call", "two_tool_calls_with_error",
              "from_anthropic", "long_call_id", "tools_with_schemas", "no_stream_max_tokens"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void buildsGoldenRequestBodies()
    {
        QFETCH(QString, name);
        const Conversation c = loadConversation(name);
        const auto spec = OpenAiResponsesProtocol().buildRequest(c.request, c.config);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.errorMessage()));
        QCOMPARE(pretty(Json::parse(spec->body.toStdString())), pretty(spec->bodyJson));

        const test::GoldenCheck golden =
            kFixtures.checkGolden(name + QStringLiteral(".request.json"), spec->bodyJson);
        QVERIFY(!golden.regenerated || golden.written);
        QVERIFY2(golden.regenerated || golden.found, qPrintable(golden.problem));
        QCOMPARE(golden.actual, golden.expected);
    }

    void toolTurnsBecomeFunctionCallItems()
    {
        const Conversation c = loadConversation(QStringLiteral("two_tool_calls_with_error"));
        const auto spec = OpenAiResponsesProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        QStringList kinds;
        for (const Json& item : spec->bodyJson["input"])
            kinds << qs(item["type"]) + QLatin1Char(':') +
                         qs(item.value("role", item.value("call_id", Json(""))));
        QCOMPARE(kinds, QStringList({"message:user", "message:assistant", "function_call:call_A1",
                                     "function_call:call_B2", "function_call_output:call_A1",
                                     "function_call_output:call_B2", "function_call:call_C3",
                                     "function_call_output:call_C3"}));
        // The error result goes out verbatim: the API has no error flag.
        QCOMPARE(qs(spec->bodyJson["input"][4]["output"]), c.request.messages[2].text);
        QVERIFY(spec->bodyJson["input"][2]["arguments"].is_string());
    }

    void toolsAreSentWithoutStrictMode()
    {
        const Conversation c = loadConversation(QStringLiteral("tools_with_schemas"));
        const auto spec = OpenAiResponsesProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        QCOMPARE(int(spec->bodyJson["tools"].size()), 3);
        for (const Json& tool : spec->bodyJson["tools"]) {
            QCOMPARE(qs(tool["type"]), QStringLiteral("function"));
            QCOMPARE(tool["strict"].get<bool>(), false);
            QVERIFY(tool["parameters"].is_object());
        }
    }

    void postsToResponsesWithBearerKey()
    {
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.config.baseUrl = QStringLiteral("http://127.0.0.1:8080/v1/");
        const auto spec = OpenAiResponsesProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        QCOMPARE(spec->url.toString(), QStringLiteral("http://127.0.0.1:8080/v1/responses"));
        QCOMPARE(spec->headers.size(), 1);
        QCOMPARE(spec->headers[0].second, "Bearer " + kKey.toUtf8());
        QVERIFY(!spec->body.contains(kKey.toUtf8()));
    }

    void missingKeyNamesTheVariable()
    {
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.config.apiKey.clear();
        const auto spec = OpenAiResponsesProtocol().buildRequest(c.request, c.config);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code, QStringLiteral("missing_api_key"));
        QVERIFY2(spec.errorMessage().contains(QLatin1String("OPENAI_API_KEY")),
                 qPrintable(spec.errorMessage()));
    }

    void parsesReplies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << "response_text.json"
                              << expected("Q3 revenue matches the ledger within 0.01 — Grüße.", {},
                                          "stop", {52, 14, 0});
        QTest::newRow("one tool call, reasoning skipped")
            << "response_tool_call.json"
            << expected("",
                        {call("call_Hx3kP9QwRt2", "sql_query",
                              {{"sql", "SELECT COUNT(*) FROM invoices"}, {"limit", 10}})},
                        "tool_calls", {96, 21, 0});
        QTest::newRow("parallel tool calls")
            << "response_parallel_tool_calls.json"
            << expected("Checking both.",
                        {call("call_A1", "reconcile", kReconcileArguments),
                         call("call_B2", "sql_query", kRefundArguments)},
                        "tool_calls", {140, 48, 0});
        QTest::newRow("cached usage")
            << "response_cached_usage.json" << expected("Done.", {}, "stop", {2306, 12, 1920});
        QTest::newRow("incomplete at max_output_tokens")
            << "response_incomplete.json"
            << expected("The reconciliation found", {}, "length", {40, 5, 0});
    }
    void parsesReplies()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QByteArray body = kFixtures.require(file);
        const auto r = OpenAiResponsesProtocol().parseResponse(body);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.errorMessage()));
        QCOMPARE(pretty(summaryJson(*r)), pretty(Json::parse(expected.toStdString())));
        QCOMPARE(pretty(r->rawResponse), pretty(Json::parse(body.toStdString())));
    }

    void failedReplyIsAnErrorWithItsMessage()
    {
        const auto r = OpenAiResponsesProtocol().parseResponse(
            kFixtures.require(QStringLiteral("response_failed.json")));
        QVERIFY(!r.ok());
        QCOMPARE(r.errorMessage(), QStringLiteral("The model failed to generate a response."));
        QCOMPARE(r.error().code, QStringLiteral("server_error"));
    }

    void replyThatIsNotJsonIsAnError()
    {
        const auto r = OpenAiResponsesProtocol().parseResponse("<html>502</html>");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("bad_response"));
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
            << expected("", {call("call_Hx3kP9QwRt2", "sql_query", kSqlArguments)}, "tool_calls",
                        {96, 21, 0});
        QTest::newRow("parallel tool calls")
            << "stream_parallel_tool_calls.sse"
            << expected("Checking both.",
                        {call("call_A1", "reconcile", kReconcileArguments),
                         call("call_B2", "sql_query", kRefundArguments)},
                        "tool_calls", {140, 48, 0});
        QTest::newRow("incomplete with cached usage, CRLF")
            << "stream_incomplete_usage.sse"
            << expected("The reconciliation found", {}, "length", {2306, 5, 1920});
    }
    void decodesRecordedStreams()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Decoded d = decodeWhole(kFixtures.require(file));
        QVERIFY2(d.result.ok(), qPrintable(d.result.ok() ? QString() : d.result.errorMessage()));
        QVERIFY(d.sawTerminator);
        QCOMPARE(pretty(summaryJson(*d.result)), pretty(Json::parse(expected.toStdString())));
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
        const std::vector<Decoded> splits =
            test::ProtocolFixture::decodeSplitEverywhere(OpenAiResponsesProtocol(), bytes);
        for (qsizetype i = 1; i < bytes.size(); ++i) {
            const Decoded& split = splits[static_cast<std::size_t>(i)];
            QVERIFY2(split.result.ok(), qPrintable(QStringLiteral("split at %1").arg(i)));
            if (pretty(summaryJson(*split.result)) != expected)
                QFAIL(qPrintable(QStringLiteral("split at byte %1 changed the response").arg(i)));
            QCOMPARE(split.deltas, whole.deltas);
        }
        const Decoded single =
            test::ProtocolFixture::decodeBytewise(OpenAiResponsesProtocol(), bytes);
        QVERIFY(single.result.ok());
        QCOMPARE(pretty(summaryJson(*single.result)), expected);
    }

    // Servers that send only the deltas (no .done events) still yield whole, separate calls.
    void argumentsAssembleFromDeltasAlone()
    {
        auto decoder = OpenAiResponsesProtocol().streamDecoder({});
        const auto item = [](int index, const char* callId, const char* name) {
            return Json{{"type", "response.output_item.added"},
                        {"output_index", index},
                        {"item",
                         {{"type", "function_call"},
                          {"id", std::string("fc_") + callId},
                          {"call_id", callId},
                          {"name", name},
                          {"arguments", ""}}}};
        };
        const auto delta = [](int index, const char* text) {
            return Json{{"type", "response.function_call_arguments.delta"},
                        {"output_index", index},
                        {"delta", text}};
        };
        const Json completed = {
            {"type", "response.completed"},
            {"response", {{"status", "completed"}, {"model", kModel}, {"output", Json::array()}}}};
        const Json frames[] = {item(0, "c1", "f"),
                               item(1, "c2", "g"),
                               delta(1, "{\"b\":"),
                               delta(0, "{\"a\":\"\\u00"),
                               delta(0, "fc\"}"),
                               delta(1, "2}"),
                               completed};
        for (const Json& f : frames)
            QVERIFY(decoder
                        ->onFrame(QByteArray::fromStdString(f["type"].get<std::string>()),
                                  QByteArray::fromStdString(f.dump()))
                        .ok());
        const auto r = decoder->finish();
        QVERIFY(r.ok());
        QCOMPARE(int(r->message.toolCalls.size()), 2);
        QCOMPARE(pretty(r->message.toolCalls[0].arguments), pretty(Json{{"a", "ü"}}));
        QCOMPARE(pretty(r->message.toolCalls[1].arguments), pretty(Json{{"b", 2}}));
        QCOMPARE(r->finish, FinishReason::ToolCalls);
    }

    void streamedRawResponseIsTheFinalResponse()
    {
        const Decoded d =
            decodeWhole(kFixtures.require(QStringLiteral("stream_parallel_tool_calls.sse")));
        QVERIFY(d.result.ok());
        QCOMPARE(qs(d.result->rawResponse["object"]), QStringLiteral("response"));
        QCOMPARE(qs(d.result->rawResponse["status"]), QStringLiteral("completed"));
        QCOMPARE(int(d.result->rawResponse["output"].size()), 3);
    }

    void streamWithoutCompletedIsInterrupted()
    {
        const Decoded d = decodeWhole(kFixtures.require(QStringLiteral("stream_interrupted.sse")));
        QVERIFY(!d.sawTerminator);
        QVERIFY(!d.result.ok());
        QCOMPARE(d.result.error().code, QStringLiteral("stream_interrupted"));
        QCOMPARE(d.deltas, QStringLiteral("Q3 revenue matches the ledger — Grüße aus Köln 😀, "
                                          "\"quoted\"\nnext line."));
    }

    void failedEventEndsWithItsMessage()
    {
        const Decoded d = decodeWhole(kFixtures.require(QStringLiteral("stream_failed.sse")));
        QVERIFY(!d.result.ok());
        QVERIFY(d.sawTerminator);
        QCOMPARE(d.result.errorMessage(),
                 QStringLiteral("The model failed to generate a response."));
        QCOMPARE(d.result.error().code, QStringLiteral("server_error"));
    }

    void errorEventEndsWithItsMessage()
    {
        const Decoded d = decodeWhole(kFixtures.require(QStringLiteral("stream_error.sse")));
        QVERIFY(!d.result.ok());
        QCOMPARE(d.result.errorMessage(),
                 QStringLiteral("Rate limit reached for gpt-4o-mini on tokens per min (TPM). "
                                "Please try again in 1.2s."));
        QCOMPARE(d.result.error().code, QStringLiteral("rate_limited"));
    }

    // A reply appended to the conversation goes out again as the same items.
    void replyContinuesAsTheNextRequest()
    {
        const auto reply = OpenAiResponsesProtocol().parseResponse(
            kFixtures.require(QStringLiteral("response_parallel_tool_calls.json")));
        QVERIFY(reply.ok());
        Conversation c = loadConversation(QStringLiteral("text_only"));
        c.request.messages.push_back(reply->message);
        const auto spec = OpenAiResponsesProtocol().buildRequest(c.request, c.config);
        QVERIFY(spec.ok());
        const Json& input = spec->bodyJson["input"];
        QCOMPARE(int(input.size()), 4);
        QCOMPARE(qs(input[1]["content"][0]["type"]), QStringLiteral("output_text"));
        QCOMPARE(qs(input[1]["content"][0]["text"]), QStringLiteral("Checking both."));
        QCOMPARE(qs(input[2]["call_id"]), QStringLiteral("call_A1"));
        QCOMPARE(pretty(Json::parse(input[2]["arguments"].get<std::string>())),
                 pretty(kReconcileArguments));
        QCOMPARE(qs(input[3]["name"]), QStringLiteral("sql_query"));
    }

    void parsesFailureBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("type");
        QTest::newRow("400 schema")
            << 400 << kFixtures.require(QStringLiteral("error_400_schema.json"))
            << "Invalid schema for function 'reconcile': In context=(), 'additionalProperties' is "
               "required to be supplied and to be false."
            << "invalid_function_parameters";
        QTest::newRow("401") << 401 << kFixtures.require(QStringLiteral("error_401.json"))
                             << "Incorrect API key provided: sk-test***********7890. You can find "
                                "your API key at https://platform.openai.com/account/api-keys."
                             << "invalid_api_key";
        QTest::newRow("html") << 502 << QByteArray("<html>502 Bad Gateway</html>")
                              << "<html>502 Bad Gateway</html>" << QString();
    }
    void parsesFailureBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(QString, type);
        const ProviderFailure f = OpenAiResponsesProtocol().parseFailure(status, body);
        QCOMPARE(f.httpStatus, status);
        QCOMPARE(f.message, message);
        QCOMPARE(f.type, type);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiResponsesProtocol)
#include "TestOpenAiResponsesProtocol.moc"
