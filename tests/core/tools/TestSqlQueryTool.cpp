// sql_query: read-only queries against a workspace source, and paging through stored results.

#include <QtTest>

#include "core/tools/support/ToolFixture.h"
#include "tools/builtin/SqlQueryTool.h"
#include "util/SchemaValidator.h"

using namespace awb;

class TestSqlQueryTool : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ToolFixture> m_fx;
    SqlQueryTool m_tool;

    Result<Json> call(const Json& args) { return m_tool.execute(args, m_fx->context()); }

private slots:
    void init()
    {
        m_fx = std::make_unique<test::ToolFixture>(Json{{"row_limit", 4}});
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        QVERIFY(
            m_fx->execLedger("CREATE TABLE gl(id INTEGER, account TEXT, amount REAL);"
                             "INSERT INTO gl VALUES (1,'4000',100.5),(2,'4000',200),(3,'5000',-50),"
                             "(4,'5000',10),(5,'6000',1);")
                .ok());
        Json stored = {{"columns", {"n"}}, {"rows", Json::array()}, {"source", "ledger"}};
        for (int i = 0; i < 120; ++i)
            stored["rows"].push_back({i});
        m_fx->results.results["s4"] = stored;
        m_fx->results.results["s5"] = {
            {"summary", {{"matched", 1}}},
            {"mismatched", {{{"key", "A"}}, {{"key", "B"}}, {{"key", "C"}}}}};
    }

    void describesItself()
    {
        QCOMPARE(m_tool.name(), QStringLiteral("sql_query"));
        QCOMPARE(m_tool.effect(), EffectClass::Read);
        QCOMPARE(m_tool.timeout(), std::chrono::milliseconds(30000));
        QVERIFY(m_tool.description().contains(QLatin1String("handle")));
    }

    void queryReturnsRowsWithSource()
    {
        const auto r = call(
            {{"query",
              "SELECT account, SUM(amount) AS total FROM gl GROUP BY account ORDER BY account"}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE((*r)["source"], Json("ledger"));
        QCOMPARE((*r)["columns"], Json({"account", "total"}));
        QCOMPARE((*r)["rows"], Json::parse(R"([["4000",300.5],["5000",-40.0],["6000",1.0]])"));
        QCOMPARE((*r)["row_count"], Json(3));
        QCOMPARE((*r)["truncated"], Json(false));
    }

    void queryIsCutAtTheWorkspaceRowLimit()
    {
        const auto r = call({{"query", "SELECT id FROM gl"}, {"max_rows", 1000}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["row_count"], Json(4));
        QCOMPARE((*r)["truncated"], Json(true));
        QVERIFY((*r).contains("note"));
    }

    void maxRowsLimitsRows()
    {
        const auto r = call({{"query", "SELECT id FROM gl ORDER BY id"}, {"max_rows", 2}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["rows"], Json::parse("[[1],[2]]"));
        QCOMPARE((*r)["truncated"], Json(true));
    }

    void bindsParams()
    {
        const auto r = call({{"query", "SELECT id FROM gl WHERE account = ? AND amount > ?"},
                             {"params", {"5000", 0}}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["rows"], Json::parse("[[4]]"));
    }

    void writesAreRefused()
    {
        const auto r = call({{"query", "UPDATE gl SET amount = 0"}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sql_refused"));
        const auto check = call({{"query", "SELECT SUM(amount) FROM gl"}});
        QVERIFY(check.ok());
        QCOMPARE((*check)["rows"][0][0], Json(261.5));
    }

    void unknownSourceIsAnError()
    {
        const auto r = call({{"query", "SELECT 1"}, {"source", "erp"}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("unknown_source"));
    }

    void pagesThroughStoredResult()
    {
        const auto r = call({{"handle", "s4"}, {"offset", 100}, {"limit", 15}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE((*r)["handle"], Json("s4"));
        QCOMPARE((*r)["offset"], Json(100));
        QCOMPARE((*r)["limit"], Json(15));
        QCOMPARE((*r)["columns"], Json({"n"}));
        QCOMPARE((*r)["rows"].size(), std::size_t(15));
        QCOMPARE((*r)["rows"][0], Json({100}));
        QCOMPARE((*r)["row_count"], Json(120));
    }

    void lastPageIsShort()
    {
        const auto r = call({{"handle", "s4"}, {"offset", 110}, {"limit", 50}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["rows"].size(), std::size_t(10));
        QCOMPARE((*r)["rows"][9], Json({119}));
    }

    void pagingDefaultsToFirstFiftyRows()
    {
        const auto r = call({{"handle", "s4"}});
        QVERIFY(r.ok());
        QCOMPARE((*r)["offset"], Json(0));
        QCOMPARE((*r)["rows"].size(), std::size_t(SqlQueryTool::kDefaultPage));
    }

    void offsetPastTheEndGivesNoRowsAndANote()
    {
        const auto r = call({{"handle", "s4"}, {"offset", 500}});
        QVERIFY(r.ok());
        QVERIFY((*r)["rows"].empty());
        QVERIFY((*r).contains("note"));
    }

    void pagesThroughAMember()
    {
        const auto r =
            call({{"handle", "s5"}, {"member", "mismatched"}, {"offset", 1}, {"limit", 1}});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.errorMessage()));
        QCOMPARE((*r)["rows"], Json::parse(R"([["B"]])"));
        QCOMPARE((*r)["row_count"], Json(3));
        QCOMPARE((*r)["member"], Json("mismatched"));
    }

    void unknownHandleIsAnError()
    {
        const auto r = call({{"handle", "s77"}});
        QVERIFY(!r.ok());
        QVERIFY(r.errorMessage().contains(QLatin1String("s77")));
    }

    void rejectsMixedModes_data()
    {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("both") << R"({"query":"SELECT 1","handle":"s4"})"
                              << "not both";
        QTest::newRow("neither") << R"({"limit":5})"
                                 << "give \"query\"";
        QTest::newRow("offset with query") << R"({"query":"SELECT 1","offset":5})"
                                           << "LIMIT/OFFSET";
        QTest::newRow("params with handle") << R"({"handle":"s4","params":[1]})"
                                            << "applies to a query";
        QTest::newRow("limit too large") << R"({"handle":"s4","limit":501})"
                                         << "between 1 and 500";
    }

    void rejectsMixedModes()
    {
        QFETCH(QString, args);
        QFETCH(QString, message);
        const auto r = call(Json::parse(args.toStdString()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("invalid_arguments"));
        QVERIFY2(r.errorMessage().contains(message), qPrintable(r.errorMessage()));
    }

    void schemaValidatesArguments_data()
    {
        QTest::addColumn<QString>("args");
        QTest::addColumn<bool>("valid");
        QTest::newRow("query") << R"({"query":"SELECT 1","params":[1,"x",null],"max_rows":5})"
                               << true;
        QTest::newRow("handle") << R"({"handle":"s4","offset":0,"limit":500})" << true;
        QTest::newRow("empty") << "{}" << false;
        QTest::newRow("limit 0") << R"({"handle":"s4","limit":0})" << false;
        QTest::newRow("limit 501") << R"({"handle":"s4","limit":501})" << false;
        QTest::newRow("negative offset") << R"({"handle":"s4","offset":-1})" << false;
        QTest::newRow("max_rows 0") << R"({"query":"SELECT 1","max_rows":0})" << false;
        QTest::newRow("object param") << R"({"query":"SELECT ?","params":[{}]})" << false;
        QTest::newRow("unknown key") << R"({"query":"SELECT 1","sql":"x"})" << false;
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

QTEST_GUILESS_MAIN(TestSqlQueryTool)
#include "TestSqlQueryTool.moc"
