#include "llm/protocols/AnthropicProtocol.h"

#include "llm/protocols/ReplyParsing.h"

#include <algorithm>
#include <climits>
#include <map>

namespace awb::llm {

namespace {

constexpr auto kDefaultBaseUrl = "https://api.anthropic.com";
constexpr auto kDefaultApiVersion = "2023-06-01";
constexpr std::int64_t kDefaultMaxTokens = 4096; // max_tokens is required by the Messages API

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

// Readers guard every access; this catches what they missed so no exception leaves the protocol.
Error malformed(const Json::exception& e)
{
    return malformedReply(QStringLiteral("anthropic"), e);
}

// The provider's own text when its error body is not the documented JSON (a proxy's HTML page).
QString rawFailureText(const QByteArray& body)
{
    QString text = QString::fromUtf8(body).simplified();
    if (text.isEmpty())
        return QStringLiteral("(empty response body)");
    if (text.size() > 500)
        text = text.left(500) + QStringLiteral("…");
    return text;
}

// Anthropic accepts tool_use ids made of [A-Za-z0-9_-]; ids recorded on other providers are mapped
// character by character, so a call and its result still pair up after the mapping.
std::string toolUseId(const QString& id)
{
    std::string out = toStd(id);
    for (char& c : out) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok)
            c = '_';
    }
    return out;
}

// input_schema must be an object schema; a tool without parameters gets an empty one.
Json inputSchema(const Json& schema)
{
    if (!schema.is_object() || schema.empty())
        return Json{{"type", "object"}, {"properties", Json::object()}};
    Json out = schema;
    if (!out.contains("type"))
        out["type"] = "object";
    return out;
}

Json textBlocks(const QString& text)
{
    Json blocks = Json::array();
    if (!text.isEmpty()) // the API rejects empty text blocks
        blocks.push_back(Json{{"type", "text"}, {"text", toStd(text)}});
    return blocks;
}

FinishReason finishFrom(const QString& stopReason, bool hasCalls)
{
    if (stopReason == QLatin1String("tool_use"))
        return FinishReason::ToolCalls;
    if (stopReason == QLatin1String("max_tokens") ||
        stopReason == QLatin1String("model_context_window_exceeded"))
        return FinishReason::Length;
    if (stopReason == QLatin1String("refusal"))
        return FinishReason::ContentFilter;
    if (hasCalls)
        return FinishReason::ToolCalls;
    if (stopReason.isEmpty() || stopReason == QLatin1String("end_turn") ||
        stopReason == QLatin1String("stop_sequence"))
        return FinishReason::Stop;
    return FinishReason::Other; // pause_turn and reasons added after this was written
}

// The provider's message verbatim; the code is its error type (overloaded_error, api_error, ...)
// so that the transport can tell a transient failure from a permanent one.
Error providerError(const Json& error)
{
    const QString type = jsonString(error, "type", QStringLiteral("stream_error"));
    const QString message = jsonString(error, "message", QStringLiteral("no message"));
    return Error::make(QStringLiteral("%1 (%2)").arg(message, type), type);
}

