#include "agent/AgentDefinition.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "store/WorkspaceFiles.h"
#include "util/RegularFile.h"

namespace awb {

namespace {
// Collects the first error with its JSON path; the loaders read like the format they accept.
class Reader
{
public:
    explicit Reader(QString file) : m_file(std::move(file)) {}

    Error error(const QString& path, const QString& what) const
    {
        return Error::make(QStringLiteral("%1: at %2: %3").arg(m_file, path.isEmpty() ? QStringLiteral("/") : path, what),
                           QStringLiteral("invalid_agent"));
    }

    Result<QString> requiredString(const Json& obj, const char* key, const QString& path) const
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return error(path + QLatin1Char('/') + QLatin1String(key), QStringLiteral("required field is missing"));
        if (!it->is_string())
            return error(path + QLatin1Char('/') + QLatin1String(key),
                         QStringLiteral("expected a string, found %1").arg(QLatin1String(it->type_name())));
        return toQ(it->get<std::string>());
    }

    Result<QString> optionalString(const Json& obj, const char* key, const QString& path,
                                   const QString& fallback = {}) const
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return fallback;
        if (!it->is_string())
            return error(path + QLatin1Char('/') + QLatin1String(key),
                         QStringLiteral("expected a string, found %1").arg(QLatin1String(it->type_name())));
        return toQ(it->get<std::string>());
    }

    Result<std::int64_t> optionalInt(const Json& obj, const char* key, const QString& path,
                                     std::int64_t fallback, std::int64_t min, std::int64_t max) const
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return fallback;
        const QString p = path + QLatin1Char('/') + QLatin1String(key);
        if (!it->is_number_integer())
            return error(p, QStringLiteral("expected an integer, found %1").arg(QLatin1String(it->type_name())));
        const auto v = it->get<std::int64_t>();
        if (v < min || v > max)
            return error(p, QStringLiteral("%1 is out of range (%2 to %3)").arg(v).arg(min).arg(max));
        return v;
    }

    Status checkKeys(const Json& obj, const QString& path, std::initializer_list<const char*> known) const
    {
        for (const auto& [key, value] : obj.items()) {
            Q_UNUSED(value);
            bool found = false;
            for (const char* k : known)
                found = found || key == k;
            if (!found) {
                QStringList names;
                for (const char* k : known)
                    names << QLatin1String(k);
                return error(path + QLatin1Char('/') + toQ(key),
                             QStringLiteral("unknown field (known: %1)").arg(names.join(QStringLiteral(", "))));
            }
        }
        return {};
    }

private:
    QString m_file;
};

Result<ModelChoice> parseModel(const Reader& r, const Json& j, const QString& path)
{
    if (!j.is_object())
        return r.error(path, QStringLiteral("expected an object with provider and name"));
    if (Status s = r.checkKeys(j, path, {"provider", "name", "script", "base_url", "fallbacks"}); !s)
        return s.error();
    ModelChoice m;
    auto provider = r.requiredString(j, "provider", path);
    if (!provider)
        return provider.error();
    m.provider = *provider;
    auto name = r.optionalString(j, "name", path);
    if (!name)
        return name.error();
    m.name = *name;
    auto script = r.optionalString(j, "script", path);
    if (!script)
        return script.error();
    m.script = *script;
    auto base = r.optionalString(j, "base_url", path);
    if (!base)
        return base.error();
    m.baseUrl = *base;
    if (m.provider == QLatin1String("scripted") && m.script.isEmpty())
        return r.error(path + QStringLiteral("/script"),
                       QStringLiteral("the scripted provider needs a script file"));
    if (m.provider != QLatin1String("scripted") && m.name.isEmpty())
        return r.error(path + QStringLiteral("/name"), QStringLiteral("required field is missing"));
    return m;
}
} // namespace

const AgentTool* AgentDefinition::tool(const QString& toolName) const
{
    for (const AgentTool& t : tools) {
        if (t.name == toolName)
            return &t;
    }
    return nullptr;
}

QString AgentDefinition::scriptPath() const
{
    if (model.script.isEmpty() || QFileInfo(model.script).isAbsolute())
        return model.script;
    return QFileInfo(filePath).absoluteDir().filePath(model.script);
}

namespace {
Result<AgentDefinition> loaded(Result<QByteArray> bytes, const QString& path)
{
    if (!bytes)
        return Error::make(
            QStringLiteral("cannot read the agent file: %1").arg(bytes.errorMessage()),
            bytes.error().code);
    return AgentDefinition::parse(*bytes, QFileInfo(path).absoluteFilePath());
}
} // namespace

