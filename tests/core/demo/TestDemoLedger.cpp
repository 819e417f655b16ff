// The demo ledger and CRM export: deterministic, balanced books, and exactly the anomalies
// planted in tests/fixtures/demo_answer_key.json, checked with SQL independent of the tools.

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "demo/DemoWorkspace.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "util/Decimal.h"

#include "core/demo/support/DemoTestSupport.h"

using namespace awb;
using namespace demotest;

class TestDemoLedger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generationIsDeterministic();
    void rowCountsAreInRange_data();
    void rowCountsAreInRange();
    void fxRatesCoverEveryDayOfTheQuarter();
    void everyDocumentHasExactlyOneRevenueLine();
    void doubleEntryBalancesPerDocument();
    void creditNotesAreNegativeAndPostToReturns();
    void crmExportIsRfc4180WithCustomerNames();
    void answerKeyPlantsEveryKindAtLeastTwice();
    void flaggedRecordsAreExactlyThePlantedOnes_data();
    void flaggedRecordsAreExactlyThePlantedOnes();
    void amountMismatchesExceedOnePercentAndFifty();
    void unplantedAmountsStayBelowTheDefaultOutlierThreshold();

private:
    QStringList flagged(const QString& kind);
    std::map<QString, double> modifiedZScores();

    QTemporaryDir m_temp;
    QString m_root;
    sql::Database m_db;
    std::vector<QStringList> m_crm; // without the header
    Json m_key;
};

void TestDemoLedger::initTestCase()
{
    QVERIFY(m_temp.isValid());
    m_root = m_temp.filePath(QStringLiteral("demo"));
    auto summary = demo::createDemoWorkspace(m_root);
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.errorMessage()));
    auto db = sql::Database::open(m_root + QStringLiteral("/data/ledger.sqlite"),
                                  sql::OpenMode::ReadOnly);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.errorMessage()));
    m_db = std::move(db).value();
    m_crm =
        parseCsv(QString::fromUtf8(readFile(m_root + QStringLiteral("/data/crm_bookings_q3.csv"))));
    QVERIFY(!m_crm.empty());
    m_crm.erase(m_crm.begin());
    m_key = readJson(QStringLiteral(AWB_TEST_FIXTURES "/demo_answer_key.json"));
    QVERIFY(m_key.contains("anomalies"));
}

void TestDemoLedger::generationIsDeterministic()
{
    const QString other = m_temp.filePath(QStringLiteral("again"));
    QVERIFY(demo::createDemoWorkspace(other).ok());
    const QByteArray first = ledgerHash(m_root + QStringLiteral("/data/ledger.sqlite"));
    QVERIFY(!first.isEmpty());
    QCOMPARE(ledgerHash(other + QStringLiteral("/data/ledger.sqlite")), first);
    for (const char* file : {"/data/crm_bookings_q3.csv", "/agents/q3-reconciliation.agent.json",
                             "/agents/q3-reconciliation.script.json",
                             "/agents/add-bench.agent.json", "/agents/add-bench.script.json"})
        QCOMPARE(readFile(other + QLatin1String(file)), readFile(m_root + QLatin1String(file)));
    // workspace.json differs only in its id, new for every workspace made.
    Json settings = readJson(m_root + QStringLiteral("/workspace.json"));
    Json again = readJson(other + QStringLiteral("/workspace.json"));
    QVERIFY(Workspace::isValidId(QString::fromStdString(settings.value("id", ""))));
    QVERIFY(Workspace::isValidId(QString::fromStdString(again.value("id", ""))));
    QVERIFY(settings.value("id", "") != again.value("id", ""));
    settings.erase("id");
    again.erase("id");
    QCOMPARE(QString::fromStdString(again.dump()), QString::fromStdString(settings.dump()));
}

void TestDemoLedger::rowCountsAreInRange_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");
    QTest::newRow("customers") << "SELECT COUNT(*) FROM customers" << 100 << 150;
    QTest::newRow("currencies") << "SELECT COUNT(DISTINCT currency) FROM customers" << 4 << 4;
    QTest::newRow("invoices") << "SELECT COUNT(*) FROM invoices WHERE kind = 'invoice'" << 1300
                              << 1700;
    QTest::newRow("credit notes") << "SELECT COUNT(*) FROM invoices WHERE kind = 'credit_note'"
                                  << 30 << 60;
    QTest::newRow("journal lines") << "SELECT COUNT(*) FROM journal_entries" << 2600 << 3600;
    QTest::newRow("revenue accounts")
        << "SELECT COUNT(DISTINCT account_id) FROM invoices" << 4 << 4;
    QTest::newRow("weekend invoices")
        << "SELECT COUNT(*) FROM invoices WHERE strftime('%w', invoice_date) IN "
           "('0', '6')"
        << 0 << 0;
    QTest::newRow("documents outside Q3")
        << "SELECT COUNT(*) FROM invoices WHERE NOT " + kQuarter << 0 << 0;
}

