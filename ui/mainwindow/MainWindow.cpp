#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include "audit/AuditView.h"
#include "chat/ChatView.h"
#include "editors/PromptEditor.h"
#include "editors/SchemaEditor.h"
#include "engine/Journal.h"
#include "engine/RunState.h"
#include "graph/TaskGraphPanel.h"
#include "graph/TaskGraphView.h"
#include "inspector/StepInspector.h"
#include "mainwindow/RecentWorkspaces.h"
#include "runs/EventLogModel.h"
#include "runs/ReplayDialog.h"
#include "runs/RunCompareModel.h"
#include "runs/RunCompareView.h"
#include "runs/RunStepsModel.h"
#include "runs/RunsModel.h"
#include "runs/RunsView.h"
#include "session/ProviderSelection.h"
#include "session/SessionController.h"
#include "settings/SettingsDialog.h"
#include "settings/SettingsStore.h"
#include "util/Decimal.h"

namespace awb::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainwindow/geometry");
const QString kStateKey = QStringLiteral("mainwindow/state");

QString keychainText(const QString& stateName)
{
    if (stateName == QLatin1String("unlocked"))
        return MainWindow::tr("keychain: unlocked");
    if (stateName == QLatin1String("locked"))
        return MainWindow::tr("keychain: locked");
    if (stateName == QLatin1String("unavailable"))
        return MainWindow::tr("keychain: unavailable");
    return MainWindow::tr("keychain: %1").arg(stateName);
}
// The task graph and the step inspector of the current run: selecting a node inspects its step.
void addGraphDocks(QMainWindow* window, SessionController* controller, QMenu* viewMenu)
{
    auto* graphDock = new QDockWidget(MainWindow::tr("Task graph"), window);
    graphDock->setObjectName(QStringLiteral("taskGraphDock"));
    graphDock->setAccessibleName(graphDock->windowTitle());
    auto* panel = new TaskGraphPanel(graphDock);
    graphDock->setWidget(panel);
    auto* inspectorDock = new QDockWidget(MainWindow::tr("Inspector"), window);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setAccessibleName(inspectorDock->windowTitle());
    auto* inspector = new StepInspector(inspectorDock);
    inspectorDock->setWidget(inspector);
    window->addDockWidget(Qt::BottomDockWidgetArea, graphDock);
    window->addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    if (auto* events = window->findChild<QDockWidget*>(QStringLiteral("eventLogDock"))) {
        window->splitDockWidget(events, graphDock, Qt::Horizontal);
        window->resizeDocks({events, graphDock}, {2, 3}, Qt::Horizontal); // the graph is wide
    }
    if (auto* steps = window->findChild<QDockWidget*>(QStringLiteral("stepsDock")))
        window->splitDockWidget(steps, inspectorDock, Qt::Vertical);
    viewMenu->addAction(graphDock->toggleViewAction());
    viewMenu->addAction(inspectorDock->toggleViewAction());

    TaskGraphView* graph = panel->view();
    const auto databasePath = [controller] {
        return controller->journal() ? controller->journal()->databasePath() : QString();
    };
    QObject::connect(controller, &SessionController::workspaceOpened, inspector,
                     [inspector, databasePath] { inspector->setDatabasePath(databasePath()); });
    QObject::connect(controller, &SessionController::currentRunChanged, graph,
                     [graph, inspector, databasePath, controller](const QString& runId) {
                         inspector->clear();
                         inspector->setInterruptedSteps(controller->steps()->interruptedSteps());
                         graph->loadRun(databasePath(), runId);
                         graph->setInterruptedSteps(controller->steps()->interruptedSteps());
                     });
    QObject::connect(controller->steps(), &RunStepsModel::interruptedStepsChanged, graph,
                     [graph, inspector, controller] {
                         if (graph->runId() != controller->currentRunId())
                             return; // the new run's marks come with currentRunChanged
                         graph->setInterruptedSteps(controller->steps()->interruptedSteps());
                         inspector->setInterruptedSteps(controller->steps()->interruptedSteps());
                     });
    QObject::connect(controller->steps(), &RunStepsModel::eventApplied, graph,
                     [graph, inspector, controller](const RunEvent& event) {
                         graph->apply(event);
                         inspector->applyEvent(event, controller->currentState());
                     });
    QObject::connect(graph, &TaskGraphView::stepSelected, inspector,
                     [inspector, inspectorDock, controller](const QString& stepId) {
                         inspector->showStep(controller->currentState(), stepId);
                         inspectorDock->raise();
                     });
}

} // namespace

