#include "llm/protocols/OllamaProtocol.h"

#include "llm/protocols/ReplyParsing.h"

namespace awb::llm {

namespace {

constexpr auto kDefaultBaseUrl = "http://localhost:11434";

// Provider JSON is read through these: a member of an unexpected type reads as absent.
Json member(const Json& object, const char* key)
{
    if (!object.is_object())
        return Json();
    const auto it = object.find(key);
    return it == object.end() ? Json() : *it;
}
Json objectMember(const Json& object, const char* key)
{
    Json value = member(object, key);
    return value.is_object() ? value : Json::object();
}
Json arrayMember(const Json& object, const char* key)
{
    Json value = member(object, key);
    return value.is_array() ? value : Json::array();
}

// Readers guard every access; this catches what they missed so no exception leaves the protocol.
Error malformed(const Json::exception& e)
{
    return malformedReply(QStringLiteral("ollama"), e);
}

QString rawFailureText(const QByteArray& body)
{
    QString text = QString::fromUtf8(body).simplified();
    if (text.isEmpty())
        return QStringLiteral("(empty response body)");
    if (text.size() > 500)
        text = text.left(500) + QStringLiteral("…");
    return text;
}

Json parametersFor(const Json& schema)
{
    if (!schema.is_object() || schema.empty())
        return Json{{"type", "object"}, {"properties", Json::object()}};
    Json out = schema;
    if (!out.contains("type"))
        out["type"] = "object";
    return out;
}

// A tool message has no error flag: an error result reaches the model as {"error": ...}, which
// is also what an error result looks like on Gemini.
std::string toolContent(const ChatMessage& m)
{
    if (!m.isError)
        return toStd(m.text);
    auto parsed = parseJson(m.text.toUtf8());
    if (parsed.ok() && parsed->is_object() && parsed->contains("error"))
        return toStd(m.text);
    const Json value = parsed.ok() ? *parsed : Json(toStd(m.text));
    const QByteArray wrapped = canonicalJson(Json{{"error", value}});
    return std::string(wrapped.constData(), std::size_t(wrapped.size()));
}

// The provider's message verbatim.
Error providerError(const Json& error)
{
    const QString message =
        error.is_string() ? toQ(error.get<std::string>()) : QString::fromUtf8(canonicalJson(error));
    return Error::make(message, QStringLiteral("provider_error"));
}

// A /api/chat reply (or the final chunk of a stream, with the assembled message) into the
// normalized response. Ollama gives calls no ids: they are numbered "call_<n>_<name>".
Result<ModelResponse> responseFromJson(const Json& reply)
{
    if (!reply.is_object())
        return Error::make(QStringLiteral("ollama returned a reply that is not a JSON object"),
                           QStringLiteral("invalid_response"));
    if (reply.contains("error"))
        return providerError(reply["error"]);
    if (!reply.contains("message") || !reply["message"].is_object())
        return Error::make(QStringLiteral("ollama returned a reply without a message"),
                           QStringLiteral("invalid_response"));
    const Json& message = reply["message"];
    ModelResponse response;
    response.provider = QStringLiteral("ollama");
    response.model = jsonString(reply, "model");
    response.message.role = Role::Assistant;
    response.message.text = jsonString(message, "content");
    for (const Json& entry : arrayMember(message, "tool_calls")) {
        const Json function = objectMember(entry, "function");
        ToolCall call;
        call.name = jsonString(function, "name");
        call.id = jsonString(entry, "id");
        if (call.id.isEmpty())
            call.id =
                QStringLiteral("call_%1_%2").arg(response.message.toolCalls.size()).arg(call.name);
        Json arguments = member(function, "arguments");
        if (arguments.is_string()) { // some model templates produce the arguments as JSON text
            auto parsed = parseJson(QByteArray::fromStdString(arguments.get<std::string>()));
            arguments = parsed.ok() ? *parsed : Json();
        }
        call.arguments = arguments.is_object() ? arguments : Json::object();
        response.message.toolCalls.push_back(std::move(call));
    }
    const QString reason = jsonString(reply, "done_reason");
    const bool hasCalls = !response.message.toolCalls.empty();
    if (reason == QLatin1String("length"))
        response.finish = FinishReason::Length;
    else if (hasCalls)
        response.finish = FinishReason::ToolCalls; // Ollama says "stop" for a turn of tool calls
    else if (reason.isEmpty() || reason == QLatin1String("stop"))
        response.finish = FinishReason::Stop;
    else
        response.finish = FinishReason::Other; // "load", "unload", ...
    response.usage.inputTokens = tokenCount(reply, "prompt_eval_count");
    response.usage.outputTokens = tokenCount(reply, "eval_count");
    response.rawResponse = reply;
    return response;
}

// One JSON object a line: message fragments until the line with "done": true, which carries the
// done_reason and the counts. rawResponse is that final line with the assembled message.
class OllamaStreamDecoder : public StreamDecoder
{
public:
    explicit OllamaStreamDecoder(std::function<void(const QString&)> onText)
        : m_onText(std::move(onText))
    {
    }