void TestDemoLedger::rowCountsAreInRange()
{
    QFETCH(QString, sql);
    QFETCH(int, min);
    QFETCH(int, max);
    auto count = m_db.queryInt(sql);
    QVERIFY2(count.ok(), qPrintable(count.ok() ? QString() : count.errorMessage()));
    QVERIFY2(*count >= min && *count <= max, qPrintable(QStringLiteral("%1 rows").arg(*count)));
}

void TestDemoLedger::fxRatesCoverEveryDayOfTheQuarter()
{
    QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT COUNT(DISTINCT rate_date) FROM fx_rates")), 92);
    QCOMPARE(*m_db.queryInt(QStringLiteral(
                 "SELECT COUNT(*) FROM fx_rates WHERE currency = 'USD' AND usd_per_unit "
                 "<> '1.0000'")),
             0);
    QCOMPARE(firstColumn(m_db, QStringLiteral("SELECT MIN(rate_date) FROM fx_rates")),
             QStringList{"2026-07-01"});
    QCOMPARE(firstColumn(m_db, QStringLiteral("SELECT MAX(rate_date) FROM fx_rates")),
             QStringList{"2026-09-30"});
    // Smooth: no day moves by more than 1%.
    QCOMPARE(*m_db.queryInt(
                 QStringLiteral("SELECT COUNT(*) FROM fx_rates a JOIN fx_rates b ON b.currency = "
                                "a.currency AND b.rate_date = date(a.rate_date, '+1 day') WHERE "
                                "abs(b.usd_per_unit - a.usd_per_unit) > 0.01 * a.usd_per_unit")),
             0);
    QCOMPARE(*m_db.queryInt(QStringLiteral(
                 "SELECT COUNT(*) FROM invoices i LEFT JOIN fx_rates r ON r.rate_date = "
                 "i.invoice_date AND r.currency = i.currency WHERE r.usd_per_unit IS NULL")),
             0);
}

void TestDemoLedger::everyDocumentHasExactlyOneRevenueLine()
{
    QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM revenue_postings")),
             *m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM invoices")));
    QCOMPARE(*m_db.queryInt(QStringLiteral(
                 "SELECT COUNT(*) FROM (SELECT invoice_id FROM journal_entries GROUP BY "
                 "invoice_id HAVING COUNT(*) <> 2)")),
             0);
}

void TestDemoLedger::doubleEntryBalancesPerDocument()
{
    QCOMPARE(*m_db.queryInt(QStringLiteral(
                 "SELECT COUNT(*) FROM (SELECT invoice_id FROM journal_entries GROUP BY "
                 "invoice_id HAVING SUM(debit_usd_minor) <> SUM(credit_usd_minor))")),
             0);
    // Each line is one-sided, and the receivable side carries the invoice's USD amount.
    QCOMPARE(*m_db.queryInt(QStringLiteral(
                 "SELECT COUNT(*) FROM journal_entries WHERE (debit_usd_minor = 0) = "
                 "(credit_usd_minor = 0)")),
             0);
    QCOMPARE(*m_db.queryInt(QStringLiteral(
                 "SELECT COUNT(*) FROM invoices i JOIN journal_entries j ON j.invoice_id = "
                 "i.invoice_id AND j.account_id = '1200' WHERE j.debit_usd_minor - "
                 "j.credit_usd_minor <> i.amount_usd_minor")),
             0);
}

void TestDemoLedger::creditNotesAreNegativeAndPostToReturns()
{
    QCOMPARE(*m_db.queryInt(
                 QStringLiteral("SELECT COUNT(*) FROM invoices WHERE kind = 'credit_note' AND "
                                "(amount_minor >= 0 OR account_id <> '4900')")),
             0);
    QCOMPARE(*m_db.queryInt(
                 QStringLiteral("SELECT COUNT(*) FROM invoices WHERE kind = 'invoice' AND "
                                "(amount_minor <= 0 OR account_id = '4900' OR deal_id IS NULL)")),
             0);
    QCOMPARE(*m_db.queryInt(
                 QStringLiteral("SELECT COUNT(*) FROM invoices c JOIN invoices o ON o.invoice_id = "
                                "c.original_invoice_id WHERE o.invoice_date > c.invoice_date OR "
                                "o.customer_id <> c.customer_id OR o.currency <> c.currency")),
             0);
}

