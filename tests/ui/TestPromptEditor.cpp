// The prompt editor on the demo workspace: versions saved into the database and the agent file,
// the side-by-side diff marks exactly the changed lines, and runs are counted per version.

#include <QComboBox>
#include <QDir>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

#include "agent/AgentDefinition.h"
#include "demo/DemoWorkspace.h"
#include "editors/LineDiff.h"
#include "editors/PromptEditor.h"
#include "engine/Journal.h"
#include "session/SessionController.h"

using namespace awb;
using awb::ui::DiffRow;
using awb::ui::PromptEditor;
using awb::ui::SessionController;

Q_DECLARE_METATYPE(std::vector<DiffRow>)

namespace {
constexpr int kTimeoutMs = 30000;
const QString kAgent = QStringLiteral("q3-reconciliation");
const QString kRequest =
    QStringLiteral("Reconcile Q3 revenue against the ERP ledger, flag anomalies, and "
                   "email the CFO a one-page summary");

QList<int> markedLines(const QPlainTextEdit* pane)
{
    QList<int> lines;
    for (const QTextEdit::ExtraSelection& sel : pane->extraSelections())
        lines << sel.cursor.block().blockNumber();
    return lines;
}

QString kinds(const std::vector<DiffRow>& rows)
{
    QString out;
    for (const DiffRow& r : rows)
        out += r.kind == DiffRow::Kind::Same      ? QLatin1Char('=')
               : r.kind == DiffRow::Kind::Removed ? QLatin1Char('-')
               : r.kind == DiffRow::Kind::Added   ? QLatin1Char('+')
                                                  : QLatin1Char('~');
    return out;
}
} // namespace

class TestPromptEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void lineDiffPairsChangedLines_data();
    void lineDiffPairsChangedLines();
    void savingAVersionListsItAndWritesTheAgentFile();
    void diffOfTwoVersionsHighlightsTheChangedLines();
    void runsThatUsedAVersionAreCounted();

private:
    QTemporaryDir m_dir;
    QString m_workspace;
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<PromptEditor> m_editor;
    QString m_v1;
    QString m_v2;
};

void TestPromptEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-the-prompt-editor");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    auto demo = demo::createDemoWorkspace(m_workspace);
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.errorMessage()));

    m_controller = std::make_unique<SessionController>();
    m_editor = std::make_unique<PromptEditor>(m_controller.get());
    m_editor->resize(1000, 760);
    m_editor->show();
    QSignalSpy loaded(m_editor.get(), &PromptEditor::loaded);
    m_controller->openWorkspace(m_workspace);
    QVERIFY(loaded.wait(kTimeoutMs));
    if (m_editor->agent() != kAgent) {
        auto* picker = m_editor->findChild<QComboBox*>(QStringLiteral("promptAgentPicker"));
        QVERIFY(picker && picker->findText(kAgent) >= 0);
        picker->setCurrentIndex(picker->findText(kAgent));
        QVERIFY(loaded.wait(kTimeoutMs));
    }
    QCOMPARE(m_editor->agent(), kAgent);
    auto* text = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("promptInstructions"));
    QVERIFY(text);
    QVERIFY(!text->toPlainText().isEmpty());
    m_v1 = text->toPlainText();
    QStringList lines = m_v1.split(QLatin1Char('\n'));
    lines[0] = QStringLiteral("You are a careful finance analyst.");
    lines << QStringLiteral("Never round amounts.");
    m_v2 = lines.join(QLatin1Char('\n'));
}

void TestPromptEditor::cleanupTestCase()
{
    m_editor.reset();
    m_controller.reset();
}

void TestPromptEditor::lineDiffPairsChangedLines_data()
{
    QTest::addColumn<QStringList>("left");
    QTest::addColumn<QStringList>("right");
    QTest::addColumn<QString>("kinds");
    QTest::newRow("equal") << QStringList{"a", "b"} << QStringList{"a", "b"} << "==";
    QTest::newRow("changed middle")
        << QStringList{"a", "b", "c"} << QStringList{"a", "x", "c"} << "=~=";
    QTest::newRow("added end") << QStringList{"a"} << QStringList{"a", "b"} << "=+";
    QTest::newRow("removed start") << QStringList{"a", "b"} << QStringList{"b"} << "-=";
    QTest::newRow("two replaced by one")
        << QStringList{"a", "b", "c", "d"} << QStringList{"a", "x", "d"} << "=~-=";
    QTest::newRow("from nothing") << QStringList{} << QStringList{"a", "b"} << "++";
}

