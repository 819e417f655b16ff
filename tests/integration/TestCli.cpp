// `awb` as a user meets it: clear errors for bad input, the SQL tool's read-only guarantee, the
// audit trail's tamper evidence (also checked by the independent Python verifier), keys.

#include <QtTest>

#include "security/AuditKey.h"
#include "security/Keychain.h"
#include "store/Sqlite.h"
#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {
void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QMap<QString, QString> envKey()
{
    return {{QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("an-audit-key-for-tests-0123456789")}};
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void malformedAgentFileNamesFilePathAndProblem_data();
    void malformedAgentFileNamesFilePathAndProblem();
    void toolCallWithBadArgumentsListsTheViolations();
    void sqlToolRefusesEveryWrite_data();
    void sqlToolRefusesEveryWrite();
    void alteredAuditRowIsNamed();
    void independentVerifierAcceptsTheExportAndCatchesTampering();
    void expectHeadDetectsACutTail();
    void withoutKeychainTheKeyComesFromTheEnvironment();
    void auditKeyFromKeychainAppearsInNoFile();
    void runsListAndShow();
};

void TestCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("usage");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--wrkspace"), QStringLiteral("x")}
                                    << QStringLiteral("unknown option --wrkspace");
    QTest::newRow("missing workspace") << QStringList{QStringLiteral("runs"), QStringLiteral("list")} << QStringLiteral("--workspace DIR is required");
    QTest::newRow("not a workspace") << QStringList{QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"), QStringLiteral("/nonexistent")}
                                     << QStringLiteral("is not a workspace");
    QTest::newRow("run without input") << QStringList{QStringLiteral("run"), QStringLiteral("a"), QStringLiteral("--workspace"), QStringLiteral("/tmp")}
                                       << QStringLiteral("--input TEXT is required");
}

void TestCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const AwbResult r = runAwb(args, envKey());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err + r.out).contains(message), qPrintable(r.describe()));
}

void TestCli::malformedAgentFileNamesFilePathAndProblem_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("{\"schema_version\": 1,\n \"name\": }") << QStringLiteral("line 2");
    QTest::newRow("missing instructions") << QByteArray(R"({"schema_version": 1, "name": "bad", "model": {"provider": "scripted", "script": "x.json"}})")
                                          << QStringLiteral("at /instructions: required field is missing");
    QTest::newRow("wrong type") << QByteArray(R"({"schema_version": 1, "name": "bad", "instructions": "x", "model": {"provider": "scripted", "script": "x"}, "tools": {}})")
                                << QStringLiteral("at /tools: expected an array");
    QTest::newRow("bad approval") << QByteArray(R"({"schema_version": 1, "name": "bad", "instructions": "x", "model": {"provider": "scripted", "script": "x"}, "tools": [{"name": "sql_query", "approval": "maybe"}]})")
                                  << QStringLiteral("at /tools/0/approval");
    QTest::newRow("unknown tool") << QByteArray(R"({"schema_version": 1, "name": "bad", "instructions": "x", "model": {"provider": "scripted", "script": "x"}, "tools": [{"name": "rm_rf"}]})")
                                  << QStringLiteral("tool \"rm_rf\" is not available");
    QTest::newRow("newer version") << QByteArray(R"({"schema_version": 99, "name": "bad", "instructions": "x", "model": {"provider": "scripted", "script": "x"}})")
                                   << QStringLiteral("newer than this program");
}

void TestCli::malformedAgentFileNamesFilePathAndProblem()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    writeFile(ws + QStringLiteral("/agents/bad.agent.json"), content);
    const AwbResult r = runAwb({QStringLiteral("run"), QStringLiteral("bad"), QStringLiteral("--workspace"), ws, QStringLiteral("--input"),
                                QStringLiteral("hi")},
                               envKey());
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QLatin1String("bad.agent.json")), qPrintable(err));
    QVERIFY2(err.contains(expected), qPrintable(err));
    // Nothing was started.
    const AwbResult list = runAwb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, envKey());
    QCOMPARE(list.json().size(), std::size_t(0));
}

