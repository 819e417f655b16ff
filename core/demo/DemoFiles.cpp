#include "demo/DemoFiles.h"

#include <QFile>
#include <QSaveFile>

#include "store/Sqlite.h"

namespace awb::demo {

namespace {

const char* const kSchema = R"SQL(
PRAGMA user_version = 1;
CREATE TABLE accounts (
    account_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE TABLE customers (
    customer_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    currency TEXT NOT NULL
);
CREATE TABLE fx_rates (
    rate_date TEXT NOT NULL,
    currency TEXT NOT NULL,
    usd_per_unit TEXT NOT NULL,
    PRIMARY KEY (rate_date, currency)
);
CREATE TABLE invoices (
    invoice_id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (customer_id),
    deal_id TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    original_invoice_id TEXT,
    invoice_date TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    fx_rate TEXT NOT NULL,
    amount_usd_minor INTEGER NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (account_id),
    status TEXT NOT NULL
);
CREATE INDEX invoices_deal ON invoices (deal_id);
CREATE TABLE journal_entries (
    entry_id INTEGER PRIMARY KEY,
    entry_date TEXT NOT NULL,
    period TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (account_id),
    invoice_id TEXT REFERENCES invoices (invoice_id),
    description TEXT NOT NULL,
    debit_usd_minor INTEGER NOT NULL DEFAULT 0,
    credit_usd_minor INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX journal_entries_invoice ON journal_entries (invoice_id, account_id);
CREATE VIEW revenue_postings AS
SELECT i.invoice_id, i.customer_id, i.deal_id, i.kind, i.original_invoice_id, i.invoice_date,
       j.period, i.account_id, i.currency, i.amount_minor / 100.0 AS amount, i.fx_rate,
       r.usd_per_unit AS expected_rate, i.amount_usd_minor / 100.0 AS amount_usd
FROM invoices AS i
JOIN journal_entries AS j ON j.invoice_id = i.invoice_id AND j.account_id = i.account_id
LEFT JOIN fx_rates AS r ON r.rate_date = i.invoice_date AND r.currency = i.currency
ORDER BY i.invoice_id;
)SQL";

Error writeError(const QString& path, const QString& what)
{
    return Error::make(QStringLiteral("cannot write %1: %2").arg(path, what), QStringLiteral("io"));
}

// Inserts one row per call of `bindRow`; a failure names the table.
class Inserter
{
public:
    Inserter(sql::Database& db, const QString& table, const QString& sql) : m_table(table)
    {
        auto stmt = db.prepare(sql);
        if (stmt)
            m_stmt = std::move(stmt).value();
        else
            m_status = stmt.error();
    }
    sql::Statement& row() { return m_stmt; }
    void done()
    {
        if (!m_status.ok())
            return;
        m_status = m_stmt.exec();
        if (!m_status.ok())
            m_status = Error::make(
                QStringLiteral("insert into %1 failed: %2").arg(m_table, m_status.errorMessage()),
                QStringLiteral("sqlite"));
        m_stmt.reset();
    }
    const Status& status() const { return m_status; }

private:
    QString m_table;
    sql::Statement m_stmt;
    Status m_status;
};

Status fillLedger(sql::Database& db, const DemoData& data)
{
    if (Status s = db.exec(QString::fromUtf8(kSchema)); !s)
        return s;
    sql::Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();

    Inserter accounts(db, QStringLiteral("accounts"),
                      QStringLiteral("INSERT INTO accounts VALUES (?, ?, ?)"));
    for (const auto& a : data.accounts) {
        if (!accounts.status())
            break;
        accounts.row().bind(1, a.id).bind(2, a.name).bind(3, a.type);
        accounts.done();
    }
    Inserter customers(db, QStringLiteral("customers"),
                       QStringLiteral("INSERT INTO customers VALUES (?, ?, ?, ?)"));
    for (const auto& c : data.customers) {
        if (!customers.status())
            break;
        customers.row().bind(1, c.id).bind(2, c.name).bind(3, c.country).bind(4, c.currency);
        customers.done();
    }
    Inserter rates(db, QStringLiteral("fx_rates"),
                   QStringLiteral("INSERT INTO fx_rates VALUES (?, ?, ?)"));
    for (QDate d = data.firstDay; d <= data.lastDay && rates.status(); d = d.addDays(1)) {
        for (const auto& [currency, _] : data.rates) {
            rates.row()
                .bind(1, d.toString(Qt::ISODate))
                .bind(2, currency)
                .bind(3, formatRate(data.rateOn(currency, d)));
            rates.done();
        }
    }
    Inserter invoices(
        db, QStringLiteral("invoices"),
        QStringLiteral("INSERT INTO invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'posted')"));
    Inserter journal(
        db, QStringLiteral("journal_entries"),
        QStringLiteral(
            "INSERT INTO journal_entries (entry_date, period, account_id, invoice_id, "
            "description, debit_usd_minor, credit_usd_minor) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const auto line = [&journal](const DemoDocument& doc, const QString& account,
                                 const QString& description, std::int64_t debit,
                                 std::int64_t credit) {
        journal.row()
            .bind(1, doc.postingDate.toString(Qt::ISODate))
            .bind(2, doc.postingDate.toString(QStringLiteral("yyyy-MM")))
            .bind(3, account)
            .bind(4, doc.id)
            .bind(5, description)
            .bind(6, debit)
            .bind(7, credit);
        journal.done();
    };
    const QString receivable = QStringLiteral("1200");
    for (const auto& doc : data.documents) {
        if (!invoices.status() || !journal.status())
            break;
        const bool invoice = doc.kind == DocumentKind::Invoice;
        auto& row = invoices.row();
        row.bind(1, doc.id).bind(2, data.customers[std::size_t(doc.customer)].id);
        if (doc.dealId.isEmpty())
            row.bindNull(3);
        else
            row.bind(3, doc.dealId);
        row.bind(4, invoice ? QStringLiteral("invoice") : QStringLiteral("credit_note"));
        if (doc.originalId.isEmpty())
            row.bindNull(5);
        else
            row.bind(5, doc.originalId);
        row.bind(6, doc.date.toString(Qt::ISODate))
            .bind(7, doc.currency)
            .bind(8, doc.amountMinor)
            .bind(9, formatRate(doc.rateUsed))
            .bind(10, doc.amountUsdMinor)
            .bind(11, doc.account);
        invoices.done();
        const QString customer = data.customers[std::size_t(doc.customer)].name;
        if (invoice) {
            const QString text = QStringLiteral("Invoice %1, %2").arg(doc.id, customer);
            line(doc, receivable, text, doc.amountUsdMinor, 0);
            line(doc, doc.account, text, 0, doc.amountUsdMinor);
        } else {
            const QString text = QStringLiteral("Credit note %1, %2").arg(doc.id, customer);
            line(doc, doc.account, text, -doc.amountUsdMinor, 0);
            line(doc, receivable, text, 0, -doc.amountUsdMinor);
        }
    }
    for (const Inserter* i : {&accounts, &customers, &rates, &invoices, &journal}) {
        if (!i->status())
            return i->status();
    }
    return tx.commit();
}

} // namespace

Status writeLedger(const DemoData& data, const QString& path)
{
    const QString part = path + QStringLiteral(".part");
    QFile::remove(part);
    Status status;
    {
        auto db = sql::Database::open(part, sql::OpenMode::ReadWriteCreate);
        if (!db)
            return db.error();
        status = fillLedger(*db, data);
    } // closed before the rename
    if (status.ok() && !QFile::rename(part, path))
        status = writeError(path, QStringLiteral("cannot move %1 into place").arg(part));
    if (!status.ok()) {
        QFile::remove(part);
        return Error::make(
            QStringLiteral("cannot create the demo ledger %1: %2").arg(path, status.errorMessage()),
            status.error().code);
    }
    return {};
}

QString csvField(const QString& value)
{
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (QChar c : value)
        quote = quote || special.contains(c);
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Status writeCrmExport(const DemoData& data, const QString& path)
{
    QByteArray out =
        "deal_id,customer_id,customer_name,close_date,billed_date,currency,amount,status\r\n";
    for (const auto& d : data.deals) {
        const DemoCustomer& c = data.customers[std::size_t(d.customer)];
        const QStringList fields = {d.id,
                                    c.id,
                                    c.name,
                                    d.closeDate.toString(Qt::ISODate),
                                    d.billedDate.toString(Qt::ISODate),
                                    d.currency,
                                    formatMinor(d.amountMinor),
                                    QStringLiteral("billed")};
        QStringList quoted;
        for (const auto& f : fields)
            quoted << csvField(f);
        out += quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    if (file.write(out) != out.size() || !file.commit())
        return writeError(path, file.errorString());
    return {};
}

} // namespace awb::demo
