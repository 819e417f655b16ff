#pragma once
// Helpers shared by the demo tests: file and SQL access, an independent RFC 4180 reader and a
// typed hash of the ledger's contents.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <map>
#include <vector>

#include "store/Sqlite.h"
#include "util/Json.h"

// QCOMPARE cannot print nlohmann::json; canonical text compares equal values and shows both.
#define QCOMPARE_JSON(actual, expected)                                                            \
    QCOMPARE(awb::canonicalJsonString(actual), awb::canonicalJsonString(expected))

namespace demotest {

inline const QString kQuarter =
    QStringLiteral("invoice_date BETWEEN '2026-07-01' AND '2026-09-30'");

QByteArray readFile(const QString& path);
awb::Json readJson(const QString& path);
// A strict RFC 4180 reader, independent of the tools' CSV reader.
std::vector<QStringList> parseCsv(const QString& text);
// Every file under dir with the SHA-256 of its bytes.
std::map<QString, QByteArray> snapshot(const QString& dir);
// Rows as QVariants: qlonglong, double, QString or invalid for NULL.
std::vector<std::vector<QVariant>> query(awb::sql::Database& db, const QString& sql);
// The first column of every row, sorted.
QStringList firstColumn(awb::sql::Database& db, const QString& sql);
// Typed, ordered dump of the ledger tables: equal data gives equal hashes whatever the file bytes.
QByteArray ledgerHash(const QString& path);

} // namespace demotest