MainWindow::MainWindow(SessionController* controller, QWidget* parent)
    : QMainWindow(parent), m_controller(controller), m_chat(new ChatView(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Agent Workbench"));
    setWindowTitle(tr("Agent Workbench"));
    setCentralWidget(m_chat);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    buildActions();
    buildDocks();
    buildStatusBar();

    connect(controller, &SessionController::workspaceOpening, this, [this](const QString& dir) {
        statusBar()->showMessage(tr("Opening %1\u2026").arg(dir));
    });
    connect(controller, &SessionController::workspaceOpened, this, &MainWindow::onWorkspaceOpened);
    connect(controller, &SessionController::workspaceFailed, this, &MainWindow::onWorkspaceFailed);
    connect(controller, &SessionController::currentRunChanged, this,
            &MainWindow::onCurrentRunChanged);
    connect(controller, &SessionController::activityChanged, this, &MainWindow::updateActions);
    connect(controller, &SessionController::errorOccurred, this,
            [this](const QString& message) { showError(tr("Agent Workbench"), message); });
    connect(controller, &SessionController::keychainStateKnown, this,
            [this](const QString& state) { m_keychain->setText(keychainText(state)); });
    connect(controller->steps(), &RunStepsModel::eventApplied, this, &MainWindow::onRunEvent);
    connect(controller->steps(), &RunStepsModel::interruptedStepsChanged, this, [this] {
        m_chat->setInterruptedSteps(m_controller->steps()->interruptedSteps(),
                                    m_controller->currentState());
    });
    connect(m_chat, &ChatView::runRequested, this, &MainWindow::sendMessage);
    connect(m_chat, &ChatView::approvalDecided, this, &MainWindow::decide);
    connect(m_chat, &ChatView::stopRequested, controller, &SessionController::stopCurrentRun);
    connect(controller, &SessionController::preparingChanged, this, [this](bool preparing) {
        // A replay talks to the provider its source used, not to the one picked in the toolbar.
        if (preparing && m_controller->isPreparingReplay())
            statusBar()->showMessage(tr("Preparing the replay\u2026"));
        else if (preparing)
            statusBar()->showMessage(
                tr("Preparing the run on %1\u2026").arg(m_providers->currentText()));
        else
            statusBar()->clearMessage();
        updateActions();
    });
    // Said in the chat, where the person just typed; the message stays in the input field.
    connect(
        controller, &SessionController::runPreparationFailed, this,
        [this](const QString& message) { m_chat->showNotice(message, ChatView::Notice::Error); });
    connect(controller, &SessionController::runPreparationCancelled, this, [this] {
        m_chat->showNotice(tr("Stopped before the run started; your message is still in the "
                              "input field."),
                           ChatView::Notice::Info);
    });
    connect(controller, &SessionController::runLaunched, this, [this] { m_chat->setInput({}); });
    connect(controller, &SessionController::decisionFailed, m_chat, &ChatView::showDecisionError);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1360, 840);
    restoreState(settings.value(kStateKey).toByteArray());

    controller->probeKeychain();
    m_chat->showRun(controller->currentState());
    updateRunInfo();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    m_openAction = file->addAction(style()->standardIcon(QStyle::SP_DirOpenIcon),
                                   tr("&Open Workspace\u2026"), this, &MainWindow::chooseWorkspace);
    m_openAction->setObjectName(QStringLiteral("openWorkspaceAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recent = new RecentWorkspaces(this);
    connect(m_recent, &RecentWorkspaces::changed, this, &MainWindow::fillRecentMenu);
    connect(m_recentMenu, &QMenu::aboutToShow, m_recent, &RecentWorkspaces::recheck);
    connect(m_controller, &SessionController::workspaceOpened, m_recent, &RecentWorkspaces::add);
    fillRecentMenu();
    QAction* settingsAction = file->addAction(tr("&Settings\u2026"), this, [this] {
        auto* dialog = new SettingsDialog(m_controller, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SettingsDialog::saved, this, &MainWindow::fillProviderPicker);
        dialog->open();
    });
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(Qt::CTRL | Qt::Key_Comma);
    settingsAction->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    m_runAction = run->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run"), this,
                                 &MainWindow::startRun);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcut(Qt::CTRL | Qt::Key_Return);
    m_stopAction = run->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("&Stop"),
                                  m_controller, &SessionController::stopCurrentRun);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(Qt::Key_Escape);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addSeparator();
    auto* agentLabel = new QLabel(tr("Agent:"), bar);
    agentLabel->setObjectName(QStringLiteral("agentLabel"));
    agentLabel->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(agentLabel);
    m_agents = new QComboBox(bar);
    m_agents->setObjectName(QStringLiteral("agentPicker"));
    m_agents->setAccessibleName(tr("Agent"));
    m_agents->setMinimumContentsLength(22);
    m_agents->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    agentLabel->setBuddy(m_agents);
    bar->addWidget(m_agents);
    // Only the user's picks are remembered (not the list being filled).
    connect(m_agents, &QComboBox::activated, this,
            [this] { m_controller->rememberAgentChoice(m_agents->currentText()); });
    auto* providerLabel = new QLabel(tr("Provider:"), bar);
    providerLabel->setObjectName(QStringLiteral("providerLabel"));
    providerLabel->setContentsMargins(10, 0, 4, 0);
    bar->addWidget(providerLabel);
    m_providers = new QComboBox(bar);
    m_providers->setObjectName(QStringLiteral("providerPicker"));
    m_providers->setAccessibleName(tr("Model provider"));
    m_providers->setToolTip(tr("The model new runs talk to: the demo's scripted model, the agent "
                               "file's own, or a provider profile from Settings"));
    m_providers->setMinimumContentsLength(30);
    m_providers->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    providerLabel->setBuddy(m_providers);
    bar->addWidget(m_providers);
    fillProviderPicker();
    connect(m_providers, &QComboBox::currentIndexChanged, this, &MainWindow::onProviderPicked);
    bar->addAction(m_runAction);
    bar->addAction(m_stopAction);
    // Actions have no accessible name of their own: name the buttons the toolbar made for them.
    for (QAction* action : {m_openAction, m_runAction, m_stopAction}) {
        QWidget* button = bar->widgetForAction(action);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QChar(0x2026)));
    }
}

