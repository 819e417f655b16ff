// The retry decision: which failures are retried, the backoff with full jitter, the delays
// servers ask for, and the caps on attempts and total time.

#include <QTest>

#include "llm/transport/RetryPolicy.h"

using namespace awb::llm;

Q_DECLARE_METATYPE(awb::llm::HttpHeaders)
Q_DECLARE_METATYPE(awb::llm::FailureKind)

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 10, 1), QTime(9, 0, 0), Qt::UTC);

AttemptFailure httpFailure(int status, HttpHeaders headers = {})
{
    AttemptFailure f;
    f.kind = FailureKind::HttpStatus;
    f.httpStatus = status;
    f.headers = std::move(headers);
    return f;
}
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retriesOnlyTransientStatuses_data();
    void retriesOnlyTransientStatuses();
    void retriesNetworkTroubleButNotPermanentFailures_data();
    void retriesNetworkTroubleButNotPermanentFailures();
    void backsOffExponentiallyWithFullJitter_data();
    void backsOffExponentiallyWithFullJitter();
    void readsTheDelayTheServerAsksFor_data();
    void readsTheDelayTheServerAsksFor();
    void parsesOpenAiDurations_data();
    void parsesOpenAiDurations();
    void decides_data();
    void decides();
    void usesTheDefaultsOfTheIssue();
};

void TestRetryPolicy::retriesOnlyTransientStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    for (int s : {408, 409, 429, 500, 502, 503, 504, 529})
        QTest::addRow("%d", s) << s << true;
    for (int s : {400, 401, 403, 404, 413, 422, 501})
        QTest::addRow("%d", s) << s << false;
}

void TestRetryPolicy::retriesOnlyTransientStatuses()
{
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QCOMPARE(RetryPolicy::isRetryableStatus(status), retryable);
    QCOMPARE(RetryPolicy::isRetryable(httpFailure(status)), retryable);
}

void TestRetryPolicy::retriesNetworkTroubleButNotPermanentFailures_data()
{
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("network") << FailureKind::Network << true;
    QTest::newRow("timeout") << FailureKind::Timeout << true;
    QTest::newRow("stream cut") << FailureKind::StreamInterrupted << true;
    QTest::newRow("permanent") << FailureKind::Permanent << false;
}

void TestRetryPolicy::retriesNetworkTroubleButNotPermanentFailures()
{
    QFETCH(FailureKind, kind);
    QFETCH(bool, retryable);
    AttemptFailure f;
    f.kind = kind;
    QCOMPARE(RetryPolicy::isRetryable(f), retryable);
}

void TestRetryPolicy::backsOffExponentiallyWithFullJitter_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("1st, half") << 1 << 0.5 << qint64(250);
    QTest::newRow("2nd, half") << 2 << 0.5 << qint64(500);
    QTest::newRow("3rd, half") << 3 << 0.5 << qint64(1000);
    QTest::newRow("3rd, zero") << 3 << 0.0 << qint64(0);
    QTest::newRow("3rd, almost one") << 3 << 0.9999 << qint64(1999);
    QTest::newRow("7th reaches 30 s cap") << 7 << 0.5 << qint64(15000);
    QTest::newRow("20th stays capped") << 20 << 0.9999 << qint64(29997);
}

void TestRetryPolicy::backsOffExponentiallyWithFullJitter()
{
    QFETCH(int, retry);
    QFETCH(double, random);
    QFETCH(qint64, expected);
    const RetryPolicy policy({}, [random] { return random; });
    QCOMPARE(policy.backoffMs(retry), expected);
}

void TestRetryPolicy::readsTheDelayTheServerAsksFor_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<qint64>("expected"); // -1: none

    QTest::newRow("retry-after seconds")
        << 429 << HttpHeaders{{"Retry-After", "1"}} << qint64(1000);
    QTest::newRow("retry-after fraction")
        << 503 << HttpHeaders{{"retry-after", "1.5"}} << qint64(1500);
    QTest::newRow("retry-after-ms wins")
        << 429 << HttpHeaders{{"retry-after", "10"}, {"retry-after-ms", "250"}} << qint64(250);
    QTest::newRow("retry-after http date")
        << 503 << HttpHeaders{{"Retry-After", "Thu, 01 Oct 2026 09:00:30 GMT"}} << qint64(30000);
    QTest::newRow("retry-after date passed")
        << 503 << HttpHeaders{{"Retry-After", "Thu, 01 Oct 2026 08:59:00 GMT"}} << qint64(0);
    QTest::newRow("retry-after garbage")
        << 503 << HttpHeaders{{"Retry-After", "soon"}} << qint64(-1);
    QTest::newRow("openai requests reset")
        << 429 << HttpHeaders{{"x-ratelimit-reset-requests", "6m0s"}} << qint64(360000);
    QTest::newRow("openai exhausted tokens")
        << 429
        << HttpHeaders{{"x-ratelimit-remaining-requests", "4999"},
                       {"x-ratelimit-reset-requests", "12ms"},
                       {"x-ratelimit-remaining-tokens", "0"},
                       {"x-ratelimit-reset-tokens", "1m30s"}}
        << qint64(90000);
    QTest::newRow("openai both, none exhausted")
        << 429
        << HttpHeaders{{"x-ratelimit-reset-requests", "120ms"}, {"x-ratelimit-reset-tokens", "2s"}}
        << qint64(2000);
    QTest::newRow("reset headers ignored on 503")
        << 503 << HttpHeaders{{"x-ratelimit-reset-requests", "6m0s"}} << qint64(-1);
    QTest::newRow("anthropic reset")
        << 429 << HttpHeaders{{"anthropic-ratelimit-requests-reset", "2026-10-01T09:00:05Z"}}
        << qint64(5000);
    QTest::newRow("anthropic exhausted tokens")
        << 429
        << HttpHeaders{{"anthropic-ratelimit-requests-remaining", "10"},
                       {"anthropic-ratelimit-requests-reset", "2026-10-01T09:00:01Z"},
                       {"anthropic-ratelimit-tokens-remaining", "0"},
                       {"anthropic-ratelimit-tokens-reset", "2026-10-01T09:00:20.500Z"}}
        << qint64(20500);
    QTest::newRow("none") << 429 << HttpHeaders{{"content-type", "application/json"}} << qint64(-1);
}

