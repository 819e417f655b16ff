#include "runs/RunCompareView.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "inspector/JournalReader.h"
#include "runs/RunCompareModel.h"

namespace awb::ui {

namespace {

// Both runs as the worker read them, or why not.
struct LoadedRuns
{
    RunState a, b;
    QString error;
};

LoadedRuns loadRuns(const QString& databasePath, const QString& runA, const QString& runB)
{
    LoadedRuns out;
    RunState* states[] = {&out.a, &out.b};
    const QString ids[] = {runA, runB};
    for (int i = 0; i < 2; ++i) {
        auto events = journal::readRunEvents(databasePath, ids[i]);
        if (!events) {
            out.error = events.errorMessage();
            return out;
        }
        if (events->empty()) {
            out.error = RunCompareView::tr("Run %1 is not in this workspace.").arg(ids[i]);
            return out;
        }
        *states[i] = RunState::fromEvents(*events);
    }
    return out;
}

QString runTitle(const QString& letter, const RunState& run)
{
    return RunCompareView::tr("<b>%1</b> %2 \u00b7 %3 \u00b7 %4 \u00b7 %5 steps")
        .arg(letter, run.runId.toHtmlEscaped(), run.agent.toHtmlEscaped(),
             runStatusName(run.status))
        .arg(run.steps.size());
}

QTableView* makeView(RunCompareModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(false);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    return view;
}

void showSide(QTableView* view, RunCompareModel::Side side)
{
    const QFontMetrics fm = view->fontMetrics();
    for (int c = 0; c < 2 * RunCompareModel::FieldCount; ++c) {
        view->setColumnHidden(c, RunCompareModel::sideOf(c) != side);
        int width = 90;
        switch (RunCompareModel::fieldOf(c)) {
        case RunCompareModel::StepField:
            width = fm.horizontalAdvance(QStringLiteral("00 \u2260")) + 18;
            break;
        case RunCompareModel::KindField:
            width = fm.horizontalAdvance(QStringLiteral("approval")) + 16;
            break;
        case RunCompareModel::NameField:
            width = fm.horizontalAdvance(QStringLiteral("detect_anomalies")) + 16;
            break;
        case RunCompareModel::StatusField:
            width = fm.horizontalAdvance(QStringLiteral("succeeded")) + 18;
            break;
        case RunCompareModel::ArgumentsField:
        case RunCompareModel::ResultField:
            width = fm.horizontalAdvance(QLatin1Char('x')) * 28;
            break;
        case RunCompareModel::TokensField:
            width = fm.horizontalAdvance(QStringLiteral("00,000 in / 0,000 out")) + 12;
            break;
        case RunCompareModel::CostField:
            width = fm.horizontalAdvance(QStringLiteral("US$0.0000")) + 14;
            break;
        case RunCompareModel::DurationField:
            width = fm.horizontalAdvance(QStringLiteral("00.00 s")) + 14;
            break;
        case RunCompareModel::FieldCount:
            break;
        }
        view->setColumnWidth(c, width);
    }
}

} // namespace

RunCompareView::RunCompareView(QWidget* parent)
    : QWidget(parent), m_model(new RunCompareModel(this)), m_titleA(new QLabel(this)),
      m_titleB(new QLabel(this)), m_summary(new QLabel(this)),
      m_viewA(makeView(m_model, QStringLiteral("compareViewA"), this)),
      m_viewB(makeView(m_model, QStringLiteral("compareViewB"), this)),
      m_replayA(new QPushButton(tr("Replay A from this step\u2026"), this)),
      m_replayB(new QPushButton(tr("Replay B from this step\u2026"), this))
{
    setObjectName(QStringLiteral("runCompareView"));
    setAccessibleName(tr("Compare runs"));
    m_viewA->setAccessibleName(tr("Steps of run A"));
    m_viewB->setAccessibleName(tr("Steps of run B"));
    showSide(m_viewA, RunCompareModel::SideA);
    showSide(m_viewB, RunCompareModel::SideB);
    // One selection for both sides: a row is one step of each run.
    m_viewB->setSelectionModel(m_viewA->selectionModel());
    connect(m_viewA->verticalScrollBar(), &QScrollBar::valueChanged, m_viewB->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_viewB->verticalScrollBar(), &QScrollBar::valueChanged, m_viewA->verticalScrollBar(),
            &QScrollBar::setValue);

    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setAccessibleName(tr("Comparison summary"));
    m_titleA->setObjectName(QStringLiteral("compareTitleA"));
    m_titleA->setAccessibleName(tr("Run A"));
    m_titleB->setObjectName(QStringLiteral("compareTitleB"));
    m_titleB->setAccessibleName(tr("Run B"));
    for (QLabel* title : {m_titleA, m_titleB}) {
        title->setTextFormat(Qt::RichText);
        title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_replayA->setObjectName(QStringLiteral("compareReplayA"));
    m_replayA->setAccessibleName(tr("Replay run A from the selected step"));
    m_replayB->setObjectName(QStringLiteral("compareReplayB"));
    m_replayB->setAccessibleName(tr("Replay run B from the selected step"));
    for (QPushButton* b : {m_replayA, m_replayB}) {
        b->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
        b->setToolTip(tr(
            "Start a new run that reuses this run's recorded answers before the selected step and "
            "its recorded tool results; effects such as emails are never executed."));
        b->setEnabled(false);
    }

    auto* sideA = new QWidget(this);
    auto* layoutA = new QVBoxLayout(sideA);
    layoutA->setContentsMargins(0, 0, 0, 0);
    layoutA->addWidget(m_titleA);
    layoutA->addWidget(m_viewA, 1);
    auto* sideB = new QWidget(this);
    auto* layoutB = new QVBoxLayout(sideB);
    layoutB->setContentsMargins(0, 0, 0, 0);
    layoutB->addWidget(m_titleB);
    layoutB->addWidget(m_viewB, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("compareSplitter"));
    split->setAccessibleName(tr("Run A and run B"));
    split->addWidget(sideA);
    split->addWidget(sideB);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_summary, 1);
    actions->addWidget(m_replayA);
    actions->addWidget(m_replayB);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(actions);
    layout->addWidget(split, 1);

    connect(m_viewA->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunCompareView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunCompareView::updateActions);
    connect(m_replayA, &QPushButton::clicked, this,
            [this] { requestReplay(RunCompareModel::SideA); });
    connect(m_replayB, &QPushButton::clicked, this,
            [this] { requestReplay(RunCompareModel::SideB); });
    clear();
}

void RunCompareView::setDatabasePath(const QString& path)
{
    m_databasePath = path;
    clear();
}

void RunCompareView::clear()
{
    ++m_generation;
    m_model->setRuns({}, {});
    m_titleA->setText(tr("<b>A</b>"));
    m_titleB->setText(tr("<b>B</b>"));
    m_summary->setText(tr("Select two runs in the Runs view and press Compare."));
}

void RunCompareView::compare(const QString& runA, const QString& runB)
{
    const quint64 generation = ++m_generation;
    m_summary->setText(tr("Loading %1 and %2\u2026").arg(runA, runB));
    auto* watcher = new QFutureWatcher<LoadedRuns>(this);
    connect(watcher, &QFutureWatcher<LoadedRuns>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer comparison was asked for
        LoadedRuns runs = watcher->result();
        if (!runs.error.isEmpty()) {
            m_summary->setText(runs.error);
            Q_EMIT loadFailed(runs.error);
            return;
        }
        m_titleA->setText(runTitle(QStringLiteral("A"), runs.a));
        m_titleB->setText(runTitle(QStringLiteral("B"), runs.b));
        m_model->setRuns(std::move(runs.a), std::move(runs.b));
        m_summary->setText(tr("Steps that differ: %1 of %2, compared in order.")
                               .arg(m_model->differingRows())
                               .arg(m_model->rowCount()));
        Q_EMIT loaded();
    });
    watcher->setFuture(QtConcurrent::run(
        [path = m_databasePath, runA, runB] { return loadRuns(path, runA, runB); }));
}