void TestCli::toolCallWithBadArgumentsListsTheViolations()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const AwbResult r = runAwb({QStringLiteral("tools"), QStringLiteral("call"), QStringLiteral("sql_query"), QStringLiteral("--workspace"), ws,
                                QStringLiteral("--args"), QStringLiteral(R"({"querry": "SELECT 1", "max_rows": "ten"})")},
                               envKey());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("/max_rows") && r.err.contains("querry"), qPrintable(r.describe()));
    const AwbResult good = runAwb({QStringLiteral("tools"), QStringLiteral("call"), QStringLiteral("sql_query"), QStringLiteral("--workspace"), ws,
                                   QStringLiteral("--args"), QStringLiteral(R"({"query": "SELECT count(*) AS n FROM invoices"})")},
                                  envKey());
    QVERIFY2(good.exitCode == 0, qPrintable(good.describe()));
    QVERIFY(good.json()["rows"][0][0].get<int>() > 1000);
}

void TestCli::sqlToolRefusesEveryWrite_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("insert") << QStringLiteral("INSERT INTO accounts VALUES ('9999', 'x', 'x')");
    QTest::newRow("update") << QStringLiteral("UPDATE invoices SET amount_minor = 0");
    QTest::newRow("delete") << QStringLiteral("DELETE FROM invoices");
    QTest::newRow("drop") << QStringLiteral("DROP TABLE invoices");
    QTest::newRow("create") << QStringLiteral("CREATE TABLE t(x)");
    QTest::newRow("alter") << QStringLiteral("ALTER TABLE invoices ADD COLUMN x");
    QTest::newRow("attach") << QStringLiteral("ATTACH DATABASE '/tmp/x.db' AS x");
    QTest::newRow("pragma write") << QStringLiteral("PRAGMA user_version = 7");
    QTest::newRow("vacuum into") << QStringLiteral("VACUUM INTO '/tmp/copy.db'");
    QTest::newRow("stacked") << QStringLiteral("SELECT 1; DELETE FROM invoices");
}

void TestCli::sqlToolRefusesEveryWrite()
{
    QFETCH(QString, sql);
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    QFile ledger(ws + QStringLiteral("/data/ledger.sqlite"));
    QVERIFY(ledger.open(QIODevice::ReadOnly));
    const QByteArray before = ledger.readAll();
    ledger.close();
    const AwbResult r = runAwb({QStringLiteral("tools"), QStringLiteral("call"), QStringLiteral("sql_query"), QStringLiteral("--workspace"), ws,
                                QStringLiteral("--args"), toQ(Json{{"query", toStd(sql)}}.dump())},
                               envKey());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("read-only") || r.err.contains("not allowed") || r.err.contains("one statement"), qPrintable(r.describe()));
    QVERIFY(ledger.open(QIODevice::ReadOnly));
    QCOMPARE(ledger.readAll(), before);
    // The refusal is in the audit trail as a policy decision.
    auto db = sql::Database::open(ws + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadOnly);
    QVERIFY(db.ok());
    QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM audit WHERE kind = 'tool.error'")).value(), std::int64_t(1));
}

void TestCli::alteredAuditRowIsNamed()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const AwbResult run = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                  QStringLiteral("--input"), demoRequest(), QStringLiteral("--approve-all")},
                                 envKey());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws}, envKey()).exitCode, 0);
    {
        auto db = sql::Database::open(ws + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->exec(QStringLiteral("UPDATE audit SET data = replace(data, 'cfo@finance.example', 'someone@else.example') "
                                        "WHERE seq = (SELECT min(seq) FROM audit WHERE kind = 'approval.requested')"))
                    .ok());
        QCOMPARE(db->changes(), 1);
    }
    auto db = sql::Database::open(ws + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadOnly);
    const std::int64_t altered = db->queryInt(QStringLiteral("SELECT min(seq) FROM audit WHERE kind = 'approval.requested'")).value();
    const AwbResult verify = runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")},
                                    envKey());
    QCOMPARE(verify.exitCode, 1);
    QCOMPARE(verify.json()["first_altered"].get<std::int64_t>(), altered);
    QCOMPARE(verify.json()["ok"], false);
}