QTableView* MainWindow::addTableDock(const QString& title, const QString& name,
                                     QAbstractItemModel* model, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name + QStringLiteral("Dock"));
    dock->setAccessibleName(title);
    auto* view = new QTableView(dock);
    view->setObjectName(name + QStringLiteral("View"));
    view->setAccessibleName(title);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setMinimumSectionSize(36);
    view->horizontalHeader()->setDefaultSectionSize(80);
    view->horizontalHeader()->setStretchLastSection(true);
    dock->setWidget(view);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return view;
}

void MainWindow::buildDocks()
{
    auto* runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName(QStringLiteral("runsDock"));
    runsDock->setAccessibleName(tr("Runs"));
    m_runsPanel = new RunsView(m_controller->runs(), runsDock);
    m_runsView = m_runsPanel->table();
    runsDock->setWidget(m_runsPanel);
    addDockWidget(Qt::LeftDockWidgetArea, runsDock);
    m_viewMenu->addAction(runsDock->toggleViewAction());
    connect(m_runsPanel, &RunsView::runSelected, m_controller, &SessionController::selectRun);
    connect(m_runsPanel, &RunsView::resumeRequested, this, &MainWindow::resumeRun);
    connect(m_controller->runs(), &QAbstractItemModel::rowsInserted, this,
            &MainWindow::selectCurrentRunRow);

    m_stepsView = addTableDock(tr("Run steps"), QStringLiteral("steps"), m_controller->steps(),
                               Qt::RightDockWidgetArea);
    m_stepsView->horizontalHeader()->resizeSection(RunStepsModel::IdColumn, 40);
    m_stepsView->horizontalHeader()->resizeSection(RunStepsModel::KindColumn, 66);
    m_stepsView->horizontalHeader()->resizeSection(RunStepsModel::NameColumn, 118);
    m_stepsView->horizontalHeader()->resizeSection(RunStepsModel::StatusColumn, 108);
    m_stepsView->horizontalHeader()->resizeSection(RunStepsModel::DurationColumn, 72);

    m_eventsView = addTableDock(tr("Event log"), QStringLiteral("eventLog"), m_controller->events(),
                                Qt::BottomDockWidgetArea);
    m_eventsView->horizontalHeader()->resizeSection(EventLogModel::SeqColumn, 48);
    m_eventsView->horizontalHeader()->resizeSection(EventLogModel::TimeColumn, 100);
    m_eventsView->horizontalHeader()->resizeSection(EventLogModel::KindColumn, 140);
    m_eventsView->horizontalHeader()->resizeSection(EventLogModel::StepColumn, 48);
    // Follow new events while the view is scrolled to the end; leave it alone otherwise.
    connect(m_controller->events(), &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar* bar = m_eventsView->verticalScrollBar();
        m_eventsView->setProperty("following", bar->value() >= bar->maximum());
    });
    connect(m_controller->events(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_eventsView->property("following").toBool())
            m_eventsView->scrollToBottom();
    });

    resizeDocks({findChild<QDockWidget*>(QStringLiteral("runsDock")),
                 findChild<QDockWidget*>(QStringLiteral("stepsDock"))},
                {330, 520}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("eventLogDock"))}, {210}, Qt::Vertical);
    addGraphDocks(this, m_controller, m_viewMenu);

    // The audit trail, tabbed with the event log; it follows the open workspace by itself.
    auto* auditDock = new QDockWidget(tr("Audit trail"), this);
    auditDock->setObjectName(QStringLiteral("auditDock"));
    auditDock->setAccessibleName(auditDock->windowTitle());
    auto* audit = new AuditView(auditDock);
    audit->followSession(m_controller);
    auditDock->setWidget(audit);
    addDockWidget(Qt::BottomDockWidgetArea, auditDock);
    if (auto* events = findChild<QDockWidget*>(QStringLiteral("eventLogDock"))) {
        tabifyDockWidget(events, auditDock);
        events->raise();
    }
    auditDock->toggleViewAction()->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    m_viewMenu->addAction(auditDock->toggleViewAction());

    // The tool schema editor, tabbed with the task graph.
    auto* schemaDock = new QDockWidget(tr("Tool schema"), this);
    schemaDock->setObjectName(QStringLiteral("toolSchemaDock"));
    schemaDock->setAccessibleName(schemaDock->windowTitle());
    schemaDock->setWidget(new SchemaEditor(m_controller, schemaDock));
    addDockWidget(Qt::BottomDockWidgetArea, schemaDock);
    if (auto* graph = findChild<QDockWidget*>(QStringLiteral("taskGraphDock"))) {
        tabifyDockWidget(graph, schemaDock);
        graph->raise();
    }
    schemaDock->toggleViewAction()->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    m_viewMenu->addAction(schemaDock->toggleViewAction());

    // The prompt editor, tabbed with the tool schema editor.
    auto* promptDock = new QDockWidget(tr("Prompt editor"), this);
    promptDock->setObjectName(QStringLiteral("promptEditorDock"));
    promptDock->setAccessibleName(promptDock->windowTitle());
    auto* promptEditor = new PromptEditor(m_controller, promptDock);
    promptDock->setWidget(promptEditor);
    // Runs on the text just saved now name its version in the Runs view.
    connect(promptEditor, &PromptEditor::saved, m_controller->runs(),
            &RunsModel::reloadPromptVersions);
    addDockWidget(Qt::BottomDockWidgetArea, promptDock);
    tabifyDockWidget(schemaDock, promptDock);
    if (auto* graph = findChild<QDockWidget*>(QStringLiteral("taskGraphDock")))
        graph->raise();
    promptDock->toggleViewAction()->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    m_viewMenu->addAction(promptDock->toggleViewAction());

    // Two runs side by side, tabbed with the task graph (it needs the width).
    auto* compareDock = new QDockWidget(tr("Compare runs"), this);
    compareDock->setObjectName(QStringLiteral("compareDock"));
    compareDock->setAccessibleName(compareDock->windowTitle());
    m_compare = new RunCompareView(compareDock);
    compareDock->setWidget(m_compare);
    addDockWidget(Qt::BottomDockWidgetArea, compareDock);
    tabifyDockWidget(promptDock, compareDock);
    if (auto* graph = findChild<QDockWidget*>(QStringLiteral("taskGraphDock")))
        graph->raise();
    m_viewMenu->addAction(compareDock->toggleViewAction());
    connect(m_runsPanel, &RunsView::compareRequested, this, &MainWindow::compareRuns);
    connect(m_controller, &SessionController::workspaceOpened, m_compare, [this] {
        m_compare->setDatabasePath(m_controller->journal() ? m_controller->journal()->databasePath()
                                                           : QString());
    });
    connect(m_compare, &RunCompareView::replayRequested, this,
            [this](const QString& runId, int stepNumber) {
                const RunCompareModel* model = m_compare->model();
                askReplay(model->run(model->run(RunCompareModel::SideA).runId == runId
                                         ? RunCompareModel::SideA
                                         : RunCompareModel::SideB),
                          stepNumber);
            });
    if (auto* inspector = findChild<StepInspector*>()) {
        connect(inspector, &StepInspector::replayRequested, this,
                [this](const QString& runId, int stepNumber) {
                    if (runId == m_controller->currentRunId())
                        askReplay(m_controller->currentState(), stepNumber);
                });
    }
    connect(m_controller, &SessionController::replayStarted, this,
            [this](const QString& runId, const QString& source) {
                statusBar()->showMessage(tr("Replaying run %1 as run %2").arg(source, runId));
            });
    connect(m_controller, &SessionController::replayFailed, this,
            [this](const QString& message) { showError(tr("Cannot Replay the Run"), message); });
    connect(m_controller, &SessionController::replayCancelled, this,
            [this] { statusBar()->showMessage(tr("Stopped the replay before it started.")); });
}

