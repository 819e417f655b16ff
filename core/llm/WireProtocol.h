#pragma once
// How one provider's HTTP API is spoken: the translation of a normalized ModelRequest into an HTTP
// request, and of the provider's reply (whole or streamed) back into a ModelResponse. A protocol
// only translates; moving bytes, timeouts, retries and fallback belong to HttpProvider, RetryPolicy
// and FallbackProvider. Implementations are stateless and thread-safe; stream decoders are not.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

#include "llm/Conversation.h"

namespace awb::llm {

// Everything a protocol needs to address one provider profile.
struct ProviderConfig
{
    QString provider;  // "openai", "openai-responses", "anthropic", "gemini", "ollama", "openai-compatible"
    QString model;
    QString baseUrl;   // as the official SDK takes it, e.g. https://api.openai.com/v1
    QString apiKey;    // empty for servers that need none (local ones); never logged or stored
    QString apiVersion; // e.g. anthropic-version
    bool stream = true;
};

struct HttpRequestSpec
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type: application/json
    QByteArray body;                               // JSON
    Json bodyJson;                                 // the same, parsed, for the inspector and cassettes
};

enum class StreamFraming
{
    ServerSentEvents, // text/event-stream
    NdJson,           // one JSON document per line (Ollama)
};

// Incremental decoder of one streamed reply. The transport frames the byte stream (SSE events or
// NDJSON lines) and hands each frame here in order.
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;
    // event: the SSE "event:" field (empty when absent, or for NDJSON); data: the joined "data:"
    // lines or the NDJSON line. Text deltas go to the callback given at creation. An error here
    // (e.g. an "error" event in the stream) ends the call with that error.
    virtual Status onFrame(const QByteArray& event, const QByteArray& data) = 0;
    // True once the provider's terminator arrived ([DONE], message_stop, done: true, ...).
    virtual bool sawTerminator() const = 0;
    // The assembled response after the stream ended. A stream cut before its terminator is an
    // error unless the protocol's stream is complete without one (Gemini).
    virtual Result<ModelResponse> finish() = 0;
};

// What the provider said when it refused a request.
struct ProviderFailure
{
    int httpStatus = 0;
    QString message; // the provider's own message, verbatim
    QString type;    // the provider's error type/code when it gives one
};

class WireProtocol
{
public:
    virtual ~WireProtocol() = default;
    virtual QString name() const = 0;
    virtual StreamFraming framing() const { return StreamFraming::ServerSentEvents; }
    // Environment variable and keychain entry the key comes from, for error messages.
    virtual QString keyEnvironmentVariable() const = 0;

    virtual Result<HttpRequestSpec> buildRequest(const ModelRequest& request, const ProviderConfig& config) const = 0;
    virtual Result<ModelResponse> parseResponse(const QByteArray& body) const = 0;
    virtual std::unique_ptr<StreamDecoder> streamDecoder(std::function<void(const QString&)> onText) const = 0;
    virtual ProviderFailure parseFailure(int httpStatus, const QByteArray& body) const = 0;
};

// The protocol for a provider name, or null for an unknown one.
std::shared_ptr<const WireProtocol> protocolFor(const QString& provider);
QStringList knownProviders();

} // namespace awb::llm
