#pragma once
// A thin RAII layer over the SQLite C API. The engine uses it for the journal (WAL, batched
// commits) and the tools for read-only data access (authorizer, progress handler).
// A Database and its Statements belong to one thread at a time.

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <map>
#include <memory>

#include "util/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace awb::sql {

// The Error code for an SQLite result code, so callers can tell causes apart: "disk_full",
// "read_only", "store_damaged", "io_error", "busy", "cannot_open", "permission_denied",
// "out_of_memory", else "sqlite".
QString errorCodeName(int sqliteResultCode);
// What a user should do about an SQLite error on the database at path, in one or two sentences.
QString adviceFor(const Error& error, const QString& path);

enum class OpenMode
{
    ReadWriteCreate,
    ReadWrite,
    ReadOnly
};

class Statement
{
public:
    Statement() = default;
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& utf8Text);
    Statement& bindNull(int index);

    // Advances one row. Returns true while a row is available, false when done; on failure returns
    // false and error() is set.
    bool step();
    // Runs to completion, for statements that return no rows.
    Status exec();
    void reset();
    const Error* error() const { return m_error ? &*m_error : nullptr; }

    int columnCount() const;
    QString columnName(int column) const;
    bool isNull(int column) const;
    int columnType(
        int column) const; // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray textUtf8(int column) const;
    // The column's UTF-8 text without a copy: valid until the next step() or reset().
    QByteArrayView textView(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
    std::optional<Error> m_error;
};

class Database
{
public:
    Database() = default;
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    static Result<Database> open(const QString& path, OpenMode mode);

    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    const QString& path() const { return m_path; }

    Result<Statement> prepare(const QString& sql);
    // A statement prepared once and kept for reuse by hot paths (the journal, the audit trail);
    // returned reset, with its bindings cleared. Owned by the database; valid until it closes.
    // Step it to the end or reset() it after use: a SELECT left on a row keeps a read snapshot
    // open, and the connection's next write transaction then fails as busy.
    Result<Statement*> cached(const QString& sql);
    // Runs one or more statements that return no rows.
    Status exec(const QString& sql);
    // Runs one statement that returns no rows through the statement cache (BEGIN, COMMIT, ...).
    Status execCached(const QString& sql);
    // Convenience: first column of the first row as integer, or fallback when there is no row.
    Result<std::int64_t> queryInt(const QString& sql, std::int64_t fallback = 0);
    std::int64_t lastInsertRowId() const;
    // Whether SQLite opened the file read-only although writing was asked for (no write
    // permission on it or its folder, or a read-only file system).
    bool isReadOnly() const;
    // PRAGMA quick_check: reads every page; fails with code "store_damaged" naming what is wrong.
    // Costs a full scan of the file (about a second per few hundred MB).
    Status quickCheck();
    int changes() const;
    QString lastError() const;

private:
    explicit Database(sqlite3* db, QString path) : m_db(db), m_path(std::move(path)) {}
    void close();
    sqlite3* m_db = nullptr;
    QString m_path;
    std::map<QString, std::unique_ptr<Statement>> m_cache;
};

// Holds BEGIN ... COMMIT; rolls back in the destructor unless committed.
class Transaction
{
public:
    enum class Kind
    {
        Deferred,
        Immediate
    };
    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    Database& m_db;
    Status m_begin;
    bool m_done = false;
};

} // namespace awb::sql