void MainWindow::compareRuns(const QString& runA, const QString& runB)
{
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("compareDock"))) {
        dock->show();
        dock->raise();
    }
    m_compare->compare(runA, runB);
}

void MainWindow::askReplay(const RunState& run, int stepNumber)
{
    if (stepNumber < 1 || stepNumber > int(run.steps.size()))
        return;
    const StepState& step = run.steps[std::size_t(stepNumber - 1)];
    // Window-modal and non-blocking, like the error boxes: runs keep going while it is open.
    auto* dialog = new ReplayDialog(
        run.runId, stepNumber,
        QStringLiteral("%1, %2 %3").arg(step.id, stepKindName(step.kind), step.name), run.agentFile,
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_controller->startReplay(dialog->runId(), dialog->stepNumber(), dialog->instructions());
    });
    dialog->open();
}

void MainWindow::buildStatusBar()
{
    m_runInfo = new QLabel(this);
    m_runInfo->setObjectName(QStringLiteral("runInfoLabel"));
    m_runInfo->setAccessibleName(tr("Current run: provider, model, tokens and cost"));
    m_keychain = new QLabel(tr("keychain: checking\u2026"), this);
    m_keychain->setObjectName(QStringLiteral("keychainLabel"));
    m_keychain->setAccessibleName(tr("Keychain state"));
    m_runInfo->setContentsMargins(8, 0, 8, 0);
    m_keychain->setContentsMargins(8, 0, 8, 0);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addPermanentWidget(m_runInfo);
    statusBar()->addPermanentWidget(m_keychain);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_closeConfirmed && m_controller->activeRunCount() > 0) {
        event->ignore();
        confirmStoppingRuns(tr("Stop Runs and Quit"), [this] {
            m_closeConfirmed = true;
            close();
        });
        return;
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"),
                                                          m_controller->workspaceRoot());
    if (!dir.isEmpty())
        openWorkspaceAfterAsking(dir);
}

