#pragma once
// One JSON type for the core: nlohmann::json with sorted keys, which is also our canonical form.

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include "util/Result.h"

namespace awb {

using Json = nlohmann::json;

inline std::string toStd(const QString& s)
{
    return s.toStdString();
}
inline QString toQ(const std::string& s)
{
    return QString::fromStdString(s);
}

// Compact JSON with sorted keys, raw UTF-8 and only the escapes JSON requires: byte-identical to
// Python's json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).
// Invalid UTF-8 in strings is replaced with U+FFFD instead of throwing.
QByteArray canonicalJson(const Json& value);
inline QString canonicalJsonString(const Json& value)
{
    return QString::fromUtf8(canonicalJson(value));
}

// Parses JSON text; the error says where (line, column) and what is wrong.
Result<Json> parseJson(const QByteArray& text);

// Reads a string member, or returns the fallback when absent or not a string.
QString jsonString(const Json& object, const char* key, const QString& fallback = {});
// Whether a floating-point number occurs anywhere in value (canonical forms treat them apart).
bool containsFloat(const Json& value);

} // namespace awb
