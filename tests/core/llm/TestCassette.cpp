// Record and replay: what is recorded replays deterministically; a different request is refused
// with the first differing field named; a cassette that is a pipe, a device or too large is
// refused at once, when replaying and when recording into it.

#include <QElapsedTimer>
#include <QtTest>

#include "llm/Cassette.h"
#include "llm/ScriptedProvider.h"
#include "support/HostileFiles.h"

using namespace awb;
using namespace awb::llm;

namespace {
ModelRequest request(const QString& userText)
{
    ModelRequest r;
    r.model = QStringLiteral("m");
    r.instructions = QStringLiteral("be brief");
    r.messages.push_back(ChatMessage::user(userText));
    r.tools.push_back({QStringLiteral("sql_query"), QStringLiteral("runs SQL"), Json{{"type", "object"}}});
    return r;
}

Result<ModelResponse> finish(ModelCall* call)
{
    std::optional<Result<ModelResponse>> out;
    QObject::connect(call, &ModelCall::finished, call, [&out](const Result<ModelResponse>& r) { out = r; });
    QSignalSpy spy(call, &ModelCall::finished);
    if (!out && !spy.wait(5000))
        return Error::make(QStringLiteral("no answer within 5 s"));
    return out.value_or(Error::make(QStringLiteral("no answer")));
}

std::shared_ptr<ScriptedProvider> scripted()
{
    auto script = Script::parse(Json::parse(R"({"schema_version": 1, "turns": [
        {"text": "let me look", "tool_calls": [{"name": "sql_query", "arguments": {"query": "SELECT 1"}}]},
        {"text": "done"}]})"),
                                QStringLiteral("test"));
    return std::make_shared<ScriptedProvider>(std::move(script).value());
}
} // namespace

class TestCassette : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstDifferenceNamesThePath_data();
    void firstDifferenceNamesThePath();
    void recordedCallsReplayIdentically();
    void aChangedRequestIsRefusedNamingTheField();
    void secretsAreRedactedInTheCassette();
    void missingOrMalformedCassetteIsAClearError();
    void cassetteThatIsNoRegularFileIsRefusedAtOnce_data();
    void cassetteThatIsNoRegularFileIsRefusedAtOnce();
};

void TestCassette::firstDifferenceNamesThePath_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<QString>("path");
    QTest::newRow("equal") << QByteArray(R"({"x": [1, {"y": 2}]})") << QByteArray(R"({"x": [1, {"y": 2}]})") << QString();
    QTest::newRow("nested value") << QByteArray(R"({"x": [1, {"y": 2}]})") << QByteArray(R"({"x": [1, {"y": 3}]})") << QStringLiteral("/x/1/y");
    QTest::newRow("missing key") << QByteArray(R"({"a": 1, "b": 2})") << QByteArray(R"({"b": 2})") << QStringLiteral("/a");
    QTest::newRow("extra element") << QByteArray(R"({"m": [1]})") << QByteArray(R"({"m": [1, 2]})") << QStringLiteral("/m/1");
    QTest::newRow("type") << QByteArray(R"({"m": "1"})") << QByteArray(R"({"m": 1})") << QStringLiteral("/m");
    QTest::newRow("escaped key") << QByteArray(R"({"a/b": 1})") << QByteArray(R"({"a/b": 2})") << QStringLiteral("/a~1b");
}

void TestCassette::firstDifferenceNamesThePath()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(QString, path);
    QCOMPARE(firstDifference(Json::parse(a.toStdString()), Json::parse(b.toStdString())), path);
    // A number read back from a file is unsigned where a live one is signed: equal all the same.
    QCOMPARE(firstDifference(Json::parse("{\"m\": 500}"), Json{{"m", 500}}), QString());
}