void MainWindow::openWorkspaceAfterAsking(const QString& dir)
{
    confirmStoppingRuns(tr("Stop Runs and Open"),
                        [this, dir] { m_controller->openWorkspace(dir); });
}

void MainWindow::confirmStoppingRuns(const QString& confirmText, std::function<void()> then)
{
    const int running = m_controller->activeRunCount();
    if (running == 0) {
        then();
        return;
    }
    auto* asking = findChild<QMessageBox*>(QStringLiteral("stopRunsDialog"));
    if (asking && asking->isVisible()) {
        asking->raise(); // one question at a time; this request is dropped
        return;
    }
    const QString text =
        running == 1
            ? tr("A run of this workspace is still running. It will be stopped and recorded as "
                 "cancelled; you can read it in the Runs view afterwards.")
            : tr("%1 runs of this workspace are still running. They will be stopped and recorded "
                 "as cancelled; you can read them in the Runs view afterwards.")
                  .arg(running);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Stop Running Runs?"), text,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("stopRunsDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton* stop = box->addButton(confirmText, QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("stopRunsButton"));
    QPushButton* keep = box->addButton(tr("Keep Running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunsButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, stop, then = std::move(then)] {
        if (box->clickedButton() != stop)
            return;
        m_controller->stopAllRuns(QStringLiteral("stopped by the user"));
        then();
    });
    box->open();
}

