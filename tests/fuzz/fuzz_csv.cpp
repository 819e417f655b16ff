// The CSV reader (parseCsv) on any bytes. Properties: no exception escapes; an error names the
// source; a table that loads has as many cells in every row as columns, holds only UTF-8 text
// (what the journal and the model can take) and reads back the same when written out again as
// RFC 4180 with every field quoted.

#include "FuzzSupport.h"

#include "tools/data/Csv.h"

using namespace awb;
using namespace awb::fuzz;

namespace {

QByteArray quoted(QByteArray field)
{
    return '"' + field.replace('"', "\"\"") + '"';
}

QByteArray written(const Table& table)
{
    QList<QByteArray> header;
    for (const QString& column : table.columns)
        header << quoted(column.toUtf8());
    QByteArray out = header.join(',') + "\r\n";
    for (const auto& row : table.rows) {
        QList<QByteArray> cells;
        for (const Json& cell : row)
            cells << quoted(QByteArray::fromStdString(cell.get<std::string>()));
        out += cells.join(',') + "\r\n";
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    CsvOptions options;
    options.sourceName = QStringLiteral("data/fuzzed.csv");
    const Result<Table> table = parseCsv(bytesOf(data, size), options);
    if (!table.ok()) {
        check(table.errorMessage().startsWith(options.sourceName), "an error names the source",
              table.errorMessage());
        check(table.error().code == QLatin1String("invalid_csv"), "an error is invalid_csv");
        return 0;
    }
    check(!table->columns.isEmpty(), "a table has a header");
    for (const auto& row : table->rows) {
        check(row.size() == std::size_t(table->columns.size()), "every row has a cell per column");
        for (const Json& cell : row)
            check(cell.is_string(), "cells stay strings");
    }
    checkWritable(table->toJson(), "the table");

    const QByteArray again = written(*table);
    const Result<Table> reread = parseCsv(again, options);
    check(reread.ok(), "the table written out reads back",
          reread.ok() ? QString() : reread.errorMessage());
    check(canonicalJson(reread->toJson()) == canonicalJson(table->toJson()),
          "the table written out reads back the same", QString::fromUtf8(again.left(400)));
    return 0;
}