Result<AgentDefinition> AgentDefinition::load(const QString& path)
{
    return loaded(readRegularFile(path, kMaxFileBytes), path);
}

Result<AgentDefinition> AgentDefinition::load(const WorkspaceFiles& workspace, const QString& path)
{
    return loaded(workspace.readNamed(path, kMaxFileBytes), path);
}

Result<AgentDefinition> AgentDefinition::parse(const QByteArray& bytes, const QString& path)
{
    const Reader r(path);
    auto parsed = parseJson(bytes);
    if (!parsed)
        return Error::make(QStringLiteral("%1: %2").arg(path, parsed.errorMessage()), QStringLiteral("invalid_agent"));
    const Json& j = *parsed;
    if (!j.is_object())
        return r.error({}, QStringLiteral("expected a JSON object"));
    if (Status s = r.checkKeys(j, {}, {"schema_version", "name", "description", "instructions", "model", "tools",
                                       "budgets", "data_classification"});
        !s)
        return s.error();

    auto version = r.optionalInt(j, "schema_version", {}, -1, 1, 1'000'000);
    if (!version)
        return version.error();
    if (*version < 0)
        return r.error(QStringLiteral("/schema_version"), QStringLiteral("required field is missing"));
    if (*version > kSchemaVersion)
        return r.error(QStringLiteral("/schema_version"),
                       QStringLiteral("version %1 is newer than this program understands (%2)").arg(*version).arg(kSchemaVersion));

    AgentDefinition a;
    a.filePath = path;
    a.sourceHash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    auto name = r.requiredString(j, "name", {});
    if (!name)
        return name.error();
    // \z, not $: "$" also matches before a trailing newline.
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}\\z"));
    if (!namePattern.match(*name).hasMatch())
        return r.error(QStringLiteral("/name"), QStringLiteral("\"%1\" is not a valid agent name (lower-case letters, "
                                                              "digits, '.', '_', '-'; at most 64)")
                                                   .arg(*name));
    a.name = *name;
    auto description = r.optionalString(j, "description", {});
    if (!description)
        return description.error();
    a.description = *description;
    auto instructions = r.requiredString(j, "instructions", {});
    if (!instructions)
        return instructions.error();
    if (instructions->trimmed().isEmpty())
        return r.error(QStringLiteral("/instructions"), QStringLiteral("must not be empty"));
    a.instructions = *instructions;
    auto classification = r.optionalString(j, "data_classification", {}, a.dataClassification);
    if (!classification)
        return classification.error();
    static const QStringList classes = {QStringLiteral("public"), QStringLiteral("internal"),
                                        QStringLiteral("confidential"), QStringLiteral("restricted")};
    if (!classes.contains(*classification))
        return r.error(QStringLiteral("/data_classification"),
                       QStringLiteral("unknown classification \"%1\" (expected one of %2)")
                           .arg(*classification, classes.join(QStringLiteral(", "))));
    a.dataClassification = *classification;

    const auto model = j.find("model");
    if (model == j.end())
        return r.error(QStringLiteral("/model"), QStringLiteral("required field is missing"));
    auto choice = parseModel(r, *model, QStringLiteral("/model"));
    if (!choice)
        return choice.error();
    a.model = *choice;
    if (const auto fb = model->find("fallbacks"); fb != model->end()) {
        if (!fb->is_array())
            return r.error(QStringLiteral("/model/fallbacks"), QStringLiteral("expected an array"));
        for (std::size_t i = 0; i < fb->size(); ++i) {
            const QString fpath = QStringLiteral("/model/fallbacks/%1").arg(i);
            if ((*fb)[i].is_object() && (*fb)[i].contains("fallbacks"))
                return r.error(fpath + QStringLiteral("/fallbacks"),
                               QStringLiteral("a fallback cannot have fallbacks of its own; list "
                                              "them all in /model/fallbacks"));
            auto f = parseModel(r, (*fb)[i], fpath);
            if (!f)
                return f.error();
            a.fallbacks.push_back(*f);
        }
    }

    const auto tools = j.find("tools");
    if (tools != j.end()) {
        if (!tools->is_array())
            return r.error(QStringLiteral("/tools"), QStringLiteral("expected an array of tools"));
        for (std::size_t i = 0; i < tools->size(); ++i) {
            const Json& t = (*tools)[i];
            const QString path = QStringLiteral("/tools/%1").arg(i);
            if (!t.is_object())
                return r.error(path, QStringLiteral("expected an object with a name"));
            if (Status s = r.checkKeys(t, path, {"name", "approval", "timeout_ms"}); !s)
                return s.error();
            AgentTool tool;
            auto tn = r.requiredString(t, "name", path);
            if (!tn)
                return tn.error();
            tool.name = *tn;
            if (a.tool(tool.name))
                return r.error(path + QStringLiteral("/name"), QStringLiteral("tool \"%1\" is listed twice").arg(tool.name));
            auto approval = r.optionalString(t, "approval", path, QStringLiteral("never"));
            if (!approval)
                return approval.error();
            if (*approval == QLatin1String("required"))
                tool.approval = ApprovalPolicy::Required;
            else if (*approval != QLatin1String("never"))
                return r.error(path + QStringLiteral("/approval"),
                               QStringLiteral("expected \"required\" or \"never\", found \"%1\"").arg(*approval));
            if (t.contains("timeout_ms")) {
                auto timeout = r.optionalInt(t, "timeout_ms", path, 0, 1, 3'600'000);
                if (!timeout)
                    return timeout.error();
                tool.timeoutMs = int(*timeout);
            }
            a.tools.push_back(tool);
        }
    }

    if (const auto b = j.find("budgets"); b != j.end()) {
        const QString path = QStringLiteral("/budgets");
        if (!b->is_object())
            return r.error(path, QStringLiteral("expected an object"));
        if (Status s = r.checkKeys(*b, path, {"max_steps", "max_tokens", "max_cost_usd", "max_wall_seconds",
                                              "max_parallel_tools"});
            !s)
            return s.error();
        auto steps = r.optionalInt(*b, "max_steps", path, a.budgets.maxSteps, 1, 100000);
        auto tokens = r.optionalInt(*b, "max_tokens", path, a.budgets.maxTokens, 1, std::int64_t(1) << 40);
        auto wall = r.optionalInt(*b, "max_wall_seconds", path, a.budgets.maxWallSeconds, 1, 7 * 24 * 3600);
        auto parallel = r.optionalInt(*b, "max_parallel_tools", path, a.budgets.maxParallelTools, 1, 64);
        for (const auto* v : {&steps, &tokens, &wall, &parallel}) {
            if (!*v)
                return v->error();
        }
        a.budgets.maxSteps = int(*steps);
        a.budgets.maxTokens = *tokens;
        a.budgets.maxWallSeconds = int(*wall);
        a.budgets.maxParallelTools = int(*parallel);
        if (const auto cost = b->find("max_cost_usd"); cost != b->end()) {
            const auto d = cost->is_string() ? Decimal::fromJson(*cost) : std::nullopt;
            if (!d || *d <= Decimal())
                return r.error(path + QStringLiteral("/max_cost_usd"),
                               QStringLiteral("expected a positive decimal string such as \"5.00\""));
            a.budgets.maxCostUsd = *d;
        }
    }
    return a;
}

