#define VALIJSON_USE_EXCEPTIONS 1
#include "util/SchemaValidator.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <set>

namespace awb {

struct SchemaValidator::Private
{
    valijson::Schema schema;
};

SchemaValidator::SchemaValidator() : d(std::make_unique<Private>()) {}
SchemaValidator::~SchemaValidator() = default;

Result<std::shared_ptr<const SchemaValidator>> SchemaValidator::compile(const Json& schema)
{
    if (!schema.is_object())
        return Error::make(QStringLiteral("a JSON Schema must be an object"),
                           QStringLiteral("invalid_schema"));
    std::shared_ptr<SchemaValidator> v(new SchemaValidator());
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        valijson::adapters::NlohmannJsonAdapter adapter(schema);
        parser.populateSchema(adapter, v->d->schema);
    } catch (const std::exception& e) {
        return Error::make(
            QStringLiteral("invalid JSON Schema: %1").arg(QString::fromUtf8(e.what())),
            QStringLiteral("invalid_schema"));
    }
    return std::shared_ptr<const SchemaValidator>(std::move(v));
}

std::vector<SchemaViolation> SchemaValidator::validate(const Json& value) const
{
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(value);
    std::vector<SchemaViolation> out;
    try {
        if (validator.validate(d->schema, target, &results))
            return out;
    } catch (const std::exception& e) {
        out.push_back(
            {QString(), QStringLiteral("validation failed: %1").arg(QString::fromUtf8(e.what()))});
        return out;
    }
    // valijson reports a path as ["<root>", "[key]", "[0]"]; turn it into a JSON pointer and keep
    // the most specific message per path (parents repeat "failed to validate ..." summaries).
    std::set<std::pair<QString, QString>> seen;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        QString pointer;
        for (const std::string& part : error.context) {
            if (part == "<root>")
                continue;
            QString p = toQ(part);
            if (p.startsWith(QLatin1Char('[')) && p.endsWith(QLatin1Char(']')))
                p = p.mid(1, p.size() - 2);
            if (p.startsWith(QLatin1Char('"')) && p.endsWith(QLatin1Char('"')))
                p = p.mid(1, p.size() - 2);
            p.replace(QLatin1Char('~'), QLatin1String("~0"))
                .replace(QLatin1Char('/'), QLatin1String("~1"));
            pointer += QLatin1Char('/') + p;
        }
        const QString message = toQ(error.description);
        if (seen.insert({pointer, message}).second)
            out.push_back({pointer, message});
    }
    return out;
}

} // namespace awb
