#include "engine/Journal.h"

#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

#include "security/AuditAnchor.h"
#include "security/AuditTrail.h"
#include "security/Redactor.h"
#include "store/Migrations.h"
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

// The writer thread and its connection. Only one commit uses the connection at a time: either
// on the thread (a group commit in flight) or on the caller's thread in flush(), which first
// waits for the one in flight.
class Journal::Writer
{
public:
    Writer(QString path, std::shared_ptr<const AuditTrail> audit,
           std::shared_ptr<const Redactor> secrets)
        : m_path(std::move(path)), m_audit(std::move(audit)), m_secrets(std::move(secrets))
    {
        m_thread.setMaxThreadCount(1);
        m_thread.setExpiryTimeout(-1); // one thread for the journal's life, not one per commit
    }
    ~Writer() { m_thread.waitForDone(); }

    QThreadPool& thread() { return m_thread; }

    CommitOutcome commit(const Batch& batch)
    {
        CommitOutcome out;
        out.status = write(batch, &out);
        if (!out.status)
            out.status = Error::make(
                QStringLiteral("cannot write the run journal %1: %2. Nothing after this point was "
                               "recorded, and no further step of the runs in it was started. %3 "
                               "Then resume the run.")
                    .arg(m_path, out.status.errorMessage(),
                         sql::adviceFor(out.status.error(), m_path)),
                QStringLiteral("journal_write_failed"));
        return out;
    }

private:
    Status write(const Batch& batch, CommitOutcome* outcome);

    QString m_path;
    std::shared_ptr<const AuditTrail> m_audit;
    std::shared_ptr<const Redactor> m_secrets;
    std::optional<sql::Database> m_db; // opened by the first commit
    QThreadPool m_thread;
};

