// The event log: one row per event, but streamed text of a step grows one row instead of adding a
// row per token; incremental updates only.

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "runs/EventLogModel.h"

using namespace awb;
using namespace awb::ui;

namespace {
RunEvent makeEvent(std::int64_t seq, EventKind kind, const QString& step, Json data = Json::object())
{
    RunEvent e;
    e.runId = QStringLiteral("r1");
    e.seq = seq;
    e.time = QDateTime::currentDateTimeUtc();
    e.kind = kind;
    e.stepId = step;
    e.data = std::move(data);
    return e;
}
} // namespace

class TestEventLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamedTextOfAStepIsOneGrowingRow();
    void historyIsCoalescedTheSameWay();
    void eventsOfOtherRunsAndRepeatsAreIgnored();
};

void TestEventLogModel::streamedTextOfAStepIsOneGrowingRow()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(QStringLiteral("r1"), {makeEvent(1, EventKind::RunStarted, {})});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append(makeEvent(2, EventKind::StepStarted, QStringLiteral("s1")));
    for (int i = 0; i < 50; ++i)
        model.append(makeEvent(3 + i, EventKind::TextDelta, QStringLiteral("s1"), {{"text", "word "}}));
    model.append(makeEvent(53, EventKind::ModelResponded, QStringLiteral("s1")));
    QCOMPARE(model.rowCount(), 4); // started, one streamed row, responded
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(changed.count(), 49);
    const QString summary = model.index(2, 4).data().toString();
    QVERIFY2(summary.contains(QLatin1String("50")), qPrintable(summary));
    QVERIFY(summary.contains(QLatin1String("word")));
}

void TestEventLogModel::historyIsCoalescedTheSameWay()
{
    EventLogModel model;
    std::vector<RunEvent> history = {makeEvent(1, EventKind::RunStarted, {})};
    for (int i = 0; i < 5; ++i)
        history.push_back(makeEvent(2 + i, EventKind::TextDelta, QStringLiteral("s1"), {{"text", "a"}}));
    for (int i = 0; i < 3; ++i)
        history.push_back(makeEvent(7 + i, EventKind::TextDelta, QStringLiteral("s3"), {{"text", "b"}}));
    model.setRun(QStringLiteral("r1"), history);
    QCOMPARE(model.rowCount(), 3);
}

void TestEventLogModel::eventsOfOtherRunsAndRepeatsAreIgnored()
{
    EventLogModel model;
    model.setRun(QStringLiteral("r1"), {makeEvent(1, EventKind::RunStarted, {}), makeEvent(2, EventKind::TextDelta, QStringLiteral("s1"), {{"text", "x"}})});
    RunEvent other = makeEvent(3, EventKind::StepStarted, QStringLiteral("s2"));
    other.runId = QStringLiteral("r2");
    model.append(other);
    model.append(makeEvent(2, EventKind::TextDelta, QStringLiteral("s1"), {{"text", "again"}}));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.index(1, 4).data().toString().contains(QLatin1String("again")));
}

QTEST_MAIN(TestEventLogModel)
#include "TestEventLogModel.moc"
