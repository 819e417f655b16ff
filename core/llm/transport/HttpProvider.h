#pragma once
// A ModelProvider that speaks one WireProtocol over HTTP: sends the protocol's request, frames
// the streamed reply (SSE or NDJSON) into the protocol's decoder, and owns everything about
// moving bytes: connect / first-byte / idle timeouts, retries with backoff (RetryPolicy), the
// profile's circuit breaker, redaction of the key, and the cost of each call (Pricing).
// Asynchronous on the thread that calls start(); never blocks. Not thread-safe: start calls of
// one provider from one thread.

#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

#include "llm/ModelProvider.h"
#include "llm/WireProtocol.h"
#include "llm/transport/CircuitBreaker.h"
#include "llm/transport/RetryPolicy.h"

namespace awb::llm {

class Pricing;

struct HttpOptions
{
    qint64 connectTimeoutMs = 10000;   // until the request is on the wire (TCP + TLS)
    qint64 firstByteTimeoutMs = 60000; // streaming: from sending until the response headers
    // Not streaming: a provider sends nothing until the whole answer is generated.
    qint64 responseTimeoutMs = 600000;
    qint64 idleTimeoutMs = 60000;     // between two chunks of a body
    qint64 attemptTimeoutMs = 600000; // the total cap on one attempt, however it trickles
    RetrySettings retry;
    std::function<double()> random;          // jitter source in [0, 1); tests pin it
    std::shared_ptr<CircuitBreaker> breaker; // null: the profile's breaker in the global registry
    std::shared_ptr<const Pricing> pricing;  // null: the shipped table (Pricing::builtin())
};

class HttpProvider : public ModelProvider
{
public:
    HttpProvider(std::shared_ptr<const WireProtocol> protocol, ProviderConfig config,
                 HttpOptions options = {});
    ~HttpProvider() override;

    QString name() const override { return m_config.provider; }
    // The model named in the config wins over the request's (a fallback profile has its own);
    // the request's model is used when the config names none.
    ModelCall* start(const ModelRequest& request, QObject* parent) override;

    const ProviderConfig& config() const { return m_config; }
    const HttpOptions& options() const { return m_options; }
    // "openai at https://api.openai.com/v1": how errors name this profile.
    QString profileLabel() const;

private:
    std::shared_ptr<const WireProtocol> m_protocol;
    ProviderConfig m_config;
    HttpOptions m_options;
};

// Replaces every occurrence of the secret in text with "[redacted]" (nothing when it is empty).
QString redactSecret(const QString& text, const QString& secret);
// The same for every string (and object key) in a JSON value.
Json redactSecret(const Json& value, const QString& secret);
// The same, in place: walks the value without copying what holds no secret.
void redactSecretInPlace(Json& value, const QString& secret);

} // namespace awb::llm
