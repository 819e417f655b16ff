#pragma once
// The normalized conversation every provider translates to and from its wire format: messages,
// tool calls, tool results and usage. Value types, cheap to copy; JSON only at the edge (toJson/
// fromJson are the journal's format and are versioned with it).

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

#include "util/Json.h"
#include "util/Result.h"

namespace awb::llm {

enum class Role
{
    System,
    User,
    Assistant,
    Tool,
};
QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);

struct ToolCall
{
    QString id;   // provider's call id; the engine assigns one when the provider has none
    QString name;
    Json arguments = Json::object();
};

struct Usage
{
    std::int64_t inputTokens = 0;
    std::int64_t outputTokens = 0;
    std::int64_t cachedInputTokens = 0;
    std::int64_t costMicros = 0; // US dollars in millionths

    Usage& operator+=(const Usage& o);
    std::int64_t totalTokens() const { return inputTokens + outputTokens; }
    Json toJson() const;
    static Usage fromJson(const Json& j);
};

struct ChatMessage
{
    Role role = Role::User;
    QString text;
    std::vector<ToolCall> toolCalls; // assistant: the calls it asked for
    QString toolCallId;              // tool: which call this answers
    QString toolName;                // tool: which tool answered
    bool isError = false;            // tool: the content is an error for the model to correct

    static ChatMessage user(QString text);
    static ChatMessage assistant(QString text, std::vector<ToolCall> calls = {});
    static ChatMessage toolResult(QString callId, QString toolName, QString content, bool isError);

    Json toJson() const;
    static Result<ChatMessage> fromJson(const Json& j);
};

struct ToolSpec
{
    QString name;
    QString description;
    Json inputSchema;
};

struct ModelRequest
{
    QString model;
    QString instructions; // the system prompt
    std::vector<ChatMessage> messages;
    std::vector<ToolSpec> tools;
    std::optional<std::int64_t> maxOutputTokens;
};

enum class FinishReason
{
    Stop,
    ToolCalls,
    Length,
    ContentFilter,
    Other,
};
QString finishReasonName(FinishReason reason);

struct ModelResponse
{
    ChatMessage message; // role Assistant
    Usage usage;
    FinishReason finish = FinishReason::Stop;
    QString provider;
    QString model;
    Json rawRequest;  // exactly as sent (secrets redacted), for the inspector and the audit trail
    Json rawResponse; // exactly as received
};

} // namespace awb::llm
