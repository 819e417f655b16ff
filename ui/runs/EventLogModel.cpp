#include "runs/EventLogModel.h"

#include <QLocale>

#include "runs/StatusStyle.h"

namespace awb::ui {

namespace {
constexpr int kSummaryLength = 160;

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > kSummaryLength ? text.left(kSummaryLength - 1) + QChar(0x2026) : text;
}
} // namespace

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventLogModel::setRun(const QString& runId, const std::vector<RunEvent>& history)
{
    beginResetModel();
    m_runId = runId;
    m_entries.clear();
    m_entries.reserve(history.size());
    for (const RunEvent& e : history)
        add(e);
    endResetModel();
}

void EventLogModel::append(const RunEvent& event)
{
    if (m_runId.isEmpty() || event.runId != m_runId)
        return;
    if (!m_entries.empty() && event.seq <= m_entries.back().lastSeq)
        return;
    const int row = int(m_entries.size());
    const bool grows = !m_entries.empty() && event.kind == EventKind::TextDelta &&
                       m_entries.back().kind == EventKind::TextDelta && m_entries.back().stepId == event.stepId;
    if (grows) {
        add(event);
        Q_EMIT dataChanged(index(row - 1, 0), index(row - 1, ColumnCount - 1), {Qt::DisplayRole});
        return;
    }
    beginInsertRows({}, row, row);
    add(event);
    endInsertRows();
}

bool EventLogModel::add(const RunEvent& e)
{
    if (e.kind == EventKind::TextDelta && !m_entries.empty() && m_entries.back().kind == EventKind::TextDelta &&
        m_entries.back().stepId == e.stepId) {
        Entry& last = m_entries.back();
        last.streamed += jsonString(e.data, "text");
        last.pieces += 1;
        last.lastSeq = e.seq;
        last.summary = tr("%n piece(s) of streamed text: %1", nullptr, last.pieces)
                           .arg(oneLine(QStringLiteral("\u201c%1\u201d").arg(last.streamed.right(kSummaryLength))));
        return true;
    }
    m_entries.push_back(entryOf(e));
    return false;
}

EventLogModel::Entry EventLogModel::entryOf(const RunEvent& e)
{
    Entry entry{e.seq, e.time, e.kind, e.stepId, summary(e), e.seq, {}, 0};
    if (e.kind == EventKind::TextDelta) {
        entry.streamed = jsonString(e.data, "text");
        entry.pieces = 1;
    }
    return entry;
}

QString EventLogModel::summary(const RunEvent& e)
{
    const Json& d = e.data;
    switch (e.kind) {
    case EventKind::RunStarted:
        return tr("agent %1, model %2/%3")
            .arg(jsonString(d, "agent"), jsonString(d, "provider"), jsonString(d, "model"));
    case EventKind::UserMessage:
        return oneLine(jsonString(d, "text"));
    case EventKind::StepCreated:
        return jsonString(d, "effect").isEmpty()
                   ? QStringLiteral("%1 %2").arg(jsonString(d, "kind"), jsonString(d, "name"))
                   : QStringLiteral("%1 %2 (%3)")
                         .arg(jsonString(d, "kind"), jsonString(d, "name"),
                              jsonString(d, "effect"));
    case EventKind::StepStarted:
        return tr("attempt %1").arg(d.value("attempt", 1));
    case EventKind::TextDelta:
        return oneLine(QStringLiteral("\u201c%1\u201d").arg(jsonString(d, "text")));
    case EventKind::ModelResponded: {
        const Json usage = d.value("usage", Json::object());
        return tr("%1 in / %2 out tokens")
            .arg(QLocale().toString(qlonglong(usage.value("input_tokens", std::int64_t(0)))),
                 QLocale().toString(qlonglong(usage.value("output_tokens", std::int64_t(0)))));
    }
    case EventKind::ToolSucceeded:
        return tr("result %1 in %2 ms")
            .arg(jsonString(d, "handle"))
            .arg(d.value("duration_ms", std::int64_t(0)));
    case EventKind::StepFailed:
        return oneLine(jsonString(d.value("error", Json::object()), "message"));
    case EventKind::ApprovalRequested:
        return tr("%1 (%2) waits for a decision")
            .arg(jsonString(d, "tool"), jsonString(d, "effect"));
    case EventKind::ApprovalDecided:
        return d.value("approved", false) ? tr("approved by %1").arg(jsonString(d, "actor"))
                                          : tr("rejected by %1").arg(jsonString(d, "actor"));
    case EventKind::RunPaused:
        return oneLine(jsonString(d, "reason"));
    case EventKind::RunResumed:
        return tr("by %1").arg(jsonString(d, "actor"));
    case EventKind::RunFinished:
        return statusText(jsonString(d, "status"));
    case EventKind::StepRetried:
        return oneLine(tr("attempt %1 in %2 ms after: %3")
                           .arg(d.value("attempt", 0))
                           .arg(d.value("delay_ms", std::int64_t(0)))
                           .arg(jsonString(d.value("error", Json::object()), "message")));
    case EventKind::ModelFellBack:
        return oneLine(tr("%1 \u2192 %2: %3")
                           .arg(jsonString(d, "from"), jsonString(d, "to"),
                                jsonString(d.value("error", Json::object()), "message")));
    default: // kinds written by newer versions
        break;
    }
    return {};
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry& e = m_entries[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() == SeqColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case SeqColumn:
        return qlonglong(e.seq);
    case TimeColumn:
        return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case KindColumn:
        return eventKindName(e.kind);
    case StepColumn:
        return e.stepId;
    case SummaryColumn:
        return e.summary;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Event");
    case StepColumn:
        return tr("Step");
    case SummaryColumn:
        return tr("Summary");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace awb::ui
