#pragma once
// RFC 4180 CSV reader: a header row, quoted fields with "" escapes and embedded line breaks,
// CRLF or LF line endings, an optional UTF-8 byte order mark. Cells stay strings; tools parse
// amounts with Decimal so that no value is reinterpreted on the way in.

#include <QByteArray>
#include <QChar>
#include <QString>

#include "tools/data/Table.h"

namespace awb {

struct CsvOptions
{
    char delimiter = ',';
    QString sourceName = QStringLiteral("CSV"); // used in error messages, e.g. the file name
};

// Errors name the line and say what is wrong ("line 7: unterminated quoted field").
// Fully empty lines are skipped; a record with a different number of fields than the header is an
// error.
Result<Table> parseCsv(const QByteArray& data, const CsvOptions& options = {});

// The largest CSV file read: its table takes several times this in memory. A larger export
// belongs in a SQLite data source.
inline constexpr qint64 kMaxCsvFileBytes = 64 << 20;

// Reads (a regular file of at most kMaxCsvFileBytes, util/RegularFile) and parses a file that is
// not in a workspace; a missing or unreadable file is an error naming it. Files in a workspace
// are read through WorkspaceFiles and given to parseCsv().
Result<Table> readCsvFile(const QString& path, CsvOptions options = {});

} // namespace awb
