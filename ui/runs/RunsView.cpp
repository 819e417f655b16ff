#include "runs/RunsView.h"

#include <algorithm>

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include "runs/RunsModel.h"
#include "runs/StatusStyle.h"

namespace awb::ui {

RunsFilterModel::RunsFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunsModel::SortRole);
    setDynamicSortFilter(true);
}

void RunsFilterModel::setStatus(const QString& statusName)
{
    if (statusName == m_status)
        return;
    m_status = statusName;
    invalidateFilter();
}

void RunsFilterModel::setAgent(const QString& agent)
{
    if (agent == m_agent)
        return;
    m_agent = agent;
    invalidateFilter();
}

void RunsFilterModel::setSearch(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool RunsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* m = sourceModel();
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return m->index(sourceRow, column, sourceParent).data(role).toString();
    };
    if (!m_status.isEmpty() && cell(RunsModel::StatusColumn, RunsModel::StatusRole) != m_status)
        return false;
    if (!m_agent.isEmpty() && cell(RunsModel::AgentColumn) != m_agent)
        return false;
    if (m_search.isEmpty())
        return true;
    for (int column :
         {int(RunsModel::RunIdColumn), int(RunsModel::AgentColumn), int(RunsModel::ModelColumn),
          int(RunsModel::ProviderColumn), int(RunsModel::StatusColumn)}) {
        if (cell(column).contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

RunsView::RunsView(RunsModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_filter(new RunsFilterModel(this)),
      m_status(new QComboBox(this)), m_agent(new QComboBox(this)), m_search(new QLineEdit(this)),
      m_resume(new QPushButton(tr("&Resume"), this)),
      m_compare(new QPushButton(tr("Com&pare"), this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("runsPanel"));
    setAccessibleName(tr("Runs"));

    m_status->setObjectName(QStringLiteral("runsStatusFilter"));
    m_status->setAccessibleName(tr("Show runs with status"));
    m_status->addItem(tr("All statuses"), QString());
    for (const char* s :
         {"running", "waiting_approval", "interrupted", "succeeded", "failed", "cancelled"}) {
        const QString name = QString::fromLatin1(s);
        m_status->addItem(statusText(name), name);
    }
    m_agent->setObjectName(QStringLiteral("runsAgentFilter"));
    m_agent->setAccessibleName(tr("Show runs of agent"));
    // Narrow docks must stay possible: the combos shrink and elide rather than widen the dock.
    for (QComboBox* box : {m_status, m_agent}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    m_search->setObjectName(QStringLiteral("runsSearch"));
    m_search->setAccessibleName(tr("Search runs"));
    m_search->setPlaceholderText(tr("Search run, agent, model\u2026"));
    m_search->setClearButtonEnabled(true);
    m_resume->setObjectName(QStringLiteral("resumeRunButton"));
    m_resume->setAccessibleName(tr("Resume the selected run"));
    m_resume->setToolTip(
        tr("Continue a run that a crash interrupted, that was stopped, or that failed (after a "
           "full disk, say): completed steps are reused and no effect (such as an email) runs "
           "twice."));
    m_resume->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_resume->setEnabled(false);

    m_compare->setObjectName(QStringLiteral("compareRunsButton"));
    m_compare->setAccessibleName(tr("Compare the two selected runs"));
    m_compare->setToolTip(tr("Select two runs (Ctrl+click) to compare them step by step."));
    m_compare->setEnabled(false);

    m_filter->setSourceModel(model);
    m_table->setObjectName(QStringLiteral("runsView"));
    m_table->setAccessibleName(tr("Runs"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunsModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setMinimumSectionSize(36);
    header->setStretchLastSection(true);
    // Lead with when, how it ended and what ran; the run id is in each row's tooltip.
    const int order[] = {RunsModel::CreatedColumn,       RunsModel::StatusColumn,
                         RunsModel::AgentColumn,         RunsModel::ModelColumn,
                         RunsModel::PromptVersionColumn, RunsModel::ProviderColumn,
                         RunsModel::CostColumn,          RunsModel::DurationColumn};
    for (int visual = 0; visual < int(std::size(order)); ++visual)
        header->moveSection(header->visualIndex(order[visual]), visual);
    for (int c : {RunsModel::RunIdColumn, RunsModel::TokensColumn})
        m_table->hideColumn(c);
    const QFontMetrics fm = m_table->fontMetrics();
    header->resizeSection(RunsModel::CreatedColumn,
                          fm.horizontalAdvance(QStringLiteral("2026-10-01 09:00")) + 18);
    header->resizeSection(RunsModel::StatusColumn,
                          fm.horizontalAdvance(statusText(QStringLiteral("interrupted"))) + 22);
    header->resizeSection(RunsModel::AgentColumn,
                          fm.horizontalAdvance(QStringLiteral("q3-reconciliation")) + 16);
    header->resizeSection(RunsModel::ModelColumn,
                          fm.horizontalAdvance(QStringLiteral("demo-reconciler-1")) + 16);
    header->resizeSection(RunsModel::ProviderColumn,
                          fm.horizontalAdvance(QStringLiteral("scripted")) + 22);
    header->resizeSection(RunsModel::CostColumn, fm.horizontalAdvance(tr("Cost (US$)")) + 22);
    header->resizeSection(RunsModel::PromptVersionColumn,
                          std::max(fm.horizontalAdvance(RunsModel::tr("unsaved")),
                                   fm.horizontalAdvance(RunsModel::tr("Prompt"))) +
                              22);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_status);
    filters->addWidget(m_agent);
    filters->addStretch();
    filters->addWidget(m_compare);
    filters->addWidget(m_resume);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatus(m_status->currentData().toString()); });
    connect(m_agent, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setAgent(m_agent->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &RunsFilterModel::setSearch);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const QString runId = currentRunId();
        if (!runId.isEmpty())
            Q_EMIT resumeRequested(runId);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                updateResume();
                if (current.isValid())
                    Q_EMIT runSelected(current.data(RunsModel::RunIdRole).toString());
            });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QStringList runs = selectedRunIds();
        if (runs.size() == 2)
            Q_EMIT compareRequested(runs[0], runs[1]);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_compare->setEnabled(selectedRunIds().size() == 2); });
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &RunsView::updateResume);
    connect(model, &QAbstractItemModel::modelReset, this, &RunsView::refreshAgents);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RunsView::refreshAgents);
    refreshAgents();
}

