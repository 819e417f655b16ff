#include "util/Json.h"

namespace awb {

QByteArray canonicalJson(const Json& value)
{
    const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
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
            } else {
                ++column;
            }
        }
        QString what = QString::fromUtf8(e.what());
        const qsizetype colon = what.lastIndexOf(QLatin1String(": "));
        if (colon >= 0)
            what = what.mid(colon + 2);
        return Error::make(QStringLiteral("invalid JSON at line %1, column %2: %3")
                               .arg(line)
                               .arg(column)
                               .arg(what),
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
