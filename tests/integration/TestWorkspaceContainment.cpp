// `awb` keeps to the workspace end to end: a tool called with a path that links out of the
// workspace is refused with exit status 1 and says why, and nothing outside is read; files that
// never end (/dev/zero) or never open (a pipe) are refused at once instead of filling memory or
// hanging. The child runs with 2 GB of address space (under ASan, of heap and RSS) and a short
// timeout, so that a regression fails the test rather than the machine.

#include <QtTest>

#include <sys/resource.h>

#include "support/Awb.h"
#include "support/HostileFiles.h"

using namespace awb;
using namespace awb::test;

#if defined(__SANITIZE_ADDRESS__)
#define AWB_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AWB_UNDER_ASAN 1
#endif
#endif
#ifndef AWB_UNDER_ASAN
#define AWB_UNDER_ASAN 0
#endif

namespace {

QMap<QString, QString> envKey()
{
    return {{QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("an-audit-key-for-tests-0123456789")},
            {QStringLiteral("AWB_SMTP_URL"), QString()}};
}

// As runAwb, bounded in memory and time.
AwbResult runBounded(const QStringList& args, int timeoutMs = 20000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const auto extra = envKey();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
#if AWB_UNDER_ASAN
    // AddressSanitizer reserves terabytes of shadow address space, so RLIMIT_AS would stop it
    // starting; its own limits bound what awb may take instead.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) +
                   QStringLiteral(":malloc_limit_mb=2048:hard_rss_limit_mb=2048"));
    p.setProcessEnvironment(env);
#else
    p.setProcessEnvironment(env);
    p.setChildProcessModifier([] {
        const rlimit limit{rlim_t(2) << 30, rlim_t(2) << 30};
        ::setrlimit(RLIMIT_AS, &limit);
    });
#endif
    p.start(QStringLiteral(AWB_BINARY), args);
    AwbResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "awb did not start";
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "awb did not finish in time\n";
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err += p.readAllStandardError();
    return r;
}

} // namespace

class TestWorkspaceContainment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void toolCallWithALinkedAttachmentIsRefusedAndReadsNothingOutside_data();
    void toolCallWithALinkedAttachmentIsRefusedAndReadsNothingOutside();
    void promptFromAnEndlessDeviceOrAPipeIsRefusedAtOnce_data();
    void promptFromAnEndlessDeviceOrAPipeIsRefusedAtOnce();
    void workspaceSettingsThatArePipeOrLinkAreRefusedAtOnce_data();
    void workspaceSettingsThatArePipeOrLinkAreRefusedAtOnce();

private:
    QTemporaryDir m_dir;
    QString m_workspace;
};

void TestWorkspaceContainment::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("ws"));
    const AwbResult r =
        runAwb({QStringLiteral("demo"), QStringLiteral("init"), m_workspace}, envKey());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
}

void TestWorkspaceContainment::toolCallWithALinkedAttachmentIsRefusedAndReadsNothingOutside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("file link to outside") << QStringLiteral("file link to outside");
    QTest::newRow("folder link to outside") << QStringLiteral("folder link to outside");
    QTest::newRow("the store") << QStringLiteral("store via hard link");
}

void TestWorkspaceContainment::toolCallWithALinkedAttachmentIsRefusedAndReadsNothingOutside()
{
    QFETCH(QString, kind);
    QTemporaryDir outside;
    const QString folder = QStringLiteral("reports/%1").arg(QTest::currentDataTag());
    const QString attachment =
        plantRead(kind, m_workspace, outside.path(), folder, QStringLiteral(".pdf"), 0);
    QVERIFY(!attachment.isEmpty());
    const Json args = {{"to", {"cfo@example.com"}},
                       {"subject", "Q3 summary"},
                       {"body", "attached"},
                       {"attachments", {toStd(attachment)}}};
    const AwbResult r = runBounded({QStringLiteral("tools"), QStringLiteral("call"),
                                    QStringLiteral("send_email"), QStringLiteral("--workspace"),
                                    m_workspace, QStringLiteral("--args"), toQ(args.dump())});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(attachment.toUtf8()), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(kind.startsWith(QLatin1String("store")) ? "store" : "symbolic link"),
             qPrintable(r.describe()));
    // Nothing was mailed, and what is outside is in no file the call left behind (the audit
    // trail holds the refusal, not the content).
    QVERIFY(QDir(m_workspace + QStringLiteral("/outbox")).entryList(QDir::Files).isEmpty());
    const QString planted = m_workspace + QLatin1Char('/') + folder;
    for (const QString& file : allFiles(m_workspace)) {
        if (file.startsWith(planted) || file.contains(QLatin1String("/.awb/workspace.db")))
            continue; // what the test planted, and the store the hard link names
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            QVERIFY2(!f.readAll().contains(outsideMarker()), qPrintable(file));
    }
    QVERIFY(!r.out.contains(outsideMarker()) && !r.err.contains(outsideMarker()));
}

void TestWorkspaceContainment::promptFromAnEndlessDeviceOrAPipeIsRefusedAtOnce_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("/dev/zero") << QStringLiteral("endless device");
    QTest::newRow("named pipe") << QStringLiteral("named pipe");
}

void TestWorkspaceContainment::promptFromAnEndlessDeviceOrAPipeIsRefusedAtOnce()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString prompt = plantNamed(kind, dir.path(), 0);
    QVERIFY(!prompt.isEmpty());
    QElapsedTimer clock;
    clock.start();
    const AwbResult r = runBounded({QStringLiteral("replay"), QStringLiteral("run-x"),
                                    QStringLiteral("--workspace"), m_workspace,
                                    QStringLiteral("--prompt"), prompt});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(prompt.toUtf8()) && r.err.contains("not a regular file"),
             qPrintable(r.describe()));
    QVERIFY(clock.elapsed() < 10000);
}

void TestWorkspaceContainment::workspaceSettingsThatArePipeOrLinkAreRefusedAtOnce_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("named pipe") << QStringLiteral("named pipe") << QByteArray("not a regular file");
    QTest::newRow("link to /dev/zero") << QStringLiteral("link") << QByteArray("symbolic link");
}

void TestWorkspaceContainment::workspaceSettingsThatArePipeOrLinkAreRefusedAtOnce()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, reason);
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    const AwbResult init = runAwb({QStringLiteral("demo"), QStringLiteral("init"), ws}, envKey());
    QVERIFY2(init.exitCode == 0, qPrintable(init.describe()));
    const QString settings = ws + QStringLiteral("/workspace.json");
    QVERIFY(QFile::remove(settings));
    if (kind == QLatin1String("named pipe"))
        QVERIFY(makeFifo(settings));
    else
        QVERIFY(makeSymlink(QStringLiteral("/dev/zero"), settings));
    QElapsedTimer clock;
    clock.start();
    const AwbResult r = runBounded(
        {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"), ws});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("workspace.json") && r.err.contains(reason), qPrintable(r.describe()));
    QVERIFY(clock.elapsed() < 10000);
}

QTEST_GUILESS_MAIN(TestWorkspaceContainment)
#include "TestWorkspaceContainment.moc"
