// Tests for the render_report tool: one A4 page checked with poppler (pdfinfo, pdftotext), the
// combined and sorted findings table, the "+ N more" line, errors for bad handles and paths, and
// an output path that never leads out of the workspace or into its store, whatever links, pipes
// or swaps the folder holds.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "report/RenderReportTool.h"
#include "store/Workspace.h"
#include "support/HostileFiles.h"

using awb::Json;

namespace {

class FakeResults : public awb::ResultReader
{
public:
    std::map<QString, Json> results;
    awb::Result<Json> load(const QString& handle) const override
    {
        const auto it = results.find(handle);
        if (it == results.end())
            return awb::Error::make(
                QStringLiteral("no result with handle \"%1\" in this run").arg(handle),
                QStringLiteral("unknown_handle"));
        return it->second;
    }
};

Json reconcileResult()
{
    return Json::parse(R"({
      "labels": {"left": "ledger", "right": "crm"},
      "summary": {"left_rows": 130, "right_rows": 131, "left_keys": 130, "right_keys": 131,
                  "matched": 125, "mismatched": 2, "missing_in_left": 2, "missing_in_right": 1,
                  "left_total": "1250000.00", "right_total": "1262345.50", "difference": "-12345.50"},
      "mismatched": [
        {"key": "INV-1042", "left_amount": "1200.00", "right_amount": "1250.00", "difference": "-50.00",
         "left": {}, "right": {}},
        {"key": "INV-1077", "left_amount": "9800.00", "right_amount": "8800.00", "difference": "1000.00",
         "left": {}, "right": {}}],
      "missing_in_left": [
        {"key": "INV-2001", "amount": "7345.50", "row": {}},
        {"key": "INV-2002", "amount": "300.00", "row": {}}],
      "missing_in_right": [{"key": "INV-0999", "amount": "4000.00", "row": {}}]
    })");
}

Json anomalyResult(int count = 2)
{
    Json list = Json::array();
    if (count == 2) {
        list.push_back({{"kind", "duplicate"},
                        {"id", "INV-1500"},
                        {"amount", "25000.00"},
                        {"detail", "same customer, amount and date as INV-1499"}});
        list.push_back(
            {{"kind", "round_amount"}, {"id", 1603}, {"amount", "10.00"}, {"detail", "round"}});
    } else {
        for (int i = 0; i < count; ++i)
            list.push_back({{"kind", "outlier"},
                            {"id", "TX-" + std::to_string(1000 + i)},
                            {"amount", std::to_string(100 + i) + ".00"},
                            {"detail", "more than three deviations from the customer's mean"}});
    }
    Json byKind = Json::object();
    for (const Json& a : list)
        byKind[a["kind"].get<std::string>()] = byKind.value(a["kind"].get<std::string>(), 0) + 1;
    return Json{{"summary", {{"rows", 131}, {"anomalies", count}, {"by_kind", byKind}}},
                {"anomalies", list}};
}

const QString kAuditHead =
    QStringLiteral("42:9f2c4e1a7b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8");

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        qFatal("cannot start %s: install poppler-utils", qPrintable(program));
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestRenderReportTool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void rendersOnePageWithTitleRecordAndAuditHead();
    void resultDescribesTheWrittenFile();
    void headerShowsRunStepAndGenerationTime();
    void findingsAreSortedByAbsoluteAmount();
    void reconciliationFindingsGetTheirKinds();
    void tooManyFindingsStayOnOnePageWithMoreLine();
    void findingsCountedButNotListedAreInMoreLine();
    void sameInputsAndClockGiveSameBytes();
    void createsParentFolders();
    void unknownHandleIsInvalidArguments();
    void wrongShapeNamesHandleAndMember_data();
    void wrongShapeNamesHandleAndMember();
    void outputOutsideWorkspaceIsRefused();
    void outputMustEndInPdf();
    void outputThatLeadsOutsideOrIsNoRegularFileIsRefused_data();
    void outputThatLeadsOutsideOrIsNoRegularFileIsRefused();
    void outputSwappedForALinkWhileRenderingNeverWritesOutside_data();
    void outputSwappedForALinkWhileRenderingNeverWritesOutside();

private:
    awb::Result<Json> render(const Json& overrides = Json::object());
    QString pdfText(const QString& relative) const;
    QString pdfInfo(const QString& relative) const;

    QTemporaryDir m_dir;
    std::optional<awb::Workspace> m_ws;
    FakeResults m_results;
    awb::RenderReportTool m_tool{[] {
        return QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
    }};
};

void TestRenderReportTool::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto ws = awb::Workspace::create(m_dir.path(), QStringLiteral("reports"));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.errorMessage()));
    m_ws = std::move(ws).value();
}

