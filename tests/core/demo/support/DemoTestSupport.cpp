#include "DemoTestSupport.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

using namespace awb;

namespace demotest {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Json readJson(const QString& path)
{
    auto json = parseJson(readFile(path));
    return json ? *json : Json();
}

std::vector<QStringList> parseCsv(const QString& text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text[i + 1] == QLatin1Char('\n')) {
            row << field;
            rows.push_back(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows.push_back(row << field);
    return rows;
}

std::map<QString, QByteArray> snapshot(const QString& dir)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files[path] = QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256);
    }
    return files;
}

std::vector<std::vector<QVariant>> query(sql::Database& db, const QString& sql)
{
    std::vector<std::vector<QVariant>> rows;
    auto stmt = db.prepare(sql);
    if (!stmt) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(stmt.errorMessage()));
        return rows;
    }
    while (stmt->step()) {
        std::vector<QVariant> row;
        for (int c = 0; c < stmt->columnCount(); ++c) {
            if (stmt->isNull(c))
                row.emplace_back();
            else if (stmt->columnType(c) == 1 /* SQLITE_INTEGER */)
                row.emplace_back(qlonglong(stmt->int64(c)));
            else if (stmt->columnType(c) == 2 /* SQLITE_FLOAT */)
                row.emplace_back(stmt->real(c));
            else
                row.emplace_back(stmt->text(c));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

QStringList firstColumn(sql::Database& db, const QString& sql)
{
    QStringList out;
    for (const auto& row : query(db, sql))
        out << row.at(0).toString();
    out.sort();
    return out;
}

QByteArray ledgerHash(const QString& path)
{
    auto db = sql::Database::open(path, sql::OpenMode::ReadOnly);
    if (!db)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char* table : {"accounts", "customers", "fx_rates", "invoices", "journal_entries"}) {
        hash.addData(QByteArray("table ") + table + '\n');
        for (const auto& row : query(
                 *db, QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table)))) {
            for (const QVariant& v : row) {
                const QByteArray cell = !v.isValid() ? QByteArray("n")
                                        : v.typeId() == QMetaType::LongLong
                                            ? "i" + QByteArray::number(v.toLongLong())
                                            : "t" + v.toString().toUtf8();
                hash.addData(cell + '\x1f');
            }
            hash.addData("\n");
        }
    }
    return hash.result().toHex();
}

} // namespace demotest
