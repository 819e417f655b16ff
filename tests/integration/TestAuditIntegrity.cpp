// The audit trail cannot be emptied, cut or replaced unnoticed: `awb audit verify` holds it to the
// anchor in the keychain by itself. A missing key is said as such (never "altered", never made
// anew), and nothing writes to a trail signed with another key. These run against the real
// keychain (the test command's private gnome-keyring).

#include <QtTest>

#include "security/Keychain.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {

// No AWB_AUDIT_KEY: the key and the anchor live in the keychain.
const QMap<QString, QString> kKeychain{{QStringLiteral("AWB_AUDIT_KEY"), QString()}};

#define REQUIRE_KEYCHAIN()                                                                         \
    do {                                                                                           \
        if (Keychain::probe() != Keychain::State::Available) {                                     \
            if (qEnvironmentVariable("AWB_REQUIRE_KEYCHAIN") == QLatin1String("1"))                \
                QFAIL("no unlocked keychain (AWB_REQUIRE_KEYCHAIN=1)");                            \
            QSKIP("no unlocked keychain");                                                         \
        }                                                                                          \
    } while (false)

AwbResult runDemo(const QString& ws, const QMap<QString, QString>& env = kKeychain)
{
    return runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"),
                   QStringLiteral("--workspace"), ws, QStringLiteral("--input"), demoRequest(),
                   QStringLiteral("--approve-all"), QStringLiteral("--json"),
                   QStringLiteral("--quiet")},
                  env);
}

AwbResult verify(const QString& ws, const QMap<QString, QString>& env = kKeychain)
{
    return runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"),
                   ws, QStringLiteral("--json")},
                  env);
}

void exec(const QString& ws, const QString& sql)
{
    auto db =
        sql::Database::open(ws + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadWrite);
    QVERIFY(db.ok());
    QVERIFY2(db->exec(sql).ok(), qPrintable(db->lastError()));
}

void removeStore(const QString& ws)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(ws + QStringLiteral("/.awb/workspace.db") + QLatin1String(suffix));
}

QString keyEntry(const QString& ws)
{
    return QStringLiteral("audit-key/") + Workspace::idFor(ws);
}

} // namespace

class TestAuditIntegrity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anIntactTrailIsAnchored();
    void anEmptiedTrailIsFoundByItself();
    void aCutTailIsFoundByItself();
    void aDeletedStoreIsFoundByItself();
    void aStoreReplacedByAnOlderCopyIsFoundByItself();
    void aMissingKeyIsSaidAndNoneIsMade();
    void anotherKeyIsRefusedAndNotCalledTampering();
};

void TestAuditIntegrity::anIntactTrailIsAnchored()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    const QString ws = initDemo(dir, kKeychain);
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runDemo(ws).exitCode, 0);
    const AwbResult v = verify(ws);
    QCOMPARE(v.exitCode, 0);
    const Json j = v.json();
    QCOMPARE(j.value("ok", false), true);
    // The run's end was anchored before the process exited: the anchor is the head.
    QCOMPARE(QStringLiteral("%1:%2")
                 .arg(j["anchor"].value("seq", 0))
                 .arg(jsonString(j["anchor"], "mac")),
             jsonString(j, "head"));
    QCOMPARE(jsonString(j["anchor"], "key_fingerprint"), jsonString(j, "key_fingerprint"));
}

void TestAuditIntegrity::anEmptiedTrailIsFoundByItself()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    const QString ws = initDemo(dir, kKeychain);
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runDemo(ws).exitCode, 0);
    exec(ws, QStringLiteral("DELETE FROM audit"));
    const AwbResult v = verify(ws);
    QCOMPARE(v.exitCode, 1);
    QVERIFY2(jsonString(v.json(), "problem").contains(QLatin1String("emptied")),
             qPrintable(v.describe()));
}

void TestAuditIntegrity::aCutTailIsFoundByItself()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    const QString ws = initDemo(dir, kKeychain);
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runDemo(ws).exitCode, 0);
    exec(ws, QStringLiteral("DELETE FROM audit WHERE seq > 10"));
    const AwbResult v = verify(ws);
    QCOMPARE(v.exitCode, 1);
    QCOMPARE(v.json().value("first_altered", 0), 11);
    QVERIFY2(jsonString(v.json(), "problem").contains(QLatin1String("removed")),
             qPrintable(v.describe()));
}

