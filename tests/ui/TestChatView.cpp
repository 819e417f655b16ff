// The chat on QtWebEngine: Markdown through md4c, streamed text batched into the page without a
// reload, tool lines updated in place, and the approval card driven like a user would: the demo
// email approved (it reaches a real SMTP sink) with its PDF in the preview, a card rejected, and
// edited arguments that fail the tool's schema refused on the card. Runs on a provider profile of
// Settings against the mock LLM server (its key from the real keychain, in no file), and the
// errors of a dead endpoint or a missing key said in the chat.

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>
#include <QWebEngineView>
#include <QtTest>

#include <memory>

#include "chat/ApprovalPanel.h"
#include "chat/ChatTranscript.h"
#include "chat/ChatView.h"
#include "chat/Markdown.h"
#include "demo/DemoWorkspace.h"
#include "engine/Journal.h"
#include "integration/support/Awb.h"
#include "mainwindow/MainWindow.h"
#include "runs/RunsModel.h"
#include "security/Keychain.h"
#include "session/SessionController.h"
#include "settings/KeyField.h"
#include "settings/SettingsDialog.h"
#include "settings/SettingsStore.h"

using namespace awb;
using awb::ui::ChatView;
using awb::ui::MainWindow;
using awb::ui::SessionController;

namespace {
constexpr int kTimeoutMs = 60000;

// The transcript's text once the page has answered (the page lives in another process).
QString transcriptText(ChatView& chat)
{
    auto result = std::make_shared<std::optional<QString>>();
    chat.fetchTranscriptText(&chat, [result](const QString& text) { *result = text; });
    (void)QTest::qWaitFor([&] { return result->has_value(); }, 10000);
    return result->value_or(QString());
}

bool waitForTranscript(ChatView& chat, const QString& needle)
{
    return QTest::qWaitFor([&] { return transcriptText(chat).contains(needle); }, kTimeoutMs);
}

// Evaluates a script in the chat page (rich transcript only).
QVariant evaluate(ChatView& chat, const QString& script)
{
    auto* view = chat.findChild<QWebEngineView*>(QStringLiteral("chatTranscript"));
    if (!view)
        return {};
    auto result = std::make_shared<std::optional<QVariant>>();
    view->page()->runJavaScript(script, [result](const QVariant& v) { *result = v; });
    (void)QTest::qWaitFor([&] { return result->has_value(); }, 10000);
    return result->value_or(QVariant());
}

// Feeds synthetic events to a ChatView the way MainWindow does: the state already includes each.
class EventFeed
{
public:
    explicit EventFeed(ChatView& chat) : m_chat(chat) {}
    void operator()(EventKind kind, const QString& stepId, Json data)
    {
        RunEvent e;
        e.runId = QStringLiteral("run-1");
        e.seq = ++m_seq;
        e.time = QDateTime::currentDateTimeUtc();
        e.kind = kind;
        e.stepId = stepId;
        e.data = std::move(data);
        m_state.apply(e);
        m_chat.applyEvent(e, m_state);
    }
    const RunState& state() const { return m_state; }

private:
    ChatView& m_chat;
    RunState m_state;
    std::int64_t m_seq = 0;
};

RunState recorded(SessionController& controller, const QString& runId)
{
    auto events = controller.journal() ? controller.journal()->loadEvents(runId)
                                       : Result<std::vector<RunEvent>>(std::vector<RunEvent>{});
    return events ? RunState::fromEvents(*events) : RunState();
}

const StepState* stepNamed(const RunState& state, StepKind kind, const QString& name)
{
    for (const StepState& s : state.steps) {
        if (s.kind == kind && s.name == name)
            return &s;
    }
    return nullptr;
}

void saveScreenshot(QWidget& widget, const QString& name)
{
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(widget.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/") + name));
}
} // namespace

class TestChatView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void markdownIsRenderedWithTablesAndCodeAndWithoutRawHtml_data();
    void markdownIsRenderedWithTablesAndCodeAndWithoutRawHtml();
    void transcriptRunsOnQtWebEngineUnderADisplay();
    void streamedTextIsBatchedAndRenderedAsMarkdownWhenTheStepCompletes();
    void toolCallLineIsUpdatedInPlace();
    void toolLineOfAStepACrashCutOffSaysInterrupted();
    void demoRunFromTheChatSendsTheApprovedEmailWithItsPdf();
    void rejectedCardLetsTheRunFinishWithoutTheEmail();
    void editedArgumentsThatFailTheSchemaAreRefusedOnTheCard();
    void stopInTheChatCancelsTheRun();
    void demoRunsOnTheChosenProfileWithItsKeyFromTheKeychain();
    void deadEndpointIsSaidInTheChatAndLosesNothing();
    void missingKeyIsSaidInTheChatBeforeAnyRun();
    void stopWhileTheRunIsPreparedStartsNothingAndKeepsTheMessage();
    void cleanupTestCase();

private:
    // Opens a fresh demo workspace in a new window and runs the demo until its approval card.
    struct Session
    {
        SessionController controller;
        std::unique_ptr<MainWindow> window;
        QString runId;
    };
    void startDemo(Session& s, const QString& dir);
    void startDemoUntilApproval(Session& s, const QString& dir);
    // Opens a fresh demo workspace in a new window, without starting anything.
    void openDemo(Session& s, const QString& dir);
    // Picks the profile in the toolbar and sends the demo request from the chat.
    void sendOnProfile(Session& s, const QString& profile);
    QString keychainUnavailable() const;

