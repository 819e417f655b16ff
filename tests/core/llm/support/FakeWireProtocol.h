#pragma once
// A tiny wire protocol for transport tests, so they do not depend on the real providers'
// translations. Request: POST {base}/chat with a bearer key (or ?key= when keyInQuery) and
// {"model", "stream", "messages": [texts]}. Reply: {"text", "model", "usage": {"input",
// "output", "cached"}}. Stream: SSE frames {"text"}, then {"usage", "model"}, then [DONE]; an
// "error" event carries {"message", "code"}. Failure bodies: {"error": {"message", "type"}}.

#include "llm/WireProtocol.h"

namespace awb::test {

using namespace awb::llm;

inline Usage usageFrom(const Json& j)
{
    Usage u;
    u.inputTokens = j.value("input", 0);
    u.outputTokens = j.value("output", 0);
    u.cachedInputTokens = j.value("cached", 0);
    return u;
}

// Streams {"text": ...} frames, then {"usage": ..., "model": ...}, then [DONE]; an "error" event
// carries {"message", "code"}.
class FakeDecoder : public StreamDecoder
{
public:
    explicit FakeDecoder(std::function<void(const QString&)> onText) : m_onText(std::move(onText))
    {
    }

    Status onFrame(const QByteArray& event, const QByteArray& data) override
    {
        if (data == "[DONE]") {
            m_done = true;
            return Status::success();
        }
        auto json = parseJson(data);
        if (!json)
            return Error::make(QStringLiteral("bad frame: %1").arg(json.errorMessage()),
                               QStringLiteral("invalid_response"));
        if (event == "error")
            return Error::make(jsonString(*json, "message"), jsonString(*json, "code"));
        if (json->contains("text")) {
            const QString text = jsonString(*json, "text");
            m_text += text;
            m_onText(text);
        }
        if (json->contains("usage"))
            m_usage = usageFrom((*json)["usage"]);
        m_model = jsonString(*json, "model", m_model);
        return Status::success();
    }
    bool sawTerminator() const override { return m_done; }
    Result<ModelResponse> finish() override
    {
        if (!m_done)
            return Error::make(QStringLiteral("the stream ended before [DONE]"),
                               QStringLiteral("incomplete"));
        ModelResponse r;
        r.message = ChatMessage::assistant(m_text);
        r.usage = m_usage;
        r.model = m_model;
        return r;
    }

private:
    std::function<void(const QString&)> m_onText;
    QString m_text;
    QString m_model;
    Usage m_usage;
    bool m_done = false;
};

class FakeProtocol : public WireProtocol
{
public:
    bool keyInQuery = false; // as Gemini allows: the key in the URL

    QString name() const override { return QStringLiteral("fake"); }
    QString keyEnvironmentVariable() const override { return QStringLiteral("OPENAI_API_KEY"); }

    Result<HttpRequestSpec> buildRequest(const ModelRequest& request,
                                         const ProviderConfig& config) const override
    {
        if (request.messages.empty())
            return Error::make(QStringLiteral("a request needs at least one message"),
                               QStringLiteral("invalid_request"));
        HttpRequestSpec spec;
        QString url = config.baseUrl + QStringLiteral("/chat");
        if (keyInQuery)
            url += QStringLiteral("?key=") + config.apiKey;
        spec.url = QUrl(url);
        spec.headers.append({"Authorization", "Bearer " + config.apiKey.toUtf8()});
        Json messages = Json::array();
        for (const ChatMessage& m : request.messages)
            messages.push_back(toStd(m.text));
        spec.bodyJson = {
            {"model", toStd(request.model)}, {"stream", config.stream}, {"messages", messages}};
        spec.body = QByteArray::fromStdString(spec.bodyJson.dump());
        return spec;
    }
    Result<ModelResponse> parseResponse(const QByteArray& body) const override
    {
        auto json = parseJson(body);
        if (!json)
            return json.error();
        ModelResponse r;
        r.message = ChatMessage::assistant(jsonString(*json, "text"));
        r.usage = usageFrom(json->value("usage", Json::object()));
        r.model = jsonString(*json, "model");
        return r;
    }
    std::unique_ptr<StreamDecoder>
    streamDecoder(std::function<void(const QString&)> onText) const override
    {
        return std::make_unique<FakeDecoder>(std::move(onText));
    }
    ProviderFailure parseFailure(int httpStatus, const QByteArray& body) const override
    {
        ProviderFailure f;
        f.httpStatus = httpStatus;
        auto json = parseJson(body);
        if (json && json->contains("error")) {
            f.message = jsonString((*json)["error"], "message");
            f.type = jsonString((*json)["error"], "type");
        }
        return f;
    }
};

} // namespace awb::test
