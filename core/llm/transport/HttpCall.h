#pragma once
// One call of an HttpProvider: the attempt loop with its timers, retry decisions and circuit
// breaker bookkeeping. Internal to the transport; HttpProvider::start() creates it.

#include <QElapsedTimer>
#include <QPointer>

#include <memory>
#include <optional>

#include "llm/Pricing.h"
#include "llm/transport/HttpClient.h"
#include "llm/transport/HttpProvider.h"
#include "llm/transport/StreamFraming.h"
#include "util/Deadline.h"

namespace awb::llm {

struct HttpCallContext
{
    std::shared_ptr<const WireProtocol> protocol;
    ProviderConfig config; // the model resolved
    HttpOptions options;
    std::shared_ptr<CircuitBreaker> breaker;
    std::shared_ptr<const Pricing> pricing;
    HttpClient* client = nullptr;
    QString label; // "openai at http://..."
};

class HttpCall : public ModelCall
{
    Q_OBJECT
public:
    HttpCall(HttpCallContext context, const ModelRequest& request, QObject* parent);
    ~HttpCall() override;

    void cancel() override;

private:
    enum class Phase
    {
        Idle,
        Connecting,      // until the request is sent
        AwaitingHeaders, // until the response headers arrive
        Receiving,       // body chunks
        Backoff,         // waiting to retry
        Done,
    };

    void startAttempt();
    void onRequestSent();
    void onHeaders();
    void onReadyRead();
    void onReplyFinished();
    void onPhaseTimeout();
    void onAttemptTimeout();

    void consume(const QByteArray& chunk);
    // trailing: a frame the body's end completed (no blank line or newline after it).
    bool deliverFrame(const QByteArray& event, const QByteArray& data, bool trailing = false);
    void completeSuccess();
    void completeHttpFailure();
    void attemptFailed(const AttemptFailure& failure, const Error& error);
    void finish(const Result<ModelResponse>& result);
    void releaseReply();
    void releaseBreaker();
    bool stillCurrent(int attemptId) const { return !m_done && attemptId == m_attemptId; }

    Error error(const QString& message, const QString& code) const;
    Json responseJson() const;
    const Json& parsedBody() const; // m_body as JSON (bodyValue), parsed once

    HttpCallContext m_ctx;
    RetryPolicy m_policy;
    Result<HttpRequestSpec> m_spec;
    Json m_requestJson; // redacted, for exchanged() and rawRequest

    QElapsedTimer m_clock;
    Deadline m_phaseTimer;
    Deadline m_attemptTimer;
    Deadline m_backoffTimer;
    Phase m_phase = Phase::Idle;
    bool m_done = false;
    bool m_breakerHeld = false;
    int m_attempt = 0;   // attempts started
    int m_attemptId = 0; // bumps whenever an attempt ends, so late callbacks see they are stale

    // State of the current attempt.
    QPointer<HttpTransfer> m_transfer;
    bool m_haveHeaders = false;
    int m_status = 0;
    HttpHeaders m_responseHeaders;
    bool m_streaming = false;
    QByteArray m_body;
    mutable Json m_parsedBody;
    mutable bool m_bodyParsed = false;
    qint64 m_bytesReceived = 0;
    SseParser m_sse;
    NdJsonParser m_ndjson;
    std::unique_ptr<StreamDecoder> m_decoder;
    Json m_frames = Json::array();
};

} // namespace awb::llm
