#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <map>

#include <sys/stat.h>

#include "util/Log.h"
#include "util/SchemaValidator.h"

// Static libraries drop resource initialisers that nothing references; this references it.
static void initWorkspaceSchemaResource()
{
    Q_INIT_RESOURCE(workspace_schema);
}

namespace awb {

namespace {
const QString kSettingsFile = QStringLiteral("workspace.json");

// resources/workspace.schema.json, compiled once for the process.
struct SettingsSchema
{
    Json json;
    std::shared_ptr<const SchemaValidator> validator;
};

const SettingsSchema& settingsSchema()
{
    static const SettingsSchema schema = [] {
        initWorkspaceSchemaResource();
        SettingsSchema out;
        QFile file(QStringLiteral(":/awb/workspace.schema.json"));
        if (file.open(QIODevice::ReadOnly)) {
            if (auto json = parseJson(file.readAll()); json) {
                if (auto v = SchemaValidator::compile(*json); v) {
                    out.json = std::move(json).value();
                    out.validator = *v;
                }
            }
        }
        if (!out.validator)
            qCCritical(lcStore) << "the built-in schema of workspace.json does not load";
        return out;
    }();
    return schema;
}

QString typeName(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::object:
        return QStringLiteral("an object");
    case Json::value_t::array:
        return QStringLiteral("an array");
    case Json::value_t::string:
        return QStringLiteral("a string");
    case Json::value_t::boolean:
        return QStringLiteral("true or false");
    case Json::value_t::null:
        return QStringLiteral("null");
    case Json::value_t::number_float:
        return QStringLiteral("a number with a fraction");
    default:
        return QStringLiteral("a number");
    }
}

// The schema node that describes the value at a JSON pointer, or null.
const Json* schemaNodeAt(const Json& schema, const QString& pointer)
{
    const Json* node = &schema;
    for (const QString& part : pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const std::string key = toStd(part);
        if (const auto props = node->find("properties");
            props != node->end() && props->contains(key)) {
            node = &(*props)[key];
        } else if (const auto extra = node->find("additionalProperties");
                   extra != node->end() && extra->is_object()) {
            node = &*extra;
        } else if (const auto items = node->find("items"); items != node->end()) {
            node = &*items;
        } else {
            return nullptr;
        }
    }
    return node;
}

bool matchesType(const Json& value, const std::string& type)
{
    if (type == "integer")
        return value.is_number_integer();
    if (type == "number")
        return value.is_number();
    if (type == "string")
        return value.is_string();
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "boolean")
        return value.is_boolean();
    return true;
}

QString describeAt(const Json& value, const Json& nodeRef, const QString& fallback)
{
    const Json* node = &nodeRef;
    if (const auto type = node->find("type");
        type != node->end() && type->is_string() && !matchesType(value, type->get<std::string>())) {
        static const std::map<std::string, QString> names = {
            {"object", QStringLiteral("an object")}, {"array", QStringLiteral("an array")},
            {"string", QStringLiteral("a string")},  {"integer", QStringLiteral("an integer")},
            {"number", QStringLiteral("a number")},  {"boolean", QStringLiteral("true or false")}};
        return QStringLiteral("expected %1, got %2")
            .arg(names.count(type->get<std::string>()) ? names.at(type->get<std::string>())
                                                       : toQ(type->get<std::string>()),
                 typeName(value));
    }
    if (value.is_object() && node->value("additionalProperties", Json(true)) == Json(false)) {
        const Json properties = node->value("properties", Json::object());
        QStringList known;
        for (const auto& [key, _] : properties.items())
            known << toQ(key);
        for (const auto& [key, _] : value.items()) {
            if (!properties.contains(key))
                return QStringLiteral("unknown field \"%1\" (known here: %2)")
                    .arg(toQ(key), known.join(QStringLiteral(", ")));
        }
    }
    if (node->contains("pattern") && value.is_string())
        return QStringLiteral("\"%1\" does not have the expected form (%2)")
            .arg(toQ(value.get<std::string>()), toQ(node->value("pattern", std::string())));
    if (node->contains("minLength") && value.is_string())
        return QStringLiteral("must not be empty");
    if ((node->contains("minimum") || node->contains("maximum")) && value.is_number())
        return QStringLiteral("%1 is out of range (%2 to %3)")
            .arg(toQ(value.dump()), toQ(node->value("minimum", Json("…")).dump()),
                 toQ(node->value("maximum", Json("…")).dump()));
    return fallback;
}

