// The circuit breaker of a provider profile: opens after consecutive retryable failures, rejects
// at once while open, lets one trial through after the cooldown, and the shared registry.

#include <QTest>

#include <thread>

#include "llm/transport/CircuitBreaker.h"

using namespace awb;
using namespace awb::llm;

class TestCircuitBreaker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_now = 1000; }

    void staysClosedBelowTheThreshold();
    void opensAfterFiveConsecutiveFailures();
    void successResetsTheCount();
    void halfOpensAfterTheCooldownForOneTrial();
    void successfulTrialCloses();
    void failedTrialReopensForAnotherCooldown();
    void abandonedTrialLetsAnotherCallTry();
    void registryKeepsOneBreakerPerProfile();
    void registryIsThreadSafe();

private:
    std::unique_ptr<CircuitBreaker> breaker()
    {
        return std::make_unique<CircuitBreaker>(QStringLiteral("openai at http://127.0.0.1:9/v1"),
                                                CircuitSettings{}, [this] { return m_now; });
    }
    static void fail(CircuitBreaker& b, int times)
    {
        for (int i = 0; i < times; ++i) {
            QVERIFY(b.allow());
            b.recordFailure();
        }
    }

    qint64 m_now = 0;
};

void TestCircuitBreaker::staysClosedBelowTheThreshold()
{
    auto b = breaker();
    fail(*b, 4);
    QCOMPARE(b->state(), CircuitBreaker::State::Closed);
    QCOMPARE(b->consecutiveFailures(), 4);
    QVERIFY(b->allow());
}

void TestCircuitBreaker::opensAfterFiveConsecutiveFailures()
{
    auto b = breaker();
    fail(*b, 5);
    QCOMPARE(b->state(), CircuitBreaker::State::Open);
    m_now += 10000;
    const Status s = b->allow();
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("circuit_open"));
    QCOMPARE(s.errorMessage(),
             QStringLiteral("openai at http://127.0.0.1:9/v1 failed 5 times in a row; calls to it "
                            "are paused for another 20 s (circuit open)"));
}

void TestCircuitBreaker::successResetsTheCount()
{
    auto b = breaker();
    fail(*b, 4);
    QVERIFY(b->allow());
    b->recordSuccess();
    fail(*b, 4);
    QCOMPARE(b->state(), CircuitBreaker::State::Closed);
}

void TestCircuitBreaker::halfOpensAfterTheCooldownForOneTrial()
{
    auto b = breaker();
    fail(*b, 5);
    m_now += 29999;
    QCOMPARE(b->state(), CircuitBreaker::State::Open);
    m_now += 1;
    QCOMPARE(b->state(), CircuitBreaker::State::HalfOpen);
    QVERIFY(b->allow());  // the trial
    QVERIFY(!b->allow()); // everyone else waits for it
}

void TestCircuitBreaker::successfulTrialCloses()
{
    auto b = breaker();
    fail(*b, 5);
    m_now += 30000;
    QVERIFY(b->allow());
    b->recordSuccess();
    QCOMPARE(b->state(), CircuitBreaker::State::Closed);
    QCOMPARE(b->consecutiveFailures(), 0);
    QVERIFY(b->allow());
    QVERIFY(b->allow());
}

void TestCircuitBreaker::failedTrialReopensForAnotherCooldown()
{
    auto b = breaker();
    fail(*b, 5);
    m_now += 30000;
    QVERIFY(b->allow());
    b->recordFailure();
    QCOMPARE(b->state(), CircuitBreaker::State::Open);
    m_now += 29999;
    QVERIFY(!b->allow());
    m_now += 1;
    QVERIFY(b->allow());
}

void TestCircuitBreaker::abandonedTrialLetsAnotherCallTry()
{
    auto b = breaker();
    fail(*b, 5);
    m_now += 30000;
    QVERIFY(b->allow());
    b->recordAbandoned(); // e.g. cancelled: no verdict
    QCOMPARE(b->state(), CircuitBreaker::State::HalfOpen);
    QVERIFY(b->allow());
}

void TestCircuitBreaker::registryKeepsOneBreakerPerProfile()
{
    CircuitBreakerRegistry& registry = CircuitBreakerRegistry::global();
    registry.clear();
    registry.configure(CircuitSettings{2, 1000}, [this] { return m_now; });
    const auto a =
        registry.breaker(QStringLiteral("openai"), QStringLiteral("http://127.0.0.1:1/v1"));
    QCOMPARE(
        a.get(),
        registry.breaker(QStringLiteral("openai"), QStringLiteral("http://127.0.0.1:1/v1/")).get());
    QVERIFY(
        a.get() !=
        registry.breaker(QStringLiteral("openai"), QStringLiteral("http://127.0.0.1:2/v1")).get());
    QVERIFY(a.get() != registry
                           .breaker(QStringLiteral("openai-compatible"),
                                    QStringLiteral("http://127.0.0.1:1/v1"))
                           .get());
    fail(*a, 2); // the registry's settings apply
    QCOMPARE(a->state(), CircuitBreaker::State::Open);
    m_now += 1000;
    QCOMPARE(a->state(), CircuitBreaker::State::HalfOpen); // and its clock
    registry.configure(CircuitSettings{});
    registry.clear();
}

void TestCircuitBreaker::registryIsThreadSafe()
{
    CircuitBreakerRegistry& registry = CircuitBreakerRegistry::global();
    registry.clear();
    std::vector<std::thread> threads;
    std::vector<CircuitBreaker*> seen(8);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&registry, &seen, t] {
            for (int i = 0; i < 500; ++i) {
                auto b = registry.breaker(QStringLiteral("openai"),
                                          QStringLiteral("http://127.0.0.1:3/v1"));
                if (b->allow())
                    b->recordSuccess();
                seen[t] = b.get();
            }
        });
    }
    for (auto& t : threads)
        t.join();
    for (CircuitBreaker* b : seen)
        QCOMPARE(b, seen.front());
    QCOMPARE(seen.front()->state(), CircuitBreaker::State::Closed);
    registry.clear();
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "TestCircuitBreaker.moc"
