#pragma once
// A workspace is a folder of text files (agents, scripts, data, settings in workspace.json) plus
// one SQLite database, .awb/workspace.db, holding runs, events, results and the audit trail.
// Files in it are read and written through files() (store/WorkspaceFiles.h), never by path.

#include <QDir>
#include <QString>

#include <map>

#include "store/WorkspaceFiles.h"
#include "util/Json.h"
#include "util/Result.h"

namespace awb {

struct DataSourceConfig
{
    QString name;
    QString type; // "sqlite" (read-only file) or "postgresql"
    QString path; // absolute, for sqlite
    QString url;  // connection URL, for postgresql
};

struct SqlLimits
{
    int rowLimit = 10000;  // rows a query may return before it is cut off
    int timeoutMs = 10000; // statement timeout
    int modelRows = 20;    // rows shown to the model before a result is summarised
};

struct SmtpSettings
{
    QString url;  // smtp://host:port or smtps://host:port; empty: write .eml files to the outbox
    QString from; // envelope and header sender
    QString username; // password comes from the keychain, never from the workspace
    QString caFile;   // extra CA certificate (PEM) to trust for STARTTLS, relative to the workspace
};

struct WorkspaceSettings
{
    QString id; // "id": stable across moves; names the workspace's keychain entries
    QString name;
    QString defaultAgent; // "default_agent": the agent the GUI picks first (optional)
    std::map<QString, DataSourceConfig> dataSources;
    SqlLimits sql;
    SmtpSettings smtp;
    QStringList redactPatterns; // regular expressions for PII to redact from the audit trail
};

class Workspace
{
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr qint64 kSettingsMaxBytes = 1 << 20; // workspace.json

    // Opens an existing workspace: DIR/workspace.json must exist and be valid.
    // A workspace.json without an "id" gets one (the path-derived id, so that keys already made
    // for this folder still match) written into it, so that the workspace can be moved later.
    static Result<Workspace> open(const QString& dir);
    // Creates the folder layout and a default workspace.json (with a new random id) if missing,
    // then opens it.
    static Result<Workspace> create(const QString& dir, const QString& name);

    const QString& root() const { return m_root; }
    // Every read and write of a file in the workspace goes through this (thread-safe).
    const WorkspaceFiles& files() const { return m_files; }
    const WorkspaceSettings& settings() const { return m_settings; }
    const QString& id() const { return m_settings.id; }
    // The id of the workspace at root: workspace.json's "id" when there is a valid one, else
    // pathDerivedId(root). Reads the file; does not write it.
    static QString idFor(const QString& root);
    // First 16 hex digits of SHA-256 of root's absolute, cleaned path (UTF-8): the id of a folder
    // that has none yet (and the only id before workspace.json carried one).
    static QString pathDerivedId(const QString& root);
    static bool isValidId(const QString& id); // 1 to 64 of [A-Za-z0-9_-]

    QString databasePath() const { return m_root + QStringLiteral("/.awb/workspace.db"); }
    QString stateDir() const { return m_root + QStringLiteral("/.awb"); }
    QString agentsDir() const { return m_root + QStringLiteral("/agents"); }
    QString dataDir() const { return m_root + QStringLiteral("/data"); }
    QString reportsDir() const { return m_root + QStringLiteral("/reports"); }
    QString outboxDir() const { return m_root + QStringLiteral("/outbox"); }

    // The absolute path a workspace-relative path names, cleaned, for messages and for libraries
    // that open by path (SQLite); lexical only (WorkspaceFiles::relativePath): it opens nothing
    // and says nothing about links, so open files through files(), not through this path.
    Result<QString> resolve(const QString& relative) const;
    // The named data source, or the first one when name is empty. A sqlite source whose path
    // (links followed) is the workspace's own store is refused (code "store_path_refused").
    Result<DataSourceConfig> dataSource(const QString& name = {}) const;
    // Whether path, links followed, is .awb/ or a file in it (compared by device and inode).
    bool isStoreFile(const QString& path) const;
    // SMTP settings with AWB_SMTP_URL applied over workspace.json.
    SmtpSettings effectiveSmtp() const;

private:
    QString m_root;
    WorkspaceFiles m_files;
    WorkspaceSettings m_settings;
};

// Parses workspace.json text; errors name the file and the JSON path.
Result<WorkspaceSettings> parseWorkspaceSettings(const Json& json, const QString& fileName,
                                                 const QString& root);

} // namespace awb
