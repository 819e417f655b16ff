#include "llm/protocols/ReplyParsing.h"

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

} // namespace awb::llm
