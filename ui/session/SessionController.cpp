#include "session/SessionController.h"

#include <QDir>
#include <QFutureWatcher>
#include <QSettings>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/AgentRun.h"
#include "engine/Journal.h"
#include "engine/RunLauncher.h"
#include "engine/WorkspaceSession.h"
#include "inspector/JournalReader.h"
#include "llm/ModelProvider.h"
#include "runs/EventLogModel.h"
#include "runs/RunStepsModel.h"
#include "runs/RunsModel.h"
#include "security/AuditKey.h"
#include "security/Keychain.h"

namespace awb::ui {

SessionController::SessionController(QObject* parent)
    : QObject(parent), m_runs(new RunsModel(this)), m_steps(new RunStepsModel(this)),
      m_events(new EventLogModel(this))
{
    connect(m_runs, &RunsModel::readFailed, this, &SessionController::errorOccurred);
}

SessionController::~SessionController()
{
    // Preparations read the session: let them finish first (their results are dropped).
    for (QFuture<PreparationOutcome>& f : m_inFlight)
        f.waitForFinished();
    m_inFlight.clear();
    m_retiredSession.reset();
    m_runs->setJournal(nullptr, {});
    if (m_session)
        disconnect(&m_session->journal(), nullptr, this, nullptr);
    m_live.clear();
    m_session.reset();
}

QString SessionController::actor()
{
    return localActor(QStringLiteral("gui"));
}

QString SessionController::workspaceRoot() const
{
    return m_session ? m_session->workspace().root() : QString();
}

Journal* SessionController::journal() const
{
    return m_session ? &m_session->journal() : nullptr;
}

QStringList SessionController::agentNames() const
{
    return m_session ? m_agentNames : QStringList();
}

QString SessionController::preferredAgent() const
{
    if (!m_session || m_agentNames.isEmpty())
        return {};
    QSettings settings;
    const QString remembered = settings::loadAgentChoice(settings, m_session->workspace().root());
    for (const QString& candidate : {remembered, m_session->workspace().settings().defaultAgent}) {
        if (!candidate.isEmpty() && m_agentNames.contains(candidate))
            return candidate;
    }
    return m_agentNames.first();
}

void SessionController::rememberAgentChoice(const QString& agent)
{
    if (!m_session || agent.isEmpty())
        return;
    QSettings settings;
    settings::saveAgentChoice(settings, m_session->workspace().root(), agent);
}

namespace {
// The agents of a workspace folder, by name (a file listing: on a worker thread).
QStringList listAgents(const QString& agentsDir)
{
    static const QString suffix = QStringLiteral(".agent.json");
    QStringList names;
    const QDir dir(agentsDir);
    for (const QString& file : dir.entryList({QLatin1Char('*') + suffix}, QDir::Files, QDir::Name))
        names << file.chopped(suffix.size());
    return names;
}
} // namespace

const QString& SessionController::currentRunId() const
{
    return m_steps->runId();
}

const RunState& SessionController::currentState() const
{
    return m_steps->state();
}

bool SessionController::isCurrentRunActive() const
{
    // A run that has ended stays active until its end is committed and published (it is
    // tracked until it stops).
    const auto it = m_live.find(currentRunId());
    return it != m_live.end() && it->second.run && currentState().status == RunStatus::Running;
}

void SessionController::openWorkspace(const QString& dir)
{
    const int generation = ++m_openGeneration;
    Q_EMIT workspaceOpening(dir);
    auto* watcher = new QFutureWatcher<OpenOutcome>(this);
    connect(watcher, &QFutureWatcher<OpenOutcome>::finished, this,
            [this, watcher, dir, generation] {
                watcher->deleteLater();
                if (generation == m_openGeneration)
                    finishOpening(dir, watcher->result());
            });
    // The keychain may block for seconds (or prompt to unlock), and the database, workspace.json
    // and the agents folder are disk work: all on a worker. The session is built there and then
    // handed to this thread, where the engine runs.
    QThread* engineThread = thread();
    const QString actorName = actor();
    watcher->setFuture(QtConcurrent::run([dir, engineThread, actorName] {
        OpenOutcome out;
        auto session = WorkspaceSession::openWithAuditKey(dir, actorName, environmentSecrets());
        if (!session) {
            out.error = session.errorMessage();
            return out;
        }
        out.agents = listAgents((*session)->workspace().agentsDir());
        (*session)->moveToThread(engineThread);
        // Whoever lets go of it last (this worker, when another workspace was asked for
        // meanwhile), it is destroyed on its own thread.
        out.session = std::shared_ptr<WorkspaceSession>(
            std::move(session).value().release(), [](WorkspaceSession* s) {
                if (QThread::currentThread() == s->thread())
                    delete s;
                else
                    s->deleteLater();
            });
        return out;
    }));
}

void SessionController::finishOpening(const QString& dir, const OpenOutcome& outcome)
{
    if (!outcome.error.isEmpty()) {
        Q_EMIT workspaceFailed(dir, outcome.error);
        return;
    }
    // The new workspace opened: only now close the old one.
    m_runs->setJournal(nullptr, {});
    ++m_selectGeneration; // a run of the old workspace still loading is dropped
    m_selecting.clear();
    m_selectingEvents.clear();
    m_steps->setRun({}, {});
    m_events->setRun({}, {});
    // Runs still executing in the old workspace end on record as cancelled (the main window asks
    // first), rather than being cut off and left to look interrupted.
    stopAllRuns(QStringLiteral("stopped by the user: another workspace was opened"));
    if (m_session)
        disconnect(&m_session->journal(), nullptr, this, nullptr);
    m_live.clear();
    cancelPreparation();
    if (!m_inFlight.empty())
        m_retiredSession = std::move(m_session); // still read by a preparation
    m_session = outcome.session;
    m_agentNames = outcome.agents;
    Journal* journal = &m_session->journal();
    connect(journal, &Journal::published, this, &SessionController::onPublished);
    connect(journal, &Journal::writeFailed, this,
            [this](const Error& e) { Q_EMIT errorOccurred(e.message); });
    m_runs->setJournal(journal, m_session->workspace().stateDir());
    QSettings settings;
    settings.setValue(QStringLiteral("workspace/last"), m_session->workspace().root());
    m_selection = settings::loadProviderSelection(settings, m_session->workspace().root());
    Q_EMIT currentRunChanged({});
    Q_EMIT activityChanged(false);
    Q_EMIT workspaceOpened(m_session->workspace().root());
}

void SessionController::selectRun(const QString& runId)
{
    if (runId == (m_selecting.isEmpty() ? currentRunId() : m_selecting))
        return;
    ++m_selectGeneration;
    m_selecting.clear();
    m_selectingEvents.clear();
    if (!m_session || runId.isEmpty()) {
        showRun(runId, {}, false);
        return;
    }
    m_selecting = runId;
    const int generation = m_selectGeneration;
    struct Read
    {
        Result<std::vector<RunEvent>> events;
        bool lockHeld = false; // a process is executing the run
    };
    auto* watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcher<Read>::finished, this, [this, watcher, runId, generation] {
        watcher->deleteLater();
        if (generation != m_selectGeneration)
            return; // another run was selected meanwhile
        m_selecting.clear();
        Read read = watcher->result();
        std::vector<RunEvent> published = std::exchange(m_selectingEvents, {});
        if (!read.events) {
            Q_EMIT errorOccurred(read.events.errorMessage());
            return;
        }
        // Events committed after the read was done arrived here in the meantime.
        std::vector<RunEvent> history = std::move(read.events).value();
        for (RunEvent& e : published) {
            if (history.empty() || e.seq > history.back().seq)
                history.push_back(std::move(e));
        }
        showRun(runId, std::move(history), read.lockHeld);
    });
    // The events (SQLite) and the run's lock (a file): read on a worker.
    const QString databasePath = m_session->workspace().databasePath();
    const QString stateDir = m_session->workspace().stateDir();
    watcher->setFuture(QtConcurrent::run([databasePath, stateDir, runId] {
        return Read{journal::readRunEvents(databasePath, runId), RunLock::isHeld(stateDir, runId)};
    }));
}

