#include "session/SessionController.h"

#include <QDir>
#include <QFutureWatcher>
#include <QSettings>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "agent/PromptVersions.h"
#include "engine/AgentRun.h"
#include "engine/Journal.h"
#include "engine/RunReplay.h"
#include "engine/WorkspaceSession.h"
#include "inspector/JournalReader.h"
#include "runs/EventLogModel.h"
#include "runs/RunStepsModel.h"
#include "runs/RunsModel.h"
#include "security/AuditKey.h"
#include "security/Keychain.h"

namespace awb::ui {

namespace {
// Credentials to redact everywhere: the conventional provider variables, as the CLI does.
QStringList knownSecrets()
{
    QStringList out;
    for (const char* var : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            out << v;
    }
    return out;
}
} // namespace

// What the worker thread found: the workspace root and its audit key, or why not.
struct SessionController::OpenOutcome
{
    QString root;
    QByteArray key;
    QString error;
};

SessionController::SessionController(QObject* parent)
    : QObject(parent), m_runs(new RunsModel(this)), m_steps(new RunStepsModel(this)),
      m_events(new EventLogModel(this))
{
}

SessionController::~SessionController()
{
    m_runs->setJournal(nullptr, {});
    if (m_session)
        disconnect(&m_session->journal(), nullptr, this, nullptr);
    m_live.clear();
    m_session.reset();
}

QString SessionController::actor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QStringLiteral("unknown"));
    return QStringLiteral("gui:%1").arg(user);
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
    if (!m_session)
        return {};
    static const QString suffix = QStringLiteral(".agent.json");
    QStringList names;
    const QDir dir(m_session->workspace().agentsDir());
    for (const QString& file : dir.entryList({QLatin1Char('*') + suffix}, QDir::Files, QDir::Name))
        names << file.chopped(suffix.size());
    return names;
}

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
    const auto it = m_live.find(currentRunId());
    return it != m_live.end() && it->second.run && it->second.run->isActive() &&
           currentState().status == RunStatus::Running;
}

void SessionController::openWorkspace(const QString& dir)
{
    const int generation = ++m_openGeneration;
    Q_EMIT workspaceOpening(dir);
    // The keychain may block for seconds (or prompt to unlock): never on the GUI thread.
    auto* watcher = new QFutureWatcher<OpenOutcome>(this);
    connect(watcher, &QFutureWatcher<OpenOutcome>::finished, this,
            [this, watcher, dir, generation] {
                watcher->deleteLater();
                if (generation == m_openGeneration)
                    finishOpening(dir, watcher->result());
            });
    watcher->setFuture(QtConcurrent::run([dir] {
        OpenOutcome out;
        auto ws = Workspace::open(dir);
        if (!ws) {
            out.error = ws.errorMessage();
            return out;
        }
        out.root = ws->root();
        auto key = AuditKey::resolve(out.root);
        if (!key)
            out.error = key.errorMessage();
        else
            out.key = key->key;
        return out;
    }));
}

void SessionController::finishOpening(const QString& dir, const OpenOutcome& outcome)
{
    if (!outcome.error.isEmpty()) {
        Q_EMIT workspaceFailed(dir, outcome.error);
        return;
    }
    auto session = WorkspaceSession::open(outcome.root, outcome.key, actor(), knownSecrets());
    if (!session) {
        Q_EMIT workspaceFailed(dir, session.errorMessage());
        return;
    }
    // The new workspace opened: only now close the old one.
    m_runs->setJournal(nullptr, {});
    m_steps->setRun({}, {});
    m_events->setRun({}, {});
    if (m_session)
        disconnect(&m_session->journal(), nullptr, this, nullptr);
    m_live.clear();
    m_session = std::move(session).value();
    Journal* journal = &m_session->journal();
    connect(journal, &Journal::published, this, &SessionController::onPublished);
    connect(journal, &Journal::writeFailed, this,
            [this](const Error& e) { Q_EMIT errorOccurred(e.message); });
    m_runs->setJournal(journal, m_session->workspace().stateDir());
    QSettings().setValue(QStringLiteral("workspace/last"), m_session->workspace().root());
    Q_EMIT currentRunChanged({});
    Q_EMIT activityChanged(false);
    Q_EMIT workspaceOpened(m_session->workspace().root());
}

