#include "demo/DemoData.h"

#include <algorithm>
#include <functional>
#include <set>

namespace awb::demo {

namespace {

constexpr std::uint64_t kSeed = 0x2026'0930'AB1E'D6E5ULL;
constexpr int kDeals = 1500;
constexpr int kCreditNotes = 38; // plus the planted orphans
constexpr int kFirstInvoiceNumber = 4001;
constexpr int kFirstCreditNoteNumber = 212;
// A number no invoice of 2026 has reached: the orphan credit note points at it.
const QString kNonexistentInvoice = QStringLiteral("INV-2026-09817");

QString isoDate(QDate d)
{
    return d.toString(Qt::ISODate);
}

QString period(QDate d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

class Generator
{
public:
    Result<DemoData> run();

private:
    void makeAccounts();
    void makeCustomers();
    void makeRates();
    void makeDeals();
    void plantDealAnomalies();
    void makeInvoices();
    void plantInvoiceAnomalies();
    void makeCreditNotes();

    // First item on or after `from` that satisfies `fits` and is not used yet; marks it used.
    // Null (and m_error set) when there is none, which the fixed seed never produces.
    DemoDeal* pickDeal(QDate from, const std::function<bool(const DemoDeal&)>& fits);
    DemoDocument* pickInvoice(QDate from, const std::function<bool(const DemoDocument&)>& fits);
    void note(const QString& kind, const QString& record, const QString& detail)
    {
        m_data.anomalies.push_back({kind, record, detail});
    }
    QString accountName(const QString& id) const;

    SplitMix64 m_rng{kSeed};
    DemoData m_data;
    std::vector<QDate> m_businessDays;
    std::set<QString> m_usedDeals;        // deals whose records carry a planted anomaly
    std::set<QString> m_duplicateSources; // deal ids
    std::set<QString> m_outlierDeals;
    QString m_error;
};

Result<DemoData> Generator::run()
{
    m_data.firstDay = QDate(2026, 7, 1);
    m_data.lastDay = QDate(2026, 9, 30);
    for (QDate d = m_data.firstDay; d <= m_data.lastDay; d = d.addDays(1)) {
        if (d.dayOfWeek() <= 5)
            m_businessDays.push_back(d);
    }
    makeAccounts();
    makeCustomers();
    makeRates();
    makeDeals();
    plantDealAnomalies();
    if (m_error.isEmpty())
        makeInvoices();
    if (m_error.isEmpty())
        plantInvoiceAnomalies();
    if (m_error.isEmpty())
        makeCreditNotes();
    if (!m_error.isEmpty())
        return Error::make(QStringLiteral("cannot generate the demo ledger: %1").arg(m_error));
    static const QStringList order = {
        QStringLiteral("duplicate_invoice"), QStringLiteral("billed_not_posted"),
        QStringLiteral("amount_mismatch"),   QStringLiteral("wrong_period"),
        QStringLiteral("wrong_fx"),          QStringLiteral("outlier_amount"),
        QStringLiteral("orphan_credit_note")};
    std::stable_sort(m_data.anomalies.begin(), m_data.anomalies.end(),
                     [](const DemoAnomaly& a, const DemoAnomaly& b) {
                         const auto ka = order.indexOf(a.kind), kb = order.indexOf(b.kind);
                         return ka != kb ? ka < kb : a.record < b.record;
                     });
    return std::move(m_data);
}

void Generator::makeAccounts()
{
    const auto add = [this](const char* id, const char* name, const char* type) {
        m_data.accounts.push_back(
            {QLatin1String(id), QString::fromUtf8(name), QLatin1String(type)});
    };
    add("1000", "Cash and cash equivalents", "asset");
    add("1200", "Accounts receivable", "asset");
    add("2100", "Sales tax payable", "liability");
    add("2400", "Deferred revenue", "liability");
    add("4000", "Product revenue", "revenue");
    add("4100", "Services revenue", "revenue");
    add("4200", "Subscription revenue", "revenue");
    add("4900", "Sales returns and allowances", "contra_revenue");
    add("5000", "Cost of goods sold", "expense");
    add("6100", "Salaries and wages", "expense");
    add("7900", "Foreign exchange gains and losses", "expense");
}

QString Generator::accountName(const QString& id) const
{
    for (const auto& a : m_data.accounts) {
        if (a.id == id)
            return a.name;
    }
    return id;
}

void Generator::makeCustomers()
{
    m_data.customers = generateCustomers(m_rng);
}

void Generator::makeRates()
{
    const int days = int(m_data.firstDay.daysTo(m_data.lastDay)) + 1;
    m_data.rates[QStringLiteral("USD")] = std::vector<int>(std::size_t(days), 10000);
    // A smooth random walk pulled back towards the base rate, in 1/10000 USD.
    for (const auto& [currency, base] : {std::pair{"EUR", 10842}, {"GBP", 12710}, {"CHF", 11235}}) {
        std::vector<int> series;
        int rate = base;
        for (int d = 0; d < days; ++d) {
            series.push_back(rate);
            rate += int(m_rng.uniform(-35, 35)) + (base - rate) / 20;
        }
        m_data.rates[QLatin1String(currency)] = std::move(series);
    }
}

void Generator::makeDeals()
{
    std::vector<DemoDeal> deals;
    for (int i = 0; i < kDeals; ++i) {
        DemoDeal d;
        d.billedDate =
            m_businessDays[std::size_t(m_rng.uniform(0, qsizetype(m_businessDays.size()) - 1))];
        d.closeDate = d.billedDate.addDays(-m_rng.uniform(0, 45));
        d.customer = int(m_rng.uniform(0, qsizetype(m_data.customers.size()) - 1));
        d.currency = m_data.customers[std::size_t(d.customer)].currency;
        const auto mix = m_rng.uniform(0, 99);
        d.account = mix < 50   ? QStringLiteral("4000")
                    : mix < 75 ? QStringLiteral("4100")
                               : QStringLiteral("4200");
        // Uniform amounts have no natural outliers under a MAD test (max modified z-score ~1.4).
        d.amountMinor = m_rng.uniform(2'000'00, 30'000'00);
        d.ledgerAmountMinor = d.amountMinor;
        deals.push_back(d);
    }
    std::stable_sort(deals.begin(), deals.end(), [](const DemoDeal& a, const DemoDeal& b) {
        return a.billedDate < b.billedDate;
    });
    int number = 10001;
    for (auto& d : deals) {
        d.id = QStringLiteral("D-%1").arg(number);
        number += int(m_rng.uniform(1, 3)); // gaps: deals lost or still open
    }
    m_data.deals = std::move(deals);
}

DemoDeal* Generator::pickDeal(QDate from, const std::function<bool(const DemoDeal&)>& fits)
{
    for (DemoDeal& d : m_data.deals) {
        if (d.billedDate >= from && !m_usedDeals.count(d.id) && fits(d)) {
            m_usedDeals.insert(d.id);
            return &d;
        }
    }
    m_error = QStringLiteral("no deal to plant an anomaly on from %1").arg(isoDate(from));
    return nullptr;
}

void Generator::plantDealAnomalies()
{
    const auto any = [](const DemoDeal&) {
        return true;
    };
    for (const auto& [day, account] : {std::pair{QDate(2026, 7, 9), QStringLiteral("4000")},
                                       {QDate(2026, 9, 22), QStringLiteral("4100")}}) {
        const QString wanted = account;
        DemoDeal* d = pickDeal(day, [&wanted](const DemoDeal& x) { return x.account == wanted; });
        if (!d)
            return;
        d->amountMinor = m_rng.uniform(465'000'00, 510'000'00); // about 30x a typical deal
        d->ledgerAmountMinor = d->amountMinor;
        m_outlierDeals.insert(d->id);
    }
    for (QDate day : {QDate(2026, 7, 30), QDate(2026, 8, 26), QDate(2026, 9, 29)}) {
        DemoDeal* d = pickDeal(day, any);
        if (!d)
            return;
        d->posted = false;
        note(QStringLiteral("billed_not_posted"), d->id,
             QStringLiteral(
                 "CRM deal %1 for %2 was billed on %3 for %4 %5, but no invoice was posted in "
                 "the ledger")
                 .arg(d->id, m_data.customers[std::size_t(d->customer)].name,
                      isoDate(d->billedDate), d->currency, formatMinor(d->amountMinor)));
    }
    if (DemoDeal* d = pickDeal(QDate(2026, 7, 22), any)) {
        d->ledgerAmountMinor = d->amountMinor + d->amountMinor / 10;
        note(QStringLiteral("amount_mismatch"), d->id,
             QStringLiteral(
                 "the ledger invoiced %1 %2 for deal %3 but the CRM booked %1 %4: the agreed "
                 "discount was not applied")
                 .arg(d->currency, formatMinor(d->ledgerAmountMinor), d->id,
                      formatMinor(d->amountMinor)));
    }
    if (DemoDeal* d = pickDeal(QDate(2026, 9, 10), any)) {
        d->ledgerAmountMinor = d->amountMinor - 1'500'00;
        note(QStringLiteral("amount_mismatch"), d->id,
             QStringLiteral(
                 "the ledger invoiced %1 %2 for deal %3 but the CRM booked %1 %4: 1500.00 short")
                 .arg(d->currency, formatMinor(d->ledgerAmountMinor), d->id,
                      formatMinor(d->amountMinor)));
    }
    // Duplicates are planted when the invoices are made; reserve their deals now.
    for (QDate day : {QDate(2026, 7, 16), QDate(2026, 9, 3)}) {
        if (DemoDeal* d = pickDeal(day, any))
            m_duplicateSources.insert(d->id);
    }
}

void Generator::makeInvoices()
{
    std::vector<DemoDocument> invoices;
    std::vector<std::size_t> duplicates; // index of each second copy
    for (const DemoDeal& d : m_data.deals) {
        if (!d.posted)
            continue;
        DemoDocument doc;
        doc.customer = d.customer;
        doc.dealId = d.id;
        doc.date = d.billedDate;
        doc.currency = d.currency;
        doc.amountMinor = d.ledgerAmountMinor;
        doc.rateUsed = m_data.rateOn(d.currency, d.billedDate);
        doc.amountUsdMinor = convertMinor(doc.amountMinor, doc.rateUsed);
        doc.account = d.account;
        doc.postingDate = d.billedDate;
        invoices.push_back(doc);
        if (m_duplicateSources.count(d.id)) {
            invoices.push_back(doc); // the same invoice posted again by a re-run interface batch
            duplicates.push_back(invoices.size() - 1);
        }
    }
    for (std::size_t i = 0; i < invoices.size(); ++i)
        invoices[i].id = QStringLiteral("INV-2026-%1")
                             .arg(kFirstInvoiceNumber + int(i), 5, 10, QLatin1Char('0'));
    for (std::size_t i : duplicates) {
        const DemoDocument& doc = invoices[i];
        note(QStringLiteral("duplicate_invoice"), doc.id,
             QStringLiteral("%1 repeats %2: same customer %3, deal %4, date %5 and amount %6 %7")
                 .arg(doc.id, invoices[i - 1].id, m_data.customers[std::size_t(doc.customer)].id,
                      doc.dealId, isoDate(doc.date), doc.currency, formatMinor(doc.amountMinor)));
    }
    m_data.documents = std::move(invoices);
    // Outliers were planted on deals but are reported by invoice id.
    for (const DemoDocument& doc : m_data.documents) {
        if (m_outlierDeals.count(doc.dealId))
            note(QStringLiteral("outlier_amount"), doc.id,
                 QStringLiteral(
                     "%1 %2 on %3 %4 in %5: about 30 times a typical invoice of this account")
                     .arg(doc.currency, formatMinor(doc.amountMinor), doc.account,
                          accountName(doc.account), period(doc.postingDate)));
    }
}

DemoDocument* Generator::pickInvoice(QDate from,
                                     const std::function<bool(const DemoDocument&)>& fits)
{
    for (DemoDocument& d : m_data.documents) {
        if (d.date >= from && !m_usedDeals.count(d.dealId) && fits(d)) {
            m_usedDeals.insert(d.dealId);
            return &d;
        }
    }
    m_error = QStringLiteral("no invoice to plant an anomaly on from %1").arg(isoDate(from));
    return nullptr;
}

void Generator::plantInvoiceAnomalies()
{
    const auto postIn = [this](QDate invoiceDay, QDate postingDate, const char* why) {
        DemoDocument* doc =
            pickInvoice(invoiceDay, [&](const DemoDocument& d) { return d.date == invoiceDay; });
        if (!doc)
            return;
        doc->postingDate = postingDate;
        note(QStringLiteral("wrong_period"), doc->id,
             QStringLiteral("invoice dated %1 was posted to period %2 (%3)")
                 .arg(isoDate(doc->date), period(postingDate), QLatin1String(why)));
    };
    postIn(QDate(2026, 7, 31), QDate(2026, 8, 3), "month-end cut-off missed");
    postIn(QDate(2026, 8, 3), QDate(2026, 7, 31), "back-dated into the closed month");
    postIn(QDate(2026, 9, 28), QDate(2026, 10, 1), "pushed into the next quarter");

    if (DemoDocument* doc = pickInvoice(QDate(2026, 8, 5), [](const DemoDocument& d) {
            return d.currency == QLatin1String("EUR");
        })) {
        const int right = doc->rateUsed;
        doc->rateUsed =
            int((100'000'000LL + right / 2) / right); // EUR per USD instead of USD per EUR
        doc->amountUsdMinor = convertMinor(doc->amountMinor, doc->rateUsed);
        note(QStringLiteral("wrong_fx"), doc->id,
             QStringLiteral("converted at the inverted rate %1 instead of %2 USD per EUR on %3")
                 .arg(formatRate(doc->rateUsed), formatRate(right), isoDate(doc->date)));
    }
    if (DemoDocument* doc = pickInvoice(QDate(2026, 9, 16), [](const DemoDocument& d) {
            return d.currency == QLatin1String("GBP");
        })) {
        const int right = doc->rateUsed;
        doc->rateUsed = m_data.rateOn(QStringLiteral("EUR"), doc->date);
        doc->amountUsdMinor = convertMinor(doc->amountMinor, doc->rateUsed);
        note(QStringLiteral("wrong_fx"), doc->id,
             QStringLiteral(
                 "GBP invoice converted at the EUR rate %1 instead of %2 USD per GBP on %3")
                 .arg(formatRate(doc->rateUsed), formatRate(right), isoDate(doc->date)));
    }
}

void Generator::makeCreditNotes()
{
    std::vector<DemoDocument> notes;
    std::set<QString> credited;
    const QDate lastOriginal(2026, 9, 16);
    const auto nextBusinessDay = [](QDate d) {
        while (d.dayOfWeek() > 5)
            d = d.addDays(1);
        return d;
    };
    const auto makeNote = [&](int customer, QDate day) {
        DemoDocument cn;
        cn.kind = DocumentKind::CreditNote;
        cn.customer = customer;
        cn.date = day;
        cn.currency = m_data.customers[std::size_t(customer)].currency;
        cn.amountMinor = -m_rng.uniform(300'00, 1'800'00); // below every invoice (>= 2000.00)
        cn.rateUsed = m_data.rateOn(cn.currency, day);
        cn.amountUsdMinor = convertMinor(cn.amountMinor, cn.rateUsed);
        cn.account = QStringLiteral("4900");
        cn.postingDate = day;
        return cn;
    };
    // Bounded: each attempt either adds a note or skips an unsuitable invoice.
    for (int attempt = 0; attempt < 10000 && int(notes.size()) < kCreditNotes; ++attempt) {
        const auto& orig =
            m_data.documents[std::size_t(m_rng.uniform(0, qsizetype(m_data.documents.size()) - 1))];
        if (orig.date > lastOriginal || m_usedDeals.count(orig.dealId) || credited.count(orig.id))
            continue;
        credited.insert(orig.id);
        DemoDocument cn =
            makeNote(orig.customer, nextBusinessDay(orig.date.addDays(m_rng.uniform(3, 10))));
        cn.dealId = orig.dealId;
        cn.originalId = orig.id;
        notes.push_back(cn);
    }
    std::vector<int> orphanCustomers;
    for (int i = 0; i < 2; ++i)
        orphanCustomers.push_back(int(m_rng.uniform(0, qsizetype(m_data.customers.size()) - 1)));
    DemoDocument unknownOriginal = makeNote(orphanCustomers[0], QDate(2026, 8, 20));
    unknownOriginal.originalId = kNonexistentInvoice;
    notes.push_back(unknownOriginal);
    notes.push_back(makeNote(orphanCustomers[1], QDate(2026, 9, 15)));

    std::stable_sort(notes.begin(), notes.end(),
                     [](const DemoDocument& a, const DemoDocument& b) { return a.date < b.date; });
    for (std::size_t i = 0; i < notes.size(); ++i) {
        DemoDocument& cn = notes[i];
        cn.id = QStringLiteral("CN-2026-%1")
                    .arg(kFirstCreditNoteNumber + int(i), 5, 10, QLatin1Char('0'));
        if (cn.dealId.isEmpty()) {
            note(QStringLiteral("orphan_credit_note"), cn.id,
                 cn.originalId.isEmpty()
                     ? QStringLiteral("credit note of %1 %2 dated %3 names no original invoice")
                           .arg(cn.currency, formatMinor(cn.amountMinor), isoDate(cn.date))
                     : QStringLiteral(
                           "credit note of %1 %2 dated %3 credits %4, which does not exist")
                           .arg(cn.currency, formatMinor(cn.amountMinor), isoDate(cn.date),
                                cn.originalId));
        }
    }
    m_data.documents.insert(m_data.documents.end(), notes.begin(), notes.end());
}

} // namespace

std::uint64_t SplitMix64::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::int64_t SplitMix64::uniform(std::int64_t lo, std::int64_t hi)
{
    return lo + std::int64_t(next() % std::uint64_t(hi - lo + 1));
}

int DemoData::rateOn(const QString& currency, QDate day) const
{
    const auto it = rates.find(currency);
    const auto index = firstDay.daysTo(day);
    if (it == rates.end() || index < 0 || index >= qint64(it->second.size()))
        return 10000;
    return it->second[std::size_t(index)];
}

Result<DemoData> generateDemoData()
{
    return Generator().run();
}

QString formatRate(int rate)
{
    return QStringLiteral("%1.%2").arg(rate / 10000).arg(rate % 10000, 4, 10, QLatin1Char('0'));
}

QString formatMinor(std::int64_t minor)
{
    const std::int64_t whole = (minor < 0 ? -minor : minor);
    return QStringLiteral("%1%2.%3")
        .arg(minor < 0 ? QStringLiteral("-") : QString())
        .arg(whole / 100)
        .arg(int(whole % 100), 2, 10, QLatin1Char('0'));
}

std::int64_t convertMinor(std::int64_t amountMinor, int rate)
{
    const std::int64_t product = amountMinor * rate;
    const std::int64_t magnitude = (product < 0 ? -product : product);
    const std::int64_t rounded = (magnitude + 5000) / 10000;
    return product < 0 ? -rounded : rounded;
}

} // namespace awb::demo
