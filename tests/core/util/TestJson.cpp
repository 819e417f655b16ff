// Canonical JSON must be byte-identical to Python's json.dumps(v, sort_keys=True,
// separators=(",", ":"), ensure_ascii=False), which auditors use to verify the trail without us;
// parse errors must say where (line and column) and what is wrong.

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include "util/Json.h"

using namespace awb;

namespace {

// Python's canonical form of the JSON document `text`, or an explanation of why it failed.
QByteArray pythonCanonical(const QByteArray& text)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return QByteArrayLiteral("<python3 not found on PATH>");
    QProcess p;
    p.start(python, {QStringLiteral("-c"),
                     QStringLiteral(
                         "import json,sys; v=json.loads(sys.stdin.buffer.read().decode('utf-8')); "
                         "sys.stdout.buffer.write(json.dumps(v, sort_keys=True, "
                         "separators=(',', ':'), ensure_ascii=False).encode('utf-8'))")});
    if (!p.waitForStarted(30000))
        return QByteArrayLiteral("<python3 did not start>");
    p.write(text);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QByteArrayLiteral("<python3 failed> ") + p.readAllStandardError();
    return p.readAllStandardOutput();
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + "{\"b\":1,\"a\":2}" + QByteArray(depth, ']');
}

} // namespace

