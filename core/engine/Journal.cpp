#include "engine/Journal.h"

#include <QTimer>

#include "security/AuditTrail.h"
#include "security/Redactor.h"
#include "util/Decimal.h"
#include "util/IsoTime.h"
#include "util/Log.h"

namespace awb {

namespace {
void makeAuditSafe(Json& value)
{
    if (value.is_number_float()) {
        const auto d = Decimal::fromJson(value);
        value = d ? Json(toStd(d->toString(6))) : Json(value.dump());
    } else if (value.is_structured()) {
        for (Json& child : value)
            makeAuditSafe(child);
    }
}
} // namespace

Json auditSafe(Json value)
{
    makeAuditSafe(value);
    return value;
}

Journal::Journal(sql::Database db, std::shared_ptr<const AuditTrail> audit, std::shared_ptr<const Redactor> secrets,
                 std::shared_ptr<const Redactor> auditRedactor, QObject* parent)
    : QObject(parent), m_db(std::move(db)), m_auditTrail(std::move(audit)), m_secrets(std::move(secrets)),
      m_auditRedactor(std::move(auditRedactor))
{
    if (auto head = AuditTrail::head(m_db))
        m_auditHead = AuditTrail::headString(head->seq, head->mac);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        if (!hasPending())
            return;
        Status s = flush();
        if (s)
            return;
        // The runs waiting at a fence hear first (they fail as they did when the fence committed
        // synchronously), then whoever watches the journal.
        m_flushTimer.stop();
        const std::vector<Waiter> waiters = std::exchange(m_waiters, {});
        for (const Waiter& w : waiters) {
            if (w.context)
                w.then(s);
        }
        Q_EMIT writeFailed(s.error());
    });
}

Journal::~Journal()
{
    if (hasPending()) {
        if (Status s = flush(); !s)
            qCWarning(lcStore) << "journal: pending events lost at shutdown:" << s.errorMessage();
    }
}

const RunEvent& Journal::append(const QString& runId, EventKind kind, const QString& stepId,
                                Json data)
{
    RunEvent& e = m_events.emplace_back();
    e.runId = runId;
    e.seq = ++m_lastSeq[runId];
    e.time = QDateTime::currentDateTimeUtc();
    e.kind = kind;
    e.stepId = stepId;
    e.data = m_secrets ? m_secrets->redact(std::move(data)) : std::move(data);
    scheduleFlush();
    return e;
}

void Journal::storeResult(const QString& runId, const QString& handle, const Json& result)
{
    m_results.push_back({runId, handle, canonicalJson(m_secrets ? m_secrets->redact(result) : result)});
    scheduleFlush();
}

void Journal::updateRun(RunRow row)
{
    QString id = row.runId;
    m_runs.insert_or_assign(std::move(id), std::move(row));
    scheduleFlush();
}

void Journal::addAudit(const QString& actor, const QString& kind, const QString& runId, Json data)
{
    makeAuditSafe(data);
    if (m_auditRedactor)
        data = m_auditRedactor->redact(std::move(data));
    m_audit.push_back({actor, kind, runId, std::move(data), QDateTime::currentDateTimeUtc()});
    scheduleFlush();
}

void Journal::whenCommitted(QObject* context, std::function<void(const Status&)> then)
{
    m_waiters.push_back({context, std::move(then)});
    // Someone waits: commit on the next turn, with whatever the other runs queue in this one.
    if (!m_flushTimer.isActive() || m_flushTimer.interval() != 0)
        m_flushTimer.start(0);
}

void Journal::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start(kGroupCommitWindowMs);
}

void Journal::releaseWaiters(const Status& outcome)
{
    if (m_waiters.empty())
        return;
    // On the next turn, so that a waiter never runs inside someone else's flush().
    QTimer::singleShot(0, this, [waiters = std::exchange(m_waiters, {}), outcome]() {
        for (const Waiter& w : waiters) {
            if (w.context)
                w.then(outcome);
        }
    });
}

Status Journal::flush()
{
    if (!hasPending())
        return {};
    if (Status s = writePending(); !s) {
        Status failed = Error::make(
            QStringLiteral("cannot write the run journal %1: %2 (nothing was published; "
                           "free disk space and resume the run)")
                .arg(m_db.path(), s.errorMessage()),
            QStringLiteral("journal_write_failed"));
        if (!m_waiters.empty())
            m_flushTimer.start(0); // the waiters get this answer from the retry on the next turn
        return failed;
    }
    m_audit.clear();
    m_results.clear();
    m_runs.clear();
    std::vector<RunEvent> events;
    events.swap(m_events);
    releaseWaiters(Status());
    for (const RunEvent& e : events)
        Q_EMIT published(e);
    return {};
}

