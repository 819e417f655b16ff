#pragma once
// Describing one HTTP exchange of a model call: the secret-free JSON of its request and reply
// (for exchanged(), the inspector and cassettes), and what a failed reply means: the message a
// user can act on, its code, and how the retry policy should see it.

#include <QByteArray>
#include <QString>
#include <QUrl>

#include "llm/WireProtocol.h"
#include "llm/transport/RetryPolicy.h"

namespace awb::llm::http {

// Who was called, for messages.
struct Endpoint
{
    QString provider;       // "openai"
    QString label;          // "openai at http://..."
    QString model;          // the model asked for
    QString baseUrl;        // as configured
    QString keyEnvironment; // "OPENAI_API_KEY"; empty when the provider has none
};

struct ClassifiedFailure
{
    AttemptFailure failure;
    Error error; // not yet redacted
};

// A provider's HTTP answer other than 2xx: 401/403 name the key to set, 404 the model, 400
// carries the provider's message verbatim, 429/5xx are retryable.
ClassifiedFailure classifyStatus(int status, const HttpHeaders& headers, const QByteArray& body,
                                 const ProviderFailure& parsed, const Endpoint& endpoint);

AttemptFailure failureOf(FailureKind kind);
// Error codes a provider puts in a stream (Anthropic "overloaded_error", ...) that a new attempt
// can cure. Stream decoders should use these codes for such errors.
bool isTransientStreamError(const QString& code);

// "60 s" or "300 ms".
QString duration(qint64 ms);
// JSON when the bytes are JSON, else the text (bytes that are not UTF-8 as U+FFFD, so that it can
// always be written); null when empty.
Json bodyValue(const QByteArray& bytes);
// One frame of a streamed reply as the exchange keeps it: {"data": bodyValue(data)}, with the
// SSE "event" name when there is one.
Json recordedFrame(const QByteArray& event, const QByteArray& data);
// Header names lower-cased; credentials and cookies "[redacted]", the secret removed elsewhere.
Json headersJson(const HttpHeaders& headers, const QString& secret);
QString redactedUrl(const QUrl& url, const QString& secret);

} // namespace awb::llm::http