void TestRenderReportTool::init()
{
    m_results.results.clear();
    m_results.results[QStringLiteral("s4")] = reconcileResult();
    m_results.results[QStringLiteral("s5")] = anomalyResult();
}

awb::Result<Json> TestRenderReportTool::render(const Json& overrides)
{
    Json args = {{"title", "Q3 revenue reconciliation"},
                 {"period", "Q3 2026"},
                 {"prepared_for", "CFO"},
                 {"reconciliation", "s4"},
                 {"anomalies", "s5"},
                 {"method", "Ledger entries were joined to the CRM export on invoice number."},
                 {"output", "reports/q3.pdf"}};
    args.update(overrides);
    awb::ToolContext ctx;
    ctx.runId = QStringLiteral("r-1");
    ctx.stepId = QStringLiteral("s7");
    ctx.workspace = &*m_ws;
    ctx.results = &m_results;
    ctx.auditHead = kAuditHead;
    return m_tool.execute(args, ctx);
}

QString TestRenderReportTool::pdfText(const QString& relative) const
{
    return run(QStringLiteral("pdftotext"),
               {m_ws->root() + QLatin1Char('/') + relative, QStringLiteral("-")});
}

QString TestRenderReportTool::pdfInfo(const QString& relative) const
{
    return run(QStringLiteral("pdfinfo"), {m_ws->root() + QLatin1Char('/') + relative});
}

void TestRenderReportTool::rendersOnePageWithTitleRecordAndAuditHead()
{
    auto out = render();
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    const QString info = pdfInfo(QStringLiteral("reports/q3.pdf"));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
    QVERIFY(info.contains(
        QRegularExpression(QStringLiteral("Title:\\s+Q3 revenue reconciliation\\n"))));
    const QString text = pdfText(QStringLiteral("reports/q3.pdf"));
    QVERIFY2(text.contains(QStringLiteral("Q3 revenue reconciliation")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("INV-1500")));
    QVERIFY(text.contains(QStringLiteral("25,000.00")));
    QVERIFY(text.contains(QStringLiteral("Audit trail head at rendering: ") + kAuditHead));
    QVERIFY(text.contains(QStringLiteral("1,262,345.50")));
    QVERIFY(text.contains(QStringLiteral("Missing in ledger: 2")));
    QVERIFY(text.contains(QStringLiteral("duplicate 1")));
    QVERIFY(text.contains(QStringLiteral("joined to the CRM export on invoice number")));
}

