#pragma once
// What the protocols share when they read a provider's reply: bad JSON and a reply of an
// unexpected shape both become "invalid_response" errors naming the provider, and numbers are read
// without trusting their range.

#include <cstdint>
#include <functional>

#include "llm/Conversation.h"

namespace awb::llm {

Error malformedReply(const QString& provider, const Json::exception& e);

// Parses body and converts it with toResponse, which may throw Json exceptions on a reply that
// lacks what it reads.
Result<ModelResponse>
parseReply(const QByteArray& body, const QString& provider,
           const std::function<Result<ModelResponse>(const Json&)>& toResponse);

// An integer member: a JSON integer, or a number with an integral value, within the range of
// int64; anything else (absent, a string, 2.5, 1e48) reads as fallback.
std::int64_t integerAt(const Json& object, const char* key, std::int64_t fallback = 0);

// A usage object's token count: any number, clamped to 0..kMaxTokenCount (fractions dropped). An
// outlandish count then neither overflows when a call's or a run's counts are added up nor reads
// as nothing, which would let a cost budget pass.
constexpr std::int64_t kMaxTokenCount = std::int64_t(1) << 40;
std::int64_t tokenCount(const Json& usage, const char* key);

} // namespace awb::llm
