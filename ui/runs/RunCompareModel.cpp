#include "runs/RunCompareModel.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

#include "runs/RunStepsModel.h"
#include "runs/StatusStyle.h"
#include "util/Decimal.h"

namespace awb::ui {

namespace {

constexpr int kShownChars = 120;

QString elided(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > kShownChars ? text.left(kShownChars - 1) + QChar(0x2026) : text;
}

// What a step produced, as a person scans it, and the value two runs are compared by: for model
// steps the text and the calls without their ids (providers make new ids on every call).
std::pair<QString, QString> resultOf(const StepState& s)
{
    if (s.kind == StepKind::Approval) {
        if (!s.approved)
            return {};
        if (*s.approved)
            return {RunCompareModel::tr("approved by %1").arg(s.decidedBy),
                    QStringLiteral("approved")};
        const QString reason = jsonString(s.error, "message");
        return {RunCompareModel::tr("rejected by %1: %2").arg(s.decidedBy, reason),
                QStringLiteral("rejected\n") + reason};
    }
    if (s.status == StepStatus::Failed) {
        const QString message =
            RunCompareModel::tr("error: %1").arg(jsonString(s.error, "message"));
        return {message,
                jsonString(s.error, "code") + QLatin1Char('\n') + jsonString(s.error, "message")};
    }
    switch (s.kind) {
    case StepKind::Model: {
        auto message = llm::ChatMessage::fromJson(s.content);
        if (!message)
            return {};
        QStringList calls;
        QString compared = message->text;
        for (const llm::ToolCall& call : message->toolCalls) {
            calls << call.name;
            compared += QLatin1Char('\n') + call.name + canonicalJsonString(call.arguments);
        }
        QString text = message->text.trimmed();
        if (!calls.isEmpty())
            text = RunCompareModel::tr("calls %1").arg(calls.join(QStringLiteral(", "))) +
                   (text.isEmpty() ? QString() : QStringLiteral(" \u2014 ") + text);
        return {text, compared};
    }
    case StepKind::Tool:
        if (s.content.is_null() || s.content.empty())
            return {};
        return {canonicalJsonString(s.content), canonicalJsonString(s.content)};
    case StepKind::Approval:
        break;
    }
    return {};
}

} // namespace

RunCompareModel::RunCompareModel(QObject* parent) : QAbstractTableModel(parent) {}

RunCompareModel::Cells RunCompareModel::cellsOf(const StepState& s, int number)
{
    Cells c;
    c.status = stepStatusName(s.status);
    c.text[StepField] = QStringLiteral("%1").arg(number);
    c.tip[StepField] = s.id;
    c.text[KindField] = c.compared[KindField] = RunStepsModel::kindText(s.kind);
    c.text[NameField] = c.compared[NameField] = s.name;
    c.text[StatusField] = statusText(c.status);
    c.compared[StatusField] = c.status;
    if (s.kind != StepKind::Model && !s.arguments.is_null()) {
        c.compared[ArgumentsField] = canonicalJsonString(s.arguments);
        c.text[ArgumentsField] = elided(c.compared[ArgumentsField]);
        c.tip[ArgumentsField] = QString::fromStdString(s.arguments.dump(2));
    }
    const auto [result, compared] = resultOf(s);
    c.text[ResultField] = elided(result);
    c.tip[ResultField] = result.left(4000);
    c.compared[ResultField] = compared;
    if (s.kind == StepKind::Model) {
        c.text[TokensField] = tr("%1 in / %2 out")
                                  .arg(QLocale().toString(qlonglong(s.usage.inputTokens)),
                                       QLocale().toString(qlonglong(s.usage.outputTokens)));
        c.compared[TokensField] =
            QStringLiteral("%1/%2").arg(s.usage.inputTokens).arg(s.usage.outputTokens);
        c.text[CostField] =
            QStringLiteral("US$%1").arg(Decimal::fromMicros(s.usage.costMicros).toString(4));
        c.compared[CostField] = QString::number(s.usage.costMicros);
    }
    c.text[DurationField] = RunStepsModel::durationText(RunStepsModel::durationMs(s));
    return c;
}

void RunCompareModel::setRuns(RunState a, RunState b)
{
    beginResetModel();
    m_a = std::move(a);
    m_b = std::move(b);
    m_rows.clear();
    const std::size_t count = std::max(m_a.steps.size(), m_b.steps.size());
    m_rows.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        Row& row = m_rows[i];
        if (i < m_a.steps.size())
            row.side[SideA] = cellsOf(m_a.steps[i], int(i) + 1);
        if (i < m_b.steps.size())
            row.side[SideB] = cellsOf(m_b.steps[i], int(i) + 1);
        for (int f = KindField; f < DurationField; ++f) {
            row.differs[f] = !row.side[SideA] || !row.side[SideB] ||
                             row.side[SideA]->compared[f] != row.side[SideB]->compared[f];
            row.any = row.any || row.differs[f];
        }
        // A step only one run has differs in every field.
        if (!row.side[SideA] || !row.side[SideB])
            row.differs[StepField] = row.differs[DurationField] = true;
    }
    endResetModel();
}

int RunCompareModel::differingRows() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.any; }));
}

int RunCompareModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunCompareModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2 * FieldCount;
}

QVariant RunCompareModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const Side side = sideOf(index.column());
    const Field field = fieldOf(index.column());
    const std::optional<Cells>& cells = row.side[side];
    switch (role) {
    case DiffersRole:
        return row.differs[field];
    case RowDiffersRole:
        return row.any;
    case StepIdRole:
        return cells ? cells->tip[StepField] : QString();
    case StepNumberRole:
        return cells ? index.row() + 1 : 0;
    case Qt::DisplayRole:
        if (!cells)
            return field == StepField ? QVariant(QStringLiteral("\u2014")) : QVariant();
        // The step column says whether the row differs, so a person finds differences by scanning
        // one column.
        if (field == StepField && row.any)
            return QStringLiteral("%1 \u2260").arg(cells->text[StepField]);
        return cells->text[field];
    case Qt::ToolTipRole:
        if (!cells)
            return tr("Run %1 has no step here.").arg(side == SideA ? m_a.runId : m_b.runId);
        if (field == StepField)
            return row.any ? tr("Step %1: differs from the other run").arg(cells->tip[StepField])
                           : tr("Step %1: the same in both runs").arg(cells->tip[StepField]);
        return cells->tip[field].isEmpty() ? QVariant() : QVariant(cells->tip[field]);
    case Qt::BackgroundRole:
        return row.differs[field] ? QVariant(QBrush(QColor(255, 224, 150, 150))) : QVariant();
    case Qt::FontRole:
        if (row.differs[field]) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        return cells && field == StatusField ? statusColor(cells->status) : QVariant();
    case Qt::TextAlignmentRole:
        return field == TokensField || field == CostField || field == DurationField
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    default:
        return {};
    }
}

QVariant RunCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= 2 * FieldCount)
        return {};
    if (role == Qt::ToolTipRole && fieldOf(section) == DurationField)
        return tr("Durations are shown but not marked: two runs never take the same time.");
    if (role != Qt::DisplayRole)
        return {};
    switch (fieldOf(section)) {
    case StepField:
        return tr("Step");
    case KindField:
        return tr("Kind");
    case NameField:
        return tr("Name");
    case StatusField:
        return tr("Status");
    case ArgumentsField:
        return tr("Arguments");
    case ResultField:
        return tr("Result");
    case TokensField:
        return tr("Tokens");
    case CostField:
        return tr("Cost");
    case DurationField:
        return tr("Duration");
    case FieldCount:
        break;
    }
    return {};
}

} // namespace awb::ui