Status Journal::Writer::write(const Batch& batch, CommitOutcome* outcome)
{
    if (!m_db) {
        auto db = store::openWorkspaceDatabase(m_path);
        if (!db)
            return db.error();
        m_db = std::move(db).value();
    }
    sql::Database& db = *m_db;
    sql::Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (!batch.events.empty()) {
        auto st =
            db.cached(QStringLiteral("INSERT INTO events(run_id, seq, time, kind, step_id, data) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        sql::Statement& q = **st;
        for (const RunEvent& e : batch.events) {
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
    if (!batch.results.empty()) {
        auto st = db.cached(QStringLiteral(
            "INSERT OR REPLACE INTO tool_results(run_id, handle, data) VALUES (?, ?, ?)"));
        if (!st)
            return st.error();
        sql::Statement& q = **st;
        for (const PendingResult& r : batch.results) {
            q.reset();
            q.bind(1, r.runId).bind(2, r.handle).bind(3, r.data);
            if (Status s = q.exec(); !s)
                return s;
        }
    }
    if (!batch.runs.empty()) {
        auto st = db.cached(QStringLiteral(
            "INSERT INTO runs(run_id, agent, provider, model, status, input, final, created_at, "
            "updated_at, "
            "input_tokens, output_tokens, cost_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(run_id) DO UPDATE SET status = excluded.status, final = excluded.final, "
            "updated_at = excluded.updated_at, input_tokens = excluded.input_tokens, "
            "output_tokens = excluded.output_tokens, cost_micros = excluded.cost_micros"));
        if (!st)
            return st.error();
        sql::Statement& q = **st;
        for (const auto& [id, r] : batch.runs) {
            q.reset();
            q.bind(1, r.runId)
                .bind(2, r.agent)
                .bind(3, r.provider)
                .bind(4, r.model)
                .bind(5, r.status);
            q.bind(6, m_secrets ? m_secrets->redact(r.input) : r.input);
            q.bind(7, r.finalText).bind(8, r.createdAt).bind(9, r.updatedAt);
            q.bind(10, r.inputTokens).bind(11, r.outputTokens).bind(12, r.costMicros);
            if (Status s = q.exec(); !s)
                return s;
        }
    }
    AuditTrail::Link head;
    for (const PendingAudit& a : batch.audit) {
        auto link = m_audit->appendLink(db, a.actor, a.kind, a.runId, a.data, a.time);
        if (!link)
            return link.error();
        head = *link;
    }
    if (Status s = tx.commit(); !s)
        return s;
    if (head.seq > 0) {
        outcome->auditSeq = head.seq;
        outcome->auditMac = head.mac;
    }
    return {};
}

void Journal::Batch::prepend(Batch&& earlier)
{
    // Sequence numbers were assigned in append order: the earlier events go first.
    earlier.events.insert(earlier.events.end(), std::make_move_iterator(events.begin()),
                          std::make_move_iterator(events.end()));
    events = std::move(earlier.events);
    earlier.audit.insert(earlier.audit.end(), std::make_move_iterator(audit.begin()),
                         std::make_move_iterator(audit.end()));
    audit = std::move(earlier.audit);
    earlier.results.insert(earlier.results.end(), std::make_move_iterator(results.begin()),
                           std::make_move_iterator(results.end()));
    results = std::move(earlier.results);
    // A run's row queued since is newer than the one that failed.
    for (auto& [id, row] : earlier.runs)
        runs.try_emplace(id, std::move(row));
}

Journal::Journal(sql::Database db, std::shared_ptr<const AuditTrail> audit,
                 std::shared_ptr<const Redactor> secrets,
                 std::shared_ptr<const Redactor> auditRedactor, QObject* parent)
    : QObject(parent), m_db(std::move(db)), m_auditTrail(std::move(audit)),
      m_secrets(std::move(secrets)), m_auditRedactor(std::move(auditRedactor)),
      m_writer(std::make_unique<Writer>(m_db.path(), m_auditTrail, m_secrets))
{
    if (auto head = AuditTrail::head(m_db))
        m_auditHead = AuditTrail::headString(head->seq, head->mac);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flushTimer, &QTimer::timeout, this, &Journal::startCommit);
}

Journal::~Journal()
{
    if (hasPending()) {
        m_anchorRequested = true;
        // A failure already reported through writeFailed is not said again.
        const bool reported = m_failed;
        if (Status s = flush(); !s && !reported)
            qCWarning(lcStore) << "journal: pending events lost at shutdown:" << s.errorMessage();
    }
}

void Journal::setAnchorKeeper(std::shared_ptr<AuditAnchorKeeper> keeper)
{
    m_anchor = std::move(keeper);
}

void Journal::requestAnchor()
{
    m_anchorRequested = true;
}

const RunEvent& Journal::append(const QString& runId, EventKind kind, const QString& stepId,
                                Json data)
{
    RunEvent& e = m_pending.events.emplace_back();
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
    m_pending.results.push_back(
        {runId, handle, canonicalJson(m_secrets ? m_secrets->redact(result) : result)});
    scheduleFlush();
}

void Journal::updateRun(RunRow row)
{
    QString id = row.runId;
    m_pending.runs.insert_or_assign(std::move(id), std::move(row));
    scheduleFlush();
}

void Journal::addAudit(const QString& actor, const QString& kind, const QString& runId, Json data)
{
    makeAuditSafe(data);
    if (m_auditRedactor)
        data = m_auditRedactor->redact(std::move(data));
    m_pending.audit.push_back(
        {actor, kind, runId, std::move(data), QDateTime::currentDateTimeUtc()});
    scheduleFlush();
}

void Journal::whenCommitted(QObject* context, std::function<void(const Status&)> then)
{
    m_waiters.push_back({context, std::move(then)});
    // Someone waits: commit on the next turn, with whatever the other runs queue in this one. A
    // commit in flight starts the next one itself when it is done.
    if (!m_committing && (!m_flushTimer.isActive() || m_flushTimer.interval() != 0))
        m_flushTimer.start(0);
}

void Journal::scheduleFlush()
{
    if (!m_committing && !m_flushTimer.isActive())
        m_flushTimer.start(kGroupCommitWindowMs);
}

void Journal::answer(std::vector<Waiter> waiters, const Status& outcome, bool defer)
{
    if (waiters.empty())
        return;
    auto run = [waiters = std::move(waiters), outcome]() {
        for (const Waiter& w : waiters) {
            if (w.context)
                w.then(outcome);
        }
    };
    // Deferred when called from flush(): a waiter never runs inside someone else's call.
    if (defer)
        QTimer::singleShot(0, this, std::move(run));
    else
        run();
}

void Journal::startCommit()
{
    if (m_committing)
        return;
    if (m_pending.empty()) {
        // Waiters with nothing queued: everything they wait for is already committed.
        answer(std::exchange(m_waiters, {}), Status(), false);
        return;
    }
    m_inFlight = std::exchange(m_pending, {});
    m_inFlightWaiters = std::exchange(m_waiters, {});
    m_committing = true;
    const std::uint64_t id = ++m_commitId;
    m_commit = QtConcurrent::run(&m_writer->thread(),
                                 [this, id, writer = m_writer.get(), batch = &m_inFlight] {
                                     CommitOutcome outcome = writer->commit(*batch);
                                     // Back on the engine's thread; a flush() there may have
                                     // finished this commit already.
                                     QMetaObject::invokeMethod(
                                         this,
                                         [this, id, outcome] {
                                             if (m_committing && id == m_commitId)
                                                 (void)finishCommit(outcome, false);
                                         },
                                         Qt::QueuedConnection);
                                     return outcome;
                                 });
}

Status Journal::finishCommit(const CommitOutcome& outcome, bool deferWaiters)
{
    m_committing = false;
    Batch batch = std::exchange(m_inFlight, {});
    std::vector<Waiter> waiters = std::exchange(m_inFlightWaiters, {});
    if (!outcome.status) {
        m_failed = true;
        m_pending.prepend(std::move(batch)); // nothing queued is lost
        // Everything queued so far includes what failed: every waiter hears it.
        std::move(m_waiters.begin(), m_waiters.end(), std::back_inserter(waiters));
        m_waiters.clear();
        m_flushTimer.stop(); // the next append tries again
        answer(std::move(waiters), outcome.status, deferWaiters);
        if (!deferWaiters)
            Q_EMIT writeFailed(outcome.status.error());
        return outcome.status;
    }
    ++m_commits;
    m_failed = false;
    if (outcome.auditSeq > 0) {
        m_auditHead = AuditTrail::headString(outcome.auditSeq, outcome.auditMac);
        if (m_anchor)
            m_anchor->advance(outcome.auditSeq, outcome.auditMac, m_anchorRequested);
        m_anchorRequested = false;
    }
    if (m_pending.empty()) {
        std::move(m_waiters.begin(), m_waiters.end(), std::back_inserter(waiters));
        m_waiters.clear();
    } else if (!m_waiters.empty()) {
        m_flushTimer.start(0);
    } else {
        scheduleFlush();
    }
    for (const RunEvent& e : batch.events)
        Q_EMIT published(e);
    answer(std::move(waiters), Status(), deferWaiters);
    return {};
}

Status Journal::flush()
{
    if (m_committing) {
        m_commit.waitForFinished();
        if (Status s = finishCommit(m_commit.result(), true); !s)
            return s;
    }
    if (!hasPending())
        return {};
    m_flushTimer.stop();
    if (m_pending.empty()) {
        answer(std::exchange(m_waiters, {}), Status(), true);
        return {};
    }
    m_inFlight = std::exchange(m_pending, {});
    m_inFlightWaiters = std::exchange(m_waiters, {});
    m_committing = true;
    ++m_commitId;
    // The writer thread is idle: its connection is used here, once.
    return finishCommit(m_writer->commit(m_inFlight), true);
}

Result<std::vector<RunEvent>> Journal::loadEvents(sql::Database& db, const QString& runId)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT seq, time, kind, step_id, data FROM events WHERE run_id = ? ORDER BY seq"));
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
            return Error::make(QStringLiteral("run %1, event %2: %3")
                                   .arg(runId)
                                   .arg(e.seq)
                                   .arg(data.errorMessage()),
                               QStringLiteral("corrupt_journal"));
        e.data = std::move(data).value();
        out.push_back(std::move(e));
    }
    if (st->error())
        return *st->error();
    return out;
}

Result<std::vector<RunEvent>> Journal::readEvents(const QString& databasePath, const QString& runId)
{
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadOnly);
    if (!db)
        return db.error();
    return loadEvents(*db, runId);
}

