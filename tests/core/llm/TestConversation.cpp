// The normalized conversation: ChatMessage and Usage survive a toJson/fromJson round trip (the
// journal's format), and malformed messages are errors, not exceptions.

#include <QTest>

#include "llm/Conversation.h"

using namespace awb;
using namespace awb::llm;

Q_DECLARE_METATYPE(awb::llm::ChatMessage)

namespace {

// Compared as text: QCOMPARE cannot take nlohmann::json, and the dump shows the difference.
QString dumped(const Json& value)
{
    return toQ(value.dump());
}

ChatMessage systemMessage()
{
    ChatMessage m;
    m.role = Role::System;
    m.text = QStringLiteral("You are careful.");
    return m;
}

} // namespace

class TestConversation : public QObject
{
    Q_OBJECT

private slots:
    void chatMessageRoundTrips_data()
    {
        QTest::addColumn<ChatMessage>("message");
        QTest::newRow("user") << ChatMessage::user(QStringLiteral("Reconcile Q3 revenue"));
        QTest::newRow("system") << systemMessage();
        QTest::newRow("unicode and control characters") << ChatMessage::user(
            QStringLiteral("Jürgen \u65e5\u672c \U0001F600 tab\tnewline\n\"quoted\""));
        QTest::newRow("empty user") << ChatMessage::user(QString());
        QTest::newRow("assistant text")
            << ChatMessage::assistant(QStringLiteral("Here is the summary."));
        QTest::newRow("assistant tool calls") << ChatMessage::assistant(
            QStringLiteral("Checking."),
            {{QStringLiteral("call_1"), QStringLiteral("sql_query"),
              Json{{"sql", "SELECT 1"}, {"limit", 10}}},
             {QStringLiteral("call_2"), QStringLiteral("reconcile"),
              Json{{"nested", {{"list", {1, "two", nullptr, true}}}}, {"amount", "1234.50"}}},
             {QStringLiteral("call_3"), QStringLiteral("no_args"), Json::object()}});
        QTest::newRow("tool result")
            << ChatMessage::toolResult(QStringLiteral("call_1"), QStringLiteral("sql_query"),
                                       QStringLiteral("{\"rows\":3}"), false);
        QTest::newRow("tool error")
            << ChatMessage::toolResult(QStringLiteral("call_2"), QStringLiteral("reconcile"),
                                       QStringLiteral("invalid arguments: /amount"), true);
    }
    void chatMessageRoundTrips()
    {
        QFETCH(ChatMessage, message);
        const Json json = message.toJson();
        auto back = ChatMessage::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.errorMessage()));
        QCOMPARE(back->role, message.role);
        QCOMPARE(back->text, message.text);
        QCOMPARE(back->toolCallId, message.toolCallId);
        QCOMPARE(back->toolName, message.toolName);
        QCOMPARE(back->isError, message.isError);
        QCOMPARE(int(back->toolCalls.size()), int(message.toolCalls.size()));
        for (std::size_t i = 0; i < message.toolCalls.size(); ++i) {
            QCOMPARE(back->toolCalls[i].id, message.toolCalls[i].id);
            QCOMPARE(back->toolCalls[i].name, message.toolCalls[i].name);
            QCOMPARE(dumped(back->toolCalls[i].arguments), dumped(message.toolCalls[i].arguments));
        }
        // And the JSON itself is stable, so journal bytes do not drift across reads and writes.
        QCOMPARE(dumped(back->toJson()), dumped(json));
    }

    void chatMessageJsonUsesDocumentedKeys()
    {
        const Json tool = ChatMessage::toolResult(QStringLiteral("c1"), QStringLiteral("t"),
                                                  QStringLiteral("x"), true)
                              .toJson();
        QCOMPARE(dumped(tool), dumped(Json({{"role", "tool"},
                                            {"text", "x"},
                                            {"tool_call_id", "c1"},
                                            {"tool_name", "t"},
                                            {"is_error", true}})));
        const Json assistant =
            ChatMessage::assistant(QStringLiteral("a"),
                                   {{QStringLiteral("c1"), QStringLiteral("t"), Json{{"k", 1}}}})
                .toJson();
        QCOMPARE(dumped(assistant),
                 dumped(Json({{"role", "assistant"},
                              {"text", "a"},
                              {"tool_calls",
                               {{{"id", "c1"}, {"name", "t"}, {"arguments", {{"k", 1}}}}}}})));
        QCOMPARE(dumped(ChatMessage::user(QStringLiteral("u")).toJson()),
                 dumped(Json({{"role", "user"}, {"text", "u"}})));
    }

    void chatMessageFromJsonRefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not an object") << QByteArray("[1]") << "not an object";
        QTest::newRow("unknown role")
            << QByteArray(R"({"role": "robot", "text": "x"})") << "unknown role \"robot\"";
        QTest::newRow("missing role") << QByteArray(R"({"text": "x"})") << "unknown role";
        QTest::newRow("tool call not an object")
            << QByteArray(R"({"role": "assistant", "tool_calls": [5]})")
            << "tool call that is not an object";
        QTest::newRow("is_error not a boolean")
            << QByteArray(R"({"role": "tool", "is_error": "yes"})") << "is_error";
    }
    void chatMessageFromJsonRefusesMalformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        auto m = ChatMessage::fromJson(Json::parse(json.toStdString()));
        QVERIFY(!m.ok());
        QVERIFY2(m.errorMessage().contains(problem), qPrintable(m.errorMessage()));
    }

    void usageRoundTrips()
    {
        Usage u;
        u.inputTokens = 1'234'567;
        u.outputTokens = 89;
        u.cachedInputTokens = 1'000;
        u.costMicros = std::int64_t(1) << 40;
        const Json j = u.toJson();
        QCOMPARE(dumped(j), dumped(Json({{"input_tokens", 1'234'567},
                                         {"output_tokens", 89},
                                         {"cached_input_tokens", 1'000},
                                         {"cost_micros", std::int64_t(1) << 40}})));
        const Usage back = Usage::fromJson(j);
        QCOMPARE(back.inputTokens, u.inputTokens);
        QCOMPARE(back.outputTokens, u.outputTokens);
        QCOMPARE(back.cachedInputTokens, u.cachedInputTokens);
        QCOMPARE(back.costMicros, u.costMicros);
        QCOMPARE(back.totalTokens(), std::int64_t(1'234'656));
    }

    void usageFromJsonTreatsMissingOrWrongFieldsAsZero()
    {
        const Usage u = Usage::fromJson(
            Json::parse(R"({"input_tokens": "12", "output_tokens": 5, "cost_micros": 1.5})"));
        QCOMPARE(u.inputTokens, std::int64_t(0));
        QCOMPARE(u.outputTokens, std::int64_t(5));
        QCOMPARE(u.cachedInputTokens, std::int64_t(0));
        QCOMPARE(u.costMicros, std::int64_t(0));
        QCOMPARE(Usage::fromJson(Json(7)).totalTokens(), std::int64_t(0));
    }

    void usageAddsUp()
    {
        Usage a;
        a.inputTokens = 10;
        a.outputTokens = 2;
        a.cachedInputTokens = 1;
        a.costMicros = 300;
        Usage total;
        total += a;
        total += a;
        QCOMPARE(total.inputTokens, std::int64_t(20));
        QCOMPARE(total.outputTokens, std::int64_t(4));
        QCOMPARE(total.cachedInputTokens, std::int64_t(2));
        QCOMPARE(total.costMicros, std::int64_t(600));
    }

    void roleAndFinishReasonNames()
    {
        for (Role r : {Role::System, Role::User, Role::Assistant, Role::Tool})
            QCOMPARE(roleFromName(roleName(r)), std::optional<Role>(r));
        QCOMPARE(roleName(Role::Tool), QStringLiteral("tool"));
        QVERIFY(!roleFromName(QStringLiteral("Assistant")).has_value());
        QCOMPARE(finishReasonName(FinishReason::ToolCalls), QStringLiteral("tool_calls"));
        QCOMPARE(finishReasonName(FinishReason::ContentFilter), QStringLiteral("content_filter"));
        QCOMPARE(finishReasonName(FinishReason::Stop), QStringLiteral("stop"));
    }
};

QTEST_GUILESS_MAIN(TestConversation)
#include "TestConversation.moc"
