// Redactor: secrets and PII patterns become "[REDACTED]" in text and in JSON, from many threads.

#include <QMutex>
#include <QThreadPool>

#include "core/security/support/SecurityTestSupport.h"
#include "security/Redactor.h"

using namespace awb;

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void redactsText_data()
    {
        QTest::addColumn<QStringList>("secrets");
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QStringList none;
        QTest::newRow("secret") << QStringList{"sk-live-123456"} << none << "key=sk-live-123456;"
                                << "key=[REDACTED];";
        QTest::newRow("every occurrence")
            << QStringList{"hunter22"} << none << "hunter22 and hunter22"
            << "[REDACTED] and [REDACTED]";
        QTest::newRow("longest first")
            << QStringList{"abcd", "abcdefgh"} << none << "x abcdefgh y abcd"
            << "x [REDACTED] y [REDACTED]";
        QTest::newRow("overlapping merged")
            << QStringList{"aaaa-bbbb", "bbbb-cccc"} << none << "aaaa-bbbb-cccc!"
            << "[REDACTED]!";
        QTest::newRow("pattern") << none << QStringList{R"([\w.]+@[\w.]+\.\w+)"}
                                 << "mail jane.doe@example.com now"
                                 << "mail [REDACTED] now";
        QTest::newRow("iban pattern")
            << none << QStringList{R"(\bDE\d{20}\b)"} << "IBAN DE89370400440532013000."
            << "IBAN [REDACTED].";
        QTest::newRow("placeholder never re-redacted")
            << QStringList{"sk-12345"} << QStringList{"[A-Z]{5,}"} << "token sk-12345 SECRET"
            << "token [REDACTED] [REDACTED]";
        QTest::newRow("non-ascii secret") << QStringList{QStringLiteral("pässwört")} << none
                                          << QStringLiteral("pw: pässwört.") << "pw: [REDACTED].";
        QTest::newRow("no match") << QStringList{"sk-live-123456"} << QStringList{R"(\d{9})"}
                                  << "nothing to hide 1234"
                                  << "nothing to hide 1234";
    }
    void redactsText()
    {
        QFETCH(QStringList, secrets);
        QFETCH(QStringList, patterns);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        Redactor redactor;
        for (const QString& s : secrets)
            QVERIFY(redactor.addSecret(s));
        QVERIFY(redactor.addPatterns(patterns).ok());
        QCOMPARE(redactor.redact(input), expected);
    }

    void shortSecretsAreIgnored()
    {
        Redactor redactor;
        QVERIFY(!redactor.addSecret(QStringLiteral("abc")));
        QVERIFY(!redactor.addSecret(QString()));
        QVERIFY(redactor.isEmpty());
        QCOMPARE(redactor.redact(QStringLiteral("abc abc")), QStringLiteral("abc abc"));
        QVERIFY(redactor.addSecret(QStringLiteral("abcd")));
        QVERIFY(!redactor.addSecret(QStringLiteral("abcd"))); // already known
    }

    void unchangedTextIsNotCopied()
    {
        Redactor redactor;
        QVERIFY(redactor.addSecret(QStringLiteral("sk-live-123456")));
        const QString text = QString::fromLatin1("an ordinary log line without secrets"); // heap
        QVERIFY(redactor.redact(text).isSharedWith(text));
    }

    void invalidPatternIsAnError()
    {
        Redactor redactor;
        const Status s = redactor.addPattern(QRegularExpression(QStringLiteral("(unclosed")));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("invalid_pattern"));
        QVERIFY(s.errorMessage().contains(QStringLiteral("(unclosed")));
        QVERIFY(redactor.isEmpty());
    }

    void patternMatchingEmptyTextIsAnError()
    {
        Redactor redactor;
        QVERIFY(!redactor.addPattern(QRegularExpression(QStringLiteral("x*"))).ok());
        QVERIFY(redactor.isEmpty());
    }

    void redactsJsonValuesButNotKeys()
    {
        Redactor redactor;
        QVERIFY(redactor.addSecret(QStringLiteral("sk-live-123456")));
        const Json input = {{"sk-live-123456", "header sk-live-123456"},
                            {"nested", {{"list", {"a", "Bearer sk-live-123456", 42}}, {"n", 7}}},
                            {"flag", true}};
        const Json expected = {{"sk-live-123456", "header [REDACTED]"},
                               {"nested", {{"list", {"a", "Bearer [REDACTED]", 42}}, {"n", 7}}},
                               {"flag", true}};
        QVERIFY2(redactor.redact(input) == expected, redactor.redact(input).dump().c_str());
    }

    void redactsConsistentlyFromManyThreads()
    {
        Redactor redactor;
        QVERIFY(redactor.addSecret(QStringLiteral("sk-live-123456")));
        QVERIFY(
            redactor.addPattern(QRegularExpression(QStringLiteral(R"(\d{3}-\d{2}-\d{4})"))).ok());
        const QString input = QStringLiteral("ssn 123-45-6789 key sk-live-123456 end");
        const QString expected = QStringLiteral("ssn [REDACTED] key [REDACTED] end");
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QMutex mutex;
        int wrong = 0;
        for (int t = 0; t < 8; ++t) {
            pool.start([&] {
                int local = 0;
                for (int i = 0; i < 2000; ++i)
                    local += redactor.redact(input) != expected;
                QMutexLocker lock(&mutex);
                wrong += local;
            });
        }
        QVERIFY(pool.waitForDone(60000));
        QCOMPARE(wrong, 0);
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "TestRedactor.moc"
