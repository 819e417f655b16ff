// The tool schema editor over the demo workspace: schema problems shown at their line, the form
// generated from a schema producing the arguments, and calls going through the audited path
// (an external effect only after an explicit, audited approval).

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "demo/DemoWorkspace.h"
#include "editors/CodeEditor.h"
#include "editors/JsonLocator.h"
#include "editors/SchemaEditor.h"
#include "editors/SchemaForm.h"
#include "engine/Journal.h"
#include "session/SessionController.h"

using namespace awb;
using awb::ui::SchemaEditor;
using awb::ui::SessionController;

namespace {
constexpr int kTimeoutMs = 30000;

template <typename T> T* field(SchemaEditor& editor, const QString& path)
{
    return editor.findChild<T*>(QStringLiteral("field:") + path);
}

// Audit entries of one kind, oldest first, as the journal committed them.
std::vector<Json> auditEntries(SessionController& controller, const QString& kind)
{
    std::vector<Json> out;
    auto stmt = controller.journal()->database().prepare(
        QStringLiteral("SELECT actor, data FROM audit WHERE kind = ?1 ORDER BY seq"));
    if (!stmt)
        return out;
    stmt->bind(1, kind);
    while (stmt->step()) {
        auto data = parseJson(stmt->textUtf8(1));
        Json entry = data ? *data : Json();
        entry["_actor"] = toStd(stmt->text(0));
        out.push_back(entry);
    }
    return out;
}
} // namespace

class TestSchemaEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void problemIsListedAtItsLine_data();
    void problemIsListedAtItsLine();
    void validSchemaShowsNoProblems();
    void locatorFindsMembersAndElements_data();
    void locatorFindsMembersAndElements();
    void typingIsCheckedAfterAPause();
    void formProducesTheArguments();
    void optionalFieldsLeftEmptyAreLeftOut();
    void callRunsTheToolAndAuditsIt();
    void externalEffectRunsOnlyAfterAnAuditedApproval();
    void withoutAWorkspaceNothingIsFlaggedAndNothingCanBeCalled();
    void screenshot();

private:
    bool check(const QString& text);

    QTemporaryDir m_dir;
    QString m_workspace;
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<SchemaEditor> m_editor;
};

void TestSchemaEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-schema-editor");
    qunsetenv("AWB_SMTP_URL"); // emails go to the workspace outbox, never to a real server
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-schema-test"));
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    auto demo = demo::createDemoWorkspace(m_workspace);
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.errorMessage()));
    m_controller = std::make_unique<SessionController>();
    QSignalSpy opened(m_controller.get(), &SessionController::workspaceOpened);
    m_controller->openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
}

void TestSchemaEditor::init()
{
    m_editor = std::make_unique<SchemaEditor>(m_controller.get());
    m_editor->resize(1100, 640);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    // The first tool's schema is checked as soon as the editor opens.
    QTRY_VERIFY_WITH_TIMEOUT(!m_editor->schemaText().isEmpty(), kTimeoutMs);
}

void TestSchemaEditor::cleanup()
{
    m_editor.reset();
}

bool TestSchemaEditor::check(const QString& text)
{
    QSignalSpy checked(m_editor.get(), &SchemaEditor::checked);
    m_editor->setSchemaText(text);
    return checked.wait(kTimeoutMs);
}