void TestPromptEditor::lineDiffPairsChangedLines()
{
    QFETCH(QStringList, left);
    QFETCH(QStringList, right);
    QFETCH(QString, kinds);
    const auto rows = ui::diffLines(left, right);
    QCOMPARE(::kinds(rows), kinds);
    QStringList rebuiltLeft;
    QStringList rebuiltRight;
    for (const DiffRow& r : rows) {
        if (r.hasLeft)
            rebuiltLeft << r.left;
        if (r.hasRight)
            rebuiltRight << r.right;
    }
    QCOMPARE(rebuiltLeft, left);
    QCOMPARE(rebuiltRight, right);
}

void TestPromptEditor::savingAVersionListsItAndWritesTheAgentFile()
{
    auto* text = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("promptInstructions"));
    QSignalSpy saved(m_editor.get(), &PromptEditor::saved);
    m_editor->saveVersion(QStringLiteral("baseline"));
    QVERIFY(saved.wait(kTimeoutMs));
    QCOMPARE(saved.takeFirst().at(0).toInt(), 1);
    text->setPlainText(m_v2);
    m_editor->saveVersion(QStringLiteral("stricter"));
    QVERIFY(saved.wait(kTimeoutMs));
    QCOMPARE(saved.takeFirst().at(0).toInt(), 2);

    QCOMPARE(m_editor->versions().size(), std::size_t(2));
    QCOMPARE(m_editor->versions()[1].name, QStringLiteral("stricter"));
    QCOMPARE(m_editor->versions()[1].author, SessionController::actor());
    auto file = findAgentFile(m_workspace, kAgent);
    QVERIFY(file.ok());
    auto agent = AgentDefinition::load(*file);
    QVERIFY2(agent.ok(), qPrintable(agent.ok() ? QString() : agent.errorMessage()));
    QCOMPARE(agent->instructions, m_v2);
}

void TestPromptEditor::diffOfTwoVersionsHighlightsTheChangedLines()
{
    QCOMPARE(m_editor->versions().size(), std::size_t(2));
    m_editor->compare(1, 2);
    auto* left = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("promptDiffLeft"));
    auto* right = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("promptDiffRight"));
    QVERIFY(left && right);
    const int lastRow = int(m_v1.split(QLatin1Char('\n')).size()); // the added line
    QCOMPARE(markedLines(left), (QList<int>{0, lastRow}));
    QCOMPARE(markedLines(right), (QList<int>{0, lastRow}));
    QCOMPARE(left->document()->findBlockByNumber(0).text(), m_v1.split(QLatin1Char('\n')).first());
    QCOMPARE(right->document()->findBlockByNumber(0).text(),
             QStringLiteral("You are a careful finance analyst."));
    QCOMPARE(right->document()->findBlockByNumber(lastRow).text(),
             QStringLiteral("Never round amounts."));
    QCOMPARE(left->document()->findBlockByNumber(lastRow).text(), QString()); // the gap facing it
    QCOMPARE(left->document()->blockCount(), right->document()->blockCount());
}

void TestPromptEditor::runsThatUsedAVersionAreCounted()
{
    QCOMPARE(m_editor->runCount(2), 0);
    const Status started = m_controller->startRun(kAgent, kRequest);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.errorMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->currentRunId().isEmpty(), kTimeoutMs);
    const QString runId = m_controller->currentRunId();
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->runCount(2), 1, kTimeoutMs);
    QCOMPARE(m_editor->runCount(1), 0);
    // The run pauses before the email; by then its start is in the database for a fresh editor.
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isCurrentRunActive(), kTimeoutMs);
    QVERIFY(m_controller->journal()->flush().ok());
    PromptEditor fresh(m_controller.get());
    QSignalSpy loaded(&fresh, &PromptEditor::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), kTimeoutMs);
    if (fresh.agent() != kAgent) {
        auto* picker = fresh.findChild<QComboBox*>(QStringLiteral("promptAgentPicker"));
        picker->setCurrentIndex(picker->findText(kAgent));
        QVERIFY(loaded.wait(kTimeoutMs));
    }
    QCOMPARE(fresh.runCount(2), 1);
    QCOMPARE(fresh.runCount(1), 0);

    m_editor->compare(1, 2);
    auto* runs = m_editor->findChild<QListWidget*>(QStringLiteral("promptRuns"));
    QVERIFY(runs);
    QCOMPARE(runs->count(), 1);
    QCOMPARE(runs->item(0)->data(Qt::UserRole).toString(), runId);
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(m_editor->grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/prompt-editor.png")));
}

QTEST_MAIN(TestPromptEditor)
#include "TestPromptEditor.moc"
