#include "llm/transport/RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace awb::llm {

namespace {
std::optional<double> parseNumber(const QByteArray& text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

qint64 clampNonNegative(double ms)
{
    if (ms <= 0)
        return 0;
    // A day is far beyond any total-time cap; keep the arithmetic away from overflow.
    return qint64(std::llround(std::min(ms, 86'400'000.0)));
}

// IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"); Qt's RFC 2822 parser wants a numeric zone.
std::optional<QDateTime> parseHttpDate(const QByteArray& text)
{
    QString s = QString::fromLatin1(text.trimmed());
    if (s.endsWith(QLatin1String(" GMT")) || s.endsWith(QLatin1String(" UTC")))
        s = s.left(s.size() - 4) + QStringLiteral(" +0000");
    const QDateTime t = QDateTime::fromString(s, Qt::RFC2822Date);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

std::optional<qint64> untilTime(const QByteArray& rfc3339, const QDateTime& now)
{
    const QDateTime t =
        QDateTime::fromString(QString::fromLatin1(rfc3339.trimmed()), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(t));
}

bool isZero(const std::optional<QByteArray>& remaining)
{
    return remaining && remaining->trimmed() == "0";
}

// One family of rate-limit headers: the reset of the exhausted limit, or of both when neither
// says it is exhausted (the later one, so that both have recovered).
std::optional<qint64> resetDelay(const std::optional<qint64>& requestsReset, bool requestsExhausted,
                                 const std::optional<qint64>& tokensReset, bool tokensExhausted)
{
    if (requestsExhausted != tokensExhausted)
        return requestsExhausted ? requestsReset : tokensReset;
    if (requestsReset && tokensReset)
        return std::max(*requestsReset, *tokensReset);
    return requestsReset ? requestsReset : tokensReset;
}
} // namespace

std::optional<QByteArray> headerValue(const HttpHeaders& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

RetryPolicy::RetryPolicy(RetrySettings settings, std::function<double()> random)
    : m_settings(settings), m_random(std::move(random))
{
    if (!m_random)
        m_random = [] {
            return QRandomGenerator::global()->generateDouble();
        };
}

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    switch (httpStatus) {
    case 408: // request timeout
    case 409: // conflict (OpenAI: a lock on the resource)
    case 429: // rate limited
    case 500:
    case 502:
    case 503:
    case 504:
    case 529: // Anthropic: overloaded
        return true;
    default:
        return false;
    }
}

bool RetryPolicy::isRetryable(const AttemptFailure& failure)
{
    switch (failure.kind) {
    case FailureKind::HttpStatus:
        if (headerValue(failure.headers, "x-should-retry").value_or(QByteArray()).trimmed() ==
            "false")
            return false; // the provider's own SDKs honour this veto
        return isRetryableStatus(failure.httpStatus);
    case FailureKind::Network:
    case FailureKind::Timeout:
    case FailureKind::StreamInterrupted:
        return true;
    case FailureKind::Permanent:
        return false;
    }
    return false;
}

RetryDecision RetryPolicy::decide(const AttemptFailure& failure, int attemptsMade, qint64 elapsedMs,
                                  const QDateTime& now) const
{
    RetryDecision d;
    if (!isRetryable(failure)) {
        d.why = QStringLiteral("not retryable");
        return d;
    }
    if (attemptsMade >= m_settings.maxAttempts) {
        d.why = QStringLiteral("%1 attempts made").arg(attemptsMade);
        return d;
    }
    const qint64 remaining = m_settings.maxTotalMs - elapsedMs;
    if (remaining <= 0) {
        d.why = QStringLiteral("the retry time limit of %1 s was reached")
                    .arg(m_settings.maxTotalMs / 1000.0);
        return d;
    }
    d.retry = true;
    if (const auto server = serverDelayMs(failure.httpStatus, failure.headers, now)) {
        d.delayMs = std::min(*server, remaining);
        d.serverDelay = true;
    } else {
        d.delayMs = std::min(backoffMs(attemptsMade), remaining);
    }
    return d;
}

qint64 RetryPolicy::backoffMs(int retry) const
{
    qint64 ceiling = std::max<qint64>(0, m_settings.baseDelayMs);
    for (int i = 1; i < retry && ceiling < m_settings.maxDelayMs; ++i)
        ceiling *= std::max(1, m_settings.factor);
    ceiling = std::min(ceiling, m_settings.maxDelayMs);
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return std::min(ceiling, qint64(std::floor(r * double(ceiling))));
}

std::optional<qint64> RetryPolicy::serverDelayMs(int httpStatus, const HttpHeaders& headers,
                                                 const QDateTime& now)
{
    if (const auto ms = headerValue(headers, "retry-after-ms")) {
        if (const auto v = parseNumber(*ms))
            return clampNonNegative(*v);
    }
    if (const auto ra = headerValue(headers, "retry-after")) {
        if (const auto seconds = parseNumber(*ra))
            return clampNonNegative(*seconds * 1000.0);
        if (const auto date = parseHttpDate(*ra))
            return std::max<qint64>(0, now.msecsTo(*date));
    }
    if (httpStatus != 429)
        return std::nullopt; // reset headers come with every reply; they mean "wait" only on a 429

    const auto parseOpenAi = [&headers](const char* name) -> std::optional<qint64> {
        const auto v = headerValue(headers, name);
        return v ? parseGoDuration(v->trimmed()) : std::nullopt;
    };
    const auto openAi = resetDelay(parseOpenAi("x-ratelimit-reset-requests"),
                                   isZero(headerValue(headers, "x-ratelimit-remaining-requests")),
                                   parseOpenAi("x-ratelimit-reset-tokens"),
                                   isZero(headerValue(headers, "x-ratelimit-remaining-tokens")));
    if (openAi)
        return openAi;

    const auto parseAnthropic = [&headers, &now](const char* name) -> std::optional<qint64> {
        const auto v = headerValue(headers, name);
        return v ? untilTime(*v, now) : std::nullopt;
    };
    return resetDelay(parseAnthropic("anthropic-ratelimit-requests-reset"),
                      isZero(headerValue(headers, "anthropic-ratelimit-requests-remaining")),
                      parseAnthropic("anthropic-ratelimit-tokens-reset"),
                      isZero(headerValue(headers, "anthropic-ratelimit-tokens-remaining")));
}

std::optional<qint64> RetryPolicy::parseGoDuration(const QByteArray& text)
{
    if (text.isEmpty())
        return std::nullopt;
    double totalMs = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype numberStart = i;
        while (i < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
            ++i;
        if (i == numberStart)
            return std::nullopt;
        bool ok = false;
        const double value = text.mid(numberStart, i - numberStart).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i])) &&
               text[i] != '.')
            ++i;
        const QByteArray unit = text.mid(unitStart, i - unitStart);
        double scale = 0;
        if (unit == "h")
            scale = 3'600'000;
        else if (unit == "m")
            scale = 60'000;
        else if (unit == "s")
            scale = 1000;
        else if (unit == "ms")
            scale = 1;
        else if (unit == "us" || unit == "\xC2\xB5s")
            scale = 0.001;
        else if (unit == "ns")
            scale = 0.000001;
        else
            return std::nullopt;
        totalMs += value * scale;
    }
    return clampNonNegative(std::ceil(totalMs));
}

} // namespace awb::llm