void SessionController::showRun(const QString& runId, std::vector<RunEvent> history, bool lockHeld)
{
    m_steps->setRun(runId, history);
    m_events->setRun(runId, history);
    // Recorded as running, yet executing nowhere: a crash cut its running steps off.
    if (!runId.isEmpty() && m_steps->state().status == RunStatus::Running && !m_live.count(runId) &&
        !lockHeld)
        m_steps->markRunningStepsInterrupted();
    Q_EMIT currentRunChanged(runId);
    Q_EMIT activityChanged(isCurrentRunActive());
}

void SessionController::setProviderSelection(const ProviderSelection& selection)
{
    m_selection = selection;
    if (m_session) {
        QSettings settings;
        settings::saveProviderSelection(settings, m_session->workspace().root(), selection);
    }
}

Status SessionController::startRun(const QString& agentName, const QString& input)
{
    if (!m_session)
        return Error::make(tr("Open a workspace first (File > Open Workspace)."),
                           QStringLiteral("no_workspace"));
    if (input.trimmed().isEmpty())
        return Error::make(tr("Type what the agent should do, then press Run."),
                           QStringLiteral("usage"));
    RunRequest request;
    request.kind = RunRequest::Kind::Start;
    request.agent = agentName;
    request.input = input.trimmed();
    request.selection = m_selection;
    return prepare(std::move(request));
}

