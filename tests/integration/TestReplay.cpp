// `awb replay` through the real binary: a replay of the demo run (from its first step and from a
// middle step) is a new, linked run that ends with the same tool calls, sends no email, and leaves
// a journal and audit trail that verify; with another prompt the model is called again from the
// chosen step on (a mock LLM server counts the calls and sees the new instructions); bad input gets
// a clear error and changes nothing.

#include <QtTest>

#include "engine/RunEvent.h"
#include "store/Sqlite.h"
#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {

QMap<QString, QString> auditEnv()
{
    return {{QStringLiteral("AWB_AUDIT_KEY"), QStringLiteral("an-audit-key-for-replay-tests-7")}};
}

struct EventRow
{
    std::int64_t seq;
    EventKind kind;
    QString step;
    Json data;
};

// tool name and canonical arguments of every tool step, in order.
QStringList toolCalls(const Json& run)
{
    QStringList calls;
    for (const Json& s : run["steps"]) {
        if (s["kind"] == "tool")
            calls << toQ(s["name"].get<std::string>()) + QLatin1Char(' ') +
                         toQ(s["arguments"].dump());
    }
    return calls;
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void replayReusesRecordedResultsAndSendsNoEmail_data();
    void replayReusesRecordedResultsAndSendsNoEmail();
    void replayWithAnotherPromptCallsTheModelFromThatStep();
    void interruptedReplayResumesWithoutSendingEmail();
    void badInputGetsAClearErrorAndChangesNothing_data();
    void badInputGetsAClearErrorAndChangesNothing();

private:
    QString workspace() const { return m_dir.filePath(QStringLiteral("ws")); }
    QMap<QString, QString> env() const
    {
        QMap<QString, QString> e = auditEnv();
        e.insert(QStringLiteral("AWB_SMTP_URL"), m_sink.url());
        return e;
    }
    AwbResult awb(const QStringList& args) const { return runAwb(args, env()); }
    AwbResult replay(const QString& runId, const QStringList& extra) const
    {
        return awb(QStringList{QStringLiteral("replay"), runId, QStringLiteral("--workspace"),
                               workspace(), QStringLiteral("--json")} +
                   extra);
    }
    std::vector<EventRow> events(const QString& runId) const;
    int runCount() const;
    void verifyAudit();

    QTemporaryDir m_dir;
    SmtpSink m_sink;
    Json m_source; // the demo run on the scripted model, email approved and sent
    QString m_sourceId;
};

std::vector<EventRow> TestReplay::events(const QString& runId) const
{
    std::vector<EventRow> out;
    auto db = sql::Database::open(workspace() + QStringLiteral("/.awb/workspace.db"),
                                  sql::OpenMode::ReadOnly);
    if (!db)
        return out;
    auto st = db->prepare(QStringLiteral(
        "SELECT seq, kind, coalesce(step_id, ''), data FROM events WHERE run_id = ? ORDER BY seq"));
    st->bind(1, runId);
    while (st->step())
        out.push_back({st->int64(0), EventKind(st->int64(1)), st->text(2),
                       Json::parse(st->textUtf8(3).toStdString(), nullptr, false)});
    return out;
}

int TestReplay::runCount() const
{
    const AwbResult list =
        awb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"),
             workspace(), QStringLiteral("--json")});
    return list.exitCode == 0 ? int(list.json().size()) : -1;
}

void TestReplay::verifyAudit()
{
    const AwbResult v = awb({QStringLiteral("audit"), QStringLiteral("verify"),
                             QStringLiteral("--workspace"), workspace(), QStringLiteral("--json")});
    QVERIFY2(v.exitCode == 0, qPrintable(v.describe()));
    QCOMPARE(v.json()["ok"], true);
}