void TestCli::independentVerifierAcceptsTheExportAndCatchesTampering()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws, QStringLiteral("--input"),
                     demoRequest(), QStringLiteral("--approve-all")},
                    envKey())
                 .exitCode,
             0);
    const QString exported = dir.path() + QStringLiteral("/audit.jsonl");
    const AwbResult ex = runAwb({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--workspace"), ws, QStringLiteral("--format"),
                                 QStringLiteral("jsonl"), QStringLiteral("--out"), exported},
                                envKey());
    QVERIFY2(ex.exitCode == 0, qPrintable(ex.describe()));

    auto verify = [&](const QString& file) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWB_AUDIT_KEY"), envKey().value(QStringLiteral("AWB_AUDIT_KEY")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("python3"), {QStringLiteral(AWB_SOURCE_DIR "/docs/verify_audit.py"), file, QStringLiteral("--key-env"),
                                            QStringLiteral("AWB_AUDIT_KEY")});
        p.waitForFinished(60000);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
    };
    const auto ok = verify(exported);
    QVERIFY2(ok.first == 0 && ok.second.startsWith(QLatin1String("OK")), qPrintable(ok.second));

    QFile in(exported);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = in.readAll().split('\n');
    QVERIFY(lines.size() > 10);
    lines[5].replace("\"actor\":\"", "\"actor\":\"x");
    const QString tampered = dir.path() + QStringLiteral("/tampered.jsonl");
    writeFile(tampered, lines.join('\n'));
    const auto bad = verify(tampered);
    QCOMPARE(bad.first, 1);
    QVERIFY2(bad.second.contains(QLatin1String("ALTERED: entry 6")), qPrintable(bad.second));
}

void TestCli::expectHeadDetectsACutTail()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    QCOMPARE(runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws, QStringLiteral("--input"),
                     demoRequest(), QStringLiteral("--approve-all")},
                    envKey())
                 .exitCode,
             0);
    const AwbResult head = runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, envKey());
    const QString expected = toQ(head.json()["head"].get<std::string>());
    QCOMPARE(runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws, QStringLiteral("--expect-head"), expected},
                    envKey())
                 .exitCode,
             0);
    {
        auto db = sql::Database::open(ws + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadWrite);
        QVERIFY(db->exec(QStringLiteral("DELETE FROM audit WHERE seq >= (SELECT max(seq) - 2 FROM audit)")).ok());
    }
    // The shortened chain is internally consistent: where no keychain holds the anchor (a server
    // with AWB_AUDIT_KEY), only a head written down elsewhere shows that its end is gone.
    QMap<QString, QString> noKeychain = envKey();
    noKeychain.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                      QStringLiteral("unix:path=/nonexistent/bus"));
    const AwbResult plain = runAwb(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws},
        noKeychain);
    QCOMPARE(plain.exitCode, 0);
    QVERIFY2(plain.out.contains("not anchored"), qPrintable(plain.describe()));
    const AwbResult cut = runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws,
                                  QStringLiteral("--expect-head"), expected},
                                 envKey());
    QCOMPARE(cut.exitCode, 1);
}