Result<std::vector<RunEvent>> Journal::loadEvents(const QString& runId)
{
    auto loaded = loadEvents(m_db, runId);
    if (!loaded)
        return loaded.error();
    std::vector<RunEvent> out = std::move(loaded).value();
    // Include what is not committed yet, so a reader on this thread sees its own writes; the
    // commit in flight may have landed while this read ran.
    for (const std::vector<RunEvent>* queued : {&m_inFlight.events, &m_pending.events}) {
        for (const RunEvent& e : *queued) {
            if (e.runId == runId && (out.empty() || e.seq > out.back().seq))
                out.push_back(e);
        }
    }
    return out;
}

Result<std::int64_t> Journal::lastSeq(const QString& runId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT max(seq) FROM events WHERE run_id = ?"));
    if (!st)
        return st.error();
    st->bind(1, runId);
    std::int64_t last = st->step() && !st->isNull(0) ? st->int64(0) : 0;
    if (st->error())
        return *st->error();
    for (const std::vector<RunEvent>* queued : {&m_inFlight.events, &m_pending.events}) {
        for (const RunEvent& e : *queued) {
            if (e.runId == runId)
                last = std::max(last, e.seq);
        }
    }
    return last;
}

Result<std::vector<RunRow>> Journal::listRuns(sql::Database& db, int limit)
{
    auto st = db.prepare(QStringLiteral("SELECT run_id, agent, provider, model, status, input, "
                                        "coalesce(final, ''), created_at, updated_at, "
                                        "input_tokens, output_tokens, cost_micros FROM runs ORDER "
                                        "BY created_at DESC, run_id DESC LIMIT ?"));
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
