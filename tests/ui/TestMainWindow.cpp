// The main window driven like a user would: open the demo workspace, pick the reconciliation
// agent, run it, approve the email, and check what the journal recorded, not only the widgets.
// Recent workspaces in the File menu: persisted, a moved folder shown as missing, one click opens.

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTranslator>
#include <QtTest>

#include <algorithm>

#include "chat/ApprovalPanel.h"
#include "demo/DemoWorkspace.h"
#include "engine/Journal.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/RecentWorkspaces.h"
#include "runs/RunStepsModel.h"
#include "runs/RunsModel.h"
#include "runs/RunsView.h"
#include "session/SessionController.h"
#include "settings/SettingsStore.h"
#include "store/Sqlite.h"

using namespace awb;
using awb::ui::MainWindow;
using awb::ui::SessionController;

namespace {
const QString kRequest = QStringLiteral("Reconcile Q3 revenue against the ERP ledger, flag "
                                        "anomalies, and email the CFO a one-page summary");
constexpr int kTimeoutMs = 30000;

template <typename T> T* child(QWidget& window, const char* name)
{
    return window.findChild<T*>(QString::fromLatin1(name));
}

// A model endpoint that accepts connections and never answers: a run on it keeps running.
struct SilentModel
{
    QTcpServer server;
    QString profile = QStringLiteral("silent-ollama");
    bool start()
    {
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        ui::ProviderProfile p;
        p.name = profile;
        p.provider = QStringLiteral("ollama"); // needs no key
        p.model = QStringLiteral("llama3");
        p.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
        QSettings settings;
        ui::settings::saveProfiles(settings, {p});
        return true;
    }
};

// Opens a fresh demo workspace in dir and starts a run on the silent model; returns its id.
QString startHangingRun(SessionController& controller, const QString& dir, SilentModel& model)
{
    if (!demo::createDemoWorkspace(dir).ok() || !model.start())
        return {};
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(dir);
    if (!opened.wait(kTimeoutMs))
        return {};
    controller.setProviderSelection(ui::ProviderSelection::ofProfile(model.profile));
    if (!controller.startRun(QStringLiteral("q3-reconciliation"), QStringLiteral("go")).ok())
        return {};
    if (!QTest::qWaitFor([&controller] { return controller.isCurrentRunActive(); }, kTimeoutMs))
        return {};
    return controller.currentRunId();
}

// The run as the journal holds it: the truth the window must agree with.
RunState recorded(SessionController& controller, const QString& runId)
{
    auto events = controller.journal() ? controller.journal()->loadEvents(runId)
                                       : Result<std::vector<RunEvent>>(std::vector<RunEvent>{});
    return events ? RunState::fromEvents(*events) : RunState();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reconciliationRunPausesForTheEmailAndSucceedsWhenApproved();
    void approvingARunPausedBeforeARestartResumesIt();
    void agentPickerStartsOnTheDefaultAgentThenTheUsersPick();
    void closingWithARunningRunAsksThenRecordsItCancelled();
    void openingAnotherWorkspaceCancelsTheRunsOfTheFirst();
    void workspaceThatCannotBeOpenedShowsTheErrorInADialog();
    void keychainStateIsShownWhenKnown();
    void recentWorkspacesAreListedShowMissingFoldersAndOpen();
    void controlsHaveObjectAndAccessibleNames();
    void geometryIsRestoredFromTheSettings();
    void translationIsEmbeddedForEachLocale_data();
    void translationIsEmbeddedForEachLocale();

private:
    QTemporaryDir m_dir;
    QString m_workspace;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-gui");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-test"));
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    auto demo = demo::createDemoWorkspace(m_workspace);
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.errorMessage()));
}

void TestMainWindow::agentPickerStartsOnTheDefaultAgentThenTheUsersPick()
{
    const QString dir = m_dir.filePath(QStringLiteral("agent-choice"));
    QVERIFY(demo::createDemoWorkspace(dir).ok());
    const auto openIn = [&dir](SessionController& controller) {
        QSignalSpy opened(&controller, &SessionController::workspaceOpened);
        controller.openWorkspace(dir);
        return opened.wait(kTimeoutMs);
    };
    {
        SessionController controller;
        MainWindow window(&controller);
        QVERIFY(openIn(controller));
        auto* agents = child<QComboBox>(window, "agentPicker");
        // workspace.json's default_agent, though "add-bench" sorts first.
        QCOMPARE(agents->itemText(0), QStringLiteral("add-bench"));
        QCOMPARE(agents->currentText(), QStringLiteral("q3-reconciliation"));
        // The user picks another one, with the keyboard.
        agents->setFocus();
        QTest::keyClick(agents, Qt::Key_Up);
        QCOMPARE(agents->currentText(), QStringLiteral("add-bench"));
    }
    SessionController controller;
    MainWindow window(&controller);
    QVERIFY(openIn(controller));
    QCOMPARE(child<QComboBox>(window, "agentPicker")->currentText(), QStringLiteral("add-bench"));
}

