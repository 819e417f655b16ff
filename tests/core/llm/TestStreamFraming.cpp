// SSE and NDJSON framing: the WHATWG event-stream rules, and the property that however a body
// is split into chunks (at every byte position, or byte by byte) the frames are the same.

#include <QTest>

#include "llm/transport/StreamFraming.h"

using awb::llm::NdJsonParser;
using awb::llm::SseParser;

namespace {

// An event as one comparable string: "event|data|id".
QByteArray describe(const SseParser::Event& e)
{
    return e.event + '|' + e.data + '|' + e.id;
}

QList<QByteArray> parseInChunks(const QByteArray& body, const QList<qsizetype>& cuts)
{
    SseParser parser;
    QList<QByteArray> out;
    qsizetype from = 0;
    QList<qsizetype> bounds = cuts;
    bounds.append(body.size());
    for (qsizetype to : bounds) {
        for (const auto& e : parser.feed(QByteArrayView(body).sliced(from, to - from)))
            out.append(describe(e));
        from = to;
    }
    for (const auto& e : parser.finish())
        out.append(describe(e));
    return out;
}

QList<QByteArray> linesInChunks(const QByteArray& body, const QList<qsizetype>& cuts)
{
    NdJsonParser parser;
    QList<QByteArray> out;
    qsizetype from = 0;
    QList<qsizetype> bounds = cuts;
    bounds.append(body.size());
    for (qsizetype to : bounds) {
        for (const auto& line : parser.feed(QByteArrayView(body).sliced(from, to - from)))
            out.append(line);
        from = to;
    }
    for (const auto& line : parser.finish())
        out.append(line);
    return out;
}

// A Chat Completions stream as documented: role chunk, content chunks, usage chunk, [DONE].
const QByteArray kOpenAiStream =
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
    "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_"
    "reason\":null}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
    "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Umsatz \xE2\x82\xAC 1.234,50 \xE2\x80\x94 "
    "\xE6\x97\xA5\xE6\x9C\xAC "
    "\xF0\x9F\x8E\x89\"},\"finish_reason\":null}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
    "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
    "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}}\n\n"
    "data: [DONE]\n\n";

// An Anthropic Messages stream: named events, a ping, a tool_use block with partial JSON.
const QByteArray kAnthropicStream =
    "event: message_start\n"
    "data: "
    "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\",\"role\":"
    "\"assistant\","
    "\"content\":[],\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":25,\"output_"
    "tokens\":1}}}\n\n"
    "event: ping\n"
    "data: {\"type\": \"ping\"}\n\n"
    "event: content_block_start\n"
    "data: "
    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":"
    "\"toolu_01\","
    "\"name\":\"query_ledger\",\"input\":{}}}\n\n"
    "event: content_block_delta\n"
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
    "\"partial_json\":\"{\\\"quarter\\\": \\\"Q3\"}}\n\n"
    "event: content_block_stop\n"
    "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
    "event: message_delta\n"
    "data: "
    "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_"
    "tokens\":15}}\n\n"
    "event: message_stop\n"
    "data: {\"type\":\"message_stop\"}\n\n";

// Gemini separates events with CRLF pairs.
const QByteArray kGeminiStream =
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Gr\xC3\xBC\xC3\x9F"
    "e\"}],\"role\": \"model\"},\"index\": 0}],\"modelVersion\": \"gemini-2.5-flash\"}\r\n\r\n"
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" aus "
    "K\xC3\xB6ln\"}],\"role\": \"model\"},"
    "\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 8,"
    "\"candidatesTokenCount\": 4,\"totalTokenCount\": 12}}\r\n\r\n";

} // namespace

class TestStreamFraming : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesEventStream_data();
    void parsesEventStream();
    void recordedStreamsYieldEveryEvent();
    void sameEventsForEverySplitPosition_data();
    void sameEventsForEverySplitPosition();
    void sameEventsForOneByteChunks_data();
    void sameEventsForOneByteChunks();
    void sameEventsForThreeChunksAroundLineEnds();
    void lastEventIdCarriesOver();
    void finishIsEmptyAfterACompleteBody();
    void splitsNdJsonLines_data();
    void splitsNdJsonLines();
    void sameNdJsonLinesForEverySplitPosition_data();
    void sameNdJsonLinesForEverySplitPosition();
};