// What is wrong at pointer, said from the schema rather than the validator's wording. A field the
// schema does not know is described at its parent (which says which fields it knows).
std::pair<QString, QString> describeViolation(const Json& settings, const Json& schema,
                                              QString pointer, const QString& fallback)
{
    const Json* node = schemaNodeAt(schema, pointer);
    while (!node && !pointer.isEmpty()) {
        pointer = pointer.left(pointer.lastIndexOf(QLatin1Char('/')));
        node = schemaNodeAt(schema, pointer);
    }
    const Json::json_pointer where(toStd(pointer));
    if (!node || !settings.contains(where))
        return {pointer, fallback};
    return {pointer, describeAt(settings.at(where), *node, fallback)};
}

Error settingsError(const QString& file, const QString& path, const QString& what)
{
    return Error::make(QStringLiteral("%1: at %2: %3").arg(file, path, what),
                       QStringLiteral("invalid_workspace"));
}
// Writes "id" into workspace.json right after its opening brace, leaving the rest of the user's
// text (order, comments-free formatting) as it was.
Status addId(const WorkspaceFiles& files, const Json& parsed, const QString& id)
{
    auto read = files.read(kSettingsFile, Workspace::kSettingsMaxBytes);
    if (!read)
        return read.error();
    QByteArray text = std::move(read).value();
    const qsizetype brace = text.indexOf('{');
    if (brace < 0)
        return Error::make(QStringLiteral("%1 is not a JSON object").arg(kSettingsFile));
    const QByteArray member = "\"id\": \"" + id.toLatin1() + "\"";
    text.insert(brace + 1, parsed.empty() ? "\n  " + member + "\n" : "\n  " + member + ",");
    if (Status s = files.write(kSettingsFile, text); !s)
        return Error::make(QStringLiteral("cannot add an id to %1/%2: %3")
                               .arg(files.root(), kSettingsFile, s.errorMessage()),
                           s.error().code);
    return {};
}
} // namespace