int RunCompareView::currentStepNumber() const
{
    const QModelIndex current = m_viewA->selectionModel()->currentIndex();
    return current.isValid() ? current.row() + 1 : 0;
}

void RunCompareView::selectStep(int stepNumber)
{
    if (stepNumber < 1 || stepNumber > m_model->rowCount())
        return;
    m_viewA->selectRow(stepNumber - 1);
    m_viewA->scrollTo(m_model->index(stepNumber - 1, 0));
}

void RunCompareView::updateActions()
{
    const int row = currentStepNumber() - 1;
    const auto hasStep = [this, row](RunCompareModel::Side side) {
        return row >= 0 &&
               m_model->index(row, RunCompareModel::column(side, RunCompareModel::StepField))
                       .data(RunCompareModel::StepNumberRole)
                       .toInt() > 0;
    };
    m_replayA->setEnabled(hasStep(RunCompareModel::SideA));
    m_replayB->setEnabled(hasStep(RunCompareModel::SideB));
}

void RunCompareView::requestReplay(int side)
{
    const int step = currentStepNumber();
    const QString runId = m_model->run(RunCompareModel::Side(side)).runId;
    if (step > 0 && !runId.isEmpty())
        Q_EMIT replayRequested(runId, step);
}

} // namespace awb::ui