    QTemporaryDir m_dir;
    QStringList m_keyEntries; // removed from the keychain at the end
    test::SmtpSink m_sink;
};

void TestChatView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char* var : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"})
        qunsetenv(var); // keys come from the profiles' keychain entries here
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-chat");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-chat-test"));
    QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
    qputenv("AWB_SMTP_URL", m_sink.url().toUtf8());
}

void TestChatView::markdownIsRenderedWithTablesAndCodeAndWithoutRawHtml_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("heading") << "## Q3 summary" << QStringList{"<h2>Q3 summary</h2>"}
                             << QStringList{"##"};
    QTest::newRow("table") << "| id | amount |\n|---|---:|\n| INV-1 | 1234.50 |"
                           << QStringList{"<table>", "<th>id</th>",
                                          "<td align=\"right\">1234.50</td>"}
                           << QStringList{"|"};
    QTest::newRow("code block") << "```sql\nSELECT 1;\n```"
                                << QStringList{"<pre><code class=\"language-sql\">SELECT 1;"}
                                << QStringList{"```"};
    QTest::newRow("raw html is escaped")
        << "<script>alert(1)</script> **bold**"
        << QStringList{"&lt;script&gt;", "<strong>bold</strong>"} << QStringList{"<script>"};
}

void TestChatView::markdownIsRenderedWithTablesAndCodeAndWithoutRawHtml()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const QString html = ui::markdownToHtml(markdown);
    for (const QString& e : expected)
        QVERIFY2(html.contains(e), qPrintable(html));
    for (const QString& a : absent)
        QVERIFY2(!html.contains(a), qPrintable(html));
}

void TestChatView::transcriptRunsOnQtWebEngineUnderADisplay()
{
    ChatView chat;
    QVERIFY(chat.transcript()->isRich());
    QVERIFY(chat.findChild<QWebEngineView*>(QStringLiteral("chatTranscript")));
    QTRY_VERIFY_WITH_TIMEOUT(chat.transcript()->isReady(), kTimeoutMs);
}

