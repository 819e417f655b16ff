#include "runs/RunStepsModel.h"

#include <QLocale>

#include "runs/StatusStyle.h"

namespace awb::ui {

namespace {

struct Shown
{
    StepStatus status;
    qint64 duration;
    std::int64_t tokens;
    bool operator==(const Shown&) const = default;
};

Shown shown(const StepState& s)
{
    return {s.status, RunStepsModel::durationMs(s), s.usage.totalTokens()};
}

} // namespace

QString RunStepsModel::kindText(StepKind kind)
{
    switch (kind) {
    case StepKind::Model:
        return tr("model");
    case StepKind::Tool:
        return tr("tool");
    case StepKind::Approval:
        return tr("approval");
    }
    return {};
}

qint64 RunStepsModel::durationMs(const StepState& s)
{
    const QDateTime& from = s.kind == StepKind::Approval ? s.createdAt : s.startedAt;
    return from.isValid() && s.finishedAt.isValid() ? from.msecsTo(s.finishedAt) : -1;
}

QString RunStepsModel::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 2));
}

RunStepsModel::RunStepsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunStepsModel::setRun(const QString& runId, const std::vector<RunEvent>& history)
{
    beginResetModel();
    m_runId = runId;
    m_state = RunState();
    m_interrupted.clear();
    for (const RunEvent& e : history) {
        m_state.apply(e);
        (void)m_interrupted.apply(e, m_state);
    }
    endResetModel();
}

void RunStepsModel::markRunningStepsInterrupted()
{
    notifyInterrupted(m_interrupted.markRunning(m_state));
}

void RunStepsModel::notifyInterrupted(const QSet<QString>& changed)
{
    if (changed.isEmpty())
        return;
    for (int row = 0; row < int(m_state.steps.size()); ++row) {
        if (changed.contains(m_state.steps[std::size_t(row)].id))
            Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
    }
    Q_EMIT interruptedStepsChanged();
}

QString RunStepsModel::statusNameOf(const StepState& step) const
{
    return m_interrupted.contains(step.id) ? QStringLiteral("interrupted")
                                           : stepStatusName(step.status);
}

void RunStepsModel::apply(const RunEvent& event)
{
    if (m_runId.isEmpty() || event.runId != m_runId || event.seq <= m_state.lastSeq)
        return;
    if (event.kind == EventKind::StepCreated) {
        const int row = int(m_state.steps.size());
        beginInsertRows({}, row, row);
        m_state.apply(event);
        endInsertRows();
    } else if (const StepState* step = m_state.step(event.stepId)) {
        const int row = int(step - m_state.steps.data());
        const Shown before = shown(*step);
        m_state.apply(event);
        if (!(shown(m_state.steps[std::size_t(row)]) == before))
            Q_EMIT dataChanged(index(row, StatusColumn), index(row, TokensColumn));
    } else if (event.kind == EventKind::RunResumed && event.data.contains("reopened_steps")) {
        // A stopped run resumed: the steps its stop cut off are open again.
        std::vector<Shown> before;
        before.reserve(m_state.steps.size());
        for (const StepState& s : m_state.steps)
            before.push_back(shown(s));
        m_state.apply(event);
        for (std::size_t row = 0; row < before.size(); ++row) {
            if (!(shown(m_state.steps[row]) == before[row]))
                Q_EMIT dataChanged(index(int(row), StatusColumn), index(int(row), TokensColumn));
        }
    } else {
        m_state.apply(event);
    }
    notifyInterrupted(m_interrupted.apply(event, m_state));
    Q_EMIT eventApplied(event);
}

int RunStepsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_state.steps.size());
}

int RunStepsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunStepsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StepState& s = m_state.steps[std::size_t(index.row())];
    switch (role) {
    case StepIdRole:
        return s.id;
    case StatusRole:
        return statusNameOf(s);
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? statusColor(statusNameOf(s)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == DurationColumn || index.column() == TokensColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ToolTipRole:
        return s.error.is_object() ? QVariant(jsonString(s.error, "message")) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case IdColumn:
        return s.id;
    case KindColumn:
        return kindText(s.kind);
    case NameColumn:
        return s.name;
    case StatusColumn:
        return statusText(statusNameOf(s));
    case DurationColumn:
        return durationText(durationMs(s));
    case TokensColumn:
        return s.kind == StepKind::Model && s.usage.totalTokens() > 0
                   ? QLocale().toString(qlonglong(s.usage.totalTokens()))
                   : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RunStepsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IdColumn:
        return tr("Step");
    case KindColumn:
        return tr("Kind");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case TokensColumn:
        return tr("Tokens");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace awb::ui
