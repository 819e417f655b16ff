#pragma once
// A circuit breaker per provider profile (provider + base URL): after 5 consecutive retryable
// failures it opens and rejects calls at once ("circuit_open"), so a fallback can take over
// instead of every call waiting out its retries; after a cooldown one trial call is let through
// (half-open) and a success closes it. Thread-safe; shared through CircuitBreakerRegistry.

#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>

#include "util/Result.h"

namespace awb::llm {

struct CircuitSettings
{
    int failureThreshold = 5;
    qint64 cooldownMs = 30000;
};

class CircuitBreaker
{
public:
    enum class State
    {
        Closed,
        Open,
        HalfOpen, // the cooldown passed: one trial call may run
    };
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    // label names the profile in errors, e.g. "openai at https://api.openai.com/v1".
    explicit CircuitBreaker(QString label, CircuitSettings settings = {}, Clock clock = {});

    // Before an attempt: an error with code "circuit_open" while open (and while a half-open
    // trial is running); otherwise the attempt may go ahead and must report an outcome.
    Status allow();
    void recordSuccess();   // the provider answered (a 4xx counts: it is alive)
    void recordFailure();   // a retryable failure: 5xx, 429, network, timeout, cut stream
    void recordAbandoned(); // the attempt ended without a verdict (cancelled)

    State state() const;
    int consecutiveFailures() const;

private:
    State stateLocked(qint64 now) const;

    const QString m_label;
    const CircuitSettings m_settings;
    const Clock m_clock;
    mutable QMutex m_mutex;
    int m_failures = 0;
    qint64 m_openedAt = 0;
    bool m_open = false;
    bool m_trialRunning = false;
};

// The process-wide breakers, one per profile key.
class CircuitBreakerRegistry
{
public:
    static CircuitBreakerRegistry& global();

    static QString profileKey(const QString& provider, const QString& baseUrl);
    // The breaker of a profile, created with the registry's settings and clock on first use.
    std::shared_ptr<CircuitBreaker> breaker(const QString& provider, const QString& baseUrl);

    // For tests and settings: applies to breakers created afterwards.
    void configure(CircuitSettings settings, CircuitBreaker::Clock clock = {});
    void clear();

private:
    QMutex m_mutex;
    CircuitSettings m_settings;
    CircuitBreaker::Clock m_clock;
    QHash<QString, std::shared_ptr<CircuitBreaker>> m_breakers;
};

} // namespace awb::llm
