// The Q3 reconciliation demo end to end through the real `awb` binary, a real SMTP sink and the
// real keychain of the test session: the answer key, one email, one page, approvals, crash-resume.

#include <QtTest>

#include <set>

#include "engine/RunEvent.h"
#include "store/Sqlite.h"
#include "support/Awb.h"

using namespace awb;
using namespace awb::test;

namespace {

struct Demo
{
    QTemporaryDir dir;
    QString path() const { return dir.path() + QStringLiteral("/ws"); }
};

bool initDemo(Demo& demo, QString* why)
{
    const AwbResult r = runAwb({QStringLiteral("demo"), QStringLiteral("init"), demo.path()});
    if (r.exitCode != 0)
        *why = r.describe();
    return r.exitCode == 0;
}

AwbResult runDemo(const Demo& demo, const SmtpSink& sink, bool approveAll, const QString& fault = {})
{
    QStringList args = {QStringLiteral("run"), QStringLiteral("q3-reconciliation"), QStringLiteral("--workspace"), demo.path(),
                        QStringLiteral("--provider"), QStringLiteral("scripted"), QStringLiteral("--input"), demoRequest(),
                        QStringLiteral("--json")};
    if (approveAll)
        args << QStringLiteral("--approve-all");
    QMap<QString, QString> env = {{QStringLiteral("AWB_SMTP_URL"), sink.url()}};
    if (!fault.isEmpty())
        env.insert(QStringLiteral("AWB_FAULT_INJECT"), fault);
    return runAwb(args, env);
}

Json loadResult(const Demo& demo, const QString& runId, const QString& handle)
{
    auto db = sql::Database::open(demo.path() + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadOnly);
    if (!db)
        return Json();
    auto st = db->prepare(QStringLiteral("SELECT data FROM tool_results WHERE run_id = ? AND handle = ?"));
    st->bind(1, runId).bind(2, handle);
    return st->step() ? Json::parse(st->textUtf8(0).toStdString()) : Json();
}

struct EventRow
{
    std::int64_t seq;
    int kind;
    QString step;
};

std::vector<EventRow> loadEvents(const Demo& demo, const QString& runId)
{
    std::vector<EventRow> out;
    auto db = sql::Database::open(demo.path() + QStringLiteral("/.awb/workspace.db"), sql::OpenMode::ReadOnly);
    if (!db)
        return out;
    auto st = db->prepare(QStringLiteral("SELECT seq, kind, coalesce(step_id, '') FROM events WHERE run_id = ? ORDER BY seq"));
    st->bind(1, runId);
    while (st->step())
        out.push_back({st->int64(0), int(st->int64(1)), st->text(2)});
    return out;
}

QString stepOf(const Json& run, const char* tool)
{
    for (const Json& s : run["steps"]) {
        if (s["name"] == tool && s["kind"] == "tool" && s["status"] == "succeeded")
            return toQ(s["id"].get<std::string>());
    }
    return {};
}

// Most recent run id of the workspace.
QString latestRunId(const Demo& demo)
{
    const AwbResult r = runAwb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"), demo.path(),
                                QStringLiteral("--json")});
    const Json list = r.json();
    return list.is_array() && !list.empty() ? toQ(list[0]["run_id"].get<std::string>()) : QString();
}

} // namespace

class TestDemoRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoRunFindsEveryPlantedAnomalyAndSendsOneEmail();
    void withoutApprovalTheRunWaitsAndResumeFinishesIt();
    void rejectingTheEmailFinishesWithoutSending();
    void killedRunResumesWithExactlyOneEmail_data();
    void killedRunResumesWithExactlyOneEmail();
};