Result<WorkspaceSettings> parseWorkspaceSettings(const Json& json, const QString& file,
                                                 const QString& root)
{
    if (!json.is_object())
        return settingsError(file, QStringLiteral("/"), QStringLiteral("expected a JSON object"));
    const auto version = json.find("schema_version");
    if (version == json.end() || !version->is_number_integer())
        return settingsError(file, QStringLiteral("/schema_version"),
                             QStringLiteral("missing or not an integer"));
    if (version->get<int>() > Workspace::kSchemaVersion)
        return settingsError(
            file, QStringLiteral("/schema_version"),
            QStringLiteral("version %1 is newer than this program understands (%2); "
                           "update Agent Workbench")
                .arg(version->get<int>())
                .arg(Workspace::kSchemaVersion));
    if (const auto smtp = json.find("smtp");
        smtp != json.end() && smtp->is_object() && smtp->contains("password"))
        return settingsError(file, QStringLiteral("/smtp/password"),
                             QStringLiteral("passwords do not belong in workspace files; store "
                                            "it in the keychain (awb keys set smtp)"));
    WorkspaceSettings s;
    s.name = jsonString(json, "name", QFileInfo(root).fileName());
    if (const auto agent = json.find("default_agent"); agent != json.end()) {
        if (!agent->is_string())
            return settingsError(file, QStringLiteral("/default_agent"),
                                 QStringLiteral("expected the name of an agent in agents/"));
        s.defaultAgent = toQ(agent->get<std::string>());
    }
    if (const auto id = json.find("id"); id != json.end()) {
        if (!id->is_string() || !Workspace::isValidId(toQ(id->get<std::string>())))
            return settingsError(file, QStringLiteral("/id"),
                                 QStringLiteral("expected 1 to 64 letters, digits, '-' or '_'"));
        s.id = toQ(id->get<std::string>());
    }

    if (const auto sources = json.find("data_sources"); sources != json.end()) {
        if (!sources->is_object())
            return settingsError(file, QStringLiteral("/data_sources"),
                                 QStringLiteral("expected an object of named data sources"));
        for (const auto& [key, value] : sources->items()) {
            const QString path = QStringLiteral("/data_sources/%1").arg(toQ(key));
            if (!value.is_object())
                return settingsError(file, path, QStringLiteral("expected an object"));
            DataSourceConfig ds;
            ds.name = toQ(key);
            ds.type = jsonString(value, "type");
            for (const char* field : {"path", "url"}) {
                if (value.contains(field) && !value[field].is_string())
                    return settingsError(
                        file, path + QStringLiteral("/%1").arg(QLatin1String(field)),
                        QStringLiteral("expected a string, got %1").arg(typeName(value[field])));
            }
            if (ds.type == QLatin1String("sqlite")) {
                const QString rel = jsonString(value, "path");
                if (rel.isEmpty())
                    return settingsError(file, path + QStringLiteral("/path"),
                                         QStringLiteral("a sqlite data source needs a path"));
                ds.path = QFileInfo(rel).isAbsolute() ? rel : QDir(root).filePath(rel);
            } else if (ds.type == QLatin1String("postgresql")) {
                ds.url = jsonString(value, "url");
                if (ds.url.isEmpty())
                    return settingsError(file, path + QStringLiteral("/url"),
                                         QStringLiteral("a postgresql data source needs a url"));
            } else {
                return settingsError(file, path + QStringLiteral("/type"),
                                     QStringLiteral("unknown type \"%1\" (expected \"sqlite\" or "
                                                    "\"postgresql\")")
                                         .arg(ds.type));
            }
            s.dataSources.emplace(ds.name, ds);
        }
    }
    if (const auto sql = json.find("sql"); sql != json.end() && sql->is_object()) {
        // Checked here: nlohmann's value() would throw on a string such as "100".
        for (auto [key, target] :
             {std::pair{"row_limit", &s.sql.rowLimit}, std::pair{"timeout_ms", &s.sql.timeoutMs},
              std::pair{"model_rows", &s.sql.modelRows}}) {
            const auto it = sql->find(key);
            if (it == sql->end())
                continue;
            if (!it->is_number_integer() || it->get<std::int64_t>() < 1 ||
                it->get<std::int64_t>() > 100'000'000)
                return settingsError(file, QStringLiteral("/sql/%1").arg(QLatin1String(key)),
                                     QStringLiteral("expected a positive integer"));
            *target = int(it->get<std::int64_t>());
        }
    }
    if (const auto smtp = json.find("smtp"); smtp != json.end() && smtp->is_object()) {
        s.smtp.url = jsonString(*smtp, "url");
        s.smtp.from = jsonString(*smtp, "from");
        s.smtp.username = jsonString(*smtp, "username");
        s.smtp.caFile = jsonString(*smtp, "ca_file");
    }
    if (const auto red = json.find("redaction"); red != json.end() && red->is_object()) {
        const Json pats = red->value("patterns", Json::array());
        for (std::size_t i = 0; pats.is_array() && i < pats.size(); ++i) {
            if (!pats[i].is_string())
                continue; // the schema below names it
            const QString pattern = toQ(pats[i].get<std::string>());
            const QRegularExpression re(pattern);
            if (!re.isValid())
                return settingsError(
                    file, QStringLiteral("/redaction/patterns/%1").arg(i),
                    QStringLiteral("\"%1\" is not a valid regular expression (%2 at offset %3); "
                                   "redaction refuses to run without it")
                        .arg(pattern, re.errorString())
                        .arg(re.patternErrorOffset()));
            s.redactPatterns << pattern;
        }
    }
    // Every field against the schema, after the checks above that say more about their fields:
    // a wrong type must never switch a protection off silently.
    const SettingsSchema& schema = settingsSchema();
    if (!schema.validator)
        return Error::make(
            QStringLiteral("%1: the schema of workspace.json built into this program "
                           "does not load; reinstall Agent Workbench")
                .arg(file),
            QStringLiteral("invalid_workspace"));
    if (auto violations = schema.validator->validate(json); !violations.empty()) {
        // The deepest path says most; its parents only repeat that something below failed.
        std::stable_sort(violations.begin(), violations.end(), [](const auto& a, const auto& b) {
            return a.path.count(QLatin1Char('/')) > b.path.count(QLatin1Char('/'));
        });
        const SchemaViolation& first = violations.front();
        const auto [where, what] = describeViolation(json, schema.json, first.path, first.message);
        return settingsError(file, where.isEmpty() ? QStringLiteral("/") : where, what);
    }
    return s;
}

