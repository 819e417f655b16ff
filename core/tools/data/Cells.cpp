#include "tools/data/Cells.h"

#include <QStringList>

#include <cmath>

namespace awb::cells {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string trimmed(const std::string& s)
{
    std::size_t begin = 0, end = s.size();
    while (begin < end && isSpace(s[begin]))
        ++begin;
    while (end > begin && isSpace(s[end - 1]))
        --end;
    return s.substr(begin, end - begin);
}

// "-12", "0", "42": an optional minus and digits, no leading zeros (so "007" stays text).
bool isPlainInteger(const std::string& s)
{
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    if (i >= s.size() || s.size() - i > 18)
        return false;
    if (s[i] == '0' && s.size() - i > 1)
        return false;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
    }
    return true;
}
} // namespace

std::string key(const Json& cell)
{
    switch (cell.type()) {
    case Json::value_t::string:
        return trimmed(cell.get_ref<const std::string&>());
    case Json::value_t::number_integer:
        return std::to_string(cell.get<std::int64_t>());
    case Json::value_t::number_unsigned:
        return std::to_string(cell.get<std::uint64_t>());
    case Json::value_t::number_float: {
        const double d = cell.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
            return std::to_string(std::int64_t(d));
        return cell.dump();
    }
    case Json::value_t::boolean:
        return cell.get<bool>() ? "true" : "false";
    case Json::value_t::null:
        return {};
    default:
        return cell.dump();
    }
}

bool isBlank(const Json& cell)
{
    if (cell.is_null())
        return true;
    if (!cell.is_string())
        return false;
    for (char c : cell.get_ref<const std::string&>()) {
        if (!isSpace(c))
            return false;
    }
    return true;
}

bool keyLess(const std::string& a, const std::string& b)
{
    const bool ai = isPlainInteger(a), bi = isPlainInteger(b);
    if (ai != bi)
        return ai;
    if (ai)
        return std::stoll(a) < std::stoll(b);
    return a < b;
}

SortKey::SortKey(std::string t) : text(std::move(t)), integer(isPlainInteger(text))
{
    if (integer)
        number = std::stoll(text);
}

QString display(const Json& cell)
{
    if (cell.is_string())
        return toQ(cell.get<std::string>());
    return toQ(cell.dump());
}

Json rowObject(const Table& table, std::size_t row)
{
    Json out = Json::object();
    const auto& cells = table.rows[row];
    for (int c = 0; c < table.columns.size(); ++c)
        out[toStd(table.columns[c])] = std::size_t(c) < cells.size() ? cells[c] : Json();
    return out;
}

Result<int> requireColumn(const Table& table, const QString& column, const QString& role,
                          const QString& datasetName)
{
    const int index = table.columnIndex(column);
    if (index >= 0)
        return index;
    // The names help the model pick the right column, but a header can be any first line of any
    // file: a bounded list of bounded names keeps the message a message.
    constexpr int kMaxNames = 40;
    constexpr int kMaxNameChars = 40;
    QStringList quoted;
    for (const QString& c : table.columns) {
        if (quoted.size() == kMaxNames) {
            quoted << QStringLiteral("and %1 more").arg(table.columns.size() - kMaxNames);
            break;
        }
        quoted << QLatin1Char('"') +
                      (c.size() > kMaxNameChars ? c.left(kMaxNameChars) + QStringLiteral("...")
                                                : c) +
                      QLatin1Char('"');
    }
    return Error::make(
        QStringLiteral("%1: column \"%2\" (%3) does not exist; available columns: %4")
            .arg(datasetName, column, role,
                 quoted.isEmpty() ? QStringLiteral("none") : quoted.join(QStringLiteral(", "))),
        QStringLiteral("unknown_column"));
}

Result<std::optional<Decimal>> amount(const Json& cell, std::size_t row, const QString& column,
                                      const QString& datasetName)
{
    if (isBlank(cell))
        return std::optional<Decimal>();
    // Decimal holds about ±9.2e12; reject larger integers before they overflow.
    constexpr std::int64_t kMaxUnits = 9'000'000'000'000LL;
    bool tooLarge = false;
    if (cell.is_number_unsigned())
        tooLarge = cell.get<std::uint64_t>() > std::uint64_t(kMaxUnits);
    else if (cell.is_number_integer())
        tooLarge = cell.get<std::int64_t>() > kMaxUnits || cell.get<std::int64_t>() < -kMaxUnits;
    std::optional<Decimal> value = tooLarge ? std::nullopt : Decimal::fromJson(cell);
    const QString shown = value ? QString() : display(cell); // a cell can be a whole file's text
    if (!value)
        return Error::make(
            QStringLiteral("%1: row %2, column \"%3\": \"%4\" is not an amount (expected a "
                           "number or a decimal string like \"1234.50\")")
                .arg(datasetName)
                .arg(row + 1)
                .arg(column, shown.size() > 80 ? shown.left(80) + QStringLiteral("...") : shown),
            QStringLiteral("invalid_amount"));
    return std::optional<Decimal>(*value);
}

std::optional<Decimal> checkedAdd(Decimal a, Decimal b)
{
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a.micros(), b.micros(), &sum))
        return std::nullopt;
    return Decimal::fromMicros(sum);
}

QString trimmedDecimal(Decimal value, int minDecimals)
{
    QString text = value.toString(Decimal::kScale);
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    qsizetype keep = text.size();
    while (keep > dot + 1 + minDecimals && text[keep - 1] == QLatin1Char('0'))
        --keep;
    text.truncate(minDecimals == 0 && keep == dot + 1 ? dot : keep);
    return text;
}

} // namespace awb::cells