void TestChatView::streamedTextIsBatchedAndRenderedAsMarkdownWhenTheStepCompletes()
{
    ChatView chat;
    chat.resize(700, 500);
    chat.show();
    QTRY_VERIFY_WITH_TIMEOUT(chat.transcript()->isReady(), kTimeoutMs);
    auto* view = chat.findChild<QWebEngineView*>(QStringLiteral("chatTranscript"));
    QVERIFY(view);
    QSignalSpy reloads(view, &QWebEngineView::loadStarted);

    EventFeed feed(chat);
    feed(EventKind::RunStarted, {},
         {{"agent", "demo"},
          {"provider", "scripted"},
          {"model", "m"},
          {"scripted", true},
          {"input", "Summarise"}});
    feed(EventKind::StepCreated, QStringLiteral("s1"),
         {{"kind", "model"}, {"name", "m"}, {"turn", 1}});
    feed(EventKind::StepStarted, QStringLiteral("s1"), {{"attempt", 1}});
    const QString answer =
        QStringLiteral("## Totals\n\n| account | amount |\n|---|---:|\n| 4000 | 1234.50 |\n");
    for (const QChar c : answer)
        feed(EventKind::TextDelta, QStringLiteral("s1"), {{"text", toStd(QString(c))}});
    QVERIFY(waitForTranscript(chat, QStringLiteral("| 4000 | 1234.50 |")));
    QCOMPARE(
        evaluate(chat, QStringLiteral("document.querySelectorAll('#log table').length")).toInt(),
        0);

    feed(EventKind::ModelResponded, QStringLiteral("s1"),
         {{"message", {{"role", "assistant"}, {"text", toStd(answer)}}},
          {"usage", {{"input_tokens", 1200}, {"output_tokens", 34}}}});
    QTRY_COMPARE_WITH_TIMEOUT(
        evaluate(chat, QStringLiteral("document.querySelectorAll('#log table').length")).toInt(), 1,
        kTimeoutMs);
    const QString text = transcriptText(chat);
    QVERIFY2(!text.contains(QLatin1String("## Totals")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Totals")));
    QVERIFY2(text.contains(QLocale().toString(1234) + QLatin1String(" tokens")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("scripted")));
    QCOMPARE(reloads.count(), 0); // updated in place, never reloaded
}

void TestChatView::toolCallLineIsUpdatedInPlace()
{
    ChatView chat;
    chat.show();
    QTRY_VERIFY_WITH_TIMEOUT(chat.transcript()->isReady(), kTimeoutMs);
    EventFeed feed(chat);
    feed(EventKind::RunStarted, {},
         {{"agent", "demo"}, {"provider", "scripted"}, {"model", "m"}, {"input", "Go"}});
    feed(EventKind::StepCreated, QStringLiteral("s2"),
         {{"kind", "tool"},
          {"name", "sql_query"},
          {"turn", 1},
          {"arguments", {{"sql", "SELECT 1"}}}});
    QVERIFY(waitForTranscript(chat, QStringLiteral("pending")));
    feed(EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 1}});
    QVERIFY(waitForTranscript(chat, QStringLiteral("running")));
    feed(EventKind::ToolSucceeded, QStringLiteral("s2"),
         {{"content", "1 row"}, {"duration_ms", 5}});
    QVERIFY(waitForTranscript(chat, QStringLiteral("succeeded")));
    QCOMPARE(evaluate(chat, QStringLiteral("document.querySelectorAll('.tool').length")).toInt(),
             1);
    QCOMPARE(evaluate(chat, QStringLiteral("document.querySelector('#t-s2 .status').textContent"))
                 .toString(),
             QStringLiteral("succeeded"));
    QVERIFY(!transcriptText(chat).contains(QLatin1String("running")));
}

void TestChatView::openDemo(Session& s, const QString& dir)
{
    QVERIFY(demo::createDemoWorkspace(dir).ok());
    s.window = std::make_unique<MainWindow>(&s.controller);
    s.window->resize(1500, 950);
    s.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(s.window.get()));
    QSignalSpy opened(&s.controller, &SessionController::workspaceOpened);
    s.controller.openWorkspace(dir);
    QVERIFY(opened.wait(kTimeoutMs));
    auto* agents = s.window->findChild<QComboBox*>(QStringLiteral("agentPicker"));
    QVERIFY(agents);
    agents->setCurrentIndex(agents->findText(QStringLiteral("q3-reconciliation")));
    QVERIFY(agents->currentIndex() >= 0);
}

void TestChatView::sendOnProfile(Session& s, const QString& profile)
{
    auto* providers = s.window->providerPicker();
    QVERIFY(providers);
    // The demo workspace starts on the scripted model.
    QCOMPARE(providers->currentData().toString(), QStringLiteral("scripted"));
    const int index = providers->findData(QStringLiteral("profile:") + profile);
    QVERIFY2(index >= 0, qPrintable(profile));
    providers->setCurrentIndex(index);
    QCOMPARE(s.controller.providerSelection(), ui::ProviderSelection::ofProfile(profile));
    auto* input = s.window->findChild<QLineEdit*>(QStringLiteral("chatInput"));
    QTest::keyClicks(input, test::demoRequest());
    auto* run = s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton"));
    QVERIFY(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
}

QString TestChatView::keychainUnavailable() const
{
    const Keychain::State state = Keychain::probe();
    return state == Keychain::State::Available
               ? QString()
               : QStringLiteral("the keychain is %1 (run under tests/support/keyring-session.sh)")
                     .arg(Keychain::stateName(state));
}

void TestChatView::toolLineOfAStepACrashCutOffSaysInterrupted()
{
    ChatView chat;
    chat.show();
    QTRY_VERIFY_WITH_TIMEOUT(chat.transcript()->isReady(), kTimeoutMs);
    EventFeed feed(chat);
    feed(EventKind::RunStarted, {},
         {{"agent", "demo"}, {"provider", "scripted"}, {"model", "m"}, {"input", "Go"}});
    feed(EventKind::StepCreated, QStringLiteral("s2"),
         {{"kind", "tool"}, {"name", "reconcile"}, {"turn", 1}, {"arguments", Json::object()}});
    feed(EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 1}});
    const QString statusScript =
        QStringLiteral("document.querySelector('#t-s2 .status').textContent");
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(chat, statusScript).toString(), QStringLiteral("running"),
                              kTimeoutMs);
    // The engine reports the resume of a run whose process died while s2 ran.
    feed(EventKind::RunResumed, {}, {{"reused_steps", 0}});
    chat.setInterruptedSteps({QStringLiteral("s2")}, feed.state());
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(chat, statusScript).toString(),
                              QStringLiteral("interrupted"), kTimeoutMs);
    // Started again by the resumed run: running once more, in the same line.
    chat.setInterruptedSteps({}, feed.state());
    feed(EventKind::StepStarted, QStringLiteral("s2"), {{"attempt", 2}});
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(chat, statusScript).toString(), QStringLiteral("running"),
                              kTimeoutMs);
    QCOMPARE(evaluate(chat, QStringLiteral("document.querySelectorAll('.tool').length")).toInt(),
             1);
}

