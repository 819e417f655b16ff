// Agent files: a malformed *.agent.json gives an error naming the file, the JSON path and what is
// wrong; a valid one loads with every field; agents are found by name (a name that is a path finds
// nothing); an agent file that is a pipe, a device or too large is refused at once.

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "agent/AgentDefinition.h"
#include "support/HostileFiles.h"

using namespace awb;

namespace {

const QString kFile = QStringLiteral("/ws/agents/finance.agent.json");

// A valid agent using every field.
Json validAgent()
{
    return {
        {"schema_version", 1},
        {"name", "finance-recon"},
        {"description", "Reconciles revenue against the ledger"},
        {"instructions", "You reconcile Q3 revenue."},
        {"model",
         {{"provider", "scripted"},
          {"script", "scripts/finance.script.json"},
          {"fallbacks",
           {{{"provider", "openai"},
             {"name", "gpt-4o-mini"},
             {"base_url", "http://127.0.0.1:9/v1"}},
            {{"provider", "anthropic"}, {"name", "claude-sonnet"}}}}}},
        {"tools",
         {{{"name", "sql_query"}},
          {{"name", "send_email"}, {"approval", "required"}, {"timeout_ms", 30000}},
          {{"name", "render_report"}, {"approval", "never"}}}},
        {"budgets",
         {{"max_steps", 20},
          {"max_tokens", 200000},
          {"max_cost_usd", "2.50"},
          {"max_wall_seconds", 600},
          {"max_parallel_tools", 2}}},
        {"data_classification", "confidential"},
    };
}

// The valid agent with an RFC 7386 merge patch applied (null removes a field).
QByteArray patched(const Json& patch)
{
    Json agent = validAgent();
    agent.merge_patch(patch);
    return QByteArray::fromStdString(agent.dump(2));
}

QByteArray patched(const char* patchText)
{
    return patched(Json::parse(patchText));
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace

class TestAgentDefinition : public QObject
{
    Q_OBJECT

private slots:
    void malformedAgentNamesFilePathAndProblem_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem");

        QTest::newRow("not an object") << QByteArray("[]") << "/"
                                       << "expected a JSON object";
        QTest::newRow("unknown field") << patched(R"({"temperature": 0.2})") << "/temperature"
                                       << "unknown field (known: schema_version, name,";
        QTest::newRow("missing schema version")
            << patched(R"({"schema_version": null})") << "/schema_version"
            << "required field is missing";
        QTest::newRow("schema version string")
            << patched(R"({"schema_version": "1"})") << "/schema_version"
            << "expected an integer, found string";
        QTest::newRow("schema version newer")
            << patched(R"({"schema_version": 2})") << "/schema_version"
            << "version 2 is newer than this program understands (1)";
        QTest::newRow("schema version zero")
            << patched(R"({"schema_version": 0})") << "/schema_version"
            << "out of range";
        QTest::newRow("missing name") << patched(R"({"name": null})") << "/name"
                                      << "required field is missing";
        QTest::newRow("name not a string") << patched(R"({"name": 5})") << "/name"
                                           << "expected a string, found number";
        QTest::newRow("name upper case") << patched(R"({"name": "Finance"})") << "/name"
                                         << "\"Finance\" is not a valid agent name";
        QTest::newRow("name with space") << patched(R"({"name": "fin ance"})") << "/name"
                                         << "not a valid agent name";
        QTest::newRow("name starting with dash") << patched(R"({"name": "-fin"})") << "/name"
                                                 << "not a valid agent name";
        // "$" in a regular expression also matches before a final newline.
        QTest::newRow("name with trailing newline")
            << patched(Json{{"name", "finance\n"}}) << "/name"
            << "not a valid agent name";
        QTest::newRow("name too long") << patched(Json{{"name", std::string(65, 'a')}}) << "/name"
                                       << "at most 64";
        QTest::newRow("description not a string")
            << patched(R"({"description": ["x"]})") << "/description"
            << "expected a string, found array";
        QTest::newRow("missing instructions")
            << patched(R"({"instructions": null})") << "/instructions"
            << "required field is missing";
        QTest::newRow("blank instructions")
            << patched(R"({"instructions": "  \n "})") << "/instructions"
            << "must not be empty";
        QTest::newRow("instructions not a string")
            << patched(R"({"instructions": true})") << "/instructions"
            << "expected a string, found boolean";
        QTest::newRow("bad classification")
            << patched(R"({"data_classification": "secret"})") << "/data_classification"
            << "unknown classification \"secret\"";
        QTest::newRow("missing model") << patched(R"({"model": null})") << "/model"
                                       << "required field is missing";
        QTest::newRow("model not an object") << patched(R"({"model": "gpt-4o"})") << "/model"
                                             << "expected an object with provider and name";
        QTest::newRow("model without provider")
            << patched(R"({"model": {"provider": null}})") << "/model/provider"
            << "required field is missing";
        QTest::newRow("model unknown field")
            << patched(R"({"model": {"temperature": 1}})") << "/model/temperature"
            << "unknown field";
        QTest::newRow("model name missing")
            << patched(R"({"model": {"provider": "openai", "script": null}})") << "/model/name"
            << "required field is missing";
        QTest::newRow("scripted provider without script")
            << patched(R"({"model": {"script": null}})") << "/model/script"
            << "needs a script file";
        QTest::newRow("script not a string")
            << patched(R"({"model": {"script": 3}})") << "/model/script"
            << "expected a string, found number";
        QTest::newRow("fallbacks not an array")
            << patched(R"({"model": {"fallbacks": {"provider": "x"}}})") << "/model/fallbacks"
            << "expected an array";
        QTest::newRow("fallback not an object")
            << patched(R"({"model": {"fallbacks": ["openai"]}})") << "/model/fallbacks/0"
            << "expected an object";
        QTest::newRow("fallback without provider")
            << patched(R"({"model": {"fallbacks": [{"name": "m"}]}})")
            << "/model/fallbacks/0/provider"
            << "required field";
        QTest::newRow("second fallback without name")
            << patched(
                   R"({"model": {"fallbacks": [{"provider": "a", "name": "m"}, {"provider": "b"}]}})")
            << "/model/fallbacks/1/name"
            << "required field is missing";
        QTest::newRow("fallback unknown field")
            << patched(R"({"model": {"fallbacks": [{"provider": "a", "name": "m", "temp": 1}]}})")
            << "/model/fallbacks/0/temp"
            << "unknown field";
        QTest::newRow("scripted fallback without script")
            << patched(R"({"model": {"fallbacks": [{"provider": "scripted"}]}})")
            << "/model/fallbacks/0/script"
            << "needs a script file";
        QTest::newRow("nested fallbacks")
            << patched(
                   R"({"model": {"fallbacks": [{"provider": "a", "name": "m", "fallbacks": []}]}})")
            << "/model/fallbacks/0/fallbacks"
            << "cannot have fallbacks";
        QTest::newRow("tools not an array")
            << patched(R"({"tools": {"name": "sql_query"}})") << "/tools"
            << "expected an array of tools";
        QTest::newRow("tool not an object") << patched(R"({"tools": ["sql_query"]})") << "/tools/0"
                                            << "expected an object with a name";
        QTest::newRow("tool without name")
            << patched(R"({"tools": [{"approval": "never"}]})") << "/tools/0/name"
            << "required field is missing";
        QTest::newRow("tool unknown field")
            << patched(R"({"tools": [{"name": "a", "aproval": "required"}]})") << "/tools/0/aproval"
            << "unknown field (known: name, approval, timeout_ms)";
        QTest::newRow("duplicate tool")
            << patched(R"({"tools": [{"name": "a"}, {"name": "b"}, {"name": "a"}]})")
            << "/tools/2/name"
            << "tool \"a\" is listed twice";
        QTest::newRow("bad approval")
            << patched(R"({"tools": [{"name": "a", "approval": "always"}]})") << "/tools/0/approval"
            << "expected \"required\" or \"never\", found \"always\"";
        QTest::newRow("approval not a string")
            << patched(R"({"tools": [{"name": "a", "approval": true}]})") << "/tools/0/approval"
            << "expected a string";
        QTest::newRow("timeout zero")
            << patched(R"({"tools": [{"name": "a", "timeout_ms": 0}]})") << "/tools/0/timeout_ms"
            << "0 is out of range (1 to 3600000)";
        QTest::newRow("timeout not integer")
            << patched(R"({"tools": [{"name": "a", "timeout_ms": 1.5}]})") << "/tools/0/timeout_ms"
            << "expected an integer";
        QTest::newRow("budgets not an object") << patched(R"({"budgets": 5})") << "/budgets"
                                               << "expected an object";
        QTest::newRow("budgets unknown field")
            << patched(R"({"budgets": {"max_money": 5}})") << "/budgets/max_money"
            << "unknown field";
        QTest::newRow("max steps zero")
            << patched(R"({"budgets": {"max_steps": 0}})") << "/budgets/max_steps"
            << "0 is out of range (1 to 100000)";
        QTest::newRow("max steps string")
            << patched(R"({"budgets": {"max_steps": "10"}})") << "/budgets/max_steps"
            << "expected an integer, found string";
        QTest::newRow("max tokens negative")
            << patched(R"({"budgets": {"max_tokens": -1}})") << "/budgets/max_tokens"
            << "out of range";
        QTest::newRow("max wall seconds too long")
            << patched(R"({"budgets": {"max_wall_seconds": 604801}})")
            << "/budgets/max_wall_seconds"
            << "out of range";
        QTest::newRow("max parallel tools too many")
            << patched(R"({"budgets": {"max_parallel_tools": 65}})")
            << "/budgets/max_parallel_tools"
            << "(1 to 64)";
        QTest::newRow("max cost as number")
            << patched(R"({"budgets": {"max_cost_usd": 5}})") << "/budgets/max_cost_usd"
            << "positive decimal string";
        QTest::newRow("max cost not decimal")
            << patched(R"({"budgets": {"max_cost_usd": "five"}})") << "/budgets/max_cost_usd"
            << "such as \"5.00\"";
        QTest::newRow("max cost negative")
            << patched(R"({"budgets": {"max_cost_usd": "-1.00"}})") << "/budgets/max_cost_usd"
            << "positive decimal string";
        QTest::newRow("max cost zero")
            << patched(R"({"budgets": {"max_cost_usd": "0.00"}})") << "/budgets/max_cost_usd"
            << "positive decimal string";
    }
    void malformedAgentNamesFilePathAndProblem()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, path);
        QFETCH(QString, problem);
        auto agent = AgentDefinition::parse(bytes, kFile);
        QVERIFY2(!agent.ok(), bytes.constData());
        QCOMPARE(agent.error().code, QStringLiteral("invalid_agent"));
        const QString expectedStart = QStringLiteral("%1: at %2: ").arg(kFile, path);
        QVERIFY2(agent.errorMessage().startsWith(expectedStart), qPrintable(agent.errorMessage()));
        QVERIFY2(agent.errorMessage().contains(problem), qPrintable(agent.errorMessage()));
    }

    void invalidJsonNamesFileLineAndColumn()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("agents/broken.agent.json"));
        writeFile(file,
                  "{\n  \"name\": \"broken\",\n  \"instructions\": \"x\"\n  \"model\": {}\n}\n");
        auto agent = AgentDefinition::load(file);
        QVERIFY(!agent.ok());
        QCOMPARE(agent.error().code, QStringLiteral("invalid_agent"));
        // The position is the last character of the offending token: the quote closing "model".
        QVERIFY2(agent.errorMessage().startsWith(
                     file + QStringLiteral(": invalid JSON at line 4, column 9")),
                 qPrintable(agent.errorMessage()));
        QVERIFY2(agent.errorMessage().contains(QLatin1String("expected '}'")),
                 qPrintable(agent.errorMessage()));
    }

    void missingFileNamesThePath()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("agents/absent.agent.json"));
        auto agent = AgentDefinition::load(file);
        QVERIFY(!agent.ok());
        QVERIFY2(agent.errorMessage().contains(file), qPrintable(agent.errorMessage()));
    }

    void validFileLoadsAllFields()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("agents/finance-recon.agent.json"));
        const QByteArray bytes = patched(Json::object());
        writeFile(file, bytes);
        auto loaded = AgentDefinition::load(file);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.errorMessage()));
        const AgentDefinition& a = *loaded;
        QCOMPARE(a.name, QStringLiteral("finance-recon"));
        QCOMPARE(a.description, QStringLiteral("Reconciles revenue against the ledger"));
        QCOMPARE(a.instructions, QStringLiteral("You reconcile Q3 revenue."));
        QCOMPARE(a.dataClassification, QStringLiteral("confidential"));
        QCOMPARE(a.filePath, QFileInfo(file).absoluteFilePath());
        QCOMPARE(a.sourceHash,
                 QString::fromLatin1(
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));

        QCOMPARE(a.model.provider, QStringLiteral("scripted"));
        QCOMPARE(a.model.script, QStringLiteral("scripts/finance.script.json"));
        QCOMPARE(a.scriptPath(),
                 dir.filePath(QStringLiteral("agents/scripts/finance.script.json")));
        QCOMPARE(int(a.fallbacks.size()), 2);
        QCOMPARE(a.fallbacks[0].provider, QStringLiteral("openai"));
        QCOMPARE(a.fallbacks[0].name, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(a.fallbacks[0].baseUrl, QStringLiteral("http://127.0.0.1:9/v1"));
        QCOMPARE(a.fallbacks[1].provider, QStringLiteral("anthropic"));
        QVERIFY(a.fallbacks[1].baseUrl.isEmpty());

        QCOMPARE(int(a.tools.size()), 3);
        QCOMPARE(a.tools[0].name, QStringLiteral("sql_query"));
        QCOMPARE(a.tools[0].approval, ApprovalPolicy::Never);
        QVERIFY(!a.tools[0].timeoutMs.has_value());
        const AgentTool* email = a.tool(QStringLiteral("send_email"));
        QVERIFY(email);
        QCOMPARE(email->approval, ApprovalPolicy::Required);
        QCOMPARE(email->timeoutMs, std::optional<int>(30000));
        QCOMPARE(a.tool(QStringLiteral("render_report"))->approval, ApprovalPolicy::Never);
        QVERIFY(!a.tool(QStringLiteral("delete_everything")));

        QCOMPARE(a.budgets.maxSteps, 20);
        QCOMPARE(a.budgets.maxTokens, std::int64_t(200000));
        QCOMPARE(a.budgets.maxCostUsd.toString(2), QStringLiteral("2.50"));
        QCOMPARE(a.budgets.maxWallSeconds, 600);
        QCOMPARE(a.budgets.maxParallelTools, 2);
    }

    void optionalFieldsTakeDefaults()
    {
        const QByteArray minimal =
            R"({"schema_version": 1, "name": "mini", "instructions": "Help.", )"
            R"("model": {"provider": "openai", "name": "gpt-4o-mini"}})";
        auto a = AgentDefinition::parse(minimal, kFile);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.errorMessage()));
        const Budgets defaults;
        QVERIFY(a->description.isEmpty());
        QCOMPARE(a->dataClassification, QStringLiteral("internal"));
        QVERIFY(a->tools.empty());
        QVERIFY(a->fallbacks.empty());
        QVERIFY(a->scriptPath().isEmpty());
        QCOMPARE(a->budgets.maxSteps, defaults.maxSteps);
        QCOMPARE(a->budgets.maxTokens, defaults.maxTokens);
        QCOMPARE(a->budgets.maxCostUsd, defaults.maxCostUsd);
        QCOMPARE(a->budgets.maxWallSeconds, defaults.maxWallSeconds);
        QCOMPARE(a->budgets.maxParallelTools, defaults.maxParallelTools);
    }

    void findAgentFileByNameOrPath()
    {
        QTemporaryDir ws;
        const QString file = ws.filePath(QStringLiteral("agents/finance.agent.json"));
        writeFile(file, patched(Json::object()));
        auto byName = findAgentFile(ws.path(), QStringLiteral("finance"));
        QVERIFY2(byName.ok(), qPrintable(byName.ok() ? QString() : byName.errorMessage()));
        QCOMPARE(*byName, file);
        auto byPath = findAgentFile(ws.path(), file);
        QVERIFY(byPath.ok());
        QCOMPARE(*byPath, file);
    }

    void findAgentFileListsKnownAgents()
    {
        QTemporaryDir ws;
        writeFile(ws.filePath(QStringLiteral("agents/beta.agent.json")), "{}");
        writeFile(ws.filePath(QStringLiteral("agents/alpha.agent.json")), "{}");
        writeFile(ws.filePath(QStringLiteral("agents/notes.txt")), "not an agent");
        auto missing = findAgentFile(ws.path(), QStringLiteral("gamma"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("unknown_agent"));
        QVERIFY2(missing.errorMessage().contains(QLatin1String("no agent \"gamma\"")),
                 qPrintable(missing.errorMessage()));
        QVERIFY2(missing.errorMessage().contains(QLatin1String("(known: alpha, beta)")),
                 qPrintable(missing.errorMessage()));
    }

    void agentFileThatIsNoRegularFileIsRefusedAtOnce_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString& kind : test::hostileNamedKinds())
            QTest::newRow(qPrintable(kind)) << kind;
    }
    void agentFileThatIsNoRegularFileIsRefusedAtOnce()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString path = test::plantNamed(kind, dir.path(), 1024LL * 1024 * 1024);
        QVERIFY(!path.isEmpty());
        QElapsedTimer clock;
        clock.start();
        auto agent = AgentDefinition::load(path);
        QVERIFY(!agent.ok());
        QCOMPARE(agent.error().code, test::hostileNamedCode(kind));
        QVERIFY2(agent.errorMessage().contains(path), qPrintable(agent.errorMessage()));
        QVERIFY2(clock.elapsed() < 5000, "refused only after reading");
    }

    void findAgentFileTakesNoPathAsAName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << "../outside/finance";
        QTest::newRow("folder") << "sub/finance";
    }
    void findAgentFileTakesNoPathAsAName()
    {
        QFETCH(QString, name);
        QTemporaryDir ws;
        writeFile(ws.filePath(QStringLiteral("outside/finance.agent.json")),
                  patched(Json::object()));
        writeFile(ws.filePath(QStringLiteral("agents/sub/finance.agent.json")),
                  patched(Json::object()));
        auto found = findAgentFile(ws.path(), name);
        QVERIFY2(!found.ok(), found.ok() ? qPrintable(*found) : "");
        QCOMPARE(found.error().code, QStringLiteral("unknown_agent"));
    }

    void findAgentFileWithNoAgentsSaysNone()
    {
        QTemporaryDir ws;
        auto missing = findAgentFile(ws.path(), QStringLiteral("finance"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.errorMessage().contains(QLatin1String("(known: none)")),
                 qPrintable(missing.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestAgentDefinition)
#include "TestAgentDefinition.moc"
