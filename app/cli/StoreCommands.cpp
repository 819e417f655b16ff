// `awb store check`: what is wrong with a workspace's store, read-only, so that a damaged one is
// diagnosed before anything writes to it again (docs/store-recovery.md says how to salvage it).

#include <algorithm>

#include "Arguments.h"
#include "Commands.h"
#include "Terminal.h"
#include <QDir>

#include "engine/RunLock.h"
#include "store/Salvage.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

namespace awb::cli {

namespace {

int fail(const QString& message, int code = ExitUsage)
{
    printErr(QStringLiteral("awb: %1").arg(message));
    return code;
}

struct TableCheck
{
    QString table;
    std::int64_t rows = -1; // -1: could not be read
    QString error;
};

// `awb store check|salvage --workspace DIR [--json]`: the workspace, opened without its store.
struct StoreArguments
{
    Workspace workspace;
    bool json = false;
};

Result<StoreArguments> openStoreWorkspace(const QStringList& args)
{
    auto a = Arguments::parse(args, {QStringLiteral("workspace")}, {QStringLiteral("json")});
    if (!a)
        return a.error();
    const QString dir = a->value(QStringLiteral("workspace"));
    if (dir.isEmpty())
        return Error::make(QStringLiteral("--workspace DIR is required"), QStringLiteral("usage"));
    auto ws = Workspace::open(dir);
    if (!ws)
        return ws.error();
    return StoreArguments{std::move(ws).value(), a->has(QStringLiteral("json"))};
}

} // namespace

int storeCheck(const QStringList& args)
{
    auto opened = openStoreWorkspace(args);
    if (!opened)
        return fail(opened.errorMessage());
    const bool json = opened->json;
    const Workspace* ws = &opened->workspace;
    const QString path = ws->databasePath();
    auto db = sql::Database::open(path, sql::OpenMode::ReadOnly);
    if (!db)
        return fail(
            QStringLiteral("%1 %2").arg(db.errorMessage(), sql::adviceFor(db.error(), path)),
            ExitFailed);

    // The full integrity check (not the quick one a session runs at open): indexes too.
    QStringList problems;
    QString checkError;
    if (auto st = db->prepare(QStringLiteral("PRAGMA integrity_check(50)")); !st) {
        checkError = st.errorMessage();
    } else {
        while (st->step()) {
            const QString line = st->text(0);
            if (line != QLatin1String("ok"))
                problems << line;
        }
        if (st->error())
            checkError = st->error()->message;
    }

    std::vector<TableCheck> tables;
    for (const char* table :
         {"runs", "events", "tool_results", "effects", "audit", "prompt_versions", "store_meta"}) {
        TableCheck t;
        t.table = QString::fromLatin1(table);
        auto count = db->queryInt(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t.table));
        if (count)
            t.rows = *count;
        else
            t.error = count.errorMessage();
        tables.push_back(t);
    }
    // Events whose payload no longer parses cannot be replayed into a run's state.
    std::int64_t unreadableEvents = 0;
    if (auto st = db->prepare(QStringLiteral("SELECT data FROM events")); st) {
        while (st->step()) {
            if (!parseJson(st->textUtf8(0)))
                ++unreadableEvents;
        }
        if (st->error() && checkError.isEmpty())
            checkError = st->error()->message;
    }

