// createDemoWorkspace(): the files it writes (settings, agent, script), its summary, and that it
// never overwrites existing data.

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

#include "demo/DemoWorkspace.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include "core/demo/support/DemoTestSupport.h"

using namespace awb;
using namespace demotest;

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void summaryMatchesTheFiles();
    void workspaceSettingsAreTheDemoSettings();
    void agentDefinitionHasTheDemoFields();
    void scriptRunsTheReconciliationInOrder();
    void scriptTemplatesReferToEarlierToolResults();
    void refusesToOverwriteData_data();
    void refusesToOverwriteData();
    void acceptsAFolderWithoutDemoData_data();
    void acceptsAFolderWithoutDemoData();

private:
    QTemporaryDir m_temp;
    QString m_root;
    demo::DemoSummary m_summary;
    sql::Database m_db;
    std::vector<QStringList> m_crm; // without the header
    Json m_key;
};

void TestDemoWorkspace::initTestCase()
{
    QVERIFY(m_temp.isValid());
    m_root = m_temp.filePath(QStringLiteral("demo"));
    auto summary = demo::createDemoWorkspace(m_root);
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.errorMessage()));
    m_summary = *summary;
    auto db = sql::Database::open(m_root + QStringLiteral("/data/ledger.sqlite"),
                                  sql::OpenMode::ReadOnly);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.errorMessage()));
    m_db = std::move(db).value();
    m_crm =
        parseCsv(QString::fromUtf8(readFile(m_root + QStringLiteral("/data/crm_bookings_q3.csv"))));
    QVERIFY(!m_crm.empty());
    m_crm.erase(m_crm.begin());
    m_key = readJson(QStringLiteral(AWB_TEST_FIXTURES "/demo_answer_key.json"));
    QVERIFY(m_key.contains("anomalies"));
}

void TestDemoWorkspace::summaryMatchesTheFiles()
{
    QCOMPARE(m_summary.root, QFileInfo(m_root).absoluteFilePath());
    QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM accounts")), m_summary.accounts);
    QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM customers")), m_summary.customers);
    QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM fx_rates")), m_summary.fxRates);
    QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM invoices WHERE kind = 'invoice'")),
             m_summary.invoices);
    QCOMPARE(
        *m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM invoices WHERE kind = 'credit_note'")),
        m_summary.creditNotes);
    QCOMPARE(*m_db.queryInt(QStringLiteral("SELECT COUNT(*) FROM journal_entries")),
             m_summary.journalLines);
    QCOMPARE(int(m_crm.size()), m_summary.crmDeals);
    QCOMPARE(int(m_key["anomalies"].size()), m_summary.plantedAnomalies);
}

void TestDemoWorkspace::workspaceSettingsAreTheDemoSettings()
{
    auto ws = Workspace::open(m_root);
    QVERIFY(ws.ok());
    QCOMPARE(ws->settings().name, QStringLiteral("Q3 2026 finance demo"));
    auto ledger = ws->dataSource(QStringLiteral("ledger"));
    QVERIFY(ledger.ok());
    QCOMPARE(ledger->type, QStringLiteral("sqlite"));
    QCOMPARE(ledger->path, QDir(m_summary.root).filePath(QStringLiteral("data/ledger.sqlite")));
    QCOMPARE(ws->settings().sql.rowLimit, 10000);
    QCOMPARE(ws->settings().sql.timeoutMs, 10000);
    QCOMPARE(ws->settings().sql.modelRows, 20);
    QCOMPARE(ws->settings().smtp.url, QString());
    QCOMPARE(ws->settings().smtp.from, QStringLiteral("agent-workbench@finance.example"));
    QCOMPARE(ws->settings().redactPatterns,
             QStringList{QStringLiteral(R"(\b\d{3}-\d{2}-\d{4}\b)")});
    QCOMPARE_JSON(readJson(m_root + QStringLiteral("/workspace.json"))["schema_version"], Json(1));
}

