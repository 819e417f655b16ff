// Schema migrations of the workspace database: a fresh database reaches the latest version,
// re-running is a no-op, a database from a newer program is refused, and WAL mode is on.

#include <QTemporaryDir>
#include <QTest>

#include "store/Migrations.h"

using namespace awb;

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_path;

    static QString textOf(sql::Database& db, const QString& query)
    {
        auto st = db.prepare(query);
        if (!st || !st->step())
            return QStringLiteral("<no row>");
        return st->text(0);
    }

    static std::int64_t intOf(sql::Database& db, const QString& query)
    {
        auto v = db.queryInt(query, -1);
        return v.ok() ? *v : -2;
    }

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        static int counter = 0;
        m_path = m_tmp.filePath(QStringLiteral("workspace%1.db").arg(++counter));
    }

    void freshDatabaseGetsLatestVersion()
    {
        auto db = store::openWorkspaceDatabase(m_path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.errorMessage()));
        QVERIFY(store::latestSchemaVersion() >= 1);
        QCOMPARE(intOf(*db, QStringLiteral("PRAGMA user_version")),
                 std::int64_t(store::latestSchemaVersion()));
        for (const char* table : {"runs", "events", "tool_results", "effects", "audit"}) {
            const auto n = intOf(*db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE "
                                                     "type = 'table' AND name = '%1'")
                                          .arg(QLatin1String(table)));
            QVERIFY2(n == 1, table);
        }
    }

    void walModeIsOn()
    {
        auto db = store::openWorkspaceDatabase(m_path);
        QVERIFY(db.ok());
        QCOMPARE(textOf(*db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(intOf(*db, QStringLiteral("PRAGMA foreign_keys")), std::int64_t(1));
    }

    void rerunningIsANoOp()
    {
        {
            auto db = store::openWorkspaceDatabase(m_path);
            QVERIFY(db.ok());
            QVERIFY(db->exec(QStringLiteral(
                                 "INSERT INTO effects VALUES ('k1', 'sent', '{}', '2026-10-01')"))
                        .ok());
            // migrate() on an up-to-date database changes nothing and does not fail.
            const Status again = store::migrate(*db);
            QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.errorMessage()));
        }
        auto reopened = store::openWorkspaceDatabase(m_path);
        QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.errorMessage()));
        QCOMPARE(intOf(*reopened, QStringLiteral("PRAGMA user_version")),
                 std::int64_t(store::latestSchemaVersion()));
        QCOMPARE(intOf(*reopened, QStringLiteral("SELECT COUNT(*) FROM effects")), std::int64_t(1));
        QCOMPARE(textOf(*reopened,
                        QStringLiteral("SELECT state FROM effects WHERE idempotency_key = 'k1'")),
                 QStringLiteral("sent"));
    }

    void newerDatabaseIsRefused()
    {
        {
            auto db = sql::Database::open(m_path, sql::OpenMode::ReadWriteCreate);
            QVERIFY(db.ok());
            QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 99")).ok());
        }
        auto db = store::openWorkspaceDatabase(m_path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("schema_too_new"));
        const QString message = db.errorMessage();
        QVERIFY2(message.contains(m_path), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("99")), qPrintable(message));
        QVERIFY2(message.contains(QString::number(store::latestSchemaVersion())),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("update Agent Workbench")), qPrintable(message));

        // Refusing must not touch the database: nothing was created in it.
        auto raw = sql::Database::open(m_path, sql::OpenMode::ReadOnly);
        QVERIFY(raw.ok());
        QCOMPARE(intOf(*raw, QStringLiteral("PRAGMA user_version")), std::int64_t(99));
        QCOMPARE(intOf(*raw, QStringLiteral("SELECT COUNT(*) FROM sqlite_master")),
                 std::int64_t(0));
    }

    void unwritableLocationGivesAnError()
    {
        auto db = store::openWorkspaceDatabase(
            m_tmp.filePath(QStringLiteral("missing/dir/workspace.db")));
        QVERIFY(!db.ok());
        QVERIFY2(db.errorMessage().contains(QLatin1String("missing/dir/workspace.db")),
                 qPrintable(db.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
