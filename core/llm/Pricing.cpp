#include "llm/Pricing.h"

#include <QFileInfo>

#include <mutex>

#include "util/RegularFile.h"

// Static libraries drop resource initialisers that nothing references; this references it.
static void initPricingResource()
{
    Q_INIT_RESOURCE(pricing);
}

namespace awb::llm {

namespace {
__extension__ typedef __int128 Int128;

constexpr auto kResourcePath = ":/awb/pricing.json";
constexpr std::int64_t kTokensPerUnit = 1'000'000; // prices are per million tokens

Error pricingError(const QString& origin, const QString& what)
{
    return Error::make(QStringLiteral("%1: %2").arg(origin, what),
                       QStringLiteral("invalid_pricing"));
}

Result<Decimal> readPrice(const Json& entry, const char* key, const QString& origin,
                          const QString& model)
{
    const auto it = entry.find(key);
    if (it == entry.end() || !it->is_string())
        return pricingError(
            origin, QStringLiteral("model \"%1\": \"%2\" must be a decimal string like \"0.15\"")
                        .arg(model, QLatin1String(key)));
    const auto value = Decimal::parse(toQ(it->get<std::string>()));
    if (!value || *value < Decimal())
        return pricingError(
            origin, QStringLiteral("model \"%1\": \"%2\" is not a non-negative decimal: \"%3\"")
                        .arg(model, QLatin1String(key), toQ(it->get<std::string>())));
    return *value;
}

bool isSeparator(QChar c)
{
    return c == QLatin1Char('-') || c == QLatin1Char(':') || c == QLatin1Char('@') ||
           c == QLatin1Char('/');
}

Result<Json> readJsonFile(const QString& path)
{
    auto text = readRegularFile(path, Pricing::kMaxFileBytes);
    if (!text)
        return Error::make(
            QStringLiteral("cannot read the pricing file: %1").arg(text.errorMessage()),
            text.error().code);
    auto json = parseJson(*text);
    if (!json)
        return pricingError(path, json.errorMessage());
    return json;
}
} // namespace

Result<Pricing> Pricing::fromJson(const Json& table, const QString& origin)
{
    Pricing p;
    p.m_date.clear();
    if (Status s = p.overlay(table, origin); !s)
        return s.error();
    if (p.m_date.isEmpty())
        return pricingError(
            origin, QStringLiteral("\"date\" is missing: a price table must say when it was "
                                   "compiled"));
    return p;
}

Status Pricing::overlay(const Json& table, const QString& origin)
{
    if (!table.is_object())
        return pricingError(origin, QStringLiteral("expected a JSON object"));
    if (const auto v = table.find("schema_version");
        v != table.end() && (!v->is_number_integer() || *v != 1))
        return pricingError(origin, QStringLiteral("unsupported \"schema_version\" (expected 1)"));
    if (const auto c = table.find("currency"); c != table.end() && (!c->is_string() || *c != "USD"))
        return pricingError(
            origin, QStringLiteral("\"currency\" must be \"USD\": costs are kept in US dollars"));
    if (const auto u = table.find("unit");
        u != table.end() && (!u->is_string() || *u != "per 1M tokens"))
        return pricingError(origin, QStringLiteral("\"unit\" must be \"per 1M tokens\""));
    const auto models = table.find("models");
    if (models == table.end() || !models->is_object())
        return pricingError(origin,
                            QStringLiteral("\"models\" must be an object of model name to prices"));

    // Validate everything before changing anything, so a bad overlay leaves the table as it was.
    std::map<QString, ModelPrice> parsed;
    for (const auto& [name, entry] : models->items()) {
        const QString model = toQ(name);
        if (model.trimmed().isEmpty())
            return pricingError(origin, QStringLiteral("a model name is empty"));
        if (!entry.is_object())
            return pricingError(
                origin, QStringLiteral("model \"%1\": expected an object with \"input\" and "
                                       "\"output\"")
                            .arg(model));
        auto input = readPrice(entry, "input", origin, model);
        if (!input)
            return input.error();
        auto output = readPrice(entry, "output", origin, model);
        if (!output)
            return output.error();
        ModelPrice price{*input, *input, *output};
        if (entry.contains("cached_input")) {
            auto cached = readPrice(entry, "cached_input", origin, model);
            if (!cached)
                return cached.error();
            price.cachedInput = *cached;
        }
        parsed[model.toLower()] = price;
    }
    QString date;
    if (const auto d = table.find("date"); d != table.end()) {
        if (!d->is_string() || d->get<std::string>().empty())
            return pricingError(origin,
                                QStringLiteral("\"date\" must be a string like \"2026-11-01\""));
        date = toQ(d->get<std::string>());
    }
    for (auto& [name, price] : parsed)
        m_models[name] = price;
    if (!date.isEmpty())
        m_date = date;
    return Status::success();
}

Status Pricing::overlayFile(const QString& path)
{
    auto json = readJsonFile(path);
    if (!json)
        return json.error();
    return overlay(*json, path);
}

Result<Pricing> Pricing::load(const QString& overlayPath)
{
    initPricingResource();
    auto json = readJsonFile(QString::fromLatin1(kResourcePath));
    if (!json)
        return json.error();
    auto pricing = fromJson(*json, QString::fromLatin1(kResourcePath));
    if (!pricing)
        return pricing;
    if (!overlayPath.isEmpty() && QFileInfo::exists(overlayPath)) {
        if (Status s = pricing->overlayFile(overlayPath); !s)
            return s.error();
    }
    return pricing;
}

std::shared_ptr<const Pricing> Pricing::builtin()
{
    static std::once_flag once;
    static std::shared_ptr<const Pricing> table;
    std::call_once(once, [] {
        auto loaded = load();
        // The shipped table is tested; should it ever fail to load, calls are simply not priced.
        table = std::make_shared<const Pricing>(loaded ? std::move(loaded).value() : Pricing());
    });
    return table;
}

std::optional<QString> Pricing::matchFor(const QString& model) const
{
    const QString key = model.trimmed().toLower();
    if (key.isEmpty())
        return std::nullopt;
    if (m_models.count(key))
        return key;
    std::optional<QString> best;
    for (const auto& [name, price] : m_models) {
        Q_UNUSED(price);
        if (key.size() > name.size() && key.startsWith(name) && isSeparator(key[name.size()]) &&
            (!best || name.size() > best->size()))
            best = name;
    }
    return best;
}

std::optional<ModelPrice> Pricing::priceFor(const QString& model) const
{
    const auto match = matchFor(model);
    if (!match)
        return std::nullopt;
    return m_models.at(*match);
}

std::optional<std::int64_t> Pricing::costMicros(const QString& model, const Usage& usage) const
{
    const auto price = priceFor(model);
    if (!price)
        return std::nullopt;
    const std::int64_t cached = std::clamp<std::int64_t>(
        usage.cachedInputTokens, 0, std::max<std::int64_t>(0, usage.inputTokens));
    const std::int64_t uncached = std::max<std::int64_t>(0, usage.inputTokens) - cached;
    const std::int64_t output = std::max<std::int64_t>(0, usage.outputTokens);
    // tokens x (dollars per million tokens, in micros) / one million = micro-dollars.
    const Int128 numerator = Int128(uncached) * price->input.micros() +
                             Int128(cached) * price->cachedInput.micros() +
                             Int128(output) * price->output.micros();
    return std::int64_t((numerator + kTokensPerUnit / 2) / kTokensPerUnit);
}

Result<std::int64_t> Pricing::estimateMicros(const QString& model, std::int64_t inputTokens,
                                             std::int64_t maxOutputTokens) const
{
    if (inputTokens < 0 || maxOutputTokens < 0)
        return Error::make(
            QStringLiteral("cannot estimate the cost of a call with a negative token count"),
            QStringLiteral("invalid_arguments"));
    Usage worst;
    worst.inputTokens = inputTokens;
    worst.outputTokens = maxOutputTokens;
    const auto cost = costMicros(model, worst);
    if (!cost)
        return Error::make(
            QStringLiteral("no price is known for model \"%1\" (price table of %2); add it to "
                           "the workspace's price table to enforce a cost budget")
                .arg(model, m_date),
            QStringLiteral("unknown_model_price"));
    return *cost;
}

} // namespace awb::llm
