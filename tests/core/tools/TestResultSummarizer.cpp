// summarizeForModel: what the model sees of a large tool result.

#include <QtTest>

#include "tools/ResultSummarizer.h"

using namespace awb;

namespace {
Json numberedTable(int rows)
{
    Json t = {{"columns", {"n", "label"}}, {"rows", Json::array()}, {"source", "ledger"}};
    for (int i = 0; i < rows; ++i)
        t["rows"].push_back({i, QStringLiteral("row %1").arg(i).toStdString()});
    return t;
}
} // namespace

class TestResultSummarizer : public QObject
{
    Q_OBJECT

private slots:
    void smallResultIsUnchangedButForTheHandle()
    {
        const Json full = numberedTable(20);
        Json expected = full;
        expected["handle"] = "s4";
        QCOMPARE(summarizeForModel(full, "s4", 20), expected);
    }

    void largeTableBecomesHeadTailAndCount()
    {
        const Json s = summarizeForModel(numberedTable(1000), "s4", 20);
        QVERIFY(!s.contains("rows"));
        QCOMPARE(s["row_count"], Json(1000));
        QCOMPARE(s["head"].size(), std::size_t(5));
        QCOMPARE(s["tail"].size(), std::size_t(5));
        QCOMPARE(s["head"][0][0], Json(0));
        QCOMPARE(s["tail"][0][0], Json(995));
        QCOMPARE(s["tail"][4][0], Json(999));
        QCOMPARE(s["columns"], Json({"n", "label"}));
        QCOMPARE(s["source"], Json("ledger"));
        QCOMPARE(s["handle"], Json("s4"));
    }

    void noteTellsTheModelHowToPage()
    {
        const Json s = summarizeForModel(numberedTable(1000), "s4", 20);
        const QString note = toQ(s["note"].get<std::string>());
        QVERIFY2(note.contains(QLatin1String("1000 rows")), qPrintable(note));
        QVERIFY2(note.contains(QLatin1String(R"(sql_query {"handle":"s4","limit":20,"offset":5})")),
                 qPrintable(note));
    }

    void keepsAnExistingTotalRowCount()
    {
        Json page = numberedTable(100);
        page["row_count"] = 5000;
        const Json s = summarizeForModel(page, "s9", 20);
        QCOMPARE(s["row_count"], Json(5000));
    }

    void headAndTailDoNotOverlap()
    {
        const Json s = summarizeForModel(numberedTable(7), "s1", 3);
        QCOMPARE(s["head"].size(), std::size_t(5));
        QCOMPARE(s["tail"], Json::parse(R"([[5,"row 5"],[6,"row 6"]])"));
    }

    void longArraysAreCutWithCountAndNote()
    {
        Json full = {
            {"summary", {{"matched", 3}}}, {"mismatched", Json::array()}, {"labels", {"a", "b"}}};
        for (int i = 0; i < 50; ++i)
            full["mismatched"].push_back({{"key", i}});
        const Json s = summarizeForModel(full, "s7", 20);
        QCOMPARE(s["mismatched"].size(), std::size_t(20));
        QCOMPARE(s["mismatched"][19]["key"], Json(19));
        QCOMPARE(s["mismatched_count"], Json(50));
        QCOMPARE(s["labels"], Json({"a", "b"}));
        QCOMPARE(s["summary"], full["summary"]);
        const QString note = toQ(s["note"].get<std::string>());
        QVERIFY2(note.contains(QLatin1String("mismatched: showing the first 20 of 50")),
                 qPrintable(note));
        QVERIFY2(note.contains(QLatin1String(R"("member":"mismatched")")), qPrintable(note));
    }

    void nestedArraysAreCutToo()
    {
        Json full = {{"duplicate_keys", {{"left", Json::array()}, {"right", Json::array()}}}};
        for (int i = 0; i < 30; ++i)
            full["duplicate_keys"]["left"].push_back(i);
        const Json s = summarizeForModel(full, "s2", 10);
        QCOMPARE(s["duplicate_keys"]["left"].size(), std::size_t(10));
        QCOMPARE(s["duplicate_keys"]["left_count"], Json(30));
        QVERIFY(toQ(s["note"].get<std::string>()).contains(QLatin1String("duplicate_keys.left")));
    }

    void wideTableKeepsAllColumns()
    {
        Json t = {{"columns", Json::array()}, {"rows", {Json::array()}}};
        for (int i = 0; i < 40; ++i) {
            t["columns"].push_back(QStringLiteral("c%1").arg(i).toStdString());
            t["rows"][0].push_back(i);
        }
        const Json s = summarizeForModel(t, "s3", 20);
        QCOMPARE(s["columns"].size(), std::size_t(40));
        QCOMPARE(s["rows"][0].size(), std::size_t(40));
        QVERIFY(!s.contains("note"));
    }

    void appendsToAToolsOwnNote()
    {
        Json t = numberedTable(30);
        t["note"] = "Cut off at 30 rows.";
        const QString note = toQ(summarizeForModel(t, "s1", 20)["note"].get<std::string>());
        QVERIFY2(note.startsWith(QLatin1String("Cut off at 30 rows. This result holds 30 rows")),
                 qPrintable(note));
    }

    void wrapsNonObjects()
    {
        const Json s = summarizeForModel(Json::array({1, 2, 3}), "s5", 2);
        QCOMPARE(s["value"], Json::array({1, 2}));
        QCOMPARE(s["value_count"], Json(3));
        QCOMPARE(s["handle"], Json("s5"));
    }

    void isDeterministic()
    {
        Json full = numberedTable(300);
        full["anomalies"] = Json::array();
        for (int i = 0; i < 40; ++i)
            full["anomalies"].push_back({{"id", i}});
        QCOMPARE(canonicalJson(summarizeForModel(full, "s8", 20)),
                 canonicalJson(summarizeForModel(full, "s8", 20)));
    }
};

QTEST_GUILESS_MAIN(TestResultSummarizer)
#include "TestResultSummarizer.moc"
