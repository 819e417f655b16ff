#pragma once
// Validates JSON values against a JSON Schema (draft 7) with valijson. The schema is compiled once;
// validate() is const and safe to call from several threads.

#include <QString>

#include <memory>
#include <vector>

#include "util/Json.h"
#include "util/Result.h"

namespace awb {

struct SchemaViolation
{
    QString path;    // JSON pointer into the validated value, "" for the root
    QString message; // what is wrong there
    Json toJson() const
    {
        return {{"path", toStd(path.isEmpty() ? QStringLiteral("/") : path)},
                {"message", toStd(message)}};
    }
};

class SchemaValidator
{
public:
    // Fails when the schema itself cannot be compiled.
    static Result<std::shared_ptr<const SchemaValidator>> compile(const Json& schema);
    ~SchemaValidator();

    std::vector<SchemaViolation> validate(const Json& value) const;

private:
    SchemaValidator();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace awb