Result<QString> findAgentFile(const QString& workspaceRoot, const QString& nameOrPath)
{
    if (nameOrPath.endsWith(QLatin1String(".agent.json")) && QFileInfo::exists(nameOrPath))
        return QFileInfo(nameOrPath).absoluteFilePath();
    // "../../elsewhere/x" is not a name: agents/ joined with it would leave agents/.
    const bool isName = !nameOrPath.isEmpty() && !nameOrPath.contains(QLatin1Char('/')) &&
                        nameOrPath != QLatin1String(".") && nameOrPath != QLatin1String("..");
    const QString candidate = QDir(workspaceRoot).filePath(QStringLiteral("agents/%1.agent.json").arg(nameOrPath));
    // A link there is found too, so that loading it says why it is refused.
    if (isName && (QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink()))
        return candidate;
    QStringList known;
    for (const QString& f : QDir(QDir(workspaceRoot).filePath(QStringLiteral("agents")))
                                .entryList({QStringLiteral("*.agent.json")}, QDir::Files, QDir::Name))
        known << f.chopped(int(qstrlen(".agent.json")));
    return Error::make(QStringLiteral("no agent \"%1\" in %2/agents (known: %3)")
                           .arg(nameOrPath, workspaceRoot, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))),
                       QStringLiteral("unknown_agent"));
}

} // namespace awb