void TestRenderReportTool::resultDescribesTheWrittenFile()
{
    auto out = render();
    QVERIFY(out.ok());
    QFile f(m_ws->root() + QStringLiteral("/reports/q3.pdf"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(out->at("path").get<std::string>(), std::string("reports/q3.pdf"));
    QCOMPARE(out->at("pages").get<int>(), 1);
    QCOMPARE(out->at("bytes").get<qint64>(), bytes.size());
    QCOMPARE(QByteArray::fromStdString(out->at("sha256").get<std::string>()),
             QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(out->at("findings").get<int>(), 7);
    QCOMPARE(out->at("shown").get<int>(), 7);
    QCOMPARE(QString::fromStdString(out->at("audit_head").get<std::string>()), kAuditHead);
}

void TestRenderReportTool::headerShowsRunStepAndGenerationTime()
{
    QVERIFY(render().ok());
    const QString text = pdfText(QStringLiteral("reports/q3.pdf"));
    QVERIFY2(text.contains(QStringLiteral("Generated 2026-10-01 09:00 UTC")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Run r-1 \u00b7 step s7")));
    QVERIFY(text.contains(QStringLiteral("Prepared for: CFO")));
}

void TestRenderReportTool::findingsAreSortedByAbsoluteAmount()
{
    QVERIFY(render().ok());
    const QString text = pdfText(QStringLiteral("reports/q3.pdf"));
    // |amount|: INV-1500 25000 > INV-2001 7345.50 > INV-0999 4000 > INV-1077 1000 > INV-2002 300
    // > INV-1042 -50 > 1603 10.
    const QStringList order = {QStringLiteral("INV-1500"), QStringLiteral("INV-2001"),
                               QStringLiteral("INV-0999"), QStringLiteral("INV-1077"),
                               QStringLiteral("INV-2002"), QStringLiteral("INV-1042"),
                               QStringLiteral("1603")};
    qsizetype last = -1;
    for (const QString& record : order) {
        const qsizetype at = text.indexOf(record);
        QVERIFY2(at > last, qPrintable(record));
        last = at;
    }
}

void TestRenderReportTool::reconciliationFindingsGetTheirKinds()
{
    QVERIFY(render().ok());
    const QString text = pdfText(QStringLiteral("reports/q3.pdf"));
    QVERIFY(text.contains(QStringLiteral("amount_mismatch")));
    QVERIFY(text.contains(QStringLiteral("billed_not_posted")));
    QVERIFY(text.contains(QStringLiteral("not_in_crm")));
    QVERIFY(text.contains(QStringLiteral("ledger 1,200.00 vs crm 1,250.00")));
    QVERIFY(text.contains(QStringLiteral("in crm only, missing in ledger")));
}

void TestRenderReportTool::tooManyFindingsStayOnOnePageWithMoreLine()
{
    m_results.results[QStringLiteral("s5")] = anomalyResult(150);
    QString method;
    for (int i = 0; i < 40; ++i)
        method += QStringLiteral("Each sentence of this long method paragraph is wrapped. ");
    auto out = render({{"method", method.toStdString()}, {"output", "reports/many.pdf"}});
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    const int findings = out->at("findings").get<int>();
    const int shown = out->at("shown").get<int>();
    QCOMPARE(findings, 155);
    QVERIFY2(shown > 15 && shown < findings, qPrintable(QString::number(shown)));
    const QString info = pdfInfo(QStringLiteral("reports/many.pdf"));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
    const QString text = pdfText(QStringLiteral("reports/many.pdf"));
    // The hidden rows are the smallest: outliers from s5 and the 50.00 mismatch from s4.
    const QString more =
        QStringLiteral("+ %1 more findings: see run r-1, steps s4 and s5").arg(findings - shown);
    QVERIFY2(text.contains(more), qPrintable(text.right(1200)));
    QVERIFY(text.contains(QStringLiteral("TX-1149")));  // the largest outlier is shown
    QVERIFY(!text.contains(QStringLiteral("TX-1000"))); // the smallest is not
    QVERIFY(text.contains(kAuditHead));
}

void TestRenderReportTool::findingsCountedButNotListedAreInMoreLine()
{
    // detect_anomalies counted 12 but listed only 2 of them.
    m_results.results[QStringLiteral("s5")]["summary"]["anomalies"] = 12;
    auto out = render({{"output", "reports/partial.pdf"}});
    QVERIFY(out.ok());
    QCOMPARE(out->at("findings").get<int>(), 17);
    QCOMPARE(out->at("shown").get<int>(), 7);
    const QString text = pdfText(QStringLiteral("reports/partial.pdf"));
    QVERIFY2(text.contains(QStringLiteral("+ 10 more findings: see run r-1, step s5")),
             qPrintable(text));
}

void TestRenderReportTool::sameInputsAndClockGiveSameBytes()
{
    auto a = render();
    auto b = render();
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->at("sha256").get<std::string>(), b->at("sha256").get<std::string>());
}

void TestRenderReportTool::createsParentFolders()
{
    auto out = render({{"output", "reports/2026/q3/summary.PDF"}});
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    QVERIFY(QFile::exists(m_ws->root() + QStringLiteral("/reports/2026/q3/summary.PDF")));
}

void TestRenderReportTool::unknownHandleIsInvalidArguments()
{
    auto out = render({{"anomalies", "s99"}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("invalid_arguments"));
    QVERIFY2(out.errorMessage().contains(QStringLiteral("\"s99\"")),
             qPrintable(out.errorMessage()));
    QVERIFY(out.errorMessage().contains(QStringLiteral("anomalies")));
}

void TestRenderReportTool::wrongShapeNamesHandleAndMember_data()
{
    QTest::addColumn<QString>("handle");
    QTest::addColumn<QString>("patch"); // JSON merge patch applied to the stored result
    QTest::addColumn<QString>("expected");
    QTest::newRow("no summary") << "s4"
                                << R"({"summary": null})"
                                << "\"summary\"";
    QTest::newRow("no left total") << "s4"
                                   << R"({"summary": {"left_total": null}})"
                                   << "\"summary.left_total\"";
    QTest::newRow("count not integer") << "s4"
                                       << R"({"summary": {"matched": "many"}})"
                                       << "\"summary.matched\"";
    QTest::newRow("no mismatched list") << "s4"
                                        << R"({"mismatched": null})"
                                        << "\"mismatched\"";
    QTest::newRow("no anomalies list") << "s5"
                                       << R"({"anomalies": null})"
                                       << "\"anomalies\"";
    QTest::newRow("anomaly without kind") << "s5"
                                          << R"({"anomalies": [{"id": 1}]})"
                                          << "\"kind\"";
}

void TestRenderReportTool::wrongShapeNamesHandleAndMember()
{
    QFETCH(QString, handle);
    QFETCH(QString, patch);
    QFETCH(QString, expected);
    m_results.results[handle].merge_patch(Json::parse(patch.toStdString()));
    auto out = render();
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("invalid_arguments"));
    QVERIFY2(out.errorMessage().contains(expected), qPrintable(out.errorMessage()));
    QVERIFY2(out.errorMessage().contains(QLatin1Char('"') + handle + QLatin1Char('"')),
             qPrintable(out.errorMessage()));
}

void TestRenderReportTool::outputOutsideWorkspaceIsRefused()
{
    auto out = render({{"output", "../escape.pdf"}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("path_outside_workspace"));
    QVERIFY(out.errorMessage().contains(QStringLiteral("outside the workspace")));
    QVERIFY(!QFile::exists(m_ws->root() + QStringLiteral("/../escape.pdf")));
}

void TestRenderReportTool::outputMustEndInPdf()
{
    auto out = render({{"output", "reports/q3.txt"}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("invalid_arguments"));
    QVERIFY(out.errorMessage().contains(QStringLiteral(".pdf")));
}

void TestRenderReportTool::outputThatLeadsOutsideOrIsNoRegularFileIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : awb::test::hostileWriteKinds())
        QTest::newRow(qPrintable(kind)) << kind;
}

void TestRenderReportTool::outputThatLeadsOutsideOrIsNoRegularFileIsRefused()
{
    QFETCH(QString, kind);
    QTemporaryDir outside;
    QVERIFY(outside.isValid());
    const QString folder = QStringLiteral("reports/%1").arg(QTest::currentDataTag());
    const QString output =
        awb::test::plantWrite(kind, m_ws->root(), outside.path(), folder, QStringLiteral(".pdf"));
    QVERIFY(!output.isEmpty());
    auto out = render({{"output", output.toStdString()}});
    QVERIFY2(!out.ok(), out.ok() ? out->dump().c_str() : "");
    QCOMPARE(out.error().code, awb::test::hostileWriteCode(kind));
    QVERIFY2(out.errorMessage().contains(output), qPrintable(out.errorMessage()));
    QVERIFY(awb::test::outsideUntouched(outside.path(), QStringLiteral(".pdf")));
    QVERIFY(!QFile::exists(m_ws->root() + QStringLiteral("/.awb/written.pdf")));
    // No temporary file is left behind where the report would have gone.
    QCOMPARE(QDir(m_ws->root() + QLatin1Char('/') + folder)
                 .entryList(QDir::Files | QDir::Hidden | QDir::NoSymLinks),
             QStringList());
}

void TestRenderReportTool::outputSwappedForALinkWhileRenderingNeverWritesOutside_data()
{
    QTest::addColumn<bool>("folder"); // swap the output's folder instead of the file
    QTest::newRow("file") << false;
    QTest::newRow("folder") << true;
}

void TestRenderReportTool::outputSwappedForALinkWhileRenderingNeverWritesOutside()
{
    QFETCH(bool, folder);
    QTemporaryDir outside;
    QVERIFY(outside.isValid());
    const QString tag = QStringLiteral("race-%1").arg(QTest::currentDataTag());
    const QString live = m_ws->root() + QStringLiteral("/reports/") + tag;
    QVERIFY(QDir().mkpath(live));
    QVERIFY(QDir().mkpath(outside.filePath(QStringLiteral("dir"))));
    QVERIFY(awb::test::writeBytes(live + QStringLiteral("/q3.pdf"), "an earlier report"));
    QVERIFY(awb::test::writeBytes(outside.filePath(QStringLiteral("target.pdf")),
                                  awb::test::outsideMarker() + "\n"));
    const QString link = m_ws->root() + QStringLiteral("/reports/") + tag + QStringLiteral("-link");
    QVERIFY(awb::test::makeSymlink(folder ? outside.filePath(QStringLiteral("dir"))
                                          : outside.filePath(QStringLiteral("target.pdf")),
                                   link));
    {
        awb::test::PathFlipper flipper(folder ? live : live + QStringLiteral("/q3.pdf"), link);
        for (int i = 0; i < 150; ++i) {
            auto out =
                render({{"output", QStringLiteral("reports/%1/q3.pdf").arg(tag).toStdString()}});
            if (!out.ok())
                QVERIFY2(awb::test::isRaceRefusal(out.error().code),
                         qPrintable(out.errorMessage()));
        }
        flipper.stop();
        QCOMPARE(flipper.failedErrno(), 0);
        QVERIFY(flipper.swaps() > 0);
    }
    QVERIFY(awb::test::outsideUntouched(outside.path(), QStringLiteral(".pdf")));
}

QTEST_GUILESS_MAIN(TestRenderReportTool)
#include "TestRenderReportTool.moc"