void TestChatView::startDemo(Session& s, const QString& dir)
{
    openDemo(s, dir);
    if (QTest::currentTestFailed())
        return;
    auto* input = s.window->findChild<QLineEdit*>(QStringLiteral("chatInput"));
    QTest::keyClicks(input, test::demoRequest());
    auto* run = s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton"));
    QVERIFY(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    // The run starts once its agent file and provider were read on a worker thread.
    QTRY_VERIFY_WITH_TIMEOUT(!s.controller.currentRunId().isEmpty(), kTimeoutMs);
    s.runId = s.controller.currentRunId();
}

void TestChatView::startDemoUntilApproval(Session& s, const QString& dir)
{
    startDemo(s, dir);
    if (QTest::currentTestFailed())
        return;
    auto* panel = s.window->findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), kTimeoutMs);
    QCOMPARE(s.controller.currentRunId(), s.runId);
    QCOMPARE(recorded(s.controller, s.runId).status, RunStatus::WaitingApproval);
}

void TestChatView::demoRunFromTheChatSendsTheApprovedEmailWithItsPdf()
{
    Session s;
    startDemoUntilApproval(s, m_dir.filePath(QStringLiteral("approve")));
    if (QTest::currentTestFailed())
        return;
    MainWindow& window = *s.window;
    auto* panel = window.findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"));
    const RunState paused = recorded(s.controller, s.runId);
    const StepState* approval = paused.step(panel->stepId());
    QVERIFY(approval && approval->name == QLatin1String("send_email"));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("approvalTitle"))
                ->text()
                .contains(QLatin1String("send_email")));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("approvalEffect"))
                ->text()
                .contains(QLatin1String("External")));
    QCOMPARE(window.findChild<QPlainTextEdit*>(QStringLiteral("approvalArguments"))->toPlainText(),
             toQ(approval->arguments.dump(2)));

    // The attachment named in the exact arguments opens in the in-app preview.
    const QString pdf = toQ(approval->arguments.at("attachments").at(0).get<std::string>());
    QCOMPARE(panel->previewPath(), pdf);
    QTRY_COMPARE_WITH_TIMEOUT(panel->previewDocument()->status(), QPdfDocument::Status::Ready,
                              kTimeoutMs);
    QCOMPARE(panel->previewDocument()->pageCount(), 1);
    QVERIFY(window.findChild<QPdfView*>(QStringLiteral("approvalPdfPreview"))->isVisible());
    QVERIFY(waitForTranscript(*window.chat(), QStringLiteral("needs approval")));
    QTest::qWait(300); // let the PDF page render before the screenshot
    saveScreenshot(window, QStringLiteral("approval.png"));

    auto* approve = window.findChild<QPushButton*>(QStringLiteral("approveButton"));
    QTest::mouseClick(approve, Qt::LeftButton);
    QVERIFY(!approve->isEnabled()); // no second decision from the same card
    QTRY_COMPARE_WITH_TIMEOUT(recorded(s.controller, s.runId).status, RunStatus::Succeeded,
                              kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!s.controller.isCurrentRunActive(), kTimeoutMs);
    QVERIFY(!panel->isVisible());

    const RunState done = recorded(s.controller, s.runId);
    const StepState* decided = done.step(approval->id);
    QVERIFY(decided && decided->approved.value_or(false));
    QCOMPARE(decided->decidedBy, SessionController::actor());
    QCOMPARE(m_sink.messages().size(), 1);
    QFile eml(m_sink.messages().first());
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QByteArray message = eml.readAll();
    QVERIFY(message.contains("cfo@finance.example"));
    QVERIFY(message.contains(QFileInfo(pdf).fileName().toUtf8()));

    ChatView& chat = *window.chat();
    QVERIFY(waitForTranscript(chat, QStringLiteral("Q3 2026 revenue reconciliation")));
    const QString text = transcriptText(chat);
    QVERIFY(text.contains(test::demoRequest()));
    QVERIFY(text.contains(QStringLiteral("send_email approved by ") + SessionController::actor()));
    QVERIFY2(!text.contains(QLatin1String("## ")), qPrintable(text)); // rendered, not raw Markdown
    QCOMPARE(
        evaluate(chat, QStringLiteral(
                           "document.querySelectorAll('.tool[data-status=\"succeeded\"]').length"))
            .toInt(),
        int(std::count_if(done.steps.begin(), done.steps.end(), [](const StepState& st) {
            return st.kind == StepKind::Tool && st.status == StepStatus::Succeeded;
        })));
    QVERIFY(
        evaluate(chat, QStringLiteral("document.querySelectorAll('#log table').length")).toInt() >=
        1);
    saveScreenshot(window, QStringLiteral("chat.png"));
}

