#pragma once
// Checks the text of a tool's input schema: that it is JSON, that it is a valid draft-07 JSON
// Schema (validated against the draft-07 meta-schema shipped as :/editors/draft-07-schema.json)
// and that the engine can compile it. Pure and thread-safe: the editor runs it on a worker thread.

#include <QString>

#include <memory>
#include <vector>

#include "editors/JsonLocator.h"
#include "util/Json.h"
#include "util/SchemaValidator.h"

namespace awb::ui {

struct SchemaProblem
{
    TextSpan span;   // where in the text; line 0 when the whole document is meant
    QString pointer; // JSON pointer into the schema ("" for the root)
    QString message; // what is wrong, for the user
};

struct SchemaCheckResult
{
    bool isJson = false;
    Json schema; // the parsed text, when isJson
    std::vector<SchemaProblem> problems;

    bool ok() const { return isJson && problems.empty(); }
};

// The draft-07 meta-schema, compiled once (on first use, from the resource).
Result<std::shared_ptr<const SchemaValidator>> draft07MetaSchema();

SchemaCheckResult checkSchemaText(const QString& text);

} // namespace awb::ui
