#include "tools/data/ReadOnlySqlite.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>

#include "store/Sqlite.h"

namespace awb {

namespace {
const QString kRefused = QStringLiteral("sql_refused");
const QString kAllowed =
    QStringLiteral("only SELECT, WITH ... SELECT, VALUES and the schema pragmas "
                   "table_info, table_list, index_list, index_info and "
                   "foreign_key_list can run");

Error refused(const QString& what)
{
    return Error::make(
        QStringLiteral("sql_query is read-only: %1 is not allowed (%2)").arg(what, kAllowed),
        kRefused);
}

// Skips whitespace, "-- ..." and "/* ... */" comments and stray semicolons (when allowed).
const char* skipTrivia(const char* p, const char* end, bool semicolons)
{
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v' ||
            (semicolons && *p == ';')) {
            ++p;
        } else if (*p == '-' && p + 1 < end && p[1] == '-') {
            while (p < end && *p != '\n')
                ++p;
        } else if (*p == '/' && p + 1 < end && p[1] == '*') {
            p += 2;
            while (p + 1 < end && !(p[0] == '*' && p[1] == '/'))
                ++p;
            p = p + 1 < end ? p + 2 : end;
        } else {
            break;
        }
    }
    return p;
}

// The leading keywords of a statement, upper-cased: {"CREATE", "TEMP", "TABLE"}.
QStringList leadingWords(const QByteArray& sql, int count)
{
    QStringList words;
    const char* p = sql.constData();
    const char* end = p + sql.size();
    while (words.size() < count) {
        p = skipTrivia(p, end, false);
        const char* start = p;
        while (p < end && (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_'))
            ++p;
        if (p == start)
            break;
        words << QString::fromLatin1(start, int(p - start)).toUpper();
    }
    return words;
}

// What a statement that does not start with a reading keyword is, for the refusal message.
QString statementKind(const QStringList& words)
{
    const QString& first = words.front();
    if (first == QLatin1String("CREATE") || first == QLatin1String("DROP")) {
        QString kind = first;
        for (int i = 1; i < words.size(); ++i) {
            kind += QLatin1Char(' ') + words[i];
            if (words[i] != QLatin1String("TEMP") && words[i] != QLatin1String("TEMPORARY") &&
                words[i] != QLatin1String("UNIQUE") && words[i] != QLatin1String("VIRTUAL"))
                break;
        }
        return kind;
    }
    if (first == QLatin1String("ALTER") && words.size() > 1)
        return first + QLatin1Char(' ') + words[1];
    return first;
}

// Refuses by the leading keyword; catches what the authorizer never sees (VACUUM INTO writes a new
// file even from a read-only connection).
std::optional<Error> checkLeadingKeyword(const QByteArray& sql)
{
    QStringList words = leadingWords(sql, 6);
    while (!words.isEmpty() && words.front() == QLatin1String("EXPLAIN")) {
        words.removeFirst();
        if (words.size() >= 2 && words[0] == QLatin1String("QUERY") &&
            words[1] == QLatin1String("PLAN"))
            words = words.mid(2);
    }
    if (words.isEmpty())
        return std::nullopt; // empty or starts with "(": let SQLite decide
    static const QStringList reading = {QStringLiteral("SELECT"), QStringLiteral("WITH"),
                                        QStringLiteral("VALUES"), QStringLiteral("PRAGMA")};
    if (reading.contains(words.front()))
        return std::nullopt;
    return refused(statementKind(words));
}

struct AuthState
{
    QString refusal;           // the first action the authorizer denied, described for the user
    bool schemaUpdate = false; // an UPDATE of the schema table was answered with SQLITE_IGNORE
};

QString describeAction(int action, const char* a1, const char* a2)
{
    const QString arg1 = QString::fromUtf8(a1 ? a1 : "");
    switch (action) {
    case SQLITE_CREATE_INDEX:
        return QStringLiteral("CREATE INDEX");
    case SQLITE_CREATE_TABLE:
        return QStringLiteral("CREATE TABLE");
    case SQLITE_CREATE_TEMP_INDEX:
        return QStringLiteral("CREATE TEMP INDEX");
    case SQLITE_CREATE_TEMP_TABLE:
        return QStringLiteral("CREATE TEMP TABLE");
    case SQLITE_CREATE_TEMP_TRIGGER:
        return QStringLiteral("CREATE TEMP TRIGGER");
    case SQLITE_CREATE_TEMP_VIEW:
        return QStringLiteral("CREATE TEMP VIEW");
    case SQLITE_CREATE_TRIGGER:
        return QStringLiteral("CREATE TRIGGER");
    case SQLITE_CREATE_VIEW:
        return QStringLiteral("CREATE VIEW");
    case SQLITE_CREATE_VTABLE:
        return QStringLiteral("CREATE VIRTUAL TABLE");
    case SQLITE_DELETE:
        return QStringLiteral("DELETE");
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TEMP_INDEX:
        return QStringLiteral("DROP INDEX");
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TEMP_TABLE:
        return QStringLiteral("DROP TABLE");
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_TEMP_TRIGGER:
        return QStringLiteral("DROP TRIGGER");
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_TEMP_VIEW:
        return QStringLiteral("DROP VIEW");
    case SQLITE_DROP_VTABLE:
        return QStringLiteral("DROP VIRTUAL TABLE");
    case SQLITE_INSERT:
        return QStringLiteral("INSERT");
    case SQLITE_UPDATE:
        return QStringLiteral("UPDATE");
    case SQLITE_TRANSACTION:
        return arg1.isEmpty() ? QStringLiteral("a transaction") : arg1;
    case SQLITE_SAVEPOINT:
        return QStringLiteral("SAVEPOINT");
    case SQLITE_ATTACH:
        return QStringLiteral("ATTACH");
    case SQLITE_DETACH:
        return QStringLiteral("DETACH");
    case SQLITE_ALTER_TABLE:
        return QStringLiteral("ALTER TABLE");
    case SQLITE_REINDEX:
        return QStringLiteral("REINDEX");
    case SQLITE_ANALYZE:
        return QStringLiteral("ANALYZE");
    case SQLITE_PRAGMA:
        return a2 ? QStringLiteral("PRAGMA %1 = %2").arg(arg1, QString::fromUtf8(a2))
                  : QStringLiteral("PRAGMA %1").arg(arg1);
    case SQLITE_FUNCTION:
        return QStringLiteral("the function %1()").arg(QString::fromUtf8(a2 ? a2 : ""));
    default:
        return QStringLiteral("SQLite action %1").arg(action);
    }
}

int authorize(void* user, int action, const char* a1, const char* a2, const char*, const char*)
{
    auto* state = static_cast<AuthState*>(user);
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_FUNCTION: {
        // Functions that reach outside the database or load code; the rest only compute.
        static const QStringList denied = {
            QStringLiteral("load_extension"), QStringLiteral("readfile"),
            QStringLiteral("writefile"), QStringLiteral("edit"), QStringLiteral("fts3_tokenizer")};
        if (!denied.contains(QString::fromUtf8(a2 ? a2 : ""), Qt::CaseInsensitive))
            return SQLITE_OK;
        break;
    }
    case SQLITE_PRAGMA: {
        // These only describe the schema; their argument is a table or index name, never a setting.
        static const QStringList readOnly = {
            QStringLiteral("table_info"),      QStringLiteral("table_xinfo"),
            QStringLiteral("table_list"),      QStringLiteral("index_list"),
            QStringLiteral("index_info"),      QStringLiteral("index_xinfo"),
            QStringLiteral("foreign_key_list")};
        if (readOnly.contains(QString::fromUtf8(a1 ? a1 : ""), Qt::CaseInsensitive))
            return SQLITE_OK;
        break;
    }
    case SQLITE_UPDATE:
        // Table-valued pragma functions (pragma_table_info('t')) announce an UPDATE of the schema
        // table while SQLite sets up the virtual table. Ignoring it writes nothing; a real UPDATE
        // is still refused by its keyword and by sqlite3_stmt_readonly().
        if (a1 && (qstrcmp(a1, "sqlite_master") == 0 || qstrcmp(a1, "sqlite_schema") == 0)) {
            state->schemaUpdate = true;
            return SQLITE_IGNORE;
        }
        break;
    default:
        break;
    }
    if (state->refusal.isEmpty())
        state->refusal = describeAction(action, a1, a2);
    return SQLITE_DENY;
}

struct ProgressState
{
    QElapsedTimer timer;
    qint64 timeoutMs = 0;
    const CancelFlag* cancel = nullptr;
    QString stopCode; // "timeout" or "cancelled" once the statement was interrupted
};

int progress(void* user)
{
    auto* state = static_cast<ProgressState*>(user);
    if (state->cancel && state->cancel->cancelled.load(std::memory_order_relaxed)) {
        state->stopCode = QStringLiteral("cancelled");
        return 1;
    }
    if (state->timer.elapsed() > state->timeoutMs) {
        state->stopCode = QStringLiteral("timeout");
        return 1;
    }
    return 0;
}

Error interrupted(const ProgressState& state)
{
    if (state.stopCode == QLatin1String("cancelled"))
        return Error::make(QStringLiteral("the SQL query was cancelled"), state.stopCode);
    return Error::make(
        QStringLiteral("the SQL query was stopped after %1 ms (statement timeout); narrow it "
                       "with WHERE or LIMIT, or aggregate in SQL")
            .arg(state.timeoutMs),
        QStringLiteral("timeout"));
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF), as JSON serialisation
// needs.
bool isValidUtf8(const unsigned char* s, int n)
{
    for (int i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (i + extra >= n || s[i + 1] < lo || s[i + 1] > hi)
            return false;
        for (int k = 2; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
        }
        i += extra + 1;
    }
    return true;
}

Json cellValue(sqlite3_stmt* stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return sqlite3_column_int64(stmt, column);
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
    case SQLITE_TEXT: {
        const auto* text = sqlite3_column_text(stmt, column);
        const int bytes = sqlite3_column_bytes(stmt, column);
        if (isValidUtf8(text, bytes))
            return std::string(reinterpret_cast<const char*>(text), std::size_t(bytes));
        // JSON needs valid UTF-8: replace broken sequences with U+FFFD.
        return QString::fromUtf8(reinterpret_cast<const char*>(text), bytes).toStdString();
    }
    case SQLITE_BLOB:
        return QStringLiteral("<blob %1 bytes>")
            .arg(sqlite3_column_bytes(stmt, column))
            .toStdString();
    default:
        return nullptr;
    }
}