void TestCassette::recordedCallsReplayIdentically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.cassette.json"));
    RecordingProvider recorder(scripted(), path, {});
    QObject parent;
    auto first = finish(recorder.start(request(QStringLiteral("hi")), &parent));
    QVERIFY(first.ok());
    ModelRequest second = request(QStringLiteral("hi"));
    second.messages.push_back(first->message);
    second.messages.push_back(ChatMessage::toolResult(QStringLiteral("call_1_1"), QStringLiteral("sql_query"), QStringLiteral("{\"rows\": []}"), false));
    auto last = finish(recorder.start(second, &parent));
    QVERIFY(last.ok());

    auto cassette = Cassette::load(path);
    QVERIFY2(cassette.ok(), qPrintable(cassette.ok() ? QString() : cassette.errorMessage()));
    QCOMPARE(cassette->entries.size(), std::size_t(2));
    ReplayProvider replay(std::move(cassette).value());
    auto again = finish(replay.start(request(QStringLiteral("hi")), &parent));
    QVERIFY(again.ok());
    QCOMPARE(again->message.toJson(), first->message.toJson());
    auto againLast = finish(replay.start(second, &parent));
    QVERIFY(againLast.ok());
    QCOMPARE(againLast->message.text, QStringLiteral("done"));
}

void TestCassette::aChangedRequestIsRefusedNamingTheField()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.json"));
    RecordingProvider recorder(scripted(), path, {});
    QObject parent;
    QVERIFY(finish(recorder.start(request(QStringLiteral("hi")), &parent)).ok());
    ReplayProvider replay(Cassette::load(path).value());
    auto changed = replay.respond(request(QStringLiteral("hello")));
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, QStringLiteral("cassette_mismatch"));
    QVERIFY2(changed.errorMessage().contains(QLatin1String("/messages/0/text")), qPrintable(changed.errorMessage()));
    QVERIFY(changed.errorMessage().contains(QLatin1String("\"hi\"")));
    ModelRequest withoutTools = request(QStringLiteral("hi"));
    withoutTools.tools.clear();
    QVERIFY(replay.respond(withoutTools).errorMessage().contains(QLatin1String("/tools/0")));
}

void TestCassette::secretsAreRedactedInTheCassette()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.json"));
    auto redact = [](const Json& j) {
        QString text = toQ(j.dump());
        text.replace(QLatin1String("sk-secret-123456"), QLatin1String("[REDACTED]"));
        return Json::parse(text.toStdString());
    };
    RecordingProvider recorder(scripted(), path, redact);
    QObject parent;
    QVERIFY(finish(recorder.start(request(QStringLiteral("my key is sk-secret-123456")), &parent)).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.contains("sk-secret-123456"));
    QVERIFY(bytes.contains("[REDACTED]"));
}

void TestCassette::missingOrMalformedCassetteIsAClearError()
{
    QTemporaryDir dir;
    auto missing = Cassette::load(dir.filePath(QStringLiteral("nope.json")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.errorMessage().contains(QLatin1String("nope.json")));
    QFile f(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"schema_version\": 1}");
    f.close();
    auto bad = Cassette::load(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(!bad.ok());
    QVERIFY(bad.errorMessage().contains(QLatin1String("interactions")));
}

void TestCassette::cassetteThatIsNoRegularFileIsRefusedAtOnce_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : test::hostileNamedKinds())
        QTest::newRow(qPrintable(kind)) << kind;
}

void TestCassette::cassetteThatIsNoRegularFileIsRefusedAtOnce()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString path = test::plantNamed(kind, dir.path(), 2LL * 1024 * 1024 * 1024);
    QVERIFY(!path.isEmpty());
    QElapsedTimer clock;
    clock.start();
    auto loaded = Cassette::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, test::hostileNamedCode(kind));
    QVERIFY2(loaded.errorMessage().contains(path), qPrintable(loaded.errorMessage()));
    QVERIFY2(clock.elapsed() < 5000, "refused only after reading");
    // Recording into it reads what is there first: that must not block or grow either.
    if (kind != QLatin1String("endless device")) {
        clock.restart();
        RecordingProvider recorder(scripted(), path, {});
        QVERIFY(clock.elapsed() < 5000);
    }
}

QTEST_GUILESS_MAIN(TestCassette)
#include "TestCassette.moc"
