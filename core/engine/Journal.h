#pragma once
// The run journal: appends run events, full tool results, the runs index and audit entries to the
// workspace database in group commits, and publishes events only after they are committed.
// Appends are buffered for a short window (kGroupCommitWindowMs) so that one commit holds the
// events of all runs in it. Commits run on the journal's own writer thread with its own
// connection: the engine's thread (the GUI's, in the workbench) only queues, and publishes what
// a commit made durable. One commit is in flight at a time; what is queued meanwhile becomes the
// next one. whenCommitted() answers after the commit that holds everything queued so far (the
// engine waits for it before any tool runs, so an effect never starts ahead of its record);
// flush() commits at once and blocks, for the CLI's exits and for tests. One Journal per
// workspace connection, living on the engine's thread.

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "engine/RunEvent.h"
#include "store/Sqlite.h"

namespace awb {

class AuditAnchorKeeper;
class AuditTrail;
class Redactor;

// A row of the runs index: a projection of each run's events kept for fast listing.
struct RunRow
{
    QString runId;
    QString agent;
    QString provider;
    QString model;
    QString status;
    QString input;
    QString finalText;
    QString createdAt;
    QString updatedAt;
    std::int64_t inputTokens = 0;
    std::int64_t outputTokens = 0;
    std::int64_t costMicros = 0;
};

class Journal : public QObject
{
    Q_OBJECT
public:
    // How long appended events may wait for their commit (and so for being published) when nothing
    // waits for them: a few milliseconds of a streamed answer become one transaction.
    static constexpr int kGroupCommitWindowMs = 2;

    // secrets: redacts credentials from everything stored; auditRedactor: also configured PII,
    // for the audit trail (the journal keeps PII the run itself needs to resume).
    Journal(sql::Database db, std::shared_ptr<const AuditTrail> audit,
            std::shared_ptr<const Redactor> secrets, std::shared_ptr<const Redactor> auditRedactor,
            QObject* parent = nullptr);
    ~Journal() override;

    // Redacts secrets in data, assigns the run's next seq and the time, and queues the event for
    // the next group commit. The returned event is exactly what will be stored; the reference is
    // valid until the next append() or flush().
    const RunEvent& append(const QString& runId, EventKind kind, const QString& stepId, Json data);
    void storeResult(const QString& runId, const QString& handle, const Json& result);
    void updateRun(RunRow row);
    void addAudit(const QString& actor, const QString& kind, const QString& runId, Json data);
    // Runs `then` with the outcome of the group commit that holds everything queued so far, on this
    // thread, after that commit's events are published; never from inside this call. Commits of
    // all runs in one event-loop turn are one transaction, so runs that each wait for their
    // intent to be durable before an effect share the commit. Skipped if context is destroyed.
    void whenCommitted(QObject* context, std::function<void(const Status&)> then);
    // Told the audit head after each commit that holds audit entries, so that the keychain's
    // anchor follows the trail (security/AuditAnchor.h); requestAnchor() makes the next one
    // urgent (a run ended or paused) instead of waiting for the keeper's once-a-second write.
    void setAnchorKeeper(std::shared_ptr<AuditAnchorKeeper> keeper);
    void requestAnchor();
    // A finished run's numbering is no longer needed here (setLastSeq() brings it back).
    void forgetRun(const QString& runId) { m_lastSeq.erase(runId); }

    // Commits everything queued (after the commit in flight, if any), then publishes the
    // committed events; blocks until then. On failure nothing queued is lost: it stays queued and
    // the error says what failed.
    Status flush();
    bool hasPending() const
    {
        return !m_pending.empty() || !m_inFlight.empty() || !m_waiters.empty() ||
               !m_inFlightWaiters.empty();
    }
    // Group commits done so far (for tests and benchmarks).
    int commitCount() const { return m_commits; }