Status bindParams(sqlite3_stmt* stmt, const Json& params)
{
    if (!params.is_null() && !params.is_array())
        return Error::make(
            QStringLiteral("params must be an array of values for the ? placeholders"),
            QStringLiteral("invalid_arguments"));
    const int expected = sqlite3_bind_parameter_count(stmt);
    const int given = params.is_array() ? int(params.size()) : 0;
    if (expected != given)
        return Error::make(
            QStringLiteral("the query has %1 ? placeholder(s) but %2 value(s) were given in params")
                .arg(expected)
                .arg(given),
            QStringLiteral("invalid_arguments"));
    for (int i = 0; i < given; ++i) {
        const Json& v = params[std::size_t(i)];
        if (v.is_number_integer())
            sqlite3_bind_int64(stmt, i + 1, v.get<std::int64_t>());
        else if (v.is_number_float())
            sqlite3_bind_double(stmt, i + 1, v.get<double>());
        else if (v.is_boolean())
            sqlite3_bind_int(stmt, i + 1, v.get<bool>() ? 1 : 0);
        else if (v.is_null())
            sqlite3_bind_null(stmt, i + 1);
        else if (v.is_string()) {
            const std::string& s = v.get_ref<const std::string&>();
            sqlite3_bind_text(stmt, i + 1, s.data(), int(s.size()), SQLITE_TRANSIENT);
        } else
            return Error::make(
                QStringLiteral("params[%1] must be a string, number, boolean or null").arg(i),
                QStringLiteral("invalid_arguments"));
    }
    return {};
}

