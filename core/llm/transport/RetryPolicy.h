#pragma once
// Decides whether a failed attempt of a model call is retried, and after how long: exponential
// backoff with full jitter, or the delay the server asked for (Retry-After, retry-after-ms,
// OpenAI's and Anthropic's rate-limit reset headers), capped in attempts and total time.
// A value type; the random source is injectable so tests see exact delays.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

#include "util/Result.h"

namespace awb::llm {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct RetrySettings
{
    int maxAttempts = 4;        // in all, the first one included
    qint64 maxTotalMs = 120000; // no retry is scheduled past this time since the call started
    qint64 baseDelayMs = 500;
    int factor = 2;
    qint64 maxDelayMs = 30000;
};

enum class FailureKind
{
    HttpStatus,        // the server answered with a status (see httpStatus)
    Network,           // refused, reset, DNS, closed before an answer
    Timeout,           // connect, first byte, idle or attempt timeout
    StreamInterrupted, // the stream was cut before its terminator
    Permanent,         // anything no retry can fix (TLS failure, malformed reply, ...)
};

// What went wrong with one attempt, as the policy needs it.
struct AttemptFailure
{
    FailureKind kind = FailureKind::Network;
    int httpStatus = 0;
    HttpHeaders headers; // the response headers, when there was a response
};

struct RetryDecision
{
    bool retry = false;
    qint64 delayMs = 0;
    bool serverDelay = false; // the delay came from the server's headers
    QString why;              // when not retried: why not ("not retryable", "4 attempts made", ...)
};

class RetryPolicy
{
public:
    // random() returns a value in [0, 1); the default draws from QRandomGenerator.
    explicit RetryPolicy(RetrySettings settings = {}, std::function<double()> random = {});

    const RetrySettings& settings() const { return m_settings; }

    static bool isRetryableStatus(int httpStatus);
    static bool isRetryable(const AttemptFailure& failure);

    // attemptsMade: attempts so far (1 after the first failure); elapsedMs: since the call started.
    RetryDecision decide(const AttemptFailure& failure, int attemptsMade, qint64 elapsedMs,
                         const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    // Full jitter: random * min(maxDelay, base * factor^(retry - 1)); retry counts from 1.
    qint64 backoffMs(int retry) const;

    // The delay the server asked for, from (in order) retry-after-ms, Retry-After (seconds or an
    // HTTP date) and, for 429 only, the rate-limit reset headers of OpenAI ("6m0s") and Anthropic
    // (RFC 3339). Never negative. std::nullopt when the headers name none.
    static std::optional<qint64> serverDelayMs(int httpStatus, const HttpHeaders& headers,
                                               const QDateTime& now);
    // "1s", "6m0s", "120ms", "1h2m3.5s", "0.5s" -> milliseconds.
    static std::optional<qint64> parseGoDuration(const QByteArray& text);

private:
    RetrySettings m_settings;
    std::function<double()> m_random;
};

// Case-insensitive header lookup; std::nullopt when absent.
std::optional<QByteArray> headerValue(const HttpHeaders& headers, const QByteArray& name);

} // namespace awb::llm