void TestChatView::rejectedCardLetsTheRunFinishWithoutTheEmail()
{
    const int before = int(m_sink.messages().size());
    Session s;
    const QString dir = m_dir.filePath(QStringLiteral("reject"));
    startDemoUntilApproval(s, dir);
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(s.window->findChild<QPushButton*>(QStringLiteral("rejectButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(recorded(s.controller, s.runId).isFinished(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!s.controller.isCurrentRunActive(), kTimeoutMs);

    const RunState done = recorded(s.controller, s.runId);
    QCOMPARE(done.status, RunStatus::Succeeded); // the model is told and finishes without the email
    const StepState* approval = stepNamed(done, StepKind::Approval, QStringLiteral("send_email"));
    QVERIFY(approval && approval->approved.has_value() && !*approval->approved);
    const StepState* email = stepNamed(done, StepKind::Tool, QStringLiteral("send_email"));
    QVERIFY(email);
    QCOMPARE(email->status, StepStatus::Failed);
    QCOMPARE(jsonString(email->error, "code"), QStringLiteral("rejected"));
    QCOMPARE(int(m_sink.messages().size()), before);
    QVERIFY(QDir(dir + QStringLiteral("/outbox"))
                .entryList({QStringLiteral("*.eml")}, QDir::Files)
                .isEmpty());
    QVERIFY(waitForTranscript(*s.window->chat(), QStringLiteral("send_email rejected by")));
    QVERIFY(!s.window->findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"))->isVisible());
}

void TestChatView::editedArgumentsThatFailTheSchemaAreRefusedOnTheCard()
{
    Session s;
    startDemoUntilApproval(s, m_dir.filePath(QStringLiteral("edit")));
    if (QTest::currentTestFailed())
        return;
    MainWindow& window = *s.window;
    auto* editor = window.findChild<QPlainTextEdit*>(QStringLiteral("approvalArguments"));
    auto* edit = window.findChild<QPushButton*>(QStringLiteral("editArgumentsButton"));
    auto* approve = window.findChild<QPushButton*>(QStringLiteral("approveButton"));
    auto* error = window.findChild<QLabel*>(QStringLiteral("approvalError"));
    QVERIFY(editor->isReadOnly());
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY(!editor->isReadOnly());

    // A recipient that is not a list of addresses: the tool's schema refuses it, nothing is
    // recorded.
    Json args = Json::parse(editor->toPlainText().toStdString());
    args["to"] = 42;
    editor->setPlainText(toQ(args.dump(2)));
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("schema")), qPrintable(error->text()));
    QVERIFY(approve->isEnabled());
    QCOMPARE(recorded(s.controller, s.runId).status, RunStatus::WaitingApproval);

    // Not JSON at all: said plainly, still nothing recorded.
    editor->setPlainText(QStringLiteral("{\"to\": "));
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_VERIFY(error->text().contains(QLatin1String("not a JSON object")));
    QCOMPARE(recorded(s.controller, s.runId).status, RunStatus::WaitingApproval);

    // A valid edit is what runs: the subject the person typed is in the recorded decision.
    const RunState paused = recorded(s.controller, s.runId);
    args = stepNamed(paused, StepKind::Approval, QStringLiteral("send_email"))->arguments;
    args["subject"] = "Q3 reconciliation (edited)";
    editor->setPlainText(toQ(args.dump(2)));
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(s.controller, s.runId).status, RunStatus::Succeeded,
                              kTimeoutMs);
    const RunState done = recorded(s.controller, s.runId);
    const StepState* email = stepNamed(done, StepKind::Tool, QStringLiteral("send_email"));
    QVERIFY(email && email->status == StepStatus::Succeeded);
    QCOMPARE(jsonString(email->arguments, "subject"), QStringLiteral("Q3 reconciliation (edited)"));
}

void TestChatView::stopInTheChatCancelsTheRun()
{
    const int before = int(m_sink.messages().size());
    Session s;
    const QString dir = m_dir.filePath(QStringLiteral("stop"));
    startDemo(s, dir);
    if (QTest::currentTestFailed())
        return;
    auto* stop = s.window->findChild<QPushButton*>(QStringLiteral("chatStopButton"));
    QVERIFY(stop);
    QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), kTimeoutMs);
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(s.controller, s.runId).status, RunStatus::Cancelled,
                              kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!stop->isEnabled(), kTimeoutMs);
    QVERIFY(
        !stepNamed(recorded(s.controller, s.runId), StepKind::Tool, QStringLiteral("send_email")));
    QCOMPARE(int(m_sink.messages().size()), before);
    QVERIFY(waitForTranscript(*s.window->chat(), QStringLiteral("Run cancelled")));
    // A new message starts a new run of the agent.
    QTRY_VERIFY(s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton"))->isEnabled());
}

