#include "tools/builtin/SqlQueryTool.h"

#include <algorithm>

#include "store/Workspace.h"
#include "tools/data/Dataset.h"
#include "tools/data/ReadOnlySqlite.h"

namespace awb {

namespace {
Error invalid(const QString& message)
{
    return Error::make(message, QStringLiteral("invalid_arguments"));
}

Json columnsJson(const Table& table)
{
    Json cols = Json::array();
    for (const QString& c : table.columns)
        cols.push_back(toStd(c));
    return cols;
}
} // namespace

QString SqlQueryTool::description() const
{
    return QStringLiteral(
        "Run one read-only SQL query (SQLite dialect) against a workspace data source and get the "
        "rows. "
        "Only SELECT / WITH ... SELECT are allowed; use PRAGMA table_list and PRAGMA "
        "table_info(name) to "
        "discover tables and columns. Prefer aggregating in SQL (SUM, GROUP BY) over fetching many "
        "rows. "
        "Large results are summarised: to read more rows of an earlier result, call this tool with "
        "{\"handle\": ..., \"offset\": N, \"limit\": M} instead of a query.");
}

Json SqlQueryTool::inputSchema() const
{
    return {
        {"type", "object"},
        {"description", "Either \"query\" (run SQL) or \"handle\" (page through a stored result)."},
        {"properties",
         {{"query",
           {{"type", "string"},
            {"minLength", 1},
            {"description", "One SELECT statement; use ? placeholders with params for values."}}},
          {"source",
           {{"type", "string"},
            {"description",
             "Data source name from the workspace; default: the first data source."}}},
          {"params",
           {{"type", "array"},
            {"items", {{"type", Json::array({"string", "number", "boolean", "null"})}}},
            {"description", "Values for the ? placeholders, in order."}}},
          {"max_rows",
           {{"type", "integer"},
            {"minimum", 1},
            {"description",
             "Return at most this many rows (default and ceiling: the workspace row limit)."}}},
          {"handle",
           {{"type", "string"},
            {"description",
             "Instead of a query: the handle of an earlier step's result to page through, "
             "e.g. \"s4\"."}}},
          {"member",
           {{"type", "string"},
            {"description",
             "With handle: the array inside that result to page through, e.g. \"mismatched\"."}}},
          {"offset",
           {{"type", "integer"},
            {"minimum", 0},
            {"description", "With handle: first row to return (0-based)."}}},
          {"limit",
           {{"type", "integer"},
            {"minimum", 1},
            {"maximum", kMaxPage},
            {"description", "With handle: number of rows to return (default 50)."}}}}},
        {"anyOf", Json::array({{{"required", {"query"}}}, {{"required", {"handle"}}}})},
        {"additionalProperties", false}};
}

Result<Json> SqlQueryTool::execute(const Json& arguments, const ToolContext& ctx) const
{
    if (!arguments.is_object())
        return invalid(QStringLiteral("arguments must be an object with \"query\" or \"handle\""));
    const bool hasQuery = arguments.contains("query");
    const bool hasHandle = arguments.contains("handle");
    if (hasQuery == hasHandle)
        return invalid(
            hasQuery
                ? QStringLiteral("give either \"query\" or \"handle\", not both")
                : QStringLiteral("give \"query\" (SQL to run) or \"handle\" (a stored result to "
                                 "page through)"));
    return hasQuery ? runQuery(arguments, ctx) : readPage(arguments, ctx);
}

Result<Json> SqlQueryTool::runQuery(const Json& arguments, const ToolContext& ctx) const
{
    for (const char* key : {"offset", "limit", "member"}) {
        if (arguments.contains(key))
            return invalid(
                QStringLiteral(
                    "\"%1\" pages through a stored result (with \"handle\"); for a query "
                    "use LIMIT/OFFSET in the SQL or max_rows")
                    .arg(QLatin1String(key)));
    }
    if (!arguments["query"].is_string())
        return invalid(QStringLiteral("\"query\" must be a string"));
    if (!ctx.workspace)
        return invalid(QStringLiteral("sql_query needs a workspace with data sources"));
    auto source = ctx.workspace->dataSource(jsonString(arguments, "source"));
    if (!source)
        return source.error();
    if (source->type != QLatin1String("sqlite"))
        return Error::make(
            QStringLiteral("data source \"%1\" is of type %2; sql_query supports sqlite data "
                           "sources")
                .arg(source->name, source->type),
            QStringLiteral("unsupported_source"));
    const SqlLimits& limits = ctx.workspace->settings().sql;
    ReadOnlyQuery query;
    query.sql = toQ(arguments["query"].get<std::string>());
    query.params = arguments.value("params", Json::array());
    query.rowLimit = limits.rowLimit;
    if (const auto maxRows = arguments.find("max_rows"); maxRows != arguments.end()) {
        if (!maxRows->is_number_integer() || maxRows->get<std::int64_t>() < 1)
            return invalid(QStringLiteral("\"max_rows\" must be an integer >= 1"));
        query.rowLimit = int(std::min<std::int64_t>(maxRows->get<std::int64_t>(), limits.rowLimit));
    }
    query.timeout = std::chrono::milliseconds(limits.timeoutMs);
    query.cancel = ctx.cancel;
    auto table = ReadOnlySqlite::run(source->path, query);
    if (!table)
        return table.error();
    Json out = table->toJson();
    out["source"] = toStd(source->name);
    if (table->truncated)
        out["note"] = toStd(
            QStringLiteral("Only the first %1 rows are returned; the query has more. Aggregate "
                           "or filter in SQL to see everything.")
                .arg(table->rows.size()));
    return out;
}

Result<Json> SqlQueryTool::readPage(const Json& arguments, const ToolContext& ctx) const
{
    for (const char* key : {"source", "params", "max_rows"}) {
        if (arguments.contains(key))
            return invalid(
                QStringLiteral("\"%1\" applies to a query, not to paging with \"handle\"")
                    .arg(QLatin1String(key)));
    }
    if (!arguments["handle"].is_string())
        return invalid(QStringLiteral("\"handle\" must be a string like \"s4\""));
    if (!ctx.results)
        return invalid(QStringLiteral("no stored results are available in this context"));
    const QString handle = toQ(arguments["handle"].get<std::string>());
    const std::int64_t offset = arguments.value("offset", std::int64_t(0));
    const std::int64_t limit = arguments.value("limit", std::int64_t(kDefaultPage));
    if (offset < 0)
        return invalid(QStringLiteral("\"offset\" must be >= 0"));
    if (limit < 1 || limit > kMaxPage)
        return invalid(QStringLiteral("\"limit\" must be between 1 and %1").arg(kMaxPage));
    auto stored = ctx.results->load(handle);
    if (!stored)
        return stored.error();
    const QString member = jsonString(arguments, "member");
    auto table = tableFromResult(*stored, member, handle);
    if (!table)
        return table.error();

    const std::size_t total = table->rows.size();
    const std::size_t begin = std::min(total, std::size_t(offset));
    const std::size_t end = std::min(total, begin + std::size_t(limit));
    Json rows = Json::array();
    for (std::size_t i = begin; i < end; ++i)
        rows.push_back(Json(table->rows[i]));
    Json out = {{"handle", toStd(handle)},        {"offset", offset},        {"limit", limit},
                {"columns", columnsJson(*table)}, {"rows", std::move(rows)}, {"row_count", total}};
    if (!member.isEmpty())
        out["member"] = toStd(member);
    if (begin >= total && total > 0)
        out["note"] = toStd(QStringLiteral("offset %1 is past the last row; the result has %2 rows")
                                .arg(offset)
                                .arg(total));
    return out;
}

} // namespace awb