    Status onFrame(const QByteArray&, const QByteArray& data) override
    {
        try {
            return decodeLine(data);
        } catch (const Json::exception& e) {
            return malformed(e);
        }
    }

    bool sawTerminator() const override { return m_done; }

    Result<ModelResponse> finish() override
    {
        if (!m_done)
            return Error::make(
                QStringLiteral("the ollama stream ended before its \"done\": true line"),
                QStringLiteral("stream_interrupted"));
        try {
            Json reply = m_final;
            Json message = objectMember(reply, "message");
            message["role"] = "assistant";
            message["content"] = m_content;
            if (!m_toolCalls.empty())
                message["tool_calls"] = m_toolCalls;
            if (!m_thinking.empty())
                message["thinking"] = m_thinking;
            reply["message"] = std::move(message);
            return responseFromJson(reply);
        } catch (const Json::exception& e) {
            return malformed(e);
        }
    }

private:
    Status decodeLine(const QByteArray& data)
    {
        if (data.trimmed().isEmpty())
            return Status::success();
        auto parsed = parseJson(data);
        if (!parsed.ok())
            return Error::make(
                QStringLiteral("ollama sent an incomplete or malformed stream line: %1")
                    .arg(parsed.errorMessage()),
                QStringLiteral("stream_interrupted"));
        const Json& chunk = *parsed;
        if (!chunk.is_object())
            return Error::make(
                QStringLiteral("ollama sent a stream line that is not a JSON object"),
                QStringLiteral("invalid_response"));
        if (chunk.contains("error"))
            return providerError(chunk["error"]);
        const Json message = objectMember(chunk, "message");
        const QString content = jsonString(message, "content");
        if (!content.isEmpty()) {
            m_content += toStd(content);
            if (m_onText)
                m_onText(content);
        }
        m_thinking += toStd(jsonString(message, "thinking"));
        for (const Json& call : arrayMember(message, "tool_calls"))
            m_toolCalls.push_back(call);
        if (member(chunk, "done") == true) {
            m_final = chunk;
            m_done = true;
        }
        return Status::success();
    }

    std::function<void(const QString&)> m_onText;
    std::string m_content;
    std::string m_thinking;
    Json m_toolCalls = Json::array();
    Json m_final = Json::object();
    bool m_done = false;
};

} // namespace

QString OllamaProtocol::name() const
{
    return QStringLiteral("ollama");
}

QString OllamaProtocol::keyEnvironmentVariable() const
{
    return QString(); // a local server needs no key
}

Result<HttpRequestSpec> OllamaProtocol::buildRequest(const ModelRequest& request,
                                                     const ProviderConfig& config) const
{
    // The profile's model wins: in a fallback chain the request still names the first provider's.
    const QString model = config.model.isEmpty() ? request.model : config.model;
    if (model.isEmpty())
        return Error::make(QStringLiteral("no model is set for ollama: pass --model or set the "
                                          "model in the agent file"),
                           QStringLiteral("invalid_config"));
    QString base = config.baseUrl.trimmed();
    if (base.isEmpty())
        base = QString::fromLatin1(kDefaultBaseUrl);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base + (base.endsWith(QLatin1String("/api")) ? QStringLiteral("/chat")
                                                                : QStringLiteral("/api/chat")));
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return Error::make(
            QStringLiteral("the ollama base URL \"%1\" is not an http(s) URL").arg(config.baseUrl),
            QStringLiteral("invalid_config"));