void TestMainWindow::reconciliationRunPausesForTheEmailAndSucceedsWhenApproved()
{
    SessionController controller;
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);

    auto* agents = child<QComboBox>(window, "agentPicker");
    QVERIFY(agents);
    const int agentIndex = agents->findText(QStringLiteral("q3-reconciliation"));
    QVERIFY(agentIndex >= 0);
    agents->setCurrentIndex(agentIndex);
    auto* input = child<QLineEdit>(window, "chatInput");
    QVERIFY(input);
    QTest::keyClicks(input, kRequest);
    auto* runButton = child<QPushButton>(window, "chatRunButton");
    QVERIFY(runButton && runButton->isEnabled());
    QTest::mouseClick(runButton, Qt::LeftButton);

    // The run pauses before the email: the panel shows the exact call the journal recorded.
    auto* panel = child<ui::ApprovalPanel>(window, "approvalPanel");
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), kTimeoutMs);
    const QString runId = controller.currentRunId();
    QVERIFY(!runId.isEmpty());
    const RunState paused = recorded(controller, runId);
    QCOMPARE(paused.status, RunStatus::WaitingApproval);
    const StepState* approval = paused.step(panel->stepId());
    QVERIFY(approval);
    QCOMPARE(approval->kind, StepKind::Approval);
    QCOMPARE(approval->name, QStringLiteral("send_email"));
    QVERIFY(child<QLabel>(window, "approvalTitle")->text().contains(QLatin1String("send_email")));
    QCOMPARE(child<QPlainTextEdit>(window, "approvalArguments")->toPlainText(),
             toQ(approval->arguments.dump(2)));
    QCOMPARE(controller.runs()
                 ->index(controller.runs()->rowOf(runId), 0)
                 .data(ui::RunsModel::StatusRole)
                 .toString(),
             QStringLiteral("waiting_approval"));
    QTest::mouseClick(child<QPushButton>(window, "approveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(controller, runId).status, RunStatus::Succeeded, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isCurrentRunActive(), kTimeoutMs);

    const RunState done = recorded(controller, runId);
    const StepState* decided = done.step(approval->id);
    QVERIFY(decided && decided->approved.value_or(false));
    QCOMPARE(decided->decidedBy, SessionController::actor());
    QVERIFY(!panel->isVisible());
    QCOMPARE(QDir(m_workspace + QStringLiteral("/outbox"))
                 .entryList({QStringLiteral("*.eml")}, QDir::Files)
                 .size(),
             1);

    // Every recorded step shows in the steps view, in order, with its recorded status.
    auto* steps = child<QTableView>(window, "stepsView");
    QVERIFY(steps);
    QCOMPARE(steps->model()->rowCount(), int(done.steps.size()));
    for (int row = 0; row < steps->model()->rowCount(); ++row) {
        const QModelIndex index = steps->model()->index(row, ui::RunStepsModel::NameColumn);
        QCOMPARE(index.data().toString(), done.steps[std::size_t(row)].name);
        QCOMPARE(index.data(ui::RunStepsModel::StatusRole).toString(),
                 stepStatusName(done.steps[std::size_t(row)].status));
    }
    auto* runs = child<QTableView>(window, "runsView");
    QCOMPARE(runs->currentIndex().data(ui::RunsModel::RunIdRole).toString(), runId);
    // Offscreen, the chat uses its plain fallback (QtWebEngine needs a display: TestChatView).
    auto* browser = child<QTextBrowser>(window, "chatTranscript");
    QVERIFY(browser);
    QTRY_VERIFY(browser->toPlainText().contains(QLatin1String("Q3 2026 revenue reconciliation")));
    const QString transcript = browser->toPlainText();
    QVERIFY(transcript.contains(kRequest));
    QVERIFY(transcript.contains(QLatin1String("Q3 2026 revenue reconciliation")));
    QVERIFY(!transcript.contains(QLatin1String("## Q3"))); // rendered, not raw Markdown
    QVERIFY(child<QLabel>(window, "runInfoLabel")->text().contains(QLatin1String("scripted")));

    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(window.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/main-window.png")));
}

void TestMainWindow::approvingARunPausedBeforeARestartResumesIt()
{
    const QString dir = m_dir.filePath(QStringLiteral("restart"));
    QVERIFY(demo::createDemoWorkspace(dir).ok());
    QString runId;
    {
        SessionController controller;
        MainWindow window(&controller);
        window.show();
        QSignalSpy opened(&controller, &SessionController::workspaceOpened);
        controller.openWorkspace(dir);
        QVERIFY(opened.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
        QVERIFY(controller.startRun(QStringLiteral("q3-reconciliation"), kRequest).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.currentRunId().isEmpty(), kTimeoutMs);
        runId = controller.currentRunId();
        QTRY_VERIFY_WITH_TIMEOUT(child<ui::ApprovalPanel>(window, "approvalPanel")->isVisible(),
                                 kTimeoutMs);
    } // the window closes with the run paused: its run object is gone

    SessionController controller;
    MainWindow window(&controller);
    window.show();
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(dir);
    QVERIFY(opened.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
    QCOMPARE(recorded(controller, runId).status, RunStatus::WaitingApproval);
    auto* runs = window.findChild<ui::RunsView*>(QStringLiteral("runsPanel"));
    QVERIFY(runs);
    const int row = controller.runs()->rowOf(runId);
    QVERIFY(row >= 0);
    QCOMPARE(controller.runs()->index(row, 0).data(ui::RunsModel::StatusRole).toString(),
             QStringLiteral("waiting_approval"));
    QVERIFY(runs->selectRun(runId));
    QTRY_COMPARE_WITH_TIMEOUT(controller.currentRunId(), runId, 5000); // read on a worker
    auto* panel = child<ui::ApprovalPanel>(window, "approvalPanel");
    QTRY_VERIFY(panel->isVisible());

    QTest::mouseClick(child<QPushButton>(window, "approveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(controller, runId).status, RunStatus::Succeeded, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isCurrentRunActive(), kTimeoutMs);
    QCOMPARE(QDir(dir + QStringLiteral("/outbox"))
                 .entryList({QStringLiteral("*.eml")}, QDir::Files)
                 .size(),
             1);
    QCOMPARE(controller.runs()
                 ->index(controller.runs()->rowOf(runId), 0)
                 .data(ui::RunsModel::StatusRole)
                 .toString(),
             QStringLiteral("succeeded"));
}

void TestMainWindow::closingWithARunningRunAsksThenRecordsItCancelled()
{
    SessionController controller;
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SilentModel model;
    const QString runId =
        startHangingRun(controller, m_dir.filePath(QStringLiteral("close-running")), model);
    QVERIFY(!runId.isEmpty());
    QCOMPARE(controller.activeRunCount(), 1);

    // Asked, and kept running: the window stays, the run runs.
    QVERIFY(!window.close());
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = window.findChild<QMessageBox*>(QStringLiteral("stopRunsDialog"))), kTimeoutMs);
    QVERIFY(box->text().startsWith(QLatin1String("A run of this workspace is still running")));
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(box->grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/stop-runs.png")));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("keepRunsButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<QMessageBox*>(QStringLiteral("stopRunsDialog")),
                             kTimeoutMs);
    QVERIFY(window.isVisible());
    QCOMPARE(controller.activeRunCount(), 1);
    QCOMPARE(recorded(controller, runId).status, RunStatus::Running);

    // Asked again (once, however often the window is told to close), and stopped: the run ends
    // on record as cancelled, then the window closes.
    QVERIFY(!window.close());
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = window.findChild<QMessageBox*>(QStringLiteral("stopRunsDialog"))), kTimeoutMs);
    QVERIFY(!window.close());
    QCOMPARE(window.findChildren<QMessageBox*>(QStringLiteral("stopRunsDialog")).size(), 1);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("stopRunsButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), kTimeoutMs);
    QCOMPARE(controller.activeRunCount(), 0);
    QVERIFY(controller.journal()->flush().ok());
    const RunState stopped = recorded(controller, runId);
    QCOMPARE(stopped.status, RunStatus::Cancelled);
    QVERIFY2(toQ(stopped.error.dump()).contains(QLatin1String("stopped by the user")),
             stopped.error.dump().c_str());
}

void TestMainWindow::openingAnotherWorkspaceCancelsTheRunsOfTheFirst()
{
    SessionController controller;
    SilentModel model;
    const QString first = m_dir.filePath(QStringLiteral("leave-running"));
    const QString runId = startHangingRun(controller, first, model);
    QVERIFY(!runId.isEmpty());
    const QString databasePath = controller.journal()->databasePath();

    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QCOMPARE(controller.activeRunCount(), 0);
    // The first workspace's journal committed the cancellation when it closed.
    auto db = sql::Database::open(databasePath, sql::OpenMode::ReadOnly);
    QVERIFY(db.ok());
    auto st = db->prepare(QStringLiteral("SELECT status FROM runs WHERE run_id = ?"));
    QVERIFY(st.ok());
    st->bind(1, runId);
    QVERIFY(st->step());
    QCOMPARE(st->text(0), QStringLiteral("cancelled"));
}

void TestMainWindow::workspaceThatCannotBeOpenedShowsTheErrorInADialog()
{
    SessionController controller;
    MainWindow window(&controller);
    window.show();
    QSignalSpy failed(&controller, &SessionController::workspaceFailed);
    controller.openWorkspace(m_dir.filePath(QStringLiteral("no-such-workspace")));
    QVERIFY(failed.wait(kTimeoutMs));
    QVERIFY(!controller.hasWorkspace());
    auto* dialog = window.findChild<QMessageBox*>(QStringLiteral("workspaceErrorDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->text(), failed.first().at(1).toString());
    QVERIFY(dialog->text().contains(QLatin1String("no-such-workspace")));
    QVERIFY(window.findChild<QPushButton*>(QStringLiteral("openAnotherButton")));
    dialog->reject();
    QVERIFY(window.findChild<QAction*>(QStringLiteral("openWorkspaceAction"))->isEnabled());
}

void TestMainWindow::keychainStateIsShownWhenKnown()
{
    SessionController controller;
    QSignalSpy known(&controller, &SessionController::keychainStateKnown);
    MainWindow window(&controller);
    auto* label = child<QLabel>(window, "keychainLabel");
    QVERIFY(label);
    // The probe runs on a worker thread, so the window is built before it answers.
    QCOMPARE(label->text(), QStringLiteral("keychain: checking\u2026"));
    QVERIFY(known.wait(kTimeoutMs));
    const QString state = known.first().first().toString();
    QVERIFY(QStringList({QStringLiteral("unlocked"), QStringLiteral("locked"),
                         QStringLiteral("unavailable")})
                .contains(state));
    QCOMPARE(label->text(), QStringLiteral("keychain: %1").arg(state));
}

void TestMainWindow::controlsHaveObjectAndAccessibleNames()
{
    SessionController controller;
    MainWindow window(&controller);
    for (const char* name : {"agentPicker",        "chatInput",
                             "chatRunButton",      "chatTranscript",
                             "approveButton",      "rejectButton",
                             "approvalArguments",  "runsView",
                             "stepsView",          "eventLogView",
                             "runsDock",           "stepsDock",
                             "eventLogDock",       "runInfoLabel",
                             "keychainLabel",      "openWorkspaceActionButton",
                             "runActionButton",    "stopActionButton",
                             "chatStopButton",     "editArgumentsButton",
                             "approvalPdfPreview", "runsPanel",
                             "runsSearch",         "runsStatusFilter",
                             "runsAgentFilter",    "resumeRunButton"}) {
        auto* widget = window.findChild<QWidget*>(QString::fromLatin1(name));
        QVERIFY2(widget, name);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
    }
}

void TestMainWindow::geometryIsRestoredFromTheSettings()
{
    SessionController controller;
    QSize size;
    {
        MainWindow window(&controller);
        window.show();
        // A size the window can take whatever the docks' minimum sizes are, and not its default.
        size = window.minimumSizeHint().expandedTo(QSize(1111, 777)) + QSize(37, 23);
        window.resize(size);
        QTRY_COMPARE(window.size(), size);
        window.close();
    }
    MainWindow again(&controller);
    QCOMPARE(again.size(), size);
}

void TestMainWindow::translationIsEmbeddedForEachLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("runs");
    QTest::addColumn<QString>("approve");
    QTest::newRow("German") << "de_DE" << QStringLiteral("L\u00e4ufe") << "&Freigeben";
    QTest::newRow("French") << "fr_FR" << QStringLiteral("Ex\u00e9cutions") << "&Approuver";
}

void TestMainWindow::translationIsEmbeddedForEachLocale()
{
    QFETCH(QString, locale);
    // The same lookup app/main.cpp does with QLocale::system().
    QTranslator translator;
    QVERIFY(translator.load(QLocale(locale), QStringLiteral("awb"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QTEST(translator.translate("awb::ui::MainWindow", "Runs"), "runs");
    QTEST(translator.translate("awb::ui::ApprovalPanel", "&Approve"), "approve");
}

namespace {
// The workspace entries of the File menu's recent list, once the folders were checked.
QList<QAction*> recentEntries(MainWindow& window)
{
    auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
    QList<QAction*> out;
    for (QAction* a : menu->actions()) {
        if (a->objectName() == QLatin1String("recentWorkspaceAction"))
            out << a;
    }
    return out;
}

// Looked up each time: the menu is rebuilt whenever the list or a folder check changes.
QAction* recentMenuAction(MainWindow& window, const char* name)
{
    for (QAction* a : window.findChild<QMenu*>(QStringLiteral("recentMenu"))->actions()) {
        if (a->objectName() == QLatin1String(name))
            return a;
    }
    return nullptr;
}

QStringList recentPaths(MainWindow& window)
{
    QStringList out;
    for (QAction* a : recentEntries(window))
        out << a->data().toString();
    return out;
}
} // namespace

void TestMainWindow::recentWorkspacesAreListedShowMissingFoldersAndOpen()
{
    const QString first = m_dir.filePath(QStringLiteral("recent-first"));
    const QString second = m_dir.filePath(QStringLiteral("recent-second"));
    const QString moved = m_dir.filePath(QStringLiteral("recent-moved"));
    for (const QString& dir : {first, second, moved})
        QVERIFY(demo::createDemoWorkspace(dir).ok());
    QSettings().remove(QStringLiteral("workspace/recent"));
    {
        SessionController controller;
        MainWindow window(&controller);
        window.show();
        QCOMPARE(recentEntries(window).size(), 0);
        for (const QString& dir : {first, second, moved}) {
            QSignalSpy opened(&controller, &SessionController::workspaceOpened);
            controller.openWorkspace(dir);
            QVERIFY(opened.wait(kTimeoutMs));
            QTRY_VERIFY_WITH_TIMEOUT(!controller.runs()->isLoading(), kTimeoutMs);
        }
        QCOMPARE(recentPaths(window), (QStringList{moved, second, first})); // newest first
    }
    QVERIFY(QDir(moved).removeRecursively()); // moved away while the application was closed

    // Persisted: a new window lists them; the moved one is shown as missing and cannot be chosen.
    SessionController controller;
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(recentPaths(window), (QStringList{moved, second, first}));
    auto* recent = window.recentWorkspaces();
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(recent->entries().begin(), recent->entries().end(),
                                         [](const ui::RecentWorkspaces::Entry& e) {
                                             return e.presence !=
                                                    ui::RecentWorkspaces::Entry::Presence::Unknown;
                                         }),
                             kTimeoutMs);
    QList<QAction*> entries = recentEntries(window);
    QCOMPARE(entries.size(), 3);
    QVERIFY(!entries[0]->isEnabled());
    QVERIFY2(entries[0]->text().contains(QLatin1String("folder missing")),
             qPrintable(entries[0]->text()));
    QVERIFY(entries[0]->toolTip().contains(QLatin1String("moved or deleted")));
    QVERIFY(entries[1]->isEnabled() && entries[2]->isEnabled());
    QVERIFY(!entries[1]->text().contains(QLatin1String("missing")));

    auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
    menu->popup(window.mapToGlobal(QPoint(40, 40)));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(menu->grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/recent-workspaces.png")));
    menu->hide();

    // Choosing one opens it, and it moves to the top.
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    recentEntries(window)[2]->trigger();
    QVERIFY(opened.wait(kTimeoutMs));
    QCOMPARE(controller.workspaceRoot(), QDir(first).absolutePath());
    QTRY_COMPARE(recentPaths(window).first(), first);

    // Remove Missing drops the moved one, from the menu and from the settings, and says so.
    QTRY_VERIFY_WITH_TIMEOUT(recentMenuAction(window, "removeMissingRecentAction") &&
                                 recentMenuAction(window, "removeMissingRecentAction")->isEnabled(),
                             kTimeoutMs);
    recentMenuAction(window, "removeMissingRecentAction")->trigger();
    QCOMPARE(recentPaths(window), (QStringList{first, second}));
    QCOMPARE(QSettings().value(QStringLiteral("workspace/recent")).toStringList(),
             (QStringList{first, second}));
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("missing")));
}

// A GUI test: needs a QApplication on the offscreen platform, set before it is created.
int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestMainWindow.moc"