    // Reading, for resume, `runs show` and views: committed events and those still queued.
    Result<std::vector<RunEvent>> loadEvents(const QString& runId);
    // A run's committed events on any connection, in seq order; readEvents opens a read-only one
    // of its own (for worker threads, which must not share the journal's).
    static Result<std::vector<RunEvent>> loadEvents(sql::Database& db, const QString& runId);
    static Result<std::vector<RunEvent>> readEvents(const QString& databasePath,
                                                    const QString& runId);
    // The seq of a run's last event, queued ones included; 0 for a run without events.
    Result<std::int64_t> lastSeq(const QString& runId);
    Result<std::vector<RunRow>> listRuns(int limit = 1000) { return listRuns(m_db, limit); }
    // The runs index on any connection (a view's reader on a worker thread), newest first.
    static Result<std::vector<RunRow>> listRuns(sql::Database& db, int limit = 1000);
    // Continues a run's numbering after loading it.
    void setLastSeq(const QString& runId, std::int64_t seq) { m_lastSeq[runId] = seq; }
    // "SEQ:MAC" of the audit trail after the last commit.
    QString auditHead() const { return m_auditHead; }
    const QString& databasePath() const { return m_db.path(); }
    const AuditTrail& audit() const { return *m_auditTrail; }
    // The engine thread's connection, for reading (writes go through the writer's own).
    sql::Database& database() { return m_db; }

Q_SIGNALS:
    void published(const awb::RunEvent& event);
    void writeFailed(const awb::Error& error);

private:
    struct PendingAudit
    {
        QString actor, kind, runId;
        Json data;
        QDateTime time;
    };
    struct PendingResult
    {
        QString runId, handle;
        QByteArray data;
    };
    // What one commit writes.
    struct Batch
    {
        std::vector<RunEvent> events;
        std::vector<PendingAudit> audit;
        std::vector<PendingResult> results;
        std::map<QString, RunRow> runs;
        bool empty() const
        {
            return events.empty() && audit.empty() && results.empty() && runs.empty();
        }
        // Puts a failed commit's content back ahead of what was queued since.
        void prepend(Batch&& earlier);
    };
    struct CommitOutcome
    {
        Status status;
        qint64 auditSeq = 0; // the audit head after the commit; 0 when it held no audit entry
        QString auditMac;
    };
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(const Status&)> then;
    };
    class Writer;

    void scheduleFlush();
    // Hands what is queued to the writer thread (nothing while a commit is in flight).
    void startCommit();
    // The commit in flight is done: publishes its events or queues them again, answers its
    // waiters (on the next turn when deferWaiters) and starts the next commit if one is due.
    Status finishCommit(const CommitOutcome& outcome, bool deferWaiters);
    void answer(std::vector<Waiter> waiters, const Status& outcome, bool defer);

    sql::Database m_db;
    std::shared_ptr<const AuditTrail> m_auditTrail;
    std::shared_ptr<const Redactor> m_secrets;
    std::shared_ptr<const Redactor> m_auditRedactor;
    std::unique_ptr<Writer> m_writer;
    Batch m_pending;
    Batch m_inFlight; // read by the writer thread until its commit finishes
    bool m_committing = false;
    std::uint64_t m_commitId = 0;
    QFuture<CommitOutcome> m_commit;
    std::map<QString, std::int64_t> m_lastSeq;
    std::vector<Waiter> m_waiters;         // for everything queued so far
    std::vector<Waiter> m_inFlightWaiters; // for the commit in flight
    QString m_auditHead;
    std::shared_ptr<AuditAnchorKeeper> m_anchor;
    bool m_anchorRequested = false;
    bool m_failed = false;     // the last commit failed (and writeFailed said so)
    QTimer m_flushTimer{this}; // a child: it moves with the journal (WorkspaceSession::open)
    int m_commits = 0;
};

// Audit data must hold no floating-point numbers (DESIGN: canonical JSON, integers only): this
// turns them into their decimal text, in place (nothing is copied when there is none).
Json auditSafe(Json value);

} // namespace awb
