#pragma once
// The checks behind detect_anomalies, over a Table whose columns were already resolved to indexes.
// Each check appends findings (by row index) and human-readable notes about what it could not
// check. Statistics are robust (median based) and never divide by zero.

#include <QString>
#include <QStringList>

#include <optional>
#include <unordered_set>
#include <vector>

#include "tools/data/Table.h"
#include "util/Decimal.h"

namespace awb::anomalies {

struct Finding
{
    QString kind; // "outlier", "duplicate", "wrong_period", "fx_mismatch", "fx_rate_missing",
                  // "orphan_reference"
    std::size_t row = 0;
    std::optional<Decimal> amount;          // set by checks that read an amount
    QString group;                          // outliers: "acc=4000, period=2026-07"
    std::optional<double> score;            // outliers
    std::optional<std::size_t> duplicateOf; // duplicates: row of the first of the group
    QString detail;
};

struct Findings
{
    std::vector<Finding> items;
    QStringList notes;
};

struct OutlierCheck
{
    enum class Method
    {
        Mad,
        Iqr
    };
    int amount = -1;
    std::vector<int> groupBy;
    Method method = Method::Mad;
    double threshold = 3.5; // modified z-score (MAD) or k in Q1 - k*IQR / Q3 + k*IQR
    int minGroupSize = 8;
};
Status findOutliers(const Table& table, const OutlierCheck& check, Findings& out);

struct DuplicateCheck
{
    std::vector<int> columns;
    int id = -1;
};
void findDuplicates(const Table& table, const DuplicateCheck& check, Findings& out);

struct PeriodCheck
{
    int date = -1;   // YYYY-MM-DD...
    int period = -1; // YYYY-MM
};
void findWrongPeriods(const Table& table, const PeriodCheck& check, Findings& out);

struct FxCheck
{
    int amount = -1;
    int rate = -1;
    int converted = -1;
    Decimal tolerance = Decimal::fromMinor(1, 2);
};
Status findFxMismatches(const Table& table, const FxCheck& check, Findings& out);

struct OrphanCheck
{
    int reference = -1;
    int whenColumn = -1; // only rows whose whenColumn equals whenValue; -1: all rows
    Json whenValue;
    std::unordered_set<std::string> targetKeys; // cells::key() of the target's key column
    QString targetName;                         // "invoices.id", for details
};
void findOrphans(const Table& table, const OrphanCheck& check, Findings& out);

} // namespace awb::anomalies
