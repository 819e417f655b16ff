#include "demo/DemoWorkspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QUuid>

#include "demo/DemoAgent.h"
#include "demo/DemoData.h"
#include "demo/DemoFiles.h"
#include "store/Workspace.h"
#include "util/FaultInjection.h"

namespace awb::demo {

namespace {

const QString kName = QStringLiteral("Q3 2026 finance demo");
const QString kLedgerFile = QStringLiteral("data/ledger.sqlite");
const QString kCrmFile = QStringLiteral("data/crm_bookings_q3.csv");

// In a folder that already held other files, the demo's top-level entries are moved in one by
// one; this marker lists them until the last (workspace.json) is in, so that an init killed
// halfway is cleaned up by the next one instead of blocking it.
const QString kMarkerFile = QStringLiteral(".awb-demo-init");

Json workspaceSettings(const QString& id)
{
    return {
        {"schema_version", 1},
        {"id", toStd(id)}, // new for each workspace: a folder made again at the same path is
                           // another workspace
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

Status writeAll(const QString& root, const QString& id, const DemoData& data)
{
    const QDir dir(root);
    if (Status s = writeJson(dir.filePath(QStringLiteral("workspace.json")), workspaceSettings(id));
        !s)
        return s;
    if (Status s = writeLedger(data, dir.filePath(kLedgerFile)); !s)
        return s;
    fault::crashPoint("demo.writing");
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

namespace {

// Removes what an init killed while moving entries into root left there: only the entries its
// marker lists (which checkTarget() proved were not there before).
void cleanUpInterruptedInit(const QString& root)
{
    QFile marker(QDir(root).filePath(kMarkerFile));
    if (!marker.exists())
        return;
    if (QFile::exists(QDir(root).filePath(QStringLiteral("workspace.json")))) {
        marker.remove(); // the last entry was in: the workspace is complete
        return;
    }
    if (marker.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> names = marker.read(64 * 1024).split('\n');
        marker.close();
        for (const QByteArray& name : names) {
            const QString entry = QString::fromUtf8(name).trimmed();
            if (entry.isEmpty() || entry.contains(QLatin1Char('/')) || entry == QLatin1String(".."))
                continue;
            const QFileInfo info(QDir(root).filePath(entry));
            if (info.isDir() && !info.isSymLink())
                QDir(info.filePath()).removeRecursively();
            else if (info.exists() || info.isSymLink())
                QFile::remove(info.filePath());
        }
    }
    marker.remove();
}

// Leftover staging folders of inits that were killed (their lock is free now).
void removeStaleStaging(const QString& parent, const QString& prefix)
{
    const QStringList stale = QDir(parent).entryList(
        {prefix + QStringLiteral("*")}, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString& name : stale)
        QDir(QDir(parent).filePath(name)).removeRecursively();
}

bool isEmptyFolder(const QString& path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System |
                              QDir::NoDotAndDotDot);
}

// Puts the staged workspace at root: one rename when root is new or empty, else entry by entry
// with workspace.json, the entry that makes the folder a workspace, last.
Status publish(const QString& staged, const QString& root)
{
    const QFileInfo target(root);
    if (!target.exists() || (target.isDir() && isEmptyFolder(root))) {
        if (target.exists() && !QDir().rmdir(root))
            return Error::make(QStringLiteral("cannot replace the empty folder %1").arg(root),
                               QStringLiteral("io"));
        if (!QDir().rename(staged, root))
            return Error::make(
                QStringLiteral("cannot move the demo workspace into place at %1").arg(root),
                QStringLiteral("io"));
        return {};
    }
    QStringList entries = QDir(staged).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    entries.removeAll(QStringLiteral("workspace.json"));
    entries.append(QStringLiteral("workspace.json"));
    for (const QString& entry : entries) {
        if (QFileInfo::exists(QDir(root).filePath(entry)))
            return Error::make(
                QStringLiteral(
                    "cannot create the demo workspace in %1: %2 appeared there meanwhile")
                    .arg(root, entry),
                QStringLiteral("already_exists"));
    }
    QSaveFile marker(QDir(root).filePath(kMarkerFile));
    const QByteArray list = entries.join(QLatin1Char('\n')).toUtf8() + '\n';
    if (!marker.open(QIODevice::WriteOnly) || marker.write(list) != list.size() || !marker.commit())
        return Error::make(
            QStringLiteral("cannot write %1: %2").arg(marker.fileName(), marker.errorString()),
            QStringLiteral("io"));
    for (const QString& entry : entries) {
        fault::crashPoint("demo.publishing");
        if (!QDir().rename(QDir(staged).filePath(entry), QDir(root).filePath(entry)))
            return Error::make(QStringLiteral("cannot move %1 into %2").arg(entry, root),
                               QStringLiteral("io"));
    }
    QFile::remove(QDir(root).filePath(kMarkerFile));
    return {};
}

} // namespace

Result<DemoSummary> createDemoWorkspace(const QString& dir, const BeforePublish& beforePublish)
{
    if (dir.trimmed().isEmpty())
        return Error::make(
            QStringLiteral("no folder given for the demo workspace (usage: awb demo init DIR)"),
            QStringLiteral("invalid_arguments"));
    const QString root = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QFileInfo rootInfo(root);
    const QString parent = rootInfo.absolutePath();
    if (!QDir(parent).exists())
        return Error::make(
            QStringLiteral("cannot create the demo workspace %1: the folder %2 does not exist")
                .arg(dir, parent),
            QStringLiteral("invalid_arguments"));

    // One init of a folder at a time; a lock left by a killed init is stale and taken over.
    const QString stagingPrefix = QStringLiteral(".%1.awb-init-").arg(rootInfo.fileName());
    QLockFile lock(
        QDir(parent).filePath(QStringLiteral(".%1.awb-init.lock").arg(rootInfo.fileName())));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(10000))
        return Error::make(QStringLiteral("another `awb demo init %1` is running").arg(dir),
                           QStringLiteral("already_exists"));
    removeStaleStaging(parent, stagingPrefix);
    if (rootInfo.isDir())
        cleanUpInterruptedInit(root);
    if (Status s = checkTarget(dir, root); !s)
        return s.error();

    // Generate first: nothing is written unless the data is complete.
    auto data = generateDemoData();
    if (!data)
        return data.error();
    // Built beside the target and moved into place: a killed init leaves no half-made workspace.
    QTemporaryDir staging(QDir(parent).filePath(stagingPrefix + QStringLiteral("XXXXXX")));
    if (!staging.isValid())
        return Error::make(QStringLiteral("cannot create a staging folder in %1: %2")
                               .arg(parent, staging.errorString()),
                           QStringLiteral("io"));
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    for (const char* sub : {"agents", "data", "reports", "outbox", ".awb"}) {
        if (!QDir().mkpath(QDir(staging.path()).filePath(QLatin1String(sub))))
            return Error::make(
                QStringLiteral("cannot create %1/%2").arg(staging.path(), QLatin1String(sub)),
                QStringLiteral("io"));
    }
    if (Status s = writeAll(staging.path(), id, *data); !s)
        return s.error();
    if (beforePublish) {
        if (Status s = beforePublish(staging.path(), root); !s)
            return s.error();
    }
    fault::crashPoint("demo.before_publish");
    if (Status s = publish(staging.path(), root); !s)
        return s.error();
    staging.setAutoRemove(false); // it is the workspace now (or empty)
    QDir().rmdir(staging.path());
    auto opened = Workspace::open(root);
    if (!opened)
        return opened.error();
    return summarize(root, *data);
}

} // namespace awb::demo
