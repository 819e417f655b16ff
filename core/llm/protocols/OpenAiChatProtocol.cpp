#include "llm/protocols/OpenAiChatProtocol.h"

#include "llm/protocols/ReplyParsing.h"

#include <QCryptographicHash>

#include <algorithm>
#include <map>

// Wire decisions (see also the header):
// - Instructions go first as a "system" message: every compatible server knows that role, while
//   "developer" is OpenAI-only; OpenAI treats system as developer for the models that want it.
// - A tool result is sent as its content text verbatim, errors included: Chat Completions has no
//   is_error flag, and the engine's error results are JSON that say they are errors.
// - openai-compatible sends stream_options.include_usage too (llama.cpp, vLLM, LM Studio and
//   Ollama accept it) and max_tokens instead of max_completion_tokens, which older servers ignore.
// - Tool call ids longer than OpenAI's 40 characters (possible from other providers) are replaced
//   by a stable hash of themselves, so a call and its result still match.
// - A streamed reply's rawResponse is the assembled chat.completion object, the same shape as a
//   non-streamed reply.

namespace awb::llm {

namespace {

const char* const kDefaultBaseUrl = "https://api.openai.com/v1";
constexpr qsizetype kMaxCallIdLength = 40;
constexpr qsizetype kMaxRawErrorLength = 500;

std::string stringAt(const Json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t intAt(const Json& object, const char* key)
{
    if (!object.is_object())
        return 0;
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

const Json& memberAt(const Json& object, const char* key)
{
    static const Json null;
    if (!object.is_object())
        return null;
    const auto it = object.find(key);
    return it != object.end() ? *it : null;
}

QString wireCallId(const QString& id)
{
    if (id.size() <= kMaxCallIdLength)
        return id;
    const QByteArray hash =
        QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("call_") + QString::fromLatin1(hash.left(kMaxCallIdLength - 5));
}

Json parseArguments(const std::string& text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return Json::object(); // tools without parameters: servers send "" or nothing
    Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return Json{{"_raw", text}};
    return parsed;
}

Usage usageFrom(const Json& usage)
{
    Usage u;
    u.inputTokens = tokenCount(usage, "prompt_tokens");
    u.outputTokens = tokenCount(usage, "completion_tokens");
    u.cachedInputTokens = tokenCount(memberAt(usage, "prompt_tokens_details"), "cached_tokens");
    return u;
}

FinishReason finishFrom(const std::string& reason, bool hasToolCalls)
{
    // Some compatible servers report "stop" for a turn that calls tools.
    if (reason.empty() || reason == "stop")
        return hasToolCalls ? FinishReason::ToolCalls : FinishReason::Stop;
    if (reason == "tool_calls" || reason == "function_call")
        return FinishReason::ToolCalls;
    if (reason == "length")
        return FinishReason::Length;
    if (reason == "content_filter")
        return FinishReason::ContentFilter;
    return FinishReason::Other;
}

// Message content is a string, null, or (some compatible servers) a list of text parts.
std::string contentText(const Json& content)
{
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    if (content.is_array()) {
        for (const Json& part : content)
            text += stringAt(part, "text");
    }
    return text;
}

// The state of one streamed tool call, assembled from fragments.
struct PartialCall
{
    std::string id;
    std::string name;
    std::string arguments; // concatenated raw text, parsed once at the end
};

class ChatStreamDecoder : public StreamDecoder
{
public:
    ChatStreamDecoder(QString provider, std::function<void(const QString&)> onText)
        : m_provider(std::move(provider)), m_onText(std::move(onText))
    {
    }

    Status onFrame(const QByteArray& event, const QByteArray& data) override
    {
        const QByteArray payload = data.trimmed();
        if (payload == "[DONE]") {
            m_done = true;
            return Status::success();
        }
        if (payload.isEmpty() || m_done)
            return Status::success(); // keep-alives; nothing is expected after [DONE]
        auto parsed = parseJson(payload);
        if (!parsed.ok() || !parsed->is_object()) {
            return Error::make(QStringLiteral("%1 streamed a chunk that is not a JSON object: %2")
                                   .arg(m_provider, parsed.ok() ? QStringLiteral("not an object")
                                                                : parsed.errorMessage()),
                               QStringLiteral("bad_response"));
        }
        const Json& chunk = *parsed;
        if (const Json& error = memberAt(chunk, "error"); !error.is_null())
            return OpenAiChatProtocol::errorFrom(error, m_provider);
        if (event == "error" || stringAt(chunk, "object") == "error")
            return OpenAiChatProtocol::errorFrom(chunk, m_provider);
        if (m_id.empty())
            m_id = stringAt(chunk, "id");
        if (const std::string model = stringAt(chunk, "model"); !model.empty())
            m_model = model;
        if (const Json& usage = memberAt(chunk, "usage"); usage.is_object())
            m_usage = usage;
        const Json& choices = memberAt(chunk, "choices");
        if (!choices.is_array())
            return Status::success();
        for (const Json& choice : choices) {
            if (intAt(choice, "index") != 0)
                continue; // we ask for one choice (n = 1)
            applyDelta(memberAt(choice, "delta"));
            if (const std::string reason = stringAt(choice, "finish_reason"); !reason.empty())
                m_finishReason = reason;
        }
        return Status::success();
    }

    bool sawTerminator() const override { return m_done; }

    Result<ModelResponse> finish() override
    {
        if (!m_done) {
            return Error::make(
                QStringLiteral("the stream from %1 ended before its [DONE] terminator "
                               "(the connection was cut); the call can be retried")
                    .arg(m_provider),
                QStringLiteral("stream_interrupted"));
        }
        ModelResponse response;
        response.provider = m_provider;
        response.model = toQ(m_model);
        response.message.role = Role::Assistant;
        response.message.text = toQ(m_text);
        Json calls = Json::array();
        for (const auto& [index, call] : m_calls) {
            Q_UNUSED(index);
            response.message.toolCalls.push_back(
                {toQ(call.id), toQ(call.name), parseArguments(call.arguments)});
            calls.push_back({{"id", call.id},
                             {"type", "function"},
                             {"function", {{"name", call.name}, {"arguments", call.arguments}}}});
        }
        response.finish = finishFrom(m_finishReason, !m_calls.empty());
        response.usage = usageFrom(m_usage);
        Json message = {{"role", "assistant"}, {"content", m_text.empty() ? Json() : Json(m_text)}};
        if (!calls.empty())
            message["tool_calls"] = std::move(calls);
        response.rawResponse = {
            {"id", m_id},
            {"object", "chat.completion"},
            {"model", m_model},
            {"choices", Json::array({{{"index", 0},
                                      {"message", std::move(message)},
                                      {"finish_reason",
                                       m_finishReason.empty() ? Json() : Json(m_finishReason)}}})},
            {"usage", m_usage}};
        return response;
    }

private:
    void applyDelta(const Json& delta)
    {
        if (!delta.is_object())
            return;
        std::string text = contentText(memberAt(delta, "content"));
        text += stringAt(delta, "refusal");
        if (!text.empty()) {
            m_text += text;
            if (m_onText)
                m_onText(toQ(text));
        }
        const Json& toolCalls = memberAt(delta, "tool_calls");
        if (!toolCalls.is_array())
            return;
        for (const Json& fragment : toolCalls)
            applyToolCallFragment(fragment);
    }

    void applyToolCallFragment(const Json& fragment)
    {
        if (!fragment.is_object())
            return;
        const std::string id = stringAt(fragment, "id");
        const int last = m_calls.empty() ? -1 : m_calls.rbegin()->first;
        int index = std::max(last, 0);
        if (const Json& i = memberAt(fragment, "index"); i.is_number_integer()) {
            index = i.get<int>();
        } else if (!id.empty()) {
            // Servers that omit the index: a known id continues its call, a new one starts one.
            const auto known = std::find_if(m_calls.begin(), m_calls.end(),
                                            [&id](const auto& c) { return c.second.id == id; });
            index = known != m_calls.end() ? known->first : last + 1;
        }
        PartialCall& call = m_calls[index];
        if (!id.empty())
            call.id = id;
        const Json& function = memberAt(fragment, "function");
        // The name arrives whole in one fragment; a server repeating it must not double it.
        if (const std::string name = stringAt(function, "name"); !name.empty())
            call.name = name;
        if (const Json& args = memberAt(function, "arguments"); args.is_string())
            call.arguments += args.get<std::string>();
        else if (args.is_object())
            call.arguments = args.dump();
    }

    QString m_provider;
    std::function<void(const QString&)> m_onText;
    bool m_done = false;
    std::string m_id;
    std::string m_model;
    std::string m_text;
    std::string m_finishReason;
    std::map<int, PartialCall> m_calls; // by the stream's index, so interleaved calls stay apart
    Json m_usage;
};

} // namespace

QString OpenAiChatProtocol::name() const
{
    return m_flavor == Flavor::OpenAi ? QStringLiteral("openai")
                                      : QStringLiteral("openai-compatible");
}

QString OpenAiChatProtocol::keyEnvironmentVariable() const
{
    // The official SDKs read the same variable whatever the base URL.
    return QStringLiteral("OPENAI_API_KEY");
}

Result<HttpRequestSpec> OpenAiChatProtocol::endpoint(const ProviderConfig& config,
                                                     const QString& path, const QString& provider,
                                                     bool keyOptional)
{
    const QString base = config.baseUrl.trimmed().isEmpty() ? QString::fromLatin1(kDefaultBaseUrl)
                                                            : config.baseUrl.trimmed();
    QUrl url(base, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty()) {
        return Error::make(
            QStringLiteral("the base URL \"%1\" for %2 is not an http(s) URL; use one "
                           "like %3")
                .arg(base, provider, QString::fromLatin1(kDefaultBaseUrl)),
            QStringLiteral("invalid_config"));
    }
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path); // keeps a query such as Azure's ?api-version=
    HttpRequestSpec spec;
    spec.url = url;
    if (!config.apiKey.isEmpty()) {
        spec.headers.append(
            {QByteArrayLiteral("Authorization"), "Bearer " + config.apiKey.toUtf8()});
    } else if (!keyOptional) {
        return Error::make(QStringLiteral("no API key for %1: set OPENAI_API_KEY or store one with "
                                          "`awb keys set %1`")
                               .arg(provider),
                           QStringLiteral("missing_api_key"));
    }
    return spec;
}

Result<QString> OpenAiChatProtocol::modelFor(const ModelRequest& request,
                                             const ProviderConfig& config, const QString& provider)
{
    const QString model = !config.model.isEmpty() ? config.model : request.model;
    if (model.isEmpty()) {
        return Error::make(
            QStringLiteral("no model set for %1: pass --model or set model in the agent "
                           "file")
                .arg(provider),
            QStringLiteral("invalid_config"));
    }
    return model;
}

std::vector<ChatMessage> OpenAiChatProtocol::withCallIds(const std::vector<ChatMessage>& messages)
{
    std::vector<ChatMessage> out = messages;
    std::vector<ToolCall> open; // calls of the last assistant message not yet answered
    for (std::size_t m = 0; m < out.size(); ++m) {
        ChatMessage& message = out[m];
        if (message.role == Role::Assistant) {
            open.clear();
            for (std::size_t c = 0; c < message.toolCalls.size(); ++c) {
                ToolCall& call = message.toolCalls[c];
                if (call.id.isEmpty())
                    call.id = QStringLiteral("call_%1_%2").arg(m).arg(c);
                open.push_back(call);
            }
            continue;
        }
        if (message.role != Role::Tool)
            continue;
        auto match = open.end();
        if (!message.toolCallId.isEmpty()) {
            match = std::find_if(open.begin(), open.end(),
                                 [&](const ToolCall& c) { return c.id == message.toolCallId; });
        } else {
            match = std::find_if(open.begin(), open.end(),
                                 [&](const ToolCall& c) { return c.name == message.toolName; });
            if (match == open.end() && !open.empty())
                match = open.begin();
            message.toolCallId = match != open.end() ? match->id : QStringLiteral("call_unknown");
        }
        if (match != open.end())
            open.erase(match);
    }
    return out;
}

Json OpenAiChatProtocol::argumentsFromText(const std::string& text)
{
    return parseArguments(text);
}

Error OpenAiChatProtocol::errorFrom(const Json& error, const QString& provider)
{
    QString message =
        error.is_string() ? toQ(error.get<std::string>()) : toQ(stringAt(error, "message"));
    if (message.isEmpty())
        message = QStringLiteral("%1 reported an error without a message").arg(provider);
    std::string code = stringAt(error, "code");
    if (code.empty())
        code = stringAt(error, "type");
    if (code == "rate_limit_exceeded")
        code = "rate_limited";
    return Error::make(message, code.empty() ? QStringLiteral("provider_error") : toQ(code));
}

Json OpenAiChatProtocol::schemaOrEmptyObject(const Json& schema)
{
    if (schema.is_object() && !schema.empty())
        return schema;
    return Json{{"type", "object"}, {"properties", Json::object()}};
}

Result<HttpRequestSpec> OpenAiChatProtocol::buildRequest(const ModelRequest& request,
                                                         const ProviderConfig& config) const
{
    const bool openAi = m_flavor == Flavor::OpenAi;
    auto spec = endpoint(config, QStringLiteral("/chat/completions"), name(), !openAi);
    if (!spec.ok())
        return spec;
    const auto model = modelFor(request, config, name());
    if (!model.ok())
        return model.error();

    Json messages = Json::array();
    if (!request.instructions.isEmpty())
        messages.push_back({{"role", "system"}, {"content", toStd(request.instructions)}});
    for (const ChatMessage& m : withCallIds(request.messages)) {
        switch (m.role) {
        case Role::System:
        case Role::User:
            messages.push_back({{"role", toStd(roleName(m.role))}, {"content", toStd(m.text)}});
            break;
        case Role::Assistant: {
            Json message = {{"role", "assistant"}};
            // Content may be null only beside tool calls.
            message["content"] =
                m.text.isEmpty() && !m.toolCalls.empty() ? Json() : Json(toStd(m.text));
            if (!m.toolCalls.empty()) {
                Json calls = Json::array();
                for (const ToolCall& c : m.toolCalls) {
                    const Json args = c.arguments.is_null() ? Json::object() : c.arguments;
                    calls.push_back(
                        {{"id", toStd(wireCallId(c.id))},
                         {"type", "function"},
                         {"function", {{"name", toStd(c.name)}, {"arguments", args.dump()}}}});
                }
                message["tool_calls"] = std::move(calls);
            }
            messages.push_back(std::move(message));
            break;
        }
        case Role::Tool:
            messages.push_back({{"role", "tool"},
                                {"tool_call_id", toStd(wireCallId(m.toolCallId))},
                                {"content", toStd(m.text)}});
            break;
        }
    }

    Json body = {{"model", toStd(*model)}, {"messages", std::move(messages)}};
    if (!request.tools.empty()) {
        Json tools = Json::array();
        for (const ToolSpec& t : request.tools) {
            tools.push_back({{"type", "function"},
                             {"function",
                              {{"name", toStd(t.name)},
                               {"description", toStd(t.description)},
                               {"parameters", schemaOrEmptyObject(t.inputSchema)}}}});
        }
        body["tools"] = std::move(tools);
    }
    if (config.stream) {
        body["stream"] = true;
        body["stream_options"] = {{"include_usage", true}};
    }
    if (request.maxOutputTokens)
        body[openAi ? "max_completion_tokens" : "max_tokens"] = *request.maxOutputTokens;

    spec->bodyJson = std::move(body);
    const std::string text = spec->bodyJson.dump(-1, ' ', false, Json::error_handler_t::replace);
    spec->body = QByteArray(text.data(), qsizetype(text.size()));
    return spec;
}

Result<ModelResponse> OpenAiChatProtocol::parseResponse(const QByteArray& body) const
{
    auto parsed = parseJson(body);
    if (!parsed.ok() || !parsed->is_object()) {
        return Error::make(
            QStringLiteral("the reply from %1 is not a JSON object: %2")
                .arg(name(), parsed.ok() ? QStringLiteral("not an object") : parsed.errorMessage()),
            QStringLiteral("bad_response"));
    }
    const Json& reply = *parsed;
    if (const Json& error = memberAt(reply, "error"); !error.is_null())
        return errorFrom(error, name());
    const Json& choices = memberAt(reply, "choices");
    if (!choices.is_array() || choices.empty() || !choices[0].is_object()) {
        return Error::make(QStringLiteral("the reply from %1 has no choices").arg(name()),
                           QStringLiteral("bad_response"));
    }
    const Json& message = memberAt(choices[0], "message");
    ModelResponse response;
    response.provider = name();
    response.model = toQ(stringAt(reply, "model"));
    response.message.role = Role::Assistant;
    std::string text = contentText(memberAt(message, "content"));
    if (text.empty())
        text = stringAt(message, "refusal");
    response.message.text = toQ(text);
    if (const Json& calls = memberAt(message, "tool_calls"); calls.is_array()) {
        for (const Json& c : calls) {
            const Json& function = memberAt(c, "function");
            const Json& args = memberAt(function, "arguments");
            response.message.toolCalls.push_back(
                {toQ(stringAt(c, "id")), toQ(stringAt(function, "name")),
                 args.is_object() ? args : parseArguments(stringAt(function, "arguments"))});
        }
    }
    response.finish =
        finishFrom(stringAt(choices[0], "finish_reason"), !response.message.toolCalls.empty());
    response.usage = usageFrom(memberAt(reply, "usage"));
    response.rawResponse = reply;
    return response;
}

std::unique_ptr<StreamDecoder>
OpenAiChatProtocol::streamDecoder(std::function<void(const QString&)> onText) const
{
    return std::make_unique<ChatStreamDecoder>(name(), std::move(onText));
}

ProviderFailure OpenAiChatProtocol::parseFailure(int httpStatus, const QByteArray& body) const
{
    ProviderFailure failure;
    failure.httpStatus = httpStatus;
    const auto parsed = parseJson(body);
    if (parsed.ok() && parsed->is_object()) {
        const Json& reply = *parsed;
        const Json& error = memberAt(reply, "error");
        // OpenAI: {"error": {message, type, param, code}}; some compatible servers put a string in
        // "error" or the fields at the top level (vLLM), or use FastAPI's "detail".
        const Json& fields = error.is_object() ? error : reply;
        failure.message =
            error.is_string() ? toQ(error.get<std::string>()) : toQ(stringAt(fields, "message"));
        if (failure.message.isEmpty())
            failure.message = toQ(stringAt(reply, "detail"));
        const Json& code = memberAt(fields, "code");
        failure.type =
            code.is_string() ? toQ(code.get<std::string>()) : toQ(stringAt(fields, "type"));
    }
    if (failure.message.isEmpty()) {
        QString raw = QString::fromUtf8(body).trimmed();
        if (raw.size() > kMaxRawErrorLength)
            raw = raw.left(kMaxRawErrorLength) + QStringLiteral("…");
        failure.message =
            raw.isEmpty() ? QStringLiteral("HTTP %1 with an empty body").arg(httpStatus) : raw;
    }
    return failure;
}

} // namespace awb::llm