Status SessionController::sendMessage(const QString& agentName, const QString& input)
{
    if (!m_session)
        return Error::make(tr("Open a workspace first (File > Open Workspace)."),
                           QStringLiteral("no_workspace"));
    const RunState& current = currentState();
    if (current.runId.isEmpty() || current.status != RunStatus::Succeeded ||
        current.agent != agentName || m_live.count(current.runId))
        return startRun(agentName, input);
    if (input.trimmed().isEmpty())
        return Error::make(tr("Type a message, then press Run."), QStringLiteral("usage"));
    RunRequest request;
    request.kind = RunRequest::Kind::Continue;
    request.runId = current.runId;
    request.input = input.trimmed();
    return prepare(std::move(request));
}

Status SessionController::prepare(RunRequest request, std::function<Status(AgentRun*)> then,
                                  bool forDecision)
{
    if (m_pending)
        return Error::make(tr("A run is being prepared: wait a moment, or press Stop."),
                           QStringLiteral("busy"));
    QSettings settings;
    request.profiles = settings::loadProfiles(settings);
    const int generation = ++m_prepareGeneration;
    const WorkspaceSession* session = m_session.get();
    // Keychain (which may block or ask to unlock), files and SQLite: never on the GUI thread.
    QFuture<PreparationOutcome> future = QtConcurrent::run([session, request] {
        return std::make_shared<Result<PreparedRun>>(prepareRun(*session, request));
    });
    m_pending = Pending{std::move(request), std::move(then), forDecision};
    m_inFlight.push_back(future);
    auto* watcher = new QFutureWatcher<PreparationOutcome>(this);
    connect(watcher, &QFutureWatcher<PreparationOutcome>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                const PreparationOutcome outcome = watcher->result();
                std::erase_if(m_inFlight,
                              [](const QFuture<PreparationOutcome>& f) { return f.isFinished(); });
                if (m_inFlight.empty())
                    m_retiredSession.reset();
                finishPreparation(generation, outcome);
            });
    watcher->setFuture(future);
    Q_EMIT preparingChanged(true);
    return {};
}

void SessionController::cancelPreparation()
{
    if (!m_pending)
        return;
    m_pending.reset();
    ++m_prepareGeneration; // its result, when it comes, is dropped
    Q_EMIT preparingChanged(false);
}