void TestStreamFraming::parsesEventStream_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<QByteArray>>("expected");

    QTest::newRow("lf") << QByteArray("data: hello\n\n") << QList<QByteArray>{"|hello|"};
    QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n")
                          << QList<QByteArray>{"|a|", "|b|"};
    QTest::newRow("cr") << QByteArray("data: a\r\rdata: b\r\r") << QList<QByteArray>{"|a|", "|b|"};
    QTest::newRow("mixed line ends") << QByteArray("data: a\r\n\ndata: b\r\r\ndata: c\n\r\n")
                                     << QList<QByteArray>{"|a|", "|b|", "|c|"};
    QTest::newRow("multi-line data") << QByteArray("data: line 1\ndata: line 2\ndata:\ndata: 4\n\n")
                                     << QList<QByteArray>{"|line 1\nline 2\n\n4|"};
    QTest::newRow("event field") << QByteArray("event: message_start\ndata: {}\n\ndata: plain\n\n")
                                 << QList<QByteArray>{"message_start|{}|", "|plain|"};
    QTest::newRow("comments and pings")
        << QByteArray(": ping\n\n:\ndata: x\n: keep-alive\n\n: OPENROUTER PROCESSING\n\n")
        << QList<QByteArray>{"|x|"};
    QTest::newRow("one leading space only")
        << QByteArray("data:x\n\ndata:  y\n\n") << QList<QByteArray>{"|x|", "| y|"};
    QTest::newRow("field without colon") << QByteArray("data\n\n") << QList<QByteArray>{"||"};
    QTest::newRow("event without data is not dispatched")
        << QByteArray("event: ping\n\ndata: z\n\n") << QList<QByteArray>{"|z|"};
    QTest::newRow("unknown fields ignored")
        << QByteArray("retry: 3000\nfoo: bar\ndata: k\n\n") << QList<QByteArray>{"|k|"};
    QTest::newRow("no final blank line")
        << QByteArray("data: a\n\ndata: b") << QList<QByteArray>{"|a|", "|b|"};
    QTest::newRow("no final blank line after newline")
        << QByteArray("event: e\ndata: b\n") << QList<QByteArray>{"e|b|"};
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "data: bom\n\n")
                                     << QList<QByteArray>{"|bom|"};
    QTest::newRow("utf-8 text") << QByteArray("data: \xE2\x82\xAC \xF0\x9F\x8E\x89 \xC3\xA4\n\n")
                                << QList<QByteArray>{"|\xE2\x82\xAC \xF0\x9F\x8E\x89 \xC3\xA4|"};
}

void TestStreamFraming::parsesEventStream()
{
    QFETCH(QByteArray, body);
    QFETCH(QList<QByteArray>, expected);
    QCOMPARE(parseInChunks(body, {}), expected);
}

void TestStreamFraming::recordedStreamsYieldEveryEvent()
{
    const QList<QByteArray> openAi = parseInChunks(kOpenAiStream, {});
    QCOMPARE(openAi.size(), 5);
    QCOMPARE(openAi.last(), QByteArray("|[DONE]|"));
    QVERIFY(openAi[1].contains("Umsatz \xE2\x82\xAC 1.234,50"));

    QList<QByteArray> names;
    for (const QByteArray& e : parseInChunks(kAnthropicStream, {}))
        names.append(e.left(e.indexOf('|')));
    QCOMPARE(names, (QList<QByteArray>{"message_start", "ping", "content_block_start",
                                       "content_block_delta", "content_block_stop", "message_delta",
                                       "message_stop"}));
}

void TestStreamFraming::sameEventsForEverySplitPosition_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("openai") << kOpenAiStream;
    QTest::newRow("anthropic") << kAnthropicStream;
    QTest::newRow("gemini crlf") << kGeminiStream;
    QTest::newRow("cr only") << QByteArray("event: a\rdata: \xE2\x82\xAC\r\r: ping\r\rdata: 2\r\r");
    QTest::newRow("bom and no final blank line") << QByteArray("\xEF\xBB\xBF"
                                                               "data: 1\r\n\r\ndata: 2\r\ndata: 3");
    QTest::newRow("multi-line and comments")
        << QByteArray(": hi\ndata: a\ndata: b\n\n:\n\nid: 7\ndata: c\n\n");
}

