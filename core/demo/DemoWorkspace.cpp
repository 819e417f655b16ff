#include "demo/DemoWorkspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "demo/DemoAgent.h"
#include "demo/DemoData.h"
#include "demo/DemoFiles.h"
#include "store/Workspace.h"

namespace awb::demo {

namespace {

const QString kName = QStringLiteral("Q3 2026 finance demo");
const QString kLedgerFile = QStringLiteral("data/ledger.sqlite");
const QString kCrmFile = QStringLiteral("data/crm_bookings_q3.csv");

Json workspaceSettings(const QString& root)
{
    return {
        {"schema_version", 1},
        {"id", toStd(Workspace::pathDerivedId(root))}, // what the audit key was made under
        {"name", toStd(kName)},
        {"default_agent", "q3-reconciliation"}, // not add-bench, which sorts first
        {"data_sources", {{"ledger", {{"type", "sqlite"}, {"path", toStd(kLedgerFile)}}}}},
        {"sql", {{"row_limit", 10000}, {"timeout_ms", 10000}, {"model_rows", 20}}},
        {"smtp", {{"url", ""}, {"from", "agent-workbench@finance.example"}}},
        {"redaction", {{"patterns", {R"(\b\d{3}-\d{2}-\d{4}\b)"}}}},
    };
}

QStringList demoFiles()
{
    return {QStringLiteral("workspace.json"),
            kLedgerFile,
            kCrmFile,
            QStringLiteral("agents/") + QLatin1String(kDemoAgentFile),
            QStringLiteral("agents/") + QLatin1String(kDemoScriptFile),
            QStringLiteral("agents/") + QLatin1String(kBenchAgentFile),
            QStringLiteral("agents/") + QLatin1String(kBenchScriptFile)};
}

Status checkTarget(const QString& dir, const QString& root)
{
    const QFileInfo info(root);
    if (info.exists() && !info.isDir())
        return Error::make(
            QStringLiteral("cannot create the demo workspace: %1 exists and is not a folder")
                .arg(dir),
            QStringLiteral("already_exists"));
    if (QFile::exists(QDir(root).filePath(QStringLiteral("workspace.json"))))
        return Error::make(
            QStringLiteral("%1 is already a workspace; the demo does not overwrite existing data. "
                           "Choose an empty or new folder, e.g. `awb demo init %1-demo`.")
                .arg(dir),
            QStringLiteral("already_exists"));
    for (const QString& file : demoFiles()) {
        if (QFileInfo::exists(QDir(root).filePath(file)))
            return Error::make(
                QStringLiteral("cannot create the demo workspace in %1: %2 already exists and "
                               "would be overwritten. Move it away or choose an empty folder.")
                    .arg(dir, file),
                QStringLiteral("already_exists"));
    }
    return {};
}

Status writeJson(const QString& path, const Json& value)
{
    QSaveFile file(path);
    const QByteArray text = QByteArray::fromStdString(value.dump(2) + "\n");
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Error::make(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()),
                           QStringLiteral("io"));
    return {};
}

Status writeAll(const QString& root, const DemoData& data)
{
    const QDir dir(root);
    if (Status s =
            writeJson(dir.filePath(QStringLiteral("workspace.json")), workspaceSettings(root));
        !s)
        return s;
    if (Status s = writeLedger(data, dir.filePath(kLedgerFile)); !s)
        return s;
    if (Status s = writeCrmExport(data, dir.filePath(kCrmFile)); !s)
        return s;
    if (Status s =
            writeJson(dir.filePath(QStringLiteral("agents/") + QLatin1String(kDemoAgentFile)),
                      demoAgentDefinition());
        !s)
        return s;
    if (Status s =
            writeJson(dir.filePath(QStringLiteral("agents/") + QLatin1String(kDemoScriptFile)),
                      demoAgentScript());
        !s)
        return s;
    if (Status s =
            writeJson(dir.filePath(QStringLiteral("agents/") + QLatin1String(kBenchAgentFile)),
                      benchAgentDefinition());
        !s)
        return s;
    return writeJson(dir.filePath(QStringLiteral("agents/") + QLatin1String(kBenchScriptFile)),
                     benchAgentScript());
}

DemoSummary summarize(const QString& root, const DemoData& data)
{
    DemoSummary s;
    s.root = root;
    s.accounts = int(data.accounts.size());
    s.customers = int(data.customers.size());
    s.fxRates = int(data.rates.size()) * int(data.firstDay.daysTo(data.lastDay) + 1);
    for (const auto& doc : data.documents)
        ++(doc.kind == DocumentKind::Invoice ? s.invoices : s.creditNotes);
    s.journalLines = 2 * int(data.documents.size());
    s.crmDeals = int(data.deals.size());
    s.plantedAnomalies = int(data.anomalies.size());
    return s;
}

} // namespace

Result<DemoSummary> createDemoWorkspace(const QString& dir)
{
    if (dir.trimmed().isEmpty())
        return Error::make(
            QStringLiteral("no folder given for the demo workspace (usage: awb demo init DIR)"),
            QStringLiteral("invalid_arguments"));
    const QString root = QFileInfo(dir).absoluteFilePath();
    if (Status s = checkTarget(dir, root); !s)
        return s.error();

    // Generate first: nothing is written unless the data is complete.
    auto data = generateDemoData();
    if (!data)
        return data.error();
    auto created = Workspace::create(root, kName);
    if (!created)
        return created.error();
    if (Status s = writeAll(root, *data); !s) {
        // checkTarget() proved none of these existed: remove what this call wrote.
        for (const QString& file : demoFiles())
            QFile::remove(QDir(root).filePath(file));
        return s.error();
    }
    auto opened = Workspace::open(root);
    if (!opened)
        return opened.error();
    return summarize(root, *data);
}

} // namespace awb::demo