void SessionController::finishPreparation(int generation, const PreparationOutcome& outcome)
{
    if (generation != m_prepareGeneration || !m_pending || !m_session)
        return;
    Pending pending = std::move(*m_pending);
    m_pending.reset();
    Q_EMIT preparingChanged(false);
    const bool replay = pending.request.kind == RunRequest::Kind::Replay;
    const auto fail = [this, &pending, replay](const Error& error) {
        const QString message = describePreparationError(error, pending.request);
        if (pending.forDecision)
            Q_EMIT decisionFailed(message);
        else if (replay)
            Q_EMIT replayFailed(message);
        else
            Q_EMIT runPreparationFailed(message);
    };
    if (!*outcome) {
        fail(outcome->error());
        return;
    }
    auto run = launch(pending.request, std::move(*outcome).value());
    if (!run) {
        fail(run.error());
        return;
    }
    if (replay)
        Q_EMIT replayStarted((*run)->runId(), pending.request.runId);
    else if (pending.request.kind != RunRequest::Kind::Resume)
        Q_EMIT runLaunched((*run)->runId()); // the person's message went into the run
    if (pending.then) {
        if (Status s = pending.then(*run); !s)
            Q_EMIT decisionFailed(s.errorMessage());
    }
}

Result<AgentRun*> SessionController::launch(const RunRequest& request, PreparedRun prepared)
{
    if (request.kind == RunRequest::Kind::Continue || request.kind == RunRequest::Kind::Resume) {
        if (const auto it = m_live.find(request.runId); it != m_live.end() && it->second.run)
            return Error::make(tr("Run %1 is already running here.").arg(request.runId),
                               QStringLiteral("usage"));
    }
    auto launched = awb::launch(*m_session, std::move(prepared));
    if (!launched)
        return launched.error();
    AgentRun* run = launched->run;
    track(run, std::move(launched->lock));
    if (request.kind == RunRequest::Kind::Start || request.kind == RunRequest::Kind::Replay)
        startShowing(run->runId());
    return run;
}

int SessionController::activeRunCount() const
{
    int count = 0;
    for (const auto& [id, live] : m_live) {
        if (live.run && live.run->isActive() && live.run->state().status == RunStatus::Running)
            ++count;
    }
    return count;
}

void SessionController::stopAllRuns(const QString& reason)
{
    if (m_pending)
        cancelPreparation();
    // cancel() may stop a run at once, which changes m_live: take the runs first.
    std::vector<QPointer<AgentRun>> runs;
    for (const auto& [id, live] : m_live)
        runs.push_back(live.run);
    for (const QPointer<AgentRun>& run : runs) {
        if (run && run->isActive() && run->state().status == RunStatus::Running)
            run->cancel(reason);
    }
}

void SessionController::stopCurrentRun()
{
    if (m_pending && !m_pending->forDecision) {
        const bool replay = m_pending->request.kind == RunRequest::Kind::Replay;
        cancelPreparation();
        if (replay)
            Q_EMIT replayCancelled();
        else
            Q_EMIT runPreparationCancelled();
        return;
    }
    const auto it = m_live.find(currentRunId());
    if (it != m_live.end() && it->second.run)
        it->second.run->cancel();
}

void SessionController::startReplay(const QString& sourceRunId, int fromStep,
                                    const std::optional<QString>& instructions)
{
    if (!m_session) {
        Q_EMIT replayFailed(tr("Open a workspace first (File > Open Workspace)."));
        return;
    }
    if (instructions && instructions->trimmed().isEmpty()) {
        Q_EMIT replayFailed(tr("The instructions for the replay are empty."));
        return;
    }
    RunRequest request;
    request.kind = RunRequest::Kind::Replay;
    request.runId = sourceRunId;
    request.fromStep = fromStep;
    request.instructions = instructions;
    if (Status s = prepare(std::move(request)); !s)
        Q_EMIT replayFailed(s.errorMessage());
}

