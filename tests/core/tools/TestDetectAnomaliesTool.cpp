// detect_anomalies: each check, robust statistics edge cases, ordering and errors, and a CSV
// dataset that is refused, without its content, when it is not a real file inside the workspace.

#include <QtTest>

#include "core/tools/support/ToolFixture.h"
#include "support/HostileFiles.h"
#include "tools/builtin/DetectAnomaliesTool.h"
#include "util/SchemaValidator.h"

using namespace awb;

namespace {
// Ten postings on account 4000 around 1000, one of them 9000; account 5000 has only three rows.
Json ledger()
{
    std::vector<std::vector<Json>> rows;
    const int amounts[] = {1000, 1010, 990, 1005, 995, 1020, 980, 1000, 9000, 1002};
    for (int i = 0; i < 10; ++i)
        rows.push_back(
            {i + 1, "4000", "2026-07", QStringLiteral("%1.00").arg(amounts[i]).toStdString()});
    rows.push_back({11, "5000", "2026-07", "10.00"});
    rows.push_back({12, "5000", "2026-07", "20.00"});
    rows.push_back({13, "5000", "2026-07", "90000.00"});
    return test::tableJson({"id", "account", "period", "amount"}, rows);
}

QStringList ids(const Json& result, const char* kind)
{
    QStringList out;
    for (const Json& a : result["anomalies"]) {
        if (a["kind"] == kind)
            out << toQ(a["id"].dump());
    }
    return out;
}
} // namespace

