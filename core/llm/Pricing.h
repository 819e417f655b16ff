#pragma once
// Prices of models per million tokens (US dollars, exact decimals) and the cost of a call in
// micro-dollars. The table ships as the resource :/awb/pricing.json (with the date it was
// compiled); a workspace file in the same format adds or overrides models. Immutable after
// loading, so one instance can be shared across threads.

#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

#include "llm/Conversation.h"
#include "util/Decimal.h"
#include "util/Json.h"
#include "util/Result.h"

namespace awb::llm {

struct ModelPrice
{
    Decimal input;       // per 1M uncached input tokens
    Decimal cachedInput; // per 1M cached input tokens; the input price when the table gives none
    Decimal output;      // per 1M output tokens (reasoning tokens included)
};

class Pricing
{
public:
    static constexpr qint64 kMaxFileBytes = 1 << 20; // the shipped table and a workspace's own

    // The shipped table, then the overlay file on top when overlayPath names an existing file.
    // Errors name the file and the model.
    static Result<Pricing> load(const QString& overlayPath = {});
    // The shipped table alone, parsed once.
    static std::shared_ptr<const Pricing> builtin();
    // A table in the pricing.json format: {"schema_version": 1, "date", "currency": "USD",
    // "unit": "per 1M tokens", "models": {"name": {"input": "0.15", "cached_input": "0.075",
    // "output": "0.60"}}}. Prices are decimal strings.
    static Result<Pricing> fromJson(const Json& table, const QString& origin);

    // Adds or replaces models from another table; its date, when given, becomes the table's date.
    Status overlay(const Json& table, const QString& origin);
    Status overlayFile(const QString& path);

    QString date() const { return m_date; }
    QString currency() const { return m_currency; }
    std::size_t size() const { return m_models.size(); }

    // By exact name, else by the longest table name that is a prefix of `model` ending at a
    // separator ('-', ':', '@', '/'): "gpt-4o-mini-2024-07-18" is priced as "gpt-4o-mini", and
    // "llama3.1:8b" as "llama3.1"; "gpt-4.1" is never priced as "gpt-4". Case-insensitive.
    std::optional<ModelPrice> priceFor(const QString& model) const;
    // The table name priceFor() used, for showing which price applied.
    std::optional<QString> matchFor(const QString& model) const;

    // The exact cost of a call, rounded half up to a micro-dollar: usage.cachedInputTokens are
    // part of usage.inputTokens and priced at cached_input, the rest at input. nullopt for an
    // unknown model.
    std::optional<std::int64_t> costMicros(const QString& model, const Usage& usage) const;
    // The most a call can cost, for budget checks before it is made: every input token uncached
    // and maxOutputTokens produced.
    Result<std::int64_t> estimateMicros(const QString& model, std::int64_t inputTokens,
                                        std::int64_t maxOutputTokens) const;

private:
    std::map<QString, ModelPrice> m_models; // lower-case names
    QString m_date;
    QString m_currency = QStringLiteral("USD");
};

} // namespace awb::llm
