#pragma once
// A small in-memory table: what SQL queries, CSV files and stored results are turned into so that
// reconcile and detect_anomalies can work on any of them. Cells are JSON scalars.

#include <QString>
#include <QStringList>

#include <vector>

#include "util/Json.h"
#include "util/Result.h"

namespace awb {

struct Table
{
    QStringList columns;
    std::vector<std::vector<Json>> rows;
    bool truncated = false; // the source had more rows than the limit allowed

    int columnIndex(const QString& name) const { return int(columns.indexOf(name)); }
    // {"columns": [...], "rows": [[...], ...], "row_count": N, "truncated": bool}
    Json toJson() const;
    // Accepts the toJson() shape, or an array of objects with the same keys.
    static Result<Table> fromJson(const Json& value);
};

} // namespace awb
