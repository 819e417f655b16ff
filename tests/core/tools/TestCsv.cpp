// Csv: RFC 4180 parsing into a Table of strings, and errors that name the line.

#include <QtTest>

#include "core/tools/support/ToolFixture.h"
#include "tools/data/Csv.h"

using namespace awb;

namespace {
Json rowsOf(const Table& t)
{
    Json rows = Json::array();
    for (const auto& r : t.rows)
        rows.push_back(Json(r));
    return rows;
}
} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void parsesRecords_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<QString>("rows"); // JSON
        QTest::newRow("simple") << QByteArray("a,b\n1,2\n3,4\n") << QStringList{"a", "b"}
                                << R"([["1","2"],["3","4"]])";
        QTest::newRow("no final newline")
            << QByteArray("a,b\n1,2") << QStringList{"a", "b"} << R"([["1","2"]])";
        QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << QStringList{"a", "b"}
                              << R"([["1","2"],["3","4"]])";
        QTest::newRow("quoted delimiter")
            << QByteArray("a,b\n\"x,y\",2\n") << QStringList{"a", "b"} << R"([["x,y","2"]])";
        QTest::newRow("escaped quotes")
            << QByteArray("a\n\"say \"\"hi\"\"\"\n") << QStringList{"a"}
            << "[[\"say \\\"hi\\\"\"]]"; // moc misreads \" in raw strings
        QTest::newRow("embedded newline") << QByteArray("a,b\n\"line1\r\nline2\",2\n")
                                          << QStringList{"a", "b"} << R"([["line1\r\nline2","2"]])";
        QTest::newRow("empty fields")
            << QByteArray("a,b,c\n,,\n1,,\"\"\n") << QStringList{"a", "b", "c"}
            << R"([["","",""],["1","",""]])";
        QTest::newRow("blank lines skipped")
            << QByteArray("a\n\n1\n\r\n2\n\n") << QStringList{"a"} << R"([["1"],["2"]])";
        QTest::newRow("bom and trimmed header")
            << QByteArray("\xEF\xBB\xBFid , amount\n1,2.50\n") << QStringList{"id", "amount"}
            << R"([["1","2.50"]])";
        QTest::newRow("numbers stay strings")
            << QByteArray("n\n007\n1e3\n") << QStringList{"n"} << R"([["007"],["1e3"]])";
        QTest::newRow("utf8") << QByteArray("name\nMüller\n") << QStringList{"name"}
                              << R"([["Müller"]])";
        QTest::newRow("header only") << QByteArray("a,b\n") << QStringList{"a", "b"} << "[]";
    }

    void parsesRecords()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, columns);
        QFETCH(QString, rows);
        const auto table = parseCsv(csv);
        QVERIFY2(table.ok(), table.ok() ? "" : qPrintable(table.errorMessage()));
        QCOMPARE(table->columns, columns);
        QCOMPARE(rowsOf(*table), Json::parse(rows.toStdString()));
    }

    void reportsErrorsWithLine_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("unterminated quote")
            << QByteArray("a,b\n1,2\n3,\"open\n4,5\n") << "line 3: unterminated quoted field";
        QTest::newRow("too many fields")
            << QByteArray("a,b\n1,2\n1,2,3\n") << "line 3: 3 fields, but the header has 2";
        QTest::newRow("too few fields")
            << QByteArray("a,b\n1\n") << "line 2: 1 fields, but the header has 2";
        QTest::newRow("text after closing quote")
            << QByteArray("a\n\"x\"y\n") << "line 2: unexpected character";
        QTest::newRow("line counts quoted newlines")
            << QByteArray("a,b\n\"1\n2\",3\n4\n") << "line 4: 1 fields";
        QTest::newRow("empty") << QByteArray("\n\n") << "empty: a header row is required";
    }

    void reportsErrorsWithLine()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        CsvOptions options;
        options.sourceName = QStringLiteral("bookings.csv");
        const auto table = parseCsv(csv, options);
        QVERIFY(!table.ok());
        QCOMPARE(table.error().code, QStringLiteral("invalid_csv"));
        QVERIFY2(table.errorMessage().startsWith(QLatin1String("bookings.csv")),
                 qPrintable(table.errorMessage()));
        QVERIFY2(table.errorMessage().contains(message), qPrintable(table.errorMessage()));
    }

    void customDelimiter()
    {
        CsvOptions options;
        options.delimiter = ';';
        const auto table = parseCsv("a;b\n\"1;0\";2\n", options);
        QVERIFY(table.ok());
        QCOMPARE(rowsOf(*table), Json::parse(R"([["1;0","2"]])"));
    }

    void latin1IsReadAsLatin1()
    {
        const auto table = parseCsv(QByteArray("name\nM\xFCller\n"));
        QVERIFY(table.ok());
        QCOMPARE(table->rows[0][0], Json("Müller"));
    }

    // A file cut inside its last character is not UTF-8 either: it used to pass the check and
    // leave bytes in a cell that the journal's JSON cannot hold (found by fuzz_csv).
    void fileEndingInsideACharacterIsReadAsLatin1()
    {
        const auto table = parseCsv(QByteArray("name\nM\xC3\xBCller\nK\xC3"));
        QVERIFY(table.ok());
        QCOMPARE(table->rows[0][0], Json("MÃ¼ller"));
        QCOMPARE(table->rows[1][0], Json("KÃ"));
        QCOMPARE(QString::fromStdString(table->toJson().dump()),
                 QStringLiteral(R"({"columns":["name"],"row_count":2,"rows":[["MÃ¼ller"],["KÃ"]],)"
                                R"("truncated":false})"));
    }

    // Found by fuzz_csv: a byte-order mark after leading spaces was dropped when the name became a
    // QString, leaving the spaces behind it, so "amount" was not found and the table did not read
    // back the same when written out.
    void headerNamesAreTrimmedOfByteOrderMarks_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("columns");
        QTest::newRow("after spaces")
            << QByteArray("  \xEF\xBB\xBF id , amount\n1,2\n") << QStringList{"id", "amount"};
        QTest::newRow("quoted, second column")
            << QByteArray("id,\"\xEF\xBB\xBF amount \"\n1,2\n") << QStringList{"id", "amount"};
        QTest::newRow("twice, at the end")
            << QByteArray("id,amount \xEF\xBB\xBF\xEF\xBB\xBF\n1,2\n")
            << QStringList{"id", "amount"};
    }
    void headerNamesAreTrimmedOfByteOrderMarks()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, columns);
        const auto table = parseCsv(csv);
        QVERIFY(table.ok());
        QCOMPARE(table->columns, columns);
        QCOMPARE(table->columnIndex(QStringLiteral("amount")), 1);
    }

    void readsFileAndNamesMissingOne()
    {
        test::ToolFixture fx;
        QVERIFY(fx.setupError().isEmpty());
        QVERIFY(fx.writeFile(QStringLiteral("data/x.csv"), "k,v\r\nA,1\r\n"));
        const auto table = readCsvFile(fx.root() + QStringLiteral("/data/x.csv"));
        QVERIFY(table.ok());
        QCOMPARE(int(table->rows.size()), 1);
        const QString missing = fx.root() + QStringLiteral("/data/missing.csv");
        const auto none = readCsvFile(missing);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QStringLiteral("not_found"));
        QVERIFY(none.errorMessage().contains(missing));
    }

    void parsesALargeFile()
    {
        QByteArray csv = "id,account,amount\n";
        for (int i = 0; i < 100000; ++i)
            csv += QByteArray::number(i) + ",\"40" + QByteArray::number(i % 10) + "\"," +
                   QByteArray::number(i) + ".25\n";
        const auto table = parseCsv(csv);
        QVERIFY(table.ok());
        QCOMPARE(int(table->rows.size()), 100000);
        QCOMPARE(table->rows[99999][2], Json("99999.25"));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"
