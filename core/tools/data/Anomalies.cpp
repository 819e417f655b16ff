#include "tools/data/Anomalies.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "tools/data/Cells.h"

namespace awb::anomalies {

namespace {
__extension__ typedef __int128 Int128;

// For normally distributed data: MAD = 0.6745 sigma, mean absolute deviation = 0.7979 sigma,
// IQR = 1.349 sigma. Used to put the fallbacks on the same scale as the primary statistic.
constexpr double kMadToSigma = 0.6745;
constexpr double kMeanAdToSigma = 1.253314;
constexpr double kIqrPerSigma = 1.349;

QString fmt(double value)
{
    return QString::number(value, 'f', 2);
}

QString money(std::int64_t micros)
{
    return Decimal::fromMicros(micros).toString(2);
}

// Median of sorted values, exact in micros (the mean of the middle two rounds half away from zero).
std::int64_t median(const std::vector<std::int64_t>& sorted)
{
    const std::size_t n = sorted.size();
    if (n % 2 == 1)
        return sorted[n / 2];
    const Int128 sum = Int128(sorted[n / 2 - 1]) + sorted[n / 2];
    return std::int64_t(sum >= 0 ? (sum + 1) / 2 : (sum - 1) / 2);
}

// Linear interpolation between order statistics (Hyndman-Fan type 7, as in R and numpy).
double quantile(const std::vector<std::int64_t>& sorted, double q)
{
    const double pos = q * double(sorted.size() - 1);
    const std::size_t lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return double(sorted[lo]) + (pos - double(lo)) * double(sorted[hi] - sorted[lo]);
}

double meanAbsoluteDeviation(const std::vector<std::int64_t>& values, std::int64_t center)
{
    long double sum = 0;
    for (std::int64_t v : values)
        sum += std::fabs((long double)(v) - (long double)(center));
    return double(sum / (long double)(values.size()));
}

struct Group
{
    std::vector<std::size_t> rows;
    std::vector<std::int64_t> micros;
};

QString groupLabel(const Table& table, const std::vector<int>& groupBy, std::size_t row)
{
    if (groupBy.empty())
        return QStringLiteral("all rows");
    QStringList parts;
    for (int c : groupBy)
        parts << table.columns[c] + QLatin1Char('=') +
                     cells::display(table.rows[row][std::size_t(c)]);
    return parts.join(QStringLiteral(", "));
}

// Scores one group; appends findings for values beyond the threshold.
void scoreGroup(const Table& table, const OutlierCheck& check, const Group& group, Findings& out,
                int& fallbackGroups, int& constantGroups)
{
    std::vector<std::int64_t> sorted = group.micros;
    std::sort(sorted.begin(), sorted.end());
    const std::int64_t med = median(sorted);
    std::vector<std::int64_t> deviations;
    deviations.reserve(sorted.size());
    for (std::int64_t v : sorted)
        deviations.push_back(v >= med ? v - med : med - v);
    std::sort(deviations.begin(), deviations.end());
    const double meanAd = meanAbsoluteDeviation(sorted, med);
    if (meanAd == 0) {
        ++constantGroups; // every value equals the median: nothing stands out
        return;
    }
    const QString label = groupLabel(table, check.groupBy, group.rows.front());
    const bool mad = check.method == OutlierCheck::Method::Mad;
    double scale = 0;              // MAD method: one robust standard deviation; IQR method: one IQR
    double lowerQ = 0, upperQ = 0; // IQR method: the quartiles
    QString basis;
    if (mad) {
        const double madValue = double(median(deviations));
        const bool fallback = madValue == 0;
        scale = fallback ? kMeanAdToSigma * meanAd : madValue / kMadToSigma;
        basis = fallback ? QStringLiteral("MAD is 0, so the mean absolute deviation %1 was used")
                               .arg(money(std::llround(meanAd)))
                         : QStringLiteral("MAD %1").arg(money(std::llround(madValue)));
        fallbackGroups += fallback ? 1 : 0;
    } else {
        lowerQ = quantile(sorted, 0.25);
        upperQ = quantile(sorted, 0.75);
        const bool fallback = upperQ - lowerQ <= 0;
        scale = fallback ? kIqrPerSigma * kMeanAdToSigma * meanAd : upperQ - lowerQ;
        if (fallback)
            lowerQ = upperQ = double(med);
        basis = fallback
                    ? QStringLiteral("IQR is 0, so a scaled mean absolute deviation %1 was used")
                          .arg(money(std::llround(scale)))
                    : QStringLiteral("Q1 %1, Q3 %2, IQR %3")
                          .arg(money(std::llround(lowerQ)), money(std::llround(upperQ)),
                               money(std::llround(scale)));
        fallbackGroups += fallback ? 1 : 0;
    }
    for (std::size_t i = 0; i < group.rows.size(); ++i) {
        const std::int64_t v = group.micros[i];
        double score = 0;
        if (mad)
            score = std::fabs(double(v) - double(med)) / scale;
        else if (double(v) > upperQ)
            score = (double(v) - upperQ) / scale;
        else if (double(v) < lowerQ)
            score = (lowerQ - double(v)) / scale;
        if (!(score > check.threshold))
            continue;
        Finding f;
        f.kind = QStringLiteral("outlier");
        f.row = group.rows[i];
        f.amount = Decimal::fromMicros(v);
        f.group = label;
        f.score = score;
        f.detail =
            mad ? QStringLiteral(
                      "%1 is %2 robust standard deviations from the median %3 of %4 (%5; "
                      "threshold %6)")
                      .arg(money(v), fmt(score), money(med), label, basis, fmt(check.threshold))
                : QStringLiteral("%1 lies %2 IQRs %3 the quartiles of %4 (%5; threshold %6)")
                      .arg(money(v), fmt(score),
                           double(v) > upperQ ? QStringLiteral("above") : QStringLiteral("below"),
                           label, basis, fmt(check.threshold));
        out.items.push_back(std::move(f));
    }
}

// "2026-07-15", "2026-07-15T10:00:00", "2026-07", "202607" -> year*100+month; 0 when unreadable.
// Parsed by hand: tools run on several threads and this is called once per row.
int yearMonth(const Json& cell)
{
    const std::string text = cells::key(cell);
    auto digit = [&](std::size_t i) {
        return i < text.size() && text[i] >= '0' && text[i] <= '9';
    };
    for (std::size_t i = 0; i < 4; ++i) {
        if (!digit(i))
            return 0;
    }
    const std::size_t m = text.size() > 4 && text[4] == '-' ? 5 : 4;
    if (!digit(m) || !digit(m + 1))
        return 0;
    const std::size_t end = m + 2;
    if (end < text.size() && text[end] != '-' && text[end] != 'T' && text[end] != ' ')
        return 0;
    const int year = std::stoi(text.substr(0, 4));
    const int month = (text[m] - '0') * 10 + (text[m + 1] - '0');
    return month >= 1 && month <= 12 ? year * 100 + month : 0;
}
} // namespace

Status findOutliers(const Table& table, const OutlierCheck& check, Findings& out)
{
    const QString column = table.columns[check.amount];
    // std::map keeps the groups in a stable order, so notes do not depend on hashing.
    std::map<std::string, Group> groups;
    std::size_t blank = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        auto amount =
            cells::amount(row[std::size_t(check.amount)], r, column, QStringLiteral("dataset"));
        if (!amount)
            return amount.error();
        if (!*amount) {
            ++blank;
            continue;
        }
        std::string key;
        for (int c : check.groupBy) {
            key += cells::key(row[std::size_t(c)]);
            key += '\x1f';
        }
        Group& g = groups[key];
        g.rows.push_back(r);
        g.micros.push_back((*amount)->micros());
    }
    int small = 0, fallback = 0, constant = 0;
    for (const auto& [_, group] : groups) {
        if (int(group.rows.size()) < check.minGroupSize) {
            ++small;
            continue;
        }
        scoreGroup(table, check, group, out, fallback, constant);
    }
    if (small > 0)
        out.notes << QStringLiteral(
                         "outliers: %1 of %2 groups have fewer than %3 rows and were not checked "
                         "(min_group_size).")
                         .arg(small)
                         .arg(groups.size())
                         .arg(check.minGroupSize);
    if (fallback > 0)
        out.notes << QStringLiteral(
                         "outliers: %1 group(s) have a spread of 0 by %2; a scaled mean absolute "
                         "deviation was used for them instead.")
                         .arg(fallback)
                         .arg(check.method == OutlierCheck::Method::Mad ? QStringLiteral("MAD")
                                                                        : QStringLiteral("IQR"));
    if (constant > 0)
        out.notes << QStringLiteral(
                         "outliers: %1 group(s) have all amounts equal; nothing stands out there.")
                         .arg(constant);
    if (blank > 0)
        out.notes << QStringLiteral("outliers: %1 row(s) without an amount in \"%2\" were skipped.")
                         .arg(blank)
                         .arg(column);
    return {};
}