class TestJson : public QObject
{
    Q_OBJECT

private slots:
    void canonicalJsonMatchesPython_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("ascii string") << QByteArray("\"hello\"");
        QTest::newRow("raw unicode")
            << QByteArray("\"caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80\"");
        QTest::newRow("escaped unicode is written raw")
            << QByteArray("\"caf\\u00e9 \\u65e5 \\ud83d\\ude00 \\u00ff\"");
        QTest::newRow("control characters")
            << QByteArray("\"\\u0000\\u0001\\u0008\\t\\n\\u000b\\f\\r\\u001b\\u001f\\u007f\"");
        QTest::newRow("escapes") << QByteArray("\"quote \\\" backslash \\\\ slash \\/ end\"");
        QTest::newRow("separators and bom") << QByteArray("\"\\u2028\\u2029\\ufeff\\uffff\"");
        QTest::newRow("nested unsorted objects")
            << QByteArray("{\"b\":{\"d\":1,\"c\":[{\"z\":0,\"y\":[{\"k2\":true,\"k1\":false}]}]},"
                          "\"a\":null,\"A\":[],\"_\":{}}");
        QTest::newRow("keys sorted by code point")
            << QByteArray("{\"\xC3\xA9\":1,\"z\":2,\"Z\":3,\"\xF0\x9F\x98\x80\":4,\"\":5,\"aa\":6,"
                          "\"a\":7,\"\\uffff\":8,\"\xE6\x97\xA5\":9,\"a\\u0000\":10}");
        QTest::newRow("escapes in keys")
            << QByteArray("{\"tab\\tkey\":1,\"quote\\\"key\":2,\"nl\\n\":3}");
        QTest::newRow("big integers")
            << QByteArray("[9223372036854775807,-9223372036854775808,18446744073709551615,0,-0,"
                          "1000000000000000000]");
        QTest::newRow("whitespace removed")
            << QByteArray("{ \"a\" :\n [ 1 ,\t2 ] ,\r\n \"b\" : { } }");
        QTest::newRow("empty values") << QByteArray("[{},[],\"\",null,true,false]");
        QTest::newRow("floats") << QByteArray(
            "[0.1,1.5,100.0,-0.0,1e-05,0.0001,1e+16,1e+22,123.456,5e-324]");
        QTest::newRow("floats with many digits")
            << QByteArray("[0.30000000000000004,1.7976931348623157e308,2.2250738585072014e-308,"
                          "0.00012,2.5e-05,123456789.123,-98765.4321,1e-4,9.999999999999999e-5]");
        QTest::newRow("floats between 1e15 and 1e16")
            << QByteArray("[1e15,1.5e15,9999999999999998.0,1234567890123456.7,-1e15,{\"x\":2e15}]");
        QTest::newRow("deep nesting") << nested(60);
    }
    void canonicalJsonMatchesPython()
    {
        QFETCH(QByteArray, text);
        auto parsed = parseJson(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QCOMPARE(canonicalJson(*parsed), pythonCanonical(text));
    }

    void canonicalJsonStringIsTheUtf8Text()
    {
        const Json v = {{"name", "J\xC3\xBCrgen"}, {"n", 1}};
        QCOMPARE(canonicalJsonString(v), QStringLiteral("{\"n\":1,\"name\":\"J\u00FCrgen\"}"));
    }

    void canonicalJsonReplacesInvalidUtf8()
    {
        const Json v = {{std::string("k\xFF"), std::string("a\xC3 b")}};
        QCOMPARE(canonicalJson(v), QByteArray("{\"k\xEF\xBF\xBD\":\"a\xEF\xBF\xBD b\"}"));
        // The floating-point path must replace too.
        const Json f = {{std::string("k\xFF"), 1e15}};
        QCOMPARE(canonicalJson(f), QByteArray("{\"k\xEF\xBF\xBD\":1000000000000000.0}"));
    }

    void parseJsonAcceptsValidText()
    {
        auto parsed = parseJson(QByteArray("{\"a\":[1,\"x\",null]}"));
        QVERIFY(parsed.ok());
        QCOMPARE((*parsed)["a"][1].get<std::string>(), std::string("x"));
    }

    void parseJsonErrorNamesLineColumnAndProblem_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("problem");
        QTest::newRow("missing value")
            << QByteArray("{\n  \"a\": ,\n}") << 2 << 8 << "unexpected ','";
        QTest::newRow("unterminated object")
            << QByteArray("{\"a\": 1") << 1 << 8 << "unexpected end of input; expected '}'";
        QTest::newRow("empty input") << QByteArray("") << 1 << 1 << "unexpected end of input";
        QTest::newRow("trailing comma") << QByteArray("[1, 2,]") << 1 << 7 << "unexpected ']'";
        QTest::newRow("second document")
            << QByteArray("{\"a\":1}\n{}") << 2 << 1 << "expected end of input";
        // Columns count characters: "é" is two bytes but one column. The detail keeps the kind
        // of error even though it contains ": " itself ("last read: ...").
        QTest::newRow("after multibyte characters")
            << QByteArray("[1,\n\"\xC3\xA9\xC3\xA9\", x]") << 2 << 7 << "invalid literal";
        QTest::newRow("raw control character")
            << QByteArray("[\"a\tb\"]") << 1 << 4 << "control character U+0009";
        QTest::newRow("third line") << QByteArray("{\n\"a\": 1,\n\"b\" 2}") << 3 << 5
                                    << "unexpected number literal; expected ':'";
    }
    void parseJsonErrorNamesLineColumnAndProblem()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, problem);
        auto parsed = parseJson(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("invalid_json"));
        const QString prefix =
            QStringLiteral("invalid JSON at line %1, column %2: ").arg(line).arg(column);
        QVERIFY2(parsed.errorMessage().startsWith(prefix), qPrintable(parsed.errorMessage()));
        QVERIFY2(parsed.errorMessage().contains(problem), qPrintable(parsed.errorMessage()));
        QVERIFY2(!parsed.errorMessage().contains(QLatin1String("json.exception")),
                 qPrintable(parsed.errorMessage()));
    }

    void parseJsonErrorNeverQuotesTheInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("problem");
        // A file that is not JSON at all, say /etc/shadow behind a link: its first bytes must not
        // reach the message (nlohmann's "last read: '...'" excerpt carries them).
        QTest::newRow("shadow line")
            << QByteArray("root:SECRET:19000:0:99999:7:::\n") << "invalid literal";
        QTest::newRow("unterminated string")
            << QByteArray("{\"key\": \"SECRET value that never ends") << "missing closing quote";
        QTest::newRow("control character in a string")
            << QByteArray("[\"SECRET\x01\"]") << "control character U+0001";
        QTest::newRow("bad escape")
            << QByteArray("[\"SECRET\\q\"]") << "forbidden character after backslash";
        QTest::newRow("quote and expected in the input")
            << QByteArray("[\"SECRET'; expected SECRET") << "missing closing quote";
    }
    void parseJsonErrorNeverQuotesTheInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, problem);
        auto parsed = parseJson(text);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorMessage().startsWith(QLatin1String("invalid JSON at line 1, column ")),
                 qPrintable(parsed.errorMessage()));
        QVERIFY2(parsed.errorMessage().contains(problem), qPrintable(parsed.errorMessage()));
        QVERIFY2(!parsed.errorMessage().contains(QLatin1String("SECRET")),
                 qPrintable(parsed.errorMessage()));
        QVERIFY2(!parsed.errorMessage().contains(QLatin1String("last read")),
                 qPrintable(parsed.errorMessage()));
    }

    // nlohmann reports a number beyond a double's range with out_of_range instead of parse_error;
    // that exception once escaped parseJson and ended the process (found by fuzz_agent_definition).
    void parseJsonRejectsNumbersBeyondADouble_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("number");
        QTest::newRow("alone") << QByteArray("1e999") << "1e999";
        QTest::newRow("in an array") << QByteArray("[1, -2E400]") << "-2E400";
        QTest::newRow("in an agent file")
            << QByteArray("{\"schema_version\": 1, \"budgets\": {\"max_steps\": 56e555}}")
            << "56e555";
    }
    void parseJsonRejectsNumbersBeyondADouble()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, number);
        auto parsed = parseJson(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("invalid_json"));
        QCOMPARE(parsed.errorMessage(),
                 QStringLiteral("invalid JSON: number overflow parsing '%1'").arg(number));
    }

    void jsonStringReadsStringsOnly()
    {
        const Json o = {{"s", "text"}, {"n", 5}};
        QCOMPARE(jsonString(o, "s"), QStringLiteral("text"));
        QCOMPARE(jsonString(o, "n", QStringLiteral("fb")), QStringLiteral("fb"));
        QCOMPARE(jsonString(o, "missing", QStringLiteral("fb")), QStringLiteral("fb"));
        QCOMPARE(jsonString(Json::array({1}), "s", QStringLiteral("fb")), QStringLiteral("fb"));
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "TestJson.moc"
