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

Json redactSecret(const Json& value, const QString& secret)
{
    if (secret.isEmpty())
        return value;
    if (value.is_string())
        return redactSecret(toQ(value.get<std::string>()), secret).toStdString();
    if (value.is_array()) {
        Json out = Json::array();
        for (const Json& item : value)
            out.push_back(redactSecret(item, secret));
        return out;
    }
    if (value.is_object()) {
        Json out = Json::object();
        for (const auto& [key, item] : value.items())
            out[redactSecret(toQ(key), secret).toStdString()] = redactSecret(item, secret);
        return out;
    }
    return value;
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
