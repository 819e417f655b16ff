// Writes that fail are failures: a full or read-only disk under the real `awb` (through the faulty
// disk of tests/support/faultydisk), exports and recordings into /dev/full or missing folders, a
// full standard output, and a damaged store that refuses to run until it is salvaged.

#include <QtTest>

#include <random>

#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {

QMap<QString, QString> envKey()
{
    return {{QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("an-audit-key-for-tests-0123456789")}};
}

// The environment of an awb whose workspace lies on a faulty disk.
QMap<QString, QString> faultyDisk(const QString& workspace, const QString& mode,
                                  const QString& when = {})
{
    QMap<QString, QString> env = envKey();
    env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(AWB_FAULTY_DISK_LIBRARY));
    env.insert(QStringLiteral("AWB_FAULTY_DISK_DIR"), workspace);
    env.insert(QStringLiteral("AWB_FAULTY_DISK_MODE"), mode);
    env.insert(QStringLiteral("AWB_FAULTY_DISK_WHEN"),
               when.isEmpty() ? QStringLiteral("always") : when);
    return env;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool isTheFullDevice()
{
    QFile full(QStringLiteral("/dev/full"));
    return full.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && full.write("x", 1) < 0;
}

} // namespace

class TestFailedWrites : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFullDiskAfterTheEmailFailsTheRunAndResumeSendsNoSecond();
    void aFullDiskFromTheStartRunsNothing();
    void aReadOnlyStoreSaysSoInsteadOfAskingForDiskSpace();
    void auditExportFailsWhenItCannotWrite_data();
    void auditExportFailsWhenItCannotWrite();
    void recordingRefusesWhatItCannotWrite_data();
    void recordingRefusesWhatItCannotWrite();
    void jsonIntoAFullStandardOutputFails();
    void aDamagedStoreRefusesToRunAndIsSalvaged();
};

void TestFailedWrites::aFullDiskAfterTheEmailFailsTheRunAndResumeSendsNoSecond()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    // The disk fills up the moment the email lands in the outbox: its recording, the tool's
    // result and everything after it cannot be written.
    const QMap<QString, QString> full =
        faultyDisk(ws, QStringLiteral("full"), ws + QStringLiteral("/outbox/*.eml"));
    const AwbResult run = runAwb(demoRunArgs(ws), full);
    QCOMPARE(run.exitCode, 1);
    const Json summary = run.json();
    QCOMPARE(jsonString(summary, "status"), QStringLiteral("failed"));
    const QString message = jsonString(summary["error"], "message");
    QVERIFY2(message.contains(QLatin1String("disk")) && message.contains(QLatin1String("full")),
             qPrintable(run.describe()));
    QVERIFY2(message.contains(QLatin1String("awb resume")), qPrintable(message));
    const QString runId = jsonString(summary, "run_id");
    QCOMPARE(outboxEmails(ws).size(), 1);

    // Still full: resume fails too, and says why.
    const QStringList resume = {QStringLiteral("resume"),        runId,
                                QStringLiteral("--workspace"),   ws,
                                QStringLiteral("--approve-all"), QStringLiteral("--json"),
                                QStringLiteral("--quiet")};
    const AwbResult stillFull = runAwb(resume, faultyDisk(ws, QStringLiteral("full")));
    QCOMPARE(stillFull.exitCode, 1);
    QVERIFY2(QString::fromUtf8(stillFull.err).contains(QLatin1String("full")),
             qPrintable(stillFull.describe()));

    // Space again: the run finishes, with the email it already wrote and no second one.
    const AwbResult resumed = runAwb(resume, envKey());
    QCOMPARE(resumed.exitCode, 0);
    QCOMPARE(jsonString(resumed.json(), "status"), QStringLiteral("succeeded"));
    QCOMPARE(outboxEmails(ws).size(), 1);
    const AwbResult verify = runAwb(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws},
        envKey());
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    const AwbResult show = runAwb({QStringLiteral("runs"), QStringLiteral("show"), runId,
                                   QStringLiteral("--workspace"), ws, QStringLiteral("--json")},
                                  envKey());
    QCOMPARE(jsonString(show.json(), "status"), QStringLiteral("succeeded"));
}

void TestFailedWrites::aFullDiskFromTheStartRunsNothing()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const AwbResult run = runAwb(demoRunArgs(ws), faultyDisk(ws, QStringLiteral("full")));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(QLatin1String("is full: free disk space")),
             qPrintable(run.describe()));
    QVERIFY(outboxEmails(ws).isEmpty());
    QVERIFY(QDir(ws + QStringLiteral("/reports")).isEmpty());
    const AwbResult list = runAwb({QStringLiteral("runs"), QStringLiteral("list"),
                                   QStringLiteral("--workspace"), ws, QStringLiteral("--json")},
                                  envKey());
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.json().empty(), qPrintable(list.describe())); // nothing reached the store
}

void TestFailedWrites::aReadOnlyStoreSaysSoInsteadOfAskingForDiskSpace()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const AwbResult run = runAwb(demoRunArgs(ws), faultyDisk(ws, QStringLiteral("readonly")));
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QLatin1String("cannot be written")), qPrintable(run.describe()));
    QVERIFY2(err.contains(QLatin1String("mounted read-only")), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("free disk space")), qPrintable(err));
}

