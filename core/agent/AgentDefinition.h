#pragma once
// An agent definition, loaded from a `*.agent.json` file: instructions, model and fallbacks, tools
// with per-tool policy, budgets and data classification. Loading errors name the file, the JSON
// path and what is wrong.

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

#include "util/Decimal.h"
#include "util/Json.h"
#include "util/Result.h"

namespace awb {

class WorkspaceFiles;

enum class ApprovalPolicy
{
    Never,    // runs without asking
    Required, // a person approves each call, arguments shown
};

struct AgentTool
{
    QString name;
    ApprovalPolicy approval = ApprovalPolicy::Never;
    std::optional<int> timeoutMs; // overrides the tool's own timeout
};

struct ModelChoice
{
    QString provider; // "scripted", "openai", ...
    QString name;     // model name
    QString script;   // scripted provider: path of the script, relative to the agent file
    QString baseUrl;
};

struct Budgets
{
    int maxSteps = 50;
    std::int64_t maxTokens = 1'000'000;
    Decimal maxCostUsd = Decimal::fromInt(10);
    int maxWallSeconds = 1800;
    int maxParallelTools = 4;
};

struct AgentDefinition
{
    static constexpr int kSchemaVersion = 1;

    QString name;
    QString description;
    QString instructions;
    ModelChoice model;
    std::vector<ModelChoice> fallbacks;
    std::vector<AgentTool> tools;
    Budgets budgets;
    QString dataClassification = QStringLiteral("internal");
    QString filePath;   // absolute path it was loaded from
    QString sourceHash; // sha256 of the file bytes, recorded with each run

    const AgentTool* tool(const QString& toolName) const;
    // Resolves model.script against the agent file's folder.
    QString scriptPath() const;

    static constexpr qint64 kMaxFileBytes = 1 << 20;

    // An agent file a person named, read as util/RegularFile reads such files.
    static Result<AgentDefinition> load(const QString& path);
    // An agent file of the workspace (beneath it, no links, WorkspaceFiles::read) when path is
    // inside it, else as load(path).
    static Result<AgentDefinition> load(const WorkspaceFiles& workspace, const QString& path);
    static Result<AgentDefinition> parse(const QByteArray& bytes, const QString& path);
};

// Finds DIR/agents/NAME.agent.json, or a path to a file. A name is a file name without its
// ".agent.json": one with a "/" (or "." or "..") names no agent.
Result<QString> findAgentFile(const QString& workspaceRoot, const QString& nameOrPath);

} // namespace awb
