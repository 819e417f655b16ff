#pragma once
// Sizes for the engine's budget estimate before a model call, computed without building JSON:
// the estimate runs before every call over the whole conversation, which grows with every turn.

#include <QStringView>

#include "llm/Conversation.h"

namespace awb {

// The length in bytes of text as a JSON string literal in UTF-8 (quotes and escapes included).
qsizetype jsonStringSize(QStringView text);
// The length of message.toJson().dump(), in bytes.
qsizetype serializedSize(const llm::ChatMessage& message);

} // namespace awb
