// The audit trail's hash chain: append, verify (naming the first altered entry), expected heads,
// export, and canonical JSON compared byte for byte with Python's json.dumps.

#include <QBuffer>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

#include <QRegularExpression>

#include "core/security/support/SecurityTestSupport.h"
#include "security/AuditAnchor.h"
#include "security/AuditTrail.h"

using namespace awb;

namespace {

const QByteArray kKey = QByteArrayLiteral("test-audit-key-ü");

QDateTime fixedTime(int second = 0)
{
    return QDateTime(QDate(2026, 10, 1), QTime(9, 0, second, 250), QTimeZone::utc());
}

// What Python's json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False) gives.
QByteArray pythonCanonical(const Json& value)
{
    const QString python = test::pythonExecutable();
    const auto result = test::runProcess(
        python,
        {QStringLiteral("-c"),
         QStringLiteral("import json,sys; v=json.loads(sys.stdin.buffer.read().decode('utf-8')); "
                        "sys.stdout.buffer.write(json.dumps(v, sort_keys=True, "
                        "separators=(',', ':'), ensure_ascii=False).encode('utf-8'))")},
        QProcessEnvironment::systemEnvironment(),
        QByteArray::fromStdString(value.dump(-1, ' ', true)));
    return result.finished && result.exitCode == 0
               ? result.out
               : QByteArrayLiteral("<python failed>") + result.err;
}

} // namespace

