// Dataset references: SQL against a workspace source, CSV inside the workspace (never through a
// link, a pipe or the store, and never with a refused file's content in the error), stored results.

#include <QtTest>

#include "core/tools/support/ToolFixture.h"
#include "support/HostileFiles.h"
#include "tools/data/Dataset.h"
#include "util/SchemaValidator.h"

using namespace awb;

class TestDataset : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ToolFixture> m_fx;

private slots:
    void init()
    {
        m_fx = std::make_unique<test::ToolFixture>(Json{{"row_limit", 3}});
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        QVERIFY(m_fx->execLedger(
                        "CREATE TABLE gl(id INTEGER, amount TEXT);"
                        "INSERT INTO gl VALUES (1,'10.00'),(2,'20.00'),(3,'30.00'),(4,'40.00');")
                    .ok());
        QVERIFY(m_fx->writeFile("data/crm.csv", "id,amount\n1,10.00\n2,19.50\n"));
        m_fx->results.results["s2"] = {{"columns", {"id"}}, {"rows", {{7}, {8}}}};
        m_fx->results.results["s3"] = {
            {"summary", {{"n", 1}}},
            {"mismatched", {{{"key", "A"}, {"difference", "1.00"}}}},
            {"duplicate_keys", {{"left", {{{"key", "K"}, {"rows", 2}}}}}}};
    }

    void loadsSqlWithParams()
    {
        const auto t = loadDataset({{"sql", "SELECT id FROM gl WHERE id > ?"}, {"params", {2}}},
                                   m_fx->context());
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.errorMessage()));
        QCOMPARE(Json(t->rows), Json::parse("[[3],[4]]"));
    }

    void sqlUsesTheWorkspaceRowLimit()
    {
        const auto t =
            loadDataset({{"sql", "SELECT id FROM gl"}, {"source", "ledger"}}, m_fx->context());
        QVERIFY(t.ok());
        QCOMPARE(int(t->rows.size()), 3);
        QVERIFY(t->truncated);
        const auto complete =
            loadCompleteDataset({{"sql", "SELECT id FROM gl"}}, m_fx->context(), "left");
        QVERIFY(!complete.ok());
        QCOMPARE(complete.error().code, QStringLiteral("dataset_truncated"));
        QVERIFY(complete.errorMessage().startsWith(QLatin1String("left: ")));
        QVERIFY(complete.errorMessage().contains(QLatin1String("row_limit")));
    }

    void sqlWritesAreRefused()
    {
        const auto t = loadDataset({{"sql", "DELETE FROM gl"}}, m_fx->context());
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, QStringLiteral("sql_refused"));
    }

    void unknownSourceListsKnownOnes()
    {
        const auto t = loadDataset({{"sql", "SELECT 1"}, {"source", "erp"}}, m_fx->context());
        QVERIFY(!t.ok());
        QVERIFY2(t.errorMessage().contains(QLatin1String("known: ledger")),
                 qPrintable(t.errorMessage()));
    }

    void loadsCsvInsideWorkspace()
    {
        const auto t = loadDataset({{"csv", "data/crm.csv"}}, m_fx->context());
        QVERIFY(t.ok());
        QCOMPARE(t->columns, QStringList({"id", "amount"}));
        QCOMPARE(Json(t->rows), Json::parse(R"([["1","10.00"],["2","19.50"]])"));
    }

    void refusesCsvOutsideWorkspace()
    {
        const auto t = loadDataset({{"csv", "../../etc/passwd"}}, m_fx->context());
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, QStringLiteral("path_outside_workspace"));
    }

    void csvOutsideOrNotARegularFileIsRefusedWithoutItsContent_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString& kind : test::hostileReadKinds())
            QTest::newRow(qPrintable(kind)) << kind;
    }
    void csvOutsideOrNotARegularFileIsRefusedWithoutItsContent()
    {
        QFETCH(QString, kind);
        QTemporaryDir outside;
        const QString csv =
            test::plantRead(kind, m_fx->root(), outside.path(), QStringLiteral("data"),
                            QStringLiteral(".csv"), 65 * 1024 * 1024);
        QVERIFY(!csv.isEmpty());
        const auto t = loadDataset({{"csv", csv.toStdString()}}, m_fx->context());
        QVERIFY2(!t.ok(), t.ok() ? qPrintable(t->columns.join(',')) : "");
        QCOMPARE(t.error().code, test::hostileReadCode(kind));
        QVERIFY2(t.errorMessage().contains(csv), qPrintable(t.errorMessage()));
        QVERIFY2(!t.errorMessage().toUtf8().contains("root:*"), qPrintable(t.errorMessage()));
    }

    void csvSwappedForALinkWhileLoadingNeverLeaks()
    {
        QTemporaryDir outside;
        const QString live = m_fx->root() + QStringLiteral("/data/live.csv");
        const QString link = m_fx->root() + QStringLiteral("/data/link.csv");
        QVERIFY(test::writeBytes(live, "id,amount\n1,10.00\n"));
        QVERIFY(test::writeBytes(outside.filePath(QStringLiteral("shadow.csv")),
                                 test::outsideMarker() + "\nroot2,x\n"));
        QVERIFY(test::makeSymlink(outside.filePath(QStringLiteral("shadow.csv")), link));
        test::PathFlipper flipper(live, link);
        for (int i = 0; i < 400; ++i) {
            const auto t = loadDataset({{"csv", "data/live.csv"}}, m_fx->context());
            if (t.ok()) {
                QCOMPARE(t->columns, QStringList({"id", "amount"}));
            } else {
                QVERIFY2(test::isRaceRefusal(t.error().code), qPrintable(t.errorMessage()));
                QVERIFY(!t.errorMessage().toUtf8().contains("root:*"));
            }
        }
        QVERIFY(flipper.restore());
        QCOMPARE(flipper.failedErrno(), 0);
        QVERIFY(flipper.swaps() > 0);
        const auto after = loadDataset({{"csv", "data/live.csv"}}, m_fx->context());
        QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.errorMessage()));
        QCOMPARE(after->columns, QStringList({"id", "amount"}));
    }

    void loadsStoredResultByHandle()
    {
        const auto t = loadDataset({{"handle", "s2"}}, m_fx->context());
        QVERIFY(t.ok());
        QCOMPARE(Json(t->rows), Json::parse("[[7],[8]]"));
    }

    void loadsMemberOfStoredResult()
    {
        const auto t = loadDataset({{"handle", "s3"}, {"member", "mismatched"}}, m_fx->context());
        QVERIFY(t.ok());
        QCOMPARE(t->columns, QStringList({"difference", "key"}));
        const auto nested =
            loadDataset({{"handle", "s3"}, {"member", "duplicate_keys.left"}}, m_fx->context());
        QVERIFY(nested.ok());
        QCOMPARE(Json(nested->rows), Json::parse(R"([["K",2]])"));
    }

    void nonTableResultSuggestsMembers()
    {
        const auto t = loadDataset({{"handle", "s3"}}, m_fx->context());
        QVERIFY(!t.ok());
        QVERIFY2(t.errorMessage().contains(QLatin1String("mismatched")),
                 qPrintable(t.errorMessage()));
        QVERIFY(t.errorMessage().contains(QLatin1String("member")));
    }

    void unknownHandleIsAnError()
    {
        const auto t = loadDataset({{"handle", "s99"}}, m_fx->context());
        QVERIFY(!t.ok());
        QVERIFY(t.errorMessage().contains(QLatin1String("s99")));
    }

    void needsExactlyOneKind_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::newRow("none") << "{}";
        QTest::newRow("two") << R"({"sql":"SELECT 1","csv":"a.csv"})";
        QTest::newRow("member without handle") << R"({"csv":"data/crm.csv","member":"x"})";
        QTest::newRow("source without sql") << R"({"csv":"data/crm.csv","source":"ledger"})";
        QTest::newRow("not an object") << R"("SELECT 1")";
    }

    void needsExactlyOneKind()
    {
        QFETCH(QString, ref);
        const Json json = Json::parse(ref.toStdString());
        const auto t = loadDataset(json, m_fx->context());
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, QStringLiteral("invalid_arguments"));
        if (json.is_object() && !json.contains("member") && !json.contains("source")) {
            auto validator = SchemaValidator::compile(datasetRefSchema());
            QVERIFY(validator.ok());
            QVERIFY(!(*validator)->validate(json).empty());
        }
    }

    void schemaAcceptsEachKind()
    {
        auto validator = SchemaValidator::compile(datasetRefSchema());
        QVERIFY2(validator.ok(), validator.ok() ? "" : qPrintable(validator.errorMessage()));
        for (const char* ref :
             {R"({"sql":"SELECT 1","source":"ledger","params":[1,"a",null]})",
              R"({"csv":"data/crm.csv"})", R"({"handle":"s3","member":"mismatched"})"})
            QVERIFY2((*validator)->validate(Json::parse(ref)).empty(), ref);
        QVERIFY(!(*validator)->validate(Json::parse(R"({"sql":"SELECT 1","extra":1})")).empty());
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "TestDataset.moc"