// A Messages API reply (or the one assembled from a stream) into the normalized response.
Result<ModelResponse> responseFromMessage(const Json& message)
{
    if (!message.is_object())
        return Error::make(QStringLiteral("anthropic returned a reply that is not a JSON object"),
                           QStringLiteral("invalid_response"));
    if (jsonString(message, "type") == QLatin1String("error"))
        return providerError(objectMember(message, "error"));
    const auto content = message.find("content");
    if (content == message.end() || !content->is_array())
        return Error::make(QStringLiteral("anthropic returned a reply without a content array"),
                           QStringLiteral("invalid_response"));

    ModelResponse response;
    response.provider = QStringLiteral("anthropic");
    response.model = jsonString(message, "model");
    response.message.role = Role::Assistant;
    for (const Json& block : *content) {
        if (!block.is_object())
            continue;
        const QString type = jsonString(block, "type");
        if (type == QLatin1String("text")) {
            response.message.text += jsonString(block, "text");
        } else if (type == QLatin1String("tool_use")) {
            ToolCall call;
            call.id = jsonString(block, "id");
            call.name = jsonString(block, "name");
            call.arguments = objectMember(block, "input");
            response.message.toolCalls.push_back(std::move(call));
        }
        // thinking, redacted_thinking and server tool blocks carry nothing the engine uses.
    }
    response.finish =
        finishFrom(jsonString(message, "stop_reason"), !response.message.toolCalls.empty());

    // input_tokens excludes cache reads and writes; our inputTokens is the whole prompt, with the
    // cache reads as its cached part (as OpenAI and Gemini count them).
    const Json usage = objectMember(message, "usage");
    const std::int64_t cacheRead = tokenCount(usage, "cache_read_input_tokens");
    response.usage.inputTokens = tokenCount(usage, "input_tokens") +
                                 tokenCount(usage, "cache_creation_input_tokens") + cacheRead;
    response.usage.cachedInputTokens = cacheRead;
    response.usage.outputTokens = tokenCount(usage, "output_tokens");
    response.rawResponse = message;
    return response;
}

// Rebuilds the message object from the typed events: message_start gives the envelope, content
// blocks are kept apart by their index, tool input is concatenated text parsed once at the end.
class AnthropicStreamDecoder : public StreamDecoder
{
public:
    explicit AnthropicStreamDecoder(std::function<void(const QString&)> onText)
        : m_onText(std::move(onText))
    {
    }

    Status onFrame(const QByteArray& event, const QByteArray& data) override
    {
        try {
            return decodeFrame(event, data);
        } catch (const Json::exception& e) {
            return malformed(e);
        }
    }

    bool sawTerminator() const override { return m_done; }

    Result<ModelResponse> finish() override
    {
        try {
            return assemble();
        } catch (const Json::exception& e) {
            return malformed(e);
        }
    }

private:
    Status decodeFrame(const QByteArray& event, const QByteArray& data)
    {
        if (data.trimmed().isEmpty())
            return Status::success();
        auto parsed = parseJson(data);
        if (!parsed.ok())
            return Error::make(
                QStringLiteral("anthropic sent an incomplete or malformed stream event: %1")
                    .arg(parsed.errorMessage()),
                QStringLiteral("stream_interrupted"));
        const Json& frame = *parsed;
        if (!frame.is_object())
            return Error::make(
                QStringLiteral("anthropic sent a stream event that is not a JSON object"),
                QStringLiteral("invalid_response"));
        QString type = jsonString(frame, "type");
        if (type.isEmpty())
            type = QString::fromUtf8(event);

        if (type == QLatin1String("message_start")) {
            m_message = objectMember(frame, "message");
        } else if (type == QLatin1String("content_block_start")) {
            const int index =
                int(std::clamp<std::int64_t>(integerAt(frame, "index"), INT_MIN, INT_MAX));
            Block& block = m_blocks[index];
            block.content = objectMember(frame, "content_block");
        } else if (type == QLatin1String("content_block_delta")) {
            return onDelta(frame);
        } else if (type == QLatin1String("message_delta")) {
            const Json delta = objectMember(frame, "delta");
            for (const char* key : {"stop_reason", "stop_sequence"}) {
                if (delta.contains(key))
                    m_message[key] = delta[key];
            }
            // Usage here is cumulative; a field present here replaces the one from message_start.
            const Json usage = objectMember(frame, "usage");
            for (auto it = usage.begin(); it != usage.end(); ++it) {
                if (!it->is_null())
                    m_message["usage"][it.key()] = *it;
            }
        } else if (type == QLatin1String("message_stop")) {
            m_done = true;
        } else if (type == QLatin1String("error")) {
            return providerError(objectMember(frame, "error"));
        }
        // ping, content_block_stop and event types added later need nothing.
        return Status::success();
    }

