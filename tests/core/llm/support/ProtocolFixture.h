#pragma once

// ProtocolFixture: the fixture plumbing the wire-protocol tests share, for one provider's folder
// under tests/fixtures/llm/: reading recorded files, loading golden conversations, checking or
// regenerating golden request bodies, and feeding recorded streams through the transport's framer.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <vector>

#include "llm/WireProtocol.h"

namespace awb::llm::test {

// A recorded stream after decoding: the response (or the error) and the text deltas streamed.
struct StreamOutcome
{
    Result<ModelResponse> result = Error::make(QStringLiteral("not decoded"));
    QString deltas;
    bool sawTerminator = false;
};

// What a golden comparison found; the test asserts on it so failures point at the test.
struct GoldenCheck
{
    bool regenerated =
        false;            // AWB_REGENERATE_GOLDEN=1: the file was (re)written; expected = actual
    bool written = false; // with regenerated: whether the write succeeded
    bool found = false;   // the golden file exists and is JSON
    QString problem;      // why it could not be compared, for the failure message
    QString actual;       // the body as the golden file would hold it
    QString expected;     // the golden file, normalized the same way
};

class ProtocolFixture
{
public:
    // providerFolder: the folder under AWB_TEST_FIXTURES "/llm/", e.g. "anthropic".
    explicit ProtocolFixture(const QString& providerFolder);

    QString path(const QString& name) const;
    // The file's bytes, or empty when it is missing.
    QByteArray read(const QString& name) const;
    // The file's bytes; a missing fixture aborts the test run.
    QByteArray require(const QString& name) const;
    // The file parsed as JSON; a missing or malformed fixture aborts the test run.
    Json json(const QString& name) const;

    // <name>.conversation.json as it is on disk (some tests read provider settings from it).
    Result<Json> conversationJson(const QString& name) const;
    // <name>.conversation.json as a request: instructions, max_output_tokens, messages in the
    // journal's format, tools.
    Result<ModelRequest> loadConversation(const QString& name) const;

    // Compares body with the golden <name> (pretty JSON + newline), or rewrites the golden file
    // when AWB_REGENERATE_GOLDEN=1.
    GoldenCheck checkGolden(const QString& name, const Json& body) const;

    // The body in the given pieces, through the protocol's framer (SSE or NDJSON) into a fresh
    // decoder, as the transport does.
    static StreamOutcome decode(const WireProtocol& protocol,
                                const std::vector<QByteArrayView>& pieces);
    static StreamOutcome decodeWhole(const WireProtocol& protocol, QByteArrayView body);
    // body split into two pieces at every cut in 0..size; element i is the split at byte i.
    static std::vector<StreamOutcome> decodeSplitEverywhere(const WireProtocol& protocol,
                                                            QByteArrayView body);
    // body delivered one byte at a time.
    static StreamOutcome decodeBytewise(const WireProtocol& protocol, QByteArrayView body);

private:
    QString m_dir;
};

// Small builders and views the protocol tests share. JSON is compared as text: QCOMPARE cannot
// print nlohmann::json, and the dump shows the difference.
ModelRequest hello(); // one user message, "Hello"
// hello(), a call to "lookup" (id call_1) and its result: the tool-result wrapping cases.
ModelRequest toolResultRequest(const QString& text, bool isError);
QString dumped(const Json& value);           // compact dump
QString pretty(const Json& value);           // dump with 2-space indents
QString qs(const Json& value);               // a string's text, anything else dumped
QString summaryText(const ModelResponse& r); // message, usage, finish, model, provider
Json summaryJson(const ModelResponse& r);    // text, tool calls, finish, usage, model, provider
Json call(const char* id, const char* name, Json arguments); // a tool call as summaryJson lists it
// Where the last frame of a recorded stream starts, for frames ending in separator.
qsizetype lastFrameStart(const QByteArray& body, QByteArrayView separator);

} // namespace awb::llm::test