void TestReplay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
    const AwbResult init =
        runAwb({QStringLiteral("demo"), QStringLiteral("init"), workspace()}, auditEnv());
    QVERIFY2(init.exitCode == 0, qPrintable(init.describe()));
    const AwbResult run =
        awb({QStringLiteral("run"), QStringLiteral("q3-reconciliation"),
             QStringLiteral("--workspace"), workspace(), QStringLiteral("--provider"),
             QStringLiteral("scripted"), QStringLiteral("--input"), demoRequest(),
             QStringLiteral("--approve-all"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    m_source = run.json();
    m_sourceId = toQ(m_source["run_id"].get<std::string>());
    QCOMPARE(m_sink.messages().size(), 1);
    QVERIFY(toolCalls(m_source).join(QLatin1Char('\n')).contains(QLatin1String("send_email")));
}

void TestReplay::replayReusesRecordedResultsAndSendsNoEmail_data()
{
    QTest::addColumn<int>("fromStep");
    QTest::addColumn<int>("reusedAnswers"); // model steps before fromStep
    // The demo: s1 model, s2-s3 tools, s4 model, s5 tool, s6 model, ... s13 the final answer.
    QTest::newRow("from the first step") << 1 << 0;
    QTest::newRow("from a middle step") << 6 << 2;
}

void TestReplay::replayReusesRecordedResultsAndSendsNoEmail()
{
    QFETCH(int, fromStep);
    QFETCH(int, reusedAnswers);
    const int runsBefore = runCount();
    const AwbResult r =
        replay(m_sourceId, {QStringLiteral("--from-step"), QString::number(fromStep)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Json run = r.json();
    const QString runId = toQ(run["run_id"].get<std::string>());
    QVERIFY(runId != m_sourceId);
    QCOMPARE(runCount(), runsBefore + 1);
    QCOMPARE(run["status"], "succeeded");
    QCOMPARE(run["replay_of"]["run_id"], m_source["run_id"]);
    QCOMPARE(run["replay_of"]["from_step"], fromStep);
    QCOMPARE(toolCalls(run), toolCalls(m_source));
    QCOMPARE(run["final"], m_source["final"]);
    QCOMPARE(m_sink.messages().size(), 1); // the source's email, and no other

    // The first event links to the source run and step.
    const std::vector<EventRow> all = events(runId);
    QVERIFY(!all.empty());
    QCOMPARE(all.front().kind, EventKind::RunStarted);
    QCOMPARE(toQ(all.front().data["replay_of"]["run_id"].get<std::string>()), m_sourceId);
    QCOMPARE(toQ(all.front().data["replay_of"]["from_step_id"].get<std::string>()),
             QStringLiteral("s%1").arg(fromStep));
    // The journal is whole: seq 1..n without a gap, ending with the run's end.
    for (std::size_t i = 0; i < all.size(); ++i)
        QCOMPARE(all[i].seq, std::int64_t(i + 1));
    QCOMPARE(all.back().kind, EventKind::RunFinished);

    // Answers before the step were reused, not asked for; from the step on the model answered.
    int reused = 0, asked = 0;
    for (const EventRow& e : all) {
        if (e.kind != EventKind::ModelResponded)
            continue;
        const bool wasReused = e.data["raw_response"].contains("reused_from");
        if (wasReused) {
            QCOMPARE(asked, 0); // all reused answers come first
            QCOMPARE(e.data["usage"].value("input_tokens", -1), 0);
            ++reused;
        } else {
            ++asked;
        }
    }
    QCOMPARE(reused, reusedAnswers);
    QVERIFY(asked > 0);

    // The email step got the recorded result; its approval says why it was given without a person.
    for (const Json& s : run["steps"]) {
        if (s["name"] == "send_email" && s["kind"] == "approval")
            QVERIFY2(
                toQ(s["decided_by"].get<std::string>()).contains(QLatin1String("never executed")),
                s.dump().c_str());
        if (s["name"] == "send_email" && s["kind"] == "tool")
            QCOMPARE(s["status"], "succeeded");
    }
    verifyAudit();
}

void TestReplay::replayWithAnotherPromptCallsTheModelFromThatStep()
{
    // A second source run, on a mock LLM server that logs every request it gets.
    MockLlmServer mock;
    QVERIFY2(mock.start(workspace() + QStringLiteral("/agents/q3-reconciliation.script.json")),
             qPrintable(mock.error()));
    const AwbResult source = awb(
        {QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"),
         workspace(), QStringLiteral("--provider"), QStringLiteral("openai-compatible"),
         QStringLiteral("--model"), QStringLiteral("qwen2.5-7b-instruct"),
         QStringLiteral("--base-url"), mock.url(QStringLiteral("/v1")), QStringLiteral("--input"),
         demoRequest(), QStringLiteral("--approve-all"), QStringLiteral("--json")});
    QVERIFY2(source.exitCode == 0, qPrintable(source.describe()));
    const std::size_t sourceCalls = mock.requests().size();
    QCOMPARE(int(sourceCalls), 6);
    const int emails = int(m_sink.messages().size());

    const QString prompt = m_dir.filePath(QStringLiteral("terse.prompt.txt"));
    const QString instructions =
        QStringLiteral("You are a terse reconciliation agent. Marker 4f1c.");
    QFile file(prompt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(instructions.toUtf8());
    file.close();

    const AwbResult r = replay(
        toQ(source.json()["run_id"].get<std::string>()),
        {QStringLiteral("--from-step"), QStringLiteral("6"), QStringLiteral("--prompt"), prompt});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Json run = r.json();
    QCOMPARE(run["status"], "succeeded");
    QCOMPARE(run["provider"], "openai-compatible");
    QCOMPARE(run["replay_of"]["instructions_replaced"], true);
    QCOMPARE(toolCalls(run), toolCalls(source.json()));
    QCOMPARE(int(m_sink.messages().size()), emails);

    // Model steps s6, s8, s10 and s13 were asked again, with the new instructions; s1 and s4 not.
    const std::vector<Json> requests = mock.requests();
    QCOMPARE(int(requests.size() - sourceCalls), 4);
    for (std::size_t i = sourceCalls; i < requests.size(); ++i) {
        const std::string body = requests[i]["body"].dump();
        QVERIFY2(body.find(instructions.toStdString()) != std::string::npos,
                 body.substr(0, 400).c_str());
    }
    for (std::size_t i = 0; i < sourceCalls; ++i)
        QVERIFY(requests[i]["body"].dump().find("Marker 4f1c") == std::string::npos);
    verifyAudit();
}

void TestReplay::interruptedReplayResumesWithoutSendingEmail()
{
    // Killed while its third tool runs (a reused result); `awb resume` finishes it as a replay.
    const std::size_t emails = m_sink.messages().size();
    const AwbResult killed =
        runAwb({QStringLiteral("replay"), m_sourceId, QStringLiteral("--workspace"), workspace(),
                QStringLiteral("--from-step"), QStringLiteral("4"), QStringLiteral("--json")},
               [this] {
                   auto e = env();
                   e.insert(QStringLiteral("AWB_FAULT_INJECT"), QStringLiteral("tool.executing:3"));
                   return e;
               }());
    QVERIFY2(killed.crashed, qPrintable(killed.describe()));
    QString interrupted;
    const AwbResult list =
        awb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"),
             workspace(), QStringLiteral("--json")});
    for (const Json& row : list.json()) {
        if (row["status"] == "interrupted")
            interrupted = toQ(row["run_id"].get<std::string>());
    }
    QVERIFY2(!interrupted.isEmpty(), qPrintable(list.describe()));
    const AwbResult resumed =
        awb({QStringLiteral("resume"), interrupted, QStringLiteral("--workspace"), workspace(),
             QStringLiteral("--json")});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    QCOMPARE(resumed.json()["status"], "succeeded");
    QCOMPARE(resumed.json()["replay_of"]["run_id"], m_source["run_id"]);
    QCOMPARE(toolCalls(resumed.json()), toolCalls(m_source));
    QCOMPARE(m_sink.messages().size(), emails);
    verifyAudit();
}

void TestReplay::badInputGetsAClearErrorAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("args"); // after RUN_ID; "SOURCE" is replaced by the source run
    QTest::addColumn<QString>("said");

    QTest::newRow("unknown run") << QStringList{QStringLiteral("--run=20200101T000000Z-deadbeef")}
                                 << QStringLiteral(
                                        "no run 20200101T000000Z-deadbeef in this workspace");
    QTest::newRow("step 0") << QStringList{QStringLiteral("--from-step"), QStringLiteral("0")}
                            << QStringLiteral("--from-step 0: expected a step number");
    QTest::newRow("not a number") << QStringList{QStringLiteral("--from-step"),
                                                 QStringLiteral("two")}
                                  << QStringLiteral("--from-step two: expected a step number");
    QTest::newRow("step after the last")
        << QStringList{QStringLiteral("--from-step"), QStringLiteral("14")}
        << QStringLiteral("step 14 is out of range: run SOURCE has steps 1 to 13");
    QTest::newRow("no prompt file")
        << QStringList{QStringLiteral("--prompt"), QStringLiteral("MISSING")}
        << QStringLiteral("cannot read the prompt file");
    QTest::newRow("empty prompt file")
        << QStringList{QStringLiteral("--prompt"), QStringLiteral("EMPTY")}
        << QStringLiteral("is empty: it should hold the agent's instructions");
    QTest::newRow("prompt is a folder")
        << QStringList{QStringLiteral("--prompt"), QStringLiteral("FOLDER")}
        << QStringLiteral("cannot read the prompt file");
}

void TestReplay::badInputGetsAClearErrorAndChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, said);
    const QString empty = m_dir.filePath(QStringLiteral("empty.prompt.txt"));
    QFile(empty).open(QIODevice::WriteOnly);
    QString runId = m_sourceId;
    QStringList extra;
    for (const QString& a : args) {
        if (a.startsWith(QLatin1String("--run=")))
            runId = a.mid(6);
        else
            extra << (a == QLatin1String("MISSING")  ? m_dir.filePath(QStringLiteral("missing.txt"))
                      : a == QLatin1String("EMPTY")  ? empty
                      : a == QLatin1String("FOLDER") ? m_dir.path()
                                                     : a);
    }
    said.replace(QLatin1String("SOURCE"), m_sourceId);
    const int runsBefore = runCount();
    const std::size_t emails = m_sink.messages().size();
    const AwbResult r = replay(runId, extra);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(said.toUtf8()), qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(runCount(), runsBefore);
    QCOMPARE(m_sink.messages().size(), emails);
}

QTEST_GUILESS_MAIN(TestReplay)
#include "TestReplay.moc"