void TestSchemaEditor::problemIsListedAtItsLine_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("misspelt type") << QStringLiteral("{\n"
                                                     "  \"type\": \"object\",\n"
                                                     "  \"properties\": {\n"
                                                     "    \"customer\": {\n"
                                                     "      \"type\": \"strin\"\n"
                                                     "    }\n"
                                                     "  }\n"
                                                     "}\n")
                                   << 5 << QStringLiteral("/properties/customer/type");
    QTest::newRow("negative minLength") << QStringLiteral("{\n"
                                                          "  \"type\": \"object\",\n"
                                                          "  \"properties\": {\n"
                                                          "    \"a\": { \"type\": \"string\" },\n"
                                                          "    \"b\": {\n"
                                                          "      \"type\": \"string\",\n"
                                                          "      \"minLength\": -1\n"
                                                          "    }\n"
                                                          "  }\n"
                                                          "}\n")
                                        << 7 << QStringLiteral("/properties/b/minLength");
    QTest::newRow("required is not a list") << QStringLiteral("{\n"
                                                              "  \"type\": \"object\",\n"
                                                              "  \"required\": \"a\"\n"
                                                              "}\n")
                                            << 3 << QStringLiteral("/required");
    QTest::newRow("not JSON") << QStringLiteral("{\n"
                                                "  \"type\": \"object\",\n"
                                                "  \"properties\": {,\n"
                                                "}\n")
                              << 3 << QString();
}

void TestSchemaEditor::problemIsListedAtItsLine()
{
    QFETCH(QString, schema);
    QFETCH(int, line);
    QFETCH(QString, pointer);
    QVERIFY(check(schema));
    const auto& problems = m_editor->problems();
    QCOMPARE(int(problems.size()), 1);
    QCOMPARE(problems.front().span.line, line);
    QCOMPARE(problems.front().pointer, pointer);
    QVERIFY(!problems.front().message.isEmpty());
    // Shown in the list, with its line, and marked in the gutter at that line.
    auto* list = m_editor->findChild<QListWidget*>(QStringLiteral("schemaProblemList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    QVERIFY2(list->item(0)->text().startsWith(QStringLiteral("Line %1").arg(line)),
             qPrintable(list->item(0)->text()));
    QCOMPARE(m_editor->editor()->markedLines().keys(), QList<int>{line});
    QCOMPARE(m_editor->editor()->extraSelections().size(), 1);
    QCOMPARE(m_editor->editor()->extraSelections().front().cursor.blockNumber() + 1, line);
}

void TestSchemaEditor::validSchemaShowsNoProblems()
{
    QVERIFY(check(QStringLiteral(
        "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"q\": {\"type\": \"string\"}\n  },\n"
        "  \"required\": [\"q\"]\n}\n")));
    QVERIFY(m_editor->problems().empty());
    QVERIFY(m_editor->editor()->markedLines().isEmpty());
    QVERIFY(m_editor->editor()->extraSelections().isEmpty());
    QVERIFY(m_editor->findChild<QListWidget*>(QStringLiteral("schemaProblemList"))->isHidden());
    QVERIFY(field<QLineEdit>(*m_editor, QStringLiteral("q")));
}

void TestSchemaEditor::locatorFindsMembersAndElements_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("root") << QString() << 1 << 1;
    QTest::newRow("member") << QStringLiteral("/b") << 3 << 3;
    QTest::newRow("nested member") << QStringLiteral("/b/c~1d") << 4 << 5;
    QTest::newRow("array element") << QStringLiteral("/e/1") << 6 << 12;
    QTest::newRow("missing member: deepest found") << QStringLiteral("/b/zzz") << 3 << 3;
}

void TestSchemaEditor::locatorFindsMembersAndElements()
{
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    const QString text = QStringLiteral("{\n"
                                        "  \"a\": \"b\",\n"
                                        "  \"b\": {\n"
                                        "    \"c/d\": 1\n"
                                        "  },\n"
                                        "  \"e\": [1, {\"x\": [2]}]\n"
                                        "}\n");
    const ui::TextSpan span = ui::JsonLocator(text).locate(pointer);
    QCOMPARE(span.line, line);
    QCOMPARE(span.column, column);
}

void TestSchemaEditor::typingIsCheckedAfterAPause()
{
    QVERIFY(check(QStringLiteral("{\"type\": \"object\"}")));
    QVERIFY(m_editor->problems().empty());
    QSignalSpy checked(m_editor.get(), &SchemaEditor::checked);
    m_editor->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_editor->editor(), QStringLiteral(" x"));
    QCOMPARE(checked.count(), 0); // debounced: no check per keystroke
    QVERIFY(checked.wait(kTimeoutMs));
    QCOMPARE(checked.count(), 1);
    QCOMPARE(int(m_editor->problems().size()), 1);
    QCOMPARE(m_editor->problems().front().span.line, 1);
}

