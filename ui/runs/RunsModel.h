#pragma once
// The run history of a workspace: one row per run from the journal's runs index, newest first,
// kept current by applying each published event to that run's RunState (rows are inserted or
// changed in place, never reset). Lives on the journal's thread.

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <vector>

#include "engine/Journal.h"
#include "engine/RunState.h"

namespace awb::ui {

class RunsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RunIdColumn,
        AgentColumn,
        StatusColumn,
        ModelColumn,
        TokensColumn,
        CostColumn,
        CreatedColumn,
        ProviderColumn,
        DurationColumn, // from the run's start to its last event (to now while it runs)
        ColumnCount
    };
    enum Role
    {
        RunIdRole = Qt::UserRole + 1, // the run id of a row, whatever the column
        StatusRole,                   // status name: "running", "interrupted", "succeeded", ...
        SortRole,                     // a sortable value for the column (numbers, timestamps)
    };

    explicit RunsModel(QObject* parent = nullptr);

    // Loads the runs index (a database read) and follows the journal's published events;
    // nullptr clears the model. stateDir is where run locks live (Workspace::stateDir()).
    void setJournal(Journal* journal, const QString& stateDir);
    // Row of a run, or -1.
    int rowOf(const QString& runId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void apply(const RunEvent& event);

private:
    struct Row
    {
        QString runId, agent, provider, model, status;
        QDateTime createdAt;
        QDateTime updatedAt;
        std::int64_t tokens = 0;
        std::int64_t costMicros = 0;
        bool operator==(const Row&) const = default;
    };
    static Row fromState(const RunState& state);

    QPointer<Journal> m_journal;
    QString m_stateDir;
    std::vector<Row> m_rows;
    // Runs that received events while shown: their state, so updates need no reload.
    QHash<QString, RunState> m_live;
};

} // namespace awb::ui
