// The scripted model double: script errors name the path, turns are picked by the number of
// assistant messages, {{tool:/pointer}} templates, and the call object streams text and finishes
// exactly once, always asynchronously; a script that is a pipe, a device or too large is refused
// at once.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include "llm/ScriptedProvider.h"
#include "support/HostileFiles.h"

using namespace awb;
using namespace awb::llm;

namespace {

// Compared as text: QCOMPARE cannot take nlohmann::json, and the dump shows the difference.
QString dumped(const Json& value)
{
    return toQ(value.dump());
}

const QString kOrigin = QStringLiteral("/ws/scripts/demo.script.json");

Script scriptFrom(const Json& json)
{
    auto s = Script::parse(json, kOrigin);
    if (!s.ok())
        qFatal("test script does not parse: %s", qPrintable(s.errorMessage()));
    return std::move(s).value();
}

Json turnsScript(const Json& turns)
{
    return {{"schema_version", 1}, {"model", "demo-model"}, {"turns", turns}};
}

// Three turns: a tool call, a turn full of templates reading the tool's result, a final text.
Json templateScript()
{
    return turnsScript(Json::array(
        {{{"tool_calls", {{{"name", "sql_query"}, {"arguments", {{"sql", "SELECT 1"}}}}}}},
         {{"text", "Found {{sql_query:/rows}} rows; first {{sql_query:/items/0/id}}; obj "
                   "{{sql_query:/obj}}"},
          {"tool_calls",
           {{{"name", "send_email"},
             {"arguments",
              {{"count", "{{sql_query:/rows}}"},
               {"first", "{{sql_query:/items/0/id}}"},
               {"obj", "{{sql_query:/obj}}"},
               {"nested", {{"list", {"{{sql_query:/flag}}", "id={{sql_query:/items/0/id}}"}}}},
               {"plain", "no template"}}}}}}},
         {{"text", "Done."}}}));
}

const char* const kResult =
    R"({"rows": 42, "items": [{"id": "A-1"}], "flag": true, "obj": {"k": [1, 2]}})";

// A request holding `assistants` assistant messages, each followed by a tool result.
ModelRequest requestWith(int assistants, const QString& toolResult = QString::fromUtf8(kResult))
{
    ModelRequest r;
    r.instructions = QStringLiteral("You reconcile.");
    r.messages.push_back(ChatMessage::user(QStringLiteral("Reconcile Q3")));
    for (int i = 0; i < assistants; ++i) {
        r.messages.push_back(ChatMessage::assistant(
            {}, {{QStringLiteral("call_%1").arg(i), QStringLiteral("sql_query"), {}}}));
        r.messages.push_back(ChatMessage::toolResult(
            QStringLiteral("call_%1").arg(i), QStringLiteral("sql_query"), toolResult, false));
    }
    return r;
}

Result<ModelResponse> respondWithTurnText(const QString& text, const ModelRequest& request)
{
    const ScriptedProvider p(scriptFrom(turnsScript(Json::array({{{"text", toStd(text)}}}))));
    ModelRequest r = request;
    // Turn 1 answers a request without assistant messages: drop them, keep the tool results.
    std::erase_if(r.messages, [](const ChatMessage& m) { return m.role == Role::Assistant; });
    return p.respond(r);
}

// Collects what a call emits.
struct Recorder
{
    QStringList deltas;
    std::vector<Result<ModelResponse>> results;
    int deltasAfterFinish = 0;

