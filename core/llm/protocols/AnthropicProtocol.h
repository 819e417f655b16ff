#pragma once
// Anthropic Messages (POST {base}/v1/messages with x-api-key and anthropic-version): content
// blocks, tool_use / tool_result, typed stream events. Usage: inputTokens is the whole prompt
// (input_tokens + cache writes + cache reads), cachedInputTokens the cache reads, as OpenAI and
// Gemini count them. A stream's rawResponse is the message object assembled from its events (the
// shape of a non-streamed reply). Stream error events end the call with the provider's error type
// as the code (overloaded_error, api_error, ...).

#include "llm/WireProtocol.h"

namespace awb::llm {

class AnthropicProtocol : public WireProtocol
{
public:
    QString name() const override;
    StreamFraming framing() const override { return StreamFraming::ServerSentEvents; }
    QString keyEnvironmentVariable() const override;

    Result<HttpRequestSpec> buildRequest(const ModelRequest& request,
                                         const ProviderConfig& config) const override;
    Result<ModelResponse> parseResponse(const QByteArray& body) const override;
    std::unique_ptr<StreamDecoder>
    streamDecoder(std::function<void(const QString&)> onText) const override;
    ProviderFailure parseFailure(int httpStatus, const QByteArray& body) const override;
};

} // namespace awb::llm
