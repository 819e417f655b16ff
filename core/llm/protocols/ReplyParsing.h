#pragma once
// What the protocols share when they read a provider's whole (non-streamed) reply: bad JSON and a
// reply of an unexpected shape both become "invalid_response" errors naming the provider.

#include <functional>

#include "llm/Conversation.h"

namespace awb::llm {

Error malformedReply(const QString& provider, const Json::exception& e);

// Parses body and converts it with toResponse, which may throw Json exceptions on a reply that
// lacks what it reads.
Result<ModelResponse>
parseReply(const QByteArray& body, const QString& provider,
           const std::function<Result<ModelResponse>(const Json&)>& toResponse);

} // namespace awb::llm
