#include "core/tools/support/ToolFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace awb::test {

Result<Json> FakeResults::load(const QString& handle) const
{
    const auto it = results.find(handle);
    if (it == results.end())
        return Error::make(QStringLiteral("no result with handle \"%1\" in this run").arg(handle),
                           QStringLiteral("unknown_handle"));
    return it->second;
}

ToolFixture::ToolFixture(const Json& sqlSettings)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    Json settings = {
        {"schema_version", Workspace::kSchemaVersion},
        {"name", "tools-test"},
        {"data_sources", {{"ledger", {{"type", "sqlite"}, {"path", "data/ledger.sqlite"}}}}},
        {"sql", sqlSettings}};
    if (!writeFile(QStringLiteral("workspace.json"), QByteArray::fromStdString(settings.dump(2)))) {
        m_error = QStringLiteral("cannot write workspace.json");
        return;
    }
    auto ws = Workspace::create(m_dir.path(), QStringLiteral("tools-test"));
    if (!ws) {
        m_error = ws.errorMessage();
        return;
    }
    m_workspace = std::move(ws).value();
    auto db = sql::Database::open(ledgerPath(), sql::OpenMode::ReadWriteCreate);
    if (!db)
        m_error = db.errorMessage();
}

Status ToolFixture::execLedger(const QString& sql)
{
    auto db = sql::Database::open(ledgerPath(), sql::OpenMode::ReadWriteCreate);
    if (!db)
        return db.error();
    return db->exec(sql);
}

bool ToolFixture::writeFile(const QString& relative, const QByteArray& content)
{
    const QString path = m_dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

ToolContext ToolFixture::context()
{
    ToolContext ctx;
    ctx.runId = QStringLiteral("run-test");
    ctx.stepId = QStringLiteral("s1");
    ctx.workspace = m_workspace ? &*m_workspace : nullptr;
    ctx.results = &results;
    ctx.cancel = cancel;
    return ctx;
}

Json tableJson(const std::vector<std::string>& columns, const std::vector<std::vector<Json>>& rows)
{
    Json out = {{"columns", columns}, {"rows", Json::array()}};
    for (const auto& row : rows)
        out["rows"].push_back(Json(row));
    return out;
}

} // namespace awb::test
