// ReadOnlySqlite: every kind of write is refused with a clear message and leaves the file
// unchanged; reads work; limits (rows, time, cancel) hold.

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include "core/tools/support/ToolFixture.h"
#include "tools/data/ReadOnlySqlite.h"

using namespace awb;

class TestReadOnlySqlite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ToolFixture> m_fx;

    QByteArray fileHash() const
    {
        QFile f(m_fx->ledgerPath());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    Result<Table> run(const QString& sql, const Json& params = Json::array(), int rowLimit = 1000)
    {
        ReadOnlyQuery q;
        q.sql = sql;
        q.params = params;
        q.rowLimit = rowLimit;
        q.timeout = std::chrono::milliseconds(5000);
        return ReadOnlySqlite::run(m_fx->ledgerPath(), q);
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<test::ToolFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        const Status s = m_fx->execLedger(QStringLiteral(
            "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, amount REAL, note BLOB);"
            "INSERT INTO t VALUES (1, 'alpha', 10.5, NULL), (2, 'beta', 20.25, x'0102'), (3, "
            "'gamma', 30, NULL);"
            "PRAGMA user_version = 7;"));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.errorMessage()));
    }

    void refusesWrites_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("named"); // what the message must name
        QTest::newRow("insert") << "INSERT INTO t(name) VALUES ('x')"
                                << "INSERT";
        QTest::newRow("insert lowercase after comment")
            << "/* c */ -- x\n insert into t(name) values ('x')"
            << "INSERT";
        QTest::newRow("update") << "UPDATE t SET name = 'x'"
                                << "UPDATE";
        QTest::newRow("delete") << "DELETE FROM t"
                                << "DELETE";
        QTest::newRow("cte delete") << "WITH d AS (SELECT 1) DELETE FROM t"
                                    << "DELETE";
        QTest::newRow("cte update of schema")
            << "WITH d AS (SELECT 1) UPDATE sqlite_master SET sql = ''"
            << "not allowed";
        QTest::newRow("replace") << "REPLACE INTO t(id, name) VALUES (1, 'x')"
                                 << "REPLACE";
        QTest::newRow("create table") << "CREATE TABLE u(x)"
                                      << "CREATE TABLE";
        QTest::newRow("create temp table") << "CREATE TEMP TABLE u(x)"
                                           << "CREATE TEMP TABLE";
        QTest::newRow("create index") << "CREATE INDEX i ON t(name)"
                                      << "CREATE INDEX";
        QTest::newRow("create unique index") << "CREATE UNIQUE INDEX i ON t(name)"
                                             << "CREATE UNIQUE INDEX";
        QTest::newRow("create view") << "CREATE VIEW v AS SELECT * FROM t"
                                     << "CREATE VIEW";
        QTest::newRow("create trigger")
            << "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t; END"
            << "CREATE TRIGGER";
        QTest::newRow("drop table") << "DROP TABLE t"
                                    << "DROP TABLE";
        QTest::newRow("alter") << "ALTER TABLE t ADD COLUMN y"
                               << "ALTER TABLE";
        QTest::newRow("attach") << "ATTACH DATABASE ':memory:' AS m"
                                << "ATTACH";
        QTest::newRow("detach") << "DETACH DATABASE main"
                                << "DETACH";
        QTest::newRow("pragma journal_mode") << "PRAGMA journal_mode=DELETE"
                                             << "PRAGMA journal_mode";
        QTest::newRow("pragma user_version") << "PRAGMA user_version=5"
                                             << "PRAGMA user_version";
        QTest::newRow("pragma writable_schema") << "PRAGMA writable_schema=1"
                                                << "PRAGMA writable_schema";
        QTest::newRow("pragma query_only off") << "PRAGMA query_only=OFF"
                                               << "PRAGMA query_only";
        QTest::newRow("vacuum") << "VACUUM"
                                << "VACUUM";
        QTest::newRow("vacuum into") << "VACUUM INTO 'copy.sqlite'"
                                     << "VACUUM";
        QTest::newRow("explain vacuum") << "EXPLAIN VACUUM"
                                        << "VACUUM";
        QTest::newRow("reindex") << "REINDEX"
                                 << "REINDEX";
        QTest::newRow("analyze") << "ANALYZE"
                                 << "ANALYZE";
        QTest::newRow("begin") << "BEGIN"
                               << "BEGIN";
        QTest::newRow("commit") << "COMMIT"
                                << "COMMIT";
        QTest::newRow("savepoint") << "SAVEPOINT sp"
                                   << "SAVEPOINT";
        QTest::newRow("two statements") << "SELECT 1; DELETE FROM t"
                                        << "one statement";
        QTest::newRow("load_extension") << "SELECT load_extension('libevil')"
                                        << "load_extension";
    }

    void refusesWrites()
    {
        QFETCH(QString, sql);
        QFETCH(QString, named);
        const QByteArray before = fileHash();
        QVERIFY(!before.isEmpty());
        const auto result = run(sql);
        QVERIFY2(!result.ok(), qPrintable(sql));
        QCOMPARE(result.error().code, QStringLiteral("sql_refused"));
        QVERIFY2(result.errorMessage().contains(named), qPrintable(result.errorMessage()));
        QVERIFY2(!result.errorMessage().contains(QLatin1String("not authorized")),
                 qPrintable(result.errorMessage()));
        QCOMPARE(fileHash(), before);
        QVERIFY(!QFile::exists(m_fx->root() + QStringLiteral("/data/copy.sqlite")));
        QVERIFY(!QFile::exists(m_fx->root() + QStringLiteral("/copy.sqlite")));
        const auto count = run(QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY(count.ok());
        QCOMPARE(count->rows.at(0).at(0), Json(3));
    }

    void refusalNamesTheReadOnlyRule()
    {
        const auto result = run(QStringLiteral("INSERT INTO t(name) VALUES ('x')"));
        QVERIFY(!result.ok());
        QVERIFY(result.errorMessage().startsWith(
            QLatin1String("sql_query is read-only: INSERT is not allowed")));
    }

    void allowsReads_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("rows");
        QTest::newRow("select") << "SELECT * FROM t" << 3;
        QTest::newRow("with") << "WITH x AS (SELECT id FROM t WHERE id > 1) SELECT * FROM x" << 2;
        QTest::newRow("recursive cte")
            << "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n<5) "
               "SELECT n FROM c"
            << 5;
        QTest::newRow("values") << "VALUES (1), (2)" << 2;
        QTest::newRow("trailing semicolon and comment") << "SELECT 1; -- done\n ;" << 1;
        QTest::newRow("functions")
            << "SELECT upper(name), printf('%.2f', amount), date('2026-07-01') FROM t" << 3;
        QTest::newRow("pragma table_info") << "PRAGMA table_info(t)" << 4;
        QTest::newRow("pragma table_list") << "PRAGMA table_list" << 3;
        QTest::newRow("pragma index_list") << "PRAGMA index_list(t)" << 0;
        QTest::newRow("pragma function") << "SELECT name FROM pragma_table_info('t')" << 4;
        QTest::newRow("sqlite_master")
            << "SELECT name FROM sqlite_master WHERE type = 'table'" << 1;
        QTest::newRow("explain query plan")
            << "EXPLAIN QUERY PLAN SELECT * FROM t WHERE id = 1" << 1;
    }

    void allowsReads()
    {
        QFETCH(QString, sql);
        QFETCH(int, rows);
        const auto result = run(sql);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.errorMessage()));
        QCOMPARE(int(result->rows.size()), rows);
    }

    void convertsCellTypes()
    {
        const auto result = run(QStringLiteral("SELECT id, name, amount, note FROM t ORDER BY id"));
        QVERIFY(result.ok());
        QCOMPARE(result->columns, QStringList({"id", "name", "amount", "note"}));
        QVERIFY(result->rows[0][0].is_number_integer());
        QCOMPARE(result->rows[0][0], Json(1));
        QCOMPARE(result->rows[0][1], Json("alpha"));
        QVERIFY(result->rows[0][2].is_number_float());
        QCOMPARE(result->rows[0][2].get<double>(), 10.5);
        QVERIFY(result->rows[0][3].is_null());
        QCOMPARE(result->rows[1][3], Json("<blob 2 bytes>"));
        QVERIFY(!result->truncated);
    }

    void replacesInvalidUtf8()
    {
        const auto result = run(QStringLiteral("SELECT CAST(x'61ff62' AS TEXT)"));
        QVERIFY(result.ok());
        QCOMPARE(result->rows[0][0], Json("a\xEF\xBF\xBD"
                                          "b"));
        QVERIFY(!result->rows[0][0].dump().empty()); // serialises without throwing
    }

    void bindsPositionalParams()
    {
        const auto result =
            run(QStringLiteral("SELECT name FROM t WHERE id >= ? AND name <> ? ORDER BY id"),
                Json::array({2, "gamma"}));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.errorMessage()));
        QCOMPARE(int(result->rows.size()), 1);
        QCOMPARE(result->rows[0][0], Json("beta"));
    }

    void rejectsWrongParamCount()
    {
        const auto result = run(QStringLiteral("SELECT * FROM t WHERE id = ?"), Json::array());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("invalid_arguments"));
        QVERIFY(result.errorMessage().contains(QLatin1String("1 ? placeholder")));
    }

    void rowLimitTruncates()
    {
        const auto result = run(QStringLiteral("SELECT id FROM t ORDER BY id"), Json::array(), 2);
        QVERIFY(result.ok());
        QCOMPARE(int(result->rows.size()), 2);
        QVERIFY(result->truncated);
        const auto exact = run(QStringLiteral("SELECT id FROM t"), Json::array(), 3);
        QVERIFY(exact.ok());
        QVERIFY(!exact->truncated);
    }

    void timeoutStopsRunawayQuery()
    {
        ReadOnlyQuery q;
        q.sql = QStringLiteral("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c) "
                               "SELECT count(*) FROM c");
        q.timeout = std::chrono::milliseconds(200);
        QElapsedTimer timer;
        timer.start();
        const auto result = ReadOnlySqlite::run(m_fx->ledgerPath(), q);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("timeout"));
        QVERIFY(result.errorMessage().contains(QLatin1String("200 ms")));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void cancelFlagStopsQuery()
    {
        auto cancel = std::make_shared<CancelFlag>();
        cancel->cancelled = true;
        ReadOnlyQuery q;
        q.sql = QStringLiteral("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c) "
                               "SELECT count(*) FROM c");
        q.timeout = std::chrono::milliseconds(60000);
        q.cancel = cancel;
        const auto result = ReadOnlySqlite::run(m_fx->ledgerPath(), q);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("cancelled"));
    }

    void missingFileIsNamedAndNotCreated()
    {
        const QString missing = m_fx->root() + QStringLiteral("/data/nope.sqlite");
        ReadOnlyQuery q;
        q.sql = QStringLiteral("SELECT 1");
        const auto result = ReadOnlySqlite::run(missing, q);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("not_found"));
        QVERIFY(result.errorMessage().contains(missing));
        QVERIFY(!QFile::exists(missing));
    }

    void sqlErrorsAreReported()
    {
        const auto result = run(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("sql_error"));
        QVERIFY(result.errorMessage().contains(QLatin1String("no_such_table")));
    }

    void emptyQueryIsRejected()
    {
        const auto result = run(QStringLiteral("  -- nothing\n"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("invalid_arguments"));
    }
};

QTEST_GUILESS_MAIN(TestReadOnlySqlite)
#include "TestReadOnlySqlite.moc"
