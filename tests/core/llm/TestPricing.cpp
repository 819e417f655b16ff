// The price table: the shipped resource, lookups by exact name and dated prefix, exact costs in
// micro-dollars, budget estimates and the workspace overlay (refused at once when it is a pipe, a
// device or too large).

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include "llm/Pricing.h"
#include "support/HostileFiles.h"

using namespace awb;
using namespace awb::llm;

namespace {
Pricing shipped()
{
    auto p = Pricing::load();
    if (!p)
        qFatal("the shipped price table does not load: %s", qPrintable(p.errorMessage()));
    return std::move(p).value();
}

QString writeFile(const QTemporaryDir& dir, const QByteArray& content)
{
    const QString path = dir.filePath(QStringLiteral("pricing.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}
} // namespace

class TestPricing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsTheShippedTable();
    void sharesOneBuiltinTable();
    void findsModelsByExactNameThenLongestPrefix_data();
    void findsModelsByExactNameThenLongestPrefix();
    void computesCostsExactly_data();
    void computesCostsExactly();
    void hasNoCostForAnUnknownModel();
    void estimatesTheMostACallCanCost();
    void refusesToEstimateAnUnknownModel();
    void workspaceFileAddsAndOverridesModels();
    void missingWorkspaceFileMeansNoOverlay();
    void rejectsABadOverlayAndKeepsTheTable_data();
    void rejectsABadOverlayAndKeepsTheTable();
    void overlayThatIsNoRegularFileIsRefusedAtOnce_data();
    void overlayThatIsNoRegularFileIsRefusedAtOnce();
};

void TestPricing::loadsTheShippedTable()
{
    const Pricing p = shipped();
    QCOMPARE(p.date(), QStringLiteral("2026-11-01"));
    QCOMPARE(p.currency(), QStringLiteral("USD"));
    QVERIFY(p.size() >= 30);
    const auto mini = p.priceFor(QStringLiteral("gpt-4o-mini"));
    QVERIFY(mini);
    QCOMPARE(mini->input.toString(3), QStringLiteral("0.150"));
    QCOMPARE(mini->cachedInput.toString(3), QStringLiteral("0.075"));
    QCOMPARE(mini->output.toString(2), QStringLiteral("0.60"));
    // A model without a cached price is charged the input price for cached tokens.
    const auto turbo = p.priceFor(QStringLiteral("gpt-4-turbo"));
    QVERIFY(turbo);
    QCOMPARE(turbo->cachedInput, turbo->input);
    for (const char* family : {"claude-sonnet-4-5", "gemini-2.5-flash", "llama3.1"})
        QVERIFY2(p.priceFor(QLatin1String(family)), family);
}

void TestPricing::sharesOneBuiltinTable()
{
    const auto a = Pricing::builtin();
    QVERIFY(a);
    QCOMPARE(a.get(), Pricing::builtin().get());
    QCOMPARE(a->date(), QStringLiteral("2026-11-01"));
}

void TestPricing::findsModelsByExactNameThenLongestPrefix_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("match"); // empty: unknown
    const auto row = [](const char* model, const char* match) {
        QTest::newRow(model) << QString::fromLatin1(model) << QString::fromLatin1(match);
    };
    row("gpt-4o-mini", "gpt-4o-mini");
    row("gpt-4o-mini-2024-07-18", "gpt-4o-mini");
    row("gpt-4o-2024-08-06", "gpt-4o");
    row("GPT-4o", "gpt-4o");
    row("gpt-4.1-mini-2025-04-14", "gpt-4.1-mini");
    row("o3-mini-2025-01-31", "o3-mini");
    row("claude-3-5-sonnet-20241022", "claude-3-5-sonnet");
    row("claude-sonnet-4-5-20250929", "claude-sonnet-4-5");
    row("claude-opus-4-1-20250805", "claude-opus-4-1");
    row("gemini-2.5-flash-lite", "gemini-2.5-flash-lite");
    row("gemini-2.5-flash-preview-05-20", "gemini-2.5-flash");
    row("llama3.1:8b", "llama3.1");
    row("qwen2.5-coder:7b", "qwen2.5-coder");
    row("gpt-4", "");
    row("gpt-4o1", "");
    row("acme-llm", "");
    row("", "");
}

void TestPricing::findsModelsByExactNameThenLongestPrefix()
{
    QFETCH(QString, model);
    QFETCH(QString, match);
    const Pricing p = shipped();
    QCOMPARE(p.matchFor(model).value_or(QString()), match);
    QCOMPARE(p.priceFor(model).has_value(), !match.isEmpty());
}

void TestPricing::computesCostsExactly_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("micros");

