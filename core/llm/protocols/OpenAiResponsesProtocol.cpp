#include "llm/protocols/OpenAiResponsesProtocol.h"

#include "llm/protocols/ReplyParsing.h"

#include "llm/protocols/OpenAiChatProtocol.h"

#include <map>

// Wire decisions:
// - The whole conversation is sent each time (no previous_response_id), so "store" is false:
//   business data is not kept on OpenAI's side for a state we never use.
// - Tools are sent with "strict": false. The API's default is strict, which rejects any schema
//   that is not closed (additionalProperties false, all properties required); the engine validates
//   arguments against the tool's own schema anyway.
// - A tool result is a function_call_output with the content text verbatim, errors included
//   (the API has no error flag; the engine's error results are JSON that say they are errors).
// - The key is required as for "openai"; ids, arguments and URLs follow OpenAiChatProtocol's rules.
// - A streamed reply's rawResponse is the response object of the terminal event
//   (response.completed / response.incomplete), the same shape as a non-streamed reply.

namespace awb::llm {

namespace {

std::string stringAt(const Json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t intAt(const Json& object, const char* key, std::int64_t fallback = 0)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

const Json& memberAt(const Json& object, const char* key)
{
    static const Json null;
    if (!object.is_object())
        return null;
    const auto it = object.find(key);
    return it != object.end() ? *it : null;
}

Json textItem(const char* role, const char* partType, const QString& text)
{
    return {{"type", "message"},
            {"role", role},
            {"content", Json::array({{{"type", partType}, {"text", toStd(text)}}})}};
}

// One output item, as far as we keep it: assistant text or a function call.
struct OutputItem
{
    enum class Kind
    {
        Message,
        FunctionCall,
        Other, // reasoning, built-in tool calls: not part of the normalized conversation
    };
    Kind kind = Kind::Other;
    std::string text;
    std::string callId;
    std::string name;
    std::string arguments;
};

OutputItem itemFrom(const Json& item)
{
    OutputItem out;
    const std::string type = stringAt(item, "type");
    if (type == "message") {
        out.kind = OutputItem::Kind::Message;
        if (const Json& content = memberAt(item, "content"); content.is_array()) {
            for (const Json& part : content) {
                const std::string partType = stringAt(part, "type");
                out.text +=
                    partType == "refusal" ? stringAt(part, "refusal") : stringAt(part, "text");
            }
        }
    } else if (type == "function_call") {
        out.kind = OutputItem::Kind::FunctionCall;
        out.callId = stringAt(item, "call_id");
        out.name = stringAt(item, "name");
        out.arguments = stringAt(item, "arguments");
    }
    return out;
}

Usage usageFrom(const Json& usage)
{
    Usage u;
    u.inputTokens = tokenCount(usage, "input_tokens");
    u.outputTokens = tokenCount(usage, "output_tokens");
    u.cachedInputTokens = tokenCount(memberAt(usage, "input_tokens_details"), "cached_tokens");
    return u;
}

FinishReason finishFrom(const Json& response, bool hasToolCalls)
{
    const std::string status = stringAt(response, "status");
    if (status == "incomplete") {
        const std::string reason = stringAt(memberAt(response, "incomplete_details"), "reason");
        if (reason == "max_output_tokens")
            return FinishReason::Length;
        if (reason == "content_filter")
            return FinishReason::ContentFilter;
        return FinishReason::Other;
    }
    if (status.empty() || status == "completed")
        return hasToolCalls ? FinishReason::ToolCalls : FinishReason::Stop;
    return FinishReason::Other;
}

// The normalized response from the output items (in output order) and the response object.
ModelResponse responseFrom(const std::map<std::int64_t, OutputItem>& items, const Json& response,
                           const QString& provider)
{
    ModelResponse out;
    out.provider = provider;
    out.model = toQ(stringAt(response, "model"));
    out.message.role = Role::Assistant;
    std::string text;
    for (const auto& [index, item] : items) {
        Q_UNUSED(index);
        if (item.kind == OutputItem::Kind::Message) {
            text += item.text;
        } else if (item.kind == OutputItem::Kind::FunctionCall) {
            out.message.toolCalls.push_back(
                {toQ(item.callId), toQ(item.name),
                 OpenAiChatProtocol::argumentsFromText(item.arguments)});
        }
    }
    out.message.text = toQ(text);
    out.finish = finishFrom(response, !out.message.toolCalls.empty());
    out.usage = usageFrom(memberAt(response, "usage"));
    out.rawResponse = response;
    return out;
}

std::map<std::int64_t, OutputItem> itemsOf(const Json& response)
{
    std::map<std::int64_t, OutputItem> items;
    if (const Json& output = memberAt(response, "output"); output.is_array()) {
        for (std::size_t i = 0; i < output.size(); ++i)
            items[std::int64_t(i)] = itemFrom(output[i]);
    }
    return items;
}

class ResponsesStreamDecoder : public StreamDecoder
{
public:
    ResponsesStreamDecoder(QString provider, std::function<void(const QString&)> onText)
        : m_provider(std::move(provider)), m_onText(std::move(onText))
    {
    }

    Status onFrame(const QByteArray& event, const QByteArray& data) override
    {
        const QByteArray payload = data.trimmed();
        if (payload.isEmpty() || m_done)
            return Status::success();
        auto parsed = parseJson(payload);
        if (!parsed.ok() || !parsed->is_object()) {
            return Error::make(QStringLiteral("%1 streamed an event that is not a JSON object: %2")
                                   .arg(m_provider, parsed.ok() ? QStringLiteral("not an object")
                                                                : parsed.errorMessage()),
                               QStringLiteral("bad_response"));
        }
        const Json& e = *parsed;
        // "type" in the data is authoritative; the SSE event name repeats it.
        std::string type = stringAt(e, "type");
        if (type.empty())
            type = event.toStdString();

        if (type == "response.output_text.delta" || type == "response.refusal.delta") {
            const std::string delta = stringAt(e, "delta");
            OutputItem& message = item(e);
            message.kind = OutputItem::Kind::Message;
            message.text += delta;
            if (m_onText && !delta.empty())
                m_onText(toQ(delta));
        } else if (type == "response.function_call_arguments.delta") {
            OutputItem& call = item(e);
            call.kind = OutputItem::Kind::FunctionCall; // even if its "added" event was lost
            call.arguments += stringAt(e, "delta");
        } else if (type == "response.function_call_arguments.done") {
            if (const Json& args = memberAt(e, "arguments"); args.is_string())
                item(e).arguments = args.get<std::string>();
        } else if (type == "response.output_item.added" || type == "response.output_item.done") {
            applyItem(e, type == "response.output_item.done");
        } else if (type == "response.completed" || type == "response.incomplete") {
            m_done = true;
            m_response = memberAt(e, "response");
        } else if (type == "response.failed") {
            m_done = true;
            m_response = memberAt(e, "response");
            return OpenAiChatProtocol::errorFrom(memberAt(m_response, "error"), m_provider);
        } else if (type == "error") {
            return OpenAiChatProtocol::errorFrom(e, m_provider);
        }
        return Status::success();
    }

    bool sawTerminator() const override { return m_done; }

    Result<ModelResponse> finish() override
    {
        if (!m_done) {
            return Error::make(QStringLiteral("the stream from %1 ended before response.completed "
                                              "(the connection was cut); the call can be retried")
                                   .arg(m_provider),
                               QStringLiteral("stream_interrupted"));
        }
        // Servers that send no item events still put the items in the final response.
        const auto items = m_items.empty() ? itemsOf(m_response) : m_items;
        return responseFrom(items, m_response, m_provider);
    }

private:
    // The item an event refers to: by output_index, else by item_id, else the last one.
    OutputItem& item(const Json& e)
    {
        std::int64_t index = intAt(e, "output_index", -1);
        const std::string itemId = stringAt(e, "item_id");
        if (index < 0 && !itemId.empty() && m_indexById.count(itemId))
            index = m_indexById[itemId];
        if (index < 0)
            index = m_items.empty() ? 0 : m_items.rbegin()->first;
        if (!itemId.empty())
            m_indexById[itemId] = index;
        return m_items[index];
    }

    void applyItem(const Json& e, bool done)
    {
        const Json& raw = memberAt(e, "item");
        if (const std::string id = stringAt(raw, "id");
            !id.empty() && intAt(e, "output_index", -1) >= 0)
            m_indexById[id] = intAt(e, "output_index");
        OutputItem& current = item(e);
        const OutputItem incoming = itemFrom(raw);
        if (incoming.kind == OutputItem::Kind::Message) {
            current.kind = incoming.kind;
            // The finished item holds the whole text; the added one holds none yet.
            if (done && !incoming.text.empty())
                current.text = incoming.text;
            return;
        }
        // Arguments already streamed survive an item that leaves them out.
        const std::string arguments = current.arguments;
        current = incoming;
        if (current.arguments.empty())
            current.arguments = arguments;
    }

    QString m_provider;
    std::function<void(const QString&)> m_onText;
    bool m_done = false;
    std::map<std::int64_t, OutputItem> m_items; // by output_index, so parallel calls stay apart
    std::map<std::string, std::int64_t> m_indexById;
    Json m_response;
};

} // namespace

QString OpenAiResponsesProtocol::name() const
{
    return QStringLiteral("openai-responses");
}

QString OpenAiResponsesProtocol::keyEnvironmentVariable() const
{
    return QStringLiteral("OPENAI_API_KEY");
}

Result<HttpRequestSpec> OpenAiResponsesProtocol::buildRequest(const ModelRequest& request,
                                                              const ProviderConfig& config) const
{
    auto spec = OpenAiChatProtocol::endpoint(config, QStringLiteral("/responses"), name(), false);
    if (!spec.ok())
        return spec;
    const auto model = OpenAiChatProtocol::modelFor(request, config, name());
    if (!model.ok())
        return model.error();

    Json input = Json::array();
    for (const ChatMessage& m : OpenAiChatProtocol::withCallIds(request.messages)) {
        switch (m.role) {
        case Role::System:
            input.push_back(textItem("system", "input_text", m.text));
            break;
        case Role::User:
            input.push_back(textItem("user", "input_text", m.text));
            break;
        case Role::Assistant:
            if (!m.text.isEmpty() || m.toolCalls.empty())
                input.push_back(textItem("assistant", "output_text", m.text));
            for (const ToolCall& c : m.toolCalls) {
                const Json args = c.arguments.is_null() ? Json::object() : c.arguments;
                input.push_back({{"type", "function_call"},
                                 {"call_id", toStd(c.id)},
                                 {"name", toStd(c.name)},
                                 {"arguments", args.dump()}});
            }
            break;
        case Role::Tool:
            input.push_back({{"type", "function_call_output"},
                             {"call_id", toStd(m.toolCallId)},
                             {"output", toStd(m.text)}});
            break;
        }
    }

    Json body = {{"model", toStd(*model)}, {"input", std::move(input)}, {"store", false}};
    if (!request.instructions.isEmpty())
        body["instructions"] = toStd(request.instructions);
    if (!request.tools.empty()) {
        Json tools = Json::array();
        for (const ToolSpec& t : request.tools) {
            tools.push_back({{"type", "function"},
                             {"name", toStd(t.name)},
                             {"description", toStd(t.description)},
                             {"parameters", OpenAiChatProtocol::schemaOrEmptyObject(t.inputSchema)},
                             {"strict", false}});
        }
        body["tools"] = std::move(tools);
    }
    if (config.stream)
        body["stream"] = true;
    if (request.maxOutputTokens)
        body["max_output_tokens"] = *request.maxOutputTokens;

    spec->bodyJson = std::move(body);
    const std::string text = spec->bodyJson.dump(-1, ' ', false, Json::error_handler_t::replace);
    spec->body = QByteArray(text.data(), qsizetype(text.size()));
    return spec;
}

Result<ModelResponse> OpenAiResponsesProtocol::parseResponse(const QByteArray& body) const
{
    auto parsed = parseJson(body);
    if (!parsed.ok() || !parsed->is_object()) {
        return Error::make(
            QStringLiteral("the reply from %1 is not a JSON object: %2")
                .arg(name(), parsed.ok() ? QStringLiteral("not an object") : parsed.errorMessage()),
            QStringLiteral("bad_response"));
    }
    const Json& reply = *parsed;
    const Json& error = memberAt(reply, "error");
    if (error.is_object() || stringAt(reply, "status") == "failed")
        return OpenAiChatProtocol::errorFrom(error, name());
    if (!memberAt(reply, "output").is_array()) {
        return Error::make(QStringLiteral("the reply from %1 has no output").arg(name()),
                           QStringLiteral("bad_response"));
    }
    return responseFrom(itemsOf(reply), reply, name());
}

std::unique_ptr<StreamDecoder>
OpenAiResponsesProtocol::streamDecoder(std::function<void(const QString&)> onText) const
{
    return std::make_unique<ResponsesStreamDecoder>(name(), std::move(onText));
}

ProviderFailure OpenAiResponsesProtocol::parseFailure(int httpStatus, const QByteArray& body) const
{
    // The same error body as Chat Completions: {"error": {message, type, param, code}}.
    return OpenAiChatProtocol().parseFailure(httpStatus, body);
}

} // namespace awb::llm
