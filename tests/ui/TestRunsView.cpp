// The Runs view: filters by status and agent, a search box, the columns a user compares runs by,
// and Resume for a run a crash interrupted (a child `awb` killed by fault injection mid-tool),
// which finishes it through the engine's crash-resume without repeating completed steps.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "chat/ApprovalPanel.h"
#include "chat/ChatView.h"
#include "demo/DemoWorkspace.h"
#include "engine/Journal.h"
#include "integration/support/Awb.h"
#include "mainwindow/MainWindow.h"
#include "runs/RunsModel.h"
#include "runs/RunsView.h"
#include "session/SessionController.h"

using namespace awb;
using awb::ui::MainWindow;
using awb::ui::RunsModel;
using awb::ui::RunsView;
using awb::ui::SessionController;

namespace {
constexpr int kTimeoutMs = 60000;

RunState recorded(SessionController& controller, const QString& runId)
{
    auto events = controller.journal() ? controller.journal()->loadEvents(runId)
                                       : Result<std::vector<RunEvent>>(std::vector<RunEvent>{});
    return events ? RunState::fromEvents(*events) : RunState();
}

int outboxCount(const QString& workspace)
{
    return int(QDir(workspace + QStringLiteral("/outbox"))
                   .entryList({QStringLiteral("*.eml")}, QDir::Files)
                   .size());
}
} // namespace

class TestRunsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filterModelPassesTheModelTester();
    void filtersByStatusAgentAndSearch_data();
    void filtersByStatusAgentAndSearch();
    void columnsShowStatusAgentModelProviderCostAndDuration();
    void interruptedRunShowsAsInterruptedAndResumeFinishesIt();

private:
    // A window with the workspace open; the caller owns both.
    void open(SessionController& controller, MainWindow& window);

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_succeeded;
    QString m_interrupted;
};

void TestRunsView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-runs-view");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("AWB_SMTP_URL"); // the demo writes its email to the workspace outbox
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-runs-test"));
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY(demo::createDemoWorkspace(m_workspace).ok());

    const QStringList run = {QStringLiteral("run"),         QStringLiteral("q3-reconciliation"),
                             QStringLiteral("--workspace"), m_workspace,
                             QStringLiteral("--input"),     test::demoRequest(),
                             QStringLiteral("--json")};
    const test::AwbResult ok = test::runAwb(run + QStringList{QStringLiteral("--approve-all")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.describe()));
    m_succeeded = toQ(ok.json().value("run_id", std::string()));
    QVERIFY(!m_succeeded.isEmpty());
    QCOMPARE(outboxCount(m_workspace), 1);

    // Killed while its third tool executes: the journal holds a run that never finished.
    const test::AwbResult killed = test::runAwb(
        run, {{QStringLiteral("AWB_FAULT_INJECT"), QStringLiteral("tool.executing:3")}});
    QVERIFY2(killed.crashed, qPrintable(killed.describe()));
    const test::AwbResult list =
        test::runAwb({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--workspace"),
                      m_workspace, QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    for (const Json& r : list.json()) {
        if (toQ(r.value("run_id", std::string())) != m_succeeded)
            m_interrupted = toQ(r.value("run_id", std::string()));
    }
    QVERIFY2(!m_interrupted.isEmpty(), qPrintable(list.describe()));
}

void TestRunsView::open(SessionController& controller, MainWindow& window)
{
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
}

void TestRunsView::filterModelPassesTheModelTester()
{
    SessionController controller;
    RunsView view(controller.runs());
    QAbstractItemModelTester tester(view.filter(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy opened(&controller, &SessionController::workspaceOpened);
    controller.openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
    QCOMPARE(view.filter()->rowCount(), 2);
    view.filter()->setStatus(QStringLiteral("interrupted"));
    view.filter()->setSearch(QStringLiteral("q3"));
    view.filter()->setAgent(QStringLiteral("q3-reconciliation"));
    QCOMPARE(view.filter()->rowCount(), 1);
}

void TestRunsView::filtersByStatusAgentAndSearch_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected"); // "ok" and "killed" stand for the two runs

    QTest::newRow("all") << ""
                         << ""
                         << "" << QStringList{"killed", "ok"};
    QTest::newRow("interrupted") << "interrupted"
                                 << ""
                                 << "" << QStringList{"killed"};
    QTest::newRow("succeeded") << "succeeded"
                               << ""
                               << "" << QStringList{"ok"};
    QTest::newRow("failed") << "failed"
                            << ""
                            << "" << QStringList{};
    QTest::newRow("agent") << ""
                           << "q3-reconciliation"
                           << "" << QStringList{"killed", "ok"};
    QTest::newRow("search by provider, any case") << ""
                                                  << ""
                                                  << "SCRIPTED" << QStringList{"killed", "ok"};
    QTest::newRow("search by run id") << ""
                                      << ""
                                      << "@killed" << QStringList{"killed"};
    QTest::newRow("search and status disagree") << "succeeded"
                                                << ""
                                                << "@killed" << QStringList{};
    QTest::newRow("search matches nothing") << ""
                                            << ""
                                            << "no-such-run" << QStringList{};
}

void TestRunsView::filtersByStatusAgentAndSearch()
{
    QFETCH(QString, status);
    QFETCH(QString, agent);
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* statusBox = window.findChild<QComboBox*>(QStringLiteral("runsStatusFilter"));
    auto* agentBox = window.findChild<QComboBox*>(QStringLiteral("runsAgentFilter"));
    auto* searchBox = window.findChild<QLineEdit*>(QStringLiteral("runsSearch"));
    auto* table = window.findChild<QTableView*>(QStringLiteral("runsView"));
    QVERIFY(statusBox && agentBox && searchBox && table);

    // Driven through the controls, as a user would.
    statusBox->setCurrentIndex(statusBox->findData(status));
    QVERIFY(statusBox->currentIndex() >= 0);
    agentBox->setCurrentIndex(agentBox->findData(agent));
    QVERIFY(agentBox->currentIndex() >= 0);
    if (search == QLatin1String("@killed"))
        search = m_interrupted.right(8); // the random part of the id
    QTest::keyClicks(searchBox, search);

    QStringList shown;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString id = table->model()->index(row, 0).data(RunsModel::RunIdRole).toString();
        shown << (id == m_interrupted ? QStringLiteral("killed")
                  : id == m_succeeded ? QStringLiteral("ok")
                                      : id);
    }
    shown.sort();
    QCOMPARE(shown, expected);
}

void TestRunsView::columnsShowStatusAgentModelProviderCostAndDuration()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* table = window.findChild<QTableView*>(QStringLiteral("runsView"));
    QAbstractItemModel* m = table->model();
    int row = -1;
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, 0).data(RunsModel::RunIdRole).toString() == m_succeeded)
            row = r;
    }
    QVERIFY(row >= 0);
    const RunState done = recorded(controller, m_succeeded);
    for (int c : {RunsModel::StatusColumn, RunsModel::AgentColumn, RunsModel::ModelColumn,
                  RunsModel::ProviderColumn, RunsModel::CostColumn, RunsModel::DurationColumn})
        QVERIFY2(!table->isColumnHidden(c),
                 qPrintable(m->headerData(c, Qt::Horizontal).toString()));
    QCOMPARE(m->index(row, RunsModel::StatusColumn).data().toString(), QStringLiteral("succeeded"));
    QCOMPARE(m->index(row, RunsModel::AgentColumn).data().toString(), done.agent);
    QCOMPARE(m->index(row, RunsModel::ModelColumn).data().toString(), done.model);
    QCOMPARE(m->index(row, RunsModel::ProviderColumn).data().toString(),
             QStringLiteral("scripted"));
    const QString duration = m->index(row, RunsModel::DurationColumn).data().toString();
    QVERIFY2(duration.endsWith(QLatin1String(" s")) || duration.endsWith(QLatin1String(" ms")),
             qPrintable(duration));
    QVERIFY(m->index(row, RunsModel::DurationColumn).data(RunsModel::SortRole).toLongLong() >= 0);
}

