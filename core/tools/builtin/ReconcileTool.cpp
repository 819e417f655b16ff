#include "tools/builtin/ReconcileTool.h"

#include <algorithm>
#include <unordered_map>

#include "tools/data/Cells.h"
#include "tools/data/Dataset.h"

namespace awb {

namespace {
Error invalid(const QString& message)
{
    return Error::make(message, QStringLiteral("invalid_arguments"));
}

Json decimalArgSchema(const char* description)
{
    return {{"type", Json::array({"string", "number"})},
            {"pattern", "^[0-9]+(\\.[0-9]+)?$"},
            {"minimum", 0},
            {"description", description}};
}

// Amounts of one side, summed per key.
struct Side
{
    struct Entry
    {
        Decimal sum;
        std::size_t rows = 0;
        std::size_t firstRow = 0;
    };
    Table table;
    std::unordered_map<std::string, Entry> byKey;
    Decimal total;
    std::size_t duplicateKeys = 0;
};

Status aggregate(Side& side, const QString& role, const QString& keyColumn,
                 const QString& amountColumn, const ToolContext& ctx)
{
    auto keyIndex =
        cells::requireColumn(side.table, keyColumn, role + QStringLiteral("_key"), role);
    if (!keyIndex)
        return keyIndex.error();
    auto amountIndex =
        cells::requireColumn(side.table, amountColumn, role + QStringLiteral("_amount"), role);
    if (!amountIndex)
        return amountIndex.error();
    side.byKey.reserve(side.table.rows.size());
    for (std::size_t r = 0; r < side.table.rows.size(); ++r) {
        if ((r & 0xFFFF) == 0 && ctx.cancelled())
            return Error::make(QStringLiteral("reconcile was cancelled"),
                               QStringLiteral("cancelled"));
        const auto& row = side.table.rows[r];
        auto amount = cells::amount(row[std::size_t(*amountIndex)], r, amountColumn, role);
        if (!amount)
            return amount.error();
        const Decimal value = amount->value_or(Decimal());
        auto [it, inserted] = side.byKey.try_emplace(cells::key(row[std::size_t(*keyIndex)]));
        if (inserted)
            it->second.firstRow = r;
        else if (it->second.rows == 1)
            ++side.duplicateKeys;
        ++it->second.rows;
        const auto sum = cells::checkedAdd(it->second.sum, value);
        const auto total = cells::checkedAdd(side.total, value);
        if (!sum || !total)
            return Error::make(
                QStringLiteral("%1: the amounts in column \"%2\" add up beyond the supported range "
                               "(about ±9 trillion)")
                    .arg(role, amountColumn),
                QStringLiteral("invalid_amount"));
        it->second.sum = *sum;
        side.total = *total;
    }
    return {};
}

Result<Decimal> toleranceValue(const Json& tolerance, const char* key)
{
    const auto it = tolerance.find(key);
    if (it == tolerance.end())
        return Decimal();
    const auto value = Decimal::fromJson(*it);
    if (!value || *value < Decimal())
        return invalid(
            QStringLiteral("tolerance.%1 must be a non-negative decimal like \"0.50\" (got %2)")
                .arg(QLatin1String(key), cells::display(*it)));
    return *value;
}

Json duplicateList(const Side& side)
{
    std::vector<std::pair<cells::SortKey, std::size_t>> dups;
    dups.reserve(side.duplicateKeys);
    for (const auto& [key, entry] : side.byKey) {
        if (entry.rows > 1)
            dups.emplace_back(cells::SortKey(key), entry.rows);
    }
    std::sort(dups.begin(), dups.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    Json out = Json::array();
    for (const auto& [key, rows] : dups)
        out.push_back({{"key", key.text}, {"rows", rows}});
    return out;
}

// Keys present on `from` only, as {"key", "amount", "row"}, sorted by key.
Json missingList(const Side& from, const Side& other)
{
    std::vector<std::pair<cells::SortKey, const Side::Entry*>> keys;
    for (const auto& [key, entry] : from.byKey) {
        if (!other.byKey.count(key))
            keys.emplace_back(cells::SortKey(key), &entry);
    }
    std::sort(keys.begin(), keys.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    Json out = Json::array();
    for (const auto& [key, entry] : keys)
        out.push_back({{"key", key.text},
                       {"amount", toStd(entry->sum.toString(2))},
                       {"row", cells::rowObject(from.table, entry->firstRow)}});
    return out;
}
} // namespace

bool ReconcileTool::Tolerance::matches(Decimal left, Decimal right) const
{
    const Decimal diff = (left - right).abs();
    const Decimal larger = std::max(left.abs(), right.abs());
    return diff <= std::max(absolute, relative * larger);
}

QString ReconcileTool::description() const
{
    return QStringLiteral(
        "Reconcile two datasets (SQL query, CSV file or an earlier result) by a key column: "
        "amounts are summed "
        "per key on each side and compared within a tolerance. Returns a summary (totals, counts "
        "of matched, "
        "mismatched and missing keys), the mismatched keys with both amounts and the difference "
        "(left minus "
        "right, largest first), keys missing on either side and keys that occur on several rows.");
}

Json ReconcileTool::inputSchema() const
{
    const Json column = {{"type", "string"}, {"minLength", 1}};
    auto described = [&](const char* text) {
        Json c = column;
        c["description"] = text;
        return c;
    };
    Json left = datasetRefSchema();
    left["description"] =
        "The first dataset, e.g. the ledger. " + left["description"].get<std::string>();
    Json right = datasetRefSchema();
    right["description"] =
        "The second dataset, e.g. the CRM export. " + right["description"].get<std::string>();
    return {
        {"type", "object"},
        {"properties",
         {{"left", left},
          {"right", right},
          {"left_key", described("Key column of left, e.g. \"invoice_no\".")},
          {"right_key", described("Key column of right; default: left_key.")},
          {"left_amount", described("Amount column of left (numbers or decimal strings).")},
          {"right_amount", described("Amount column of right; default: left_amount.")},
          {"tolerance",
           {{"type", "object"},
            {"description",
             "A pair matches if |left - right| <= max(absolute, relative * max(|left|, "
             "|right|)). Default: exact."},
            {"properties",
             {{"absolute",
               decimalArgSchema("Absolute tolerance in currency units, e.g. \"0.50\".")},
              {"relative",
               decimalArgSchema("Relative tolerance as a fraction, e.g. \"0.001\" for 0.1 %.")}}},
            {"additionalProperties", false}}},
          {"left_label",
           {{"type", "string"}, {"description", "Name of left in the output, e.g. \"ledger\"."}}},
          {"right_label",
           {{"type", "string"}, {"description", "Name of right in the output, e.g. \"crm\"."}}}}},
        {"required", {"left", "right", "left_key", "left_amount"}},
        {"additionalProperties", false}};
}

Result<Json> ReconcileTool::execute(const Json& arguments, const ToolContext& ctx) const
{
    if (!arguments.is_object())
        return invalid(QStringLiteral("arguments must be an object"));
    for (const char* key : {"left", "right", "left_key", "left_amount"}) {
        if (!arguments.contains(key))
            return invalid(QStringLiteral("\"%1\" is required").arg(QLatin1String(key)));
    }
    const QString leftKey = jsonString(arguments, "left_key");
    const QString rightKey = jsonString(arguments, "right_key", leftKey);
    const QString leftAmount = jsonString(arguments, "left_amount");
    const QString rightAmount = jsonString(arguments, "right_amount", leftAmount);
    const QString leftLabel = jsonString(arguments, "left_label", QStringLiteral("left"));
    const QString rightLabel = jsonString(arguments, "right_label", QStringLiteral("right"));
    if (leftKey.isEmpty() || leftAmount.isEmpty())
        return invalid(QStringLiteral("\"left_key\" and \"left_amount\" must be column names"));

    Tolerance tolerance;
    const Json tol = arguments.value("tolerance", Json::object());
    if (!tol.is_object())
        return invalid(QStringLiteral(
            "\"tolerance\" must be an object with \"absolute\" and/or \"relative\""));
    auto absolute = toleranceValue(tol, "absolute");
    if (!absolute)
        return absolute.error();
    auto relative = toleranceValue(tol, "relative");
    if (!relative)
        return relative.error();
    tolerance.absolute = *absolute;
    tolerance.relative = *relative;

    Side left, right;
    auto leftTable = loadCompleteDataset(arguments["left"], ctx, QStringLiteral("left"));
    if (!leftTable)
        return leftTable.error();
    left.table = std::move(leftTable).value();
    auto rightTable = loadCompleteDataset(arguments["right"], ctx, QStringLiteral("right"));
    if (!rightTable)
        return rightTable.error();
    right.table = std::move(rightTable).value();
    if (auto s = aggregate(left, QStringLiteral("left"), leftKey, leftAmount, ctx); !s)
        return s.error();
    if (auto s = aggregate(right, QStringLiteral("right"), rightKey, rightAmount, ctx); !s)
        return s.error();

    struct Mismatch
    {
        cells::SortKey key;
        Decimal difference;
        const Side::Entry* left;
        const Side::Entry* right;
    };
    std::vector<Mismatch> mismatches;
    std::size_t matched = 0, inexact = 0, missingInRight = 0;
    for (const auto& [key, l] : left.byKey) {
        const auto it = right.byKey.find(key);
        if (it == right.byKey.end()) {
            ++missingInRight;
            continue;
        }
        const Decimal difference = l.sum - it->second.sum;
        if (tolerance.matches(l.sum, it->second.sum)) {
            ++matched;
            inexact += difference != Decimal() ? 1 : 0;
        } else {
            mismatches.push_back({cells::SortKey(key), difference, &l, &it->second});
        }
    }
    std::sort(mismatches.begin(), mismatches.end(), [](const Mismatch& a, const Mismatch& b) {
        const Decimal da = a.difference.abs(), db = b.difference.abs();
        if (da != db)
            return da > db;
        return a.key < b.key;
    });
    Json mismatched = Json::array();
    for (const Mismatch& m : mismatches)
        mismatched.push_back({{"key", m.key.text},
                              {"left_amount", toStd(m.left->sum.toString(2))},
                              {"right_amount", toStd(m.right->sum.toString(2))},
                              {"difference", toStd(m.difference.toString(2))},
                              {"left", cells::rowObject(left.table, m.left->firstRow)},
                              {"right", cells::rowObject(right.table, m.right->firstRow)}});
    Json missingInLeftList = missingList(right, left);
    const std::size_t missingInLeft = missingInLeftList.size();

    Json summary = {{"left_rows", left.table.rows.size()},
                    {"right_rows", right.table.rows.size()},
                    {"left_keys", left.byKey.size()},
                    {"right_keys", right.byKey.size()},
                    {"matched", matched},
                    {"matched_within_tolerance", inexact},
                    {"mismatched", mismatches.size()},
                    {"missing_in_left", missingInLeft},
                    {"missing_in_right", missingInRight},
                    {"left_total", toStd(left.total.toString(2))},
                    {"right_total", toStd(right.total.toString(2))},
                    {"difference", toStd((left.total - right.total).toString(2))}};
    return Json{
        {"summary", std::move(summary)},
        {"mismatched", std::move(mismatched)},
        {"missing_in_left", std::move(missingInLeftList)},
        {"missing_in_right", missingList(left, right)},
        {"duplicate_keys", {{"left", duplicateList(left)}, {"right", duplicateList(right)}}},
        {"labels", {{"left", toStd(leftLabel)}, {"right", toStd(rightLabel)}}},
        {"tolerance",
         {{"absolute", toStd(cells::trimmedDecimal(tolerance.absolute))},
          {"relative", toStd(cells::trimmedDecimal(tolerance.relative, 1))}}}};
}

} // namespace awb
