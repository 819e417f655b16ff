// The journal's group commits: whenCommitted() runs after the commit that holds what was queued
// (events on disk and published first), never inside the caller, shares one commit among all the
// waiters of an event-loop turn, reports a failed commit without losing the queued events, and
// skips waiters whose context is gone. Commits run on the writer thread: a commit that waits for
// the database leaves the engine's thread free, and what is queued meanwhile follows in order.

#include <QTest>
#include <QTimer>

#include <thread>

#include "core/engine/support/EngineFixture.h"

using namespace awb;
using awb::test::EngineFixture;

namespace {
qint64 eventsOnDisk(const QString& databasePath)
{
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadOnly);
    if (!db)
        return -1;
    auto n = db->queryInt(QStringLiteral("SELECT COUNT(*) FROM events"));
    return n ? *n : -1;
}

const Json kData = {{"kind", "tool"}, {"name", "noop"}};

// Another connection (another process, say) holding the database's write lock until it commits.
std::optional<sql::Database> holdWriteLock(const QString& databasePath)
{
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadWrite);
    if (!db || !db->exec(QStringLiteral("BEGIN IMMEDIATE")).ok())
        return std::nullopt;
    return std::move(db).value();
}
} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private slots:
    void waiterRunsAfterTheEventsAreCommittedAndPublished()
    {
        EngineFixture f;
        QVERIFY(f.open());
        QSignalSpy published(f.journal.get(), &Journal::published);
        QObject context;
        std::optional<Status> outcome;
        qint64 onDisk = -1;
        int publishedBefore = -1;
        f.journal->append(QStringLiteral("run-1"), EventKind::StepStarted, QStringLiteral("s1"),
                          kData);
        f.journal->whenCommitted(&context, [&](const Status& s) {
            outcome = s;
            onDisk = eventsOnDisk(f.workspace->databasePath());
            publishedBefore = int(published.count());
        });
        QVERIFY(!outcome); // never from inside the call
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(outcome->ok());
        QCOMPARE(onDisk, 1);
        QCOMPARE(publishedBefore, 1);
        QVERIFY(!f.journal->hasPending());
    }

    void waitersOfOneTurnShareOneCommit()
    {
        EngineFixture f;
        QVERIFY(f.open());
        const int commitsBefore = f.journal->commitCount();
        QObject context;
        int called = 0;
        for (int run = 1; run <= 5; ++run) {
            f.journal->append(QStringLiteral("run-%1").arg(run), EventKind::StepStarted,
                              QStringLiteral("s2"), kData);
            f.journal->whenCommitted(&context,
                                     [&called](const Status& s) { called += s.ok() ? 1 : 0; });
        }
        QTRY_COMPARE(called, 5);
        QCOMPARE(f.journal->commitCount() - commitsBefore, 1);
        QCOMPARE(eventsOnDisk(f.workspace->databasePath()), 5);
    }

    void failedCommitTellsTheWaiterAndKeepsTheEvents()
    {
        EngineFixture f;
        QVERIFY(f.open());
        QVERIFY(f.journal->database()
                    .exec(QStringLiteral("ALTER TABLE events RENAME TO events_gone"))
                    .ok());
        QSignalSpy published(f.journal.get(), &Journal::published);
        QObject context;
        std::optional<Status> outcome;
        f.journal->append(QStringLiteral("run-1"), EventKind::StepStarted, QStringLiteral("s1"),
                          kData);
        f.journal->whenCommitted(&context, [&outcome](const Status& s) { outcome = s; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->error().code, QStringLiteral("journal_write_failed"));
        QVERIFY2(outcome->errorMessage().contains(QLatin1String("events")),
                 qPrintable(outcome->errorMessage()));
        QCOMPARE(published.count(), 0);
        QVERIFY(f.journal->hasPending()); // nothing queued is lost
        QVERIFY(f.journal->database()
                    .exec(QStringLiteral("ALTER TABLE events_gone RENAME TO events"))
                    .ok());
        QVERIFY(f.journal->flush().ok());
        QCOMPARE(published.count(), 1);
        QCOMPARE(eventsOnDisk(f.workspace->databasePath()), 1);
    }

    void runWhoseFenceCannotCommitFailsWithoutRunningTheTool()
    {
        EngineFixture f;
        QVERIFY(f.open());
        auto tool = f.addTool(QStringLiteral("echo"),
                              [](const Json& args, const ToolContext&) -> Result<Json> {
                                  return Json{{"echo", args}};
                              });
        auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
            {"tool_calls": [{"name": "echo", "arguments": {"n": 1}}]}, {"text": "done"}]})");
        QSignalSpy failures(f.journal.get(), &Journal::writeFailed);
        AgentRun* run = AgentRun::start(f.context(), EngineFixture::agent({QStringLiteral("echo")}),
                                        provider, QStringLiteral("m"), QStringLiteral("go"), {});
        // Nothing is committed before the fence: the run's events so far wait in the journal.
        QVERIFY(f.journal->database()
                    .exec(QStringLiteral("ALTER TABLE events RENAME TO events_gone"))
                    .ok());
        QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Failed);
        QCOMPARE(tool->executions.load(), 0);
        QCOMPARE(jsonString(run->state().error, "code"), QStringLiteral("journal_write_failed"));
        QVERIFY(failures.count() >= 1);
        QVERIFY(f.journal->hasPending()); // kept for when the disk is back
        QVERIFY(f.journal->database()
                    .exec(QStringLiteral("ALTER TABLE events_gone RENAME TO events"))
                    .ok());
        QVERIFY(f.journal->flush().ok());
        delete run;
    }

    void runWhoseJournalFailsMidRunEndsFailedAndStartsNothingMore()
    {
        EngineFixture f;
        QVERIFY(f.open());
        const QString dbPath = f.workspace->databasePath();
        // The first tool breaks the journal from outside (a full disk, say) while it runs: its
        // result cannot be recorded, so the run must end failed and never start the second one.
        auto breaker = f.addTool(
            QStringLiteral("breaker"), [dbPath](const Json&, const ToolContext&) -> Result<Json> {
                auto db = sql::Database::open(dbPath, sql::OpenMode::ReadWrite);
                if (!db || !db->exec(QStringLiteral("ALTER TABLE events RENAME "
                                                    "TO events_gone"))
                                .ok())
                    return Error::make(QStringLiteral("could not break"));
                return Json{{"broke", true}};
            });
        auto effect = f.addTool(
            QStringLiteral("effect"),
            [](const Json&, const ToolContext&) -> Result<Json> {
                return Json{{"sent", true}};
            },
            EffectClass::ExternalEffect);
        auto provider = EngineFixture::scripted(R"({"schema_version": 1, "turns": [
            {"tool_calls": [{"name": "breaker"}]}, {"tool_calls": [{"name": "effect"}]},
            {"text": "done"}]})");
        const AgentDefinition agent =
            EngineFixture::agent({QStringLiteral("breaker"), QStringLiteral("effect")});
        AgentRun* run = AgentRun::start(f.context(), agent, provider, QStringLiteral("m"),
                                        QStringLiteral("go"), {});
        const QString runId = run->runId();
        QCOMPARE(EngineFixture::waitStopped(run), RunStatus::Failed);
        QCOMPARE(breaker->executions.load(), 1);
        QCOMPARE(effect->executions.load(), 0);
        QCOMPARE(jsonString(run->state().error, "code"), QStringLiteral("journal_write_failed"));
        QVERIFY2(jsonString(run->state().error, "message").contains(runId),
                 qPrintable(jsonString(run->state().error, "message")));
        delete run;

        // The disk is back: the failure is on record, and the run can be resumed to the end.
        QVERIFY(f.journal->database()
                    .exec(QStringLiteral("ALTER TABLE events_gone RENAME TO events"))
                    .ok());
        QVERIFY(f.journal->flush().ok());
        auto events = f.journal->loadEvents(runId);
        QVERIFY(events.ok());
        QCOMPARE(RunState::fromEvents(*events).status, RunStatus::Failed);
        QVERIFY(f.reopenJournal());
        auto resumed = AgentRun::resume(f.context(), runId, agent, provider, {});
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.errorMessage()));
        QCOMPARE(EngineFixture::waitStopped(*resumed), RunStatus::Succeeded);
        QCOMPARE(effect->executions.load(), 1);
        delete *resumed;
    }

    void waiterOfADestroyedContextIsSkipped()
    {
        EngineFixture f;
        QVERIFY(f.open());
        auto context = std::make_unique<QObject>();
        bool called = false;
        QObject witness;
        bool witnessCalled = false;
        f.journal->append(QStringLiteral("run-1"), EventKind::StepStarted, QStringLiteral("s1"),
                          kData);
        f.journal->whenCommitted(context.get(), [&called](const Status&) { called = true; });
        f.journal->whenCommitted(&witness,
                                 [&witnessCalled](const Status&) { witnessCalled = true; });
        context.reset();
        QTRY_VERIFY(witnessCalled);
        QVERIFY(!called);
    }

    void commitWaitingForTheDatabaseLeavesTheEngineThreadFree()
    {
        EngineFixture f;
        QVERIFY(f.open());
        auto blocker = holdWriteLock(f.workspace->databasePath());
        QVERIFY(blocker);
        QSignalSpy published(f.journal.get(), &Journal::published);
        QObject context;
        std::optional<Status> outcome;
        f.journal->append(QStringLiteral("run-1"), EventKind::StepStarted, QStringLiteral("s1"),
                          kData);
        f.journal->whenCommitted(&context, [&outcome](const Status& s) { outcome = s; });
        // This thread's event loop still turns while the commit waits: it releases the lock.
        // (A commit on this thread would wait out its busy timeout and fail.)
        bool releasedBeforeTheCommit = false;
        QTimer::singleShot(200, &context, [&] {
            releasedBeforeTheCommit = !outcome.has_value() && published.isEmpty();
            QVERIFY(blocker->exec(QStringLiteral("COMMIT")).ok());
        });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(releasedBeforeTheCommit);
        QVERIFY2(outcome->ok(), qPrintable(outcome->errorMessage()));
        QCOMPARE(published.count(), 1);
        QCOMPARE(eventsOnDisk(f.workspace->databasePath()), 1);
    }

    void eventsQueuedDuringACommitFollowInOrderAndAreReadOnce()
    {
        EngineFixture f;
        QVERIFY(f.open());
        auto blocker = holdWriteLock(f.workspace->databasePath());
        QVERIFY(blocker);
        std::vector<std::int64_t> publishedSeqs;
        connect(f.journal.get(), &Journal::published, this,
                [&publishedSeqs](const RunEvent& e) { publishedSeqs.push_back(e.seq); });
        const QString run = QStringLiteral("run-1");
        for (int i = 0; i < 3; ++i)
            f.journal->append(run, EventKind::StepStarted, QStringLiteral("s1"), kData);
        QObject context;
        int answered = 0;
        f.journal->whenCommitted(&context, [&answered](const Status& s) { answered += s ? 1 : 0; });
        // The first commit is on its way (held by the lock); these wait for the next one.
        QTest::qWait(50);
        for (int i = 0; i < 2; ++i)
            f.journal->append(run, EventKind::StepStarted, QStringLiteral("s2"), kData);
        f.journal->whenCommitted(&context, [&answered](const Status& s) { answered += s ? 1 : 0; });
        auto seen = f.journal->loadEvents(run);
        QVERIFY(seen.ok());
        QCOMPARE(int(seen->size()), 5);
        QVERIFY(blocker->exec(QStringLiteral("COMMIT")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2, 10000);
        QCOMPARE(publishedSeqs, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
        seen = f.journal->loadEvents(run);
        QVERIFY(seen.ok());
        QCOMPARE(int(seen->size()), 5);
        QCOMPARE(seen->back().seq, 5);
        QCOMPARE(eventsOnDisk(f.workspace->databasePath()), 5);
    }

    void flushWaitsForTheCommitInFlightAndCommitsTheRest()
    {
        EngineFixture f;
        QVERIFY(f.open());
        auto blocker = holdWriteLock(f.workspace->databasePath());
        QVERIFY(blocker);
        QSignalSpy published(f.journal.get(), &Journal::published);
        const QString run = QStringLiteral("run-1");
        f.journal->append(run, EventKind::StepStarted, QStringLiteral("s1"), kData);
        QObject context;
        std::optional<Status> outcome;
        f.journal->whenCommitted(&context, [&outcome](const Status& s) { outcome = s; });
        QTest::qWait(50); // the commit is handed to the writer, which waits for the lock
        QVERIFY(!outcome.has_value());
        f.journal->append(run, EventKind::StepFailed, QStringLiteral("s1"), kData);
        std::thread release([&blocker] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            (void)blocker->exec(QStringLiteral("COMMIT"));
        });
        const Status flushed = f.journal->flush();
        release.join();
        QVERIFY2(flushed.ok(), qPrintable(flushed.errorMessage()));
        QVERIFY(!f.journal->hasPending());
        QCOMPARE(published.count(), 2);
        QCOMPARE(eventsOnDisk(f.workspace->databasePath()), 2);
        QVERIFY(!outcome.has_value()); // never inside flush()
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(outcome->ok());
    }

    void appendRedactsSecretsWithoutTouchingTheRest()
    {
        EngineFixture f;
        QVERIFY(f.open());
        auto secrets = std::make_shared<Redactor>();
        secrets->addSecret(QStringLiteral("sk-secret-123"));
        auto db = store::openWorkspaceDatabase(f.workspace->databasePath());
        QVERIFY(db.ok());
        Journal journal(std::move(db).value(), std::make_shared<AuditTrail>(QByteArray("k")),
                        secrets, secrets);
        const Json data = {{"text", "key sk-secret-123 here"},
                           {"nested", {{"list", {"plain", "sk-secret-123", 7}}, {"flag", true}}}};
        const RunEvent& e = journal.append(QStringLiteral("run-1"), EventKind::TextDelta,
                                           QStringLiteral("s1"), data);
        const Json expected = {{"text", "key [REDACTED] here"},
                               {"nested", {{"list", {"plain", "[REDACTED]", 7}}, {"flag", true}}}};
        QCOMPARE(QString::fromStdString(e.data.dump()), QString::fromStdString(expected.dump()));
        QCOMPARE(e.seq, 1);
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "TestJournal.moc"