    QTest::newRow("small call") << "gpt-4o-mini" << qint64(1000) << qint64(0) << qint64(500)
                                << qint64(450);
    QTest::newRow("cached input at its price")
        << "gpt-4o-mini" << qint64(1'000'000) << qint64(400'000) << qint64(1'000'000)
        << qint64(720'000);
    QTest::newRow("dated name") << "gpt-4o-2024-08-06" << qint64(10'000) << qint64(0)
                                << qint64(1000) << qint64(35'000);
    QTest::newRow("anthropic") << "claude-sonnet-4-5" << qint64(3) << qint64(0) << qint64(0)
                               << qint64(9);
    QTest::newRow("rounds down below half") << "gemini-1.5-flash" << qint64(6) << qint64(0)
                                            << qint64(0) << qint64(0); // 0.45 micro-dollars
    QTest::newRow("rounds half up") << "gemini-1.5-flash" << qint64(20) << qint64(0) << qint64(0)
                                    << qint64(2); // 1.5 micro-dollars
    QTest::newRow("large run") << "claude-opus-4-1" << qint64(50'000'000) << qint64(10'000'000)
                               << qint64(2'000'000)
                               << qint64(765'000'000); // 600 + 15 + 150 dollars
    QTest::newRow("local model is free")
        << "llama3.1:70b" << qint64(100'000) << qint64(0) << qint64(100'000) << qint64(0);
    QTest::newRow("more cached than input is clamped")
        << "gpt-4o-mini" << qint64(1000) << qint64(5000) << qint64(0) << qint64(75);
}

void TestPricing::computesCostsExactly()
{
    QFETCH(QString, model);
    QFETCH(qint64, input);
    QFETCH(qint64, cached);
    QFETCH(qint64, output);
    QFETCH(qint64, micros);
    Usage u;
    u.inputTokens = input;
    u.cachedInputTokens = cached;
    u.outputTokens = output;
    const auto cost = shipped().costMicros(model, u);
    QVERIFY(cost);
    QCOMPARE(*cost, micros);
}

void TestPricing::hasNoCostForAnUnknownModel()
{
    Usage u;
    u.inputTokens = 10;
    QVERIFY(!shipped().costMicros(QStringLiteral("acme-llm"), u).has_value());
}

void TestPricing::estimatesTheMostACallCanCost()
{
    const auto cost = shipped().estimateMicros(QStringLiteral("gpt-4o"), 10'000, 4096);
    QVERIFY2(cost, qPrintable(cost ? QString() : cost.errorMessage()));
    QCOMPARE(*cost, qint64(25'000 + 40'960));
}

void TestPricing::refusesToEstimateAnUnknownModel()
{
    const auto cost = shipped().estimateMicros(QStringLiteral("acme-llm"), 10, 10);
    QVERIFY(!cost);
    QCOMPARE(cost.error().code, QStringLiteral("unknown_model_price"));
    QVERIFY(cost.errorMessage().contains(QLatin1String("\"acme-llm\"")));
    QVERIFY(!shipped().estimateMicros(QStringLiteral("gpt-4o"), -1, 10));
}

void TestPricing::workspaceFileAddsAndOverridesModels()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, R"({"schema_version": 1, "date": "2026-12-01",
        "models": {"gpt-4o-mini": {"input": "1", "output": "2"},
                   "acme-llm": {"input": "0.5", "cached_input": "0.1", "output": "1.5"}}})");
    const auto p = Pricing::load(path);
    QVERIFY2(p, qPrintable(p ? QString() : p.errorMessage()));
    QCOMPARE(p->date(), QStringLiteral("2026-12-01"));
    QCOMPARE(p->priceFor(QStringLiteral("gpt-4o-mini"))->input, Decimal::fromInt(1));
    // An override replaces the whole entry: no cached price given, the input price applies.
    QCOMPARE(p->priceFor(QStringLiteral("gpt-4o-mini"))->cachedInput, Decimal::fromInt(1));
    QCOMPARE(p->priceFor(QStringLiteral("acme-llm-v2"))->cachedInput.toString(1),
             QStringLiteral("0.1"));
    QCOMPARE(p->priceFor(QStringLiteral("gpt-4o"))->input.toString(2), QStringLiteral("2.50"));
    QCOMPARE(p->size(), shipped().size() + 1);
}

void TestPricing::missingWorkspaceFileMeansNoOverlay()
{
    QTemporaryDir dir;
    const auto p = Pricing::load(dir.filePath(QStringLiteral("none.json")));
    QVERIFY(p);
    QCOMPARE(p->size(), shipped().size());
}

void TestPricing::rejectsABadOverlayAndKeepsTheTable_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("float price") << QByteArray(
                                        R"({"models": {"x": {"input": 0.15, "output": "1"}}})")
                                 << QStringLiteral("decimal string");
    QTest::newRow("negative price")
        << QByteArray(R"({"models": {"x": {"input": "-1", "output": "1"}}})")
        << QStringLiteral("non-negative");
    QTest::newRow("missing output")
        << QByteArray(R"({"models": {"gpt-4o": {"input": "1"}}})") << QStringLiteral("\"output\"");
    QTest::newRow("other currency")
        << QByteArray(R"({"currency": "EUR", "models": {}})") << QStringLiteral("USD");
    QTest::newRow("no models") << QByteArray(R"({"date": "2026-12-01"})")
                               << QStringLiteral("\"models\"");
    QTest::newRow("not json") << QByteArray("{models: ") << QStringLiteral("pricing.json");
}

void TestPricing::rejectsABadOverlayAndKeepsTheTable()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = writeFile(dir, content);
    Pricing p = shipped();
    const Status s = p.overlayFile(path);
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("invalid_pricing"));
    QVERIFY2(s.errorMessage().contains(mentions), qPrintable(s.errorMessage()));
    QVERIFY2(s.errorMessage().contains(path), qPrintable(s.errorMessage()));
    QCOMPARE(p.priceFor(QStringLiteral("gpt-4o"))->input.toString(2), QStringLiteral("2.50"));
    QVERIFY(!Pricing::load(path));
}

void TestPricing::overlayThatIsNoRegularFileIsRefusedAtOnce_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : test::hostileNamedKinds())
        QTest::newRow(qPrintable(kind)) << kind;
}

void TestPricing::overlayThatIsNoRegularFileIsRefusedAtOnce()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString path = test::plantNamed(kind, dir.path(), 1024LL * 1024 * 1024);
    QVERIFY(!path.isEmpty());
    QElapsedTimer clock;
    clock.start();
    const auto p = Pricing::load(path);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, test::hostileNamedCode(kind));
    QVERIFY2(p.errorMessage().contains(path), qPrintable(p.errorMessage()));
    QVERIFY2(clock.elapsed() < 5000, "refused only after reading");
}

QTEST_GUILESS_MAIN(TestPricing)
#include "TestPricing.moc"