void TestRetryPolicy::readsTheDelayTheServerAsksFor()
{
    QFETCH(int, status);
    QFETCH(HttpHeaders, headers);
    QFETCH(qint64, expected);
    const auto delay = RetryPolicy::serverDelayMs(status, headers, kNow);
    QCOMPARE(delay.value_or(-1), expected);
}

void TestRetryPolicy::parsesOpenAiDurations_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected"); // -1: invalid
    QTest::newRow("1s") << QByteArray("1s") << qint64(1000);
    QTest::newRow("6m0s") << QByteArray("6m0s") << qint64(360000);
    QTest::newRow("120ms") << QByteArray("120ms") << qint64(120);
    QTest::newRow("17.28s") << QByteArray("17.28s") << qint64(17280);
    QTest::newRow("1h2m3.5s") << QByteArray("1h2m3.5s") << qint64(3723500);
    QTest::newRow("microseconds round up") << QByteArray("1500us") << qint64(2);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
    QTest::newRow("no unit") << QByteArray("12") << qint64(-1);
    QTest::newRow("unknown unit") << QByteArray("5d") << qint64(-1);
    QTest::newRow("text") << QByteArray("soon") << qint64(-1);
}

void TestRetryPolicy::parsesOpenAiDurations()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QCOMPARE(RetryPolicy::parseGoDuration(text).value_or(-1), expected);
}

void TestRetryPolicy::decides_data()
{
    QTest::addColumn<int>("status"); // 0: a network error
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<int>("attemptsMade");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<qint64>("delayMs");
    QTest::addColumn<bool>("serverDelay");

    QTest::newRow("503 first") << 503 << HttpHeaders{} << 1 << qint64(0) << true << qint64(250)
                               << false;
    QTest::newRow("network third")
        << 0 << HttpHeaders{} << 3 << qint64(0) << true << qint64(1000) << false;
    QTest::newRow("429 retry-after") << 429 << HttpHeaders{{"Retry-After", "1"}} << 1 << qint64(0)
                                     << true << qint64(1000) << true;
    QTest::newRow("server delay beyond the cap of backoff")
        << 429 << HttpHeaders{{"Retry-After", "45"}} << 1 << qint64(0) << true << qint64(45000)
        << true;
    QTest::newRow("server delay capped by time left")
        << 429 << HttpHeaders{{"Retry-After", "10"}} << 1 << qint64(119500) << true << qint64(500)
        << true;
    QTest::newRow("backoff capped by time left")
        << 503 << HttpHeaders{} << 3 << qint64(119900) << true << qint64(100) << false;
    QTest::newRow("400 never") << 400 << HttpHeaders{} << 1 << qint64(0) << false << qint64(0)
                               << false;
    QTest::newRow("401 never") << 401 << HttpHeaders{{"Retry-After", "1"}} << 1 << qint64(0)
                               << false << qint64(0) << false;
    QTest::newRow("attempts exhausted")
        << 503 << HttpHeaders{} << 4 << qint64(0) << false << qint64(0) << false;
    QTest::newRow("time exhausted")
        << 503 << HttpHeaders{} << 1 << qint64(120000) << false << qint64(0) << false;
    QTest::newRow("x-should-retry false") << 503 << HttpHeaders{{"x-should-retry", "false"}} << 1
                                          << qint64(0) << false << qint64(0) << false;
}

void TestRetryPolicy::decides()
{
    QFETCH(int, status);
    QFETCH(HttpHeaders, headers);
    QFETCH(int, attemptsMade);
    QFETCH(qint64, elapsedMs);
    QFETCH(bool, retry);
    QFETCH(qint64, delayMs);
    QFETCH(bool, serverDelay);

    const RetryPolicy policy({}, [] { return 0.5; });
    AttemptFailure failure = httpFailure(status, headers);
    if (status == 0)
        failure.kind = FailureKind::Network;
    const RetryDecision d = policy.decide(failure, attemptsMade, elapsedMs, kNow);
    QCOMPARE(d.retry, retry);
    QCOMPARE(d.delayMs, delayMs);
    QCOMPARE(d.serverDelay, serverDelay);
    QCOMPARE(d.why.isEmpty(), retry);
}

void TestRetryPolicy::usesTheDefaultsOfTheIssue()
{
    const RetrySettings s;
    QCOMPARE(s.maxAttempts, 4);
    QCOMPARE(s.maxTotalMs, qint64(120000));
    QCOMPARE(s.baseDelayMs, qint64(500));
    QCOMPARE(s.factor, 2);
    QCOMPARE(s.maxDelayMs, qint64(30000));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "TestRetryPolicy.moc"