void TestDemoLedger::crmExportIsRfc4180WithCustomerNames()
{
    const QByteArray bytes = readFile(m_root + QStringLiteral("/data/crm_bookings_q3.csv"));
    QVERIFY(bytes.startsWith(
        "deal_id,customer_id,customer_name,close_date,billed_date,currency,amount,status\r\n"));
    std::map<QString, QString> names;
    for (const auto& row : query(m_db, QStringLiteral("SELECT customer_id, name FROM customers")))
        names[row[0].toString()] = row[1].toString();
    int withComma = 0, withQuote = 0;
    std::set<QString> deals;
    static const QRegularExpression amount(QStringLiteral("^\\d+\\.\\d{2}$"));
    for (const QStringList& row : m_crm) {
        QCOMPARE(row.size(), 8);
        QCOMPARE(row[2], names[row[1]]);
        QVERIFY2(amount.match(row[6]).hasMatch(), qPrintable(row[6]));
        QCOMPARE(row[7], QStringLiteral("billed"));
        QVERIFY(row[3] <= row[4]);
        QVERIFY(deals.insert(row[0]).second);
        withComma += row[2].contains(QLatin1Char(','));
        withQuote += row[2].contains(QLatin1Char('"'));
    }
    QVERIFY(withComma > 0);
    QVERIFY(withQuote > 0);
}

void TestDemoLedger::answerKeyPlantsEveryKindAtLeastTwice()
{
    std::map<QString, int> kinds;
    for (const Json& a : m_key["anomalies"]) {
        QVERIFY(!jsonString(a, "record").isEmpty());
        QVERIFY(!jsonString(a, "detail").isEmpty());
        ++kinds[jsonString(a, "kind")];
    }
    QCOMPARE(int(kinds.size()), 7);
    for (const auto& [kind, count] : kinds)
        QVERIFY2(count >= 2, qPrintable(kind));
}

std::map<QString, double> TestDemoLedger::modifiedZScores()
{
    // As detect_anomalies computes it: per (account_id, period), groups of at least 8.
    std::map<QString, std::vector<std::pair<QString, double>>> groups;
    for (const auto& row :
         query(m_db, QStringLiteral("SELECT invoice_id, account_id, period, amount_usd FROM "
                                    "revenue_postings WHERE ") +
                         kQuarter))
        groups[row[1].toString() + QLatin1Char('/') + row[2].toString()].push_back(
            {row[0].toString(), row[3].toDouble()});
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    };
    std::map<QString, double> scores;
    for (const auto& [group, rows] : groups) {
        if (rows.size() < 8)
            continue;
        std::vector<double> xs, deviations;
        for (const auto& r : rows)
            xs.push_back(r.second);
        const double med = median(xs);
        for (double x : xs)
            deviations.push_back(std::abs(x - med));
        const double mad = median(deviations);
        for (const auto& [id, x] : rows)
            scores[id] = mad > 0 ? 0.6745 * std::abs(x - med) / mad : 0;
    }
    return scores;
}