void SessionController::selectRun(const QString& runId)
{
    if (runId == currentRunId())
        return;
    std::vector<RunEvent> history;
    if (m_session && !runId.isEmpty()) {
        auto events = m_session->journal().loadEvents(runId);
        if (!events)
            Q_EMIT errorOccurred(events.errorMessage());
        else
            history = std::move(events).value();
    }
    m_steps->setRun(runId, history);
    m_events->setRun(runId, history);
    Q_EMIT currentRunChanged(runId);
    Q_EMIT activityChanged(isCurrentRunActive());
}

Status SessionController::startRun(const QString& agentName, const QString& input)
{
    if (!m_session)
        return Error::make(tr("Open a workspace first (File > Open Workspace)."),
                           QStringLiteral("no_workspace"));
    if (input.trimmed().isEmpty())
        return Error::make(tr("Type what the agent should do, then press Run."),
                           QStringLiteral("usage"));
    auto agent = m_session->loadAgent(agentName);
    if (!agent)
        return agent.error();
    ProviderChoice choice;
    choice.provider = QStringLiteral("scripted"); // the only provider this first GUI offers
    QString model;
    auto provider = m_session->providerFor(*agent, choice, &model);
    if (!provider)
        return provider.error();
    RunOptions options;
    // Ties the run to the prompt version it used (the prompt editor lists runs per version).
    options.startDetails = {
        {"instructions_sha256", toStd(PromptVersions::instructionsHash(agent->instructions))}};
    AgentRun* run = AgentRun::start(m_session->context(), *agent, *provider, model, input.trimmed(),
                                    std::move(options), m_session.get());
    auto lock = RunLock::acquire(m_session->workspace().stateDir(), run->runId());
    if (!lock) {
        run->cancel(lock.errorMessage());
        return lock.error();
    }
    track(run, std::move(lock).value());
    selectRun(run->runId());
    return {};
}

Status SessionController::sendMessage(const QString& agentName, const QString& input)
{
    if (!m_session)
        return Error::make(tr("Open a workspace first (File > Open Workspace)."), QStringLiteral("no_workspace"));
    const RunState& current = currentState();
    if (current.runId.isEmpty() || current.status != RunStatus::Succeeded || current.agent != agentName ||
        m_live.count(current.runId))
        return startRun(agentName, input);
    if (input.trimmed().isEmpty())
        return Error::make(tr("Type a message, then press Run."), QStringLiteral("usage"));
    auto lock = RunLock::acquire(m_session->workspace().stateDir(), current.runId);
    if (!lock)
        return lock.error();
    auto agent = m_session->loadAgent(current.agentFile.isEmpty() ? current.agent : current.agentFile);
    if (!agent)
        return agent.error();
    ProviderChoice choice;
    choice.provider = current.provider;
    choice.model = current.model;
    QString model;
    auto provider = m_session->providerFor(*agent, choice, &model);
    if (!provider)
        return provider.error();
    const QString runId = current.runId;
    auto source = replaySourceOf(current);
    if (!source)
        return source.error();
    auto run = *source ? RunReplay::continueRun(m_session->context(), current, **source, *agent,
                                                *provider, RunOptions{}, input, m_session.get())
                       : AgentRun::continueRun(m_session->context(), runId, *agent, *provider,
                                               RunOptions{}, input, m_session.get());
    if (!run)
        return run.error();
    track(*run, std::move(lock).value());
    return {};
}

void SessionController::stopCurrentRun()
{
    const auto it = m_live.find(currentRunId());
    if (it != m_live.end() && it->second.run)
        it->second.run->cancel();
}

Result<AgentRun*> SessionController::resumeCurrent()
{
    const RunState& state = currentState();
    auto lock = RunLock::acquire(m_session->workspace().stateDir(), state.runId);
    if (!lock)
        return lock.error();
    auto agent = m_session->loadAgent(state.agentFile.isEmpty() ? state.agent : state.agentFile);
    if (!agent)
        return agent.error();
    ProviderChoice choice;
    choice.provider = state.provider;
    choice.model = state.model;
    QString model;
    auto provider = m_session->providerFor(*agent, choice, &model);
    if (!provider)
        return provider.error();
    auto source = replaySourceOf(state);
    if (!source)
        return source.error();
    auto run = *source ? RunReplay::resume(m_session->context(), state, **source, *agent, *provider,
                                           RunOptions{}, m_session.get())
                       : AgentRun::resume(m_session->context(), state.runId, *agent, *provider,
                                          RunOptions{}, m_session.get());
    if (!run)
        return run.error();
    track(*run, std::move(lock).value());
    return run;
}

