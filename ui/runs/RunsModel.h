#pragma once
// The run history of a workspace: one row per run from the journal's runs index, newest first,
// kept current by applying each published event to that run's RunState (rows are inserted or
// changed in place, never reset). Every database read happens on a worker thread: the index, the
// events a run loaded from it needs before its first live update, and the prompt version each
// run used (its recorded instructions' sha256 against the saved versions). Events published
// while a read is on its way are queued and applied by sequence number once it is done. Lives on
// the journal's thread.

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <map>
#include <utility>
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
        DurationColumn,      // from the run's start to its last event (to now while it runs)
        PromptVersionColumn, // "v2": the saved prompt version whose instructions the run used
        ColumnCount
    };
    enum Role
    {
        RunIdRole = Qt::UserRole + 1, // the run id of a row, whatever the column
        StatusRole,                   // status name: "running", "interrupted", "succeeded", ...
        SortRole,                     // a sortable value for the column (numbers, timestamps)
        PromptVersionRole, // the version number; 0: instructions never saved; -1: unknown
    };

    explicit RunsModel(QObject* parent = nullptr);

    // Reads the runs index on a worker (loaded() when its rows are in) and follows the journal's
    // published events; nullptr clears the model. stateDir is where run locks live
    // (Workspace::stateDir()).
    void setJournal(Journal* journal, const QString& stateDir);
    // The runs index is being read (the rows of runs that changed meanwhile are already shown).
    bool isLoading() const { return m_indexLoading; }
    // Runs whose events are being read before their row follows them live.
    bool isCatchingUp() const { return !m_catchingUp.isEmpty(); }
    // Row of a run, or -1.
    int rowOf(const QString& runId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void apply(const RunEvent& event);
    // The prompt versions have been read (after setJournal, or after a run started with
    // instructions not known yet).
    bool isLoadingPromptVersions() const { return m_indexLoading || m_promptLoads > 0; }
    // Reads the saved versions again (a version was saved: runs on its text now name it).
    void reloadPromptVersions();

Q_SIGNALS:
    void loaded();
    void promptVersionsLoaded();
    // A read failed: the message says what and what to do (the rows shown stay as they were).
    void readFailed(const QString& message);

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
    void addIndexRows(std::vector<Row> rows);
    // Reads a run's events (a run loaded from the index that changed), then shows its state.
    void catchUp(const QString& runId);
    void showState(const RunState& state);
    struct SavedVersion
    {
        int version = 0;
        QString name;
    };
    // (agent, instructions sha256) -> the latest version saved with those instructions.
    using VersionIndex = std::map<std::pair<QString, QString>, SavedVersion>;
    struct PromptSnapshot
    {
        VersionIndex versions;
        QHash<QString, QString> runSha; // run id -> instructions sha256
    };
    void loadPromptVersions(const QStringList& agents);
    int promptVersionOf(const Row& row, QString* name = nullptr) const;

    QPointer<Journal> m_journal;
    QString m_stateDir;
    std::vector<Row> m_rows;
    // Runs that received events while shown: their state, so updates need no reload.
    QHash<QString, RunState> m_live;
    // Runs whose events are being read: the events published since, to apply after the read.
    QHash<QString, std::vector<RunEvent>> m_catchingUp;
    bool m_indexLoading = false;
    int m_generation = 0; // reads for an earlier journal are dropped
    VersionIndex m_versions;
    QHash<QString, QString> m_runSha;
    int m_promptLoads = 0;
};

} // namespace awb::ui
