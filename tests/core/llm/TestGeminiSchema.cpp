// geminiSchema: JSON Schema to the OpenAPI subset of Gemini's function declarations, one
// documented conversion per row.

#include <QTest>

#include "llm/protocols/GeminiSchema.h"

using namespace awb;
using namespace awb::llm;

class TestGeminiSchema : public QObject
{
    Q_OBJECT

private slots:
    void convertsSchemas_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("type with null") << R"({"type":["string","null"]})"
                                        << R"({"nullable":true,"type":"string"})";
        QTest::newRow("keywords outside the subset")
            << R"({"$schema":"x","additionalProperties":false,"type":"object","properties":{"a":{"type":"string","uniqueItems":true}}})"
            << R"({"properties":{"a":{"type":"string"}},"type":"object"})";
        QTest::newRow("oneOf with null")
            << R"({"oneOf":[{"type":"integer","minimum":1},{"type":"null"}]})"
            << R"({"minimum":1,"nullable":true,"type":"integer"})";
        QTest::newRow("anyOf of two types")
            << R"({"anyOf":[{"type":"string"},{"type":"integer"}]})"
            << R"({"anyOf":[{"type":"string"},{"type":"integer"}]})";
        QTest::newRow("several types")
            << R"({"type":["string","integer"],"description":"Id."})"
            << R"({"anyOf":[{"type":"string"},{"type":"integer"}],"description":"Id."})";
        QTest::newRow("const") << R"({"const":"EUR"})"
                               << R"({"enum":["EUR"],"type":"string"})";
        QTest::newRow("enum of numbers")
            << R"({"type":"integer","enum":[1,2,3],"description":"Priority."})"
            << R"({"description":"Priority. Allowed values: 1, 2, 3.","type":"integer"})";
        QTest::newRow("untyped enum of integers")
            << R"({"enum":[1,2,null]})"
            << R"({"description":"Allowed values: 1, 2.","nullable":true,"type":"integer"})";
        QTest::newRow("untyped enum of booleans")
            << R"({"enum":[true,false]})"
            << R"({"description":"Allowed values: true, false.","type":"boolean"})";
        QTest::newRow("enum with null") << R"({"enum":["a","b",null]})"
                                        << R"({"enum":["a","b"],"nullable":true,"type":"string"})";
        QTest::newRow("unknown format")
            << R"({"type":"string","format":"email","description":"Who."})"
            << R"({"description":"Who. Format: email.","type":"string"})";
        QTest::newRow("known formats")
            << R"({"type":"object","properties":{"t":{"type":"string","format":"date-time"},"n":{"type":"integer","format":"int64"}}})"
            << R"({"properties":{"n":{"format":"int64","type":"integer"},"t":{"format":"date-time","type":"string"}},"type":"object"})";
        QTest::newRow("ref with description")
            << R"({"type":"object","properties":{"p":{"$ref":"#/$defs/P","description":"d"}},"$defs":{"P":{"type":"object","properties":{"x":{"type":"number"}}}}})"
            << R"({"properties":{"p":{"description":"d","properties":{"x":{"type":"number"}},"type":"object"}},"type":"object"})";
        QTest::newRow("recursive ref")
            << R"({"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}}})"
            << R"({"properties":{"children":{"items":{"type":"object"},"type":"array"}},"type":"object"})";
        QTest::newRow("unknown ref") << R"({"$ref":"https://example.com/schema.json"})"
                                     << R"({"type":"object"})";
        QTest::newRow("allOf")
            << R"({"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]},{"properties":{"b":{"type":"integer"}},"required":["b"]}]})"
            << R"({"properties":{"a":{"type":"string"},"b":{"type":"integer"}},"required":["a","b"],"type":"object"})";
        QTest::newRow("required without property")
            << R"({"type":"object","properties":{"a":{"type":"string"}},"required":["a","zzz"]})"
            << R"({"properties":{"a":{"type":"string"}},"required":["a"],"type":"object"})";
        QTest::newRow("untyped") << R"({"description":"anything"})"
                                 << R"({"description":"anything","type":"string"})";
        QTest::newRow("tuple items")
            << R"({"type":"array","items":[{"type":"number"},{"type":"string"}]})"
            << R"({"items":{"type":"number"},"type":"array"})";
        QTest::newRow("boolean schema") << "true"
                                        << R"({"type":"string"})";
    }
    void convertsSchemas()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto schema = parseJson(input.toUtf8());
        QVERIFY(schema.ok());
        QCOMPARE(toQ(geminiSchema(*schema).dump()), expected);
    }

    void sameSchemaGivesSameBytes()
    {
        auto schema = parseJson(
            R"({"type":"object","properties":{"b":{"type":["integer","null"]},"a":{"oneOf":[{"type":"string"},{"type":"number"}]}}})");
        QVERIFY(schema.ok());
        QCOMPARE(canonicalJson(geminiSchema(*schema)), canonicalJson(geminiSchema(*schema)));
    }
};

QTEST_GUILESS_MAIN(TestGeminiSchema)
#include "TestGeminiSchema.moc"