    Result<ModelResponse> assemble()
    {
        if (!m_done)
            return Error::make(
                QStringLiteral("the anthropic stream ended before its message_stop event"),
                QStringLiteral("stream_interrupted"));
        const bool truncated = jsonString(m_message, "stop_reason") == QLatin1String("max_tokens");
        Json content = Json::array();
        for (auto& [index, block] : m_blocks) {
            if (jsonString(block.content, "type") == QLatin1String("tool_use") &&
                !block.partialJson.empty()) {
                const QByteArray text(block.partialJson.data(),
                                      qsizetype(block.partialJson.size()));
                auto input = parseJson(text);
                if (!input.ok()) {
                    if (truncated)
                        continue; // cut by max_tokens: the call was never complete
                    return Error::make(
                        QStringLiteral("anthropic streamed arguments for tool \"%1\" that are not "
                                       "valid JSON: %2")
                            .arg(jsonString(block.content, "name"), input.errorMessage()),
                        QStringLiteral("invalid_response"));
                }
                block.content["input"] = *input;
            }
            content.push_back(block.content);
        }
        m_message["content"] = std::move(content);
        return responseFromMessage(m_message);
    }

    struct Block
    {
        Json content = Json::object();
        std::string partialJson;
    };

    Status onDelta(const Json& frame)
    {
        const int index =
            int(std::clamp<std::int64_t>(integerAt(frame, "index"), INT_MIN, INT_MAX));
        const auto it = m_blocks.find(index);
        if (it == m_blocks.end())
            return Error::make(
                QStringLiteral("anthropic streamed a delta for content block %1 before it started")
                    .arg(index),
                QStringLiteral("invalid_response"));
        Block& block = it->second;
        const Json delta = objectMember(frame, "delta");
        const QString type = jsonString(delta, "type");
        if (type == QLatin1String("text_delta")) {
            const QString text = jsonString(delta, "text");
            block.content["text"] = toStd(jsonString(block.content, "text") + text);
            if (m_onText && !text.isEmpty())
                m_onText(text);
        } else if (type == QLatin1String("input_json_delta")) {
            block.partialJson += toStd(jsonString(delta, "partial_json"));
        } else if (type == QLatin1String("thinking_delta")) {
            block.content["thinking"] =
                toStd(jsonString(block.content, "thinking") + jsonString(delta, "thinking"));
        } else if (type == QLatin1String("signature_delta")) {
            block.content["signature"] = toStd(jsonString(delta, "signature"));
        }
        return Status::success();
    }

    std::function<void(const QString&)> m_onText;
    Json m_message = Json::object();
    std::map<int, Block> m_blocks; // ordered by index, as the final content array is
    bool m_done = false;
};

} // namespace

QString AnthropicProtocol::name() const
{
    return QStringLiteral("anthropic");
}

QString AnthropicProtocol::keyEnvironmentVariable() const
{
    return QStringLiteral("ANTHROPIC_API_KEY");
}

