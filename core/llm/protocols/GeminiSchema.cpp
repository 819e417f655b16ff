#include "llm/protocols/GeminiSchema.h"

#include <QStringList>

#include <set>

namespace awb::llm {

namespace {

constexpr int kMaxSchemaDepth = 64;

Json arrayMember(const Json& object, const char* key)
{
    if (!object.is_object())
        return Json::array();
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : Json::array();
}

bool isTrue(const Json& object, const char* key)
{
    if (!object.is_object())
        return false;
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

// One conversion; remembers which $refs are being expanded on the current path to stop cycles.
class SchemaConverter
{
public:
    explicit SchemaConverter(const Json& root) : m_root(root) {}

    Json convert(const Json& schema, int depth = 0)
    {
        if (depth > kMaxSchemaDepth || !schema.is_object())
            return Json{{"type", "string"}};
        if (const auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string()) {
            const std::string name = ref->get<std::string>();
            const Json* target = resolve(name);
            Json merged = target ? *target : Json::object();
            if (!target || m_active.count(name)) // unknown, or a cycle: stop expanding here
                merged = Json{{"type", "object"}};
            for (auto it = schema.begin(); it != schema.end(); ++it) {
                if (it.key() != "$ref")
                    merged[it.key()] = *it; // siblings of $ref (a description) win
            }
            m_active.insert(name);
            Json out = convert(merged, depth + 1);
            m_active.erase(name);
            return out;
        }
        const Json s = mergeAllOf(schema);

        Json out = Json::object();
        bool nullable = isTrue(s, "nullable");
        for (const char* key :
             {"description", "title", "default", "example", "minimum", "maximum", "minLength",
              "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "pattern"}) {
            if (s.contains(key))
                out[key] = s[key];
        }

        std::vector<std::string> types;
        if (const auto type = s.find("type"); type != s.end()) {
            const Json list = type->is_array() ? *type : Json::array({*type});
            for (const Json& t : list) {
                if (!t.is_string())
                    continue;
                const std::string name = t.get<std::string>();
                if (name == "null")
                    nullable = true;
                else if (kTypes.count(name))
                    types.push_back(name);
            }
        }

        Json values = Json::array();
        if (s.contains("const"))
            values.push_back(s["const"]);
        else if (s.contains("enum") && s["enum"].is_array())
            values = s["enum"];
        if (!values.empty()) {
            Json strings = Json::array();
            QStringList others;
            for (const Json& v : values) {
                if (v.is_null())
                    nullable = true;
                else if (v.is_string())
                    strings.push_back(v);
                else
                    others << QString::fromUtf8(canonicalJson(v));
            }
            if (others.isEmpty() && !strings.empty()) {
                out["enum"] = strings;
                if (types.empty())
                    types.push_back("string");
            } else if (!others.isEmpty()) {
                if (types.empty() && strings.empty())
                    types.push_back(typeOfValues(values));
                for (const Json& v : strings)
                    others << QString::fromUtf8(canonicalJson(v));
                appendToDescription(
                    out,
                    QStringLiteral("Allowed values: %1.").arg(others.join(QStringLiteral(", "))));
            }
        }

        if (const auto properties = s.find("properties");
            properties != s.end() && properties->is_object() && !properties->empty()) {
            Json converted = Json::object();
            for (auto it = properties->begin(); it != properties->end(); ++it)
                converted[it.key()] = convert(*it, depth + 1);
            out["properties"] = converted;
            Json required = Json::array();
            for (const Json& name : arrayMember(s, "required")) {
                if (name.is_string() && converted.contains(name.get<std::string>()))
                    required.push_back(name);
            }
            if (!required.empty())
                out["required"] = required;
        }
        if (const auto items = s.find("items"); items != s.end()) {
            if (items->is_object())
                out["items"] = convert(*items, depth + 1);
            else if (items->is_array() &&
                     !items->empty()) // a tuple: its first member is the closest
                out["items"] = convert(items->front(), depth + 1);
        }

        if (types.size() == 1)
            out["type"] = types.front();
        Json anyOf = Json::array();
        const Json* alternatives = s.contains("anyOf")   ? &s["anyOf"]
                                   : s.contains("oneOf") ? &s["oneOf"]
                                                         : nullptr;
        if (alternatives && alternatives->is_array()) {
            for (const Json& alternative : *alternatives) {
                if (alternative.is_object() && alternative.size() == 1 &&
                    alternative.value("type", Json()) == "null")
                    nullable = true;
                else
                    anyOf.push_back(convert(alternative, depth + 1));
            }
        } else if (types.size() > 1) {
            for (const std::string& t : types)
                anyOf.push_back(Json{{"type", t}});
        }
        if (anyOf.size() == 1) {
            for (auto it = anyOf[0].begin(); it != anyOf[0].end(); ++it) {
                if (!out.contains(it.key()))
                    out[it.key()] = *it;
            }
        } else if (anyOf.size() > 1) {
            out["anyOf"] = anyOf;
        }

        if (!out.contains("type") && !out.contains("anyOf"))
            out["type"] = inferType(out);
        if (const auto format = s.find("format"); format != s.end() && format->is_string()) {
            static const std::set<std::pair<std::string, std::string>> known = {
                {"string", "date-time"}, {"string", "enum"},   {"number", "float"},
                {"number", "double"},    {"integer", "int32"}, {"integer", "int64"}};
            if (known.count({out.value("type", std::string()), format->get<std::string>()}))
                out["format"] = *format;
            else // the model can still honour it when told in words
                appendToDescription(
                    out, QStringLiteral("Format: %1.").arg(toQ(format->get<std::string>())));
        }
        if (nullable)
            out["nullable"] = true;
        return out;
    }

private:
    inline static const std::set<std::string> kTypes = {"string",  "number", "integer",
                                                        "boolean", "array",  "object"};

    const Json* resolve(const std::string& ref) const
    {
        if (ref.empty() || ref[0] != '#')
            return nullptr; // only references inside the tool's own schema
        try {
            const Json::json_pointer pointer(ref.substr(1));
            return m_root.contains(pointer) ? &m_root.at(pointer) : nullptr;
        } catch (const Json::exception&) {
            return nullptr;
        }
    }

    // allOf members (one level of $ref resolved) merged into the schema: properties and required
    // are united, any other keyword keeps its first value.
    Json mergeAllOf(const Json& schema) const
    {
        const auto all = schema.find("allOf");
        if (all == schema.end() || !all->is_array())
            return schema;
        Json merged = schema;
        merged.erase("allOf");
        for (const Json& raw : *all) {
            const Json* member = &raw;
            if (raw.is_object() && raw.contains("$ref") && raw["$ref"].is_string())
                member = resolve(raw["$ref"].get<std::string>());
            if (!member || !member->is_object())
                continue;
            for (auto it = member->begin(); it != member->end(); ++it) {
                if (it.key() == "properties" && it->is_object()) {
                    for (auto p = it->begin(); p != it->end(); ++p) {
                        if (!merged["properties"].contains(p.key()))
                            merged["properties"][p.key()] = *p;
                    }
                } else if (it.key() == "required" && it->is_array()) {
                    for (const Json& name : *it)
                        merged["required"].push_back(name);
                } else if (!merged.contains(it.key())) {
                    merged[it.key()] = *it;
                }
            }
        }
        return merged;
    }

    static void appendToDescription(Json& out, const QString& note)
    {
        const QString description = jsonString(out, "description");
        out["description"] =
            toStd(description.isEmpty() ? note : description + QLatin1Char(' ') + note);
    }

    // The type of an enum's values when the schema names none (null values are already removed).
    static std::string typeOfValues(const Json& values)
    {
        bool integers = true, numbers = true, booleans = true;
        for (const Json& v : values) {
            if (v.is_null())
                continue;
            integers = integers && v.is_number_integer();
            numbers = numbers && v.is_number();
            booleans = booleans && v.is_boolean();
        }
        return integers ? "integer" : numbers ? "number" : booleans ? "boolean" : "string";
    }

    static std::string inferType(const Json& s)
    {
        if (s.contains("properties") || s.contains("minProperties") || s.contains("maxProperties"))
            return "object";
        if (s.contains("items") || s.contains("minItems") || s.contains("maxItems"))
            return "array";
        if (s.contains("minimum") || s.contains("maximum"))
            return "number";
        return "string";
    }

    const Json& m_root;
    std::set<std::string> m_active; // $refs being expanded on the current path
};

} // namespace

Json geminiSchema(const Json& jsonSchema)
{
    try {
        return SchemaConverter(jsonSchema).convert(jsonSchema);
    } catch (const Json::exception&) {
        return Json{{"type", "string"}}; // every access is guarded; this is the last resort
    }
}

} // namespace awb::llm