void findDuplicates(const Table& table, const DuplicateCheck& check, Findings& out)
{
    std::unordered_map<std::string, std::vector<std::size_t>> groups;
    groups.reserve(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::string key;
        for (int c : check.columns) {
            const Json& cell = table.rows[r][std::size_t(c)];
            key += cell.is_null() ? std::string(1, '\0') : cells::key(cell); // null differs from ""
            key += '\x1f';
        }
        groups[key].push_back(r);
    }
    for (auto& [_, rows] : groups) {
        if (rows.size() < 2)
            continue;
        std::vector<std::pair<cells::SortKey, std::size_t>> byId;
        for (std::size_t r : rows)
            byId.emplace_back(cells::SortKey(cells::key(table.rows[r][std::size_t(check.id)])), r);
        std::sort(byId.begin(), byId.end());
        const std::size_t first = byId.front().second;
        QStringList values;
        for (int c : check.columns)
            values << table.columns[c] + QLatin1Char('=') +
                          cells::display(table.rows[first][std::size_t(c)]);
        const QString firstId = cells::display(table.rows[first][std::size_t(check.id)]);
        for (std::size_t i = 1; i < byId.size(); ++i) {
            if (byId[i].first == byId[i - 1].first)
                continue; // the same id twice is one record, not a duplicate of another
            Finding f;
            f.kind = QStringLiteral("duplicate");
            f.row = byId[i].second;
            f.duplicateOf = first;
            f.detail =
                QStringLiteral("same %1 as %2").arg(values.join(QStringLiteral(", ")), firstId);
            out.items.push_back(std::move(f));
        }
    }
}

