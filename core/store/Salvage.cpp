#include "store/Salvage.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include "store/Migrations.h"
#include "store/Sqlite.h"

namespace awb::store {

namespace {

// The tables of the schema and the key each is scanned by, in both directions.
struct TableKey
{
    const char* table;
    const char* orderBy;
};
// Rowid tables go by rowid, so that a damaged index of their primary key does not stop the scan.
constexpr TableKey kTables[] = {
    {"runs", "rowid"},       {"events", "run_id, seq"}, {"tool_results", "run_id, handle"},
    {"effects", "rowid"},    {"audit", "seq"},          {"prompt_versions", "rowid"},
    {"store_meta", "rowid"},
};

Result<QStringList> columnsOf(sql::Database& db, const QString& table)
{
    auto st = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table));
    if (!st)
        return st.error();
    QStringList columns;
    while (st->step())
        columns << st->text(0);
    if (st->error())
        return *st->error();
    return columns;
}

void bindColumn(sql::Statement& insert, int index, const sql::Statement& row, int column)
{
    switch (row.columnType(column)) {
    case 1: // SQLITE_INTEGER
        insert.bind(index, row.int64(column));
        break;
    case 2: // SQLITE_FLOAT
        insert.bind(index, row.real(column));
        break;
    case 5: // SQLITE_NULL
        insert.bindNull(index);
        break;
    default:
        insert.bind(index, row.textUtf8(column));
        break;
    }
}

// Copies what can be read of one table: forwards until a read fails, then backwards from the end
// until it meets what was copied (INSERT OR IGNORE keeps the first copy of a row).
SalvagedTable copyTable(sql::Database& from, sql::Database& to, const TableKey& key)
{
    SalvagedTable out;
    out.table = QString::fromLatin1(key.table);
    auto columns = columnsOf(to, out.table);
    auto sourceColumns = columnsOf(from, out.table);
    if (!columns || !sourceColumns || sourceColumns->isEmpty()) {
        out.damaged = !sourceColumns || !columns;
        out.error = !sourceColumns ? sourceColumns.errorMessage()
                    : !columns     ? columns.errorMessage()
                                   : QString(); // a table older schemas did not have
        return out;
    }
    QStringList shared;
    for (const QString& c : *columns) {
        if (sourceColumns->contains(c))
            shared << c;
    }
    const QString list = shared.join(QStringLiteral(", "));
    QStringList marks;
    for (int i = 0; i < shared.size(); ++i)
        marks << QStringLiteral("?");
    auto insert = to.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
                                 .arg(out.table, list, marks.join(QStringLiteral(", "))));
    if (!insert) {
        out.damaged = true;
        out.error = insert.errorMessage();
        return out;
    }
    for (const char* direction : {"ASC", "DESC"}) {
        QString order = QString::fromLatin1(key.orderBy);
        if (QLatin1String(direction) == QLatin1String("DESC"))
            order.replace(QStringLiteral(", "), QStringLiteral(" DESC, "));
        auto rows = from.prepare(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3 %4")
                                     .arg(list, out.table, order, QLatin1String(direction)));
        if (!rows) {
            out.damaged = true;
            if (out.error.isEmpty())
                out.error = rows.errorMessage();
            continue;
        }
        while (rows->step()) {
            insert->reset();
            for (int c = 0; c < shared.size(); ++c)
                bindColumn(*insert, c + 1, *rows, c);
            if (!insert->exec())
                continue;
            if (to.changes() == 0 && QLatin1String(direction) == QLatin1String("DESC"))
                break; // met the rows the forward scan copied
            out.rows += to.changes();
        }
        if (const Error* e = rows->error()) {
            out.damaged = true;
            if (out.error.isEmpty())
                out.error = e->message;
        } else if (QLatin1String(direction) == QLatin1String("ASC")) {
            break; // read to the end: nothing is missing
        }
    }
    return out;
}

} // namespace

Result<SalvageReport> salvageDatabase(const QString& databasePath)
{
    if (!QFileInfo::exists(databasePath))
        return Error::make(
            QStringLiteral("%1 does not exist: there is nothing to salvage").arg(databasePath),
            QStringLiteral("usage"));
    auto from = sql::Database::open(databasePath, sql::OpenMode::ReadOnly);
    if (!from)
        return from.error();
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString fresh = databasePath + QStringLiteral(".salvaged-") + stamp;
    QFile::remove(fresh);
    SalvageReport report;
    {
        auto to = openWorkspaceDatabase(fresh);
        if (!to)
            return Error::make(QStringLiteral("cannot create the salvaged database %1: %2")
                                   .arg(fresh, to.errorMessage()),
                               to.error().code);
        sql::Transaction tx(*to);
        if (!tx.beginStatus())
            return tx.beginStatus().error();
        for (const TableKey& key : kTables)
            report.tables.push_back(copyTable(*from, *to, key));
        if (Status s = tx.commit(); !s)
            return s.error();
        if (Status check = to->quickCheck(); !check)
            return Error::make(
                QStringLiteral("the salvaged database does not pass its own check: %1")
                    .arg(check.errorMessage()),
                check.error().code);
        (void)to->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    from = sql::Database();

    // The damaged files are kept, renamed together; the salvaged one takes their place.
    report.keptAt = databasePath + QStringLiteral(".damaged-") + stamp;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const QString file = databasePath + QLatin1String(suffix);
        if (QFileInfo::exists(file) && !QFile::rename(file, report.keptAt + QLatin1String(suffix)))
            return Error::make(
                QStringLiteral("cannot move the damaged %1 aside (to %2); the salvaged copy is %3")
                    .arg(file, report.keptAt + QLatin1String(suffix), fresh),
                QStringLiteral("io_error"));
    }
    for (const char* suffix : {"-wal", "-shm"})
        QFile::remove(fresh + QLatin1String(suffix));
    if (!QFile::rename(fresh, databasePath))
        return Error::make(QStringLiteral("cannot put the salvaged database %1 in place of %2")
                               .arg(fresh, databasePath),
                           QStringLiteral("io_error"));
    return report;
}

} // namespace awb::store