void TestDemoRun::demoRunFindsEveryPlantedAnomalyAndSendsOneEmail()
{
    Demo demo;
    QString why;
    QVERIFY2(initDemo(demo, &why), qPrintable(why));
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.error()));

    const AwbResult r = runDemo(demo, sink, true);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Json run = r.json();
    QCOMPARE(run["status"], "succeeded");
    QCOMPARE(run["scripted"], true);
    for (const char* tool : {"sql_query", "reconcile", "detect_anomalies", "render_report", "send_email"})
        QVERIFY2(!stepOf(run, tool).isEmpty(), tool);
    QVERIFY(run["usage"]["input_tokens"].get<int>() > 0);
    QVERIFY(r.err.contains("scripted"));

    // Every planted anomaly of the answer key is among the findings, as the right kind.
    const QString runId = toQ(run["run_id"].get<std::string>());
    const Json reconciliation = loadResult(demo, runId, stepOf(run, "reconcile"));
    const Json anomalies = loadResult(demo, runId, stepOf(run, "detect_anomalies"));
    QVERIFY(reconciliation.is_object() && anomalies.is_object());
    QFile keyFile(QStringLiteral(AWB_TEST_FIXTURES "/demo_answer_key.json"));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const Json key = Json::parse(keyFile.readAll().toStdString());
    const std::map<std::string, std::string> detectorKind = {
        {"duplicate_invoice", "duplicate"}, {"wrong_period", "wrong_period"}, {"wrong_fx", "fx_mismatch"},
        {"outlier_amount", "outlier"},      {"orphan_credit_note", "orphan_reference"}};
    int checked = 0;
    for (const Json& planted : key["anomalies"]) {
        const std::string kind = planted["kind"], record = planted["record"];
        bool found = false;
        if (kind == "billed_not_posted") {
            for (const Json& m : reconciliation["missing_in_left"])
                found = found || m["key"] == record;
        } else if (kind == "amount_mismatch") {
            for (const Json& m : reconciliation["mismatched"])
                found = found || m["key"] == record;
        } else {
            for (const Json& a : anomalies["anomalies"])
                found = found || (a["kind"] == detectorKind.at(kind) && a["id"] == record);
        }
        QVERIFY2(found, (kind + " " + record + " was not found").c_str());
        ++checked;
    }
    QCOMPARE(checked, int(key["anomalies"].size()));
    QVERIFY(checked >= 7);
    // Nothing unplanted is reported by the detector (the duplicates also show as ledger/CRM mismatches).
    QCOMPARE(anomalies["summary"]["anomalies"].get<int>(), int(key["anomalies"].size()) - 5);

    // The report is exactly one page.
    const QString pdf = demo.path() + QStringLiteral("/reports/q3-2026-revenue-reconciliation.pdf");
    QProcess pdfinfo;
    pdfinfo.start(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY(pdfinfo.waitForFinished(30000));
    QVERIFY2(pdfinfo.readAllStandardOutput().contains("Pages:           1"), "the report is not exactly one page");

    // Exactly one email, to the CFO, with the PDF attached byte for byte.
    const QStringList mails = sink.messages();
    QCOMPARE(mails.size(), 1);
    QFile mail(mails.first());
    QVERIFY(mail.open(QIODevice::ReadOnly));
    const QByteArray message = mail.readAll();
    QVERIFY(message.contains("cfo@finance.example"));
    QVERIFY(message.contains("application/pdf"));
    QFile report(pdf);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray attachment = report.readAll().toBase64();
    QByteArray body = message;
    body.replace("\r\n", "");
    QVERIFY2(body.contains(attachment.left(2000)) && body.contains(attachment.right(1000)), "the PDF is not attached");

    // The audit trail verifies.
    const AwbResult verify = runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), demo.path()});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    QVERIFY(verify.out.contains("intact"));
}

void TestDemoRun::withoutApprovalTheRunWaitsAndResumeFinishesIt()
{
    Demo demo;
    QString why;
    QVERIFY2(initDemo(demo, &why), qPrintable(why));
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.error()));

    const AwbResult first = runDemo(demo, sink, false);
    QVERIFY2(first.exitCode == 3, qPrintable(first.describe()));
    const Json waiting = first.json();
    QCOMPARE(waiting["status"], "waiting_approval");
    QVERIFY(stepOf(waiting, "send_email").isEmpty());
    QVERIFY(!stepOf(waiting, "render_report").isEmpty());
    QCOMPARE(sink.messages().size(), 0);

    const QString runId = toQ(waiting["run_id"].get<std::string>());
    const AwbResult resumed = runAwb({QStringLiteral("resume"), runId, QStringLiteral("--workspace"), demo.path(),
                                      QStringLiteral("--approve-all"), QStringLiteral("--json")},
                                     {{QStringLiteral("AWB_SMTP_URL"), sink.url()}});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    const Json done = resumed.json();
    QCOMPARE(done["status"], "succeeded");
    QVERIFY(!stepOf(done, "send_email").isEmpty());
    QCOMPARE(sink.messages().size(), 1);
    // The approval names who approved.
    bool approvedByCli = false;
    for (const Json& s : done["steps"])
        approvedByCli = approvedByCli || (s["kind"] == "approval" && s.value("approved", false) &&
                                          toQ(s.value("decided_by", std::string())).startsWith(QLatin1String("cli:")));
    QVERIFY(approvedByCli);
    const AwbResult verify = runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), demo.path()});
    QCOMPARE(verify.exitCode, 0);
}

