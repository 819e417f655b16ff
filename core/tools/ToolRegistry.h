#pragma once
// The tools an engine can call, by name. Each tool's input schema is compiled once at registration;
// validate() checks a call's arguments before anything runs.

#include <QString>
#include <QStringList>

#include <map>
#include <memory>

#include "tools/Tool.h"
#include "util/SchemaValidator.h"

namespace awb {

class ToolRegistry
{
public:
    // Fails when the name is taken or the tool's schema does not compile.
    Status add(std::shared_ptr<const Tool> tool);

    // Null when unknown.
    std::shared_ptr<const Tool> find(const QString& name) const;
    std::vector<std::shared_ptr<const Tool>> tools() const; // sorted by name
    QStringList names() const;

    // Empty when the arguments satisfy the tool's schema.
    std::vector<SchemaViolation> validate(const QString& toolName, const Json& arguments) const;

private:
    struct Entry
    {
        std::shared_ptr<const Tool> tool;
        std::shared_ptr<const SchemaValidator> validator;
    };
    std::map<QString, Entry> m_entries;
};

} // namespace awb