void TestDemoWorkspace::agentDefinitionHasTheDemoFields()
{
    const Json agent = readJson(m_root + QStringLiteral("/agents/q3-reconciliation.agent.json"));
    QVERIFY(agent.is_object());
    QCOMPARE_JSON(agent["schema_version"], Json(1));
    QCOMPARE_JSON(agent["name"], Json("q3-reconciliation"));
    QVERIFY(agent["description"].get<std::string>().size() > 40);
    const std::string instructions = agent["instructions"].get<std::string>();
    QVERIFY(instructions.size() > 800);
    QVERIFY(instructions.find("cfo@finance.example") != std::string::npos);
    QCOMPARE_JSON(agent["model"], Json({{"provider", "scripted"},
                                        {"name", "scripted-q3"},
                                        {"script", "q3-reconciliation.script.json"},
                                        {"fallbacks", Json::array()}}));
    QCOMPARE_JSON(agent["tools"], Json::parse(R"([{"name": "sql_query"}, {"name": "reconcile"},
        {"name": "detect_anomalies"}, {"name": "render_report"}, {"name": "send_email", "approval": "required"}])"));
    QCOMPARE_JSON(agent["budgets"],
                  Json::parse(R"({"max_steps": 40, "max_tokens": 400000, "max_cost_usd": "5.00",
        "max_wall_seconds": 900, "max_parallel_tools": 4})"));
    QCOMPARE_JSON(agent["data_classification"], Json("confidential"));
}

void TestDemoWorkspace::scriptRunsTheReconciliationInOrder()
{
    const Json script = readJson(m_root + QStringLiteral("/agents/q3-reconciliation.script.json"));
    QCOMPARE_JSON(script["schema_version"], Json(1));
    QCOMPARE_JSON(script["model"], Json("scripted-q3"));
    const Json& turns = script["turns"];
    QCOMPARE(int(turns.size()), 7); // six for the task, one that answers follow-ups
    const std::vector<std::vector<std::string>> tools = {
        {"sql_query", "sql_query"}, {"reconcile"},  {"detect_anomalies"},
        {"render_report"},          {"send_email"}, {}, {}};
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Json& turn = turns[i];
        QVERIFY(!turn.value("text", std::string()).empty());
        QVERIFY(turn["usage"]["input_tokens"].get<int>() > 1000);
        QVERIFY(turn["usage"]["output_tokens"].get<int>() > (i + 1 < turns.size() ? 100 : 10));
        std::vector<std::string> names;
        for (const Json& c : turn.value("tool_calls", Json::array()))
            names.push_back(c["name"].get<std::string>());
        QVERIFY2(names == tools[i], qPrintable(QStringLiteral("turn %1").arg(i + 1)));
    }
    for (const Json& c : turns[0]["tool_calls"])
        QVERIFY(c["arguments"]["query"].get<std::string>().find("FROM revenue_postings") !=
                std::string::npos);
    const QString quarter = QStringLiteral(" WHERE ") + kQuarter;
    QCOMPARE_JSON(
        turns[1]["tool_calls"][0]["arguments"],
        Json::parse(QStringLiteral(
                        R"({"left": {"sql": "SELECT deal_id, currency, amount FROM revenue_postings
               WHERE kind = 'invoice' AND %1"}, "right": {"csv": "data/crm_bookings_q3.csv"}, "left_key": "deal_id",
               "right_key": "deal_id", "left_amount": "amount", "right_amount": "amount",
               "tolerance": {"absolute": "0.50"}, "left_label": "ledger", "right_label": "crm"})")
                        .arg(kQuarter)
                        .replace(QRegularExpression(QStringLiteral("\\n\\s+")), QStringLiteral(" "))
                        .toStdString()));
    QCOMPARE_JSON(
        turns[2]["tool_calls"][0]["arguments"],
        Json::parse(QStringLiteral(R"({"dataset": {"sql": "SELECT * FROM revenue_postings%1"},
               "id_column": "invoice_id", "checks": {
               "outliers": {"amount": "amount_usd", "group_by": ["account_id", "period"], "method": "mad", "threshold": 6},
               "duplicates": {"columns": ["customer_id", "deal_id", "invoice_date", "currency", "amount"]},
               "period": {"date": "invoice_date", "period": "period"},
               "fx": {"amount": "amount", "rate": "expected_rate", "converted": "amount_usd", "tolerance": "0.01"},
               "orphans": {"reference": "original_invoice_id", "when": {"column": "kind", "equals": "credit_note"},
                           "target_key": "invoice_id"}}})")
                        .arg(quarter)
                        .toStdString()));
    const Json& report = turns[3]["tool_calls"][0]["arguments"];
    QCOMPARE_JSON(report["reconciliation"], Json("{{reconcile:/handle}}"));
    QCOMPARE_JSON(report["anomalies"], Json("{{detect_anomalies:/handle}}"));
    QCOMPARE_JSON(report["output"], Json("reports/q3-2026-revenue-reconciliation.pdf"));
    QCOMPARE_JSON(report["prepared_for"], Json("Chief Financial Officer"));
    const Json& email = turns[4]["tool_calls"][0]["arguments"];
    QCOMPARE_JSON(email["to"], Json::array({"cfo@finance.example"}));
    QCOMPARE_JSON(email["attachments"], Json::array({"{{render_report:/path}}"}));
    QVERIFY(email["body"].get<std::string>().find("{{detect_anomalies:/summary/anomalies}}") !=
            std::string::npos);
    QVERIFY(!turns[5].contains("tool_calls"));
}

