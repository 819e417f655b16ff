#pragma once
// The main window: arranges the views (chat, runs, run steps, event log) around one
// SessionController and forwards user actions to it. Holds no business logic of its own.

#include <QMainWindow>

#include <functional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QTableView;

namespace awb {
struct RunEvent;
struct RunState;
} // namespace awb

namespace awb::ui {

class ChatView;
class RecentWorkspaces;
class RunCompareView;
class RunsView;
class SessionController;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(SessionController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    ChatView* chat() const { return m_chat; }
    RecentWorkspaces* recentWorkspaces() const { return m_recent; }
    QComboBox* agentPicker() const { return m_agents; }
    QComboBox* providerPicker() const { return m_providers; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildDocks();
    void buildStatusBar();
    QTableView* addTableDock(const QString& title, const QString& name, QAbstractItemModel* model,
                             Qt::DockWidgetArea area);

    void chooseWorkspace();
    // Runs executing here would stop: asks first, without blocking (a window-modal question),
    // then stops them and calls then(); calls then() at once when nothing runs.
    void confirmStoppingRuns(const QString& confirmText, std::function<void()> then);
    void openWorkspaceAfterAsking(const QString& dir);
    void startRun();
    void sendMessage();
    void decide(const QString& approvalStepId, bool approve, const QString& editedArguments);
    void resumeRun(const QString& runId);
    void compareRuns(const QString& runA, const QString& runB);
    // Asks how to replay run from a step (1-based), then starts the replay.
    void askReplay(const RunState& run, int stepNumber);
    void showError(const QString& title, const QString& message);
    void onWorkspaceOpened(const QString& root);
    void onWorkspaceFailed(const QString& dir, const QString& message);
    void onCurrentRunChanged(const QString& runId);
    void onRunEvent(const RunEvent& event);
    void selectCurrentRunRow();
    void updateRunInfo();
    void updateActions();
    // The provider picker's entries: scripted, the agent file's model, then the saved profiles.
    void fillProviderPicker();
    void fillRecentMenu();
    void onProviderPicked(int index);

    SessionController* m_controller;
    bool m_closeConfirmed = false; // the user agreed to stop the runs and close
    ChatView* m_chat;
    QComboBox* m_agents = nullptr;
    QComboBox* m_providers = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QTableView* m_runsView = nullptr;
    RunsView* m_runsPanel = nullptr;
    RunCompareView* m_compare = nullptr;
    QTableView* m_stepsView = nullptr;
    QTableView* m_eventsView = nullptr;
    QLabel* m_runInfo = nullptr;
    QLabel* m_keychain = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    RecentWorkspaces* m_recent = nullptr;
};

} // namespace awb::ui