void TestDemoRun::rejectingTheEmailFinishesWithoutSending()
{
    Demo demo;
    QString why;
    QVERIFY2(initDemo(demo, &why), qPrintable(why));
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.error()));
    const AwbResult first = runDemo(demo, sink, false);
    QCOMPARE(first.exitCode, 3);
    const QString runId = toQ(first.json()["run_id"].get<std::string>());
    const AwbResult rejected = runAwb({QStringLiteral("resume"), runId, QStringLiteral("--workspace"), demo.path(),
                                       QStringLiteral("--reject"), QStringLiteral("--reason"), QStringLiteral("not today"),
                                       QStringLiteral("--json")},
                                      {{QStringLiteral("AWB_SMTP_URL"), sink.url()}});
    QVERIFY2(rejected.exitCode == 0, qPrintable(rejected.describe()));
    QCOMPARE(sink.messages().size(), 0);
    bool emailFailed = false;
    const Json run = rejected.json();
    for (const Json& s : run["steps"])
        emailFailed = emailFailed || (s["name"] == "send_email" && s["kind"] == "tool" && s["status"] == "failed" &&
                                      s["error"]["code"] == "rejected");
    QVERIFY(emailFailed);
}

void TestDemoRun::killedRunResumesWithExactlyOneEmail_data()
{
    QTest::addColumn<QString>("fault");
    // Tools finish in the order s2, s3 (two queries), s5 reconcile, s7 detect, s9 report, s11 email.
    QTest::newRow("during a tool") << QStringLiteral("tool.executing:3");
    QTest::newRow("after a model reply") << QStringLiteral("model.responded:2");
    QTest::newRow("after the report") << QStringLiteral("tool.recorded:5");
    QTest::newRow("email: data sent, before the dot") << QStringLiteral("smtp.before_dot");
    QTest::newRow("email: accepted, not yet recorded") << QStringLiteral("smtp.after_accept");
    QTest::newRow("after the email was recorded") << QStringLiteral("tool.recorded:6");
}

void TestDemoRun::killedRunResumesWithExactlyOneEmail()
{
    QFETCH(QString, fault);
    Demo demo;
    QString why;
    QVERIFY2(initDemo(demo, &why), qPrintable(why));
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.error()));

    const AwbResult killed = runDemo(demo, sink, true, fault);
    QVERIFY2(killed.crashed, qPrintable(killed.describe()));
    QVERIFY(killed.err.contains("fault injection"));
    const QString runId = latestRunId(demo);
    QVERIFY(!runId.isEmpty());
    const AwbResult list = runAwb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"), demo.path(),
                                   QStringLiteral("--json")});
    QCOMPARE(list.json()[0]["status"], "interrupted");

    // What had completed before the crash.
    std::set<QString> completedBefore;
    for (const EventRow& e : loadEvents(demo, runId)) {
        if (e.kind == int(EventKind::ToolSucceeded) || e.kind == int(EventKind::ModelResponded))
            completedBefore.insert(e.step);
    }

    const AwbResult resumed = runAwb({QStringLiteral("resume"), runId, QStringLiteral("--workspace"), demo.path(),
                                      QStringLiteral("--approve-all"), QStringLiteral("--json")},
                                     {{QStringLiteral("AWB_SMTP_URL"), sink.url()}});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    QCOMPARE(resumed.json()["status"], "succeeded");
    QCOMPARE(sink.messages().size(), 1);

    // No step that had completed was started again after the resume.
    bool afterResume = false;
    for (const EventRow& e : loadEvents(demo, runId)) {
        if (e.kind == int(EventKind::RunResumed))
            afterResume = true;
        if (afterResume && e.kind == int(EventKind::StepStarted))
            QVERIFY2(!completedBefore.count(e.step), qPrintable(QStringLiteral("step %1 was repeated").arg(e.step)));
    }
    QVERIFY(afterResume);
    const AwbResult verify = runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), demo.path()});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
}

QTEST_GUILESS_MAIN(TestDemoRun)
#include "TestDemoRun.moc"