void TestDemoWorkspace::scriptTemplatesReferToEarlierToolResults()
{
    const Json script = readJson(m_root + QStringLiteral("/agents/q3-reconciliation.script.json"));
    static const QRegularExpression tmpl(QStringLiteral(R"(\{\{([A-Za-z0-9_.-]+):(/[^}]*)\}\})"));
    std::set<std::string> seen; // tools whose results the model has before the current turn
    int templates = 0;
    for (const Json& turn : script["turns"]) {
        std::vector<const Json*> stack = {&turn};
        while (!stack.empty()) {
            const Json* j = stack.back();
            stack.pop_back();
            if (j->is_structured()) {
                for (const Json& child : *j)
                    stack.push_back(&child);
            } else if (j->is_string()) {
                auto it = tmpl.globalMatch(toQ(j->get<std::string>()));
                while (it.hasNext()) {
                    const auto m = it.next();
                    QVERIFY2(seen.count(m.captured(1).toStdString()), qPrintable(m.captured(0)));
                    ++templates;
                }
            }
        }
        for (const Json& c : turn.value("tool_calls", Json::array()))
            seen.insert(c["name"].get<std::string>());
    }
    QVERIFY(templates >= 10);
}

void TestDemoWorkspace::refusesToOverwriteData_data()
{
    QTest::addColumn<QString>("setup");
    QTest::newRow("demo workspace") << "demo";
    QTest::newRow("empty workspace") << "workspace";
    QTest::newRow("ledger in a plain folder") << "data/ledger.sqlite";
    QTest::newRow("agent in a plain folder") << "agents/q3-reconciliation.agent.json";
}

void TestDemoWorkspace::refusesToOverwriteData()
{
    QFETCH(QString, setup);
    QTemporaryDir temp;
    const QString dir = temp.filePath(QStringLiteral("target"));
    if (setup == QLatin1String("demo")) {
        QVERIFY(demo::createDemoWorkspace(dir).ok());
    } else if (setup == QLatin1String("workspace")) {
        QVERIFY(Workspace::create(dir, QStringLiteral("mine")).ok());
    } else {
        QVERIFY(QDir().mkpath(QFileInfo(QDir(dir).filePath(setup)).path()));
        QFile f(QDir(dir).filePath(setup));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    const auto before = snapshot(dir);
    auto result = demo::createDemoWorkspace(dir);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("already_exists"));
    QVERIFY2(result.errorMessage().contains(dir), qPrintable(result.errorMessage()));
    QVERIFY(snapshot(dir) == before);
}

void TestDemoWorkspace::acceptsAFolderWithoutDemoData_data()
{
    QTest::addColumn<QString>("setup");
    QTest::newRow("missing folder") << "missing";
    QTest::newRow("empty folder") << "empty";
    QTest::newRow("folder with notes") << "notes";
}

void TestDemoWorkspace::acceptsAFolderWithoutDemoData()
{
    QFETCH(QString, setup);
    QTemporaryDir temp;
    const QString dir = temp.filePath(QStringLiteral("target"));
    if (setup != QLatin1String("missing"))
        QVERIFY(QDir().mkpath(dir));
    if (setup == QLatin1String("notes")) {
        QFile f(dir + QStringLiteral("/notes.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("my notes");
    }
    auto result = demo::createDemoWorkspace(dir);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.errorMessage()));
    QCOMPARE(ledgerHash(dir + QStringLiteral("/data/ledger.sqlite")),
             ledgerHash(m_root + QStringLiteral("/data/ledger.sqlite")));
    if (setup == QLatin1String("notes"))
        QCOMPARE(readFile(dir + QStringLiteral("/notes.txt")), QByteArray("my notes"));
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "TestDemoWorkspace.moc"
