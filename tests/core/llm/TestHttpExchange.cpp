// What an exchange keeps of a provider's reply for the inspector and cassettes: JSON as JSON,
// anything else as text that can always be written back out, whatever bytes the provider sent.

#include <QTest>

#include "llm/transport/HttpExchange.h"

using namespace awb;
using namespace awb::llm::http;

namespace {
// What Cassette::save and the inspector do with it: nlohmann's strict dump, which throws on a
// string that is not UTF-8.
QString written(const Json& value)
{
    try {
        return QString::fromStdString(value.dump());
    } catch (const Json::exception& e) {
        return QStringLiteral("threw: ") + QString::fromUtf8(e.what());
    }
}
} // namespace

class TestHttpExchange : public QObject
{
    Q_OBJECT

private slots:
    void emptyBodyIsNull() { QVERIFY(bodyValue(QByteArray()).is_null()); }

    void jsonBodyIsKeptAsJson()
    {
        QCOMPARE(written(bodyValue("{\"error\": {\"message\": \"Grüße\"}}")),
                 QStringLiteral("{\"error\":{\"message\":\"Grüße\"}}"));
    }

    void textBodyIsKeptAsText()
    {
        QCOMPARE(written(bodyValue("<html>502 Bad Gateway</html>")),
                 QStringLiteral("\"<html>502 Bad Gateway</html>\""));
    }

    // Found by the provider fuzzers: such a body used to make saving a cassette throw.
    void bodyThatIsNotUtf8IsKeptAsWritableText_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("text");
        QTest::newRow("a proxy's Latin-1 page")
            << QByteArray("<p>Zugriff verweigert: Gr\xfc\xdf"
                          "e</p>")
            << QStringLiteral("\"<p>Zugriff verweigert: Gr\uFFFD\uFFFDe</p>\"");
        QTest::newRow("a lone continuation byte")
            << QByteArray("\x80") << QStringLiteral("\"\uFFFD\"");
        QTest::newRow("a sequence cut off")
            << QByteArray("data \xe2\x82") << QStringLiteral("\"data \uFFFD\uFFFD\"");
    }
    void bodyThatIsNotUtf8IsKeptAsWritableText()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, text);
        QCOMPARE(written(bodyValue(body)), text);
    }

    void frameKeepsItsDataAndEventName()
    {
        QCOMPARE(written(recordedFrame("content_block_delta", "{\"index\":0}")),
                 QStringLiteral("{\"data\":{\"index\":0},\"event\":\"content_block_delta\"}"));
        QCOMPARE(written(recordedFrame(QByteArray(), "[DONE]")),
                 QStringLiteral("{\"data\":\"[DONE]\"}"));
    }

    void frameWhoseEventNameIsNotUtf8IsWritable()
    {
        QCOMPARE(written(recordedFrame("ping\xff", "\xc3")),
                 QStringLiteral("{\"data\":\"\uFFFD\",\"event\":\"ping\uFFFD\"}"));
    }
};

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "TestHttpExchange.moc"