    Json messages = Json::array();
    if (!request.instructions.isEmpty())
        messages.push_back(Json{{"role", "system"}, {"content", toStd(request.instructions)}});
    const std::vector<ToolCall>* lastCalls = nullptr;
    for (const ChatMessage& m : request.messages) {
        switch (m.role) {
        case Role::System:
            messages.push_back(Json{{"role", "system"}, {"content", toStd(m.text)}});
            break;
        case Role::User:
            messages.push_back(Json{{"role", "user"}, {"content", toStd(m.text)}});
            break;
        case Role::Assistant: {
            Json message = {{"role", "assistant"}, {"content", toStd(m.text)}};
            if (!m.toolCalls.empty()) {
                Json calls = Json::array();
                for (const ToolCall& call : m.toolCalls) {
                    const Json arguments =
                        call.arguments.is_object() ? call.arguments : Json::object();
                    calls.push_back(
                        Json{{"function", {{"name", toStd(call.name)}, {"arguments", arguments}}}});
                }
                message["tool_calls"] = std::move(calls);
            }
            messages.push_back(std::move(message));
            lastCalls = &m.toolCalls;
            break;
        }
        case Role::Tool: {
            // tool_name tells the model which call this answers; take it from the call when the
            // result lacks it.
            QString toolName = m.toolName;
            if (toolName.isEmpty() && lastCalls) {
                for (const ToolCall& call : *lastCalls) {
                    if (call.id == m.toolCallId)
                        toolName = call.name;
                }
            }
            messages.push_back(Json{
                {"role", "tool"}, {"content", toolContent(m)}, {"tool_name", toStd(toolName)}});
            break;
        }
        }
    }

    Json body = {
        {"model", toStd(model)}, {"messages", std::move(messages)}, {"stream", config.stream}};
    if (!request.tools.empty()) {
        Json tools = Json::array();
        for (const ToolSpec& tool : request.tools) {
            Json function = {{"name", toStd(tool.name)},
                             {"parameters", parametersFor(tool.inputSchema)}};
            if (!tool.description.isEmpty())
                function["description"] = toStd(tool.description);
            tools.push_back(Json{{"type", "function"}, {"function", std::move(function)}});
        }
        body["tools"] = std::move(tools);
    }
    if (request.maxOutputTokens)
        body["options"] = Json{{"num_predict", *request.maxOutputTokens}};

    HttpRequestSpec spec;
    spec.url = url;
    // Ollama needs no key; one configured anyway is for a proxy in front of it (or ollama.com).
    if (!config.apiKey.isEmpty())
        spec.headers.append({"Authorization", "Bearer " + config.apiKey.toUtf8()});
    spec.body = canonicalJson(body);
    spec.bodyJson = std::move(body);
    return spec;
}

Result<ModelResponse> OllamaProtocol::parseResponse(const QByteArray& body) const
{
    return parseReply(
        body, QStringLiteral("ollama"),
        [](const Json& reply) -> Result<ModelResponse> { return responseFromJson(reply); });
}

std::unique_ptr<StreamDecoder>
OllamaProtocol::streamDecoder(std::function<void(const QString&)> onText) const
{
    return std::make_unique<OllamaStreamDecoder>(std::move(onText));
}

ProviderFailure OllamaProtocol::parseFailure(int httpStatus, const QByteArray& body) const
{
    ProviderFailure failure;
    failure.httpStatus = httpStatus;
    // Documented body: {"error": "model \"x\" not found, try pulling it first"}
    auto parsed = parseJson(body);
    if (parsed.ok()) {
        const Json error = member(*parsed, "error");
        if (error.is_string()) {
            failure.message = toQ(error.get<std::string>());
            return failure;
        }
        if (error.is_object() && error.contains("message")) { // an OpenAI-style proxy in front
            failure.message = jsonString(error, "message");
            failure.type = jsonString(error, "type");
            return failure;
        }
    }
    failure.message = rawFailureText(body);
    return failure;
}

} // namespace awb::llm