QString RunsView::currentRunId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(RunsModel::RunIdRole).toString() : QString();
}

QStringList RunsView::selectedRunIds() const
{
    std::vector<std::pair<QDateTime, QString>> runs;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        runs.emplace_back(
            row.siblingAtColumn(RunsModel::CreatedColumn).data(RunsModel::SortRole).toDateTime(),
            row.data(RunsModel::RunIdRole).toString());
    std::sort(runs.begin(), runs.end());
    QStringList ids;
    for (const auto& [created, id] : runs)
        ids << id;
    return ids;
}

bool RunsView::selectRun(const QString& runId)
{
    const int row = m_model->rowOf(runId);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    if (m_table->currentIndex().row() != index.row())
        m_table->setCurrentIndex(index);
    return true;
}

void RunsView::refreshAgents()
{
    QSet<QString> seen;
    QStringList agents;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString agent = m_model->index(row, RunsModel::AgentColumn).data().toString();
        if (!agent.isEmpty() && !seen.contains(agent)) {
            seen.insert(agent);
            agents << agent;
        }
    }
    agents.sort();
    const QString current = m_agent->currentData().toString();
    QStringList known;
    for (int i = 1; i < m_agent->count(); ++i)
        known << m_agent->itemData(i).toString();
    if (known == agents && m_agent->count() > 0)
        return;
    const QSignalBlocker block(m_agent);
    m_agent->clear();
    m_agent->addItem(tr("All agents"), QString());
    for (const QString& a : agents)
        m_agent->addItem(a, a);
    m_agent->setCurrentIndex(qMax(0, m_agent->findData(current)));
    m_filter->setAgent(m_agent->currentData().toString());
}

void RunsView::updateResume()
{
    const QModelIndex current = m_table->currentIndex();
    static const QStringList resumable = {QStringLiteral("interrupted"),
                                          QStringLiteral("cancelled"), QStringLiteral("failed")};
    m_resume->setEnabled(current.isValid() &&
                         resumable.contains(current.data(RunsModel::StatusRole).toString()));
}

} // namespace awb::ui
