#include "llm/protocols/GeminiProtocol.h"

#include "llm/protocols/ReplyParsing.h"

#include <QHash>

#include "llm/protocols/GeminiSchema.h"

namespace awb::llm {

namespace {

constexpr auto kDefaultBaseUrl = "https://generativelanguage.googleapis.com";
// The value Google documents for function calls Gemini did not produce itself (a trace recorded on
// another model); Gemini 3 rejects a model turn with function calls but no signature. Our
// conversation does not keep Gemini's own signatures, so every replayed turn carries this one.
constexpr auto kForeignThoughtSignature = "skip_thought_signature_validator";

// Provider JSON is read through these: a member of an unexpected type reads as absent.
Json member(const Json& object, const char* key)
{
    if (!object.is_object())
        return Json();
    const auto it = object.find(key);
    return it == object.end() ? Json() : *it;
}
Json arrayMember(const Json& object, const char* key)
{
    Json value = member(object, key);
    return value.is_array() ? value : Json::array();
}
bool isTrue(const Json& object, const char* key)
{
    const Json value = member(object, key);
    return value.is_boolean() && value.get<bool>();
}

// Readers guard every access; this catches what they missed so no exception leaves the protocol.
Error malformed(const Json::exception& e)
{
    return malformedReply(QStringLiteral("gemini"), e);
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
    if (!schema.is_object())
        return Json();
    Json converted = geminiSchema(schema);
    // Gemini rejects an object schema with no properties; a tool without parameters omits them.
    if (!converted.contains("properties"))
        return Json();
    converted["type"] = "object";
    return converted;
}

// functionResponse.response must be an object: JSON objects pass, anything else is wrapped.
Json functionResponseBody(const ChatMessage& m)
{
    auto parsed = parseJson(m.text.toUtf8());
    const Json value = parsed.ok() ? *parsed : Json(toStd(m.text));
    if (m.isError)
        return value.is_object() && value.contains("error") ? value : Json{{"error", value}};
    return value.is_object() ? value : Json{{"result", value}};
}

// Gemini has no call ids: results are paired with the calls of the preceding model turn by id
// (ours), then by tool name, then by position, and sent in the order of the calls.
Json functionResponses(const std::vector<const ChatMessage*>& results,
                       const std::vector<ToolCall>& calls)
{
    std::vector<int> callOf(results.size(), -1);
    std::vector<bool> used(calls.size(), false);
    const auto pair = [&](const auto& matches) {
        for (std::size_t r = 0; r < results.size(); ++r) {
            for (std::size_t c = 0; c < calls.size() && callOf[r] < 0; ++c) {
                if (!used[c] && matches(*results[r], calls[c])) {
                    callOf[r] = int(c);
                    used[c] = true;
                }
            }
        }
    };
    pair([](const ChatMessage& m, const ToolCall& c) {
        return !m.toolCallId.isEmpty() && m.toolCallId == c.id;
    });
    pair([](const ChatMessage& m, const ToolCall& c) {
        return !m.toolName.isEmpty() && m.toolName == c.name;
    });
    pair([](const ChatMessage&, const ToolCall&) { return true; });

    Json parts = Json::array();
    const auto part = [](const QString& name, const ChatMessage& m) {
        return Json{
            {"functionResponse", {{"name", toStd(name)}, {"response", functionResponseBody(m)}}}};
    };
    for (std::size_t c = 0; c < calls.size(); ++c) {
        for (std::size_t r = 0; r < results.size(); ++r) {
            if (callOf[r] == int(c))
                parts.push_back(part(calls[c].name, *results[r]));
        }
    }
    for (std::size_t r = 0; r < results.size(); ++r) {
        if (callOf[r] < 0)
            parts.push_back(part(results[r]->toolName, *results[r]));
    }
    return parts;
}

FinishReason finishFrom(const QString& reason, bool hasCalls)
{
    if (reason.isEmpty() || reason == QLatin1String("STOP"))
        return hasCalls ? FinishReason::ToolCalls : FinishReason::Stop;
    if (reason == QLatin1String("MAX_TOKENS"))
        return FinishReason::Length;
    static const QStringList filtered = {QStringLiteral("SAFETY"),
                                         QStringLiteral("RECITATION"),
                                         QStringLiteral("BLOCKLIST"),
                                         QStringLiteral("PROHIBITED_CONTENT"),
                                         QStringLiteral("SPII"),
                                         QStringLiteral("IMAGE_SAFETY"),
                                         QStringLiteral("IMAGE_PROHIBITED_CONTENT"),
                                         QStringLiteral("IMAGE_RECITATION")};
    if (filtered.contains(reason))
        return FinishReason::ContentFilter;
    return FinishReason::Other; // MALFORMED_FUNCTION_CALL, OTHER, LANGUAGE, ...
}

// The provider's message verbatim; the code says whether a new attempt can cure it, in the
// words the transport knows (overloaded, rate_limited, server_error, timeout).
Error providerError(const Json& error)
{
    const QString status = jsonString(error, "status");
    const QString message = jsonString(error, "message", QStringLiteral("no message"));
    static const QHash<QString, QString> transient = {
        {QStringLiteral("UNAVAILABLE"), QStringLiteral("overloaded")},
        {QStringLiteral("RESOURCE_EXHAUSTED"), QStringLiteral("rate_limited")},
        {QStringLiteral("INTERNAL"), QStringLiteral("server_error")},
        {QStringLiteral("DEADLINE_EXCEEDED"), QStringLiteral("timeout")}};
    const QString code = transient.value(status, status.isEmpty() ? QStringLiteral("provider_error")
                                                                  : status.toLower());
    return Error::make(status.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, status),
                       code);
}

// A GenerateContentResponse (or the one assembled from a stream) into the normalized response.
Result<ModelResponse> responseFromJson(const Json& reply)
{
    if (!reply.is_object())
        return Error::make(QStringLiteral("gemini returned a reply that is not a JSON object"),
                           QStringLiteral("invalid_response"));
    if (reply.contains("error"))
        return providerError(reply["error"]);
    ModelResponse response;
    response.provider = QStringLiteral("gemini");
    response.model = jsonString(reply, "modelVersion");
    response.message.role = Role::Assistant;
    response.rawResponse = reply;
    const Json usage = member(reply, "usageMetadata");
    response.usage.inputTokens = tokenCount(usage, "promptTokenCount");
    response.usage.outputTokens =
        tokenCount(usage, "candidatesTokenCount") + tokenCount(usage, "thoughtsTokenCount");
    response.usage.cachedInputTokens = tokenCount(usage, "cachedContentTokenCount");

    const Json candidates = arrayMember(reply, "candidates");
    if (candidates.empty()) {
        // A prompt blocked before generation has no candidates, only the reason.
        if (!jsonString(member(reply, "promptFeedback"), "blockReason").isEmpty()) {
            response.finish = FinishReason::ContentFilter;
            return response;
        }
        return Error::make(QStringLiteral("gemini returned a reply without candidates"),
                           QStringLiteral("invalid_response"));
    }
    const Json& candidate = candidates[0];
    for (const Json& part : arrayMember(member(candidate, "content"), "parts")) {
        if (!part.is_object() || isTrue(part, "thought"))
            continue; // thought summaries are not the answer
        if (part.contains("text")) {
            response.message.text += jsonString(part, "text");
        } else if (const auto fc = part.find("functionCall"); fc != part.end() && fc->is_object()) {
            ToolCall call;
            call.name = jsonString(*fc, "name");
            call.id = jsonString(*fc, "id");
            if (call.id.isEmpty())
                call.id = QStringLiteral("call_%1_%2")
                              .arg(response.message.toolCalls.size())
                              .arg(call.name);
            const Json args = member(*fc, "args");
            call.arguments = args.is_object() ? args : Json::object();
            response.message.toolCalls.push_back(std::move(call));
        }
    }
    response.finish =
        finishFrom(jsonString(candidate, "finishReason"), !response.message.toolCalls.empty());
    return response;
}

// Each event is a whole GenerateContentResponse chunk. Text parts are merged, function calls
// arrive whole; the chunk with a finishReason ends the reply (there is no [DONE]).
class GeminiStreamDecoder : public StreamDecoder
{
public:
    explicit GeminiStreamDecoder(std::function<void(const QString&)> onText)
        : m_onText(std::move(onText))
    {
    }

