// The budget estimate's message sizes, computed without building JSON, must equal the length of
// the message's JSON text, which is what the estimate was defined on.

#include <QTest>

#include "engine/RequestEstimate.h"

using namespace awb;
using awb::llm::ChatMessage;

Q_DECLARE_METATYPE(awb::llm::ChatMessage)

class TestRequestEstimate : public QObject
{
    Q_OBJECT

private slots:
    void sizeEqualsTheJsonText_data()
    {
        QTest::addColumn<ChatMessage>("message");
        QTest::newRow("user") << ChatMessage::user(QStringLiteral("What is 2+3?"));
        QTest::newRow("empty user") << ChatMessage::user(QString());
        QTest::newRow("escapes") << ChatMessage::user(
            QStringLiteral("quote \" backslash \\ tab \t newline \n "
                           "bell \a nul-free \x01 end"));
        QTest::newRow("non-ASCII") << ChatMessage::user(QStringLiteral("Grüße, € and 😀 and 中文"));
        QTest::newRow("assistant with calls") << ChatMessage::assistant(
            QStringLiteral("Let me add."),
            {{QStringLiteral("call_1"), QStringLiteral("add"), Json{{"a", 2}, {"b", 3}}},
             {QStringLiteral("call_\"2\""), QStringLiteral("noop"), Json::object()}});
        QTest::newRow("assistant without calls") << ChatMessage::assistant(QStringLiteral("5"));
        QTest::newRow("tool result") << ChatMessage::toolResult(
            QStringLiteral("call_1"), QStringLiteral("add"), QStringLiteral("{\"sum\":5}"), false);
        QTest::newRow("tool error") << ChatMessage::toolResult(
            QStringLiteral("c"), QStringLiteral("t"), QStringLiteral("{\"error\":\"bad\"}"), true);
        ChatMessage system;
        system.role = llm::Role::System;
        system.text = QStringLiteral("Be brief.");
        QTest::newRow("system") << system;
    }
    void sizeEqualsTheJsonText()
    {
        QFETCH(ChatMessage, message);
        QCOMPARE(serializedSize(message), qsizetype(message.toJson().dump().size()));
    }
};

QTEST_GUILESS_MAIN(TestRequestEstimate)
#include "TestRequestEstimate.moc"
