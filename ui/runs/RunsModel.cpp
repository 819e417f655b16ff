#include "runs/RunsModel.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include "agent/PromptVersions.h"
#include "engine/RunLock.h"
#include "inspector/JournalReader.h"
#include "runs/StatusStyle.h"
#include "util/Decimal.h"

namespace awb::ui {

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsModel::setJournal(Journal* journal, const QString& stateDir)
{
    if (m_journal)
        disconnect(m_journal, nullptr, this, nullptr);
    beginResetModel();
    m_journal = journal;
    m_stateDir = stateDir;
    m_rows.clear();
    m_live.clear();
    m_catchingUp.clear();
    m_versions.clear();
    m_runSha.clear();
    ++m_generation; // reads for the previous journal are dropped
    m_promptLoads = 0;
    m_indexLoading = journal != nullptr;
    endResetModel();
    if (!journal)
        return;
    connect(journal, &Journal::published, this, &RunsModel::apply);

    struct Index
    {
        std::vector<Row> rows;
        QString error;
    };
    const QString databasePath = journal->databasePath();
    const int generation = m_generation;
    auto* watcher = new QFutureWatcher<Index>(this);
    connect(watcher, &QFutureWatcher<Index>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        Index index = watcher->result();
        m_indexLoading = false;
        if (!index.error.isEmpty())
            Q_EMIT readFailed(tr("Cannot read the run history: %1").arg(index.error));
        addIndexRows(std::move(index.rows));
        Q_EMIT loaded();
        reloadPromptVersions();
    });
    // The index and the run locks (files) are read on a worker: never on the GUI thread.
    watcher->setFuture(QtConcurrent::run([databasePath, stateDir] {
        Index out;
        auto runs = journal::readRunsIndex(databasePath);
        if (!runs) {
            out.error = runs.errorMessage();
            return out;
        }
        for (const RunRow& r : *runs) {
            Row row{r.runId,
                    r.agent,
                    r.provider,
                    r.model,
                    r.status,
                    QDateTime::fromString(r.createdAt, Qt::ISODateWithMs),
                    QDateTime::fromString(r.updatedAt, Qt::ISODateWithMs),
                    r.inputTokens + r.outputTokens,
                    r.costMicros};
            // A run marked running whose process is gone was interrupted (a crash); resume
            // continues it.
            if (row.status == QLatin1String("running") && !RunLock::isHeld(stateDir, r.runId))
                row.status = QStringLiteral("interrupted");
            out.rows.push_back(std::move(row));
        }
        return out;
    }));
}

void RunsModel::addIndexRows(std::vector<Row> rows)
{
    // Runs that published events while the index was read already have a row, from their newer
    // state: those keep it.
    std::erase_if(rows, [this](const Row& row) { return rowOf(row.runId) >= 0; });
    if (rows.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    std::move(rows.begin(), rows.end(), std::back_inserter(m_rows));
    endInsertRows();
}

void RunsModel::reloadPromptVersions()
{
    QSet<QString> agents;
    for (const Row& row : m_rows)
        agents.insert(row.agent);
    loadPromptVersions(agents.values());
}

void RunsModel::loadPromptVersions(const QStringList& agents)
{
    if (!m_journal || agents.isEmpty())
        return;
    const QString databasePath = m_journal->databasePath();
    const int generation = m_generation;
    ++m_promptLoads;
    auto* watcher = new QFutureWatcher<PromptSnapshot>(this);
    connect(watcher, &QFutureWatcher<PromptSnapshot>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        --m_promptLoads;
        const PromptSnapshot snapshot = watcher->result();
        for (const auto& [key, saved] : snapshot.versions)
            m_versions[key] = saved;
        for (auto it = snapshot.runSha.begin(); it != snapshot.runSha.end(); ++it)
            m_runSha.insert(it.key(), it.value());
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, PromptVersionColumn),
                               index(rowCount() - 1, PromptVersionColumn));
        Q_EMIT promptVersionsLoaded();
    });
    // SQLite reads on their own connections: never on the GUI thread.
    watcher->setFuture(QtConcurrent::run([databasePath, agents] {
        PromptSnapshot out;
        const PromptVersions store(QString(), databasePath);
        for (const QString& agent : agents) {
            if (auto versions = store.list(agent)) {
                // Oldest first: the same text saved again names the latest version.
                for (const PromptVersion& v : *versions)
                    out.versions[{agent, v.sha256}] = SavedVersion{v.version, v.name};
            }
            if (auto runs = store.runs(agent)) {
                for (const PromptRun& r : *runs)
                    out.runSha.insert(r.runId, r.instructionsSha256);
            }
        }
        return out;
    }));
}

int RunsModel::promptVersionOf(const Row& row, QString* name) const
{
    const auto sha = m_runSha.constFind(row.runId);
    if (sha == m_runSha.constEnd())
        return -1;
    const auto saved = m_versions.find({row.agent, *sha});
    if (saved == m_versions.end())
        return 0;
    if (name)
        *name = saved->second.name;
    return saved->second.version;
}

int RunsModel::rowOf(const QString& runId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].runId == runId)
            return int(i);
    }
    return -1;
}

RunsModel::Row RunsModel::fromState(const RunState& state)
{
    return Row{state.runId, state.agent, state.provider, state.model, runStatusName(state.status),
               state.createdAt,
               // A duration only once the run ended: a live run's row changes with what it shows
               // (status, tokens, cost), not with every event's timestamp.
               state.isFinished() ? state.finishedAt : QDateTime(), state.usage.totalTokens(),
               state.usage.costMicros};
}

