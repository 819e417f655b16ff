#include "store/Sqlite.h"

#include <QStringList>

#include <sqlite3.h>

#include <cerrno>

namespace awb::sql {

namespace {
Error sqliteError(sqlite3* db, const QString& what, int rc = -1)
{
    const QString message =
        db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
    if (rc < 0)
        rc = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
    QString code = errorCodeName(rc);
    // An I/O error, or a file that cannot be opened (the shared memory of a WAL database on a
    // read-only file system, say), is often a full or read-only disk underneath.
    if (db && (code == QLatin1String("io_error") || code == QLatin1String("cannot_open"))) {
        switch (sqlite3_system_errno(db)) {
        case ENOSPC:
        case EDQUOT:
            code = QStringLiteral("disk_full");
            break;
        case EROFS:
            code = QStringLiteral("read_only");
            break;
        case EACCES:
        case EPERM:
            code = QStringLiteral("permission_denied");
            break;
        default:
            break;
        }
    }
    return Error::make(QStringLiteral("%1: %2").arg(what, message), code);
}
} // namespace

QString errorCodeName(int sqliteResultCode)
{
    switch (sqliteResultCode & 0xff) {
    case SQLITE_FULL:
        return QStringLiteral("disk_full");
    case SQLITE_READONLY:
        return QStringLiteral("read_only");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QStringLiteral("store_damaged");
    case SQLITE_IOERR:
        return QStringLiteral("io_error");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("busy");
    case SQLITE_CANTOPEN:
        return QStringLiteral("cannot_open");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return QStringLiteral("permission_denied");
    case SQLITE_NOMEM:
        return QStringLiteral("out_of_memory");
    default:
        return QStringLiteral("sqlite");
    }
}

QString adviceFor(const Error& error, const QString& path)
{
    const QString& code = error.code;
    if (code == QLatin1String("disk_full"))
        return QStringLiteral("The disk that holds %1 is full: free disk space.").arg(path);
    if (code == QLatin1String("read_only"))
        return QStringLiteral("%1 cannot be written: check that you may write to it and to its "
                              "folder, and that its file system is not mounted read-only.")
            .arg(path);
    if (code == QLatin1String("store_damaged"))
        return QStringLiteral("%1 is damaged: stop using this workspace, find out what is wrong "
                              "with `awb store check`, and save what can be read with `awb store "
                              "salvage` (docs/store-recovery.md).")
            .arg(path);
    if (code == QLatin1String("io_error"))
        return QStringLiteral("The disk reported an I/O error on %1: check the disk (dmesg, "
                              "smartctl) before going on.")
            .arg(path);
    if (code == QLatin1String("busy"))
        return QStringLiteral("Another process held %1 locked for too long: close the other "
                              "program that uses this workspace.")
            .arg(path);
    if (code == QLatin1String("cannot_open") || code == QLatin1String("permission_denied"))
        return QStringLiteral("%1 cannot be opened: check that it and its folder exist and "
                              "that you may read and write them.")
            .arg(path);
    if (code == QLatin1String("out_of_memory"))
        return QStringLiteral("The program ran out of memory: close other programs.");
    return QStringLiteral("Fix the cause named above.");
}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db),
      m_error(std::move(other.m_error))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_error = std::move(other.m_error);
    }
    return *this;
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    return bind(index, value.toUtf8());
}

Statement& Statement::bind(int index, const QByteArray& utf8Text)
{
    sqlite3_bind_text(m_stmt, index, utf8Text.constData(), int(utf8Text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = sqliteError(m_db, QStringLiteral("SQL statement failed"), rc);
    return false;
}

Status Statement::exec()
{
    while (step()) {
    }
    if (m_error)
        return *m_error;
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_error.reset();
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QString Statement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Statement::columnType(int column) const
{
    return sqlite3_column_type(m_stmt, column);
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    return QString::fromUtf8(textUtf8(column));
}

QByteArray Statement::textUtf8(int column) const
{
    return textView(column).toByteArray();
}

QByteArrayView Statement::textView(int column) const
{
    // sqlite3_column_text before sqlite3_column_bytes: the size is that of the converted text.
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_cache(std::move(other.m_cache))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    m_cache.clear(); // statements are finalized before their connection closes
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Result<Statement*> Database::cached(const QString& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto st = prepare(sql);
        if (!st)
            return st.error();
        it = m_cache.emplace(sql, std::make_unique<Statement>(std::move(st).value())).first;
    } else {
        it->second->reset();
    }
    return it->second.get();
}

Result<Database> Database::open(const QString& path, OpenMode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(db, QStringLiteral("cannot open database %1").arg(path), rc);
        sqlite3_close_v2(db);
        return e;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return Database(db, path);
}

Result<Statement> Database::prepare(const QString& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, QStringLiteral("cannot prepare SQL"));
    return Statement(stmt, m_db);
}

Status Database::exec(const QString& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text =
            message ? QString::fromUtf8(message) : QStringLiteral("error %1").arg(rc);
        sqlite3_free(message);
        return Error::make(QStringLiteral("SQL failed: %1").arg(text),
                           errorCodeName(sqlite3_extended_errcode(m_db)));
    }
    return {};
}

Status Database::execCached(const QString& sql)
{
    auto st = cached(sql);
    if (!st)
        return st.error();
    Status s = (*st)->exec();
    (*st)->reset();
    return s;
}

Result<std::int64_t> Database::queryInt(const QString& sql, std::int64_t fallback)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (stmt->step())
        return stmt->int64(0);
    if (stmt->error())
        return *stmt->error();
    return fallback;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

bool Database::isReadOnly() const
{
    return sqlite3_db_readonly(m_db, "main") == 1;
}

Status Database::quickCheck()
{
    auto st = prepare(QStringLiteral("PRAGMA quick_check(5)"));
    if (!st)
        return st.error().code == QLatin1String("store_damaged")
                   ? Error::make(QStringLiteral("%1 failed SQLite's integrity check: %2")
                                     .arg(m_path, st.errorMessage()),
                                 st.error().code)
                   : st.error();
    QStringList problems;
    while (st->step()) {
        const QString line = st->text(0);
        if (line != QLatin1String("ok"))
            problems << line;
    }
    if (const Error* e = st->error()) {
        if (e->code != QLatin1String("store_damaged"))
            return *e;
        problems << e->message; // a page too damaged to check at all
    }
    if (problems.isEmpty())
        return {};
    return Error::make(QStringLiteral("%1 failed SQLite's integrity check: %2")
                           .arg(m_path, problems.join(QStringLiteral("; "))),
                       QStringLiteral("store_damaged"));
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

Transaction::Transaction(Database& db, Kind kind) : m_db(db)
{
    // Cached: the journal opens a transaction per group commit, and parsing BEGIN and COMMIT
    // each time showed in its profile.
    m_begin = db.execCached(kind == Kind::Immediate ? QStringLiteral("BEGIN IMMEDIATE")
                                                    : QStringLiteral("BEGIN"));
    m_done = !m_begin.ok();
}

Transaction::~Transaction()
{
    if (!m_done)
        (void)m_db.execCached(QStringLiteral("ROLLBACK"));
}

Status Transaction::commit()
{
    if (m_done)
        return m_begin.ok() ? Status(Error::make(QStringLiteral("transaction already finished")))
                            : m_begin;
    m_done = true;
    Status s = m_db.execCached(QStringLiteral("COMMIT"));
    if (!s.ok())
        (void)m_db.execCached(QStringLiteral("ROLLBACK"));
    return s;
}

} // namespace awb::sql
