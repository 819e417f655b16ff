// The audit anchor: its stored form, and the keeper that writes it beside the key: coalesced while
// entries stream, at once when urgent, never moved back, and quiet once the keychain is gone.

#include <QTest>

#include <mutex>

#include "security/AuditAnchor.h"

using namespace awb;

namespace {

const QString kMac = QString(64, QLatin1Char('a'));

QString macOf(qint64 seq)
{
    return QStringLiteral("%1").arg(seq, 64, 16, QLatin1Char('0'));
}

// A keychain in memory that counts its writes.
struct FakeKeychain
{
    std::mutex mutex;
    std::map<QString, QString> entries;
    int writes = 0;
    std::optional<Error> failure; // every call fails with it

    AnchorStorage storage()
    {
        AnchorStorage s;
        s.read = [this](const QString& entry) -> Result<std::optional<QString>> {
            std::lock_guard lock(mutex);
            if (failure)
                return *failure;
            const auto it = entries.find(entry);
            return it == entries.end() ? std::optional<QString>()
                                       : std::optional<QString>(it->second);
        };
        s.write = [this](const QString& entry, const QString& value) -> Status {
            std::lock_guard lock(mutex);
            if (failure)
                return *failure;
            ++writes;
            entries[entry] = value;
            return {};
        };
        return s;
    }
    int writeCount()
    {
        std::lock_guard lock(mutex);
        return writes;
    }
    std::optional<AuditAnchor> stored(const QString& workspaceId)
    {
        auto a = storage().load(workspaceId);
        return a && a->has_value() ? std::optional<AuditAnchor>(**a) : std::nullopt;
    }
};

constexpr std::chrono::hours kNever{1}; // a throttle no test waits for

} // namespace

class TestAuditAnchor : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsThroughItsText()
    {
        AuditAnchor a;
        a.seq = 42;
        a.mac = kMac;
        a.keyFingerprint = QStringLiteral("0123456789abcdef");
        a.updatedAt = QStringLiteral("2026-12-08T01:00:00.000Z");
        const auto back = AuditAnchor::fromText(a.toText());
        QVERIFY(back.ok());
        QCOMPARE(back->seq, 42);
        QCOMPARE(back->mac, kMac);
        QCOMPARE(back->keyFingerprint, a.keyFingerprint);
        QCOMPARE(back->updatedAt, a.updatedAt);
        QCOMPARE(a.headString(), QStringLiteral("42:") + kMac);
    }

    void malformedTextIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not JSON") << "seq=4";
        QTest::newRow("an array") << "[]";
        QTest::newRow("no seq") << R"({"mac":"%1","key_fingerprint":"f"})";
        QTest::newRow("negative seq") << R"({"seq":-1,"mac":"%1","key_fingerprint":"f"})";
        QTest::newRow("short mac") << R"({"seq":1,"mac":"abc","key_fingerprint":"f"})";
        QTest::newRow("no fingerprint") << R"({"seq":1,"mac":"%1"})";
    }

    void malformedTextIsRefused()
    {
        QFETCH(QString, text);
        const auto a =
            AuditAnchor::fromText(text.contains(QLatin1String("%1")) ? text.arg(kMac) : text);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, QStringLiteral("invalid_anchor"));
    }

    void streamingEntriesAreCoalescedIntoOneWrite()
    {
        FakeKeychain keychain;
        AuditAnchorKeeper keeper(QStringLiteral("ws"), QStringLiteral("fp"), keychain.storage(),
                                 kNever);
        for (int seq = 1; seq <= 200; ++seq)
            keeper.advance(seq, macOf(seq), false);
        QTRY_VERIFY(keeper.writtenSeq() >= 1); // the first goes out at once
        QCOMPARE(keychain.writeCount(), 1);    // the rest wait for the interval
        QVERIFY(keeper.flush().ok());
        QVERIFY(keychain.writeCount() <= 2); // 200 heads, at most the first and the last
        QCOMPARE(keychain.stored(QStringLiteral("ws"))->seq, 200);
        QCOMPARE(keychain.stored(QStringLiteral("ws"))->mac, macOf(200));
    }

    void anUrgentAdvanceIsWrittenAtOnce()
    {
        FakeKeychain keychain;
        AuditAnchorKeeper keeper(QStringLiteral("ws"), QStringLiteral("fp"), keychain.storage(),
                                 kNever);
        keeper.advance(1, macOf(1), false);
        QTRY_COMPARE(keeper.writtenSeq(), 1);
        keeper.advance(7, macOf(7), true); // a run ended
        QTRY_COMPARE(keeper.writtenSeq(), 7);
        QCOMPARE(keychain.stored(QStringLiteral("ws"))->seq, 7);
    }

    void theLastHeadIsWrittenWhenTheKeeperCloses()
    {
        FakeKeychain keychain;
        {
            AuditAnchorKeeper keeper(QStringLiteral("ws"), QStringLiteral("fp"), keychain.storage(),
                                     kNever);
            keeper.advance(1, macOf(1), false);
            QTRY_COMPARE(keeper.writtenSeq(), 1);
            keeper.advance(9, macOf(9), false);
        }
        QCOMPARE(keychain.stored(QStringLiteral("ws"))->seq, 9);
    }

    void theStoredAnchorNeverMovesBack()
    {
        FakeKeychain keychain;
        AuditAnchor newer;
        newer.seq = 50;
        newer.mac = macOf(50);
        newer.keyFingerprint = QStringLiteral("fp");
        keychain.entries[AuditAnchor::keychainEntry(QStringLiteral("ws"))] = newer.toText();
        AuditAnchorKeeper keeper(QStringLiteral("ws"), QStringLiteral("fp"), keychain.storage(),
                                 kNever);
        keeper.advance(10, macOf(10), true); // this process saw an older head than another one
        QVERIFY(keeper.flush().ok());
        QCOMPARE(keychain.stored(QStringLiteral("ws"))->seq, 50);
        QCOMPARE(keychain.writeCount(), 0);
    }

    void anUnreachableKeychainIsSaidOnceAndNotRetried()
    {
        FakeKeychain keychain;
        keychain.failure =
            Error::make(QStringLiteral("no keychain"), QStringLiteral("keychain_unavailable"));
        AuditAnchorKeeper keeper(QStringLiteral("ws"), QStringLiteral("fp"), keychain.storage(),
                                 kNever);
        keeper.advance(3, macOf(3), true);
        const Status flushed = keeper.flush(std::chrono::seconds(5));
        QVERIFY(!flushed.ok());
        QCOMPARE(flushed.error().code, QStringLiteral("keychain_unavailable"));
        QVERIFY(keeper.lastError().has_value());
        keychain.failure.reset();
        keeper.advance(4, macOf(4), true); // ignored: the keeper stopped trying
        QVERIFY(!keeper.flush(std::chrono::milliseconds(200)).ok());
        QCOMPARE(keychain.writeCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditAnchor)
#include "TestAuditAnchor.moc"