QStringList TestDemoLedger::flagged(const QString& kind)
{
    if (kind == QLatin1String("duplicate_invoice"))
        return firstColumn(
            m_db, QStringLiteral("SELECT i.invoice_id FROM invoices i WHERE i.invoice_id > (SELECT "
                                 "MIN(j.invoice_id) FROM invoices j WHERE j.customer_id = "
                                 "i.customer_id AND j.deal_id IS i.deal_id AND j.invoice_date = "
                                 "i.invoice_date AND j.currency = i.currency AND j.amount_minor = "
                                 "i.amount_minor)"));
    if (kind == QLatin1String("wrong_period"))
        return firstColumn(m_db,
                           QStringLiteral("SELECT invoice_id FROM revenue_postings WHERE period <> "
                                          "substr(invoice_date, 1, 7)"));
    if (kind == QLatin1String("orphan_credit_note"))
        return firstColumn(
            m_db, QStringLiteral("SELECT invoice_id FROM invoices WHERE kind = 'credit_note' AND "
                                 "(original_invoice_id IS NULL OR original_invoice_id = '' OR "
                                 "original_invoice_id NOT IN (SELECT invoice_id FROM invoices "
                                 "WHERE ") +
                      kQuarter + QStringLiteral("))"));
    if (kind == QLatin1String("billed_not_posted")) {
        const QStringList posted =
            firstColumn(m_db, QStringLiteral("SELECT DISTINCT deal_id FROM invoices WHERE "
                                             "deal_id IS NOT NULL"));
        QStringList out;
        for (const QStringList& row : m_crm) {
            if (!posted.contains(row[0]))
                out << row[0];
        }
        out.sort();
        return out;
    }
    if (kind == QLatin1String("amount_mismatch")) {
        std::map<QString, std::int64_t> crm;
        for (const QStringList& row : m_crm)
            crm[row[0]] = Decimal::parse(row[6])->toMinor();
        QStringList out;
        for (const auto& row :
             query(m_db, QStringLiteral("SELECT deal_id, amount_minor FROM invoices WHERE kind = "
                                        "'invoice'"))) {
            const auto it = crm.find(row[0].toString());
            if (it == crm.end() || it->second != row[1].toLongLong())
                out << row[0].toString();
        }
        out.sort();
        return out;
    }
    if (kind == QLatin1String("wrong_fx")) {
        QStringList out;
        const auto rows =
            query(m_db, QStringLiteral("SELECT i.invoice_id, i.amount_minor, r.usd_per_unit, "
                                       "i.amount_usd_minor FROM invoices i JOIN fx_rates r ON "
                                       "r.rate_date = i.invoice_date AND r.currency = i.currency"));
        for (const auto& row : rows) {
            const Decimal expected =
                Decimal::fromMinor(row[1].toLongLong()) * *Decimal::parse(row[2].toString());
            if ((expected - Decimal::fromMinor(row[3].toLongLong())).abs() >
                *Decimal::parse(QStringLiteral("0.01")))
                out << row[0].toString();
        }
        out.sort();
        return out;
    }
    if (kind == QLatin1String("outlier_amount")) {
        QStringList out;
        for (const auto& [id, z] : modifiedZScores()) {
            if (z > 6)
                out << id;
        }
        out.sort();
        return out;
    }
    return {QStringLiteral("unknown kind %1").arg(kind)};
}

void TestDemoLedger::flaggedRecordsAreExactlyThePlantedOnes_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"duplicate_invoice", "billed_not_posted", "amount_mismatch",
                             "wrong_period", "wrong_fx", "outlier_amount", "orphan_credit_note"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestDemoLedger::flaggedRecordsAreExactlyThePlantedOnes()
{
    QFETCH(QString, kind);
    QStringList planted;
    for (const Json& a : m_key["anomalies"]) {
        if (jsonString(a, "kind") == kind)
            planted << jsonString(a, "record");
    }
    planted.sort();
    QVERIFY(planted.size() >= 2);
    QCOMPARE(flagged(kind), planted);
}

void TestDemoLedger::amountMismatchesExceedOnePercentAndFifty()
{
    std::map<QString, std::int64_t> crm;
    for (const QStringList& row : m_crm)
        crm[row[0]] = Decimal::parse(row[6])->toMinor();
    int checked = 0;
    for (const Json& a : m_key["anomalies"]) {
        if (jsonString(a, "kind") != QLatin1String("amount_mismatch"))
            continue;
        const QString deal = jsonString(a, "record");
        auto ledger = m_db.queryInt(
            QStringLiteral("SELECT amount_minor FROM invoices WHERE deal_id = '%1'").arg(deal));
        QVERIFY(ledger.ok());
        const std::int64_t diff = std::abs(*ledger - crm.at(deal));
        QVERIFY2(diff > 50'00 && diff * 100 > crm.at(deal), qPrintable(deal));
        ++checked;
    }
    QVERIFY(checked >= 2);
}

void TestDemoLedger::unplantedAmountsStayBelowTheDefaultOutlierThreshold()
{
    QStringList planted;
    for (const Json& a : m_key["anomalies"]) {
        if (jsonString(a, "kind") == QLatin1String("outlier_amount"))
            planted << jsonString(a, "record");
    }
    const auto scores = modifiedZScores();
    QVERIFY(scores.size() > 1000);
    for (const auto& [id, z] : scores) {
        if (planted.contains(id))
            QVERIFY2(z > 20, qPrintable(QStringLiteral("%1: %2").arg(id).arg(z)));
        else
            QVERIFY2(z < 3.5, qPrintable(QStringLiteral("%1: %2").arg(id).arg(z)));
    }
}

QTEST_GUILESS_MAIN(TestDemoLedger)
#include "TestDemoLedger.moc"
