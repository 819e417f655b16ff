// Provider keys stored with `awb keys set` (read from stdin, kept in the real keychain) are used
// and appear in no file; `--record` writes a cassette that `--provider replay` answers from, and
// a request that differs from the recorded one fails naming the first differing field.

#include <QtTest>

#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {
const QString kKey = QStringLiteral("sk-test-keychain-0123456789abcdef");

QMap<QString, QString> baseEnv()
{
    return {{QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("audit-key-for-the-cassette-tests")},
            {QStringLiteral("OPENAI_API_KEY"), QString()}};
}

AwbResult runWithStdin(const QStringList& args, const QByteArray& input)
{
    QProcess p;
    p.start(QStringLiteral(AWB_BINARY), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    AwbResult r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool anyFileContains(const QString& dir, const QByteArray& needle, QString* where)
{
    for (const QString& file : allFiles(dir)) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) {
            *where = file;
            return true;
        }
    }
    return false;
}
} // namespace

class TestKeysAndCassettes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keySetWithAwbIsUsedAndStoredNowhere();
    void recordedRunReplaysAndAChangedRequestIsNamed();
};

void TestKeysAndCassettes::keySetWithAwbIsUsedAndStoredNowhere()
{
    if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty()) {
        if (qEnvironmentVariableIntValue("AWB_REQUIRE_KEYCHAIN"))
            QFAIL("no D-Bus session: run the tests through tests/support/keyring-session.sh");
        QSKIP("no keychain in this environment");
    }
    QTemporaryDir dir;
    const QString ws = dir.path() + QStringLiteral("/ws");
    QCOMPARE(runAwb({QStringLiteral("demo"), QStringLiteral("init"), ws}, baseEnv()).exitCode, 0);

    const AwbResult set = runWithStdin({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("openai")}, kKey.toUtf8() + "\n");
    QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
    QVERIFY(!set.err.contains(kKey.toUtf8()));

    MockLlmServer mock;
    QVERIFY2(mock.start(ws + QStringLiteral("/agents/q3-reconciliation.script.json"), {QStringLiteral("--require-key"), kKey}),
             qPrintable(mock.error()));
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.error()));
    QMap<QString, QString> env = baseEnv();
    env.insert(QStringLiteral("AWB_SMTP_URL"), sink.url());
    const QString cassette = ws + QStringLiteral("/run.cassette.json");
    const AwbResult run = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                  QStringLiteral("--provider"), QStringLiteral("openai"), QStringLiteral("--model"),
                                  QStringLiteral("gpt-4o-mini"), QStringLiteral("--base-url"), mock.url(QStringLiteral("/v1")),
                                  QStringLiteral("--input"), demoRequest(), QStringLiteral("--approve-all"), QStringLiteral("--json"),
                                  QStringLiteral("--record"), cassette},
                                 env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.json()["status"], "succeeded");
    // The mock refuses requests without this key, so the keychain's key was sent...
    QVERIFY(!mock.requests().empty());
    // ...and it is in no file the run left behind (journal, WAL, results, cassette, report, outbox) nor in the output.
    QString where;
    QVERIFY2(!anyFileContains(ws, kKey.toUtf8(), &where), qPrintable(where));
    QVERIFY(!run.out.contains(kKey.toUtf8()) && !run.err.contains(kKey.toUtf8()));
    QVERIFY(QFile::exists(cassette));
    // Cost was computed from the pricing table for a priced model.
    QVERIFY(run.json()["usage"]["cost_usd"].get<double>() > 0.0);

    const AwbResult del = runAwb({QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("openai")});
    QCOMPARE(del.exitCode, 0);
    const AwbResult without = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                      QStringLiteral("--provider"), QStringLiteral("openai"), QStringLiteral("--model"),
                                      QStringLiteral("gpt-4o-mini"), QStringLiteral("--base-url"), mock.url(QStringLiteral("/v1")),
                                      QStringLiteral("--input"), demoRequest(), QStringLiteral("--approve-all")},
                                     env);
    QVERIFY(without.exitCode != 0);
    QVERIFY2(without.err.contains("OPENAI_API_KEY"), qPrintable(without.describe()));
}

void TestKeysAndCassettes::recordedRunReplaysAndAChangedRequestIsNamed()
{
    QTemporaryDir dir;
    const QString ws = dir.path() + QStringLiteral("/ws");
    QCOMPARE(runAwb({QStringLiteral("demo"), QStringLiteral("init"), ws}, baseEnv()).exitCode, 0);
    MockLlmServer mock;
    QVERIFY2(mock.start(ws + QStringLiteral("/agents/q3-reconciliation.script.json"), {QStringLiteral("--require-key"), kKey}),
             qPrintable(mock.error()));
    QMap<QString, QString> env = baseEnv();
    env.insert(QStringLiteral("ANTHROPIC_API_KEY"), kKey);
    const QString cassette = dir.path() + QStringLiteral("/anthropic.cassette.json");
    const AwbResult recorded = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                       QStringLiteral("--provider"), QStringLiteral("anthropic"), QStringLiteral("--model"),
                                       QStringLiteral("claude-sonnet-4-5"), QStringLiteral("--base-url"), mock.url(),
                                       QStringLiteral("--input"), demoRequest(), QStringLiteral("--approve-all"), QStringLiteral("--json"),
                                       QStringLiteral("--record"), cassette},
                                      env);
    QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.describe()));
    QFile file(cassette);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.contains(kKey.toUtf8()), "the key is in the cassette");
    QVERIFY(bytes.contains("\"interactions\""));
    QVERIFY(bytes.contains("x-api-key")); // the raw exchange is there, with the key redacted

    // Replay needs no server and no key, and gives the same answer.
    QMap<QString, QString> noKey = baseEnv();
    const AwbResult replayed = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                       QStringLiteral("--provider"), QStringLiteral("replay"), QStringLiteral("--cassette"), cassette,
                                       QStringLiteral("--model"), QStringLiteral("claude-sonnet-4-5"), QStringLiteral("--input"),
                                       demoRequest(), QStringLiteral("--approve-all"), QStringLiteral("--json")},
                                      noKey);
    QVERIFY2(replayed.exitCode == 0, qPrintable(replayed.describe()));
    QCOMPARE(replayed.json()["final"], recorded.json()["final"]);

    // A different request (another input) is refused, naming the first differing field.
    const AwbResult changed = runAwb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), ws,
                                      QStringLiteral("--provider"), QStringLiteral("replay"), QStringLiteral("--cassette"), cassette,
                                      QStringLiteral("--model"), QStringLiteral("claude-sonnet-4-5"), QStringLiteral("--input"),
                                      QStringLiteral("Something else entirely"), QStringLiteral("--approve-all"), QStringLiteral("--json")},
                                     noKey);
    QCOMPARE(changed.exitCode, 1);
    QVERIFY2(changed.json()["error"]["message"].get<std::string>().find("/messages/0/text") != std::string::npos,
             qPrintable(changed.describe()));
}

QTEST_GUILESS_MAIN(TestKeysAndCassettes)
#include "TestKeysAndCassettes.moc"
