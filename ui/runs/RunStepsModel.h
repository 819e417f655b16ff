#pragma once
// The steps of one run (model calls, tool calls, approvals) as a table, read through the run's
// RunState: apply() feeds each published event to RunState::apply and turns the change into
// rowsInserted (a new step) or dataChanged (a step's row), never a reset while following a run.

#include <QAbstractTableModel>

#include <vector>

#include "engine/RunState.h"
#include "runs/InterruptedSteps.h"

namespace awb::ui {

class RunStepsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // How steps' kind and duration read, here and in the compare view.
    static QString kindText(StepKind kind);
    // Approvals last from the request to the decision; other steps from start to outcome; -1
    // while unfinished.
    static qint64 durationMs(const StepState& step);
    static QString durationText(qint64 ms);

    enum Column
    {
        IdColumn,
        KindColumn,
        NameColumn,
        StatusColumn,
        DurationColumn,
        TokensColumn,
        ColumnCount
    };
    enum Role
    {
        StepIdRole = Qt::UserRole + 1,
        StatusRole, // stepStatusName(), or "interrupted" for a step a crash cut off
    };

    explicit RunStepsModel(QObject* parent = nullptr);

    // Shows a run from its recorded events (a reset); an empty id clears the model.
    void setRun(const QString& runId, const std::vector<RunEvent>& history);
    const QString& runId() const { return m_runId; }
    const RunState& state() const { return m_state; }
    // The run executes nowhere (no process holds it): its running steps show as interrupted.
    void markRunningStepsInterrupted();
    const QSet<QString>& interruptedSteps() const { return m_interrupted.steps(); }
    bool isInterrupted(const QString& stepId) const { return m_interrupted.contains(stepId); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Applies an event of the shown run; events of other runs and ones already applied are ignored.
    void apply(const RunEvent& event);

Q_SIGNALS:
    // After an event changed state(); views that read more than the table listen here.
    void eventApplied(const awb::RunEvent& event);
    // Steps were marked interrupted or lost the mark (after markRunningStepsInterrupted, or an
    // event: emitted before eventApplied).
    void interruptedStepsChanged();

private:
    void notifyInterrupted(const QSet<QString>& changed);
    QString statusNameOf(const StepState& step) const;

    QString m_runId;
    RunState m_state;
    InterruptedSteps m_interrupted;
};

} // namespace awb::ui
