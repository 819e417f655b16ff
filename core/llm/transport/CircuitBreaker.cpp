#include "llm/transport/CircuitBreaker.h"

#include <QElapsedTimer>

namespace awb::llm {

namespace {
qint64 steadyNowMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

QString seconds(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
}
} // namespace

CircuitBreaker::CircuitBreaker(QString label, CircuitSettings settings, Clock clock)
    : m_label(std::move(label)), m_settings(settings),
      m_clock(clock ? std::move(clock) : Clock(steadyNowMs))
{
}

CircuitBreaker::State CircuitBreaker::stateLocked(qint64 now) const
{
    if (!m_open)
        return State::Closed;
    return now - m_openedAt >= m_settings.cooldownMs ? State::HalfOpen : State::Open;
}

Status CircuitBreaker::allow()
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    switch (stateLocked(now)) {
    case State::Closed:
        return Status::success();
    case State::HalfOpen:
        if (!m_trialRunning) {
            m_trialRunning = true;
            return Status::success();
        }
        return Error::make(
            QStringLiteral("%1 is being retried after %2 failures in a row; other calls "
                           "wait for that trial (circuit open)")
                .arg(m_label)
                .arg(m_failures),
            QStringLiteral("circuit_open"));
    case State::Open:
        break;
    }
    const qint64 left = m_settings.cooldownMs - (now - m_openedAt);
    return Error::make(
        QStringLiteral("%1 failed %2 times in a row; calls to it are paused for another %3 "
                       "(circuit open)")
            .arg(m_label)
            .arg(m_failures)
            .arg(seconds(std::max<qint64>(left, 0))),
        QStringLiteral("circuit_open"));
}

void CircuitBreaker::recordSuccess()
{
    QMutexLocker lock(&m_mutex);
    m_failures = 0;
    m_open = false;
    m_trialRunning = false;
}

void CircuitBreaker::recordFailure()
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    ++m_failures;
    // A failed trial reopens at once; otherwise the threshold decides.
    if (m_trialRunning || m_failures >= m_settings.failureThreshold) {
        m_open = true;
        m_openedAt = now;
    }
    m_trialRunning = false;
}

void CircuitBreaker::recordAbandoned()
{
    QMutexLocker lock(&m_mutex);
    m_trialRunning = false;
}

CircuitBreaker::State CircuitBreaker::state() const
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    return stateLocked(now);
}

int CircuitBreaker::consecutiveFailures() const
{
    QMutexLocker lock(&m_mutex);
    return m_failures;
}

CircuitBreakerRegistry& CircuitBreakerRegistry::global()
{
    static CircuitBreakerRegistry registry;
    return registry;
}

QString CircuitBreakerRegistry::profileKey(const QString& provider, const QString& baseUrl)
{
    QString url = baseUrl.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return provider + QLatin1Char('|') + url;
}

std::shared_ptr<CircuitBreaker> CircuitBreakerRegistry::breaker(const QString& provider,
                                                                const QString& baseUrl)
{
    const QString key = profileKey(provider, baseUrl);
    QMutexLocker lock(&m_mutex);
    auto& slot = m_breakers[key];
    if (!slot)
        slot = std::make_shared<CircuitBreaker>(QStringLiteral("%1 at %2").arg(provider, baseUrl),
                                                m_settings, m_clock);
    return slot;
}

void CircuitBreakerRegistry::configure(CircuitSettings settings, CircuitBreaker::Clock clock)
{
    QMutexLocker lock(&m_mutex);
    m_settings = settings;
    m_clock = std::move(clock);
}

void CircuitBreakerRegistry::clear()
{
    QMutexLocker lock(&m_mutex);
    m_breakers.clear();
}

} // namespace awb::llm
