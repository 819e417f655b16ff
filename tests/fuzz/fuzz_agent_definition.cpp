// The agent-file loader (AgentDefinition::parse) on any bytes. Properties: no exception escapes;
// an error names the file (and, for JSON that parses, the JSON path) as the loader promises; an
// agent that loads keeps the rules it was checked against (name, instructions, budgets in their
// ranges, tools listed once, the hash of the bytes).

#include "FuzzSupport.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include "agent/AgentDefinition.h"

using namespace awb;
using namespace awb::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const QString kPath = QStringLiteral("/fuzz/agents/fuzzed.agent.json");
    const QByteArray bytes = bytesOf(data, size);
    const Result<AgentDefinition> agent = AgentDefinition::parse(bytes, kPath);
    if (!agent.ok()) {
        check(agent.errorMessage().startsWith(kPath + QLatin1String(": ")),
              "an error names the agent file", agent.errorMessage());
        check(agent.error().code == QLatin1String("invalid_agent"), "an error is invalid_agent",
              agent.error().code);
        return 0;
    }
    const AgentDefinition& a = *agent;
    static const QRegularExpression name(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}\\z"));
    check(name.match(a.name).hasMatch(), "the name is a valid agent name", a.name);
    check(!a.instructions.trimmed().isEmpty(), "the instructions are not empty");
    check(a.model.provider == QLatin1String("scripted") ? !a.model.script.isEmpty()
                                                        : !a.model.name.isEmpty(),
          "the model names a script (scripted) or a model");
    check(a.budgets.maxSteps >= 1 && a.budgets.maxTokens >= 1 && a.budgets.maxWallSeconds >= 1 &&
              a.budgets.maxParallelTools >= 1 && a.budgets.maxCostUsd > Decimal(),
          "budgets are positive");
    for (std::size_t i = 0; i < a.tools.size(); ++i) {
        check(a.tool(a.tools[i].name) == &a.tools[i], "each tool is listed once", a.tools[i].name);
        if (a.tools[i].timeoutMs)
            check(*a.tools[i].timeoutMs >= 1, "a tool timeout is positive");
    }
    check(a.sourceHash == QString::fromLatin1(
                              QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
          "the source hash is the SHA-256 of the bytes");
    (void)a.scriptPath();
    return 0;
}
