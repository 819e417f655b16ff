// The SQLite wrapper: transactions commit or roll back on destruction, statements bind and read
// every type, and failures come back as errors that say what went wrong.

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <limits>

#include "store/Sqlite.h"

using namespace awb;
using namespace awb::sql;

class TestSqlite : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    Database m_db;

    std::int64_t count()
    {
        auto n = m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM t"), -1);
        return n.ok() ? *n : -2;
    }

    void insert(const char* value)
    {
        auto st = m_db.prepare(QStringLiteral("INSERT INTO t (v) VALUES (?1)"));
        QVERIFY(st.ok());
        QVERIFY(st->bind(1, QString::fromUtf8(value)).exec().ok());
    }

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        static int counter = 0;
        auto db = Database::open(m_tmp.filePath(QStringLiteral("t%1.db").arg(++counter)),
                                 OpenMode::ReadWriteCreate);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.errorMessage()));
        m_db = std::move(db).value();
        QVERIFY(m_db.exec(QStringLiteral("CREATE TABLE t (v TEXT UNIQUE)")).ok());
    }

    void cleanup() { m_db = Database(); }

    void transactionRollsBackOnDestruction()
    {
        {
            Transaction tx(m_db);
            QVERIFY(tx.beginStatus().ok());
            insert("a");
            QCOMPARE(count(), std::int64_t(1));
        }
        QCOMPARE(count(), std::int64_t(0));
    }

    void transactionCommitKeepsChanges()
    {
        {
            Transaction tx(m_db, Transaction::Kind::Deferred);
            QVERIFY(tx.beginStatus().ok());
            insert("a");
            insert("b");
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(count(), std::int64_t(2));
    }

    void transactionCommitTwiceFails()
    {
        Transaction tx(m_db);
        QVERIFY(tx.commit().ok());
        const Status again = tx.commit();
        QVERIFY(!again.ok());
        QVERIFY2(again.errorMessage().contains(QLatin1String("already finished")),
                 qPrintable(again.errorMessage()));
    }

    void nestedBeginFailsWithoutRollingBackTheOuter()
    {
        Transaction outer(m_db);
        insert("a");
        {
            Transaction inner(m_db);
            QVERIFY(!inner.beginStatus().ok());
            QVERIFY2(
                inner.beginStatus().errorMessage().contains(QLatin1String("within a transaction")),
                qPrintable(inner.beginStatus().errorMessage()));
            QVERIFY(!inner.commit().ok());
        }
        QVERIFY(outer.commit().ok());
        QCOMPARE(count(), std::int64_t(1));
    }

    void bindAndReadEveryType()
    {
        QVERIFY(
            m_db.exec(QStringLiteral("CREATE TABLE types (i INTEGER, r REAL, s TEXT, b TEXT, n)"))
                .ok());
        auto ins = m_db.prepare(QStringLiteral("INSERT INTO types VALUES (?1, ?2, ?3, ?4, ?5)"));
        QVERIFY(ins.ok());
        const std::int64_t big = std::numeric_limits<std::int64_t>::min();
        const QString unicode = QStringLiteral("Jürgen 日本 😀");
        const QByteArray utf8 = QByteArrayLiteral("raw \xC3\xA9 bytes");
        ins->bind(1, big).bind(2, 0.5).bind(3, unicode).bind(4, utf8).bindNull(5);
        QVERIFY(ins->exec().ok());

        auto sel = m_db.prepare(QStringLiteral("SELECT i, r, s, b, n FROM types"));
        QVERIFY(sel.ok());
        QVERIFY(sel->step());
        QCOMPARE(sel->columnCount(), 5);
        QCOMPARE(sel->columnName(2), QStringLiteral("s"));
        QCOMPARE(sel->columnType(0), SQLITE_INTEGER);
        QCOMPARE(sel->columnType(1), SQLITE_FLOAT);
        QCOMPARE(sel->columnType(2), SQLITE_TEXT);
        QCOMPARE(sel->columnType(3), SQLITE_TEXT);
        QCOMPARE(sel->columnType(4), SQLITE_NULL);
        QCOMPARE(sel->int64(0), big);
        QCOMPARE(sel->real(1), 0.5);
        QCOMPARE(sel->text(2), unicode);
        QCOMPARE(sel->textUtf8(3), utf8);
        QVERIFY(sel->isNull(4));
        QVERIFY(!sel->isNull(0));
        QVERIFY(!sel->step());
        QVERIFY(!sel->error());
    }

    void intOverloadBindsAnInteger()
    {
        auto st = m_db.prepare(QStringLiteral("SELECT typeof(?1), ?1 + 1"));
        QVERIFY(st.ok());
        QVERIFY(st->bind(1, 41).step());
        QCOMPARE(st->text(0), QStringLiteral("integer"));
        QCOMPARE(st->int64(1), std::int64_t(42));
    }

    void stepFailureSetsErrorUntilReset()
    {
        insert("a");
        auto st = m_db.prepare(QStringLiteral("INSERT INTO t (v) VALUES (?1)"));
        QVERIFY(st.ok());
        st->bind(1, QStringLiteral("a"));
        QVERIFY(!st->step());
        QVERIFY(st->error());
        QCOMPARE(st->error()->code, QStringLiteral("sqlite"));
        QVERIFY2(st->error()->message.contains(QLatin1String("UNIQUE")),
                 qPrintable(st->error()->message));

        st->reset();
        QVERIFY(!st->error());
        st->bind(1, QStringLiteral("b"));
        QVERIFY(st->exec().ok());
        QCOMPARE(count(), std::int64_t(2));
    }

    void resetClearsBindings()
    {
        auto st = m_db.prepare(QStringLiteral("SELECT ?1 IS NULL"));
        QVERIFY(st.ok());
        QVERIFY(st->bind(1, 7).step());
        QCOMPARE(st->int64(0), std::int64_t(0));
        st->reset();
        QVERIFY(st->step());
        QCOMPARE(st->int64(0), std::int64_t(1));
    }

    void execReportsConstraintFailure()
    {
        insert("a");
        auto st = m_db.prepare(QStringLiteral("INSERT INTO t (v) VALUES ('a')"));
        QVERIFY(st.ok());
        const Status s = st->exec();
        QVERIFY(!s.ok());
        QVERIFY2(s.errorMessage().contains(QLatin1String("UNIQUE")), qPrintable(s.errorMessage()));
    }

    void prepareErrorSaysWhatIsWrong()
    {
        auto st = m_db.prepare(QStringLiteral("SELEC 1"));
        QVERIFY(!st.ok());
        QVERIFY2(st.errorMessage().contains(QLatin1String("syntax error")),
                 qPrintable(st.errorMessage()));
        auto missing = m_db.prepare(QStringLiteral("SELECT * FROM nowhere"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.errorMessage().contains(QLatin1String("no such table: nowhere")),
                 qPrintable(missing.errorMessage()));
    }

    void execRunsSeveralStatementsAndReportsFailure()
    {
        QVERIFY(m_db.exec(QStringLiteral("INSERT INTO t VALUES ('x'); INSERT INTO t VALUES ('y');"))
                    .ok());
        QCOMPARE(count(), std::int64_t(2));
        QCOMPARE(m_db.changes(), 1);
        const Status s = m_db.exec(QStringLiteral("INSERT INTO nowhere VALUES (1)"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("sqlite"));
        QVERIFY2(s.errorMessage().contains(QLatin1String("no such table")),
                 qPrintable(s.errorMessage()));
    }

    void queryIntReturnsFallbackWithoutRows()
    {
        auto v = m_db.queryInt(QStringLiteral("SELECT 1 FROM t"), 17);
        QVERIFY(v.ok());
        QCOMPARE(*v, std::int64_t(17));
        insert("a");
        QCOMPARE(m_db.lastInsertRowId(), std::int64_t(1));
        QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT rowid FROM t")), std::int64_t(1));
    }

    void openReadWriteMissingFileNamesThePath()
    {
        const QString path = m_tmp.filePath(QStringLiteral("absent.db"));
        auto db = Database::open(path, OpenMode::ReadWrite);
        QVERIFY(!db.ok());
        QVERIFY2(db.errorMessage().contains(path), qPrintable(db.errorMessage()));
        QVERIFY(!QFileInfo::exists(path));
    }

    void readOnlyRefusesWrites()
    {
        insert("a");
        auto ro = Database::open(m_db.path(), OpenMode::ReadOnly);
        QVERIFY(ro.ok());
        QCOMPARE(*ro->queryInt(QStringLiteral("SELECT COUNT(*) FROM t")), std::int64_t(1));
        const Status s = ro->exec(QStringLiteral("INSERT INTO t VALUES ('b')"));
        QVERIFY(!s.ok());
        QVERIFY2(s.errorMessage().contains(QLatin1String("readonly")),
                 qPrintable(s.errorMessage()));
        // The cause is told apart, so that callers advise the right remedy (not "free disk space").
        QCOMPARE(s.error().code, QStringLiteral("read_only"));
        QVERIFY(ro->isReadOnly());
        QVERIFY(!m_db.isReadOnly());
        QVERIFY(adviceFor(s.error(), m_db.path()).contains(QLatin1String("read-only")));
        QVERIFY(!adviceFor(s.error(), m_db.path()).contains(QLatin1String("free disk space")));
    }

    void errorCodesNameTheCause_data()
    {
        QTest::addColumn<int>("result");
        QTest::addColumn<QString>("code");
        QTest::newRow("full") << SQLITE_FULL << "disk_full";
        QTest::newRow("read-only") << SQLITE_READONLY << "read_only";
        QTest::newRow("read-only, extended") << SQLITE_READONLY_DBMOVED << "read_only";
        QTest::newRow("corrupt") << SQLITE_CORRUPT << "store_damaged";
        QTest::newRow("not a database") << SQLITE_NOTADB << "store_damaged";
        QTest::newRow("I/O, extended") << SQLITE_IOERR_WRITE << "io_error";
        QTest::newRow("busy") << SQLITE_BUSY << "busy";
        QTest::newRow("cannot open") << SQLITE_CANTOPEN << "cannot_open";
        QTest::newRow("constraint") << SQLITE_CONSTRAINT << "sqlite";
    }

    void errorCodesNameTheCause()
    {
        QFETCH(int, result);
        QFETCH(QString, code);
        QCOMPARE(errorCodeName(result), code);
    }

    void quickCheckFindsADamagedPage()
    {
        {
            Transaction tx(m_db);
            for (int i = 0; i < 2000; ++i)
                insert(QByteArray::number(i).repeated(20).constData());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(m_db.quickCheck().ok());
        const QString path = m_db.path();
        m_db = Database();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 3 * 4096);
            QVERIFY(f.seek(f.size() / 2 / 4096 * 4096));
            QVERIFY(f.write(QByteArray(4096, '\x5a')) == 4096);
        }
        auto db = Database::open(path, OpenMode::ReadOnly);
        QVERIFY(db.ok());
        const Status s = db->quickCheck();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("store_damaged"));
        QVERIFY2(s.errorMessage().contains(path), qPrintable(s.errorMessage()));
    }

    void movesTransferOwnership()
    {
        auto st = m_db.prepare(QStringLiteral("SELECT 5"));
        QVERIFY(st.ok());
        Statement moved = std::move(st).value();
        QVERIFY(moved.isValid());
        QVERIFY(moved.step());
        QCOMPARE(moved.int64(0), std::int64_t(5));

        const QString path = m_db.path();
        Database other = std::move(m_db);
        QVERIFY(!m_db.isOpen());
        QVERIFY(other.isOpen());
        QCOMPARE(other.path(), path);
        m_db = std::move(other);
        QCOMPARE(count(), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestSqlite)
#include "TestSqlite.moc"