void TestStreamFraming::sameEventsForEverySplitPosition()
{
    QFETCH(QByteArray, body);
    const QList<QByteArray> whole = parseInChunks(body, {});
    QVERIFY(!whole.isEmpty());
    for (qsizetype cut = 0; cut <= body.size(); ++cut)
        QCOMPARE(parseInChunks(body, {cut}), whole);
}

void TestStreamFraming::sameEventsForOneByteChunks_data()
{
    sameEventsForEverySplitPosition_data();
}

void TestStreamFraming::sameEventsForOneByteChunks()
{
    QFETCH(QByteArray, body);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < body.size(); ++i)
        cuts.append(i);
    QCOMPARE(parseInChunks(body, cuts), parseInChunks(body, {}));
}

void TestStreamFraming::sameEventsForThreeChunksAroundLineEnds()
{
    // Two cuts at every pair of positions near CR/LF pairs: a CR at the end of one chunk with
    // its LF at the start of the next must count once.
    const QByteArray body("data: a\r\n\r\ndata: b\r\rdata: c\n\r\n");
    const QList<QByteArray> whole = parseInChunks(body, {});
    QCOMPARE(whole, (QList<QByteArray>{"|a|", "|b|", "|c|"}));
    for (qsizetype i = 0; i <= body.size(); ++i) {
        for (qsizetype j = i; j <= body.size(); ++j)
            QCOMPARE(parseInChunks(body, {i, j}), whole);
    }
}

void TestStreamFraming::lastEventIdCarriesOver()
{
    const QList<QByteArray> events =
        parseInChunks("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n", {});
    QCOMPARE(events, (QList<QByteArray>{"|a|1", "|b|1", "|c|"}));
}

void TestStreamFraming::finishIsEmptyAfterACompleteBody()
{
    SseParser parser;
    QCOMPARE(parser.feed("data: a\n\n").size(), std::size_t(1));
    QVERIFY(parser.finish().empty());
}

void TestStreamFraming::splitsNdJsonLines_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::newRow("lf") << QByteArray("{\"a\":1}\n{\"b\":2}\n")
                        << QList<QByteArray>{"{\"a\":1}", "{\"b\":2}"};
    QTest::newRow("crlf and blank lines") << QByteArray("{\"a\":1}\r\n\r\n\n{\"b\":2}\r\n")
                                          << QList<QByteArray>{"{\"a\":1}", "{\"b\":2}"};
    QTest::newRow("no final newline") << QByteArray("{\"a\":1}\n{\"done\":true}")
                                      << QList<QByteArray>{"{\"a\":1}", "{\"done\":true}"};
    QTest::newRow("utf-8") << QByteArray("{\"t\":\"\xE6\x97\xA5\xE6\x9C\xAC\"}\n")
                           << QList<QByteArray>{"{\"t\":\"\xE6\x97\xA5\xE6\x9C\xAC\"}"};
}

void TestStreamFraming::splitsNdJsonLines()
{
    QFETCH(QByteArray, body);
    QFETCH(QList<QByteArray>, expected);
    QCOMPARE(linesInChunks(body, {}), expected);
}

void TestStreamFraming::sameNdJsonLinesForEverySplitPosition_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("ollama") << QByteArray(
        "{\"model\":\"llama3.1\",\"created_at\":\"2026-10-01T09:00:00Z\",\"message\":{\"role\":"
        "\"assistant\","
        "\"content\":\"K\xC3\xB6ln \xF0\x9F\x8E\x89\"},\"done\":false}\n"
        "{\"model\":\"llama3.1\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":"
        "true,"
        "\"done_reason\":\"stop\",\"prompt_eval_count\":26,\"eval_count\":290}\r\n");
    QTest::newRow("no final newline") << QByteArray("{\"a\":1}\n\n{\"b\":2}");
}

void TestStreamFraming::sameNdJsonLinesForEverySplitPosition()
{
    QFETCH(QByteArray, body);
    const QList<QByteArray> whole = linesInChunks(body, {});
    QCOMPARE(whole.size(), 2);
    for (qsizetype cut = 0; cut <= body.size(); ++cut)
        QCOMPARE(linesInChunks(body, {cut}), whole);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < body.size(); ++i)
        cuts.append(i);
    QCOMPARE(linesInChunks(body, cuts), whole);
}

QTEST_GUILESS_MAIN(TestStreamFraming)
#include "TestStreamFraming.moc"