void TestSchemaEditor::formProducesTheArguments()
{
    QVERIFY(check(QStringLiteral(R"({
  "type": "object",
  "properties": {
    "customer": {"type": "string"},
    "limit": {"type": "integer", "minimum": 1},
    "threshold": {"type": "number"},
    "include_closed": {"type": "boolean"},
    "currency": {"type": "string", "enum": ["EUR", "USD"]},
    "tags": {"type": "array", "items": {"type": "string"}},
    "period": {
      "type": "object",
      "properties": {"start": {"type": "string"}, "end": {"type": "string"}},
      "required": ["start", "end"]
    }
  },
  "required": ["customer", "limit", "include_closed", "currency", "tags", "period"]
})")));
    QVERIFY(m_editor->problems().empty());
    SchemaEditor& e = *m_editor;
    QVERIFY(field<QLineEdit>(e, QStringLiteral("customer")) &&
            field<QSpinBox>(e, QStringLiteral("limit")) &&
            field<QLineEdit>(e, QStringLiteral("threshold")) &&
            field<QCheckBox>(e, QStringLiteral("include_closed")) &&
            field<QComboBox>(e, QStringLiteral("currency")) &&
            field<QLineEdit>(e, QStringLiteral("tags")) &&
            field<QLineEdit>(e, QStringLiteral("period/start")) &&
            field<QLineEdit>(e, QStringLiteral("period/end")));
    QTest::keyClicks(field<QLineEdit>(e, QStringLiteral("customer")), QStringLiteral("ACME GmbH"));
    field<QSpinBox>(e, QStringLiteral("limit"))->setValue(25);
    QTest::keyClicks(field<QLineEdit>(e, QStringLiteral("threshold")), QStringLiteral("0.5"));
    field<QCheckBox>(e, QStringLiteral("include_closed"))->setChecked(true);
    field<QComboBox>(e, QStringLiteral("currency"))->setCurrentText(QStringLiteral("USD"));
    QTest::keyClicks(field<QLineEdit>(e, QStringLiteral("tags")), QStringLiteral("q3, revenue ,"));
    QTest::keyClicks(field<QLineEdit>(e, QStringLiteral("period/start")),
                     QStringLiteral("2026-07-01"));
    QTest::keyClicks(field<QLineEdit>(e, QStringLiteral("period/end")),
                     QStringLiteral("2026-09-30"));
    // Required members are marked on their labels.
    QVERIFY(
        e.findChild<QLabel*>(QStringLiteral("label:customer"))->text().endsWith(QLatin1Char('*')));
    QVERIFY(!e.findChild<QLabel*>(QStringLiteral("label:threshold"))
                 ->text()
                 .endsWith(QLatin1Char('*')));

    const auto args = e.form()->arguments();
    QVERIFY2(args.ok(), qPrintable(args.ok() ? QString() : args.errorMessage()));
    const Json expected = Json::parse(R"({"customer": "ACME GmbH", "limit": 25, "threshold": 0.5,
        "include_closed": true, "currency": "USD", "tags": ["q3", "revenue"],
        "period": {"start": "2026-07-01", "end": "2026-09-30"}})");
    QCOMPARE(toQ(args->dump()), toQ(expected.dump()));
}