void RunsModel::apply(const RunEvent& event)
{
    // Streamed tokens change nothing this table shows: skip them before any lookup.
    if (event.kind == EventKind::TextDelta)
        return;
    if (const auto waiting = m_catchingUp.find(event.runId); waiting != m_catchingUp.end()) {
        waiting->push_back(event);
        return;
    }
    auto live = m_live.find(event.runId);
    if (live == m_live.end()) {
        if (event.kind != EventKind::RunStarted) {
            // First event of a run loaded from the index: its state is rebuilt from the journal
            // once, on a worker; the journal already holds this event (events are published
            // after they are committed).
            m_catchingUp.insert(event.runId, {event});
            catchUp(event.runId);
            return;
        }
        RunState state;
        state.apply(event);
        live = m_live.insert(event.runId, state);
        const QString sha = jsonString(event.data, "instructions_sha256");
        if (!sha.isEmpty()) {
            m_runSha.insert(event.runId, sha);
            // Instructions not seen yet: perhaps a version saved since the last read.
            if (!m_versions.count({state.agent, sha}))
                loadPromptVersions({state.agent});
        }
    } else if (event.seq > live->lastSeq) {
        live->apply(event);
    }
    showState(*live);
}

void RunsModel::catchUp(const QString& runId)
{
    if (!m_journal) {
        m_catchingUp.remove(runId);
        return;
    }
    using Events = Result<std::vector<RunEvent>>;
    const QString databasePath = m_journal->databasePath();
    const int generation = m_generation;
    auto* watcher = new QFutureWatcher<Events>(this);
    connect(watcher, &QFutureWatcher<Events>::finished, this, [this, watcher, runId, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const std::vector<RunEvent> published = m_catchingUp.take(runId);
        const Events events = watcher->result();
        if (!events) {
            // The row keeps what the index said; the run's next event tries again.
            Q_EMIT readFailed(
                tr("Cannot read the events of run %1: %2").arg(runId, events.errorMessage()));
            return;
        }
        RunState state = RunState::fromEvents(*events);
        // Events committed after the read arrived meanwhile.
        for (const RunEvent& e : published) {
            if (e.seq > state.lastSeq)
                state.apply(e);
        }
        if (state.runId.isEmpty())
            return; // nothing recorded that names the run
        showState(*m_live.insert(runId, std::move(state)));
    });
    watcher->setFuture(QtConcurrent::run(
        [databasePath, runId] { return journal::readRunEvents(databasePath, runId); }));
}

void RunsModel::showState(const RunState& state)
{
    const Row row = fromState(state);
    const int at = rowOf(state.runId);
    if (at < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.insert(m_rows.begin(), row);
        endInsertRows();
        return;
    }
    if (m_rows[std::size_t(at)] == row)
        return;
    m_rows[std::size_t(at)] = row;
    Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
}

int RunsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& r = m_rows[std::size_t(index.row())];
    switch (role) {
    case RunIdRole:
        return r.runId;
    case StatusRole:
        return r.status;
    case PromptVersionRole:
        return promptVersionOf(r);
    case SortRole:
        switch (Column(index.column())) {
        case TokensColumn:
            return qlonglong(r.tokens);
        case CostColumn:
            return qlonglong(r.costMicros);
        case CreatedColumn:
            return r.createdAt;
        case DurationColumn:
            return r.createdAt.isValid() && r.updatedAt.isValid() ? r.createdAt.msecsTo(r.updatedAt)
                                                                  : qint64(-1);
        case PromptVersionColumn:
            return promptVersionOf(r);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? statusColor(r.status) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == TokensColumn || index.column() == CostColumn ||
                       index.column() == DurationColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == PromptVersionColumn) {
            QString name;
            const int version = promptVersionOf(r, &name);
            if (version > 0)
                return tr("Prompt version %1: %2").arg(version).arg(name);
            if (version == 0)
                return tr("The instructions this run used were never saved as a version");
        }
        return r.runId;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case RunIdColumn:
        return r.runId;
    case AgentColumn:
        return r.agent;
    case StatusColumn:
        return statusText(r.status);
    case ModelColumn:
        return r.model;
    case TokensColumn:
        return QLocale().toString(qlonglong(r.tokens));
    case CostColumn:
        return Decimal::fromMicros(r.costMicros).toString(4);
    case CreatedColumn:
        return r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ProviderColumn:
        return r.provider;
    case DurationColumn: {
        if (!r.createdAt.isValid() || !r.updatedAt.isValid())
            return {};
        const qint64 ms = r.createdAt.msecsTo(r.updatedAt);
        if (ms < 1000)
            return tr("%1 ms").arg(ms);
        return ms < 60000 ? tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1))
                          : tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
    }
    case PromptVersionColumn: {
        const int version = promptVersionOf(r);
        if (version > 0)
            return QStringLiteral("v%1").arg(version);
        return version == 0 ? tr("unsaved") : QVariant();
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RunIdColumn:
        return tr("Run");
    case AgentColumn:
        return tr("Agent");
    case StatusColumn:
        return tr("Status");
    case ModelColumn:
        return tr("Model");
    case TokensColumn:
        return tr("Tokens");
    case CostColumn:
        return tr("Cost (US$)");
    case CreatedColumn:
        return tr("Started");
    case ProviderColumn:
        return tr("Provider");
    case DurationColumn:
        return tr("Duration");
    case PromptVersionColumn:
        return tr("Prompt");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace awb::ui
