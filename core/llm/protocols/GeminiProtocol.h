#pragma once
// Google Gemini generateContent / streamGenerateContent?alt=sse under {base}/v1beta/models/{model}:
// contents with parts, functionCall / functionResponse. Gemini has no call ids: replies get
// "call_<n>_<name>" (n: position in the reply), and tool results are paired with the preceding
// calls by id, then name, then position. Tool schemas go through geminiSchema() (GeminiSchema.h). A
// stream's rawResponse is one GenerateContentResponse with the chunks' parts merged; the stream is
// complete after a chunk with a finishReason.

#include "llm/WireProtocol.h"

namespace awb::llm {

class GeminiProtocol : public WireProtocol
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