void TestRunsView::interruptedRunShowsAsInterruptedAndResumeFinishesIt()
{
    SessionController controller;
    MainWindow window(&controller);
    open(controller, window);
    auto* panel = window.findChild<RunsView*>(QStringLiteral("runsPanel"));
    auto* resume = window.findChild<QPushButton*>(QStringLiteral("resumeRunButton"));
    QVERIFY(panel && resume);

    const RunState before = recorded(controller, m_interrupted);
    QCOMPARE(before.status, RunStatus::Running); // the journal says running; no process holds it
    QVERIFY(panel->selectRun(m_succeeded));
    QVERIFY(!resume->isEnabled());
    QVERIFY(panel->selectRun(m_interrupted));
    QCOMPARE(
        panel->table()->currentIndex().siblingAtColumn(RunsModel::StatusColumn).data().toString(),
        QStringLiteral("interrupted"));
    QCOMPARE(controller.currentRunId(), m_interrupted);
    QVERIFY(resume->isEnabled());
    // The screenshot shows the interrupted run in the chat, with the Runs view wide enough for its
    // columns.
    window.resizeDocks({window.findChild<QDockWidget*>(QStringLiteral("runsDock"))}, {720},
                       Qt::Horizontal);
    QVERIFY(QTest::qWaitFor(
        [&] {
            auto text = std::make_shared<QString>();
            window.chat()->fetchTranscriptText(&window, [text](const QString& t) { *text = t; });
            return QTest::qWaitFor([&] { return !text->isEmpty(); }, 2000) &&
                   text->contains(QLatin1String("reconcile"));
        },
        kTimeoutMs));
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(window.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/runs.png")));

    QTest::mouseClick(resume, Qt::LeftButton);
    // The resumed run goes on to the email, which still needs a person's approval.
    auto* approval = window.findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(approval->isVisible(), kTimeoutMs);
    QVERIFY(!resume->isEnabled());
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(controller, m_interrupted).status, RunStatus::Succeeded,
                              kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isCurrentRunActive(), kTimeoutMs);
    QTRY_COMPARE(panel->table()->currentIndex().data(RunsModel::StatusRole).toString(),
                 QStringLiteral("succeeded"));

    // Completed steps were reused, not run again; the one cut off ran once more; one email.
    const RunState after = recorded(controller, m_interrupted);
    for (const StepState& s : before.steps) {
        const StepState* now = after.step(s.id);
        QVERIFY(now);
        if (s.isTerminal())
            QVERIFY2(now->attempts == s.attempts, qPrintable(s.id));
    }
    QCOMPARE(outboxCount(m_workspace), 2); // the first run's and this one's
}

// A GUI test on a real display (xvfb) like the rest of the window; QtWebEngine needs one.
int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    else
        qputenv("QT_QPA_PLATFORM", "xcb");
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu --disable-dev-shm-usage");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestRunsView test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestRunsView.moc"
