#include "engine/EffectLedger.h"

#include <QDateTime>

namespace awb {

namespace {
QString stateName(EffectJournal::State s)
{
    switch (s) {
    case EffectJournal::State::None:
        return QStringLiteral("none");
    case EffectJournal::State::HandedOver:
        return QStringLiteral("handed_over");
    case EffectJournal::State::Done:
        return QStringLiteral("done");
    }
    return QStringLiteral("none");
}

EffectJournal::State stateFromName(const QString& name)
{
    if (name == QLatin1String("done"))
        return EffectJournal::State::Done;
    if (name == QLatin1String("handed_over"))
        return EffectJournal::State::HandedOver;
    return EffectJournal::State::None;
}
} // namespace

Result<std::unique_ptr<EffectLedger>> EffectLedger::open(const QString& databasePath)
{
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadWrite);
    if (!db)
        return db.error();
    if (Status s = db->exec(QStringLiteral("PRAGMA synchronous=FULL")); !s)
        return s.error();
    return std::unique_ptr<EffectLedger>(new EffectLedger(std::move(db).value()));
}

Result<EffectJournal::Record> EffectLedger::lookup(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    auto st = m_db.prepare(QStringLiteral("SELECT state, detail FROM effects WHERE idempotency_key = ?"));
    if (!st)
        return st.error();
    st->bind(1, key);
    Record r;
    if (st->step()) {
        r.state = stateFromName(st->text(0));
        auto detail = parseJson(st->textUtf8(1));
        r.detail = detail ? std::move(detail).value() : Json::object();
    } else if (st->error()) {
        return *st->error();
    }
    return r;
}

Status EffectLedger::record(const QString& key, State state, const Json& detail)
{
    QMutexLocker lock(&m_mutex);
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO effects(idempotency_key, state, detail, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(idempotency_key) DO UPDATE SET state = excluded.state, detail = excluded.detail, "
        "updated_at = excluded.updated_at"));
    if (!st)
        return st.error();
    st->bind(1, key).bind(2, stateName(state)).bind(3, canonicalJson(detail));
    st->bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return st->exec();
}

Result<Json> StoredResults::load(const QString& handle) const
{
    auto db = sql::Database::open(m_path, sql::OpenMode::ReadOnly);
    if (!db)
        return db.error();
    auto st = db->prepare(QStringLiteral("SELECT data FROM tool_results WHERE run_id = ? AND handle = ?"));
    if (!st)
        return st.error();
    st->bind(1, m_runId).bind(2, handle);
    if (!st->step()) {
        if (st->error())
            return *st->error();
        return Error::make(QStringLiteral("no stored result \"%1\" in run %2 (handles are the step ids of "
                                          "earlier tool calls, e.g. \"s4\")")
                               .arg(handle, m_runId),
                           QStringLiteral("unknown_handle"));
    }
    return parseJson(st->textUtf8(0));
}

} // namespace awb
