#pragma once
// OpenAI Chat Completions (POST {base}/chat/completions), also spoken by OpenAI-compatible servers
// (llama.cpp, vLLM, LM Studio).

#include "llm/WireProtocol.h"

namespace awb::llm {

class OpenAiChatProtocol : public WireProtocol
{
public:
    enum class Flavor
    {
        OpenAi,     // api.openai.com: a key is required; stream_options.include_usage
        Compatible, // local servers: the key is optional
    };
    explicit OpenAiChatProtocol(Flavor flavor = Flavor::OpenAi) : m_flavor(flavor) {}

    QString name() const override;
    StreamFraming framing() const override { return StreamFraming::ServerSentEvents; }
    QString keyEnvironmentVariable() const override;

    Result<HttpRequestSpec> buildRequest(const ModelRequest& request,
                                         const ProviderConfig& config) const override;
    Result<ModelResponse> parseResponse(const QByteArray& body) const override;
    std::unique_ptr<StreamDecoder>
    streamDecoder(std::function<void(const QString&)> onText) const override;
    ProviderFailure parseFailure(int httpStatus, const QByteArray& body) const override;

    // OpenAI conventions shared with OpenAiResponsesProtocol (URLs, keys, ids, arguments).
    // URL {base}{path} (default base https://api.openai.com/v1) and the Authorization header;
    // an empty key is an error naming OPENAI_API_KEY unless keyOptional.
    static Result<HttpRequestSpec> endpoint(const ProviderConfig& config, const QString& path,
                                            const QString& provider, bool keyOptional);
    // The profile's model wins over the request's, so a fallback profile uses its own model.
    static Result<QString> modelFor(const ModelRequest& request, const ProviderConfig& config,
                                    const QString& provider);
    // Fills empty call ids ("call_<message>_<call>") and pairs tool results without an id with
    // the calls of the preceding assistant message by tool name, then by order.
    static std::vector<ChatMessage> withCallIds(const std::vector<ChatMessage>& messages);
    // Arguments text assembled from a reply: empty -> {}, invalid or not an object ->
    // {"_raw": text}, which the engine's schema validation rejects back to the model.
    static Json argumentsFromText(const std::string& text);
    static Json schemaOrEmptyObject(const Json& schema);
    // An error object ({message, type, code} or a bare string) as an Error: the message verbatim,
    // the code (else the type) as its code, which the transport uses to retry "server_error" and
    // "rate_limited" (OpenAI's rate_limit_exceeded) stream errors.
    static Error errorFrom(const Json& error, const QString& provider);

private:
    Flavor m_flavor;
};

} // namespace awb::llm