class TestAuditTrail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    sql::Database m_db;

    // Appends count entries; entry i has amount "i00.00".
    void appendEntries(const AuditTrail& trail, int count)
    {
        for (int i = 1; i <= count; ++i) {
            auto entry =
                trail.append(m_db, QStringLiteral("alice"), QStringLiteral("tool.called"),
                             QStringLiteral("run-1"),
                             Json{{"tool", "reconcile"},
                                  {"amount", QStringLiteral("%1.00").arg(i * 100).toStdString()}},
                             fixedTime(i % 60));
            QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.errorMessage()));
        }
    }

    void exec(const QString& sql) { QVERIFY2(m_db.exec(sql).ok(), qPrintable(m_db.lastError())); }

    qint64 count() { return m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM audit")).value(); }

    // The anchor the keychain would hold after entry seq.
    AuditAnchor anchorAt(const AuditTrail& trail, qint64 seq)
    {
        auto row = m_db.prepare(QStringLiteral("SELECT mac FROM audit WHERE seq = ?"));
        row->bind(1, std::int64_t(seq));
        AuditAnchor a;
        a.seq = seq;
        a.mac = row->step() ? row->text(0) : QString();
        a.keyFingerprint = trail.keyFingerprint();
        a.updatedAt = QStringLiteral("2026-10-01T09:00:00.000Z");
        return a;
    }

private slots:
    void init()
    {
        m_db = sql::Database();
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("workspace.db")));
        QFile::remove(m_dir.filePath(QStringLiteral("workspace.db-wal")));
        QFile::remove(m_dir.filePath(QStringLiteral("workspace.db-shm")));
        m_db = test::openScratchDatabase(m_dir);
    }

    void emptyTrailHasHeadZero()
    {
        const auto head = AuditTrail::head(m_db);
        QVERIFY(head.ok());
        QCOMPARE(head->seq, 0);
        QCOMPARE(head->mac, QString(64, QLatin1Char('0')));
        const auto v = AuditTrail(kKey).verify(m_db);
        QVERIFY(v.ok() && v->ok());
        QCOMPARE(v->entries, 0);
    }

    void macIsHmacSha256OfTheCanonicalEntry()
    {
        const AuditTrail trail(kKey);
        const auto entry =
            trail.append(m_db, QStringLiteral("alice"), QStringLiteral("tool.called"),
                         QStringLiteral("r1"), Json{{"n", 3}, {"amount", "1234.50"}}, fixedTime());
        QVERIFY(entry.ok());
        const QByteArray canonical = "{\"actor\":\"alice\",\"data\":{\"amount\":\"1234.50\",\"n\":"
                                     "3},\"kind\":\"tool.called\","
                                     "\"prev\":\"" +
                                     QByteArray(64, '0') +
                                     "\",\"run_id\":\"r1\",\"seq\":1,"
                                     "\"time\":\"2026-10-01T09:00:00.250Z\"}";
        const QByteArray expected =
            QMessageAuthenticationCode::hash(canonical, kKey, QCryptographicHash::Sha256).toHex();
        QCOMPARE(entry->mac.toLatin1(), expected);
        QCOMPARE(entry->seq, 1);
        QCOMPARE(entry->prev, QString(64, QLatin1Char('0')));
    }

    void macMatchesQtsHmacForKeysOfEveryLength_data()
    {
        QTest::addColumn<int>("keyLength");
        for (int length : {1, 32, 63, 64, 65, 200})
            QTest::addRow("%d bytes", length) << length;
    }
    void macMatchesQtsHmacForKeysOfEveryLength()
    {
        QFETCH(int, keyLength);
        QByteArray key(keyLength, 'k');
        for (int i = 0; i < keyLength; ++i)
            key[i] = char('a' + i % 26);
        const QByteArray message = QByteArrayLiteral("{\"actor\":\"alice\",\"seq\":1}");
        QCOMPARE(
            AuditTrail(key).macOf(message).toLatin1(),
            QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex());
    }

    void appendLinksEachEntryToThePreviousMac()
    {
        const AuditTrail trail(kKey);
        QString previous = AuditTrail::zeroMac();
        for (int i = 1; i <= 3; ++i) {
            const auto entry = trail.append(m_db, QStringLiteral("bob"), QStringLiteral("step"),
                                            QString(), Json{{"i", i}}, fixedTime(i));
            QVERIFY(entry.ok());
            QCOMPARE(entry->seq, i);
            QCOMPARE(entry->prev, previous);
            previous = entry->mac;
        }
        const auto head = AuditTrail::head(m_db);
        QCOMPARE(head->seq, 3);
        QCOMPARE(head->mac, previous);
        QVERIFY(head->data == (Json{{"i", 3}}));
    }

    void timeIsStoredAsUtcWithMilliseconds()
    {
        const QDateTime berlin(QDate(2026, 10, 1), QTime(11, 0, 0, 7), QTimeZone(7200));
        const auto entry = AuditTrail(kKey).append(m_db, QStringLiteral("a"), QStringLiteral("k"),
                                                   QString(), Json::object(), berlin);
        QVERIFY(entry.ok());
        QCOMPARE(entry->time, QStringLiteral("2026-10-01T09:00:00.007Z"));
    }

    void floatsAreRefused_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("path");
        QTest::newRow("top level") << R"({"amount": 12.5})"
                                   << "data.amount";
        QTest::newRow("nested in array") << R"({"lines": [{"x": 1}, {"y": 0.5}]})"
                                         << "data.lines[1].y";
        QTest::newRow("whole number as float") << R"({"n": 3.0})"
                                               << "data.n";
    }
    void floatsAreRefused()
    {
        QFETCH(QString, data);
        QFETCH(QString, path);
        const auto entry = AuditTrail(kKey).append(m_db, QStringLiteral("a"), QStringLiteral("k"),
                                                   QString(), parseJson(data.toUtf8()).value());
        QVERIFY(!entry.ok());
        QCOMPARE(entry.error().code, QStringLiteral("invalid_arguments"));
        QVERIFY2(entry.errorMessage().contains(path), qPrintable(entry.errorMessage()));
        QVERIFY(entry.errorMessage().contains(QStringLiteral("as a string")));
        QCOMPARE(count(), 0);
    }

    void nonObjectDataIsRefused()
    {
        const auto entry = AuditTrail(kKey).append(m_db, QStringLiteral("a"), QStringLiteral("k"),
                                                   QString(), Json::array({1, 2}));
        QVERIFY(!entry.ok());
        QCOMPARE(count(), 0);
    }

    void emptyKeyIsRefused()
    {
        const AuditTrail trail{QByteArray()};
        QVERIFY(
            !trail.append(m_db, QStringLiteral("a"), QStringLiteral("k"), QString(), Json::object())
                 .ok());
        QVERIFY(!trail.verify(m_db).ok());
    }

    void appendJoinsTheCallersTransaction()
    {
        const AuditTrail trail(kKey);
        {
            sql::Transaction tx(m_db);
            QVERIFY(trail
                        .append(m_db, QStringLiteral("a"), QStringLiteral("k"), QString(),
                                Json::object())
                        .ok());
            QVERIFY(trail
                        .append(m_db, QStringLiteral("a"), QStringLiteral("k"), QString(),
                                Json::object())
                        .ok());
        } // rolled back
        QCOMPARE(count(), 0);
        sql::Transaction tx(m_db);
        QVERIFY(
            trail.append(m_db, QStringLiteral("a"), QStringLiteral("k"), QString(), Json::object())
                .ok());
        QVERIFY(tx.commit().ok());
        QCOMPARE(count(), 1);
    }

    void untouchedTrailVerifies()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        const auto v = trail.verify(m_db);
        QVERIFY(v.ok());
        QVERIFY2(v->ok(), qPrintable(v->problem));
        QCOMPARE(v->entries, 10);
        QCOMPARE(v->headSeq, 10);
        QCOMPARE(v->headMac, AuditTrail::head(m_db)->mac);
    }

    void anotherKeyIsReportedAsSuchNotAsAlteredEntries()
    {
        appendEntries(AuditTrail(kKey), 3);
        const auto v = AuditTrail(QByteArrayLiteral("another key")).verify(m_db);
        QVERIFY(v.ok());
        QVERIFY(!v->ok());
        QVERIFY(v->keyMismatch);
        QVERIFY(!v->firstAltered);
        QVERIFY2(v->problem.contains(QLatin1String("another key")), qPrintable(v->problem));
        QCOMPARE(v->entries, 3);
    }

    void fingerprintNamesTheKeyWithoutRevealingIt()
    {
        const QString a = AuditTrail(kKey).keyFingerprint();
        QCOMPARE(a.size(), 16);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(a).hasMatch());
        QCOMPARE(AuditTrail(kKey).keyFingerprint(), a);
        QVERIFY(AuditTrail(QByteArrayLiteral("another key")).keyFingerprint() != a);
        QVERIFY(!a.contains(QString::fromUtf8(kKey.toHex().left(8))));
    }

    void bindingRecordsTheFingerprintOfANewTrail()
    {
        const AuditTrail trail(kKey);
        QVERIFY(!AuditTrail::recordedFingerprint(m_db)->has_value());
        QVERIFY(trail.bindKey(m_db, QStringLiteral("test")).ok());
        QCOMPARE(AuditTrail::recordedFingerprint(m_db)->value_or(QString()),
                 trail.keyFingerprint());
        QCOMPARE(*trail.matchKey(m_db), AuditTrail::KeyMatch::Same);
    }

    void bindingRefusesATrailSignedByAnotherKey()
    {
        const AuditTrail trail(kKey);
        QVERIFY(trail.bindKey(m_db, QStringLiteral("test")).ok());
        appendEntries(trail, 2);
        const Status other =
            AuditTrail(QByteArrayLiteral("new key")).bindKey(m_db, QStringLiteral("AWB_AUDIT_KEY"));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, QStringLiteral("audit_key_mismatch"));
        QVERIFY2(other.errorMessage().contains(trail.keyFingerprint()),
                 qPrintable(other.errorMessage()));
        QVERIFY2(other.errorMessage().contains(QLatin1String("awb audit key import")),
                 qPrintable(other.errorMessage()));
        // An empty trail of another key is still that key's: its fingerprint is on record.
        exec(QStringLiteral("DELETE FROM audit"));
        QVERIFY(!AuditTrail(QByteArrayLiteral("new key")).bindKey(m_db, QStringLiteral("x")).ok());
    }

    void aTrailFromBeforeFingerprintsIsAdoptedOnlyByItsOwnKey()
    {
        appendEntries(AuditTrail(kKey), 3); // no fingerprint recorded, as before migration 3
        QCOMPARE(*AuditTrail(QByteArrayLiteral("new key")).matchKey(m_db),
                 AuditTrail::KeyMatch::Other);
        QVERIFY(!AuditTrail(QByteArrayLiteral("new key")).bindKey(m_db, QStringLiteral("x")).ok());
        QVERIFY(!AuditTrail::recordedFingerprint(m_db)->has_value());
        QVERIFY(AuditTrail(kKey).bindKey(m_db, QStringLiteral("x")).ok());
        QCOMPARE(AuditTrail::recordedFingerprint(m_db)->value_or(QString()),
                 AuditTrail(kKey).keyFingerprint());
    }

    void anchorAheadOfTheTrailMeansACutTail()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        const AuditAnchor anchor = anchorAt(trail, 10);
        QVERIFY(trail.verify(m_db, std::nullopt, &anchor)->ok());
        exec(QStringLiteral("DELETE FROM audit WHERE seq >= 8"));
        const auto v = trail.verify(m_db, std::nullopt, &anchor);
        QVERIFY(!v->ok());
        QCOMPARE(v->firstAltered, std::optional<qint64>(8));
        QVERIFY2(v->problem.contains(QLatin1String("8 to 10")), qPrintable(v->problem));
    }

    void anEmptiedTrailIsCaughtByTheAnchor()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 4);
        const AuditAnchor anchor = anchorAt(trail, 4);
        exec(QStringLiteral("DELETE FROM audit"));
        QVERIFY(trail.verify(m_db)->ok()); // without the anchor: "intact, 0 entries"
        const auto v = trail.verify(m_db, std::nullopt, &anchor);
        QVERIFY(!v->ok());
        QVERIFY2(v->problem.contains(QLatin1String("emptied")), qPrintable(v->problem));
    }

    void aReplacedDatabaseIsCaughtByTheAnchor()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 5);
        const AuditAnchor anchor = anchorAt(trail, 5);
        // Another, consistent trail with the same key (an older copy that went another way).
        exec(QStringLiteral("DELETE FROM audit"));
        for (int i = 1; i <= 6; ++i)
            QVERIFY(trail
                        .append(m_db, QStringLiteral("mallory"), QStringLiteral("tool.called"),
                                QStringLiteral("run-2"), Json{{"n", i}}, fixedTime(i))
                        .ok());
        QVERIFY(trail.verify(m_db)->ok());
        const auto v = trail.verify(m_db, std::nullopt, &anchor);
        QVERIFY(!v->ok());
        QCOMPARE(v->firstAltered, std::optional<qint64>(5));
        QVERIFY2(v->problem.contains(QLatin1String("replaced")), qPrintable(v->problem));
    }

    void anAnchorBehindTheHeadPasses()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 3);
        const AuditAnchor anchor = anchorAt(trail, 3);
        appendEntries(trail, 4); // written after the anchor (it lags by up to a second)
        const auto v = trail.verify(m_db, std::nullopt, &anchor);
        QVERIFY2(v->ok(), qPrintable(v->problem));
        QCOMPARE(v->headSeq, 7);
    }

    void anAnchorOfAnotherKeyFails()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 2);
        AuditAnchor anchor = anchorAt(trail, 2);
        anchor.keyFingerprint = AuditTrail(QByteArrayLiteral("x")).keyFingerprint();
        const auto v = trail.verify(m_db, std::nullopt, &anchor);
        QVERIFY(!v->ok());
        QVERIFY2(v->problem.contains(QLatin1String("another key")), qPrintable(v->problem));
    }

    void alteredColumnIsNamedAtItsSeq_data()
    {
        QTest::addColumn<QString>("update");
        QTest::addColumn<QString>("problem");
        QTest::newRow("data") << R"(data = '{"amount":"999.00","tool":"reconcile"}')"
                              << "mac does not match";
        QTest::newRow("actor") << "actor = 'mallory'"
                               << "mac does not match";
        QTest::newRow("time") << "time = '2026-10-01T09:00:59.250Z'"
                              << "mac does not match";
        QTest::newRow("kind") << "kind = 'tool.skipped'"
                              << "mac does not match";
        QTest::newRow("run_id") << "run_id = 'run-2'"
                                << "mac does not match";
        QTest::newRow("prev") << "prev = '" + QString(64, QLatin1Char('0')) + "'"
                              << "mac does not match";
        QTest::newRow("mac") << "mac = (SELECT mac FROM audit WHERE seq = 4)"
                             << "mac does not match";
        QTest::newRow("data not json") << "data = '{broken'"
                                       << "not valid JSON";
    }
    void alteredColumnIsNamedAtItsSeq()
    {
        QFETCH(QString, update);
        QFETCH(QString, problem);
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        exec(QStringLiteral("UPDATE audit SET %1 WHERE seq = 5").arg(update));
        const auto v = trail.verify(m_db);
        QVERIFY(v.ok());
        QVERIFY(!v->ok());
        QCOMPARE(v->firstAltered, std::optional<qint64>(5));
        QVERIFY2(v->problem.contains(problem), qPrintable(v->problem));
        QVERIFY2(v->problem.startsWith(QStringLiteral("entry 5 ")), qPrintable(v->problem));
        QCOMPARE(v->entries, 10);
    }

    // Verification checks macs in batches of 8,192 entries on worker threads: failures in any
    // batch, and at the batch boundaries, are named as in a single pass.
    void largeTrailFailuresAreNamedInOrder_data()
    {
        QTest::addColumn<QStringList>("updates");
        QTest::addColumn<qint64>("firstAltered");
        QTest::addColumn<QString>("problem");
        QTest::newRow("untouched") << QStringList() << qint64(0) << QString();
        QTest::newRow("data in the third batch")
            << QStringList{QStringLiteral(
                   "UPDATE audit SET data = '{\"amount\":\"1.00\"}' WHERE seq = 17500")}
            << qint64(17500) << QStringLiteral("entry 17500 was altered: its mac does not match");
        QTest::newRow("mac before a broken link")
            << QStringList{QStringLiteral("UPDATE audit SET prev = (SELECT mac FROM audit WHERE "
                                          "seq = 1) WHERE seq = 12000"),
                           QStringLiteral("UPDATE audit SET mac = (SELECT mac FROM audit WHERE seq "
                                          "= 1) WHERE seq = 9000")}
            << qint64(9000) << QStringLiteral("entry 9000 was altered");
        QTest::newRow("link before an altered mac")
            << QStringList{QStringLiteral("UPDATE audit SET mac = (SELECT mac FROM audit WHERE seq "
                                          "= 1) WHERE seq = 12000"),
                           QStringLiteral("DELETE FROM audit WHERE seq = 9000")}
            << qint64(9000)
            << QStringLiteral("entry 9000 is missing (deleted): the trail jumps from 8999 to 9001");
        QTest::newRow("deletion across a batch boundary")
            << QStringList{QStringLiteral("DELETE FROM audit WHERE seq BETWEEN 8192 AND 8193")}
            << qint64(8192) << QStringLiteral("entries 8192 to 8193 are missing");
        QTest::newRow("mac malformed in the last entry")
            << QStringList{QStringLiteral("UPDATE audit SET mac = 'short' WHERE seq = 20000")}
            << qint64(20000) << QStringLiteral("entry 20000 was altered");
        QTest::newRow("data respaced in the second batch")
            << QStringList{QStringLiteral(
                   "UPDATE audit SET data = ' ' || data || ' ' WHERE seq = 10000")}
            << qint64(0) << QString();
    }
    void largeTrailFailuresAreNamedInOrder()
    {
        QFETCH(QStringList, updates);
        QFETCH(qint64, firstAltered);
        QFETCH(QString, problem);
        const AuditTrail trail(kKey);
        {
            sql::Transaction tx(m_db);
            QVERIFY(tx.beginStatus().ok());
            appendEntries(trail, 20000);
            QVERIFY(tx.commit().ok());
        }
        const auto head = AuditTrail::head(m_db);
        for (const QString& update : updates)
            exec(update);
        const auto v = trail.verify(m_db);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.errorMessage()));
        QCOMPARE(v->entries, count());
        if (firstAltered == 0) {
            QVERIFY2(v->ok(), qPrintable(v->problem));
            QCOMPARE(v->headSeq, 20000);
            QCOMPARE(v->headMac, head->mac);
        } else {
            QVERIFY(!v->ok());
            QCOMPARE(v->firstAltered, std::optional<qint64>(firstAltered));
            QVERIFY2(v->problem.startsWith(problem), qPrintable(v->problem));
        }
    }

    void equivalentDataWithOtherSpacingStillVerifies()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 5);
        exec(
            R"(UPDATE audit SET data = '{ "tool" : "reconcile", "amount" : "300.00" }' WHERE seq = 3)");
        const auto v = trail.verify(m_db);
        QVERIFY2(v.ok() && v->ok(), qPrintable(v.ok() ? v->problem : v.errorMessage()));
    }

    void deletedMiddleRowIsNamed()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        exec(QStringLiteral("DELETE FROM audit WHERE seq = 5"));
        const auto v = trail.verify(m_db);
        QVERIFY(!v->ok());
        QCOMPARE(v->firstAltered, std::optional<qint64>(5));
        QCOMPARE(v->problem,
                 QStringLiteral("entry 5 is missing (deleted): the trail jumps from 4 to 6"));
    }

    void deletedRunOfRowsIsNamed()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        exec(QStringLiteral("DELETE FROM audit WHERE seq BETWEEN 5 AND 7"));
        const auto v = trail.verify(m_db);
        QCOMPARE(v->firstAltered, std::optional<qint64>(5));
        QVERIFY2(v->problem.startsWith(QStringLiteral("entries 5 to 7 are missing")),
                 qPrintable(v->problem));
    }

    void renumberedRowsAfterADeletionAreCaught()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        exec(QStringLiteral("DELETE FROM audit WHERE seq = 5"));
        exec(QStringLiteral("UPDATE audit SET seq = seq - 1 WHERE seq > 5"));
        const auto v = trail.verify(m_db);
        QCOMPARE(v->firstAltered, std::optional<qint64>(5));
        QVERIFY(!v->ok());
    }

    void cutTailIsCaughtOnlyWithAnExpectedHead()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        const QString head = AuditTrail::headString(10, AuditTrail::head(m_db)->mac);
        QVERIFY(trail.verify(m_db, head)->ok());
        exec(QStringLiteral("DELETE FROM audit WHERE seq >= 9"));
        QVERIFY(trail.verify(m_db)->ok()); // a chain alone cannot show a cut tail
        const auto v = trail.verify(m_db, head);
        QVERIFY(v.ok());
        QVERIFY(!v->ok());
        QCOMPARE(v->firstAltered, std::optional<qint64>(9));
        QVERIFY2(v->problem.contains(QStringLiteral("removed")), qPrintable(v->problem));
    }

    void expectedHeadWithAnotherMacFails()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 10);
        const QString wrong = AuditTrail::headString(5, QString(64, QLatin1Char('a')));
        const auto v = trail.verify(m_db, wrong);
        QVERIFY(!v->ok());
        QCOMPARE(v->firstAltered, std::optional<qint64>(5));
    }

    void earlierExpectedHeadPasses()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 4);
        const QString head = AuditTrail::headString(4, AuditTrail::head(m_db)->mac.toUpper());
        appendEntries(trail, 3);
        const auto v = trail.verify(m_db, head);
        QVERIFY2(v->ok(), qPrintable(v->problem));
        QCOMPARE(v->headSeq, 7);
    }

    void malformedExpectedHeadIsAnError_data()
    {
        QTest::addColumn<QString>("head");
        QTest::newRow("no colon") << "abc";
        QTest::newRow("seq only") << "5";
        QTest::newRow("short mac") << "5:abcdef";
        QTest::newRow("negative seq") << "-1:" + QString(64, QLatin1Char('0'));
        QTest::newRow("not hex") << "5:" + QString(64, QLatin1Char('g'));
    }
    void malformedExpectedHeadIsAnError()
    {
        QFETCH(QString, head);
        appendEntries(AuditTrail(kKey), 2);
        const auto v = AuditTrail(kKey).verify(m_db, head);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, QStringLiteral("invalid_arguments"));
    }

    void exportWritesOneCanonicalLinePerEntry()
    {
        const AuditTrail trail(kKey);
        appendEntries(trail, 3);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(trail.exportJsonl(m_db, buffer).ok());
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i < 3; ++i) {
            const Json entry = parseJson(lines[i]).value();
            QCOMPARE(canonicalJson(entry), lines[i]);
            QCOMPARE(entry["seq"].get<int>(), i + 1);
            QCOMPARE(entry.size(), std::size_t(8));
            for (const char* key :
                 {"actor", "data", "kind", "mac", "prev", "run_id", "seq", "time"})
                QVERIFY2(entry.contains(key), key);
        }
        const Json last = parseJson(lines[2]).value();
        QCOMPARE(toQ(last["mac"].get<std::string>()), AuditTrail::head(m_db)->mac);
    }

    void exportReportsAWriteFailure()
    {
        appendEntries(AuditTrail(kKey), 1);
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
        const Status s = AuditTrail(kKey).exportJsonl(m_db, readOnly);
        QVERIFY(!s.ok());
        QVERIFY(s.errorMessage().contains(QStringLiteral("cannot write")));
    }

    void canonicalJsonMatchesPython_data()
    {
        QTest::addColumn<QByteArray>("json"); // given with \u escapes so the source stays ASCII
        QTest::newRow("non-ascii")
            << QByteArray(R"({"name":"M\u00fcller \u65e5\u672c \ud83d\ude00"})");
        QTest::newRow("control chars")
            << QByteArray(R"({"s":"\u0000\u0001\u001f\b\f\n\r\t\u007f"})");
        // (not a raw string: moc mis-reads a backslash-quote inside one)
        QTest::newRow("quotes slashes") << QByteArray("{\"s\":\"a\\\"b\\\\c/d\"}");
        QTest::newRow("line separators") << QByteArray(R"({"s":"\u2028\u2029\ufeff"})");
        QTest::newRow("unsorted nested")
            << QByteArray(R"({"z":{"b":1,"a":[{"y":2,"x":1}]},"a":{}})");
        QTest::newRow("key order by code point")
            << QByteArray(R"({"\u00e9":1,"z":2,"Z":3,"\ud83d\ude00":4,"\uffee":5,"a b":6,"a":7})");
        QTest::newRow("integers") << QByteArray(
            R"({"max":9223372036854775807,"min":-9223372036854775808,"u":18446744073709551615,"z":0})");
        QTest::newRow("literals") << QByteArray(R"({"t":true,"f":false,"n":null,"e":[],"o":{}})");
    }
    void canonicalJsonMatchesPython()
    {
        if (test::pythonExecutable().isEmpty())
            QSKIP("python3 is not installed");
        QFETCH(QByteArray, json);
        const Json value = parseJson(json).value();
        QCOMPARE(canonicalJson(value), pythonCanonical(value));
    }

    void macMatchesPythonForUnusualText()
    {
        const QString python = test::pythonExecutable();
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        const AuditTrail trail(kKey);
        const QString actor = QStringLiteral("Jürgen \"the auditor\" \\ 日本 😀\t\x01");
        const Json data = parseJson(R"({"z":{"b":"\u0007","a":[1,-2]},"€":"12.50"})").value();
        const auto entry = trail.append(m_db, actor, QStringLiteral("kind\n"),
                                        QStringLiteral("r/ü"), data, fixedTime());
        QVERIFY(entry.ok());
        QVERIFY(trail.verify(m_db)->ok());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEY_HEX"), QString::fromLatin1(kKey.toHex()));
        const auto result = test::runProcess(
            python,
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import hmac,hashlib,json,os,sys; e=json.loads(sys.stdin.buffer.read()); "
                 "m=e.pop('mac'); t=json.dumps(e, sort_keys=True, separators=(',', ':'), "
                 "ensure_ascii=False).encode('utf-8'); "
                 "print(hmac.new(bytes.fromhex(os.environ['KEY_HEX']), t, "
                 "hashlib.sha256).hexdigest())")},
            env, canonicalJson(entry->toJson(true)));
        QVERIFY2(result.finished && result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out.trimmed(), entry->mac.toLatin1());
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "TestAuditTrail.moc"
