#include "util/Decimal.h"

#include <cmath>

namespace awb {

namespace {
__extension__ typedef __int128 Int128;

std::int64_t pow10(int n)
{
    std::int64_t r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

// Divides rounding half away from zero.
Int128 divRound(Int128 num, Int128 den)
{
    const bool negative = (num < 0) != (den < 0);
    Int128 n = num < 0 ? -num : num;
    const Int128 d = den < 0 ? -den : den;
    Int128 q = n / d;
    if ((n % d) * 2 >= d)
        ++q;
    return negative ? -q : q;
}
} // namespace

Decimal Decimal::fromMinor(std::int64_t minor, int decimals)
{
    if (decimals > kScale)
        return Decimal(std::int64_t(divRound(minor, pow10(decimals - kScale))));
    return Decimal(minor * pow10(kScale - decimals));
}

std::optional<Decimal> Decimal::parse(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (text[i] == QLatin1Char('-') || text[i] == QLatin1Char('+')) {
        negative = text[i] == QLatin1Char('-');
        ++i;
    }
    Int128 mantissa = 0;
    int fractionDigits = 0;
    bool seenDot = false, seenDigit = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isDigit()) {
            seenDigit = true;
            if (mantissa > (Int128(1) << 100))
                return std::nullopt;
            mantissa = mantissa * 10 + c.digitValue();
            if (seenDot)
                ++fractionDigits;
        } else if (c == QLatin1Char('.') && !seenDot) {
            seenDot = true;
        } else {
            break;
        }
    }
    if (!seenDigit)
        return std::nullopt;
    int exponent = 0;
    if (i < text.size()) {
        if (text[i] != QLatin1Char('e') && text[i] != QLatin1Char('E'))
            return std::nullopt;
        bool ok = false;
        exponent = text.mid(i + 1).toInt(&ok);
        if (!ok || exponent > 15 || exponent < -30)
            return std::nullopt;
    }
    const int shift = kScale - fractionDigits + exponent;
    Int128 micros = mantissa;
    if (shift >= 0) {
        // Checked at each step: a large mantissa times 10^21 would overflow even 128 bits.
        for (int k = 0; k < shift && micros <= INT64_MAX; ++k)
            micros *= 10;
    } else {
        Int128 den = 1;
        for (int k = 0; k < -shift; ++k)
            den *= 10;
        micros = divRound(micros, den);
    }
    if (micros > INT64_MAX)
        return std::nullopt;
    return Decimal(std::int64_t(negative ? -micros : micros));
}

std::optional<Decimal> Decimal::fromJson(const Json& value)
{
    if (value.is_string())
        return parse(toQ(value.get<std::string>()));
    if (value.is_number_unsigned()) {
        const auto units = value.get<std::uint64_t>();
        if (units > std::uint64_t(INT64_MAX / kOne))
            return std::nullopt;
        return fromInt(std::int64_t(units));
    }
    if (value.is_number_integer()) {
        const auto units = value.get<std::int64_t>();
        if (units > INT64_MAX / kOne || units < -(INT64_MAX / kOne))
            return std::nullopt;
        return fromInt(units);
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (!std::isfinite(d) || std::fabs(d) > 9e12)
            return std::nullopt;
        return Decimal(std::int64_t(std::llround(d * double(kOne))));
    }
    return std::nullopt;
}

std::int64_t Decimal::toMinor(int decimals) const
{
    if (decimals > kScale)
        return m_micros * pow10(decimals - kScale);
    return std::int64_t(divRound(m_micros, pow10(kScale - decimals)));
}

QString Decimal::toString(int decimals) const
{
    decimals = qMax(0, decimals);
    // Digits past the sixth are always zero.
    if (decimals > kScale)
        return toString(kScale) + QString(decimals - kScale, QLatin1Char('0'));
    const std::int64_t scaled = std::int64_t(divRound(m_micros, pow10(kScale - decimals)));
    const std::int64_t unit = pow10(decimals);
    const std::uint64_t magnitude = scaled < 0 ? std::uint64_t(-scaled) : std::uint64_t(scaled);
    QString out = QString::number(magnitude / std::uint64_t(unit));
    if (decimals > 0)
        out += QLatin1Char('.') +
               QString::number(magnitude % std::uint64_t(unit)).rightJustified(decimals, QLatin1Char('0'));
    return scaled < 0 ? QLatin1Char('-') + out : out;
}

Decimal Decimal::operator*(Decimal o) const
{
    return Decimal(std::int64_t(divRound(Int128(m_micros) * o.m_micros, kOne)));
}

Decimal Decimal::operator/(Decimal o) const
{
    return Decimal(std::int64_t(divRound(Int128(m_micros) * kOne, o.m_micros)));
}

} // namespace awb