namespace {
// Files under root whose bytes contain needle.
QStringList filesContaining(const QString& root, const QByteArray& needle)
{
    QStringList hits;
    for (const QString& path : test::allFiles(root)) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

void skipWithoutKeychain(const QString& why)
{
    if (why.isEmpty())
        return;
    if (qEnvironmentVariable("AWB_REQUIRE_KEYCHAIN") == QLatin1String("1"))
        QFAIL(qPrintable(why + QStringLiteral(" (AWB_REQUIRE_KEYCHAIN=1)")));
    QSKIP(qPrintable(why));
}
} // namespace

void TestChatView::demoRunsOnTheChosenProfileWithItsKeyFromTheKeychain()
{
    skipWithoutKeychain(keychainUnavailable());
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    const QString profile = QStringLiteral("mock-openai-") + id.left(8);
    const QString apiKey = QStringLiteral("sk-gui-profile-") + id;
    m_keyEntries << QStringLiteral("provider/") + profile;
    const int before = int(m_sink.messages().size());
    const QString dir = m_dir.filePath(QStringLiteral("profile"));
    Session s;
    openDemo(s, dir);
    if (QTest::currentTestFailed())
        return;
    // The mock speaks the OpenAI format, answers with the demo's script and refuses other keys.
    test::MockLlmServer mock;
    QVERIFY2(mock.start(dir + QStringLiteral("/agents/q3-reconciliation.script.json"),
                        {QStringLiteral("--require-key"), apiKey}),
             qPrintable(mock.error()));

    // The profile and its key, entered in Settings like a person would.
    s.window->findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    auto* dialog = s.window->findChild<ui::SettingsDialog*>(QStringLiteral("settingsDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addProfileButton")),
                      Qt::LeftButton);
    const auto setField = [dialog](const char* name, const QString& value) {
        auto* edit = dialog->findChild<QLineEdit*>(QString::fromLatin1(name));
        QVERIFY(edit);
        edit->setText(value);
        Q_EMIT edit->editingFinished();
    };
    setField("profileNameEdit", profile);
    dialog->findChild<QComboBox*>(QStringLiteral("profileProviderCombo"))
        ->setCurrentText(QStringLiteral("openai"));
    setField("profileModelEdit", QStringLiteral("gpt-4o-mini"));
    setField("profileBaseUrlEdit", mock.url(QStringLiteral("/v1")));
    auto* keyField = dialog->findChild<ui::KeyField*>(QStringLiteral("providerKeyField"));
    QTRY_COMPARE_WITH_TIMEOUT(keyField->state(), ui::KeyField::State::Missing, kTimeoutMs);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("providerKeyEdit")), apiKey);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("providerKeyStoreButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(keyField->state(), ui::KeyField::State::Stored, kTimeoutMs);
    QSignalSpy saved(dialog, &ui::SettingsDialog::saved);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("settingsSaveButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), kTimeoutMs);
    dialog->close();

    sendOnProfile(s, profile);
    if (QTest::currentTestFailed())
        return;
    auto* panel = s.window->findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), kTimeoutMs);
    const QString runId = s.controller.currentRunId();
    QVERIFY(!runId.isEmpty());
    QVERIFY(s.window->findChild<QLineEdit*>(QStringLiteral("chatInput"))->text().isEmpty());
    QVERIFY(waitForTranscript(*s.window->chat(), QStringLiteral("needs approval")));
    saveScreenshot(*s.window, QStringLiteral("provider-profile-approval.png"));
    QTest::mouseClick(s.window->findChild<QPushButton*>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recorded(s.controller, runId).status, RunStatus::Succeeded,
                              kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!s.controller.isCurrentRunActive(), kTimeoutMs);

    // The run talked to the profile's endpoint and model, with the profile's key.
    const RunState done = recorded(s.controller, runId);
    QCOMPARE(done.provider, QStringLiteral("openai"));
    QCOMPARE(done.model, QStringLiteral("gpt-4o-mini"));
    QVERIFY(!done.scripted);
    auto events = s.controller.journal()->loadEvents(runId);
    QVERIFY(events && !events->empty());
    QCOMPARE(jsonString(events->front().data, "provider_profile"), profile);
    const std::vector<Json> requests = mock.requests();
    QVERIFY(requests.size() >= 2);
    for (const Json& r : requests) {
        QCOMPARE(jsonString(r, "path"), QStringLiteral("/v1/chat/completions"));
        QVERIFY2(QString::fromStdString(r.at("headers").dump()).contains(apiKey),
                 "every request carries the profile's key");
    }
    QCOMPARE(int(m_sink.messages().size()), before + 1);
    QVERIFY(waitForTranscript(*s.window->chat(), QStringLiteral("Q3 2026 revenue reconciliation")));
    const QString info = s.window->findChild<QLabel*>(QStringLiteral("runInfoLabel"))->text();
    QVERIFY2(info.contains(QLatin1String("openai/gpt-4o-mini")), qPrintable(info));
    QVERIFY2(!info.contains(QLatin1String("scripted")), qPrintable(info));
    saveScreenshot(*s.window, QStringLiteral("provider-profile-run.png"));

    // The key is in no file: not the workspace (database, WAL, reports, outbox), not the settings.
    QSettings().sync();
    QVERIFY(s.controller.journal()->flush().ok());
    const QStringList hits = filesContaining(m_dir.path(), apiKey.toUtf8());
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1String(", "))));
    QVERIFY(!filesContaining(m_dir.path(), profile.toUtf8()).isEmpty()); // the profile is saved

    // The choice is remembered for this workspace: opened again, the picker shows the profile.
    Session again;
    again.window = std::make_unique<MainWindow>(&again.controller);
    QSignalSpy opened(&again.controller, &SessionController::workspaceOpened);
    again.controller.openWorkspace(dir);
    QVERIFY(opened.wait(kTimeoutMs));
    QCOMPARE(again.controller.providerSelection(), ui::ProviderSelection::ofProfile(profile));
    QCOMPARE(again.window->providerPicker()->currentData().toString(),
             QStringLiteral("profile:") + profile);
}

