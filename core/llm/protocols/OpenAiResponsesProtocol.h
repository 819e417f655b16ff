#pragma once
// OpenAI Responses API (POST {base}/responses): input items, function_call / function_call_output
// items, typed stream events.

#include "llm/WireProtocol.h"

namespace awb::llm {

class OpenAiResponsesProtocol : public WireProtocol
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
