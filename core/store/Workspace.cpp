#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "util/Log.h"

namespace awb {

namespace {
const QString kSettingsFile = QStringLiteral("workspace.json");

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
        if (smtp->contains("password"))
            return settingsError(file, QStringLiteral("/smtp/password"),
                                 QStringLiteral("passwords do not belong in workspace files; store "
                                                "it in the keychain (awb keys set smtp)"));
    }
    if (const auto red = json.find("redaction"); red != json.end() && red->is_object()) {
        if (const auto pats = red->find("patterns"); pats != red->end() && pats->is_array()) {
            for (const auto& p : *pats) {
                if (p.is_string())
                    s.redactPatterns << toQ(p.get<std::string>());
            }
        }
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
        Json j = {{"schema_version", kSchemaVersion},
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
    if (name.isEmpty())
        return m_settings.dataSources.begin()->second;
    const auto it = m_settings.dataSources.find(name);
    if (it == m_settings.dataSources.end()) {
        QStringList names;
        for (const auto& [n, _] : m_settings.dataSources)
            names << n;
        return Error::make(QStringLiteral("unknown data source \"%1\" (known: %2)")
                               .arg(name, names.join(QStringLiteral(", "))),
                           QStringLiteral("unknown_source"));
    }
    return it->second;
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