void TestCli::withoutKeychainTheKeyComesFromTheEnvironment()
{
    QTemporaryDir dir;
    const QMap<QString, QString> noKeychain = {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus")},
                                               {QStringLiteral("AWB_AUDIT_KEY"), QString()}};
    const AwbResult r = runAwb({QStringLiteral("demo"), QStringLiteral("init"), dir.path() + QStringLiteral("/ws")}, noKeychain);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("No keychain service is reachable") && r.err.contains("AWB_AUDIT_KEY"), qPrintable(r.describe()));
    QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/ws/workspace.json")));

    QMap<QString, QString> withEnv = noKeychain;
    withEnv.insert(QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("k-from-the-environment-42"));
    QVERIFY(!initDemo(dir, withEnv).isEmpty());
    const QString ws = dir.path() + QStringLiteral("/ws");
    QCOMPARE(runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws}, withEnv).exitCode, 0);
    // The key is used, never stored: no file of the workspace holds it.
    for (const QString& file : allFiles(ws)) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("k-from-the-environment-42"), qPrintable(file));
    }
    // A different key fails verification: the key really is what the chain is signed with.
    QMap<QString, QString> wrong = noKeychain;
    wrong.insert(QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("another-key"));
    QCOMPARE(runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws}, wrong).exitCode, 1);
}

void TestCli::auditKeyFromKeychainAppearsInNoFile()
{
    if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty()) {
        if (qEnvironmentVariableIntValue("AWB_REQUIRE_KEYCHAIN"))
            QFAIL("no D-Bus session: run the tests through tests/support/keyring-session.sh");
        QSKIP("no keychain in this environment");
    }
    QTemporaryDir dir;
    const QMap<QString, QString> keychainOnly = {{QStringLiteral("AWB_AUDIT_KEY"), QString()}};
    const QString ws = initDemo(dir, keychainOnly);
    QVERIFY(!ws.isEmpty());
    const AwbResult run = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                  QStringLiteral("--input"), demoRequest(), QStringLiteral("--approve-all")},
                                 keychainOnly);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // The key is in the keychain, and in no file the run left behind (database and WAL included).
    auto key = Keychain::read(AuditKey::keychainEntry(ws));
    QVERIFY2(key.ok() && key->has_value(), "the audit key is not in the keychain");
    const QByteArray secret = (**key).toUtf8();
    QVERIFY(secret.size() >= 32);
    const QStringList files = allFiles(ws);
    QVERIFY(files.size() > 5);
    for (const QString& file : files) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(secret) && !bytes.contains(secret.toBase64()), qPrintable(file));
    }
    auto db = sql::Database::open(ws + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadOnly);
    QVERIFY(db.ok());
    QVERIFY(db->queryInt(QStringLiteral("SELECT count(*) FROM audit")).value() > 10);
    QCOMPARE(runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws}, keychainOnly).exitCode, 0);
    // With the wrong key from the environment the chain does not verify: the keychain key was used.
    QCOMPARE(runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws},
                    {{QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("not-the-key")}})
                 .exitCode,
             1);
}

void TestCli::runsListAndShow()
{
    QTemporaryDir dir;
    const QString ws = initDemo(dir, envKey());
    QVERIFY(!ws.isEmpty());
    const AwbResult run = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                  QStringLiteral("--input"), demoRequest(), QStringLiteral("--json")},
                                 envKey());
    QCOMPARE(run.exitCode, 3);
    const QString id = toQ(run.json()["run_id"].get<std::string>());
    const AwbResult list = runAwb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, envKey());
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(toQ(list.json()[0]["run_id"].get<std::string>()), id);
    QCOMPARE(list.json()[0]["status"], "waiting_approval");
    const AwbResult show = runAwb({QStringLiteral("runs"), QStringLiteral("show"), id, QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, envKey());
    QCOMPARE(show.exitCode, 0);
    // `runs show` rebuilds the same document from the journal that `run --json` printed.
    Json shown = show.json(), printed = run.json();
    printed.erase("audit_head");
    QCOMPARE(toQ(shown.dump()), toQ(printed.dump()));
    const AwbResult text = runAwb({QStringLiteral("runs"), QStringLiteral("show"), id, QStringLiteral("--workspace"), ws}, envKey());
    QVERIFY(text.out.contains("send_email"));
    QVERIFY(text.out.contains("waiting_approval"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