    const bool healthy = problems.isEmpty() && checkError.isEmpty() && unreadableEvents == 0 &&
                         std::all_of(tables.begin(), tables.end(), [](const TableCheck& t) {
                             return t.error.isEmpty() || t.table == QLatin1String("store_meta");
                         });
    if (json) {
        Json list = Json::array();
        for (const TableCheck& t : tables)
            list.push_back({{"table", toStd(t.table)},
                            {"rows", t.rows < 0 ? Json() : Json(t.rows)},
                            {"error", t.error.isEmpty() ? Json() : Json(toStd(t.error))}});
        Json problemList = Json::array();
        for (const QString& p : problems)
            problemList.push_back(toStd(p));
        printOut(toQ(Json{{"ok", healthy},
                          {"database", toStd(path)},
                          {"integrity_problems", problemList},
                          {"check_error", checkError.isEmpty() ? Json() : Json(toStd(checkError))},
                          {"unreadable_events", unreadableEvents},
                          {"tables", list}}
                         .dump(2)) +
                 QLatin1Char('\n'));
        return healthy ? ExitOk : ExitFailed;
    }
    printOut(QStringLiteral("store %1\n").arg(path));
    for (const TableCheck& t : tables) {
        if (t.error.isEmpty())
            printOut(QStringLiteral("  %1 %2 rows\n").arg(t.table.leftJustified(16)).arg(t.rows));
        else
            printOut(
                QStringLiteral("  %1 unreadable: %2\n").arg(t.table.leftJustified(16), t.error));
    }
    if (healthy) {
        printOut(QStringLiteral("integrity check: ok\n"));
        return ExitOk;
    }
    printOut(QStringLiteral("integrity check: DAMAGED\n"));
    for (const QString& p : problems)
        printOut(QStringLiteral("  %1\n").arg(p));
    if (!checkError.isEmpty())
        printOut(QStringLiteral("  %1\n").arg(checkError));
    if (unreadableEvents > 0)
        printOut(QStringLiteral("  %1 events have a payload that is not valid JSON\n")
                     .arg(unreadableEvents));
    printOut(
        QStringLiteral(
            "Stop running agents in this workspace, then salvage what can be read into a new store "
            "with `awb store salvage --workspace %1` (docs/store-recovery.md); `awb audit verify` "
            "then shows which audit entries were lost.\n")
            .arg(ws->root()));
    return ExitFailed;
}

int storeSalvage(const QStringList& args)
{
    auto opened = openStoreWorkspace(args);
    if (!opened)
        return fail(opened.errorMessage());
    const bool json = opened->json;
    const Workspace* ws = &opened->workspace;
    // A run executing elsewhere would go on writing to the file that is moved aside.
    const QDir locks(ws->stateDir() + QStringLiteral("/locks"));
    for (const QString& lock : locks.entryList({QStringLiteral("*.lock")}, QDir::Files)) {
        const QString runId = lock.chopped(5);
        if (RunLock::isHeld(ws->stateDir(), runId))
            return fail(QStringLiteral("run %1 is executing in this workspace; stop it (and close "
                                       "the workbench) before salvaging the store")
                            .arg(runId),
                        ExitFailed);
    }
    auto report = store::salvageDatabase(ws->databasePath());
    if (!report)
        return fail(report.errorMessage(), exitCodeFor(report.error()));
    bool lost = false;
    Json tables = Json::array();
    for (const store::SalvagedTable& t : report->tables) {
        lost = lost || t.damaged;
        tables.push_back({{"table", toStd(t.table)},
                          {"rows", t.rows},
                          {"damaged", t.damaged},
                          {"error", t.error.isEmpty() ? Json() : Json(toStd(t.error))}});
    }
    if (json) {
        printOut(
            toQ(Json{{"kept_at", toStd(report->keptAt)}, {"tables", tables}, {"rows_lost", lost}}
                    .dump(2)) +
            QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("salvaged %1\n").arg(ws->databasePath()));
        for (const store::SalvagedTable& t : report->tables)
            printOut(QStringLiteral("  %1 %2 rows%3\n")
                         .arg(t.table.leftJustified(16))
                         .arg(t.rows)
                         .arg(t.damaged ? QStringLiteral(" (damaged: rows between the readable "
                                                         "ends are lost; %1)")
                                              .arg(t.error)
                                        : QString()));
        printOut(QStringLiteral("the damaged database is kept at %1\n").arg(report->keptAt));
    }
    printErr(
        QStringLiteral("awb: next, `awb audit verify --workspace %1` shows which audit entries "
                       "were lost; `awb runs list` the runs that are left")
            .arg(ws->root()));
    return ExitOk;
}

} // namespace awb::cli