Status SessionController::decide(const QString& approvalStepId, bool approve)
{
    return decide(approvalStepId, approve, QString());
}

Status SessionController::resumeRun(const QString& runId)
{
    if (!m_session)
        return Error::make(tr("Open a workspace first (File > Open Workspace)."),
                           QStringLiteral("no_workspace"));
    if (runId.isEmpty())
        return Error::make(tr("No run is selected."), QStringLiteral("usage"));
    // Shown when its events are in; the resume reads them on its own worker and says so when
    // the run is not in this workspace.
    selectRun(runId);
    if (const auto it = m_live.find(runId); it != m_live.end() && it->second.run)
        return Error::make(tr("Run %1 is already running here.").arg(runId),
                           QStringLiteral("usage"));
    RunRequest request;
    request.kind = RunRequest::Kind::Resume;
    request.runId = runId;
    return prepare(std::move(request));
}

Status SessionController::decide(const QString& approvalStepId, bool approve,
                                 const QString& editedArgumentsJson)
{
    std::optional<Json> edited;
    if (!editedArgumentsJson.trimmed().isEmpty()) {
        Json parsed = Json::parse(editedArgumentsJson.toStdString(), nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object())
            return Error::make(tr("The edited arguments are not a JSON object: check the brackets, "
                                  "quotes and commas, or discard the edits."),
                               QStringLiteral("invalid_arguments"));
        edited = std::move(parsed);
    }
    if (!m_session || currentRunId().isEmpty())
        return Error::make(tr("No run is selected."), QStringLiteral("usage"));
    if (const auto it = m_live.find(currentRunId()); it != m_live.end() && it->second.run)
        return it->second.run->decide(approvalStepId, approve, actor(), {}, edited);
    // The run object is gone (the GUI was restarted, or the run paused in another process):
    // resume it, then decide.
    RunRequest request;
    request.kind = RunRequest::Kind::Resume;
    request.runId = currentRunId();
    return prepare(
        std::move(request),
        [approvalStepId, approve, edited](AgentRun* run) {
            return run->decide(approvalStepId, approve, actor(), {}, edited);
        },
        true);
}

void SessionController::track(AgentRun* run, RunLock lock)
{
    const QString runId = run->runId();
    m_live[runId] = LiveRun{run, std::move(lock)};
    connect(run, &AgentRun::stopped, this,
            [this, runId](RunStatus status) { onRunStopped(runId, status); });
    if (runId == currentRunId())
        Q_EMIT activityChanged(true);
}

void SessionController::onRunStopped(const QString& runId, RunStatus status)
{
    if (status != RunStatus::WaitingApproval) {
        // A run stops once its end is committed: the lock can go now, so that a follow-up
        // message sent at once continues this run.
        const auto it = m_live.find(runId);
        if (it != m_live.end()) {
            if (it->second.run)
                it->second.run->deleteLater();
            m_live.erase(it);
        }
    }
    if (runId == currentRunId())
        Q_EMIT activityChanged(false);
}

void SessionController::startShowing(const QString& runId)
{
    // A run that has just started here has nothing committed yet: it shows at once and its
    // events, all of them, follow as they are published.
    ++m_selectGeneration;
    m_selecting.clear();
    m_selectingEvents.clear();
    showRun(runId, {}, true);
}

void SessionController::onPublished(const RunEvent& event)
{
    if (!m_selecting.isEmpty() && event.runId == m_selecting)
        m_selectingEvents.push_back(event);
    if (event.runId != currentRunId())
        return;
    m_steps->apply(event);
    m_events->append(event);
}

void SessionController::probeKeychain()
{
    auto* watcher = new QFutureWatcher<Keychain::State>(this);
    connect(watcher, &QFutureWatcher<Keychain::State>::finished, this, [this, watcher] {
        watcher->deleteLater();
        Q_EMIT keychainStateKnown(Keychain::stateName(watcher->result()));
    });
    watcher->setFuture(QtConcurrent::run([] { return Keychain::probe(); }));
}

} // namespace awb::ui