Result<HttpRequestSpec> AnthropicProtocol::buildRequest(const ModelRequest& request,
                                                        const ProviderConfig& config) const
{
    if (config.apiKey.isEmpty())
        return Error::make(QStringLiteral("anthropic needs an API key: set ANTHROPIC_API_KEY or "
                                          "store one with `awb keys set anthropic`"),
                           QStringLiteral("missing_api_key"));
    // The profile's model wins: in a fallback chain the request still names the first provider's.
    const QString model = config.model.isEmpty() ? request.model : config.model;
    if (model.isEmpty())
        return Error::make(QStringLiteral("no model is set for anthropic: pass --model or set the "
                                          "model in the agent file"),
                           QStringLiteral("invalid_config"));

    QString base = config.baseUrl.trimmed();
    if (base.isEmpty())
        base = QString::fromLatin1(kDefaultBaseUrl);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // The SDK's base URL has no /v1; accept one anyway rather than sending /v1/v1/messages.
    const QUrl url(base + (base.endsWith(QLatin1String("/v1")) ? QStringLiteral("/messages")
                                                               : QStringLiteral("/v1/messages")));
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return Error::make(QStringLiteral("the anthropic base URL \"%1\" is not an http(s) URL")
                               .arg(config.baseUrl),
                           QStringLiteral("invalid_config"));

    QStringList system;
    if (!request.instructions.isEmpty())
        system << request.instructions;
    Json messages = Json::array();
    // Consecutive messages of one role merge: several tool results become one user message.
    const auto append = [&messages](const char* role, Json blocks) {
        if (blocks.empty())
            return;
        if (!messages.empty() && messages.back()["role"] == role) {
            for (Json& b : blocks)
                messages.back()["content"].push_back(std::move(b));
            return;
        }
        messages.push_back(Json{{"role", role}, {"content", std::move(blocks)}});
    };
    for (const ChatMessage& m : request.messages) {
        switch (m.role) {
        case Role::System: // the API has one system prompt; later system text joins it
            if (!m.text.isEmpty())
                system << m.text;
            break;
        case Role::User:
            append("user", textBlocks(m.text));
            break;
        case Role::Assistant: {
            Json blocks = textBlocks(m.text);
            for (const ToolCall& call : m.toolCalls) {
                blocks.push_back(
                    Json{{"type", "tool_use"},
                         {"id", toolUseId(call.id)},
                         {"name", toStd(call.name)},
                         {"input", call.arguments.is_object() ? call.arguments : Json::object()}});
            }
            append("assistant", std::move(blocks));
            break;
        }
        case Role::Tool:
            append("user", Json::array({Json{{"type", "tool_result"},
                                             {"tool_use_id", toolUseId(m.toolCallId)},
                                             {"content", toStd(m.text)},
                                             {"is_error", m.isError}}}));
            break;
        }
    }
    if (messages.empty())
        return Error::make(QStringLiteral("the conversation has no message to send to anthropic"),
                           QStringLiteral("invalid_request"));

    Json body = {{"model", toStd(model)},
                 {"max_tokens", request.maxOutputTokens.value_or(kDefaultMaxTokens)},
                 {"messages", std::move(messages)},
                 {"stream", config.stream}};
    if (!system.isEmpty())
        body["system"] = toStd(system.join(QStringLiteral("\n\n")));
    if (!request.tools.empty()) {
        Json tools = Json::array();
        for (const ToolSpec& tool : request.tools) {
            Json t = {{"name", toStd(tool.name)}, {"input_schema", inputSchema(tool.inputSchema)}};
            if (!tool.description.isEmpty())
                t["description"] = toStd(tool.description);
            tools.push_back(std::move(t));
        }
        body["tools"] = std::move(tools);
    }

    HttpRequestSpec spec;
    spec.url = url;
    spec.headers = {{"x-api-key", config.apiKey.toUtf8()},
                    {"anthropic-version", config.apiVersion.isEmpty()
                                              ? QByteArray(kDefaultApiVersion)
                                              : config.apiVersion.toUtf8()}};
    spec.body = canonicalJson(body);
    spec.bodyJson = std::move(body);
    return spec;
}

Result<ModelResponse> AnthropicProtocol::parseResponse(const QByteArray& body) const
{
    return parseReply(
        body, QStringLiteral("anthropic"),
        [](const Json& reply) -> Result<ModelResponse> { return responseFromMessage(reply); });
}

std::unique_ptr<StreamDecoder>
AnthropicProtocol::streamDecoder(std::function<void(const QString&)> onText) const
{
    return std::make_unique<AnthropicStreamDecoder>(std::move(onText));
}

ProviderFailure AnthropicProtocol::parseFailure(int httpStatus, const QByteArray& body) const
{
    ProviderFailure failure;
    failure.httpStatus = httpStatus;
    // Documented body: {"type": "error", "error": {"type": "...", "message": "..."}}
    auto parsed = parseJson(body);
    if (parsed.ok() && parsed->is_object()) {
        const Json error = member(*parsed, "error");
        if (error.is_object() && error.contains("message")) {
            failure.message = jsonString(error, "message");
            failure.type = jsonString(error, "type");
            return failure;
        }
        if (error.is_string()) {
            failure.message = toQ(error.get<std::string>());
            return failure;
        }
    }
    failure.message = rawFailureText(body);
    return failure;
}

} // namespace awb::llm