QString Workspace::pathDerivedId(const QString& root)
{
    const QString path = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    const QByteArray digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(16));
}

bool Workspace::isValidId(const QString& id)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return valid.match(id).hasMatch();
}

QString Workspace::idFor(const QString& root)
{
    if (auto files = WorkspaceFiles::open(root)) {
        if (auto text = files->read(kSettingsFile, kSettingsMaxBytes)) {
            if (auto json = parseJson(*text); json && json->is_object()) {
                if (const auto id = json->find("id");
                    id != json->end() && id->is_string() && isValidId(toQ(id->get<std::string>())))
                    return toQ(id->get<std::string>());
            }
        }
    }
    return pathDerivedId(root);
}

Result<Workspace> Workspace::open(const QString& dir)
{
    // Cleaned so that "ws/" and "ws/." give the same root; resolve() compares prefixes.
    const QString root = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QString file = QDir(root).filePath(kSettingsFile);
    const Error missing = Error::make(
        QStringLiteral("%1 is not a workspace: %2 is missing (create one with `awb demo init %1`)")
            .arg(dir, kSettingsFile),
        QStringLiteral("not_a_workspace"));
    auto files = WorkspaceFiles::open(root);
    if (!files)
        return files.error().code == QLatin1String("not_found") ? missing : files.error();
    auto text = files->read(kSettingsFile, kSettingsMaxBytes);
    if (!text) {
        if (text.error().code == QLatin1String("not_found"))
            return missing;
        return Error::make(
            QStringLiteral("cannot open the workspace %1: %2").arg(root, text.errorMessage()),
            text.error().code);
    }
    auto json = parseJson(*text);
    if (!json)
        return Error::make(QStringLiteral("%1: %2").arg(file, json.errorMessage()),
                           QStringLiteral("invalid_workspace"));
    auto settings = parseWorkspaceSettings(*json, file, root);
    if (!settings)
        return settings.error();
    if (settings->id.isEmpty()) {
        settings->id = pathDerivedId(root);
        if (Status s = addId(*files, *json, settings->id); !s)
            qCWarning(lcStore).noquote()
                << s.errorMessage() << "(the workspace keeps its path-derived id)";
    }
    Workspace ws;
    ws.m_root = root;
    ws.m_files = std::move(files).value();
    ws.m_settings = std::move(settings).value();
    if (!QDir().mkpath(ws.stateDir()))
        return Error::make(QStringLiteral("cannot create %1").arg(ws.stateDir()));
    return ws;
}

