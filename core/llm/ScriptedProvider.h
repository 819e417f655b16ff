#pragma once
// A deterministic model double driven by a JSON script of turns, for the offline demo and tests.
// Turn i answers the request that already holds i assistant messages. Strings in a turn may use
// "{{TOOL:/json/pointer}}", replaced by the value at that pointer in the latest result of TOOL
// that the request carries; a string that is exactly one template takes the JSON value itself.
// "{{TOOL:/pointer|text}}" uses text when there is nothing at the pointer.
// Runs on it are labelled "scripted" everywhere.

#include <QString>

#include "llm/ModelProvider.h"

namespace awb::llm {

struct ScriptTurn
{
    QString text;
    std::vector<ToolCall> toolCalls; // arguments may hold templates
    std::optional<Usage> usage;
};

struct Script
{
    QString model;
    std::vector<ScriptTurn> turns;

    static constexpr qint64 kMaxFileBytes = 16 << 20;

    // Errors name the file and the JSON path. load() reads a file a person named
    // (util/RegularFile); a workspace's scripts are read through WorkspaceFiles and given to
    // fromText().
    static Result<Script> load(const QString& path);
    static Result<Script> fromText(const QByteArray& text, const QString& origin);
    static Result<Script> parse(const Json& json, const QString& origin);
};

class ScriptedProvider : public ModelProvider
{
public:
    explicit ScriptedProvider(Script script) : m_script(std::move(script)) {}

    QString name() const override { return QStringLiteral("scripted"); }
    bool isScripted() const override { return true; }
    ModelCall* start(const ModelRequest& request, QObject* parent) override;

    // The reply to `request`, computed synchronously (what start() streams).
    Result<ModelResponse> respond(const ModelRequest& request) const;

private:
    Script m_script;
};

} // namespace awb::llm