void findWrongPeriods(const Table& table, const PeriodCheck& check, Findings& out)
{
    std::size_t unreadable = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const Json& date = table.rows[r][std::size_t(check.date)];
        const Json& period = table.rows[r][std::size_t(check.period)];
        if (cells::isBlank(date) || cells::isBlank(period))
            continue;
        const int dateMonth = yearMonth(date), periodMonth = yearMonth(period);
        if (dateMonth == 0 || periodMonth == 0) {
            ++unreadable;
            continue;
        }
        if (dateMonth == periodMonth)
            continue;
        Finding f;
        f.kind = QStringLiteral("wrong_period");
        f.row = r;
        f.detail = QStringLiteral("%1 %2 is not in %3 %4")
                       .arg(table.columns[check.date], cells::display(date),
                            table.columns[check.period], cells::display(period));
        out.items.push_back(std::move(f));
    }
    if (unreadable > 0)
        out.notes << QStringLiteral(
                         "period: %1 row(s) have a date or period that is not YYYY-MM-DD / YYYY-MM "
                         "and were not checked.")
                         .arg(unreadable);
}

Status findFxMismatches(const Table& table, const FxCheck& check, Findings& out)
{
    const QString dataset = QStringLiteral("dataset");
    std::size_t incomplete = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        auto amount =
            cells::amount(row[std::size_t(check.amount)], r, table.columns[check.amount], dataset);
        if (!amount)
            return amount.error();
        auto rate =
            cells::amount(row[std::size_t(check.rate)], r, table.columns[check.rate], dataset);
        if (!rate)
            return rate.error();
        auto converted = cells::amount(row[std::size_t(check.converted)], r,
                                       table.columns[check.converted], dataset);
        if (!converted)
            return converted.error();
        if (!*amount) {
            ++incomplete;
            continue;
        }
        Finding f;
        f.row = r;
        f.amount = **amount;
        if (!*rate) {
            f.kind = QStringLiteral("fx_rate_missing");
            f.detail = QStringLiteral("no exchange rate in %1 for %2 %3")
                           .arg(table.columns[check.rate], table.columns[check.amount],
                                (*amount)->toString(2));
            out.items.push_back(std::move(f));
            continue;
        }
        if (!*converted) {
            ++incomplete;
            continue;
        }
        const Decimal expected = **amount * **rate;
        const Decimal off = expected - **converted;
        if (off.abs() <= check.tolerance)
            continue;
        f.kind = QStringLiteral("fx_mismatch");
        f.detail =
            QStringLiteral("%1 × %2 = %3, but %4 is %5 (off by %6)")
                .arg((*amount)->toString(2), cells::trimmedDecimal(**rate, 0), expected.toString(2),
                     table.columns[check.converted], (*converted)->toString(2), off.toString(2));
        out.items.push_back(std::move(f));
    }
    if (incomplete > 0)
        out.notes << QStringLiteral(
                         "fx: %1 row(s) without an amount or converted amount were not checked.")
                         .arg(incomplete);
    return {};
}

void findOrphans(const Table& table, const OrphanCheck& check, Findings& out)
{
    const std::string when = check.whenColumn >= 0 ? cells::key(check.whenValue) : std::string();
    const QString column = table.columns[check.reference];
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (check.whenColumn >= 0 && cells::key(row[std::size_t(check.whenColumn)]) != when)
            continue;
        const Json& ref = row[std::size_t(check.reference)];
        const bool blank = cells::isBlank(ref);
        if (!blank && check.targetKeys.count(cells::key(ref)))
            continue;
        Finding f;
        f.kind = QStringLiteral("orphan_reference");
        f.row = r;
        f.detail = blank ? QStringLiteral("%1 is empty").arg(column)
                         : QStringLiteral("%1 \"%2\" is not found in %3")
                               .arg(column, cells::display(ref), check.targetName);
        out.items.push_back(std::move(f));
    }
}

} // namespace awb::anomalies
