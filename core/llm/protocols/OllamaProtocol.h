#pragma once
// Ollama's native chat API (POST {base}/api/chat), streamed as newline-delimited JSON.
// Calls get ids "call_<n>_<name>"; error results are sent as {"error": ...} (there is no error
// flag). A stream's rawResponse is its "done" line carrying the assembled message.

#include "llm/WireProtocol.h"

namespace awb::llm {

class OllamaProtocol : public WireProtocol
{
public:
    QString name() const override;
    StreamFraming framing() const override { return StreamFraming::NdJson; }
    QString keyEnvironmentVariable() const override;

    Result<HttpRequestSpec> buildRequest(const ModelRequest& request,
                                         const ProviderConfig& config) const override;
    Result<ModelResponse> parseResponse(const QByteArray& body) const override;
    std::unique_ptr<StreamDecoder>
    streamDecoder(std::function<void(const QString&)> onText) const override;
    ProviderFailure parseFailure(int httpStatus, const QByteArray& body) const override;
};

} // namespace awb::llm
