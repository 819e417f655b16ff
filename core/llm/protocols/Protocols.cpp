#include "llm/WireProtocol.h"

#include "llm/protocols/AnthropicProtocol.h"
#include "llm/protocols/GeminiProtocol.h"
#include "llm/protocols/OllamaProtocol.h"
#include "llm/protocols/OpenAiChatProtocol.h"
#include "llm/protocols/OpenAiResponsesProtocol.h"

namespace awb::llm {

std::shared_ptr<const WireProtocol> protocolFor(const QString& provider)
{
    if (provider == QLatin1String("openai"))
        return std::make_shared<OpenAiChatProtocol>(OpenAiChatProtocol::Flavor::OpenAi);
    if (provider == QLatin1String("openai-compatible"))
        return std::make_shared<OpenAiChatProtocol>(OpenAiChatProtocol::Flavor::Compatible);
    if (provider == QLatin1String("openai-responses"))
        return std::make_shared<OpenAiResponsesProtocol>();
    if (provider == QLatin1String("anthropic"))
        return std::make_shared<AnthropicProtocol>();
    if (provider == QLatin1String("gemini"))
        return std::make_shared<GeminiProtocol>();
    if (provider == QLatin1String("ollama"))
        return std::make_shared<OllamaProtocol>();
    return nullptr;
}

} // namespace awb::llm
