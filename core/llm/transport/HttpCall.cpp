#include "llm/transport/HttpCall.h"

#include <QTimer>

#include "llm/transport/HttpExchange.h"
#include "util/Log.h"

namespace awb::llm {

namespace {
constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024; // more than any chat reply
} // namespace

using namespace http;

HttpCall::HttpCall(HttpCallContext context, const ModelRequest& request, QObject* parent)
    : ModelCall(parent), m_ctx(std::move(context)),
      m_policy(m_ctx.options.retry, m_ctx.options.random),
      m_spec(m_ctx.protocol ? m_ctx.protocol->buildRequest(request, m_ctx.config)
                            : Result<HttpRequestSpec>(
                                  Error::make(QStringLiteral("no wire protocol for provider \"%1\"")
                                                  .arg(m_ctx.config.provider),
                                              QStringLiteral("unknown_provider"))))
{
    m_clock.start();
    if (m_spec) {
        HttpHeaders headers = m_spec->headers;
        headers.prepend({"Content-Type", "application/json"});
        const QString& key = m_ctx.config.apiKey;
        m_requestJson = {{"method", "POST"},
                         {"url", redactedUrl(m_spec->url, key).toStdString()},
                         {"headers", headersJson(headers, key)},
                         {"body", std::move(m_spec->bodyJson)}}; // the bytes are sent
        redactSecretInPlace(m_requestJson, key);
    }
    QTimer::singleShot(0, this, &HttpCall::startAttempt);
}

HttpCall::~HttpCall()
{
    releaseReply();
    releaseBreaker();
}

Error HttpCall::error(const QString& message, const QString& code) const
{
    return Error::make(redactSecret(message, m_ctx.config.apiKey), code);
}

void HttpCall::cancel()
{
    if (m_done)
        return;
    // The decoder may be on the stack (cancel from a textDelta slot): keep it until the next
    // attempt or destruction; only the reply and the timers go now.
    finish(Error::make(QStringLiteral("the model call to %1 was cancelled").arg(m_ctx.label),
                       QStringLiteral("cancelled")));
}

void HttpCall::startAttempt()
{
    if (m_done)
        return;
    if (!m_spec) {
        finish(error(m_spec.errorMessage(), m_spec.error().code));
        return;
    }
    if (!m_ctx.client) {
        finish(error(QStringLiteral("%1 has no HTTP client").arg(m_ctx.label),
                     QStringLiteral("internal")));
        return;
    }
    if (Status allowed = m_ctx.breaker->allow(); !allowed) {
        finish(allowed.error());
        return;
    }
    m_breakerHeld = true;
    ++m_attempt;
    m_haveHeaders = false;
    m_status = 0;
    m_responseHeaders.clear();
    m_streaming = false;
    m_body.clear();
    m_parsedBody = Json();
    m_bodyParsed = false;
    m_bytesReceived = 0;
    m_sse = SseParser();
    m_ndjson = NdJsonParser();
    m_frames = Json::array();
    const int attemptId = m_attemptId;
    m_decoder = m_ctx.protocol->streamDecoder([this, attemptId](const QString& delta) {
        if (stillCurrent(attemptId) && !delta.isEmpty())
            Q_EMIT textDelta(delta);
    });

    // Redirects are not followed (a POST must not silently turn into a GET somewhere else) and
    // nothing is cached; our own timers tell the phases apart.
    HttpRequest req;
    req.url = m_spec->url;
    req.body = m_spec->body;
    const bool ndjson = m_ctx.protocol->framing() == StreamFraming::NdJson;
    req.headers = {{"Content-Type", "application/json"},
                   {"Accept", !m_ctx.config.stream ? "application/json"
                              : ndjson             ? "application/x-ndjson"
                                                   : "text/event-stream"},
                   {"User-Agent", "agent-workbench/" AWB_VERSION}};
    req.headers += m_spec->headers;

    m_phase = Phase::Connecting;
    HttpTransfer* transfer = m_ctx.client->post(req, this);
    m_transfer = transfer;
    connect(transfer, &HttpTransfer::requestSent, this, &HttpCall::onRequestSent);
    connect(transfer, &HttpTransfer::headersReceived, this, &HttpCall::onHeaders);
    connect(transfer, &HttpTransfer::readyRead, this, &HttpCall::onReadyRead);
    connect(transfer, &HttpTransfer::finished, this, &HttpCall::onReplyFinished);
    m_phaseTimer.start(std::chrono::milliseconds(m_ctx.options.connectTimeoutMs),
                       [this] { onPhaseTimeout(); });
    m_attemptTimer.start(std::chrono::milliseconds(m_ctx.options.attemptTimeoutMs),
                         [this] { onAttemptTimeout(); });
    qCDebug(lcLlm) << "attempt" << m_attempt << "to" << m_ctx.label;
}

void HttpCall::onRequestSent()
{
    if (m_phase != Phase::Connecting)
        return;
    m_phase = Phase::AwaitingHeaders;
    m_phaseTimer.start(std::chrono::milliseconds(m_ctx.config.stream
                                                     ? m_ctx.options.firstByteTimeoutMs
                                                     : m_ctx.options.responseTimeoutMs),
                       [this] { onPhaseTimeout(); });
}

void HttpCall::onHeaders()
{
    if (!m_transfer || m_haveHeaders || m_transfer->status() == 0)
        return;
    m_haveHeaders = true;
    m_status = m_transfer->status();
    m_responseHeaders = m_transfer->headers();
    const QByteArray contentType =
        headerValue(m_responseHeaders, "content-type").value_or(QByteArray()).toLower();
    // A server may answer a streaming request with one JSON document (some compatible servers
    // ignore "stream"); that is read whole.
    m_streaming = m_ctx.config.stream && m_status >= 200 && m_status < 300 &&
                  !contentType.startsWith("application/json");
    m_phase = Phase::Receiving;
    m_phaseTimer.start(std::chrono::milliseconds(m_ctx.options.idleTimeoutMs),
                       [this] { onPhaseTimeout(); });
}

void HttpCall::onReadyRead()
{
    if (!m_transfer)
        return;
    if (!m_haveHeaders)
        onHeaders();
    if (m_phase != Phase::Receiving)
        return;
    m_phaseTimer.restart(); // the idle timeout counts from the last chunk
    consume(m_transfer->readAll());
}

void HttpCall::consume(const QByteArray& chunk)
{
    if (chunk.isEmpty())
        return;
    m_bytesReceived += chunk.size();
    if (!m_streaming) {
        if (m_body.size() + chunk.size() > kMaxBodyBytes) {
            releaseReply();
            attemptFailed(failureOf(FailureKind::Permanent),
                          error(QStringLiteral("%1 sent a reply larger than %2 MiB")
                                    .arg(m_ctx.label)
                                    .arg(kMaxBodyBytes >> 20),
                                QStringLiteral("invalid_response")));
            return;
        }
        m_body.append(chunk);
        return;
    }
    if (m_ctx.protocol->framing() == StreamFraming::NdJson) {
        for (const QByteArray& line : m_ndjson.feed(chunk)) {
            if (!deliverFrame(QByteArray(), line))
                return;
        }
    } else {
        for (const SseParser::Event& e : m_sse.feed(chunk)) {
            if (!deliverFrame(e.event, e.data))
                return;
        }
    }
}

bool HttpCall::deliverFrame(const QByteArray& event, const QByteArray& data, bool trailing)
{
    const int attemptId = m_attemptId;
    m_frames.push_back(recordedFrame(event, data));
    const Status s = m_decoder
                         ? m_decoder->onFrame(event, data)
                         : Status(Error::make(QStringLiteral("the %1 protocol cannot read a stream")
                                                  .arg(m_ctx.protocol->name()),
                                              QStringLiteral("internal")));
    if (!stillCurrent(attemptId))
        return false; // cancelled from a textDelta slot
    if (s)
        return true;
    releaseReply();
    if (trailing && m_decoder && !m_decoder->sawTerminator()) {
        // The body ended inside its last event: a cut, not a bad frame.
        attemptFailed(
            failureOf(FailureKind::StreamInterrupted),
            error(QStringLiteral(
                      "the stream from %1 ended after %2 bytes in the middle of an event (%3)")
                      .arg(m_ctx.label)
                      .arg(m_bytesReceived)
                      .arg(s.errorMessage()),
                  QStringLiteral("stream_interrupted")));
        return false;
    }
    const bool transient = isTransientStreamError(s.error().code);
    attemptFailed(failureOf(transient ? FailureKind::StreamInterrupted : FailureKind::Permanent),
                  error(QStringLiteral("%1 reported an error in its stream: %2")
                            .arg(m_ctx.label, s.errorMessage()),
                        s.error().code));
    return false;
}

void HttpCall::onReplyFinished()
{
    HttpTransfer* transfer = m_transfer;
    if (!transfer)
        return;
    const int attemptId = m_attemptId;
    if (!m_haveHeaders)
        onHeaders();
    if (m_phase == Phase::Receiving)
        consume(transfer->readAll());
    if (!stillCurrent(attemptId))
        return;
    const TransferError netError = transfer->error();
    const QString netErrorString = transfer->errorString();
    releaseReply();

    if (!m_haveHeaders) {
        const bool network = netError == TransferError::Network;
        attemptFailed(
            failureOf(network ? FailureKind::Network : FailureKind::Permanent),
            error(QStringLiteral("could not reach %1: %2").arg(m_ctx.label, netErrorString),
                  network ? QStringLiteral("network_error") : QStringLiteral("connection_failed")));
        return;
    }
    if (m_status >= 200 && m_status < 300) {
        if (netError != TransferError::None) {
            attemptFailed(failureOf(FailureKind::StreamInterrupted),
                          error(QStringLiteral("the reply from %1 was cut after %2 bytes: %3")
                                    .arg(m_ctx.label)
                                    .arg(m_bytesReceived)
                                    .arg(netErrorString),
                                QStringLiteral("stream_interrupted")));
            return;
        }
        completeSuccess();
        return;
    }
    completeHttpFailure();
}

void HttpCall::completeSuccess()
{
    const int attemptId = m_attemptId;
    Result<ModelResponse> result = Error::make(QString());
    if (m_streaming) {
        // The last event of a body that ended without its blank line still counts.
        if (m_ctx.protocol->framing() == StreamFraming::NdJson) {
            for (const QByteArray& line : m_ndjson.finish()) {
                if (!deliverFrame(QByteArray(), line, true))
                    return;
            }
        } else {
            for (const SseParser::Event& e : m_sse.finish()) {
                if (!deliverFrame(e.event, e.data, true))
                    return;
            }
        }
        if (!stillCurrent(attemptId))
            return;
        if (!m_decoder) {
            deliverFrame(QByteArray(), QByteArray()); // fails the attempt, saying why
            return;
        }
        result = m_decoder->finish();
        if (!result && !m_decoder->sawTerminator()) {
            attemptFailed(
                failureOf(FailureKind::StreamInterrupted),
                error(
                    QStringLiteral("the stream from %1 ended after %2 bytes without its end marker "
                                   "(%3)")
                        .arg(m_ctx.label)
                        .arg(m_bytesReceived)
                        .arg(result.errorMessage()),
                    QStringLiteral("stream_interrupted")));
            return;
        }
    } else {
        result = m_ctx.protocol->parseResponse(m_body);
    }
    if (!result) {
        attemptFailed(failureOf(FailureKind::Permanent),
                      error(QStringLiteral("%1 sent a reply that could not be read: %2")
                                .arg(m_ctx.label, result.errorMessage()),
                            result.error().code));
        return;
    }
    ModelResponse response = std::move(result).value();
    if (response.provider.isEmpty())
        response.provider = m_ctx.config.provider;
    if (response.model.isEmpty())
        response.model = m_ctx.config.model;
    response.rawRequest = m_requestJson.value("body", Json());
    if (response.rawResponse.is_null())
        response.rawResponse = m_streaming ? m_frames : parsedBody();
    redactSecretInPlace(response.rawResponse, m_ctx.config.apiKey);
    auto cost = m_ctx.pricing->costMicros(response.model, response.usage);
    if (!cost)
        cost = m_ctx.pricing->costMicros(m_ctx.config.model, response.usage);
    if (cost)
        response.usage.costMicros = *cost;

    m_ctx.breaker->recordSuccess();
    m_breakerHeld = false;
    Q_EMIT exchanged(m_requestJson, responseJson());
    if (!stillCurrent(attemptId))
        return;
    finish(response);
}

void HttpCall::completeHttpFailure()
{
    const Endpoint endpoint{m_ctx.config.provider, m_ctx.label, m_ctx.config.model,
                            m_ctx.config.baseUrl, m_ctx.protocol->keyEnvironmentVariable()};
    const ClassifiedFailure c =
        classifyStatus(m_status, m_responseHeaders, m_body,
                       m_ctx.protocol->parseFailure(m_status, m_body), endpoint);
    attemptFailed(c.failure, error(c.error.message, c.error.code));
}

void HttpCall::onPhaseTimeout()
{
    if (m_done || !m_transfer)
        return;
    QString message;
    switch (m_phase) {
    case Phase::Connecting:
        message = QStringLiteral("could not connect to %1 within %2");
        break;
    case Phase::AwaitingHeaders:
        message = QStringLiteral("no response from %1 within %2");
        break;
    case Phase::Receiving:
        message = m_streaming ? QStringLiteral("the stream from %1 stalled: no data for %2")
                              : QStringLiteral("the reply from %1 stalled: no data for %2");
        break;
    default:
        return;
    }
    const qint64 ms = m_phaseTimer.interval().count();
    releaseReply();
    attemptFailed(failureOf(FailureKind::Timeout),
                  error(message.arg(m_ctx.label, duration(ms)), QStringLiteral("timeout")));
}

void HttpCall::onAttemptTimeout()
{
    if (m_done || !m_transfer)
        return;
    releaseReply();
    attemptFailed(failureOf(FailureKind::Timeout),
                  error(QStringLiteral("%1 did not complete its reply within %2")
                            .arg(m_ctx.label, duration(m_ctx.options.attemptTimeoutMs)),
                        QStringLiteral("timeout")));
}

const Json& HttpCall::parsedBody() const
{
    if (!m_bodyParsed) {
        m_parsedBody = bodyValue(m_body);
        m_bodyParsed = true;
    }
    return m_parsedBody;
}

Json HttpCall::responseJson() const
{
    Json r = Json::object();
    if (!m_haveHeaders)
        return r;
    r["status"] = m_status;
    r["headers"] = headersJson(m_responseHeaders, m_ctx.config.apiKey);
    Json& body =
        r[m_streaming ? (m_ctx.protocol->framing() == StreamFraming::NdJson ? "lines" : "events")
                      : "body"];
    body = m_streaming ? m_frames : parsedBody();
    redactSecretInPlace(body, m_ctx.config.apiKey);
    return r;
}

void HttpCall::attemptFailed(const AttemptFailure& failure, const Error& err)
{
    ++m_attemptId; // late callbacks of this attempt are stale from here on
    const int attemptId = m_attemptId;
    m_phaseTimer.stop();
    m_attemptTimer.stop();
    m_phase = Phase::Idle;
    if (m_breakerHeld) {
        // A 4xx is an answer: the provider is up. Only failures a retry could cure count.
        if (RetryPolicy::isRetryable(failure))
            m_ctx.breaker->recordFailure();
        else if (failure.kind == FailureKind::HttpStatus)
            m_ctx.breaker->recordSuccess();
        else
            m_ctx.breaker->recordAbandoned();
        m_breakerHeld = false;
    }
    Json response = responseJson();
    response["error"] = {{"message", err.message.toStdString()}, {"code", err.code.toStdString()}};
    Q_EMIT exchanged(m_requestJson, response);
    if (!stillCurrent(attemptId))
        return;

    const RetryDecision decision = m_policy.decide(failure, m_attempt, m_clock.elapsed());
    if (!decision.retry) {
        if (!RetryPolicy::isRetryable(failure)) {
            finish(err);
            return;
        }
        const QString attempts = m_attempt == 1 ? QStringLiteral("1 attempt")
                                                : QStringLiteral("%1 attempts").arg(m_attempt);
        const QString limit = m_attempt >= m_policy.settings().maxAttempts
                                  ? QString()
                                  : QStringLiteral(" (%1)").arg(decision.why);
        finish(error(QStringLiteral("%1 failed after %2%3. The last error: %4")
                         .arg(m_ctx.label, attempts, limit, err.message),
                     QStringLiteral("retries_exhausted")));
        return;
    }
    qCInfo(lcLlm).noquote() << "retrying" << m_ctx.label << "in" << decision.delayMs
                            << "ms:" << err.message;
    m_phase = Phase::Backoff;
    m_backoffTimer.start(std::chrono::milliseconds(decision.delayMs), [this] { startAttempt(); });
    Q_EMIT retrying(m_attempt + 1, int(decision.delayMs), err);
}

void HttpCall::finish(const Result<ModelResponse>& result)
{
    if (m_done)
        return;
    m_done = true;
    ++m_attemptId;
    m_phase = Phase::Done;
    m_phaseTimer.stop();
    m_attemptTimer.stop();
    m_backoffTimer.stop();
    releaseReply();
    releaseBreaker();
    Q_EMIT finished(result);
}

void HttpCall::releaseReply()
{
    if (HttpTransfer* transfer = m_transfer) {
        m_transfer = nullptr;
        transfer->disconnect(this);
        transfer->abort();
        transfer->deleteLater();
    }
}

void HttpCall::releaseBreaker()
{
    if (m_breakerHeld) {
        m_ctx.breaker->recordAbandoned();
        m_breakerHeld = false;
    }
}

} // namespace awb::llm
