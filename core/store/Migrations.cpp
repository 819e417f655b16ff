#include "store/Migrations.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace awb::store {

namespace {
struct Migration
{
    int version;
    const char* sql;
};

// Append only. Never edit or renumber an entry.
const Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    agent TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    input TEXT NOT NULL,
    final TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    input_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    cost_micros INTEGER NOT NULL DEFAULT 0,
    prompt_version TEXT
);
CREATE INDEX runs_by_created ON runs(created_at);
CREATE TABLE events (
    run_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    time TEXT NOT NULL,
    kind INTEGER NOT NULL,
    step_id TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
CREATE TABLE tool_results (
    run_id TEXT NOT NULL,
    handle TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (run_id, handle)
) WITHOUT ROWID;
CREATE TABLE effects (
    idempotency_key TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    detail TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    run_id TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    prev TEXT NOT NULL,
    mac TEXT NOT NULL
);
CREATE INDEX audit_by_run ON audit(run_id);
)sql"},
    {2, R"sql(
CREATE TABLE prompt_versions (
    agent TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    author TEXT NOT NULL,
    instructions TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (agent, version)
);
)sql"},
    {3, R"sql(
CREATE TABLE store_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql"},
};
} // namespace

int latestSchemaVersion()
{
    return kMigrations[std::size(kMigrations) - 1].version;
}

Status migrate(sql::Database& db)
{
    auto current = db.queryInt(QStringLiteral("PRAGMA user_version"));
    if (!current)
        return current.error();
    if (*current > latestSchemaVersion())
        return Error::make(QStringLiteral("%1 has schema version %2, newer than this program "
                                          "understands (%3); update Agent Workbench")
                               .arg(db.path())
                               .arg(*current)
                               .arg(latestSchemaVersion()),
                           QStringLiteral("schema_too_new"));
    for (const Migration& m : kMigrations) {
        if (m.version <= *current)
            continue;
        sql::Transaction tx(db);
        if (!tx.beginStatus().ok())
            return tx.beginStatus();
        if (Status s = db.exec(QString::fromUtf8(m.sql)); !s.ok())
            return Error::make(
                QStringLiteral("migration %1 failed: %2").arg(m.version).arg(s.errorMessage()),
                s.error().code);
        if (Status s = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)); !s.ok())
            return s;
        if (Status s = tx.commit(); !s.ok())
            return s;
    }
    return {};
}

namespace {
// SQLite reports a WAL database on a read-only or full file system as "unable to open" (its
// shared memory file cannot be created) or as an I/O error; creating a file beside it tells which.
Error withCause(const Error& error, const QString& path)
{
    if (error.code != QLatin1String("cannot_open") && error.code != QLatin1String("io_error"))
        return error;
    const QByteArray probe = QFile::encodeName(
        QFileInfo(path).absolutePath() + QStringLiteral("/.awb-write-probe-%1").arg(::getpid()));
    const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    const int cause = fd < 0 ? errno : 0;
    if (fd >= 0) {
        ::close(fd);
        ::unlink(probe.constData());
    }
    switch (cause) {
    case EROFS:
        return Error::make(error.message, QStringLiteral("read_only"));
    case ENOSPC:
    case EDQUOT:
        return Error::make(error.message, QStringLiteral("disk_full"));
    case EACCES:
    case EPERM:
        return Error::make(error.message, QStringLiteral("permission_denied"));
    default:
        return error;
    }
}
} // namespace

Result<sql::Database> openWorkspaceDatabase(const QString& path)
{
    auto db = sql::Database::open(path, sql::OpenMode::ReadWriteCreate);
    if (!db)
        return withCause(db.error(), path);
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=ON"}) {
        auto st = db->prepare(QString::fromLatin1(pragma));
        if (!st)
            return withCause(st.error(), path);
        while (st->step()) {
        }
        if (st->error())
            return withCause(*st->error(), path);
    }
    if (Status s = migrate(*db); !s.ok())
        return withCause(s.error(), path);
    return std::move(db).value();
}

} // namespace awb::store
