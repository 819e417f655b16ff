// What users are told, and what happens, when they interrupt: Ctrl-C and SIGTERM leave a run that
// `awb resume` finishes, a killed `awb demo init` leaves nothing that blocks the next one, a run
// that has not finished is not replayed, and a succeeded run is continued, not resumed.

#include <QtTest>

#include "engine/RunLock.h"
#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {

QMap<QString, QString> envKey(const QString& fault = {})
{
    QMap<QString, QString> env{
        {QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("an-audit-key-for-tests-0123456789")}};
    if (!fault.isEmpty())
        env.insert(QStringLiteral("AWB_FAULT_INJECT"), fault);
    return env;
}

// The id of the newest run in the workspace.
QString lastRun(const QString& ws)
{
    const AwbResult list = runAwb({QStringLiteral("runs"), QStringLiteral("list"),
                                   QStringLiteral("--workspace"), ws, QStringLiteral("--json")},
                                  envKey());
    const Json runs = list.json();
    return runs.is_array() && !runs.empty() ? jsonString(runs[0], "run_id") : QString();
}

QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                               QDir::NoDotAndDotDot);
}

} // namespace

class TestInterruptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aSignalCancelsTheRunAndResumeFinishesIt_data();
    void aSignalCancelsTheRunAndResumeFinishesIt();
    void aKilledDemoInitLeavesNothingAndTheNextOneWorks_data();
    void aKilledDemoInitLeavesNothingAndTheNextOneWorks();
    void aRunThatHasNotFinishedIsNotReplayed();
    void aSucceededRunIsContinuedNotResumed();
};

void TestInterruptions::aSignalCancelsTheRunAndResumeFinishesIt_data()
{
    QTest::addColumn<QString>("signal");
    QTest::newRow("Ctrl-C") << "SIGINT";
    QTest::newRow("SIGTERM") << "SIGTERM";
}

void TestInterruptions::aSignalCancelsTheRunAndResumeFinishesIt()
{
    QFETCH(QString, signal);
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    // The signal arrives as the third tool starts, as a person pressing Ctrl-C mid-run.
    const AwbResult cancelled =
        runAwb(demoRunArgs(ws), envKey(QStringLiteral("tool.started:3:") + signal));
    QCOMPARE(cancelled.exitCode, 130);
    QCOMPARE(jsonString(cancelled.json(), "status"), QStringLiteral("cancelled"));
    const QString runId = jsonString(cancelled.json(), "run_id");
    QVERIFY2(QString::fromUtf8(cancelled.err).contains(QStringLiteral("awb resume %1").arg(runId)),
             qPrintable(cancelled.describe()));
    QVERIFY(outboxEmails(ws).isEmpty());

    const AwbResult resumed = runAwb(
        {QStringLiteral("resume"), runId, QStringLiteral("--workspace"), ws,
         QStringLiteral("--approve-all"), QStringLiteral("--json"), QStringLiteral("--quiet")},
        envKey());
    QCOMPARE(resumed.exitCode, 0);
    const Json done = resumed.json();
    QCOMPARE(jsonString(done, "status"), QStringLiteral("succeeded"));
    QVERIFY2(QString::fromUtf8(resumed.err).contains(QLatin1String("had been cancelled")),
             qPrintable(resumed.describe()));
    QCOMPARE(outboxEmails(ws).size(), 1);
    // Every step ends settled: what the stop cut off ran again.
    for (const Json& step : done["steps"])
        QVERIFY2(jsonString(step, "status") == QLatin1String("succeeded"), step.dump().c_str());
}

void TestInterruptions::aKilledDemoInitLeavesNothingAndTheNextOneWorks_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("withNotes");
    QTest::newRow("while writing the ledger") << "demo.writing" << false;
    QTest::newRow("before moving into place") << "demo.before_publish" << false;
    QTest::newRow("while moving into a folder with notes") << "demo.publishing:3" << true;
}

void TestInterruptions::aKilledDemoInitLeavesNothingAndTheNextOneWorks()
{
    QFETCH(QString, fault);
    QFETCH(bool, withNotes);
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("books"));
    if (withNotes) {
        QVERIFY(QDir().mkpath(ws));
        QFile notes(ws + QStringLiteral("/notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("mine\n");
    }
    const QStringList init = {QStringLiteral("demo"), QStringLiteral("init"), ws};
    const AwbResult killed = runAwb(init, envKey(fault));
    QVERIFY2(killed.crashed, qPrintable(killed.describe()));
    QVERIFY(!QFileInfo::exists(ws + QStringLiteral("/workspace.json")));
    const AwbResult use =
        runAwb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"), ws},
               envKey());
    QCOMPARE(use.exitCode, 2); // not a workspace, rather than a half-made one

    const AwbResult again = runAwb(init, envKey());
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    const AwbResult run = runAwb(demoRunArgs(ws), envKey());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // Nothing of the killed attempt is left, beside the folder or in it.
    for (const QString& entry : entriesOf(dir.path()))
        QVERIFY2(entry == QLatin1String("books"), qPrintable(entry));
    QVERIFY(!QFileInfo::exists(ws + QStringLiteral("/.awb-demo-init")));
    if (withNotes) {
        QFile notes(ws + QStringLiteral("/notes.txt"));
        QVERIFY(notes.open(QIODevice::ReadOnly));
        QCOMPARE(notes.readAll(), QByteArray("mine\n"));
    }
}

void TestInterruptions::aRunThatHasNotFinishedIsNotReplayed()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const AwbResult killed = runAwb(demoRunArgs(ws), envKey(QStringLiteral("tool.started:2")));
    QVERIFY(killed.crashed);
    const QString runId = lastRun(ws);
    QVERIFY(!runId.isEmpty());
    const QStringList replay = {QStringLiteral("replay"), runId, QStringLiteral("--workspace"), ws};

    const AwbResult interrupted = runAwb(replay, envKey());
    QCOMPARE(interrupted.exitCode, 2);
    QVERIFY2(
        QString::fromUtf8(interrupted.err).contains(QStringLiteral("awb resume %1").arg(runId)),
        qPrintable(interrupted.describe()));

    // The same run while another process executes it (holds its lock).
    auto lock = RunLock::acquire(ws + QStringLiteral("/.awb"), runId);
    QVERIFY(lock.ok());
    const AwbResult running = runAwb(replay, envKey());
    QCOMPARE(running.exitCode, 2);
    QVERIFY2(QString::fromUtf8(running.err).contains(QLatin1String("still running")),
             qPrintable(running.describe()));
    QCOMPARE(lastRun(ws), runId); // no replay run was started
}

void TestInterruptions::aSucceededRunIsContinuedNotResumed()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const AwbResult run = runAwb(demoRunArgs(ws), envKey());
    QCOMPARE(run.exitCode, 0);
    const QString runId = jsonString(run.json(), "run_id");
    const AwbResult resume =
        runAwb({QStringLiteral("resume"), runId, QStringLiteral("--workspace"), ws}, envKey());
    QCOMPARE(resume.exitCode, 2);
    QVERIFY2(QString::fromUtf8(resume.err).contains(QLatin1String("awb continue")),
             qPrintable(resume.describe()));
}

QTEST_GUILESS_MAIN(TestInterruptions)
#include "TestInterruptions.moc"