void TestChatView::deadEndpointIsSaidInTheChatAndLosesNothing()
{
    skipWithoutKeychain(keychainUnavailable());
    // A port nothing listens on any more.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString profile =
        QStringLiteral("dead-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
    QVERIFY(Keychain::write(QStringLiteral("provider/") + profile,
                            QStringLiteral("sk-dead-endpoint-1234"))
                .ok());
    m_keyEntries << QStringLiteral("provider/") + profile;
    {
        QSettings settings;
        ui::ProviderProfile p;
        p.name = profile;
        p.provider = QStringLiteral("openai");
        p.model = QStringLiteral("gpt-4o-mini");
        p.baseUrl = url;
        ui::settings::saveProfiles(settings, {p});
    }

    Session s;
    const QString dir = m_dir.filePath(QStringLiteral("dead"));
    openDemo(s, dir);
    if (QTest::currentTestFailed())
        return;
    // A first run on the demo's model, which the failed one must leave alone.
    QTest::keyClicks(s.window->findChild<QLineEdit*>(QStringLiteral("chatInput")),
                     QStringLiteral("first"));
    QTest::mouseClick(s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!s.controller.currentRunId().isEmpty(), kTimeoutMs);
    const QString first = s.controller.currentRunId();
    QTRY_VERIFY_WITH_TIMEOUT(!s.controller.isCurrentRunActive(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton"))->isEnabled(),
        kTimeoutMs);
    const RunState firstState = recorded(s.controller, first);

    auto* providers = s.window->providerPicker();
    providers->setCurrentIndex(providers->findData(QStringLiteral("profile:") + profile));
    QVERIFY(providers->currentIndex() >= 0);
    auto* input = s.window->findChild<QLineEdit*>(QStringLiteral("chatInput"));
    input->clear();
    QTest::keyClicks(input, test::demoRequest());
    QTest::mouseClick(s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        s.controller.currentRunId() != first && !s.controller.currentRunId().isEmpty(), kTimeoutMs);
    const QString failed = s.controller.currentRunId();
    QTRY_COMPARE_WITH_TIMEOUT(recorded(s.controller, failed).status, RunStatus::Failed, kTimeoutMs);

    // Said in the chat: what failed, where, and what to do next.
    ChatView& chat = *s.window->chat();
    QVERIFY(waitForTranscript(chat, QStringLiteral("Run failed")));
    const QString text = transcriptText(chat);
    QVERIFY2(text.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Check that the model server")), qPrintable(text));
    QVERIFY(text.contains(test::demoRequest()));
    saveScreenshot(*s.window, QStringLiteral("provider-dead-endpoint.png"));

    // Nothing lost: the request is recorded with the failed run, the first run is as it was,
    // and no email went anywhere.
    const RunState failedState = recorded(s.controller, failed);
    QCOMPARE(failedState.input, test::demoRequest());
    QCOMPARE(failedState.provider, QStringLiteral("openai"));
    const RunState firstAfter = recorded(s.controller, first);
    QCOMPARE(firstAfter.status, firstState.status);
    QCOMPARE(firstAfter.lastSeq, firstState.lastSeq);
    QTRY_VERIFY(s.controller.runs()->rowOf(first) >= 0);
    QTRY_VERIFY(s.controller.runs()->rowOf(failed) >= 0);
    QVERIFY(QDir(dir + QStringLiteral("/outbox"))
                .entryList({QStringLiteral("*.eml")}, QDir::Files)
                .isEmpty());
    QTRY_VERIFY(s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton"))->isEnabled());
}

void TestChatView::missingKeyIsSaidInTheChatBeforeAnyRun()
{
    skipWithoutKeychain(keychainUnavailable());
    const QString profile =
        QStringLiteral("nokey-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    QVERIFY(Keychain::remove(QStringLiteral("provider/") + profile).ok());
    {
        QSettings settings;
        ui::ProviderProfile p;
        p.name = profile;
        p.provider = QStringLiteral("openai");
        p.model = QStringLiteral("gpt-4o-mini");
        p.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
        ui::settings::saveProfiles(settings, {p});
    }
    Session s;
    const QString dir = m_dir.filePath(QStringLiteral("nokey"));
    openDemo(s, dir);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy failedSpy(&s.controller, &SessionController::runPreparationFailed);
    sendOnProfile(s, profile);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(failedSpy.wait(kTimeoutMs));
    const QString message = failedSpy.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("provider/") + profile), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Settings")), qPrintable(message));
    QVERIFY(waitForTranscript(*s.window->chat(), QStringLiteral("Store in Keychain")));
    // No run was recorded, and the message is still there to send again.
    QVERIFY(s.controller.currentRunId().isEmpty());
    const auto runs = s.controller.journal()->listRuns();
    QVERIFY(runs && runs->empty());
    QCOMPARE(s.window->findChild<QLineEdit*>(QStringLiteral("chatInput"))->text(),
             test::demoRequest());
    QVERIFY(s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton"))->isEnabled());
    saveScreenshot(*s.window, QStringLiteral("provider-missing-key.png"));
}

void TestChatView::stopWhileTheRunIsPreparedStartsNothingAndKeepsTheMessage()
{
    Session s;
    const QString dir = m_dir.filePath(QStringLiteral("stop-preparing"));
    openDemo(s, dir);
    if (QTest::currentTestFailed())
        return;
    auto* input = s.window->findChild<QLineEdit*>(QStringLiteral("chatInput"));
    auto* run = s.window->findChild<QPushButton*>(QStringLiteral("chatRunButton"));
    auto* stop = s.window->findChild<QPushButton*>(QStringLiteral("chatStopButton"));
    QTest::keyClicks(input, test::demoRequest());
    QSignalSpy cancelled(&s.controller, &SessionController::runPreparationCancelled);
    QSignalSpy launched(&s.controller, &SessionController::runLaunched);
    QTest::mouseClick(run, Qt::LeftButton);
    // The agent file and the model script are read on a worker thread: until then the run can
    // be stopped, and nothing else can be started.
    QVERIFY(s.controller.isPreparing());
    QVERIFY(stop->isEnabled());
    QVERIFY(!run->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!s.controller.isPreparing());
    QVERIFY(run->isEnabled());
    QCOMPARE(input->text(), test::demoRequest());
    QVERIFY(waitForTranscript(*s.window->chat(), QStringLiteral("Stopped before the run started")));

    // Sent again, it runs; the abandoned preparation never becomes a run.
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(launched.wait(kTimeoutMs));
    QCOMPARE(launched.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        s.window->findChild<ui::ApprovalPanel*>(QStringLiteral("approvalPanel"))->isVisible(),
        kTimeoutMs);
    QCOMPARE(launched.count(), 1);
    const auto runs = s.controller.journal()->listRuns();
    QVERIFY(runs.ok());
    QCOMPARE(int(runs->size()), 1);
    QVERIFY(input->text().isEmpty());
}

void TestChatView::cleanupTestCase()
{
    for (const QString& entry : std::as_const(m_keyEntries))
        (void)Keychain::remove(entry);
}

// A GUI test on a real display (xvfb): QtWebEngine cannot run on the offscreen platform.
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
    TestChatView test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestChatView.moc"
