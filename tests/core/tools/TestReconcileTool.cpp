// reconcile: matching two datasets by key with a tolerance, across SQL, CSV and stored results.

#include <QElapsedTimer>
#include <QtTest>

#include "core/tools/support/ToolFixture.h"
#include "support/HostileFiles.h"
#include "tools/builtin/ReconcileTool.h"
#include "util/SchemaValidator.h"

using namespace awb;

class TestReconcileTool : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ToolFixture> m_fx;
    ReconcileTool m_tool;

    Result<Json> call(const Json& args) { return m_tool.execute(args, m_fx->context()); }

    // left: stored result "L", right: stored result "R"; key "k", amount "amt".
    Result<Json> callStored(const Json& left, const Json& right, Json extra = Json::object())
    {
        m_fx->results.results["L"] = left;
        m_fx->results.results["R"] = right;
        Json args = {{"left", {{"handle", "L"}}},
                     {"right", {{"handle", "R"}}},
                     {"left_key", "k"},
                     {"left_amount", "amt"}};
        args.update(extra);
        return call(args);
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<test::ToolFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
    }

    void classifiesKeys()
    {
        const Json left =
            test::tableJson({"k", "amt"}, {{"A", "100.00"}, {"B", "50.00"}, {"C", "10.00"}});
        const Json right =
            test::tableJson({"k", "amt"}, {{"A", "100.00"}, {"B", "45.00"}, {"D", "7.00"}});
        const auto r = callStored(left, right);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        const Json& s = (*r)["summary"];
        QCOMPARE(s["left_rows"], Json(3));
        QCOMPARE(s["right_keys"], Json(3));
        QCOMPARE(s["matched"], Json(1));
        QCOMPARE(s["mismatched"], Json(1));
        QCOMPARE(s["missing_in_left"], Json(1));
        QCOMPARE(s["missing_in_right"], Json(1));
        QCOMPARE(s["left_total"], Json("160.00"));
        QCOMPARE(s["right_total"], Json("152.00"));
        QCOMPARE(s["difference"], Json("8.00"));
        QCOMPARE(
            (*r)["mismatched"],
            Json::parse(
                R"([{"key":"B","left_amount":"50.00","right_amount":"45.00","difference":"5.00",
                                  "left":{"k":"B","amt":"50.00"},"right":{"k":"B","amt":"45.00"}}])"));
        QCOMPARE((*r)["missing_in_left"],
                 Json::parse(R"([{"key":"D","amount":"7.00","row":{"k":"D","amt":"7.00"}}])"));
        QCOMPARE((*r)["missing_in_right"],
                 Json::parse(R"([{"key":"C","amount":"10.00","row":{"k":"C","amt":"10.00"}}])"));
        QCOMPARE((*r)["labels"], Json::parse(R"({"left":"left","right":"right"})"));
    }

    void absoluteToleranceMatchesSmallDifferences_data()
    {
        QTest::addColumn<QString>("right");
        QTest::addColumn<bool>("matches");
        QTest::newRow("inside") << "100.49" << true;
        QTest::newRow("on the edge") << "100.50" << true;
        QTest::newRow("outside") << "100.51" << false;
        QTest::newRow("below, outside") << "99.49" << false;
    }

    void absoluteToleranceMatchesSmallDifferences()
    {
        QFETCH(QString, right);
        QFETCH(bool, matches);
        const auto r = callStored(test::tableJson({"k", "amt"}, {{"A", "100.00"}}),
                                  test::tableJson({"k", "amt"}, {{"A", right.toStdString()}}),
                                  {{"tolerance", {{"absolute", "0.50"}}}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["summary"]["matched"], Json(matches ? 1 : 0));
        QCOMPARE((*r)["summary"]["mismatched"], Json(matches ? 0 : 1));
        QCOMPARE((*r)["tolerance"]["absolute"], Json("0.50"));
    }

    void relativeToleranceScalesWithTheLargerAmount()
    {
        // 0.1 % of 100000 = 100: a 99.00 difference matches, on 1000 it does not (absolute 1.00
        // wins there).
        const auto r =
            callStored(test::tableJson({"k", "amt"}, {{"big", "100000.00"}, {"small", "1000.00"}}),
                       test::tableJson({"k", "amt"}, {{"big", "99901.00"}, {"small", "1099.00"}}),
                       {{"tolerance", {{"absolute", "1.00"}, {"relative", "0.001"}}}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["summary"]["matched"], Json(1));
        QCOMPARE((*r)["summary"]["matched_within_tolerance"], Json(1));
        QCOMPARE((*r)["mismatched"][0]["key"], Json("small"));
        QCOMPARE((*r)["tolerance"]["relative"], Json("0.001"));
    }

    void sumsDuplicateKeysAndListsThem()
    {
        const auto r =
            callStored(test::tableJson({"k", "amt"}, {{"A", "60.00"}, {"A", "40.00"}, {"B", "1"}}),
                       test::tableJson({"k", "amt"}, {{"A", 100}, {"B", 1}, {"B", 0}, {"B", "0"}}));
        QVERIFY(r.ok());
        QCOMPARE((*r)["summary"]["matched"], Json(2));
        QCOMPARE((*r)["duplicate_keys"],
                 Json::parse(R"({"left":[{"key":"A","rows":2}],"right":[{"key":"B","rows":3}]})"));
    }

    void normalisesKeysAcrossTypes()
    {
        // SQL integers, CSV strings with spaces and floats that are whole numbers are the same key.
        const auto r =
            callStored(test::tableJson({"k", "amt"}, {{1001, 5}, {1002.0, 6}}),
                       test::tableJson({"k", "amt"}, {{" 1001 ", "5"}, {"1002", "6.000"}}));
        QVERIFY(r.ok());
        QCOMPARE((*r)["summary"]["matched"], Json(2));
    }

    void ordersMismatchesByLargestDifference()
    {
        const auto r = callStored(
            test::tableJson({"k", "amt"}, {{"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "1"}}),
            test::tableJson({"k", "amt"}, {{"a", "3"}, {"b", "-9"}, {"c", "5"}, {"d", "-1"}}));
        QVERIFY(r.ok());
        QStringList keys;
        for (const Json& m : (*r)["mismatched"])
            keys << toQ(m["key"].get<std::string>());
        // |diff|: a 2, b 10, c 4, d 2 -> b, c, then a and d by key
        QCOMPARE(keys, QStringList({"b", "c", "a", "d"}));
        QCOMPARE((*r)["mismatched"][0]["difference"], Json("10.00"));
        QCOMPARE((*r)["mismatched"][1]["difference"], Json("-4.00"));
    }

    void sortsMissingKeysNumericallyWhenTheyAreNumbers()
    {
        const auto r =
            callStored(test::tableJson({"k", "amt"}, {{10, 1}, {9, 1}, {"x", 1}, {100, 1}}),
                       test::tableJson({"k", "amt"}, {}));
        QVERIFY(r.ok());
        QStringList keys;
        for (const Json& m : (*r)["missing_in_right"])
            keys << toQ(m["key"].get<std::string>());
        QCOMPARE(keys, QStringList({"9", "10", "100", "x"}));
    }

    void usesSeparateColumnNamesAndLabels()
    {
        const auto r = callStored(test::tableJson({"k", "amt"}, {{"A", "1.00"}}),
                                  test::tableJson({"invoice", "net"}, {{"A", "1.00"}}),
                                  {{"right_key", "invoice"},
                                   {"right_amount", "net"},
                                   {"left_label", "ledger"},
                                   {"right_label", "crm"}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE((*r)["summary"]["matched"], Json(1));
        QCOMPARE((*r)["labels"], Json::parse(R"({"left":"ledger","right":"crm"})"));
    }

    void missingColumnListsAvailableOnes()
    {
        const auto r =
            callStored(test::tableJson({"k", "amt"}, {}), test::tableJson({"key", "amount"}, {}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("unknown_column"));
        QVERIFY2(r.errorMessage().contains(
                     QLatin1String("right: column \"k\" (right_key) does not exist")),
                 qPrintable(r.errorMessage()));
        QVERIFY2(r.errorMessage().contains(QLatin1String("\"key\", \"amount\"")),
                 qPrintable(r.errorMessage()));
    }

    void unparsableAmountNamesRowAndColumn()
    {
        const auto r =
            callStored(test::tableJson({"k", "amt"}, {{"A", "1.00"}, {"B", "12,50 EUR"}}),
                       test::tableJson({"k", "amt"}, {}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("invalid_amount"));
        QVERIFY2(
            r.errorMessage().contains(QLatin1String("left: row 2, column \"amt\": \"12,50 EUR\"")),
            qPrintable(r.errorMessage()));
    }

    void nullAmountsCountAsZero()
    {
        const auto r = callStored(test::tableJson({"k", "amt"}, {{"A", nullptr}, {"A", "2"}}),
                                  test::tableJson({"k", "amt"}, {{"A", "2"}}));
        QVERIFY(r.ok());
        QCOMPARE((*r)["summary"]["matched"], Json(1));
    }

    void negativeToleranceIsRejected()
    {
        const auto r =
            callStored(test::tableJson({"k", "amt"}, {}), test::tableJson({"k", "amt"}, {}),
                       {{"tolerance", {{"absolute", "-1"}}}});
        QVERIFY(!r.ok());
        QVERIFY(r.errorMessage().contains(QLatin1String("tolerance.absolute")));
    }

    void reconcilesSqlAgainstCsv()
    {
        QVERIFY(
            m_fx->execLedger("CREATE TABLE gl(invoice TEXT, amount INTEGER);"
                             "INSERT INTO gl VALUES ('INV-1', 100), ('INV-2', 250), ('INV-3', 75);")
                .ok());
        QVERIFY(m_fx->writeFile("data/crm.csv",
                                "invoice,net\r\nINV-1,100.00\r\nINV-2,\"249.00\"\r\nINV-4,5\r\n"));
        const auto r =
            call({{"left", {{"sql", "SELECT invoice, amount FROM gl"}, {"source", "ledger"}}},
                  {"right", {{"csv", "data/crm.csv"}}},
                  {"left_key", "invoice"},
                  {"left_amount", "amount"},
                  {"right_amount", "net"}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE((*r)["summary"]["matched"], Json(1));
        QCOMPARE((*r)["mismatched"][0]["key"], Json("INV-2"));
        QCOMPARE((*r)["mismatched"][0]["difference"], Json("1.00"));
        QCOMPARE((*r)["missing_in_left"][0]["key"], Json("INV-4"));
        QCOMPARE((*r)["missing_in_right"][0]["key"], Json("INV-3"));
    }

    void csvLinkedOutsideLeaksNoLineThroughTheColumnError()
    {
        // Issue 11: a CSV that is a link to /etc/shadow showed its first line as the "available
        // columns" of an unknown-column error.
        QTemporaryDir outside;
        QVERIFY(test::writeBytes(outside.filePath(QStringLiteral("shadow")),
                                 test::outsideMarker() + "\ndaemon:*:19000:0:99999:7:::\n"));
        QVERIFY(test::makeSymlink(outside.filePath(QStringLiteral("shadow")),
                                  m_fx->root() + QStringLiteral("/data/crm.csv")));
        m_fx->results.results["L"] = test::tableJson({"k", "amt"}, {{"A", "1.00"}});
        const auto r = call({{"left", {{"handle", "L"}}},
                             {"right", {{"csv", "data/crm.csv"}}},
                             {"left_key", "k"},
                             {"left_amount", "amt"},
                             {"right_key", "deal_id"}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("symlink_refused"));
        QVERIFY2(!r.errorMessage().contains(QLatin1String("root:")), qPrintable(r.errorMessage()));
    }

    void columnListOfAnUnknownColumnErrorIsCapped()
    {
        QByteArray header;
        for (int i = 0; i < 2000; ++i)
            header += (i ? "," : "") + QByteArray(100, char('a' + i % 26)) + QByteArray::number(i);
        QVERIFY(m_fx->writeFile("data/wide.csv", header + "\n"));
        m_fx->results.results["L"] = test::tableJson({"k", "amt"}, {{"A", "1.00"}});
        const auto r = call({{"left", {{"handle", "L"}}},
                             {"right", {{"csv", "data/wide.csv"}}},
                             {"left_key", "k"},
                             {"left_amount", "amt"},
                             {"right_key", "deal_id"}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("unknown_column"));
        QVERIFY2(r.errorMessage().size() < 2500, qPrintable(r.errorMessage().left(300)));
        QVERIFY2(r.errorMessage().contains(QLatin1String("more")), qPrintable(r.errorMessage()));
    }

    void truncatedDatasetIsAnError()
    {
        m_fx = std::make_unique<test::ToolFixture>(Json{{"row_limit", 2}});
        QVERIFY(m_fx->execLedger("CREATE TABLE gl(k TEXT, amt INTEGER); INSERT INTO gl VALUES "
                                 "('a',1),('b',2),('c',3);")
                    .ok());
        const auto r = call({{"left", {{"sql", "SELECT * FROM gl"}}},
                             {"right", {{"sql", "SELECT * FROM gl"}}},
                             {"left_key", "k"},
                             {"left_amount", "amt"}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("dataset_truncated"));
    }

    void schemaValidatesArguments_data()
    {
        QTest::addColumn<QString>("args");
        QTest::addColumn<bool>("valid");
        QTest::newRow("minimal")
            << R"({"left":{"handle":"s1"},"right":{"csv":"a.csv"},"left_key":"k","left_amount":"a"})"
            << true;
        QTest::newRow("full")
            << R"({"left":{"sql":"SELECT 1","source":"ledger"},"right":{"handle":"s2"},
            "left_key":"k","right_key":"k2","left_amount":"a","right_amount":"b",
            "tolerance":{"absolute":"0.50","relative":"0.001"},"left_label":"ledger","right_label":"crm"})"
            << true;
        QTest::newRow("missing key")
            << R"({"left":{"handle":"s1"},"right":{"handle":"s2"},"left_amount":"a"})" << false;
        QTest::newRow("bad tolerance")
            << R"({"left":{"handle":"s1"},"right":{"handle":"s2"},"left_key":"k",
            "left_amount":"a","tolerance":{"absolute":"half"}})"
            << false;
        QTest::newRow("two dataset kinds")
            << R"({"left":{"handle":"s1","csv":"x"},"right":{"handle":"s2"},
            "left_key":"k","left_amount":"a"})"
            << false;
    }

    void schemaValidatesArguments()
    {
        QFETCH(QString, args);
        QFETCH(bool, valid);
        auto validator = SchemaValidator::compile(m_tool.inputSchema());
        QVERIFY2(validator.ok(), validator.ok() ? "" : qPrintable(validator.errorMessage()));
        QCOMPARE((*validator)->validate(Json::parse(args.toStdString())).empty(), valid);
    }

    void reconciles100kRows()
    {
        const int n = 100000;
        Json left = {{"columns", {"k", "amt"}}, {"rows", Json::array()}};
        Json right = left;
        for (int i = 0; i < n; ++i) {
            const std::string key = QStringLiteral("INV-%1").arg(i).toStdString();
            left["rows"].push_back({key, QStringLiteral("%1.25").arg(i).toStdString()});
            // every 100th differs; every 1000th is missing on the right
            if (i % 1000 != 0)
                right["rows"].push_back(
                    {key,
                     QStringLiteral("%1.%2").arg(i).arg(i % 100 == 0 ? 75 : 25).toStdString()});
        }
        const auto r = callStored(left, right);
        QVERIFY(r.ok());
        QCOMPARE((*r)["summary"]["missing_in_right"], Json(100));
        QCOMPARE((*r)["summary"]["mismatched"], Json(900));
    }
};

QTEST_GUILESS_MAIN(TestReconcileTool)
#include "TestReconcileTool.moc"