    Status onFrame(const QByteArray&, const QByteArray& data) override
    {
        try {
            return decodeFrame(data);
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
    Status decodeFrame(const QByteArray& data)
    {
        if (data.trimmed().isEmpty())
            return Status::success();
        auto parsed = parseJson(data);
        if (!parsed.ok())
            return Error::make(
                QStringLiteral("gemini sent an incomplete or malformed stream chunk: %1")
                    .arg(parsed.errorMessage()),
                QStringLiteral("stream_interrupted"));
        const Json& chunk = *parsed;
        if (!chunk.is_object())
            return Error::make(
                QStringLiteral("gemini sent a stream chunk that is not a JSON object"),
                QStringLiteral("invalid_response"));
        if (chunk.contains("error"))
            return providerError(chunk["error"]);

        for (const char* key : {"usageMetadata", "modelVersion", "responseId", "promptFeedback"}) {
            if (chunk.contains(key))
                m_reply[key] = chunk[key];
        }
        const Json candidates = arrayMember(chunk, "candidates");
        if (!candidates.empty() && candidates[0].is_object()) {
            const Json& candidate = candidates[0];
            for (auto it = candidate.begin(); it != candidate.end(); ++it) {
                if (it.key() != "content")
                    m_candidate[it.key()] = *it; // finishReason, safetyRatings, index, ...
            }
            for (const Json& part : arrayMember(member(candidate, "content"), "parts"))
                addPart(part);
            if (!jsonString(candidate, "finishReason").isEmpty())
                m_done = true;
        } else if (!jsonString(member(chunk, "promptFeedback"), "blockReason").isEmpty()) {
            m_done = true; // blocked before generation: this chunk is the whole reply
        }
        return Status::success();
    }

    Result<ModelResponse> assemble()
    {
        if (!m_done)
            return Error::make(
                QStringLiteral("the gemini stream ended before a chunk with its finishReason"),
                QStringLiteral("stream_interrupted"));
        Json reply = m_reply;
        if (!m_candidate.empty() || !m_parts.empty()) {
            Json candidate = m_candidate;
            candidate["content"] = Json{{"role", "model"}, {"parts", m_parts}};
            reply["candidates"] = Json::array({candidate});
        }
        return responseFromJson(reply);
    }

    void addPart(const Json& part)
    {
        if (!part.is_object())
            return;
        const bool thought = isTrue(part, "thought");
        if (part.contains("text") && part["text"].is_string()) {
            const std::string text = part["text"].get<std::string>();
            if (!thought && m_onText && !text.empty())
                m_onText(toQ(text));
            Json* last = m_parts.empty() ? nullptr : &m_parts.back();
            if (last && last->contains("text") && isTrue(*last, "thought") == thought) {
                (*last)["text"] = (*last)["text"].get<std::string>() + text;
                if (part.contains("thoughtSignature"))
                    (*last)["thoughtSignature"] = part["thoughtSignature"];
                return;
            }
        }
        m_parts.push_back(part);
    }

    std::function<void(const QString&)> m_onText;
    Json m_reply = Json::object();
    Json m_candidate = Json::object();
    Json m_parts = Json::array();
    bool m_done = false;
};

} // namespace

QString GeminiProtocol::name() const
{
    return QStringLiteral("gemini");
}

QString GeminiProtocol::keyEnvironmentVariable() const
{
    return QStringLiteral("GEMINI_API_KEY");
}

Result<HttpRequestSpec> GeminiProtocol::buildRequest(const ModelRequest& request,
                                                     const ProviderConfig& config) const
{
    if (config.apiKey.isEmpty())
        return Error::make(
            QStringLiteral("gemini needs an API key: set GEMINI_API_KEY or store one "
                           "with `awb keys set gemini`"),
            QStringLiteral("missing_api_key"));
    // The profile's model wins: in a fallback chain the request still names the first provider's.
    QString model = config.model.isEmpty() ? request.model : config.model;
    if (model.startsWith(QLatin1String("models/")))
        model = model.mid(7);
    if (model.isEmpty())
        return Error::make(QStringLiteral("no model is set for gemini: pass --model or set the "
                                          "model in the agent file"),
                           QStringLiteral("invalid_config"));

    QString base = config.baseUrl.trimmed();
    if (base.isEmpty())
        base = QString::fromLatin1(kDefaultBaseUrl);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (!base.endsWith(QLatin1String("/v1beta")))
        base += QStringLiteral("/v1beta");
    const QUrl url(QStringLiteral("%1/models/%2:%3")
                       .arg(base, model,
                            config.stream ? QStringLiteral("streamGenerateContent?alt=sse")
                                          : QStringLiteral("generateContent")));
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return Error::make(
            QStringLiteral("the gemini base URL \"%1\" is not an http(s) URL").arg(config.baseUrl),
            QStringLiteral("invalid_config"));

    Json systemParts = Json::array();
    if (!request.instructions.isEmpty())
        systemParts.push_back(Json{{"text", toStd(request.instructions)}});
    Json contents = Json::array();
    const auto append = [&contents](const char* role, Json parts) {
        if (parts.empty())
            return;
        if (!contents.empty() && contents.back()["role"] == role) {
            for (Json& p : parts)
                contents.back()["parts"].push_back(std::move(p));
            return;
        }
        contents.push_back(Json{{"role", role}, {"parts", std::move(parts)}});
    };
    const auto textParts = [](const QString& text) {
        return text.isEmpty() ? Json::array() : Json::array({Json{{"text", toStd(text)}}});
    };

    const std::vector<ToolCall> noCalls;
    const std::vector<ToolCall>* lastCalls = &noCalls;
    const auto& messages = request.messages;
    for (std::size_t i = 0; i < messages.size();) {
        const ChatMessage& m = messages[i];
        switch (m.role) {
        case Role::System: // one system instruction; later system text joins it
            if (!m.text.isEmpty())
                systemParts.push_back(Json{{"text", toStd(m.text)}});
            ++i;
            break;
        case Role::User:
            append("user", textParts(m.text));
            ++i;
            break;
        case Role::Assistant: {
            Json parts = textParts(m.text);
            for (std::size_t c = 0; c < m.toolCalls.size(); ++c) {
                const ToolCall& call = m.toolCalls[c];
                Json part = {
                    {"functionCall",
                     {{"name", toStd(call.name)},
                      {"args", call.arguments.is_object() ? call.arguments : Json::object()}}}};
                if (c == 0)
                    part["thoughtSignature"] = kForeignThoughtSignature;
                parts.push_back(std::move(part));
            }
            append("model", std::move(parts));
            lastCalls = &m.toolCalls;
            ++i;
            break;
        }
        case Role::Tool: {
            std::vector<const ChatMessage*> results;
            for (; i < messages.size() && messages[i].role == Role::Tool; ++i)
                results.push_back(&messages[i]);
            append("user", functionResponses(results, *lastCalls));
            break;
        }
        }
    }
    if (contents.empty())
        return Error::make(QStringLiteral("the conversation has no message to send to gemini"),
                           QStringLiteral("invalid_request"));

    Json body = {{"contents", std::move(contents)}};
    if (!systemParts.empty())
        body["systemInstruction"] = Json{{"parts", std::move(systemParts)}};
    if (!request.tools.empty()) {
        Json declarations = Json::array();
        for (const ToolSpec& tool : request.tools) {
            Json d = {{"name", toStd(tool.name)}};
            if (!tool.description.isEmpty())
                d["description"] = toStd(tool.description);
            if (Json parameters = parametersFor(tool.inputSchema); !parameters.is_null())
                d["parameters"] = std::move(parameters);
            declarations.push_back(std::move(d));
        }
        body["tools"] = Json::array({Json{{"functionDeclarations", std::move(declarations)}}});
    }
    if (request.maxOutputTokens)
        body["generationConfig"] = Json{{"maxOutputTokens", *request.maxOutputTokens}};

    HttpRequestSpec spec;
    spec.url = url;
    spec.headers = {{"x-goog-api-key", config.apiKey.toUtf8()}};
    spec.body = canonicalJson(body);
    spec.bodyJson = std::move(body);
    return spec;
}

Result<ModelResponse> GeminiProtocol::parseResponse(const QByteArray& body) const
{
    return parseReply(
        body, QStringLiteral("gemini"),
        [](const Json& reply) -> Result<ModelResponse> { return responseFromJson(reply); });
}

std::unique_ptr<StreamDecoder>
GeminiProtocol::streamDecoder(std::function<void(const QString&)> onText) const
{
    return std::make_unique<GeminiStreamDecoder>(std::move(onText));
}

ProviderFailure GeminiProtocol::parseFailure(int httpStatus, const QByteArray& body) const
{
    ProviderFailure failure;
    failure.httpStatus = httpStatus;
    // Documented body: {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT",
    // "details": [...]}}; the streaming endpoint may wrap it in an array.
    auto parsed = parseJson(body);
    if (parsed.ok()) {
        Json reply = *parsed;
        if (reply.is_array() && !reply.empty())
            reply = reply.front();
        const Json error = member(reply, "error");
        if (error.is_object() && error.contains("message")) {
            failure.message = jsonString(error, "message");
            failure.type = jsonString(error, "status");
            // The ErrorInfo reason is more specific than the status: a wrong key is HTTP 400
            // INVALID_ARGUMENT with reason API_KEY_INVALID.
            for (const Json& detail : arrayMember(error, "details")) {
                if (const QString reason = jsonString(detail, "reason"); !reason.isEmpty())
                    failure.type = reason;
            }
            return failure;
        }
    }
    failure.message = rawFailureText(body);
    return failure;
}

} // namespace awb::llm
