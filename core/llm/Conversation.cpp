#include "llm/Conversation.h"

namespace awb::llm {

QString roleName(Role role)
{
    switch (role) {
    case Role::System:
        return QStringLiteral("system");
    case Role::User:
        return QStringLiteral("user");
    case Role::Assistant:
        return QStringLiteral("assistant");
    case Role::Tool:
        return QStringLiteral("tool");
    }
    return QStringLiteral("user");
}

std::optional<Role> roleFromName(const QString& name)
{
    for (Role r : {Role::System, Role::User, Role::Assistant, Role::Tool}) {
        if (roleName(r) == name)
            return r;
    }
    return std::nullopt;
}

QString finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Stop:
        return QStringLiteral("stop");
    case FinishReason::ToolCalls:
        return QStringLiteral("tool_calls");
    case FinishReason::Length:
        return QStringLiteral("length");
    case FinishReason::ContentFilter:
        return QStringLiteral("content_filter");
    case FinishReason::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

Usage& Usage::operator+=(const Usage& o)
{
    inputTokens += o.inputTokens;
    outputTokens += o.outputTokens;
    cachedInputTokens += o.cachedInputTokens;
    costMicros += o.costMicros;
    return *this;
}

Json Usage::toJson() const
{
    return {{"input_tokens", inputTokens},
            {"output_tokens", outputTokens},
            {"cached_input_tokens", cachedInputTokens},
            {"cost_micros", costMicros}};
}

Usage Usage::fromJson(const Json& j)
{
    Usage u;
    if (!j.is_object())
        return u;
    // Fields of another type count as absent; value() would throw on them.
    const auto read = [&j](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : std::int64_t(0);
    };
    u.inputTokens = read("input_tokens");
    u.outputTokens = read("output_tokens");
    u.cachedInputTokens = read("cached_input_tokens");
    u.costMicros = read("cost_micros");
    return u;
}

ChatMessage ChatMessage::user(QString text)
{
    ChatMessage m;
    m.role = Role::User;
    m.text = std::move(text);
    return m;
}

ChatMessage ChatMessage::assistant(QString text, std::vector<ToolCall> calls)
{
    ChatMessage m;
    m.role = Role::Assistant;
    m.text = std::move(text);
    m.toolCalls = std::move(calls);
    return m;
}

ChatMessage ChatMessage::toolResult(QString callId, QString toolName, QString content, bool isError)
{
    ChatMessage m;
    m.role = Role::Tool;
    m.toolCallId = std::move(callId);
    m.toolName = std::move(toolName);
    m.text = std::move(content);
    m.isError = isError;
    return m;
}

Json ChatMessage::toJson() const
{
    Json j = {{"role", toStd(roleName(role))}, {"text", toStd(text)}};
    if (!toolCalls.empty()) {
        Json calls = Json::array();
        for (const ToolCall& c : toolCalls)
            calls.push_back({{"id", toStd(c.id)}, {"name", toStd(c.name)}, {"arguments", c.arguments}});
        j["tool_calls"] = std::move(calls);
    }
    if (role == Role::Tool) {
        j["tool_call_id"] = toStd(toolCallId);
        j["tool_name"] = toStd(toolName);
        j["is_error"] = isError;
    }
    return j;
}

Result<ChatMessage> ChatMessage::fromJson(const Json& j)
{
    if (!j.is_object())
        return Error::make(QStringLiteral("message is not an object"));
    const auto role = roleFromName(jsonString(j, "role"));
    if (!role)
        return Error::make(QStringLiteral("message has an unknown role \"%1\"").arg(jsonString(j, "role")));
    ChatMessage m;
    m.role = *role;
    m.text = jsonString(j, "text");
    if (const auto calls = j.find("tool_calls"); calls != j.end() && calls->is_array()) {
        for (const Json& c : *calls) {
            if (!c.is_object())
                return Error::make(QStringLiteral("message has a tool call that is not an object"));
            ToolCall call;
            call.id = jsonString(c, "id");
            call.name = jsonString(c, "name");
            call.arguments = c.value("arguments", Json::object());
            m.toolCalls.push_back(std::move(call));
        }
    }
    m.toolCallId = jsonString(j, "tool_call_id");
    m.toolName = jsonString(j, "tool_name");
    if (const auto err = j.find("is_error"); err != j.end() && !err->is_boolean())
        return Error::make(QStringLiteral("message has is_error that is not true or false"));
    m.isError = j.value("is_error", false);
    return m;
}

} // namespace awb::llm
