// Keychain against the real Secret Service (skipped, or failed when AWB_REQUIRE_KEYCHAIN=1, if none
// is reachable: run inside tests/support/keyring-session.sh), and without any D-Bus session bus.

#include <QMutex>
#include <QThreadPool>
#include <QUuid>

#include <vector>

#include "core/security/support/SecurityTestSupport.h"
#include "security/Keychain.h"

using namespace awb;

class TestKeychain : public QObject
{
    Q_OBJECT

private:
    // Unique per run so that parallel runs and leftovers never collide.
    QString entry(const QString& name) const { return m_prefix + name; }
    QString m_prefix;
    QStringList m_written;

    void track(const QString& name) { m_written << name; }

private slots:
    void init()
    {
        m_prefix = QStringLiteral("test/%1/").arg(QUuid::createUuid().toString(QUuid::Id128));
    }

    void cleanup()
    {
        for (const QString& name : std::as_const(m_written))
            (void)Keychain::remove(name);
        m_written.clear();
    }

    void stateNamesArePlain_data()
    {
        QTest::addColumn<Keychain::State>("state");
        QTest::addColumn<QString>("name");
        QTest::newRow("available") << Keychain::State::Available << "unlocked";
        QTest::newRow("locked") << Keychain::State::Locked << "locked";
        QTest::newRow("unavailable") << Keychain::State::Unavailable << "unavailable";
    }
    void stateNamesArePlain()
    {
        QFETCH(Keychain::State, state);
        QFETCH(QString, name);
        QCOMPARE(Keychain::stateName(state), name);
    }

    void readsBackWhatWasWritten_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("ascii") << "sk-test-0123456789abcdef";
        QTest::newRow("non-ascii") << QStringLiteral("pässwörd-密码-🔑");
        QTest::newRow("quotes and newline") << "a \"quoted\"\nsecond line\t\\";
        QTest::newRow("long") << QString(4096, QLatin1Char('x'));
    }
    void readsBackWhatWasWritten()
    {
        AWB_REQUIRE_KEYCHAIN();
        QFETCH(QString, secret);
        const QString name = entry(QStringLiteral("roundtrip"));
        track(name);
        const Status written = Keychain::write(name, secret);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.errorMessage()));
        const auto read = Keychain::read(name);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.errorMessage()));
        QVERIFY(read->has_value());
        QCOMPARE(**read, secret);
    }

    void writeReplacesThePreviousSecret()
    {
        AWB_REQUIRE_KEYCHAIN();
        const QString name = entry(QStringLiteral("replace"));
        track(name);
        QVERIFY(Keychain::write(name, QStringLiteral("first-secret")).ok());
        QVERIFY(Keychain::write(name, QStringLiteral("second-secret")).ok());
        const auto read = Keychain::read(name);
        QVERIFY(read.ok() && read->has_value());
        QCOMPARE(**read, QStringLiteral("second-secret"));
    }

    void missingEntryReadsAsNullopt()
    {
        AWB_REQUIRE_KEYCHAIN();
        const auto read = Keychain::read(entry(QStringLiteral("never-written")));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.errorMessage()));
        QVERIFY(!read->has_value());
    }

    void removeDeletesTheEntry()
    {
        AWB_REQUIRE_KEYCHAIN();
        const QString name = entry(QStringLiteral("remove"));
        track(name);
        QVERIFY(Keychain::write(name, QStringLiteral("to-be-removed")).ok());
        const Status removed = Keychain::remove(name);
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.errorMessage()));
        const auto read = Keychain::read(name);
        QVERIFY(read.ok());
        QVERIFY(!read->has_value());
    }

    void removeOfMissingEntrySucceeds()
    {
        AWB_REQUIRE_KEYCHAIN();
        const Status removed = Keychain::remove(entry(QStringLiteral("never-written")));
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.errorMessage()));
    }

    void probeReportsUnlockedKeychain()
    {
        AWB_REQUIRE_KEYCHAIN();
        QCOMPARE(Keychain::probe(), Keychain::State::Available);
    }

    void roundTripWorksOnAThreadPoolThread()
    {
        AWB_REQUIRE_KEYCHAIN();
        const QString name = entry(QStringLiteral("pool"));
        track(name);
        struct Outcome
        {
            bool written = false;
            std::optional<QString> read;
            bool removed = false;
            std::optional<QString> afterRemove = QStringLiteral("unset");
            QString error;
        } outcome;
        QThreadPool pool;
        pool.start([&] {
            const Status w = Keychain::write(name, QStringLiteral("from-a-worker"));
            outcome.written = w.ok();
            if (!w.ok())
                outcome.error = w.errorMessage();
            if (auto r = Keychain::read(name); r.ok())
                outcome.read = *r;
            outcome.removed = Keychain::remove(name).ok();
            if (auto r = Keychain::read(name); r.ok())
                outcome.afterRemove = *r;
        });
        QVERIFY(pool.waitForDone(60000));
        QVERIFY2(outcome.written, qPrintable(outcome.error));
        QCOMPARE(outcome.read, std::optional<QString>(QStringLiteral("from-a-worker")));
        QVERIFY(outcome.removed);
        QCOMPARE(outcome.afterRemove, std::optional<QString>());
    }

    void concurrentCallsFromManyThreadsAllSucceed()
    {
        AWB_REQUIRE_KEYCHAIN();
        constexpr int kThreads = 6;
        QThreadPool pool;
        pool.setMaxThreadCount(kThreads);
        QMutex mutex;
        std::vector<QString> readBack(kThreads);
        QStringList errors;
        for (int i = 0; i < kThreads; ++i) {
            const QString name = entry(QStringLiteral("concurrent-%1").arg(i));
            track(name);
            pool.start([&, i, name] {
                const QString secret = QStringLiteral("secret-%1").arg(i);
                const Status w = Keychain::write(name, secret);
                auto r = Keychain::read(name);
                QMutexLocker lock(&mutex);
                if (!w.ok())
                    errors << w.errorMessage();
                else if (!r.ok())
                    errors << r.errorMessage();
                else if (r->has_value())
                    readBack[std::size_t(i)] = **r;
            });
        }
        QVERIFY(pool.waitForDone(120000));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        for (int i = 0; i < kThreads; ++i)
            QCOMPARE(readBack[std::size_t(i)], QStringLiteral("secret-%1").arg(i));
    }

    void noSessionBusMeansKeychainUnavailable()
    {
        const Json child = test::runChildWithoutBus(QStringLiteral("keychain-read"));
        QVERIFY2(!child.contains("failed"), child.dump().c_str());
        QCOMPARE(child.value("ok", true), false);
        QCOMPARE(jsonString(child, "code"), QStringLiteral("keychain_unavailable"));
        QCOMPARE(jsonString(child, "write_code"), QStringLiteral("keychain_unavailable"));
        QVERIFY2(jsonString(child, "message")
                     .startsWith(QStringLiteral("No keychain service is reachable (no Secret "
                                                "Service on the D-Bus session bus).")),
                 child.dump().c_str());
        QCOMPARE(jsonString(child, "state"), QStringLiteral("unavailable"));
        // It fails fast rather than waiting for the 10 s timeout of each call.
        QVERIFY2(child.value("elapsed_ms", 0) < 5000, child.dump().c_str());
    }
};

AWB_SECURITY_TEST_MAIN(TestKeychain)
#include "TestKeychain.moc"