Result<Workspace> Workspace::create(const QString& dir, const QString& name)
{
    const QString root = QFileInfo(dir).absoluteFilePath();
    for (const char* sub : {"agents", "data", "reports", "outbox", ".awb"}) {
        if (!QDir().mkpath(QDir(root).filePath(QLatin1String(sub))))
            return Error::make(QStringLiteral("cannot create %1/%2").arg(root, QLatin1String(sub)));
    }
    const QString file = QDir(root).filePath(kSettingsFile);
    if (!QFile::exists(file)) {
        // A new id for a new workspace: one made again at the same path is another workspace
        // (its own audit key and anchor), not the old one's continuation.
        Json j = {{"schema_version", kSchemaVersion},
                  {"id", toStd(QUuid::createUuid().toString(QUuid::Id128))},
                  {"name", toStd(name)},
                  {"data_sources", Json::object()}};
        auto files = WorkspaceFiles::open(root);
        if (!files)
            return files.error();
        if (Status s = files->write(kSettingsFile, QByteArray::fromStdString(j.dump(2) + "\n")); !s)
            return Error::make(
                QStringLiteral("cannot create the workspace %1: %2").arg(root, s.errorMessage()),
                s.error().code);
    }
    return open(root);
}

Result<QString> Workspace::resolve(const QString& relative) const
{
    auto rel = WorkspaceFiles::relativePath(m_root, relative);
    if (!rel)
        return rel.error();
    return rel->isEmpty() ? m_root : m_root + QLatin1Char('/') + *rel;
}

Result<DataSourceConfig> Workspace::dataSource(const QString& name) const
{
    if (m_settings.dataSources.empty())
        return Error::make(
            QStringLiteral("the workspace has no data sources (data_sources in %1/%2)")
                .arg(m_root, kSettingsFile),
            QStringLiteral("unknown_source"));
    const auto it =
        name.isEmpty() ? m_settings.dataSources.begin() : m_settings.dataSources.find(name);
    if (it == m_settings.dataSources.end()) {
        QStringList names;
        for (const auto& [n, _] : m_settings.dataSources)
            names << n;
        return Error::make(QStringLiteral("unknown data source \"%1\" (known: %2)")
                               .arg(name, names.join(QStringLiteral(", "))),
                           QStringLiteral("unknown_source"));
    }
    // A data source is opened by SQLite at its path, links followed: it must not be the store
    // (the journal, results and audit trail), whatever name or link leads there.
    if (it->second.type == QLatin1String("sqlite") && isStoreFile(it->second.path))
        return Error::make(QStringLiteral("data source \"%1\" (%2) is the workspace's own store in "
                                          ".awb/, which no tool may read; point it at a ledger "
                                          "database in data_sources of %3/%4")
                               .arg(it->first, it->second.path, m_root, kSettingsFile),
                           QStringLiteral("store_path_refused"));
    return it->second;
}

bool Workspace::isStoreFile(const QString& path) const
{
    struct stat target = {};
    if (::stat(QFile::encodeName(path).constData(), &target) != 0)
        return false; // nothing there (SQLite's own error follows)
    for (const char* name :
         {".awb", ".awb/workspace.db", ".awb/workspace.db-wal", ".awb/workspace.db-shm"}) {
        struct stat store = {};
        const QByteArray storePath = QFile::encodeName(QDir(m_root).filePath(QLatin1String(name)));
        if (::stat(storePath.constData(), &store) == 0 && store.st_dev == target.st_dev &&
            store.st_ino == target.st_ino)
            return true;
    }
    const QString real = QFileInfo(path).canonicalFilePath();
    const QString store = QFileInfo(stateDir()).canonicalFilePath();
    return !real.isEmpty() && !store.isEmpty() && real.startsWith(store + QLatin1Char('/'));
}

SmtpSettings Workspace::effectiveSmtp() const
{
    SmtpSettings s = m_settings.smtp;
    const QString env = qEnvironmentVariable("AWB_SMTP_URL");
    if (!env.isEmpty())
        s.url = env;
    if (s.from.isEmpty())
        s.from = QStringLiteral("agent-workbench@localhost");
    return s;
}

} // namespace awb
