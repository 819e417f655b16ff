#include "inspector/JournalReader.h"

#include "engine/EffectLedger.h"
#include "store/Sqlite.h"

namespace awb::ui::journal {

namespace {

Result<RunEvent> eventFromRow(const sql::Statement& st, const QString& runId)
{
    RunEvent e;
    e.runId = runId;
    e.seq = st.int64(0);
    e.time = QDateTime::fromString(st.text(1), Qt::ISODateWithMs);
    e.kind = EventKind(st.int64(2));
    e.stepId = st.isNull(3) ? QString() : st.text(3);
    auto data = parseJson(st.textUtf8(4));
    if (!data)
        return Error::make(
            QStringLiteral("run %1, event %2: %3").arg(runId).arg(e.seq).arg(data.errorMessage()),
            QStringLiteral("corrupt_journal"));
    e.data = std::move(data).value();
    return e;
}

} // namespace

Result<std::vector<RunRow>> readRunsIndex(const QString& databasePath)
{
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadOnly);
    if (!db)
        return db.error();
    return Journal::listRuns(*db);
}

Result<std::vector<RunEvent>> readRunEvents(const QString& databasePath, const QString& runId)
{
    return Journal::readEvents(databasePath, runId);
}

Result<std::optional<RunEvent>> readStepEvent(const QString& databasePath, const QString& runId,
                                              const QString& stepId, EventKind kind)
{
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadOnly);
    if (!db)
        return db.error();
    auto st = db->prepare(QStringLiteral("SELECT seq, time, kind, step_id, data FROM events "
                                         "WHERE run_id = ? AND step_id = ? AND kind = ? "
                                         "ORDER BY seq DESC LIMIT 1"));
    if (!st)
        return st.error();
    st->bind(1, runId).bind(2, stepId).bind(3, int(kind));
    if (!st->step()) {
        if (st->error())
            return *st->error();
        return std::optional<RunEvent>();
    }
    auto e = eventFromRow(*st, runId);
    if (!e)
        return e.error();
    return std::optional<RunEvent>(std::move(e).value());
}

Result<Json> readToolResult(const QString& databasePath, const QString& runId,
                            const QString& handle)
{
    return StoredResults(databasePath, runId).load(handle);
}

} // namespace awb::ui::journal