class TestDetectAnomaliesTool : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ToolFixture> m_fx;
    DetectAnomaliesTool m_tool;

    Result<Json> check(const Json& data, const Json& checks, Json extra = Json::object())
    {
        m_fx->results.results["D"] = data;
        Json args = {{"dataset", {{"handle", "D"}}}, {"id_column", "id"}, {"checks", checks}};
        args.update(extra);
        return m_tool.execute(args, m_fx->context());
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<test::ToolFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
    }

    void madFlagsTheOutlierInItsGroup()
    {
        const auto r = check(
            ledger(), {{"outliers", {{"amount", "amount"}, {"group_by", {"account", "period"}}}}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE(ids(*r, "outlier"), QStringList({"9"}));
        const Json& a = (*r)["anomalies"][0];
        QCOMPARE(a["amount"], Json("9000.00"));
        QCOMPARE(a["group"], Json("account=4000, period=2026-07"));
        // median 1001, MAD 7.5 -> 0.6745 * 7999 / 7.5 = 719.38
        QCOMPARE(a["score"], Json("719.38"));
        QVERIFY(a["detail"].get<std::string>().find("median 1001.00") != std::string::npos);
    }

    void smallGroupsAreSkippedWithANote()
    {
        const auto r =
            check(ledger(), {{"outliers", {{"amount", "amount"}, {"group_by", {"account"}}}}});
        QVERIFY(r.ok());
        QVERIFY(!ids(*r, "outlier").contains("13")); // 90000 in a group of three is not judged
        const std::string notes = (*r)["notes"].dump();
        QVERIFY2(notes.find("1 of 2 groups have fewer than 8 rows") != std::string::npos,
                 notes.c_str());
    }

    void minGroupSizeCanBeLowered()
    {
        const auto r = check(
            ledger(), {{"outliers",
                        {{"amount", "amount"}, {"group_by", {"account"}}, {"min_group_size", 3}}}});
        QVERIFY(r.ok());
        QCOMPARE(ids(*r, "outlier"), QStringList({"9", "13"}));
    }

    void madZeroFallsBackToMeanAbsoluteDeviation()
    {
        std::vector<std::vector<Json>> rows;
        for (int i = 1; i <= 9; ++i)
            rows.push_back({i, "100.00"});
        rows.push_back({10, "160.00"});
        const auto r =
            check(test::tableJson({"id", "amount"}, rows), {{"outliers", {{"amount", "amount"}}}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE(ids(*r, "outlier"), QStringList({"10"}));
        QVERIFY(std::isfinite(std::stod((*r)["anomalies"][0]["score"].get<std::string>())));
        QVERIFY((*r)["notes"].dump().find("spread of 0") != std::string::npos);
    }

    void constantGroupHasNoOutliers()
    {
        std::vector<std::vector<Json>> rows;
        for (int i = 1; i <= 10; ++i)
            rows.push_back({i, 5});
        const auto r = check(test::tableJson({"id", "amount"}, rows),
                             {{"outliers", {{"amount", "amount"}, {"method", "iqr"}}}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["summary"]["anomalies"], Json(0));
    }

    void iqrFlagsValuesBeyondTheFences()
    {
        std::vector<std::vector<Json>> rows;
        for (int i = 1; i <= 12; ++i)
            rows.push_back({i, 100 + i});
        rows.push_back(
            {13, 130}); // with these two: Q1 103.25, Q3 109.75, IQR 6.5; 3.12 IQRs above Q3
        rows.push_back({14, 80}); // 3.58 IQRs below Q1
        const auto r =
            check(test::tableJson({"id", "amount"}, rows),
                  {{"outliers", {{"amount", "amount"}, {"method", "iqr"}, {"threshold", 3}}}});
        QVERIFY(r.ok());
        QCOMPARE(ids(*r, "outlier"), QStringList({"13", "14"}));
        QVERIFY((*r)["anomalies"][1]["detail"].get<std::string>().find("below") !=
                std::string::npos);
    }

    void duplicatesReportSecondAndLaterIds()
    {
        const Json data =
            test::tableJson({"id", "vendor", "amount", "inv"}, {{3, "ACME", "500.00", "X1"},
                                                                {1, "ACME", "500.00", "X1"},
                                                                {2, "Beta", "500.00", "X1"},
                                                                {7, "ACME", "500.00", "X1"},
                                                                {7, "ACME", "500.00", "X1"}});
        const auto r = check(data, {{"duplicates", {{"columns", {"vendor", "amount", "inv"}}}}});
        QVERIFY(r.ok());
        QCOMPARE(ids(*r, "duplicate"), QStringList({"3", "7"}));
        QCOMPARE((*r)["anomalies"][0]["duplicate_of"], Json(1));
        QCOMPARE((*r)["anomalies"][0]["amount"], Json("500.00"));
        QVERIFY((*r)["anomalies"][0]["detail"].get<std::string>().find("vendor=ACME") !=
                std::string::npos);
    }

    void wrongPeriodComparesTheDatesMonth()
    {
        const Json data =
            test::tableJson({"id", "date", "period"}, {{1, "2026-07-31", "2026-07"},
                                                       {2, "2026-08-01", "2026-07"},
                                                       {3, "2026-07-15T10:00:00Z", "2026-07"},
                                                       {4, "someday", "2026-07"},
                                                       {5, nullptr, "2026-07"}});
        const auto r = check(data, {{"period", {{"date", "date"}, {"period", "period"}}}});
        QVERIFY(r.ok());
        QCOMPARE(ids(*r, "wrong_period"), QStringList({"2"}));
        QVERIFY((*r)["notes"].dump().find("1 row(s) have a date or period") != std::string::npos);
    }

    void fxFindsMismatchesAndMissingRates()
    {
        const Json data =
            test::tableJson({"id", "amt", "rate", "eur"}, {{1, "1000.00", "1.085", "1085.00"},
                                                           {2, "1000.00", "1.085", "1058.00"},
                                                           {3, "200.00", nullptr, "180.00"},
                                                           {4, "10.00", 0.5, "5.01"}});
        const auto r =
            check(data, {{"fx", {{"amount", "amt"}, {"rate", "rate"}, {"converted", "eur"}}}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE(ids(*r, "fx_mismatch"), QStringList({"2"}));
        QCOMPARE(ids(*r, "fx_rate_missing"), QStringList({"3"}));
        const Json& mismatch = (*r)["anomalies"][0];
        QCOMPARE(mismatch["amount"], Json("1000.00"));
        QVERIFY2(mismatch["detail"].get<std::string>().find("off by 27.00") != std::string::npos,
                 mismatch["detail"].get<std::string>().c_str());
    }

    void orphansInTheSameDatasetWithAFilter()
    {
        const Json data = test::tableJson({"id", "type", "ref"}, {{"INV-1", "invoice", nullptr},
                                                                  {"CN-1", "credit_note", "INV-1"},
                                                                  {"CN-2", "credit_note", "INV-9"},
                                                                  {"CN-3", "credit_note", " "}});
        const auto r = check(data, {{"orphans",
                                     {{"reference", "ref"},
                                      {"when", {{"column", "type"}, {"equals", "credit_note"}}}}}});
        QVERIFY(r.ok());
        QCOMPARE(ids(*r, "orphan_reference"), QStringList({"\"CN-2\"", "\"CN-3\""}));
        QVERIFY((*r)["anomalies"][0]["detail"].get<std::string>().find("\"INV-9\" is not found") !=
                std::string::npos);
    }

    void orphansAgainstAnotherDataset()
    {
        m_fx->results.results["T"] = test::tableJson({"customer_id"}, {{100}, {101}});
        const Json data = test::tableJson({"id", "cust"}, {{1, 100}, {2, "101"}, {3, 102}});
        const auto r = check(data, {{"orphans",
                                     {{"reference", "cust"},
                                      {"target", {{"handle", "T"}}},
                                      {"target_key", "customer_id"}}}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE(ids(*r, "orphan_reference"), QStringList({"3"}));
    }

    void ordersByKindThenIdAndCountsEveryKind()
    {
        const Json data = test::tableJson({"id", "date", "period", "amt", "rate", "eur", "dup"},
                                          {{10, "2026-08-01", "2026-07", "1", nullptr, "1", "a"},
                                           {2, "2026-08-01", "2026-07", "1", "1", "1", "a"},
                                           {9, "2026-07-01", "2026-07", "1", "1", "3", "b"}});
        const auto r =
            check(data, {{"period", {{"date", "date"}, {"period", "period"}}},
                         {"fx", {{"amount", "amt"}, {"rate", "rate"}, {"converted", "eur"}}},
                         {"duplicates", {{"columns", {"dup"}}}}});
        QVERIFY(r.ok());
        QStringList order;
        for (const Json& a : (*r)["anomalies"])
            order << toQ(a["kind"].get<std::string>() + ":" + a["id"].dump());
        QCOMPARE(order, QStringList({"duplicate:10", "fx_mismatch:9", "fx_rate_missing:10",
                                     "wrong_period:2", "wrong_period:10"}));
        QCOMPARE((*r)["summary"],
                 Json::parse(R"({"rows":3,"anomalies":5,"by_kind":{"duplicate":1,"fx_mismatch":1,
            "fx_rate_missing":1,"orphan_reference":0,"outlier":0,"wrong_period":2}})"));
    }

    void badColumnNamesListAvailableColumns_data()
    {
        QTest::addColumn<QString>("checks");
        QTest::addColumn<QString>("role");
        QTest::newRow("outlier amount") << R"({"outliers":{"amount":"amount_eur"}})"
                                        << "checks.outliers.amount";
        QTest::newRow("group by") << R"({"outliers":{"amount":"amount","group_by":["acct"]}})"
                                  << "checks.outliers.group_by";
        QTest::newRow("duplicates") << R"({"duplicates":{"columns":["vendor"]}})"
                                    << "checks.duplicates.columns";
        QTest::newRow("period") << R"({"period":{"date":"posted","period":"period"}})"
                                << "checks.period.date";
        QTest::newRow("fx") << R"({"fx":{"amount":"amount","rate":"fx","converted":"eur"}})"
                            << "checks.fx.rate";
        QTest::newRow("orphans") << R"({"orphans":{"reference":"ref"}})"
                                 << "checks.orphans.reference";
    }

    void badColumnNamesListAvailableColumns()
    {
        QFETCH(QString, checks);
        QFETCH(QString, role);
        const auto r = check(ledger(), Json::parse(checks.toStdString()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("unknown_column"));
        QVERIFY2(r.errorMessage().contains(role), qPrintable(r.errorMessage()));
        QVERIFY2(
            r.errorMessage().contains(QLatin1String("\"id\", \"account\", \"period\", \"amount\"")),
            qPrintable(r.errorMessage()));
    }

    void badIdColumnIsAnError()
    {
        const auto r =
            check(ledger(), {{"outliers", {{"amount", "amount"}}}}, {{"id_column", "entry_id"}});
        QVERIFY(!r.ok());
        QVERIFY(r.errorMessage().contains(QLatin1String("entry_id")));
    }

    void unparsableAmountIsAnError()
    {
        const auto r = check(test::tableJson({"id", "amount"}, {{1, "ten"}}),
                             {{"outliers", {{"amount", "amount"}}}});
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(QLatin1String("row 1, column \"amount\": \"ten\"")),
                 qPrintable(r.errorMessage()));
    }

    void csvOutsideOrNotARegularFileIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* kind : {"file link to outside", "folder link to outside", "named pipe",
                                 "store via hard link"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }
    void csvOutsideOrNotARegularFileIsRefused()
    {
        QFETCH(QString, kind);
        QTemporaryDir outside;
        const QString csv = test::plantRead(kind, m_fx->root(), outside.path(),
                                            QStringLiteral("data"), QStringLiteral(".csv"), 0);
        QVERIFY(!csv.isEmpty());
        const auto r = m_tool.execute({{"dataset", {{"csv", csv.toStdString()}}},
                                       {"id_column", "id"},
                                       {"checks", {{"outliers", {{"amount", "amount"}}}}}},
                                      m_fx->context());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, test::hostileReadCode(kind));
        QVERIFY2(!r.errorMessage().toUtf8().contains("root:*"), qPrintable(r.errorMessage()));
    }

    void needsAtLeastOneCheck()
    {
        const auto r = check(ledger(), Json::object());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("invalid_arguments"));
    }

    void worksOnSqlDatasets()
    {
        QVERIFY(
            m_fx->execLedger(
                    "CREATE TABLE je(id INTEGER, date TEXT, period TEXT);"
                    "INSERT INTO je VALUES (1,'2026-07-03','2026-07'),(2,'2026-06-30','2026-07');")
                .ok());
        const auto r =
            m_tool.execute({{"dataset", {{"sql", "SELECT * FROM je"}}},
                            {"id_column", "id"},
                            {"checks", {{"period", {{"date", "date"}, {"period", "period"}}}}}},
                           m_fx->context());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE(ids(*r, "wrong_period"), QStringList({"2"}));
    }

    void schemaValidatesArguments_data()
    {
        QTest::addColumn<QString>("args");
        QTest::addColumn<bool>("valid");
        QTest::newRow("all checks") << R"({"dataset":{"handle":"s1"},"id_column":"id","checks":{
            "outliers":{"amount":"a","group_by":["g"],"method":"iqr","threshold":3,"min_group_size":5},
            "duplicates":{"columns":["a","b"]},"period":{"date":"d","period":"p"},
            "fx":{"amount":"a","rate":"r","converted":"c","tolerance":"0.01"},
            "orphans":{"reference":"r","when":{"column":"t","equals":"x"},"target":{"csv":"t.csv"},"target_key":"k"}}})"
                                    << true;
        QTest::newRow("no checks")
            << R"({"dataset":{"handle":"s1"},"id_column":"id","checks":{}})" << false;
        QTest::newRow("unknown check")
            << R"({"dataset":{"handle":"s1"},"id_column":"id","checks":{"benford":{}}})" << false;
        QTest::newRow("bad method")
            << R"({"dataset":{"handle":"s1"},"id_column":"id","checks":{"outliers":{"amount":"a","method":"zscore"}}})"
            << false;
        QTest::newRow("missing id")
            << R"({"dataset":{"handle":"s1"},"checks":{"duplicates":{"columns":["a"]}}})" << false;
    }

    void schemaValidatesArguments()
    {
        QFETCH(QString, args);
        QFETCH(bool, valid);
        auto validator = SchemaValidator::compile(m_tool.inputSchema());
        QVERIFY2(validator.ok(), validator.ok() ? "" : qPrintable(validator.errorMessage()));
        QCOMPARE((*validator)->validate(Json::parse(args.toStdString())).empty(), valid);
    }
};

QTEST_GUILESS_MAIN(TestDetectAnomaliesTool)
#include "TestDetectAnomaliesTool.moc"
