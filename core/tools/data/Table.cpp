#include "tools/data/Table.h"

#include <set>

namespace awb {

namespace {
Error tableError(const QString& what)
{
    return Error::make(
        QStringLiteral("not a table: %1 (expected {\"columns\": [...], \"rows\": [[...], "
                       "...]} or an array of objects)")
            .arg(what),
        QStringLiteral("invalid_table"));
}

Result<Table> fromObjects(const Json& objects, QStringList columns)
{
    Table table;
    // Columns in order of first appearance; later objects may add keys (missing cells are null).
    std::set<std::string> known;
    for (const QString& c : columns)
        known.insert(toStd(c));
    for (std::size_t i = 0; i < objects.size(); ++i) {
        if (!objects[i].is_object())
            return tableError(QStringLiteral("row %1 is not an object").arg(i + 1));
        for (const auto& [k, _] : objects[i].items()) {
            if (known.insert(k).second)
                columns << toQ(k);
        }
    }
    table.columns = columns;
    std::vector<std::string> names;
    names.reserve(std::size_t(columns.size()));
    for (const QString& c : columns)
        names.push_back(toStd(c));
    table.rows.reserve(objects.size());
    for (const Json& object : objects) {
        std::vector<Json> row;
        row.reserve(names.size());
        for (const std::string& name : names) {
            const auto it = object.find(name);
            row.push_back(it == object.end() ? Json() : *it);
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}
} // namespace

Json Table::toJson() const
{
    Json cols = Json::array();
    for (const QString& c : columns)
        cols.push_back(toStd(c));
    Json out = {{"columns", std::move(cols)}, {"row_count", rows.size()}, {"truncated", truncated}};
    Json& jrows = out["rows"] = Json::array();
    jrows.get_ref<Json::array_t&>().reserve(rows.size());
    for (const auto& row : rows)
        jrows.push_back(Json(row));
    return out;
}

Result<Table> Table::fromJson(const Json& value)
{
    if (value.is_array())
        return fromObjects(value, {});
    if (!value.is_object())
        return tableError(QStringLiteral("got a %1").arg(QString::fromUtf8(value.type_name())));
    const auto cols = value.find("columns");
    const auto rows = value.find("rows");
    if (cols == value.end() || rows == value.end())
        return tableError(QStringLiteral("the object has no \"columns\" and \"rows\""));
    if (!cols->is_array() || !rows->is_array())
        return tableError(QStringLiteral("\"columns\" and \"rows\" must be arrays"));
    QStringList columns;
    for (const Json& c : *cols) {
        if (!c.is_string())
            return tableError(QStringLiteral("column names must be strings"));
        columns << toQ(c.get<std::string>());
    }
    Result<Table> result = Table{};
    if (!rows->empty() && rows->front().is_object()) {
        result = fromObjects(*rows, columns);
        if (!result)
            return result;
    } else {
        Table& table = result.value();
        table.columns = columns;
        table.rows.reserve(rows->size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const Json& row = (*rows)[i];
            if (!row.is_array() || row.size() != std::size_t(columns.size()))
                return tableError(QStringLiteral("row %1 is not an array of %2 cells")
                                      .arg(i + 1)
                                      .arg(columns.size()));
            table.rows.push_back(row.get<std::vector<Json>>());
        }
    }
    if (const auto t = value.find("truncated"); t != value.end() && t->is_boolean())
        result->truncated = t->get<bool>();
    return result;
}

} // namespace awb
