#include "llm/protocols/ReplyParsing.h"

#include <algorithm>
#include <cmath>

namespace awb::llm {

Error malformedReply(const QString& provider, const Json::exception& e)
{
    return Error::make(QStringLiteral("%1 returned a reply of an unexpected shape: %2")
                           .arg(provider, QString::fromUtf8(e.what())),
                       QStringLiteral("invalid_response"));
}

Result<ModelResponse>
parseReply(const QByteArray& body, const QString& provider,
           const std::function<Result<ModelResponse>(const Json&)>& toResponse)
{
    auto parsed = parseJson(body);
    if (!parsed.ok())
        return Error::make(QStringLiteral("%1 returned a reply that is not JSON: %2")
                               .arg(provider, parsed.errorMessage()),
                           QStringLiteral("invalid_response"));
    try {
        return toResponse(*parsed);
    } catch (const Json::exception& e) {
        return malformedReply(provider, e);
    }
}

std::int64_t integerAt(const Json& object, const char* key, std::int64_t fallback)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (it->is_number_unsigned())
        return it->get<std::uint64_t>() <= std::uint64_t(INT64_MAX) ? it->get<std::int64_t>()
                                                                    : fallback;
    if (it->is_number_integer())
        return it->get<std::int64_t>();
    if (it->is_number_float()) {
        // Converting a double outside int64's range is undefined behaviour, not a clamp.
        const double d = it->get<double>();
        constexpr double kLimit = 9.2e18; // just below 2^63
        if (std::isfinite(d) && d == std::trunc(d) && d > -kLimit && d < kLimit)
            return std::int64_t(d);
    }
    return fallback;
}

std::int64_t tokenCount(const Json& usage, const char* key)
{
    if (!usage.is_object())
        return 0;
    const auto it = usage.find(key);
    if (it == usage.end() || !it->is_number())
        return 0;
    if (it->is_number_unsigned())
        return std::int64_t(std::min<std::uint64_t>(it->get<std::uint64_t>(), kMaxTokenCount));
    if (it->is_number_integer())
        return std::clamp<std::int64_t>(it->get<std::int64_t>(), 0, kMaxTokenCount);
    const double d = it->get<double>();
    return d <= 0 ? 0 : d >= double(kMaxTokenCount) ? kMaxTokenCount : std::int64_t(d);
}

} // namespace awb::llm
