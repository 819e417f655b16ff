#include "tools/builtin/DetectAnomaliesTool.h"

#include <algorithm>

#include "tools/data/Anomalies.h"
#include "tools/data/Cells.h"
#include "tools/data/Dataset.h"

namespace awb {

namespace {
using namespace anomalies;

const char* const kKinds[] = {"duplicate",        "fx_mismatch", "fx_rate_missing",
                              "orphan_reference", "outlier",     "wrong_period"};

Error invalid(const QString& message)
{
    return Error::make(message, QStringLiteral("invalid_arguments"));
}

Json column(const char* description)
{
    return {{"type", "string"}, {"minLength", 1}, {"description", description}};
}

Json columns(const char* description)
{
    return {{"type", "array"},
            {"items", {{"type", "string"}, {"minLength", 1}}},
            {"description", description}};
}

Json check(const char* description, Json properties, Json required)
{
    return {{"type", "object"},
            {"description", description},
            {"properties", std::move(properties)},
            {"required", std::move(required)},
            {"additionalProperties", false}};
}

// Resolves a column named by obj[key] in table; role is the argument path, for messages.
Result<int> columnArg(const Table& table, const Json& obj, const char* key, const QString& role,
                      const QString& fallback = {})
{
    QString name = fallback;
    if (const auto it = obj.find(key); it != obj.end()) {
        if (!it->is_string())
            return invalid(QStringLiteral("%1 must be a column name").arg(role));
        name = toQ(it->get<std::string>());
    }
    if (name.isEmpty())
        return invalid(QStringLiteral("%1 is required").arg(role));
    return cells::requireColumn(table, name, role, QStringLiteral("dataset"));
}

Result<std::vector<int>> columnListArg(const Table& table, const Json& obj, const char* key,
                                       const QString& role)
{
    std::vector<int> out;
    const auto it = obj.find(key);
    if (it == obj.end())
        return out;
    if (!it->is_array())
        return invalid(QStringLiteral("%1 must be an array of column names").arg(role));
    for (const Json& name : *it) {
        if (!name.is_string())
            return invalid(QStringLiteral("%1 must be an array of column names").arg(role));
        auto index = cells::requireColumn(table, toQ(name.get<std::string>()), role,
                                          QStringLiteral("dataset"));
        if (!index)
            return index.error();
        out.push_back(*index);
    }
    return out;
}

Status runOutliers(const Table& table, const Json& args, Findings& out)
{
    OutlierCheck c;
    auto amount = columnArg(table, args, "amount", QStringLiteral("checks.outliers.amount"));
    if (!amount)
        return amount.error();
    c.amount = *amount;
    auto groupBy =
        columnListArg(table, args, "group_by", QStringLiteral("checks.outliers.group_by"));
    if (!groupBy)
        return groupBy.error();
    c.groupBy = *groupBy;
    const std::string method = args.value("method", std::string("mad"));
    if (method != "mad" && method != "iqr")
        return invalid(QStringLiteral("checks.outliers.method must be \"mad\" or \"iqr\""));
    c.method = method == "mad" ? OutlierCheck::Method::Mad : OutlierCheck::Method::Iqr;
    c.threshold = c.method == OutlierCheck::Method::Mad ? 3.5 : 3.0;
    if (const auto t = args.find("threshold"); t != args.end()) {
        if (!t->is_number() || t->get<double>() <= 0)
            return invalid(QStringLiteral("checks.outliers.threshold must be a number > 0"));
        c.threshold = t->get<double>();
    }
    if (const auto m = args.find("min_group_size"); m != args.end()) {
        if (!m->is_number_integer() || m->get<std::int64_t>() < 3)
            return invalid(
                QStringLiteral("checks.outliers.min_group_size must be an integer >= 3"));
        c.minGroupSize = int(std::min<std::int64_t>(m->get<std::int64_t>(), 1'000'000'000));
    }
    return findOutliers(table, c, out);
}

Status runDuplicates(const Table& table, int idColumn, const Json& args, Findings& out)
{
    DuplicateCheck c;
    c.id = idColumn;
    auto cols = columnListArg(table, args, "columns", QStringLiteral("checks.duplicates.columns"));
    if (!cols)
        return cols.error();
    if (cols->empty())
        return invalid(QStringLiteral("checks.duplicates.columns must name at least one column"));
    c.columns = *cols;
    findDuplicates(table, c, out);
    return {};
}

Status runPeriod(const Table& table, const Json& args, Findings& out)
{
    PeriodCheck c;
    auto date = columnArg(table, args, "date", QStringLiteral("checks.period.date"));
    if (!date)
        return date.error();
    auto period = columnArg(table, args, "period", QStringLiteral("checks.period.period"));
    if (!period)
        return period.error();
    c.date = *date;
    c.period = *period;
    findWrongPeriods(table, c, out);
    return {};
}

Status runFx(const Table& table, const Json& args, Findings& out)
{
    FxCheck c;
    for (auto [key, target] :
         {std::pair{"amount", &c.amount}, {"rate", &c.rate}, {"converted", &c.converted}}) {
        auto index =
            columnArg(table, args, key, QStringLiteral("checks.fx.%1").arg(QLatin1String(key)));
        if (!index)
            return index.error();
        *target = *index;
    }
    if (const auto t = args.find("tolerance"); t != args.end()) {
        const auto tol = Decimal::fromJson(*t);
        if (!tol || *tol < Decimal())
            return invalid(
                QStringLiteral("checks.fx.tolerance must be a non-negative decimal like \"0.01\""));
        c.tolerance = *tol;
    }
    return findFxMismatches(table, c, out);
}

Status runOrphans(const Table& table, int idColumn, const Json& args, const ToolContext& ctx,
                  Findings& out)
{
    OrphanCheck c;
    auto ref = columnArg(table, args, "reference", QStringLiteral("checks.orphans.reference"));
    if (!ref)
        return ref.error();
    c.reference = *ref;
    if (const auto when = args.find("when"); when != args.end()) {
        if (!when->is_object() || !when->contains("equals"))
            return invalid(
                QStringLiteral("checks.orphans.when must be {\"column\": ..., \"equals\": ...}"));
        auto whenCol =
            columnArg(table, *when, "column", QStringLiteral("checks.orphans.when.column"));
        if (!whenCol)
            return whenCol.error();
        c.whenColumn = *whenCol;
        c.whenValue = (*when)["equals"];
    }
    const QString idName = table.columns[idColumn];
    Table target;
    const Table* keys = &table;
    if (const auto t = args.find("target"); t != args.end()) {
        auto loaded = loadCompleteDataset(*t, ctx, QStringLiteral("checks.orphans.target"));
        if (!loaded)
            return loaded.error();
        target = std::move(loaded).value();
        keys = &target;
    }
    const QString keyName = jsonString(args, "target_key", idName);
    const int keyColumn = keys->columnIndex(keyName);
    if (keyColumn < 0)
        return cells::requireColumn(*keys, keyName, QStringLiteral("checks.orphans.target_key"),
                                    keys == &table ? QStringLiteral("dataset")
                                                   : QStringLiteral("target"))
            .error();
    c.targetKeys.reserve(keys->rows.size());
    for (const auto& row : keys->rows) {
        if (!cells::isBlank(row[std::size_t(keyColumn)]))
            c.targetKeys.insert(cells::key(row[std::size_t(keyColumn)]));
    }
    c.targetName = keys == &table ? QStringLiteral("%1 of this dataset").arg(keyName)
                                  : QStringLiteral("%1 of the target").arg(keyName);
    findOrphans(table, c, out);
    return {};
}

// The column whose value is shown as "amount" on findings that did not read one themselves.
int reportingAmountColumn(const Table& table, const Json& arguments, const Json& checks)
{
    if (arguments.contains("amount_column"))
        return table.columnIndex(jsonString(arguments, "amount_column"));
    for (const char* c : {"outliers", "fx"}) {
        if (checks.contains(c) && checks[c].is_object()) {
            const int index = table.columnIndex(jsonString(checks[c], "amount"));
            if (index >= 0)
                return index;
        }
    }
    return table.columnIndex(QStringLiteral("amount"));
}
} // namespace

QString DetectAnomaliesTool::description() const
{
    return QStringLiteral("Find anomalies in one dataset (SQL query, CSV file or an earlier "
                          "result). Checks, any combination: "
                          "outliers (amounts far from their group's median by a robust MAD or IQR "
                          "rule), duplicates (rows "
                          "equal on given columns under different ids), period (a date outside the "
                          "booking period), fx "
                          "(amount x rate differs from the converted amount, or the rate is "
                          "missing) and orphans (references "
                          "that are empty or point to nothing). Returns counts per kind and one "
                          "entry per anomaly with the "
                          "row id and a one-line explanation.");
}

Json DetectAnomaliesTool::inputSchema() const
{
    Json dataset = datasetRefSchema();
    dataset["description"] = "The rows to check. " + dataset["description"].get<std::string>();
    Json target = datasetRefSchema();
    target["description"] = "Where references must point to; default: the dataset itself.";
    const Json scalar = {{"type", Json::array({"string", "number", "boolean", "null"})}};
    Json checks = {
        {"type", "object"},
        {"description", "The checks to run; at least one."},
        {"minProperties", 1},
        {"additionalProperties", false},
        {"properties",
         {{"outliers",
           check("Amounts far from the median of their group.",
                 {{"amount", column("Amount column.")},
                  {"group_by",
                   columns("Columns that form a group, e.g. [\"account\", \"period\"]; default: "
                           "all rows are one group.")},
                  {"method",
                   {{"type", "string"},
                    {"enum", {"mad", "iqr"}},
                    {"description",
                     "\"mad\" (modified z-score, default) or \"iqr\" (Tukey fences)."}}},
                  {"threshold",
                   {{"type", "number"},
                    {"exclusiveMinimum", 0},
                    {"description",
                     "mad: modified z-score limit (default 3.5); iqr: k in Q1 - k*IQR / Q3 + "
                     "k*IQR (default 3)."}}},
                  {"min_group_size",
                   {{"type", "integer"},
                    {"minimum", 3},
                    {"description", "Groups with fewer rows are not checked (default 8)."}}}},
                 {"amount"})},
          {"duplicates",
           check(
               "Rows equal on all given columns but with different ids.",
               {{"columns", columns("Columns that must all be equal, e.g. [\"vendor\", \"amount\", "
                                    "\"invoice_no\"].")}},
               {"columns"})},
          {"period", check("Rows whose date falls outside their booking period.",
                           {{"date", column("Date column, YYYY-MM-DD.")},
                            {"period", column("Period column, YYYY-MM.")}},
                           {"date", "period"})},
          {"fx", check("Currency conversions: |amount * rate - converted| > tolerance, or no rate.",
                       {{"amount", column("Amount in the original currency.")},
                        {"rate", column("Exchange rate column.")},
                        {"converted", column("Converted amount column.")},
                        {"tolerance",
                         {{"type", Json::array({"string", "number"})},
                          {"pattern", "^[0-9]+(\\.[0-9]+)?$"},
                          {"minimum", 0},
                          {"description", "Allowed difference, default \"0.01\"."}}}},
                       {"amount", "rate", "converted"})},
          {"orphans",
           check("References that are empty or not found among the target's keys.",
                 {{"reference", column("Column holding the reference.")},
                  {"when",
                   {{"type", "object"},
                    {"description", "Only check rows where column equals this value."},
                    {"properties", {{"column", column("Filter column.")}, {"equals", scalar}}},
                    {"required", {"column", "equals"}},
                    {"additionalProperties", false}}},
                  {"target", target},
                  {"target_key", column("Key column of the target; default: id_column.")}},
                 {"reference"})}}}};
    return {
        {"type", "object"},
        {"properties",
         {{"dataset", dataset},
          {"id_column",
           column("Column that identifies a row, e.g. \"entry_id\"; reported for each anomaly.")},
          {"amount_column", column("Amount shown on each anomaly; default: the outliers or fx "
                                   "amount column, or \"amount\".")},
          {"checks", checks}}},
        {"required", {"dataset", "id_column", "checks"}},
        {"additionalProperties", false}};
}

Result<Json> DetectAnomaliesTool::execute(const Json& arguments, const ToolContext& ctx) const
{
    if (!arguments.is_object() || !arguments.contains("dataset") || !arguments.contains("checks"))
        return invalid(QStringLiteral("\"dataset\", \"id_column\" and \"checks\" are required"));
    const Json& checks = arguments["checks"];
    if (!checks.is_object() || checks.empty())
        return invalid(
            QStringLiteral("\"checks\" must name at least one of outliers, duplicates, period, fx, "
                           "orphans"));
    for (const auto& [name, value] : checks.items()) {
        static const QStringList known = {QStringLiteral("outliers"), QStringLiteral("duplicates"),
                                          QStringLiteral("period"), QStringLiteral("fx"),
                                          QStringLiteral("orphans")};
        if (!known.contains(toQ(name)))
            return invalid(QStringLiteral("unknown check \"%1\" (known: %2)")
                               .arg(toQ(name), known.join(QStringLiteral(", "))));
        if (!value.is_object())
            return invalid(QStringLiteral("checks.%1 must be an object").arg(toQ(name)));
    }
    auto loaded = loadCompleteDataset(arguments["dataset"], ctx, QStringLiteral("dataset"));
    if (!loaded)
        return loaded.error();
    const Table& table = *loaded;
    auto idColumn = columnArg(table, arguments, "id_column", QStringLiteral("id_column"));
    if (!idColumn)
        return idColumn.error();

    Findings findings;
    Status status;
    if (checks.contains("duplicates") && status)
        status = runDuplicates(table, *idColumn, checks["duplicates"], findings);
    if (checks.contains("fx") && status)
        status = runFx(table, checks["fx"], findings);
    if (checks.contains("orphans") && status)
        status = runOrphans(table, *idColumn, checks["orphans"], ctx, findings);
    if (checks.contains("outliers") && status)
        status = runOutliers(table, checks["outliers"], findings);
    if (checks.contains("period") && status)
        status = runPeriod(table, checks["period"], findings);
    if (!status)
        return status.error();
    if (ctx.cancelled())
        return Error::make(QStringLiteral("detect_anomalies was cancelled"),
                           QStringLiteral("cancelled"));

    const int amountColumn = reportingAmountColumn(table, arguments, checks);
    if (arguments.contains("amount_column") && amountColumn < 0)
        return cells::requireColumn(table, jsonString(arguments, "amount_column"),
                                    QStringLiteral("amount_column"), QStringLiteral("dataset"))
            .error();
    const auto id = [&](std::size_t row) {
        return table.rows[row][std::size_t(*idColumn)];
    };
    struct Entry
    {
        const Finding* finding;
        cells::SortKey id;
    };
    std::vector<Entry> entries;
    entries.reserve(findings.items.size());
    for (const Finding& f : findings.items)
        entries.push_back({&f, cells::SortKey(cells::key(id(f.row)))});
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.finding->kind != b.finding->kind)
            return a.finding->kind < b.finding->kind;
        if (!(a.id == b.id))
            return a.id < b.id;
        return a.finding->detail < b.finding->detail;
    });