void TestSchemaEditor::optionalFieldsLeftEmptyAreLeftOut()
{
    QVERIFY(check(QStringLiteral(R"({"type": "object", "properties": {
        "q": {"type": "string"}, "n": {"type": "integer"}, "b": {"type": "boolean"},
        "c": {"enum": ["x", "y"]}, "o": {"type": "object", "properties": {"p": {"type": "string"}}}},
        "required": ["q"]})")));
    QTest::keyClicks(field<QLineEdit>(*m_editor, QStringLiteral("q")), QStringLiteral("SELECT 1"));
    const auto args = m_editor->form()->arguments();
    QVERIFY(args.ok());
    QCOMPARE(toQ(args->dump()), QStringLiteral(R"({"q":"SELECT 1"})"));
    // A number field with text that is not a number names the field.
    QVERIFY(
        check(QStringLiteral(R"({"type": "object", "properties": {"x": {"type": "number"}}})")));
    QTest::keyClicks(field<QLineEdit>(*m_editor, QStringLiteral("x")), QStringLiteral("twelve"));
    const auto bad = m_editor->form()->arguments();
    QVERIFY(!bad.ok());
    QVERIFY(bad.errorMessage().contains(QLatin1String("x")));
}

void TestSchemaEditor::callRunsTheToolAndAuditsIt()
{
    QVERIFY(m_editor->selectTool(QStringLiteral("sql_query")));
    QTRY_VERIFY_WITH_TIMEOUT(field<QLineEdit>(*m_editor, QStringLiteral("query")), kTimeoutMs);
    QTest::keyClicks(field<QLineEdit>(*m_editor, QStringLiteral("query")),
                     QStringLiteral("SELECT 40 + 2 AS answer"));
    const size_t callsBefore = auditEntries(*m_controller, QStringLiteral("tool.call")).size();
    QSignalSpy finished(m_editor.get(), &SchemaEditor::callFinished);
    QTest::mouseClick(m_editor->findChild<QPushButton*>(QStringLiteral("schemaCallButton")),
                      Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.front().front().toBool(), true);
    const QString shown =
        m_editor->findChild<QPlainTextEdit*>(QStringLiteral("schemaResultView"))->toPlainText();
    auto result = parseJson(shown.toUtf8());
    QVERIFY2(result.ok(), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("42")), qPrintable(shown));
    const auto calls = auditEntries(*m_controller, QStringLiteral("tool.call"));
    QCOMPARE(calls.size(), callsBefore + 1);
    QCOMPARE(calls.back()["tool"], Json("sql_query"));
    QCOMPARE(calls.back()["arguments"]["query"], Json("SELECT 40 + 2 AS answer"));
    QCOMPARE(toQ(calls.back()["_actor"].get<std::string>()), SessionController::actor());
    QVERIFY(!auditEntries(*m_controller, QStringLiteral("tool.result")).empty());
}

