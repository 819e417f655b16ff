#include "tools/ToolRegistry.h"

namespace awb {

Status ToolRegistry::add(std::shared_ptr<const Tool> tool)
{
    const QString name = tool->name();
    if (m_entries.count(name))
        return Error::make(QStringLiteral("a tool named \"%1\" is already registered").arg(name));
    auto validator = SchemaValidator::compile(tool->inputSchema());
    if (!validator)
        return Error::make(QStringLiteral("tool \"%1\": %2").arg(name, validator.errorMessage()),
                           QStringLiteral("invalid_schema"));
    m_entries.emplace(name, Entry{std::move(tool), std::move(validator).value()});
    return {};
}

std::shared_ptr<const Tool> ToolRegistry::find(const QString& name) const
{
    const auto it = m_entries.find(name);
    return it == m_entries.end() ? nullptr : it->second.tool;
}

std::vector<std::shared_ptr<const Tool>> ToolRegistry::tools() const
{
    std::vector<std::shared_ptr<const Tool>> out;
    for (const auto& [name, entry] : m_entries)
        out.push_back(entry.tool);
    return out;
}

QStringList ToolRegistry::names() const
{
    QStringList out;
    for (const auto& [name, entry] : m_entries)
        out << name;
    return out;
}

std::vector<SchemaViolation> ToolRegistry::validate(const QString& toolName, const Json& arguments) const
{
    const auto it = m_entries.find(toolName);
    if (it == m_entries.end())
        return {{QString(), QStringLiteral("unknown tool \"%1\"").arg(toolName)}};
    return it->second.validator->validate(arguments);
}

} // namespace awb