    Json byKind = Json::object();
    for (const char* kind : kKinds)
        byKind[kind] = 0;
    Json list = Json::array();
    for (const Entry& e : entries) {
        const Finding& f = *e.finding;
        Json item = {{"kind", toStd(f.kind)}, {"id", id(f.row)}, {"detail", toStd(f.detail)}};
        std::optional<Decimal> amount = f.amount;
        if (!amount && amountColumn >= 0) {
            auto parsed = cells::amount(table.rows[f.row][std::size_t(amountColumn)], f.row,
                                        QString(), QString());
            if (parsed)
                amount = *parsed;
        }
        if (amount)
            item["amount"] = toStd(amount->toString(2));
        if (!f.group.isEmpty())
            item["group"] = toStd(f.group);
        if (f.score)
            item["score"] = toStd(QString::number(*f.score, 'f', 2));
        if (f.duplicateOf)
            item["duplicate_of"] = id(*f.duplicateOf);
        byKind[toStd(f.kind)] = byKind[toStd(f.kind)].get<int>() + 1;
        list.push_back(std::move(item));
    }
    Json notes = Json::array();
    for (const QString& n : findings.notes)
        notes.push_back(toStd(n));
    return Json{
        {"summary", {{"rows", table.rows.size()}, {"anomalies", list.size()}, {"by_kind", byKind}}},
        {"anomalies", std::move(list)},
        {"notes", std::move(notes)}};
}

} // namespace awb