Status Journal::writePending()
{
    sql::Transaction tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (!m_events.empty()) {
        auto st = m_db.cached(QStringLiteral("INSERT INTO events(run_id, seq, time, kind, step_id, data) "
                                             "VALUES (?, ?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        sql::Statement& q = **st;
        for (const RunEvent& e : m_events) {
            q.reset();
            q.bind(1, e.runId).bind(2, e.seq).bind(3, isoUtcMsUtf8(e.time));
            q.bind(4, int(e.kind));
            if (e.stepId.isEmpty())
                q.bindNull(5);
            else
                q.bind(5, e.stepId);
            q.bind(6, canonicalJson(e.data));
            if (Status s = q.exec(); !s)
                return s;
        }
    }
    if (!m_results.empty()) {
        auto st = m_db.cached(QStringLiteral("INSERT OR REPLACE INTO tool_results(run_id, handle, data) VALUES (?, ?, ?)"));
        if (!st)
            return st.error();
        sql::Statement& q = **st;
        for (const PendingResult& r : m_results) {
            q.reset();
            q.bind(1, r.runId).bind(2, r.handle).bind(3, r.data);
            if (Status s = q.exec(); !s)
                return s;
        }
    }
    if (!m_runs.empty()) {
        auto st = m_db.cached(QStringLiteral(
            "INSERT INTO runs(run_id, agent, provider, model, status, input, final, created_at, updated_at, "
            "input_tokens, output_tokens, cost_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(run_id) DO UPDATE SET status = excluded.status, final = excluded.final, "
            "updated_at = excluded.updated_at, input_tokens = excluded.input_tokens, "
            "output_tokens = excluded.output_tokens, cost_micros = excluded.cost_micros"));
        if (!st)
            return st.error();
        sql::Statement& q = **st;
        for (const auto& [id, r] : m_runs) {
            q.reset();
            q.bind(1, r.runId).bind(2, r.agent).bind(3, r.provider).bind(4, r.model).bind(5, r.status);
            q.bind(6, m_secrets ? m_secrets->redact(r.input) : r.input);
            q.bind(7, r.finalText).bind(8, r.createdAt).bind(9, r.updatedAt);
            q.bind(10, r.inputTokens).bind(11, r.outputTokens).bind(12, r.costMicros);
            if (Status s = q.exec(); !s)
                return s;
        }
    }
    QString head = m_auditHead;
    for (const PendingAudit& a : m_audit) {
        auto link = m_auditTrail->appendLink(m_db, a.actor, a.kind, a.runId, a.data, a.time);
        if (!link)
            return link.error();
        head = AuditTrail::headString(link->seq, link->mac);
    }
    if (Status s = tx.commit(); !s)
        return s;
    m_auditHead = head;
    return {};
}

Result<std::vector<RunEvent>> Journal::loadEvents(const QString& runId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT seq, time, kind, step_id, data FROM events WHERE run_id = ? ORDER BY seq"));
    if (!st)
        return st.error();
    st->bind(1, runId);
    std::vector<RunEvent> out;
    while (st->step()) {
        RunEvent e;
        e.runId = runId;
        e.seq = st->int64(0);
        e.time = QDateTime::fromString(st->text(1), Qt::ISODateWithMs);
        e.kind = EventKind(st->int64(2));
        e.stepId = st->isNull(3) ? QString() : st->text(3);
        auto data = parseJson(st->textUtf8(4));
        if (!data)
            return Error::make(QStringLiteral("run %1, event %2: %3").arg(runId).arg(e.seq).arg(data.errorMessage()),
                               QStringLiteral("corrupt_journal"));
        e.data = std::move(data).value();
        out.push_back(std::move(e));
    }
    if (st->error())
        return *st->error();
    // Include what is queued but not yet committed, so a reader on this thread sees its own writes.
    for (const RunEvent& e : m_events) {
        if (e.runId == runId)
            out.push_back(e);
    }
    return out;
}

Result<std::vector<RunRow>> Journal::listRuns(int limit)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT run_id, agent, provider, model, status, input, coalesce(final, ''), created_at, updated_at, "
        "input_tokens, output_tokens, cost_micros FROM runs ORDER BY created_at DESC, run_id DESC LIMIT ?"));
    if (!st)
        return st.error();
    st->bind(1, limit);
    std::vector<RunRow> out;
    while (st->step()) {
        RunRow r;
        r.runId = st->text(0);
        r.agent = st->text(1);
        r.provider = st->text(2);
        r.model = st->text(3);
        r.status = st->text(4);
        r.input = st->text(5);
        r.finalText = st->text(6);
        r.createdAt = st->text(7);
        r.updatedAt = st->text(8);
        r.inputTokens = st->int64(9);
        r.outputTokens = st->int64(10);
        r.costMicros = st->int64(11);
        out.push_back(std::move(r));
    }
    if (st->error())
        return *st->error();
    return out;
}

} // namespace awb