Result<std::optional<ReplaySource>> SessionController::replaySourceOf(const RunState& run)
{
    const auto link = ReplayLink::of(run);
    if (!link)
        return std::optional<ReplaySource>();
    auto events = m_session->journal().loadEvents(link->sourceRunId);
    if (!events)
        return events.error();
    auto source = ReplaySource::fromEvents(*events, link->fromStep);
    if (!source)
        return Error::make(tr("Run %1 replays run %2, which cannot be read: %3")
                               .arg(run.runId, link->sourceRunId, source.errorMessage()),
                           source.error().code);
    return std::optional<ReplaySource>(std::move(source).value());
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
    const int generation = m_openGeneration;
    auto* watcher = new QFutureWatcher<Result<std::vector<RunEvent>>>(this);
    connect(watcher, &QFutureWatcher<Result<std::vector<RunEvent>>>::finished, this,
            [this, watcher, generation, sourceRunId, fromStep, instructions] {
                watcher->deleteLater();
                if (generation == m_openGeneration && m_session)
                    finishReplay(sourceRunId, fromStep, instructions, watcher->result());
            });
    watcher->setFuture(QtConcurrent::run([path = m_session->journal().databasePath(), sourceRunId] {
        return journal::readRunEvents(path, sourceRunId);
    }));
}

void SessionController::finishReplay(const QString& sourceRunId, int fromStep,
                                     const std::optional<QString>& instructions,
                                     const Result<std::vector<RunEvent>>& events)
{
    if (!events) {
        Q_EMIT replayFailed(events.errorMessage());
        return;
    }
    if (events->empty()) {
        Q_EMIT replayFailed(tr("Run %1 is not in this workspace.").arg(sourceRunId));
        return;
    }
    auto source = ReplaySource::fromEvents(*events, fromStep);
    if (!source) {
        Q_EMIT replayFailed(source.errorMessage());
        return;
    }
    const RunState& recorded = source->run();
    auto agent =
        m_session->loadAgent(recorded.agentFile.isEmpty() ? recorded.agent : recorded.agentFile);
    if (!agent) {
        Q_EMIT replayFailed(agent.errorMessage());
        return;
    }
    QString model;
    auto provider = m_session->providerFor(*agent, RunReplay::providerOf(recorded), &model);
    if (!provider) {
        Q_EMIT replayFailed(provider.errorMessage());
        return;
    }
    auto run = RunReplay::start(m_session->context(), *source, *agent, *provider, model,
                                instructions, RunOptions{}, m_session.get());
    if (!run) {
        Q_EMIT replayFailed(run.errorMessage());
        return;
    }
    auto lock = RunLock::acquire(m_session->workspace().stateDir(), (*run)->runId());
    if (!lock) {
        (*run)->cancel(lock.errorMessage());
        Q_EMIT replayFailed(lock.errorMessage());
        return;
    }
    track(*run, std::move(lock).value());
    selectRun((*run)->runId());
    Q_EMIT replayStarted((*run)->runId(), sourceRunId);
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
    selectRun(runId);
    if (runId.isEmpty() || currentState().runId != runId)
        return Error::make(tr("Run %1 is not in this workspace.").arg(runId),
                           QStringLiteral("unknown_run"));
    if (const auto it = m_live.find(runId); it != m_live.end() && it->second.run)
        return Error::make(tr("Run %1 is already running here.").arg(runId),
                           QStringLiteral("usage"));
    auto resumed = resumeCurrent();
    if (!resumed)
        return resumed.error();
    return {};
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
    AgentRun* run = nullptr;
    if (const auto it = m_live.find(currentRunId()); it != m_live.end() && it->second.run)
        run = it->second.run;
    if (!run) {
        // The run object is gone (the GUI was restarted, or the run paused in another process).
        auto resumed = resumeCurrent();
        if (!resumed)
            return resumed.error();
        run = *resumed;
    }
    return run->decide(approvalStepId, approve, actor(), {}, edited);
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
        // Release the lock after the journal's pending commit, queued before this turn ends.
        QTimer::singleShot(0, this, [this, runId] {
            const auto it = m_live.find(runId);
            if (it == m_live.end())
                return;
            if (it->second.run)
                it->second.run->deleteLater();
            m_live.erase(it);
        });
    }
    if (runId == currentRunId())
        Q_EMIT activityChanged(false);
}

void SessionController::onPublished(const RunEvent& event)
{
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
