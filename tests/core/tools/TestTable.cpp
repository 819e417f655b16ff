// Table: the JSON shape tools exchange, and reading it back from stored results.

#include <QtTest>

#include "tools/data/Table.h"

using namespace awb;

class TestTable : public QObject
{
    Q_OBJECT

private slots:
    void toJsonHasColumnsRowsCountAndTruncation()
    {
        Table t;
        t.columns = {"id", "amount"};
        t.rows = {{Json(1), Json("2.50")}, {Json(2), Json()}};
        t.truncated = true;
        QCOMPARE(t.toJson(), Json::parse(R"({"columns":["id","amount"],"rows":[[1,"2.50"],[2,null]],
                                             "row_count":2,"truncated":true})"));
    }

    void roundTripsThroughJson()
    {
        Table t;
        t.columns = {"a", "b"};
        t.rows = {{Json("x"), Json(1.5)}};
        const auto back = Table::fromJson(t.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->columns, t.columns);
        QCOMPARE(Json(back->rows), Json(t.rows));
        QVERIFY(!back->truncated);
    }

    void readsArrayOfObjectsWithColumnsInFirstSeenOrder()
    {
        const auto t = Table::fromJson(Json::parse(R"([{"b":1,"a":2},{"c":3}])"));
        QVERIFY(t.ok());
        QCOMPARE(t->columns, QStringList({"a", "b", "c"}));
        QCOMPARE(Json(t->rows), Json::parse(R"([[2,1,null],[null,null,3]])"));
    }

    void readsRowsGivenAsObjects()
    {
        const auto t =
            Table::fromJson(Json::parse(R"({"columns":["k","v"],"rows":[{"v":1,"k":"a"}]})"));
        QVERIFY(t.ok());
        QCOMPARE(t->columns, QStringList({"k", "v"}));
        QCOMPARE(Json(t->rows), Json::parse(R"([["a",1]])"));
    }

    void keepsExtraMembersOutOfTheTable()
    {
        const auto t = Table::fromJson(Json::parse(
            R"({"source":"ledger","columns":["x"],"rows":[[1]],"row_count":1,"truncated":true})"));
        QVERIFY(t.ok());
        QCOMPARE(t->columns, QStringList({"x"}));
        QVERIFY(t->truncated);
    }

    void rejectsWhatIsNotATable_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("number") << "42"
                                << "got a number";
        QTest::newRow("object without rows") << R"({"summary":{}})"
                                             << "no \"columns\" and \"rows\"";
        QTest::newRow("ragged row") << R"({"columns":["a","b"],"rows":[[1]]})"
                                    << "row 1 is not an array of 2 cells";
        QTest::newRow("array of numbers") << "[1,2]"
                                          << "row 1 is not an object";
        QTest::newRow("column not a string") << R"({"columns":[1],"rows":[]})"
                                             << "column names must be strings";
    }

    void rejectsWhatIsNotATable()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const auto t = Table::fromJson(Json::parse(json.toStdString()));
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, QStringLiteral("invalid_table"));
        QVERIFY2(t.errorMessage().contains(message), qPrintable(t.errorMessage()));
    }

    void columnIndexFindsByName()
    {
        Table t;
        t.columns = {"a", "b"};
        QCOMPARE(t.columnIndex("b"), 1);
        QCOMPARE(t.columnIndex("z"), -1);
    }
};

QTEST_GUILESS_MAIN(TestTable)
#include "TestTable.moc"