void TestFailedWrites::auditExportFailsWhenItCannotWrite_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message");
    QTest::newRow("the full device") << "/dev/full"
                                     << "No space left on device";
    QTest::newRow("a missing folder") << "missing/trail.jsonl"
                                      << "does not exist";
    QTest::newRow("a folder") << "."
                              << "it is a folder";
}

void TestFailedWrites::auditExportFailsWhenItCannotWrite()
{
    QFETCH(QString, target);
    QFETCH(QString, message);
    if (target == QLatin1String("/dev/full") && !isTheFullDevice())
        QSKIP("/dev/full is not the kernel's full device on this machine");
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    QVERIFY(runAwb(demoRunArgs(ws), envKey()).exitCode == 0); // entries to export
    const QString out = target.startsWith(QLatin1Char('/')) ? target : dir.filePath(target);
    const AwbResult r = runAwb({QStringLiteral("audit"), QStringLiteral("export"),
                                QStringLiteral("--workspace"), ws, QStringLiteral("--format"),
                                QStringLiteral("jsonl"), QStringLiteral("--out"), out},
                               envKey());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(r.describe()));
    QVERIFY2(!QString::fromUtf8(r.err).contains(QLatin1String("exported")),
             qPrintable(r.describe()));
    if (target == QLatin1String("/dev/full"))
        QVERIFY(isTheFullDevice()); // still the device, not a file put in its place
}

void TestFailedWrites::recordingRefusesWhatItCannotWrite_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message");
    QTest::newRow("a device") << "/dev/null"
                              << "must be a regular file";
    QTest::newRow("a missing folder") << "missing/run.cassette.json"
                                      << "does not exist";
    QTest::newRow("a file that is no cassette") << "notes.txt"
                                                << "is not a cassette";
}

void TestFailedWrites::recordingRefusesWhatItCannotWrite()
{
    QFETCH(QString, target);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const QString path = target.startsWith(QLatin1Char('/')) ? target : dir.filePath(target);
    if (target == QLatin1String("notes.txt")) {
        QFile notes(path);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("my notes\n");
    }
    const AwbResult r = runAwb(demoRunArgs(ws) << QStringLiteral("--record") << path, envKey());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(r.describe()));
    QVERIFY(outboxEmails(ws).isEmpty()); // refused before the run
    if (target == QLatin1String("notes.txt"))
        QCOMPARE(readAll(path), QByteArray("my notes\n"));
}

void TestFailedWrites::jsonIntoAFullStandardOutputFails()
{
    if (!isTheFullDevice())
        QSKIP("/dev/full is not the kernel's full device on this machine");
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AWB_AUDIT_KEY"), envKey().first());
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QStringLiteral("/dev/full"));
    p.start(QStringLiteral(AWB_BINARY),
            {QStringLiteral("tools"), QStringLiteral("list"), QStringLiteral("--workspace"), ws,
             QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(p.readAllStandardError().contains("cannot write to standard output"), "no message");
}

void TestFailedWrites::aDamagedStoreRefusesToRunAndIsSalvaged()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    QVERIFY(runAwb(demoRunArgs(ws), envKey()).exitCode == 0);
    const QString db = ws + QStringLiteral("/.awb/workspace.db");
    QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")) ||
            QFileInfo(db + QStringLiteral("-wal")).size() == 0);
    // 4 KB of random bytes over a page in the middle of the file, as a failing disk leaves them.
    {
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 page = (f.size() / 2) / 4096 * 4096;
        QVERIFY(page > 0);
        std::mt19937 random(42);
        QByteArray noise(4096, '\0');
        for (char& c : noise)
            c = char(random() & 0xff);
        QVERIFY(f.seek(page));
        QCOMPARE(f.write(noise), qint64(noise.size()));
    }
    const AwbResult refused = runAwb(demoRunArgs(ws), envKey());
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(QString::fromUtf8(refused.err).contains(QLatin1String("integrity check")),
             qPrintable(refused.describe()));
    QVERIFY2(QString::fromUtf8(refused.err).contains(QLatin1String("awb store salvage")),
             qPrintable(refused.describe()));
    QCOMPARE(outboxEmails(ws).size(), 1); // only the first run's

    const QStringList check = {QStringLiteral("store"), QStringLiteral("check"),
                               QStringLiteral("--workspace"), ws};
    const AwbResult damaged = runAwb(check, envKey());
    QCOMPARE(damaged.exitCode, 1);
    QVERIFY2(QString::fromUtf8(damaged.out).contains(QLatin1String("DAMAGED")),
             qPrintable(damaged.describe()));

    const AwbResult salvaged = runAwb({QStringLiteral("store"), QStringLiteral("salvage"),
                                       QStringLiteral("--workspace"), ws, QStringLiteral("--json")},
                                      envKey());
    QCOMPARE(salvaged.exitCode, 0);
    const QString kept = jsonString(salvaged.json(), "kept_at");
    QVERIFY2(QFileInfo::exists(kept), qPrintable(salvaged.describe()));
    const AwbResult healthy = runAwb(check, envKey());
    QVERIFY2(healthy.exitCode == 0, qPrintable(healthy.describe()));
    // The workspace works again; what the damage took is named by verification, not hidden.
    const AwbResult again = runAwb(demoRunArgs(ws), envKey());
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(outboxEmails(ws).size(), 2);
}

QTEST_GUILESS_MAIN(TestFailedWrites)
#include "TestFailedWrites.moc"
