#include "tools/data/Dataset.h"

#include <QStringList>

#include "store/Workspace.h"
#include "tools/data/Csv.h"
#include "tools/data/ReadOnlySqlite.h"

namespace awb {

namespace {
Error invalid(const QString& message)
{
    return Error::make(message, QStringLiteral("invalid_arguments"));
}

QStringList arrayMembers(const Json& object)
{
    QStringList names;
    if (object.is_object()) {
        for (const auto& [key, value] : object.items()) {
            if (value.is_array() && (value.empty() || value.front().is_object()))
                names << toQ(key);
        }
    }
    return names;
}

// "mismatched" or a dotted path into nested objects, "duplicate_keys.left".
const Json* findMember(const Json& stored, const QString& member)
{
    if (!stored.is_object())
        return nullptr;
    if (const auto it = stored.find(toStd(member)); it != stored.end())
        return &*it;
    const Json* node = &stored;
    for (const QString& part : member.split(QLatin1Char('.'))) {
        if (!node->is_object())
            return nullptr;
        const auto it = node->find(toStd(part));
        if (it == node->end())
            return nullptr;
        node = &*it;
    }
    return node;
}

Result<Table> loadSql(const Json& ref, const ToolContext& ctx)
{
    if (!ref["sql"].is_string())
        return invalid(QStringLiteral("\"sql\" must be a string holding one SELECT statement"));
    if (!ctx.workspace)
        return invalid(QStringLiteral("an SQL dataset needs a workspace with data sources"));
    const QString sourceName = jsonString(ref, "source");
    auto source = ctx.workspace->dataSource(sourceName);
    if (!source)
        return source.error();
    if (source->type != QLatin1String("sqlite"))
        return Error::make(
            QStringLiteral("data source \"%1\" is of type %2; only sqlite data sources can be "
                           "queried here")
                .arg(source->name, source->type),
            QStringLiteral("unsupported_source"));
    ReadOnlyQuery query;
    query.sql = toQ(ref["sql"].get<std::string>());
    query.params = ref.value("params", Json::array());
    query.rowLimit = ctx.workspace->settings().sql.rowLimit;
    query.timeout = std::chrono::milliseconds(ctx.workspace->settings().sql.timeoutMs);
    query.cancel = ctx.cancel;
    return ReadOnlySqlite::run(source->path, query);
}

Result<Table> loadCsv(const Json& ref, const ToolContext& ctx)
{
    if (!ref["csv"].is_string())
        return invalid(QStringLiteral("\"csv\" must be a path relative to the workspace"));
    if (!ctx.workspace)
        return invalid(QStringLiteral("a CSV dataset needs a workspace"));
    const QString relative = toQ(ref["csv"].get<std::string>());
    // Refusals name the path and why, never what the file holds: a link to /etc/shadow must not
    // show its first line as a header.
    auto bytes = ctx.workspace->files().read(relative, kMaxCsvFileBytes);
    if (!bytes)
        return bytes.error();
    CsvOptions options;
    options.sourceName = relative;
    return parseCsv(*bytes, options);
}

Result<Table> loadHandle(const Json& ref, const ToolContext& ctx)
{
    if (!ref["handle"].is_string())
        return invalid(QStringLiteral(
            "\"handle\" must be the handle of an earlier step's result, like \"s4\""));
    if (!ctx.results)
        return invalid(QStringLiteral("no stored results are available to read handles from"));
    const QString handle = toQ(ref["handle"].get<std::string>());
    auto stored = ctx.results->load(handle);
    if (!stored)
        return stored.error();
    return tableFromResult(*stored, jsonString(ref, "member"), handle);
}
} // namespace

Json datasetRefSchema()
{
    const Json scalar = {{"type", Json::array({"string", "number", "boolean", "null"})}};
    return {
        {"type", "object"},
        {"description",
         "Where rows come from: exactly one of \"sql\" (a read-only SELECT against a workspace "
         "data source), \"csv\" (a CSV file with a header row, path relative to the "
         "workspace) or \"handle\" (the stored result of an earlier step)."},
        {"properties",
         {{"sql", {{"type", "string"}, {"description", "One SELECT statement (SQLite dialect)."}}},
          {"source",
           {{"type", "string"},
            {"description",
             "Data source name from workspace.json; default: the first one. Only with sql."}}},
          {"params",
           {{"type", "array"},
            {"items", scalar},
            {"description", "Values for the ? placeholders in sql, in order."}}},
          {"csv",
           {{"type", "string"}, {"description", "CSV file path relative to the workspace."}}},
          {"handle",
           {{"type", "string"},
            {"description", "Handle of an earlier step's result, e.g. \"s4\"."}}},
          {"member",
           {{"type", "string"},
            {"description", "With handle: the array of objects inside that result to use, e.g. "
                            "\"mismatched\"."}}}}},
        {"oneOf",
         Json::array(
             {{{"required", {"sql"}}}, {{"required", {"csv"}}}, {{"required", {"handle"}}}})},
        {"additionalProperties", false}};
}

Result<Table> loadDataset(const Json& ref, const ToolContext& ctx)
{
    if (!ref.is_object())
        return invalid(
            QStringLiteral("a dataset must be an object with \"sql\", \"csv\" or \"handle\""));
    const int kinds =
        int(ref.contains("sql")) + int(ref.contains("csv")) + int(ref.contains("handle"));
    if (kinds != 1)
        return invalid(
            QStringLiteral("a dataset needs exactly one of \"sql\", \"csv\" or \"handle\" (got %1)")
                .arg(kinds));
    if (ref.contains("member") && !ref.contains("handle"))
        return invalid(QStringLiteral("\"member\" only applies to a dataset given by \"handle\""));
    if ((ref.contains("source") || ref.contains("params")) && !ref.contains("sql"))
        return invalid(
            QStringLiteral("\"source\" and \"params\" only apply to a dataset given by \"sql\""));
    if (ref.contains("sql"))
        return loadSql(ref, ctx);
    if (ref.contains("csv"))
        return loadCsv(ref, ctx);
    return loadHandle(ref, ctx);
}

Result<Table> loadCompleteDataset(const Json& ref, const ToolContext& ctx, const QString& role)
{
    auto table = loadDataset(ref, ctx);
    if (!table)
        return Error::make(QStringLiteral("%1: %2").arg(role, table.errorMessage()),
                           table.error().code);
    if (table->truncated)
        return Error::make(
            QStringLiteral("%1: the dataset was cut off at %2 rows (the row limit), so results "
                           "over it would be wrong; aggregate or filter in SQL, or raise "
                           "sql.row_limit in workspace.json")
                .arg(role)
                .arg(table->rows.size()),
            QStringLiteral("dataset_truncated"));
    return table;
}

Result<Table> tableFromResult(const Json& stored, const QString& member, const QString& handle)
{
    const QStringList members = arrayMembers(stored);
    const QString hint = members.isEmpty() ? QString()
                                           : QStringLiteral(" (its arrays of objects: %1)")
                                                 .arg(members.join(QStringLiteral(", ")));
    if (!member.isEmpty()) {
        const Json* found = findMember(stored, member);
        if (!found || !found->is_array())
            return invalid(
                QStringLiteral("the result %1 has no array \"%2\"%3").arg(handle, member, hint));
        auto table = Table::fromJson(*found);
        if (!table)
            return Error::make(
                QStringLiteral("%1.%2: %3").arg(handle, member, table.errorMessage()),
                table.error().code);
        return table;
    }
    auto table = Table::fromJson(stored);
    if (!table)
        return Error::make(
            QStringLiteral("the result %1 is not a table%2; pick one with \"member\"")
                .arg(handle,
                     hint.isEmpty() ? QStringLiteral(" and has no array of objects") : hint),
            QStringLiteral("invalid_table"));
    return table;
}

} // namespace awb
