#include "editors/SchemaCheck.h"

#include <QCoreApplication>

#include <map>

#include "util/RegularFile.h"

namespace awb::ui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("awb::ui", text);
}

bool isPrefixPath(const QString& parent, const QString& child)
{
    return child.size() > parent.size() && child.startsWith(parent) &&
           child.at(parent.size()) == QLatin1Char('/');
}

// valijson repeats "failed to validate" summaries for each enclosing schema: those say nothing the
// specific message does not, unless they are all there is.
bool isSummary(const QString& message)
{
    return message.startsWith(QLatin1String("Failed to validate against")) ||
           message.startsWith(QLatin1String("Failed to match against any enum"));
}

QString explain(const Json& schema, const QString& pointer, const QStringList& messages)
{
    // A misspelt type is the most common mistake: say which names are allowed.
    if (pointer.endsWith(QLatin1String("/type")) || pointer == QLatin1String("/type")) {
        try {
            const Json& value = schema.at(Json::json_pointer(toStd(pointer)));
            if (value.is_string())
                return tr("\"%1\" is not a JSON Schema type; use one of array, boolean, integer, "
                          "null, number, object, string")
                    .arg(toQ(value.get<std::string>()));
        } catch (const std::exception&) {
        }
    }
    QStringList specific;
    for (const QString& m : messages) {
        if (!isSummary(m) && !specific.contains(m))
            specific << m;
    }
    return (specific.isEmpty() ? messages : specific).join(QLatin1String("; "));
}
} // namespace

Result<std::shared_ptr<const SchemaValidator>> draft07MetaSchema()
{
    static const Result<std::shared_ptr<const SchemaValidator>> compiled =
        []() -> Result<std::shared_ptr<const SchemaValidator>> {
        auto text = readRegularFile(QStringLiteral(":/editors/draft-07-schema.json"), 1 << 20);
        if (!text)
            return Error::make(tr("the draft-07 meta-schema is missing from this build"),
                               QStringLiteral("internal"));
        auto json = parseJson(*text);
        if (!json)
            return json.error();
        return SchemaValidator::compile(*json);
    }();
    return compiled;
}

SchemaCheckResult checkSchemaText(const QString& text)
{
    SchemaCheckResult out;
    const JsonLocator locator(text);
    const QByteArray utf8 = text.toUtf8();
    try {
        out.schema = Json::parse(utf8.constBegin(), utf8.constEnd());
        out.isJson = true;
    } catch (const Json::parse_error& e) {
        const int offset = JsonLocator::offsetOfUtf8Byte(utf8, qsizetype(e.byte));
        // nlohmann's message starts with its own prefix and position: keep what is wrong.
        QString what = QString::fromUtf8(e.what());
        if (const int colon = what.indexOf(QLatin1String(": ")); colon >= 0)
            what = what.mid(colon + 2);
        out.problems.push_back({locator.spanAt(std::max(0, offset - 1), 1), QString(),
                                tr("not valid JSON: %1").arg(what)});
        return out;
    }

    auto meta = draft07MetaSchema();
    if (!meta) {
        out.problems.push_back({TextSpan{}, QString(), meta.errorMessage()});
        return out;
    }
    const auto violations = (*meta)->validate(out.schema);
    // Keep the most specific paths: a parent's error only restates its child's.
    std::map<QString, QStringList> byPath;
    for (const SchemaViolation& v : violations)
        byPath[v.path] << v.message;
    for (const auto& [path, messages] : byPath) {
        bool hasChild = false;
        for (const auto& [other, unused] : byPath)
            hasChild = hasChild || isPrefixPath(path, other);
        if (hasChild)
            continue;
        out.problems.push_back({locator.locate(path), path, explain(out.schema, path, messages)});
    }
    if (!out.problems.empty())
        return out;

    // Valid against the meta-schema, but the engine must also compile it (e.g. a $ref it cannot
    // resolve).
    if (auto compiled = SchemaValidator::compile(out.schema); !compiled)
        out.problems.push_back({locator.locate(QString()), QString(), compiled.errorMessage()});
    return out;
}

} // namespace awb::ui
