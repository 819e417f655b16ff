#pragma once
// The run history as a table over RunsModel, filtered by status and agent and searched by text
// (run id, agent, model, provider), with Resume for runs a crash interrupted and Compare for two
// selected runs. Reports what the person picked; SessionController does the work.

#include <QSortFilterProxyModel>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace awb::ui {

class RunsModel;

// Keeps the rows whose status, agent and text match; sorts by RunsModel::SortRole.
class RunsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunsFilterModel(QObject* parent = nullptr);

    // Empty: any. Status names as RunsModel::StatusRole gives them ("interrupted", ...).
    void setStatus(const QString& statusName);
    void setAgent(const QString& agent);
    // Case-insensitive; matches the run id, agent, model, provider or status.
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_status, m_agent, m_search;
};

class RunsView : public QWidget
{
    Q_OBJECT
public:
    explicit RunsView(RunsModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    RunsFilterModel* filter() const { return m_filter; }
    // The run of the current row, or empty.
    QString currentRunId() const;
    // Makes the run's row current when the filters show it; returns whether they do.
    bool selectRun(const QString& runId);
    // The selected runs, oldest first.
    QStringList selectedRunIds() const;
    QPushButton* compareButton() const { return m_compare; }

Q_SIGNALS:
    void runSelected(const QString& runId);
    void resumeRequested(const QString& runId);
    // Two runs to compare step by step: runA the older.
    void compareRequested(const QString& runA, const QString& runB);

private:
    void refreshAgents();
    void updateResume();

    RunsModel* m_model;
    RunsFilterModel* m_filter;
    QComboBox* m_status;
    QComboBox* m_agent;
    QLineEdit* m_search;
    QPushButton* m_resume;
    QPushButton* m_compare;
    QTableView* m_table;
};

} // namespace awb::ui
