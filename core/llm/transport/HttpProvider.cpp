#include "llm/transport/HttpProvider.h"

#include "llm/Pricing.h"
#include "llm/transport/HttpCall.h"
#include "llm/transport/HttpClient.h"

namespace awb::llm {

namespace {
const QString kRedacted = QStringLiteral("[redacted]");
}

QString redactSecret(const QString& text, const QString& secret)
{
    if (secret.isEmpty() || !text.contains(secret))
        return text;
    QString out = text;
    out.replace(secret, kRedacted);
    return out;
}

namespace {
// Replaces every occurrence of needle in text; false when there was none.
bool replaceAll(std::string& text, const std::string& needle, const std::string& with)
{
    std::size_t at = text.find(needle);
    if (at == std::string::npos)
        return false;
    for (; at != std::string::npos; at = text.find(needle, at + with.size()))
        text.replace(at, needle.size(), with);
    return true;
}

void redactInPlace(Json& value, const std::string& secret, const std::string& with)
{
    if (value.is_string()) {
        replaceAll(value.get_ref<std::string&>(), secret, with);
    } else if (value.is_array()) {
        for (Json& item : value)
            redactInPlace(item, secret, with);
    } else if (value.is_object()) {
        bool keyHasSecret = false;
        for (auto& [key, item] : value.items()) {
            keyHasSecret = keyHasSecret || key.find(secret) != std::string::npos;
            redactInPlace(item, secret, with);
        }
        if (!keyHasSecret)
            return;
        Json renamed = Json::object();
        for (auto& [key, item] : value.items()) {
            std::string name = key;
            replaceAll(name, secret, with);
            renamed[name] = std::move(item);
        }
        value = std::move(renamed);
    }
}
} // namespace

void redactSecretInPlace(Json& value, const QString& secret)
{
    if (secret.isEmpty())
        return;
    redactInPlace(value, secret.toStdString(), kRedacted.toStdString());
}

Json redactSecret(const Json& value, const QString& secret)
{
    Json out = value;
    redactSecretInPlace(out, secret);
    return out;
}

HttpProvider::HttpProvider(std::shared_ptr<const WireProtocol> protocol, ProviderConfig config,
                           HttpOptions options)
    : m_protocol(std::move(protocol)), m_config(std::move(config)), m_options(std::move(options))
{
    if (!m_options.breaker)
        m_options.breaker =
            CircuitBreakerRegistry::global().breaker(m_config.provider, m_config.baseUrl);
    if (!m_options.pricing)
        m_options.pricing = Pricing::builtin();
}

HttpProvider::~HttpProvider() = default;

QString HttpProvider::profileLabel() const
{
    return QStringLiteral("%1 at %2")
        .arg(m_config.provider, redactSecret(m_config.baseUrl, m_config.apiKey));
}

ModelCall* HttpProvider::start(const ModelRequest& request, QObject* parent)
{
    HttpCallContext context;
    context.protocol = m_protocol;
    context.config = m_config;
    if (context.config.model.isEmpty())
        context.config.model = request.model;
    context.options = m_options;
    context.breaker = m_options.breaker;
    context.pricing = m_options.pricing;
    context.client = &HttpClient::shared();
    context.label = profileLabel();
    ModelRequest resolved = request;
    resolved.model = context.config.model;
    return new HttpCall(std::move(context), resolved, parent);
}

} // namespace awb::llm