    void attach(ModelCall* call, QObject* context)
    {
        QObject::connect(call, &ModelCall::textDelta, context, [this](const QString& d) {
            if (!results.empty())
                ++deltasAfterFinish;
            deltas << d;
        });
        QObject::connect(call, &ModelCall::finished, context,
                         [this](const Result<ModelResponse>& r) { results.push_back(r); });
    }
};

// Lets queued events run a bounded number of times, to see that nothing else arrives.
void drainEvents()
{
    for (int i = 0; i < 50; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class TestScriptedProvider : public QObject
{
    Q_OBJECT

private slots:
    void parseErrorNamesPath_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not an object") << QByteArray("[]") << "/"
                                       << "expected an object";
        QTest::newRow("no version")
            << QByteArray(R"({"turns": [{"text": "x"}]})") << "/schema_version"
            << "missing or not an integer";
        QTest::newRow("newer version")
            << QByteArray(R"({"schema_version": 2, "turns": [{"text": "x"}]})") << "/schema_version"
            << "unsupported version";
        QTest::newRow("no turns") << QByteArray(R"({"schema_version": 1})") << "/turns"
                                  << "non-empty array";
        QTest::newRow("empty turns")
            << QByteArray(R"({"schema_version": 1, "turns": []})") << "/turns"
            << "non-empty array";
        QTest::newRow("turn not an object")
            << QByteArray(R"({"schema_version": 1, "turns": [{"text": "a"}, 5]})") << "/turns/1"
            << "expected an object";
        QTest::newRow("text not a string")
            << QByteArray(R"({"schema_version": 1, "turns": [{"text": 5}]})") << "/turns/0/text"
            << "expected a string";
        QTest::newRow("tool calls not an array")
            << QByteArray(R"({"schema_version": 1, "turns": [{"tool_calls": {"name": "a"}}]})")
            << "/turns/0/tool_calls"
            << "expected an array";
        QTest::newRow("tool call without name")
            << QByteArray(
                   R"({"schema_version": 1, "turns": [{"tool_calls": [{"name": "a"}, {"arguments": {}}]}]})")
            << "/turns/0/tool_calls/1/name"
            << "needs a name";
        QTest::newRow("arguments not an object")
            << QByteArray(
                   R"({"schema_version": 1, "turns": [{"text": "a"}, {"tool_calls": [{"name": "a", "arguments": [1]}]}]})")
            << "/turns/1/tool_calls/0/arguments"
            << "expected an object";
        QTest::newRow("empty turn")
            << QByteArray(R"({"schema_version": 1, "turns": [{"text": ""}]})") << "/turns/0"
            << "needs text or tool calls";
        QTest::newRow("usage not an object")
            << QByteArray(R"({"schema_version": 1, "turns": [{"text": "a", "usage": 5}]})")
            << "/turns/0/usage"
            << "expected an object";
        QTest::newRow("usage count not an integer")
            << QByteArray(
                   R"({"schema_version": 1, "turns": [{"text": "a", "usage": {"input_tokens": "9"}}]})")
            << "/turns/0/usage/input_tokens"
            << "non-negative integer";
    }
    void parseErrorNamesPath()
    {
        QFETCH(QByteArray, script);
        QFETCH(QString, path);
        QFETCH(QString, problem);
        auto parsed = Script::parse(Json::parse(script.toStdString()), kOrigin);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("invalid_script"));
        QVERIFY2(parsed.errorMessage().startsWith(QStringLiteral("%1: at %2: ").arg(kOrigin, path)),
                 qPrintable(parsed.errorMessage()));
        QVERIFY2(parsed.errorMessage().contains(problem), qPrintable(parsed.errorMessage()));
    }

    void loadErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("absent.script.json"));
        auto absent = Script::load(missing);
        QVERIFY(!absent.ok());
        QVERIFY2(absent.errorMessage().contains(missing), qPrintable(absent.errorMessage()));

        const QString broken = dir.filePath(QStringLiteral("broken.script.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schema_version\": 1,\n \"turns\": [}\n");
        f.close();
        auto invalid = Script::load(broken);
        QVERIFY(!invalid.ok());
        QVERIFY2(
            invalid.errorMessage().startsWith(broken + QStringLiteral(": invalid JSON at line 2")),
            qPrintable(invalid.errorMessage()));
    }

