#include "llm/WireProtocol.h"

namespace awb::llm {

QStringList knownProviders()
{
    return {QStringLiteral("openai"),    QStringLiteral("openai-responses"), QStringLiteral("anthropic"),
            QStringLiteral("gemini"),    QStringLiteral("ollama"),           QStringLiteral("openai-compatible")};
}

} // namespace awb::llm
