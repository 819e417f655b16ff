#pragma once
// Shared fixture for the data-tool tests: a workspace in a temporary folder with one sqlite data
// source "ledger" (data/ledger.sqlite), a fake store of earlier results, and a ToolContext over
// both.

#include <QTemporaryDir>

#include <map>
#include <memory>
#include <optional>

#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "tools/Tool.h"

namespace awb::test {

// Serves stored results from a map, like the engine's result store.
class FakeResults : public ResultReader
{
public:
    std::map<QString, Json> results;
    Result<Json> load(const QString& handle) const override;
};

class ToolFixture
{
public:
    // sqlSettings goes to workspace.json's "sql" (row_limit, timeout_ms, model_rows).
    explicit ToolFixture(const Json& sqlSettings = Json::object());

    // Empty when setup worked; otherwise what failed.
    const QString& setupError() const { return m_error; }
    QString root() const { return m_dir.path(); }
    QString ledgerPath() const { return m_dir.filePath(QStringLiteral("data/ledger.sqlite")); }
    const Workspace& workspace() const { return *m_workspace; }

    // Runs SQL against the ledger with a writable connection (closed again before returning).
    Status execLedger(const QString& sql);
    // Writes a file relative to the workspace root.
    bool writeFile(const QString& relative, const QByteArray& content);

    ToolContext context();
    FakeResults results;
    std::shared_ptr<CancelFlag> cancel = std::make_shared<CancelFlag>();

private:
    QTemporaryDir m_dir;
    std::optional<Workspace> m_workspace;
    QString m_error;
};

// {"columns": [...], "rows": [...]} from an initializer, for stored results.
Json tableJson(const std::vector<std::string>& columns, const std::vector<std::vector<Json>>& rows);

} // namespace awb::test