void TestSchemaEditor::externalEffectRunsOnlyAfterAnAuditedApproval()
{
    QVERIFY(m_editor->selectTool(QStringLiteral("send_email")));
    QTRY_VERIFY_WITH_TIMEOUT(field<QLineEdit>(*m_editor, QStringLiteral("to")), kTimeoutMs);
    QVERIFY(m_editor->findChild<QLabel*>(QStringLiteral("schemaEffectLabel"))
                ->text()
                .contains(QLatin1String("approval")));
    QTest::keyClicks(field<QLineEdit>(*m_editor, QStringLiteral("to")),
                     QStringLiteral("cfo@example.com"));
    QTest::keyClicks(field<QLineEdit>(*m_editor, QStringLiteral("subject")),
                     QStringLiteral("Schema editor test"));
    QTest::keyClicks(field<QLineEdit>(*m_editor, QStringLiteral("body")), QStringLiteral("Hello"));
    const QString outbox = m_workspace + QStringLiteral("/outbox");
    const auto emails = [&] {
        return QDir(outbox).entryList({QStringLiteral("*.eml")}, QDir::Files).size();
    };
    const qsizetype before = emails();
    const auto decisions = [&] {
        return auditEntries(*m_controller, QStringLiteral("approval.decided"));
    };
    const size_t decisionsBefore = decisions().size();
    auto* call = m_editor->findChild<QPushButton*>(QStringLiteral("schemaCallButton"));

    // Declined: nothing runs, and the decision is on record as this user's.
    QTest::mouseClick(call, Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_editor->findChild<QMessageBox*>(QStringLiteral("effectApprovalDialog"))),
        kTimeoutMs);
    QVERIFY(box->isVisible());
    QVERIFY(box->detailedText().contains(QLatin1String("cfo@example.com")));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("rejectCallButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(decisions().size(), decisionsBefore + 1, kTimeoutMs);
    QCOMPARE(decisions().back()["approved"], Json(false));
    QCOMPARE(decisions().back()["tool"], Json("send_email"));
    QCOMPARE(toQ(decisions().back()["_actor"].get<std::string>()), SessionController::actor());
    QCOMPARE(emails(), before);
    QVERIFY(m_editor->findChild<QLabel*>(QStringLiteral("schemaResultStatus"))
                ->text()
                .contains(QLatin1String("Not called")));

    // Approved: the approval is audited before the call, and the email goes out once.
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_editor->findChild<QMessageBox*>(QStringLiteral("effectApprovalDialog")), kTimeoutMs);
    QTest::mouseClick(call, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_editor->findChild<QMessageBox*>(QStringLiteral("effectApprovalDialog"))),
        kTimeoutMs);
    QSignalSpy finished(m_editor.get(), &SchemaEditor::callFinished);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("approveCallButton")),
                      Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(finished.front().front().toBool(),
             qPrintable(m_editor->findChild<QPlainTextEdit*>(QStringLiteral("schemaResultView"))
                            ->toPlainText()));
    QCOMPARE(decisions().size(), decisionsBefore + 2);
    const Json approved = decisions().back();
    QCOMPARE(approved["approved"], Json(true));
    QCOMPARE(toQ(approved["_actor"].get<std::string>()), SessionController::actor());
    const Json recordedCall = auditEntries(*m_controller, QStringLiteral("tool.call")).back();
    QCOMPARE(recordedCall["tool"], Json("send_email"));
    QCOMPARE(recordedCall["idempotency_key"], approved["idempotency_key"]);
    QCOMPARE(emails(), before + 1);
}

void TestSchemaEditor::withoutAWorkspaceNothingIsFlaggedAndNothingCanBeCalled()
{
    SessionController none;
    SchemaEditor editor(&none);
    QSignalSpy checked(&editor, &SchemaEditor::checked);
    QVERIFY(checked.wait(kTimeoutMs));
    QVERIFY(editor.problems().empty());
    QVERIFY(editor.editor()->markedLines().isEmpty());
    QVERIFY(!editor.findChild<QPushButton*>(QStringLiteral("schemaCallButton"))->isEnabled());
}

void TestSchemaEditor::screenshot()
{
    QVERIFY(m_editor->selectTool(QStringLiteral("sql_query")));
    QTRY_VERIFY_WITH_TIMEOUT(field<QLineEdit>(*m_editor, QStringLiteral("query")), kTimeoutMs);
    QString text = m_editor->schemaText();
    // Show a problem the way a user would meet it: a misspelt type.
    const QString integer = QStringLiteral("\"type\": \"integer\"");
    const qsizetype at = text.indexOf(integer);
    QVERIFY(at > 0);
    text.replace(at, integer.size(), QStringLiteral("\"type\": \"integr\""));
    QVERIFY(check(text));
    QCOMPARE(int(m_editor->problems().size()), 1);
    QTest::keyClicks(
        field<QLineEdit>(*m_editor, QStringLiteral("query")),
        QStringLiteral("SELECT currency, COUNT(*) AS invoices FROM invoices GROUP BY currency"));
    QSignalSpy finished(m_editor.get(), &SchemaEditor::callFinished);
    QTest::mouseClick(m_editor->findChild<QPushButton*>(QStringLiteral("schemaCallButton")),
                      Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(finished.front().front().toBool(),
             qPrintable(m_editor->findChild<QPlainTextEdit*>(QStringLiteral("schemaResultView"))
                            ->toPlainText()));
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(m_editor->grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/schema-editor.png")));
}

QTEST_MAIN(TestSchemaEditor)
#include "TestSchemaEditor.moc"