// The input is cleared once the run has started (runLaunched): a failure loses nothing.
void MainWindow::startRun()
{
    if (Status s = m_controller->startRun(m_agents->currentText(), m_chat->input()); !s)
        m_chat->showNotice(s.errorMessage(), ChatView::Notice::Error);
}

// The chat's message: a follow-up to the shown run when it answered, otherwise a new run.
void MainWindow::sendMessage()
{
    if (Status s = m_controller->sendMessage(m_agents->currentText(), m_chat->input()); !s)
        m_chat->showNotice(s.errorMessage(), ChatView::Notice::Error);
}

void MainWindow::decide(const QString& approvalStepId, bool approve, const QString& editedArguments)
{
    // Shown on the card, where the person is looking; the card lets them decide again.
    if (Status s = m_controller->decide(approvalStepId, approve, editedArguments); !s)
        m_chat->showDecisionError(s.errorMessage());
}

void MainWindow::resumeRun(const QString& runId)
{
    if (Status s = m_controller->resumeRun(runId); !s)
        showError(tr("Cannot Resume the Run"), s.errorMessage());
}

void MainWindow::showError(const QString& title, const QString& message)
{
    // Window-modal and non-blocking: the event loop (and any running agent) keeps going.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onWorkspaceOpened(const QString& root)
{
    setWindowTitle(tr("%1 \u2014 Agent Workbench").arg(QDir(root).dirName()));
    m_chat->setWorkspaceRoot(root);
    statusBar()->showMessage(root);
    m_agents->clear();
    m_agents->addItems(m_controller->agentNames());
    if (const int i = m_agents->findText(m_controller->preferredAgent()); i >= 0)
        m_agents->setCurrentIndex(i);
    fillProviderPicker();
    updateActions();
}

void MainWindow::fillProviderPicker()
{
    QSettings settings;
    const std::vector<ProviderProfile> profiles = settings::loadProfiles(settings);
    const QSignalBlocker blocker(m_providers);
    m_providers->clear();
    m_providers->addItem(tr("scripted (demo)"), ProviderSelection::scripted().id());
    m_providers->addItem(tr("agent file's model"), ProviderSelection::agentFile().id());
    for (const ProviderProfile& p : profiles) {
        const QString model =
            p.model.isEmpty() ? p.provider : p.provider + QLatin1Char('/') + p.model;
        m_providers->addItem(tr("%1 (%2)").arg(p.name, model),
                             ProviderSelection::ofProfile(p.name).id());
    }
    const QString chosen = m_controller->providerSelection().id();
    int index = m_providers->findData(chosen);
    if (index < 0) {
        // A remembered profile that no longer exists: shown as such, not silently replaced.
        m_providers->addItem(
            tr("%1 (missing profile)").arg(m_controller->providerSelection().profile), chosen);
        index = m_providers->count() - 1;
    }
    m_providers->setCurrentIndex(index);
}

void MainWindow::fillRecentMenu()
{
    // Later, not now: this may run inside the triggered() of one of these actions.
    for (QAction* action : m_recentMenu->actions()) {
        m_recentMenu->removeAction(action);
        action->deleteLater();
    }
    const auto& entries = m_recent->entries();
    if (entries.empty()) {
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
        return;
    }
    int missing = 0;
    int n = 0;
    for (const RecentWorkspaces::Entry& e : entries) {
        const QString name = QDir(e.path).dirName();
        const bool gone = e.presence == RecentWorkspaces::Entry::Presence::Missing;
        QString text = tr("&%1 %2 \u2014 %3").arg(++n).arg(name, e.path);
        if (gone)
            text = tr("%1 (folder missing)").arg(text);
        QAction* action = m_recentMenu->addAction(text);
        action->setObjectName(QStringLiteral("recentWorkspaceAction"));
        action->setData(e.path);
        if (gone) {
            ++missing;
            action->setEnabled(false);
            action->setToolTip(tr("%1 was moved or deleted. Use \"Remove Missing\" to drop it "
                                  "from this list.")
                                   .arg(e.path));
        } else {
            action->setToolTip(e.path);
            connect(action, &QAction::triggered, this,
                    [this, path = e.path] { openWorkspaceAfterAsking(path); });
        }
    }
    m_recentMenu->setToolTipsVisible(true);
    m_recentMenu->addSeparator();
    QAction* removeMissing = m_recentMenu->addAction(tr("Remove Missing"), this, [this] {
        const int removed = m_recent->removeMissing();
        statusBar()->showMessage(
            tr("Removed %n missing workspace(s) from the recent list.", nullptr, removed));
    });
    removeMissing->setObjectName(QStringLiteral("removeMissingRecentAction"));
    removeMissing->setEnabled(missing > 0);
    QAction* clear = m_recentMenu->addAction(tr("Clear List"), m_recent, &RecentWorkspaces::clear);
    clear->setObjectName(QStringLiteral("clearRecentAction"));
}

void MainWindow::onProviderPicked(int index)
{
    m_controller->setProviderSelection(
        ProviderSelection::fromId(m_providers->itemData(index).toString()));
}

void MainWindow::onWorkspaceFailed(const QString& dir, const QString& message)
{
    statusBar()->showMessage(tr("Could not open %1").arg(dir));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open the Workspace"), message,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("workspaceErrorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* other =
        box->addButton(tr("Open Another Workspace\u2026"), QMessageBox::AcceptRole);
    other->setObjectName(QStringLiteral("openAnotherButton"));
    box->addButton(QMessageBox::Close);
    connect(box, &QMessageBox::accepted, this, &MainWindow::chooseWorkspace);
    box->open();
}

void MainWindow::onCurrentRunChanged(const QString&)
{
    m_chat->setInterruptedSteps(m_controller->steps()->interruptedSteps(),
                                m_controller->currentState());
    m_chat->showRun(m_controller->currentState());
    selectCurrentRunRow();
    updateRunInfo();
    updateActions();
}

void MainWindow::onRunEvent(const RunEvent& event)
{
    m_chat->applyEvent(event, m_controller->currentState());
    switch (event.kind) {
    case EventKind::RunStarted:
    case EventKind::ModelResponded:
    case EventKind::RunPaused:
    case EventKind::RunResumed:
    case EventKind::RunFinished:
        updateRunInfo();
        updateActions();
        break;
    default:
        break;
    }
}

void MainWindow::selectCurrentRunRow()
{
    m_runsPanel->selectRun(m_controller->currentRunId());
}

void MainWindow::updateRunInfo()
{
    const RunState& s = m_controller->currentState();
    if (s.runId.isEmpty()) {
        m_runInfo->setText(tr("No run selected"));
        return;
    }
    const QString model =
        s.provider + QLatin1Char('/') + s.model + (s.scripted ? tr(" (scripted)") : QString());
    m_runInfo->setText(tr("%1 \u00b7 %2 tokens \u00b7 US$%3")
                           .arg(model, QLocale().toString(qlonglong(s.usage.totalTokens())),
                                Decimal::fromMicros(s.usage.costMicros).toString(4)));
}

void MainWindow::updateActions()
{
    const bool open = m_controller->hasWorkspace();
    const bool active = m_controller->isCurrentRunActive();
    const bool preparing = m_controller->isPreparing();
    const bool canRun = open && m_agents->count() > 0 && !active && !preparing;
    m_agents->setEnabled(open);
    m_providers->setEnabled(open && !preparing);
    m_runAction->setEnabled(canRun);
    m_chat->setRunEnabled(canRun);
    m_stopAction->setEnabled(active || preparing);
    m_chat->setStopEnabled(active || preparing);
}

} // namespace awb::ui
