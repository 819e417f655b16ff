#include "util/Json.h"

#include <QStringList>

#include <charconv>
#include <cmath>

namespace awb {

namespace {
// Python's repr of a double: the shortest digits that round-trip, the closest of them when several
// do (nlohmann's Grisu2 does not guarantee that), fixed notation for exponents -4 to 15.
std::string pythonFloat(double d)
{
    if (!std::isfinite(d))
        return Json(d).dump(); // "null", as nlohmann writes it; JSON has no NaN
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    Q_UNUSED(ec);
    const std::string sci(buf, end); // "-1.2345e+15"
    const auto e = sci.find('e');
    const bool negative = sci[0] == '-';
    std::string digits = sci.substr(negative ? 1 : 0, e - (negative ? 1 : 0));
    if (const auto dot = digits.find('.'); dot != std::string::npos)
        digits.erase(dot, 1);
    const int exponent = std::stoi(sci.substr(e + 1));
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0.";
            out.append(std::size_t(-exponent - 1), '0');
            out += digits;
        } else {
            const std::size_t intDigits = std::size_t(exponent) + 1;
            if (digits.size() < intDigits)
                digits.append(intDigits - digits.size(), '0');
            const std::string fraction = digits.size() > intDigits ? digits.substr(intDigits) : "0";
            out += digits.substr(0, intDigits) + "." + fraction;
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1)
        out += "." + digits.substr(1);
    const int magnitude = exponent < 0 ? -exponent : exponent;
    out += (exponent < 0 ? "e-" : "e+") + std::string(magnitude < 10 ? "0" : "") +
           std::to_string(magnitude);
    return out;
}

// nlohmann quotes what it read of the bad token ("invalid literal; last read: 'root:x'"): bytes of
// the input, which may be a file that was never meant to be read (a link to /etc/shadow). Drop
// the excerpt; keep what follows it only when it is one of nlohmann's fixed token names, since
// the excerpt itself can imitate "; expected ...".
QString withoutExcerpt(const QString& what)
{
    const qsizetype at = what.indexOf(QLatin1String("; last read: '"));
    if (at < 0)
        return what;
    // nlohmann's token_type_name() values, the only text that may follow the excerpt.
    static const QStringList kTokenNames =
        QStringLiteral("<uninitialized>|true literal|false literal|null literal|string literal|"
                       "number literal|'['|'{'|']'|'}'|':'|','|<parse error>|end of input|"
                       "'[', '{', or a literal|unknown token")
            .split(QLatin1Char('|'));
    const QString out = what.left(at);
    for (const QString& name : kTokenNames) {
        const QString expected = QStringLiteral("; expected ") + name;
        if (what.endsWith(expected) && what.size() - expected.size() > at)
            return out + expected;
    }
    return out;
}

void writeCanonical(const Json& value, std::string& out)
{
    switch (value.type()) {
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            out += Json(it.key()).dump(-1, ' ', false, Json::error_handler_t::replace);
            out += ':';
            writeCanonical(it.value(), out);
        }
        out += '}';
        break;
    }
    case Json::value_t::array: {
        out += '[';
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0)
                out += ',';
            writeCanonical(value[i], out);
        }
        out += ']';
        break;
    }
    case Json::value_t::number_float:
        out += pythonFloat(value.get<double>());
        break;
    default:
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
}

} // namespace

bool containsFloat(const Json& value)
{
    if (value.is_number_float())
        return true;
    if (value.is_structured()) {
        for (const Json& child : value) {
            if (containsFloat(child))
                return true;
        }
    }
    return false;
}

QByteArray canonicalJson(const Json& value)
{
    // The common case (no floating point, as in the audit trail) stays on nlohmann's fast path.
    std::string text;
    if (containsFloat(value))
        writeCanonical(value, text);
    else
        text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

Result<Json> parseJson(const QByteArray& text)
{
    Json parsed = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!parsed.is_discarded())
        return parsed;
    // Parse again with exceptions to learn the position; only on the error path.
    try {
        const Json ignored = Json::parse(text.begin(), text.end());
        Q_UNUSED(ignored);
    } catch (const Json::parse_error& e) {
        qsizetype line = 1, column = 1;
        const qsizetype end = std::min<qsizetype>(qsizetype(e.byte) - 1, text.size());
        for (qsizetype i = 0; i < end; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((uchar(text[i]) & 0xC0) != 0x80) {
                ++column; // columns count characters, as editors do, not UTF-8 bytes
            }
        }
        // "[json.exception.parse_error.101] parse error at line 1, column 2: what"; the detail
        // itself may contain ": " ("last read: ..."), so cut at the first one.
        QString what = QString::fromUtf8(e.what());
        const qsizetype colon = what.indexOf(QLatin1String(": "));
        if (colon >= 0)
            what = what.mid(colon + 2);
        what = withoutExcerpt(what);
        return Error::make(QStringLiteral("invalid JSON at line %1, column %2: %3")
                               .arg(line)
                               .arg(column)
                               .arg(what),
                           QStringLiteral("invalid_json"));
    } catch (const Json::exception& e) {
        // A number beyond a double's range ("1e999") is out_of_range, not a parse_error, and
        // says which number; no position comes with it.
        QString what = QString::fromUtf8(e.what());
        const qsizetype bracket = what.indexOf(QLatin1String("] "));
        if (bracket >= 0)
            what = what.mid(bracket + 2);
        return Error::make(QStringLiteral("invalid JSON: %1").arg(what),
                           QStringLiteral("invalid_json"));
    }
    return Error::make(QStringLiteral("invalid JSON"), QStringLiteral("invalid_json"));
}

QString jsonString(const Json& object, const char* key, const QString& fallback)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return fallback;
    return toQ(it->get<std::string>());
}

} // namespace awb
