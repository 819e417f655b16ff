#include "agent/PromptVersions.h"

#include <QCryptographicHash>

#include "agent/AgentDefinition.h"
#include "store/Migrations.h"
#include "store/Sqlite.h"
#include "store/WorkspaceFiles.h"
#include "util/Json.h"

namespace awb {

namespace {
const QString kColumns =
    QStringLiteral("agent, version, name, created_at, author, instructions, sha256");

PromptVersion rowToVersion(const sql::Statement& q)
{
    PromptVersion v;
    v.agent = q.text(0);
    v.version = int(q.int64(1));
    v.name = q.text(2);
    v.createdAt = QDateTime::fromString(q.text(3), Qt::ISODateWithMs).toUTC();
    v.author = q.text(4);
    v.instructions = q.text(5);
    v.sha256 = q.text(6);
    return v;
}

// Replaces the "instructions" field of the agent file, keeping every other field; the new file
// must still load as an agent before it replaces the old one. Read and written beneath the
// workspace folder: a link there (to a file outside, say) is refused, never written through.
Status writeInstructions(const QString& root, const QString& path, const QString& instructions)
{
    auto files = WorkspaceFiles::open(root);
    if (!files)
        return files.error();
    if (!files->contains(path))
        return Error::make(QStringLiteral("%1 is outside the workspace %2: prompt versions are "
                                          "saved only for the workspace's own agents")
                               .arg(path, root),
                           QStringLiteral("path_outside_workspace"));
    auto text = files->read(path, AgentDefinition::kMaxFileBytes);
    if (!text)
        return Error::make(
            QStringLiteral("cannot read the agent file: %1").arg(text.errorMessage()),
            text.error().code);
    auto json = parseJson(*text);
    if (!json)
        return Error::make(QStringLiteral("%1: %2").arg(path, json.errorMessage()));
    if (!json->is_object())
        return Error::make(QStringLiteral("%1: expected a JSON object").arg(path));
    (*json)["instructions"] = toStd(instructions);
    const QByteArray bytes = QByteArray::fromStdString(json->dump(2)) + '\n';
    if (auto check = AgentDefinition::parse(bytes, path); !check)
        return check.error();
    if (Status s = files->write(path, bytes); !s)
        return Error::make(QStringLiteral("cannot write the agent file: %1").arg(s.errorMessage()),
                           s.error().code);
    return {};
}
} // namespace

PromptVersions::PromptVersions(QString workspaceRoot, QString databasePath)
    : m_root(std::move(workspaceRoot)), m_dbPath(std::move(databasePath))
{
}

QString PromptVersions::instructionsHash(const QString& instructions)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(instructions.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<std::vector<PromptVersion>> PromptVersions::list(const QString& agent) const
{
    auto db = store::openWorkspaceDatabase(m_dbPath);
    if (!db)
        return db.error();
    auto q = db->prepare(
        QStringLiteral("SELECT %1 FROM prompt_versions WHERE agent = ?1 ORDER BY version")
            .arg(kColumns));
    if (!q)
        return q.error();
    q->bind(1, agent);
    std::vector<PromptVersion> out;
    while (q->step())
        out.push_back(rowToVersion(*q));
    if (q->error())
        return *q->error();
    return out;
}

Result<PromptVersion> PromptVersions::get(const QString& agent, int version) const
{
    auto db = store::openWorkspaceDatabase(m_dbPath);
    if (!db)
        return db.error();
    auto q = db->prepare(
        QStringLiteral("SELECT %1 FROM prompt_versions WHERE agent = ?1 AND version = ?2")
            .arg(kColumns));
    if (!q)
        return q.error();
    q->bind(1, agent).bind(2, version);
    if (q->step())
        return rowToVersion(*q);
    if (q->error())
        return *q->error();
    return Error::make(QStringLiteral("agent %1 has no prompt version %2").arg(agent).arg(version),
                       QStringLiteral("not_found"));
}

Result<PromptVersion> PromptVersions::save(const QString& agent, const QString& name,
                                           const QString& instructions, const QString& author) const
{
    if (name.trimmed().isEmpty())
        return Error::make(QStringLiteral("give the version a name"), QStringLiteral("usage"));
    if (instructions.trimmed().isEmpty())
        return Error::make(QStringLiteral("the instructions must not be empty"),
                           QStringLiteral("usage"));
    auto file = findAgentFile(m_root, agent);
    if (!file)
        return file.error();
    auto db = store::openWorkspaceDatabase(m_dbPath);
    if (!db)
        return db.error();
    sql::Transaction tx(*db);
    if (!tx.beginStatus().ok())
        return tx.beginStatus().error();
    auto last = db->prepare(
        QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM prompt_versions WHERE agent = ?1"));
    if (!last)
        return last.error();
    last->bind(1, agent);
    if (!last->step())
        return last->error() ? *last->error()
                             : Error::make(QStringLiteral("cannot read prompt versions"));
    PromptVersion v;
    v.agent = agent;
    v.version = int(last->int64(0)) + 1;
    last->reset();
    v.name = name.trimmed();
    v.createdAt = QDateTime::currentDateTimeUtc();
    v.author = author;
    v.instructions = instructions;
    v.sha256 = instructionsHash(instructions);
    auto insert = db->prepare(
        QStringLiteral("INSERT INTO prompt_versions(%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .arg(kColumns));
    if (!insert)
        return insert.error();
    insert->bind(1, v.agent)
        .bind(2, v.version)
        .bind(3, v.name)
        .bind(4, v.createdAt.toString(Qt::ISODateWithMs))
        .bind(5, v.author)
        .bind(6, v.instructions)
        .bind(7, v.sha256);
    if (Status s = insert->exec(); !s.ok())
        return s.error();
    // The file is written last inside the transaction: a failed write leaves no version behind.
    if (Status s = writeInstructions(m_root, *file, instructions); !s.ok())
        return s.error();
    if (Status s = tx.commit(); !s.ok())
        return s.error();
    return v;
}

Result<int> PromptVersions::versionOf(const QString& agent, const QString& instructionsSha256) const
{
    auto db = store::openWorkspaceDatabase(m_dbPath);
    if (!db)
        return db.error();
    // The same text saved twice: the latest version names it.
    auto q = db->prepare(QStringLiteral(
        "SELECT COALESCE(MAX(version), 0) FROM prompt_versions WHERE agent = ?1 AND sha256 = ?2"));
    if (!q)
        return q.error();
    q->bind(1, agent).bind(2, instructionsSha256);
    if (!q->step())
        return q->error() ? *q->error()
                          : Error::make(QStringLiteral("cannot read prompt versions"));
    return int(q->int64(0));
}

Result<std::vector<PromptRun>> PromptVersions::runs(const QString& agent) const
{
    auto db = store::openWorkspaceDatabase(m_dbPath);
    if (!db)
        return db.error();
    // Kind 1 is RunStarted; its payload names the agent and the instructions' hash.
    auto q = db->prepare(
        QStringLiteral("SELECT run_id, time, data FROM events WHERE kind = 1 ORDER BY time"));
    if (!q)
        return q.error();
    std::vector<PromptRun> out;
    while (q->step()) {
        auto data = parseJson(q->textUtf8(2));
        if (!data || !data->is_object() || jsonString(*data, "agent") != agent)
            continue;
        const QString sha = jsonString(*data, "instructions_sha256");
        if (sha.isEmpty())
            continue;
        out.push_back(
            {q->text(0), QDateTime::fromString(q->text(1), Qt::ISODateWithMs).toUTC(), sha});
    }
    if (q->error())
        return *q->error();
    return out;
}

} // namespace awb
