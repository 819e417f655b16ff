#include "llm/transport/HttpExchange.h"

#include "llm/transport/HttpProvider.h"

namespace awb::llm::http {

namespace {
bool isSecretHeader(const QByteArray& name)
{
    static const QList<QByteArray> names = {"authorization", "proxy-authorization", "x-api-key",
                                            "api-key",       "x-goog-api-key",      "cookie",
                                            "set-cookie"};
    return names.contains(name.toLower());
}

QString statusCode(int status)
{
    switch (status) {
    case 429:
        return QStringLiteral("rate_limited");
    case 529:
        return QStringLiteral("overloaded");
    default:
        return QStringLiteral("server_error");
    }
}
} // namespace

ClassifiedFailure classifyStatus(int status, const HttpHeaders& headers, const QByteArray& body,
                                 const ProviderFailure& parsed, const Endpoint& endpoint)
{
    QString message = parsed.message.trimmed();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(500)).trimmed();
    if (message.isEmpty())
        message = QStringLiteral("no message");
    const AttemptFailure answered{FailureKind::HttpStatus, status, headers};
    const QString& provider = endpoint.provider;

    // Gemini answers a bad key with 400 and the reason API_KEY_INVALID, not 401.
    const bool badKey = status == 400 && (parsed.type.contains(QLatin1String("API_KEY_INVALID")) ||
                                          message.contains(QLatin1String("API key not valid")));
    if (status == 401 || status == 403 || badKey) {
        const QString where =
            endpoint.keyEnvironment.isEmpty()
                ? QStringLiteral("Store a key with `awb keys set %1`").arg(provider)
                : QStringLiteral("Set %1 or store a key with `awb keys set %2`")
                      .arg(endpoint.keyEnvironment, provider);
        return {answered, Error::make(QStringLiteral("%1 refused the API key (HTTP %2: %3). %4")
                                          .arg(provider)
                                          .arg(status)
                                          .arg(message, where),
                                      QStringLiteral("auth_failed"))};
    }
    if (status == 404)
        return {answered,
                Error::make(QStringLiteral("model \"%1\" was not found at %2 (HTTP 404: %3)")
                                .arg(endpoint.model, endpoint.baseUrl, message),
                            QStringLiteral("model_not_found"))};
    if (status >= 300 && status < 400) {
        // A POST must not silently turn into a GET somewhere else.
        const QString location =
            QString::fromLatin1(headerValue(headers, "location").value_or("?"));
        return {failureOf(FailureKind::Permanent),
                Error::make(
                    QStringLiteral("%1 redirected the request (HTTP %2) to %3; check the base URL")
                        .arg(endpoint.label)
                        .arg(status)
                        .arg(location),
                    QStringLiteral("unexpected_redirect"))};
    }
    if (RetryPolicy::isRetryableStatus(status))
        return {answered, Error::make(QStringLiteral("%1 answered HTTP %2: %3")
                                          .arg(endpoint.label)
                                          .arg(status)
                                          .arg(message),
                                      statusCode(status))};
    if (status >= 500)
        return {
            answered,
            Error::make(
                QStringLiteral("%1 failed (HTTP %2): %3").arg(provider).arg(status).arg(message),
                QStringLiteral("server_error"))};
    return {answered, Error::make(QStringLiteral("%1 rejected the request (HTTP %2): %3")
                                      .arg(provider)
                                      .arg(status)
                                      .arg(message),
                                  QStringLiteral("provider_rejected"))};
}

AttemptFailure failureOf(FailureKind kind)
{
    AttemptFailure f;
    f.kind = kind;
    return f;
}

bool isTransientStreamError(const QString& code)
{
    static const QStringList codes = {
        QStringLiteral("stream_interrupted"), QStringLiteral("overloaded"),
        QStringLiteral("overloaded_error"),   QStringLiteral("rate_limited"),
        QStringLiteral("rate_limit_error"),   QStringLiteral("api_error"),
        QStringLiteral("server_error"),       QStringLiteral("timeout")};
    return codes.contains(code);
}

QString duration(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
}

Json bodyValue(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return Json();
    auto parsed = parseJson(bytes);
    // Text that is not JSON is kept for people to read. JSON strings are UTF-8, and the strict
    // writers (a cassette) throw on anything else, so bytes that are not (a proxy's Latin-1 error
    // page, a cut stream) become U+FFFD.
    return parsed ? std::move(parsed).value() : Json(QString::fromUtf8(bytes).toStdString());
}

Json recordedFrame(const QByteArray& event, const QByteArray& data)
{
    Json frame = {{"data", bodyValue(data)}};
    if (!event.isEmpty())
        frame["event"] = QString::fromUtf8(event).toStdString();
    return frame;
}

Json headersJson(const HttpHeaders& headers, const QString& secret)
{
    Json out = Json::object();
    for (const auto& [name, value] : headers) {
        const std::string key = name.toLower().toStdString();
        out[key] = isSecretHeader(name)
                       ? std::string("[redacted]")
                       : redactSecret(QString::fromLatin1(value), secret).toStdString();
    }
    return out;
}

QString redactedUrl(const QUrl& url, const QString& secret)
{
    return redactSecret(url.toString(QUrl::FullyEncoded), secret);
}

} // namespace awb::llm::http