void TestAuditIntegrity::aDeletedStoreIsFoundByItself()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    const QString ws = initDemo(dir, kKeychain);
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runDemo(ws).exitCode, 0);
    removeStore(ws);
    const AwbResult gone = verify(ws);
    QCOMPARE(gone.exitCode, 1);
    QVERIFY2(jsonString(gone.json(), "problem").contains(QLatin1String("deleted")),
             qPrintable(gone.describe()));
    // A new store begins a new trail, which the anchor tells apart from the old one.
    QCOMPARE(runDemo(ws).exitCode, 0);
    const AwbResult fresh = verify(ws);
    QCOMPARE(fresh.exitCode, 1);
    QVERIFY2(!jsonString(fresh.json(), "problem").isEmpty(), qPrintable(fresh.describe()));
}

void TestAuditIntegrity::aStoreReplacedByAnOlderCopyIsFoundByItself()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    const QString ws = initDemo(dir, kKeychain);
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runDemo(ws).exitCode, 0);
    const QString db = ws + QStringLiteral("/.awb/workspace.db");
    QVERIFY(QFile::copy(db, dir.filePath(QStringLiteral("older.db"))));
    QCOMPARE(runDemo(ws).exitCode, 0);
    removeStore(ws);
    QVERIFY(QFile::copy(dir.filePath(QStringLiteral("older.db")), db));
    const AwbResult v = verify(ws);
    QCOMPARE(v.exitCode, 1);
    QVERIFY2(jsonString(v.json(), "problem").contains(QLatin1String("older copy")),
             qPrintable(v.describe()));
}

void TestAuditIntegrity::aMissingKeyIsSaidAndNoneIsMade()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    const QString ws = initDemo(dir, kKeychain);
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runDemo(ws).exitCode, 0);
    const AwbResult exported = runAwb({QStringLiteral("audit"), QStringLiteral("key"),
                                       QStringLiteral("export"), QStringLiteral("--workspace"), ws},
                                      kKeychain);
    QCOMPARE(exported.exitCode, 0);
    const QByteArray key = exported.out.trimmed();
    QCOMPARE(key.size(), 64);
    QVERIFY(Keychain::remove(keyEntry(ws)).ok()); // a new keyring, another machine

    const AwbResult v = verify(ws);
    QCOMPARE(v.exitCode, 1);
    const QString err = QString::fromUtf8(v.err);
    QVERIFY2(err.contains(QLatin1String("holds no audit key")), qPrintable(v.describe()));
    QVERIFY2(!QString::fromUtf8(v.out + v.err).contains(QLatin1String("ALTERED")),
             qPrintable(v.describe()));
    const AwbResult run = runDemo(ws);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(QLatin1String("awb audit key import")),
             qPrintable(run.describe()));
    QVERIFY(!Keychain::read(keyEntry(ws))->has_value()); // no key was invented

    // The key comes back from where it was exported, and the trail verifies again.
    QProcess import;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("AWB_AUDIT_KEY"));
    import.setProcessEnvironment(env);
    import.start(QStringLiteral(AWB_BINARY),
                 {QStringLiteral("audit"), QStringLiteral("key"), QStringLiteral("import"),
                  QStringLiteral("--workspace"), ws});
    QVERIFY(import.waitForStarted());
    import.write(key + '\n');
    import.closeWriteChannel();
    QVERIFY(import.waitForFinished(30000));
    QCOMPARE(import.exitCode(), 0);
    QCOMPARE(verify(ws).exitCode, 0);
    QCOMPARE(runDemo(ws).exitCode, 0);
}

void TestAuditIntegrity::anotherKeyIsRefusedAndNotCalledTampering()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    const QString ws = initDemo(dir, kKeychain);
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runDemo(ws).exitCode, 0);
    const QMap<QString, QString> wrong{
        {QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("not this workspace's key")}};
    const AwbResult v = verify(ws, wrong);
    QCOMPARE(v.exitCode, 1);
    QCOMPARE(v.json().value("key_mismatch", false), true);
    QVERIFY(!v.json().contains("first_altered"));
    const AwbResult run = runDemo(ws, wrong);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(QLatin1String("signed with another key")),
             qPrintable(run.describe()));
    QCOMPARE(verify(ws).exitCode, 0); // nothing was appended with the wrong key
}

QTEST_GUILESS_MAIN(TestAuditIntegrity)
#include "TestAuditIntegrity.moc"