    void scriptThatIsNoRegularFileIsRefusedAtOnce_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString& kind : test::hostileNamedKinds())
            QTest::newRow(qPrintable(kind)) << kind;
    }
    void scriptThatIsNoRegularFileIsRefusedAtOnce()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString path = test::plantNamed(kind, dir.path(), 1024LL * 1024 * 1024);
        QVERIFY(!path.isEmpty());
        QElapsedTimer clock;
        clock.start();
        auto script = Script::load(path);
        QVERIFY(!script.ok());
        QCOMPARE(script.error().code, test::hostileNamedCode(kind));
        QVERIFY2(script.errorMessage().contains(path), qPrintable(script.errorMessage()));
        QVERIFY2(clock.elapsed() < 5000, "refused only after reading");
    }

    void turnIsPickedByAssistantMessageCount_data()
    {
        QTest::addColumn<int>("assistants");
        QTest::addColumn<QString>("text");
        QTest::newRow("first turn") << 0 << "";
        QTest::newRow("second turn") << 1 << "Found 42 rows; first A-1; obj {\"k\":[1,2]}";
        QTest::newRow("third turn") << 2 << "Done.";
    }
    void turnIsPickedByAssistantMessageCount()
    {
        QFETCH(int, assistants);
        QFETCH(QString, text);
        const ScriptedProvider p(scriptFrom(templateScript()));
        auto r = p.respond(requestWith(assistants));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.errorMessage()));
        QCOMPARE(r->message.role, Role::Assistant);
        QCOMPARE(r->message.text, text);
        QCOMPARE(r->rawRequest["turn"].get<int>(), assistants + 1);
    }

    void firstTurnCallsToolsWithIds()
    {
        const ScriptedProvider p(scriptFrom(templateScript()));
        QCOMPARE(p.name(), QStringLiteral("scripted"));
        QVERIFY(p.isScripted());
        auto r = p.respond(requestWith(0));
        QVERIFY(r.ok());
        QCOMPARE(r->finish, FinishReason::ToolCalls);
        QCOMPARE(int(r->message.toolCalls.size()), 1);
        QCOMPARE(r->message.toolCalls[0].id, QStringLiteral("call_1_1"));
        QCOMPARE(r->message.toolCalls[0].name, QStringLiteral("sql_query"));
        QCOMPARE(dumped(r->message.toolCalls[0].arguments), dumped(Json({{"sql", "SELECT 1"}})));
        QCOMPARE(r->provider, QStringLiteral("scripted"));
        QCOMPARE(r->model, QStringLiteral("demo-model"));
        auto last = p.respond(requestWith(2));
        QVERIFY(last.ok());
        QCOMPARE(last->finish, FinishReason::Stop);
    }

    void requestModelOverridesScriptModel()
    {
        const ScriptedProvider p(scriptFrom(templateScript()));
        ModelRequest request = requestWith(0);
        request.model = QStringLiteral("chosen");
        QCOMPARE(p.respond(request)->model, QStringLiteral("chosen"));
    }

    void wholeStringTemplateKeepsJsonType()
    {
        const ScriptedProvider p(scriptFrom(templateScript()));
        auto r = p.respond(requestWith(1));
        QVERIFY(r.ok());
        QCOMPARE(int(r->message.toolCalls.size()), 1);
        const Json& args = r->message.toolCalls[0].arguments;
        QCOMPARE(dumped(args["count"]), dumped(Json(42)));
        QVERIFY(args["count"].is_number_integer());
        QCOMPARE(dumped(args["first"]), dumped(Json("A-1")));
        QCOMPARE(dumped(args["obj"]), dumped(Json({{"k", {1, 2}}})));
        QCOMPARE(dumped(args["nested"]["list"][0]), dumped(Json(true)));
        QCOMPARE(dumped(args["plain"]), dumped(Json("no template")));
    }

    void embeddedTemplateIsTextInsideTheString()
    {
        const ScriptedProvider p(scriptFrom(templateScript()));
        auto r = p.respond(requestWith(1));
        QVERIFY(r.ok());
        QCOMPARE(dumped(r->message.toolCalls[0].arguments["nested"]["list"][1]),
                 dumped(Json("id=A-1")));
        QCOMPARE(r->message.text, QStringLiteral("Found 42 rows; first A-1; obj {\"k\":[1,2]}"));
    }

    void templateReadsTheLatestResult()
    {
        ModelRequest request = requestWith(0);
        request.messages.push_back(ChatMessage::toolResult(QStringLiteral("a"),
                                                           QStringLiteral("sql_query"),
                                                           QStringLiteral("{\"rows\": 1}"), false));
        request.messages.push_back(ChatMessage::toolResult(QStringLiteral("b"),
                                                           QStringLiteral("sql_query"),
                                                           QStringLiteral("{\"rows\": 2}"), false));
        auto r = respondWithTurnText(QStringLiteral("{{sql_query:/rows}}"), request);
        QVERIFY(r.ok());
        QCOMPARE(r->message.text, QStringLiteral("2"));
    }

    void nonJsonResultIsAString()
    {
        ModelRequest request = requestWith(0);
        request.messages.push_back(ChatMessage::toolResult(
            QStringLiteral("a"), QStringLiteral("notes"), QStringLiteral("plain words"), false));
        auto r = respondWithTurnText(QStringLiteral("Notes: {{notes:}}"), request);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.errorMessage()));
        QCOMPARE(r->message.text, QStringLiteral("Notes: plain words"));
    }

    void templateErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no result of the tool") << "{{reconcile:/matched}}"
                                               << "{{reconcile:/matched}}: no result of reconcile";
        QTest::newRow("embedded, no result") << "see {{reconcile:/matched}}"
                                             << "no result of reconcile";
        QTest::newRow("pointer finds nothing") << "{{sql_query:/missing}}"
                                               << "has nothing at /missing";
        QTest::newRow("index out of range") << "{{sql_query:/items/5/id}}"
                                            << "has nothing at /items/5/id";
        QTest::newRow("invalid pointer") << "{{sql_query:/a~2}}"
                                         << "invalid JSON pointer";
    }
    void templateErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        auto r = respondWithTurnText(text, requestWith(1));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("script_template"));
        QVERIFY2(r.errorMessage().contains(problem), qPrintable(r.errorMessage()));
    }

    void exhaustedScriptIsAnError()
    {
        const ScriptedProvider p(scriptFrom(templateScript()));
        auto r = p.respond(requestWith(3));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("script_exhausted"));
        QVERIFY2(r.errorMessage().contains(QLatin1String("no turn 4")),
                 qPrintable(r.errorMessage()));
        QVERIFY2(r.errorMessage().contains(QLatin1String("has 3 turns")),
                 qPrintable(r.errorMessage()));
    }

    void usageIsEstimatedWhenNotGiven()
    {
        const ScriptedProvider p(
            scriptFrom(turnsScript(Json::array({{{"text", "Seventeen chars!!"}}}))));
        ModelRequest request;
        request.instructions = QString(40, QLatin1Char('i'));
        request.messages.push_back(ChatMessage::user(QString(61, QLatin1Char('u'))));
        auto r = p.respond(request);
        QVERIFY(r.ok());
        QCOMPARE(r->usage.inputTokens, std::int64_t((101 + 3) / 4));
        QCOMPARE(r->usage.outputTokens, std::int64_t((17 + 3) / 4));
        QCOMPARE(r->usage.costMicros, std::int64_t(0));
    }

    void givenUsageIsUsedButCostsNothing()
    {
        const ScriptedProvider p(
            scriptFrom(turnsScript(Json::array({{{"text", "x"},
                                                 {"usage",
                                                  {{"input_tokens", 100},
                                                   {"output_tokens", 7},
                                                   {"cached_input_tokens", 3},
                                                   {"cost_micros", 999}}}}}))));
        auto r = p.respond(ModelRequest{});
        QVERIFY(r.ok());
        QCOMPARE(r->usage.inputTokens, std::int64_t(100));
        QCOMPARE(r->usage.outputTokens, std::int64_t(7));
        QCOMPARE(r->usage.cachedInputTokens, std::int64_t(3));
        QCOMPARE(r->usage.costMicros, std::int64_t(0));
    }

    void startStreamsTextThenFinishesOnceAsynchronously()
    {
        ScriptedProvider p(
            scriptFrom(turnsScript(Json::array({{{"text", "The quick brown fox"}}}))));
        Recorder rec;
        QObject owner; // destroyed first: deletes the call before the recorder goes
        ModelCall* call = p.start(ModelRequest{}, &owner);
        QCOMPARE(call->parent(), &owner);
        rec.attach(call, this);
        // Connected only after start() returned: anything emitted inside start() would be lost.
        QVERIFY(rec.deltas.isEmpty());
        QVERIFY(rec.results.empty());
        QTRY_COMPARE_WITH_TIMEOUT(int(rec.results.size()), 1, 5000);
        drainEvents();
        QCOMPARE(int(rec.results.size()), 1);
        QCOMPARE(rec.deltas, QStringList({QStringLiteral("The "), QStringLiteral("quick "),
                                          QStringLiteral("brown "), QStringLiteral("fox")}));
        QCOMPARE(rec.deltas.join(QString()), QStringLiteral("The quick brown fox"));
        QCOMPARE(rec.deltasAfterFinish, 0);
        QVERIFY(rec.results[0].ok());
        QCOMPARE(rec.results[0]->message.text, QStringLiteral("The quick brown fox"));
    }

    void startDeliversErrorsAsynchronously()
    {
        ScriptedProvider p(scriptFrom(turnsScript(Json::array({{{"text", "only"}}}))));
        Recorder rec;
        QObject owner;
        ModelCall* call = p.start(requestWith(1), &owner);
        rec.attach(call, this);
        QTRY_COMPARE_WITH_TIMEOUT(int(rec.results.size()), 1, 5000);
        drainEvents();
        QCOMPARE(int(rec.results.size()), 1);
        QVERIFY(!rec.results[0].ok());
        QCOMPARE(rec.results[0].error().code, QStringLiteral("script_exhausted"));
        QVERIFY(rec.deltas.isEmpty());
    }

    void cancelFinishesOnceWithCancelled()
    {
        ScriptedProvider p(
            scriptFrom(turnsScript(Json::array({{{"text", "one two three four"}}}))));
        Recorder rec;
        QObject owner;
        ModelCall* call = p.start(ModelRequest{}, &owner);
        rec.attach(call, this);
        // Cancel mid-stream, from the first delta's handler, twice.
        connect(call, &ModelCall::textDelta, this, [call] {
            call->cancel();
            call->cancel();
        });
        QTRY_COMPARE_WITH_TIMEOUT(int(rec.results.size()), 1, 5000);
        drainEvents();
        QCOMPARE(int(rec.results.size()), 1);
        QVERIFY(!rec.results[0].ok());
        QCOMPARE(rec.results[0].error().code, QStringLiteral("cancelled"));
        QCOMPARE(rec.deltasAfterFinish, 0);
        QCOMPARE(rec.deltas, QStringList({QStringLiteral("one ")}));
    }

    void cancelBeforeStreamingEmitsNoText()
    {
        ScriptedProvider p(scriptFrom(turnsScript(Json::array({{{"text", "one two"}}}))));
        Recorder rec;
        QObject owner;
        ModelCall* call = p.start(ModelRequest{}, &owner);
        rec.attach(call, this);
        call->cancel();
        drainEvents();
        QCOMPARE(int(rec.results.size()), 1);
        QCOMPARE(rec.results[0].error().code, QStringLiteral("cancelled"));
        QVERIFY(rec.deltas.isEmpty());
    }

    void cancelAfterFinishEmitsNothing()
    {
        ScriptedProvider p(scriptFrom(turnsScript(Json::array({{{"text", "done"}}}))));
        Recorder rec;
        QObject owner;
        ModelCall* call = p.start(ModelRequest{}, &owner);
        rec.attach(call, this);
        QTRY_COMPARE_WITH_TIMEOUT(int(rec.results.size()), 1, 5000);
        call->cancel();
        drainEvents();
        QCOMPARE(int(rec.results.size()), 1);
        QVERIFY(rec.results[0].ok());
    }
};

QTEST_GUILESS_MAIN(TestScriptedProvider)
#include "TestScriptedProvider.moc"
