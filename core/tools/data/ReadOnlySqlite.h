#pragma once
// Runs one SQL statement against a SQLite file that it cannot change: the file is opened read-only,
// query_only is set, extension loading is off, and an authorizer admits only reads (plus a few
// schema-inspecting pragmas). Refusals come back as Error code "sql_refused" naming what was
// refused. Blocking; use from a worker thread. Each call opens its own connection, so calls are
// thread-safe.

#include <QString>

#include <chrono>
#include <memory>

#include "tools/Tool.h"
#include "tools/data/Table.h"

namespace awb {

struct ReadOnlyQuery
{
    QString sql;
    Json params = Json::array(); // positional values for ?, JSON scalars
    int rowLimit = 10000;        // at most this many rows; Table::truncated says if more existed
    std::chrono::milliseconds timeout{10000};
    std::shared_ptr<const CancelFlag> cancel; // may be null
};

class ReadOnlySqlite
{
public:
    // Error codes: "not_found" (no such file; it is never created), "sql_refused" (a write or a
    // second statement), "sql_error" (SQLite rejected the statement), "timeout", "cancelled",
    // "invalid_arguments" (bad params).
    static Result<Table> run(const QString& databasePath, const ReadOnlyQuery& query);
};

} // namespace awb
