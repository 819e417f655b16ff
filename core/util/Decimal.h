#pragma once
// Exact decimal for money and rates: a signed 64-bit count of millionths (range about ±9.2e12).
// Money never goes through floating point; JSON carries it as strings or integer minor units.

#include <QString>

#include <cstdint>
#include <optional>

#include "util/Json.h"

namespace awb {

class Decimal
{
public:
    static constexpr int kScale = 6;
    static constexpr std::int64_t kOne = 1'000'000;

    constexpr Decimal() = default;
    static constexpr Decimal fromMicros(std::int64_t micros) { return Decimal(micros); }
    static constexpr Decimal fromInt(std::int64_t units) { return Decimal(units * kOne); }
    // Integer minor units with the given number of decimals: fromMinor(12345, 2) == 123.45.
    static Decimal fromMinor(std::int64_t minor, int decimals = 2);
    // "1234.5", "-0.25", "1e3" are accepted; more than six decimals are rounded half away from zero.
    static std::optional<Decimal> parse(const QString& text);
    // Accepts JSON strings and numbers (integers exactly; doubles rounded to six decimals).
    static std::optional<Decimal> fromJson(const Json& value);

    std::int64_t micros() const { return m_micros; }
    std::int64_t toMinor(int decimals = 2) const; // rounded half away from zero
    double toDouble() const { return double(m_micros) / double(kOne); }
    // Fixed number of decimals, rounded half away from zero: toString(2) == "1234.50".
    QString toString(int decimals = 2) const;

    Decimal abs() const { return Decimal(m_micros < 0 ? -m_micros : m_micros); }
    Decimal operator-() const { return Decimal(-m_micros); }
    Decimal operator+(Decimal o) const { return Decimal(m_micros + o.m_micros); }
    Decimal operator-(Decimal o) const { return Decimal(m_micros - o.m_micros); }
    Decimal& operator+=(Decimal o)
    {
        m_micros += o.m_micros;
        return *this;
    }
    Decimal& operator-=(Decimal o)
    {
        m_micros -= o.m_micros;
        return *this;
    }
    Decimal operator*(Decimal o) const; // rounded to six decimals
    Decimal operator/(Decimal o) const; // rounded to six decimals; o must not be zero
    auto operator<=>(const Decimal&) const = default;

private:
    constexpr explicit Decimal(std::int64_t micros) : m_micros(micros) {}
    std::int64_t m_micros = 0;
};

} // namespace awb
