// JSON Schema validation (SchemaValidator, valijson) of any JSON document, on the two paths the
// product takes: as the arguments of a call to each built-in tool (ToolRegistry::validate, before
// anything runs), and as a schema typed into the tool schema editor (checked against the draft-07
// meta-schema, then compiled). Properties: no exception escapes; every violation has a message
// and a path that is a JSON pointer to a place in the validated document, since the model and the
// editor are pointed there.

#include "FuzzSupport.h"

#include <QFile>

#include "engine/BuiltinTools.h"
#include "tools/ToolRegistry.h"
#include "util/SchemaValidator.h"

using namespace awb;
using namespace awb::fuzz;

namespace {

void checkViolations(const std::vector<SchemaViolation>& violations, const Json& value,
                     const QString& against)
{
    for (const SchemaViolation& v : violations) {
        check(!v.message.isEmpty(), "a violation says what is wrong", against);
        if (v.path.isEmpty())
            continue;
        bool found = false;
        try {
            found = value.contains(Json::json_pointer(toStd(v.path)));
        } catch (const Json::exception& e) {
            fail("a violation's path is a JSON pointer",
                 QStringLiteral("%1: %2 (%3)").arg(against, v.path, QString::fromUtf8(e.what())));
        }
        check(found, "a violation's path points into the validated document",
              QStringLiteral("%1: %2: %3").arg(against, v.path, v.message));
    }
}

std::shared_ptr<const SchemaValidator> metaSchema()
{
    QFile file(QStringLiteral(AWB_DRAFT07_SCHEMA));
    check(file.open(QIODevice::ReadOnly), "the draft-07 meta-schema can be read", file.fileName());
    const Result<Json> json = parseJson(file.readAll());
    check(json.ok(), "the draft-07 meta-schema is JSON");
    auto compiled = SchemaValidator::compile(*json);
    check(compiled.ok(), "the draft-07 meta-schema compiles");
    return *compiled;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const ToolRegistry registry = [] {
        ToolRegistry r;
        const Status s = registerBuiltinTools(r);
        check(s.ok(), "the built-in tools register", s.ok() ? QString() : s.errorMessage());
        return r;
    }();
    static const std::shared_ptr<const SchemaValidator> meta = metaSchema();

    const Result<Json> value = parseJson(bytesOf(data, size));
    if (!value.ok())
        return 0; // a model's arguments that are not JSON never reach validation
    for (const QString& tool : registry.names())
        checkViolations(registry.validate(tool, *value), *value, tool);

    const std::vector<SchemaViolation> problems = meta->validate(*value);
    checkViolations(problems, *value, QStringLiteral("the draft-07 meta-schema"));
    if (problems.empty())
        (void)SchemaValidator::compile(*value);
    return 0;
}
