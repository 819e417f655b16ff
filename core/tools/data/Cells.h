#pragma once
// Helpers shared by the data tools for reading table cells: comparable keys, amounts as Decimal,
// column lookup with errors that list what is there. Kept in one place so every tool normalises
// "1001", 1001 and 1001.0 the same way.

#include <QString>

#include <optional>
#include <string>

#include "tools/data/Table.h"
#include "util/Decimal.h"

namespace awb::cells {

// A cell as a comparable key: strings trimmed, integers and integral floats as plain integers,
// other numbers in their shortest form, booleans "true"/"false", null as "".
std::string key(const Json& cell);
// True for null, and for strings that are empty after trimming.
bool isBlank(const Json& cell);
// Orders keys that are both plain integers numerically, integers before text, text bytewise.
bool keyLess(const std::string& a, const std::string& b);

// A key with its ordering precomputed, for sorting many keys quickly in keyLess order.
struct SortKey
{
    explicit SortKey(std::string text);
    std::string text;
    bool integer = false;
    std::int64_t number = 0;
    bool operator<(const SortKey& o) const
    {
        if (integer != o.integer)
            return integer;
        return integer ? number < o.number : text < o.text;
    }
    bool operator==(const SortKey& o) const { return text == o.text; }
};

// The cell as text for a human-readable detail ("INV-7", "1200.5", "null").
QString display(const Json& cell);

// The row as {column: cell}.
Json rowObject(const Table& table, std::size_t row);

// Index of the column, or an error naming what was asked for (role: "left_key") and listing the
// available columns.
Result<int> requireColumn(const Table& table, const QString& column, const QString& role,
                          const QString& datasetName);

// An amount cell: JSON numbers and decimal strings. Null and blank strings give nullopt. Anything
// else is an error naming the 1-based data row, the column and the value.
Result<std::optional<Decimal>> amount(const Json& cell, std::size_t row, const QString& column,
                                      const QString& datasetName);

// Sum that reports overflow of Decimal's range instead of wrapping.
std::optional<Decimal> checkedAdd(Decimal a, Decimal b);

// Decimal with at least minDecimals and at most six, trailing zeros dropped: "0.001", "0.50".
QString trimmedDecimal(Decimal value, int minDecimals = 2);

} // namespace awb::cells
