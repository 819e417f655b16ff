// The run launcher (engine/RunLauncher): every kind of request ends in a running, locked run of
// the right sort; a run records how to rebuild its provider, and goes on with it; a run changed or
// held elsewhere is refused; the actor is the operating system's account whatever $USER says.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

#include "engine/Journal.h"
#include "engine/RunLauncher.h"
#include "engine/WorkspaceSession.h"

using namespace awb;

namespace {

QByteArray agentJson()
{
    const Json agent = {{"schema_version", 1},
                        {"name", "mini"},
                        {"instructions", "Answer briefly."},
                        {"model", {{"provider", "scripted"}, {"script", "mini.script.json"}}}};
    return QByteArray::fromStdString(agent.dump(2));
}

// Enough turns for a run, a follow-up and a resume.
QByteArray scriptJson()
{
    const Json script = {
        {"schema_version", 1},
        {"model", "mini-model"},
        {"turns",
         {{{"text", "first answer"}}, {{"text", "second answer"}}, {{"text", "third answer"}}}}};
    return QByteArray::fromStdString(script.dump(2));
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Runs the event loop until the run stops; its final status.
RunStatus waitForStop(AgentRun* run)
{
    if (!run->isActive())
        return run->state().status;
    QSignalSpy stopped(run, &AgentRun::stopped);
    if (!stopped.wait(10000))
        return RunStatus::Running;
    return run->state().status;
}

LaunchRequest startRequest(const QString& input = QStringLiteral("what is up?"))
{
    LaunchRequest r;
    r.kind = LaunchRequest::Kind::Start;
    r.agent = QStringLiteral("mini");
    r.input = input;
    return r;
}

LaunchRequest requestFor(LaunchRequest::Kind kind, const QString& runId, const QString& input = {})
{
    LaunchRequest r;
    r.kind = kind;
    r.runId = runId;
    r.input = input;
    return r;
}

} // namespace

class TestRunLauncher : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(Workspace::create(m_dir->path(), QStringLiteral("launcher")).ok());
        QVERIFY(writeFile(m_dir->path() + QStringLiteral("/agents/mini.agent.json"), agentJson()));
        QVERIFY(
            writeFile(m_dir->path() + QStringLiteral("/agents/mini.script.json"), scriptJson()));
        auto session = WorkspaceSession::open(m_dir->path(), QByteArrayLiteral("test-audit-key"),
                                              localActor(QStringLiteral("test")));
        QVERIFY2(session.ok(), qPrintable(session.errorMessage()));
        m_session = std::move(session).value();
    }
    void cleanup()
    {
        m_session.reset();
        m_dir.reset();
    }

    void startRunsLockedAndRecordsHowToRebuildItsProvider()
    {
        LaunchRequest request = startRequest();
        request.provider.stream = false;
        request.profile = QStringLiteral("work laptop");
        auto launched = launchNow(*m_session, std::move(request));
        QVERIFY2(launched.ok(), qPrintable(launched.errorMessage()));
        const QString runId = launched->run->runId();
        QVERIFY(RunLock::isHeld(m_session->workspace().stateDir(), runId));
        QCOMPARE(waitForStop(launched->run), RunStatus::Succeeded);
        QCOMPARE(launched->run->state().finalText, QStringLiteral("first answer"));
        const Json& start = launched->run->state().startData;
        QCOMPARE(start.value("stream", true), false);
        QVERIFY(start.contains("base_url") && start.contains("cassette"));
        QCOMPARE(jsonString(start, "instructions_sha256").size(), 64);
        QCOMPARE(jsonString(start, kProviderProfileKey), QStringLiteral("work laptop"));
        QCOMPARE(jsonString(start, "actor"), localActor(QStringLiteral("test")));
    }

    void goingOnUsesTheRecordedProviderAndResolvesItsProfile()
    {
        LaunchRequest request = startRequest();
        request.provider.stream = false;
        request.profile = QStringLiteral("p1");
        auto first = launchNow(*m_session, std::move(request));
        QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
        const QString runId = first->run->runId();
        QCOMPARE(waitForStop(first->run), RunStatus::Succeeded);
        first->lock = RunLock(); // the run is done here

        QStringList resolved;
        LaunchRequest next =
            requestFor(LaunchRequest::Kind::Continue, runId, QStringLiteral("and?"));
        next.resolveProfile = [&resolved](const QString& profile) -> Result<ProviderChoice> {
            resolved << profile;
            return ProviderChoice{};
        };
        auto prepared = prepareLaunch(*m_session, std::move(next));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errorMessage()));
        QCOMPARE(resolved, QStringList{QStringLiteral("p1")});
        QVERIFY(prepared->previous.has_value());
        QCOMPARE(prepared->previous->status, RunStatus::Succeeded);
        auto launched = launch(*m_session, std::move(prepared).value());
        QVERIFY2(launched.ok(), qPrintable(launched.errorMessage()));
        QCOMPARE(launched->run->runId(), runId); // the conversation goes on in the same run
        QCOMPARE(waitForStop(launched->run), RunStatus::Succeeded);
        QCOMPARE(launched->run->state().finalText, QStringLiteral("second answer"));
    }

    void aProfileThatCannotBeResolvedFailsThePreparation()
    {
        LaunchRequest request = startRequest();
        request.profile = QStringLiteral("gone");
        auto first = launchNow(*m_session, std::move(request));
        QVERIFY(first.ok());
        first->run->cancel(QStringLiteral("test"));
        QCOMPARE(waitForStop(first->run), RunStatus::Cancelled);
        first->lock = RunLock();
        QVERIFY(m_session->journal().flush().ok()); // preparation reads what is committed
        LaunchRequest resume = requestFor(LaunchRequest::Kind::Resume, first->run->runId());
        resume.resolveProfile = [](const QString& profile) -> Result<ProviderChoice> {
            return Error::make(QStringLiteral("no profile %1").arg(profile),
                               QStringLiteral("invalid_config"));
        };
        auto prepared = prepareLaunch(*m_session, std::move(resume));
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, QStringLiteral("invalid_config"));
    }

    void resumeOfARunLockedElsewhereIsRefused()
    {
        auto first = launchNow(*m_session, startRequest());
        QVERIFY(first.ok());
        first->run->cancel(QStringLiteral("test"));
        QCOMPARE(waitForStop(first->run), RunStatus::Cancelled);
        QVERIFY(m_session->journal().flush().ok());
        // first->lock is still held: as if another process ran it.
        auto again =
            launchNow(*m_session, requestFor(LaunchRequest::Kind::Resume, first->run->runId()));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("run_busy"));
    }

    void aRunThatChangedSinceItWasReadIsRefused()
    {
        auto first = launchNow(*m_session, startRequest());
        QVERIFY(first.ok());
        const QString runId = first->run->runId();
        first->run->cancel(QStringLiteral("test"));
        QCOMPARE(waitForStop(first->run), RunStatus::Cancelled);
        first->lock = RunLock();
        QVERIFY(m_session->journal().flush().ok());

        auto prepared = prepareLaunch(*m_session, requestFor(LaunchRequest::Kind::Resume, runId));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errorMessage()));
        PreparedLaunch stale = *prepared; // read before the run went on
        auto resumed = launch(*m_session, std::move(prepared).value());
        QVERIFY2(resumed.ok(), qPrintable(resumed.errorMessage()));
        QCOMPARE(waitForStop(resumed->run), RunStatus::Succeeded);
        resumed->lock = RunLock();

        auto late = launch(*m_session, std::move(stale));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, QStringLiteral("stale_run"));
    }

    void replayStartsANewRunAndGoesOnAsAReplay()
    {
        auto source = launchNow(*m_session, startRequest());
        QVERIFY(source.ok());
        const QString sourceId = source->run->runId();
        QCOMPARE(waitForStop(source->run), RunStatus::Succeeded);

        auto replay = launchNow(*m_session, requestFor(LaunchRequest::Kind::Replay, sourceId));
        QVERIFY2(replay.ok(), qPrintable(replay.errorMessage()));
        const QString replayId = replay->run->runId();
        QVERIFY(replayId != sourceId);
        QCOMPARE(waitForStop(replay->run), RunStatus::Succeeded);
        QVERIFY(replay->run->state().startData.contains("replay_of"));
        replay->lock = RunLock();

        // Going on with the replay goes through the replay's rules: its source is read again.
        auto prepared = prepareLaunch(*m_session, requestFor(LaunchRequest::Kind::Continue,
                                                             replayId, QStringLiteral("more")));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errorMessage()));
        QVERIFY(prepared->replay.has_value());
        QCOMPARE(prepared->replay->run().runId, sourceId);
    }

    void unknownRunsAndEmptyInputsAreRefusedBeforeAnythingRuns()
    {
        auto unknown = prepareLaunch(
            *m_session, requestFor(LaunchRequest::Kind::Resume, QStringLiteral("nope")));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("unknown_run"));
        auto empty = prepareLaunch(*m_session, startRequest(QStringLiteral("   ")));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, QStringLiteral("usage"));
        auto runs = m_session->journal().listRuns();
        QVERIFY(runs.ok() && runs->empty());
    }

    void theActorIsTheAccountNotTheEnvironment()
    {
        const passwd* entry = ::getpwuid(::geteuid());
        const QString account = entry ? QString::fromLocal8Bit(entry->pw_name)
                                      : QStringLiteral("uid-%1").arg(::geteuid());
        const QByteArray saved = qgetenv("USER");
        qputenv("USER", "someone-else");
        QCOMPARE(localActor(QStringLiteral("cli")), QStringLiteral("cli:") + account);
        qunsetenv("USER");
        QCOMPARE(localActor(QStringLiteral("gui")), QStringLiteral("gui:") + account);
        if (!saved.isNull())
            qputenv("USER", saved);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceSession> m_session;
};

QTEST_GUILESS_MAIN(TestRunLauncher)
#include "TestRunLauncher.moc"
