#pragma once
// The finance demo's data, generated in memory before anything is written: customers, daily FX
// rates, CRM deals, ledger documents (invoices and credit notes) and the anomalies planted in them.
// Deterministic: a fixed seed and our own PRNG, so every machine produces the same records.

#include <QDate>
#include <QString>

#include <cstdint>
#include <map>
#include <vector>

#include "util/Result.h"

namespace awb::demo {

// splitmix64: tiny, fast and identical on every platform (unlike std:: distributions).
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    // Uniform integer in [lo, hi] (the modulo bias is negligible for our small ranges).
    std::int64_t uniform(std::int64_t lo, std::int64_t hi);

private:
    std::uint64_t m_state;
};

struct DemoCustomer
{
    QString id;
    QString name;
    QString country;
    QString currency;
};

// A deal as the CRM knows it; ledgerAmountMinor is what the ERP invoiced (differs when planted).
struct DemoDeal
{
    QString id;
    int customer = 0; // index into DemoData::customers
    QDate closeDate;
    QDate billedDate;
    QString currency;
    std::int64_t amountMinor = 0;
    std::int64_t ledgerAmountMinor = 0;
    QString account; // revenue account the invoice posts to
    bool posted = true;
};

enum class DocumentKind
{
    Invoice,
    CreditNote
};

struct DemoDocument
{
    QString id;
    int customer = 0;
    QString dealId; // empty: NULL
    DocumentKind kind = DocumentKind::Invoice;
    QString originalId; // credit notes: the invoice credited; empty: NULL
    QDate date;
    QString currency;
    std::int64_t amountMinor = 0; // negative for credit notes
    int rateUsed = 10000;         // usd_per_unit in 1/10000
    std::int64_t amountUsdMinor = 0;
    QString account;
    QDate postingDate; // entry date of the journal lines; its month is the posting period
};

struct DemoAnomaly
{
    QString kind; // duplicate_invoice, billed_not_posted, amount_mismatch, wrong_period, wrong_fx,
                  // outlier_amount, orphan_credit_note
    QString record; // document id, or deal id for billed_not_posted and amount_mismatch
    QString detail;
};

struct DemoAccount
{
    QString id;
    QString name;
    QString type;
};

struct DemoData
{
    QDate firstDay;
    QDate lastDay;
    std::vector<DemoAccount> accounts;
    std::vector<DemoCustomer> customers;
    std::map<QString, std::vector<int>> rates; // currency -> rate per day from firstDay, 1/10000
    std::vector<DemoDeal> deals;               // sorted by billed date, then id
    std::vector<DemoDocument> documents;       // invoices by id, then credit notes by id
    std::vector<DemoAnomaly> anomalies;

    int rateOn(const QString& currency, QDate day) const;
};

// 120 customers in eight countries, some with commas and quotes in their names.
std::vector<DemoCustomer> generateCustomers(SplitMix64& rng);

// Generates the whole quarter; takes a few milliseconds.
Result<DemoData> generateDemoData();

// 10842 -> "1.0842"
QString formatRate(int rate);
// Integer minor units -> "1234.50"
QString formatMinor(std::int64_t minor);
// round(amountMinor * rate / 10000), half away from zero, without floating point.
std::int64_t convertMinor(std::int64_t amountMinor, int rate);

} // namespace awb::demo