struct StatementDeleter
{
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
} // namespace

Result<Table> ReadOnlySqlite::run(const QString& databasePath, const ReadOnlyQuery& query)
{
    const QByteArray sql = query.sql.toUtf8();
    if (skipTrivia(sql.constData(), sql.constData() + sql.size(), true) ==
        sql.constData() + sql.size())
        return Error::make(QStringLiteral("the SQL query is empty"),
                           QStringLiteral("invalid_arguments"));
    if (auto error = checkLeadingKeyword(sql))
        return *error;
    // Opening read-only would fail anyway, but with a message that does not name the file.
    if (!QFileInfo(databasePath).isFile())
        return Error::make(
            QStringLiteral("the database file %1 does not exist; check the data source's path "
                           "in workspace.json")
                .arg(databasePath),
            QStringLiteral("not_found"));
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadOnly);
    if (!db)
        return Error::make(db.errorMessage(), QStringLiteral("sql_error"));
    sqlite3* h = db->handle();
    // Waiting for a writer's lock does not run the progress handler; keep it within the timeout.
    sqlite3_busy_timeout(h, int(std::clamp<qint64>(query.timeout.count(), 0, 5000)));
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    // A single value (randomblob(1e9), printf padding) must not be able to exhaust memory.
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
    sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
    if (auto s = db->exec(QStringLiteral("PRAGMA query_only=ON")); !s)
        return Error::make(s.errorMessage(), QStringLiteral("sql_error"));

    AuthState auth;
    sqlite3_set_authorizer(h, authorize, &auth);
    ProgressState prog;
    prog.timeoutMs = query.timeout.count();
    prog.cancel = query.cancel.get();
    prog.timer.start();
    sqlite3_progress_handler(h, 1000, progress, &prog);

    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(h, sql.constData(), int(sql.size()), &raw, &tail);
    std::unique_ptr<sqlite3_stmt, StatementDeleter> stmt(raw);
    if (rc != SQLITE_OK) {
        if (!auth.refusal.isEmpty())
            return refused(auth.refusal);
        // SQLite rejects writes to its schema table before asking the authorizer.
        if (auth.schemaUpdate || QByteArray(sqlite3_errmsg(h)).contains("may not be modified"))
            return refused(QStringLiteral("changing the schema table"));
        if (!prog.stopCode.isEmpty())
            return interrupted(prog);
        return Error::make(
            QStringLiteral("SQL error: %1").arg(QString::fromUtf8(sqlite3_errmsg(h))),
            QStringLiteral("sql_error"));
    }
    if (!stmt)
        return Error::make(QStringLiteral("the SQL query is empty"),
                           QStringLiteral("invalid_arguments"));
    const char* end = sql.constData() + sql.size();
    if (tail && skipTrivia(tail, end, true) != end)
        return Error::make(
            QStringLiteral("sql_query runs exactly one statement: remove everything after the "
                           "first ';' (found \"%1\")")
                .arg(QString::fromUtf8(skipTrivia(tail, end, true)).left(60)),
            kRefused);
    if (!sqlite3_stmt_readonly(stmt.get()))
        return refused(QStringLiteral("a statement that changes the database"));
    if (auto s = bindParams(stmt.get(), query.params); !s)
        return s.error();

    Table table;
    const int columns = sqlite3_column_count(stmt.get());
    for (int c = 0; c < columns; ++c)
        table.columns << QString::fromUtf8(sqlite3_column_name(stmt.get(), c));
    const int limit = std::max(0, query.rowLimit);
    while (true) {
        const int step = sqlite3_step(stmt.get());
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            if (!prog.stopCode.isEmpty())
                return interrupted(prog);
            return Error::make(
                QStringLiteral("SQL error: %1").arg(QString::fromUtf8(sqlite3_errmsg(h))),
                QStringLiteral("sql_error"));
        }
        if (int(table.rows.size()) >= limit) {
            table.truncated = true;
            break;
        }
        std::vector<Json> row;
        row.reserve(std::size_t(columns));
        for (int c = 0; c < columns; ++c)
            row.push_back(cellValue(stmt.get(), c));
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace awb
