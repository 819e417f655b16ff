// The audit model over a 100,000-entry trail: it loads one page at a time by keyset, grows as it
// is asked for more, filters in SQL, drops stale pages and stays a well-formed item model.

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "audit/AuditModel.h"
#include "security/AuditTrail.h"
#include "store/Migrations.h"

using namespace awb;
using awb::ui::AuditFilter;
using awb::ui::AuditModel;
using awb::ui::AuditOrder;

namespace {
constexpr qint64 kEntries = 100000;
constexpr int kTimeoutMs = 30000;
const char* const kBroken = "{\"tool\":\"send_email\", broken";
const QDateTime kStart = QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
const char* const kKinds[] = {"run.started", "model.request", "tool.call", "tool.result",
                              "approval.decided"};
const char* const kTools[] = {"sql_query", "send_email", "render_report"};

// Entry seq of the generated trail, as a plain description the expectations are computed from.
struct Spec
{
    QString run, actor, kind, tool, note;
    QDateTime time;
};
Spec specOf(qint64 seq)
{
    Spec s;
    s.run = QStringLiteral("run-%1").arg(seq % 100);
    s.actor = seq % 4 == 0 ? QStringLiteral("gui:alice") : QStringLiteral("agent:reconciler");
    s.kind = QString::fromLatin1(kKinds[seq % 5]);
    if (seq % 5 == 2 || seq % 5 == 3)
        s.tool = QString::fromLatin1(kTools[(seq / 5) % 3]);
    s.note =
        seq % 25000 == 123 ? QStringLiteral("a needle in the haystack") : QStringLiteral("routine");
    s.time = kStart.addSecs(seq);
    return s;
}

bool matches(const Spec& s, const AuditFilter& f)
{
    return (f.runId.isEmpty() || s.run == f.runId) && (f.actor.isEmpty() || s.actor == f.actor) &&
           (f.kind.isEmpty() || s.kind == f.kind) && (f.tool.isEmpty() || s.tool == f.tool) &&
           (f.text.isEmpty() || s.note.contains(f.text, Qt::CaseInsensitive)) &&
           (!f.from.isValid() || s.time >= f.from) && (!f.to.isValid() || s.time < f.to);
}

bool waitForPage(AuditModel& model)
{
    QSignalSpy spy(&model, &AuditModel::pageLoaded);
    return spy.wait(kTimeoutMs);
}
} // namespace

Q_DECLARE_METATYPE(awb::ui::AuditFilter)

class TestAuditModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void firstFetchLoadsOnePageNewestFirst();
    void fetchMoreAppendsTheNextPageInOrder();
    void pagesAreLoadedOnlyWhenAsked();
    void anchorStartsTheListingAtAnEntryDeepInTheTrail();
    void listingEndsAtTheLastEntry();
    void filterReducesTheRowsToMatchingEntries_data();
    void filterReducesTheRowsToMatchingEntries();
    void newerQueryDropsTheStalePage();
    void modelPassesTheItemModelTester();
    void entryWhoseDataIsNotJsonStillListsAndFilters();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestAuditModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("workspace.db"));
    auto db = store::openWorkspaceDatabase(m_db);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.errorMessage()));
    const AuditTrail trail(QByteArrayLiteral("test-audit-key"));
    QElapsedTimer timer;
    timer.start();
    for (qint64 seq = 1; seq <= kEntries;) {
        sql::Transaction tx(*db);
        QVERIFY(tx.beginStatus().ok());
        for (int i = 0; i < 20000 && seq <= kEntries; ++i, ++seq) {
            const Spec s = specOf(seq);
            Json data = {{"note", toStd(s.note)}, {"step", seq % 7}};
            if (!s.tool.isEmpty())
                data["tool"] = toStd(s.tool);
            auto entry = trail.append(*db, s.actor, s.kind, s.run, data, s.time);
            QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.errorMessage()));
        }
        QVERIFY(tx.commit().ok());
    }
    qInfo("built %lld audit entries in %lld ms", kEntries, timer.elapsed());
}

void TestAuditModel::firstFetchLoadsOnePageNewestFirst()
{
    AuditModel model;
    QElapsedTimer timer;
    timer.start();
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    qInfo("first page of %d entries shown after %lld ms", model.rowCount(), timer.elapsed());
    QCOMPARE(model.rowCount(), AuditModel::kPageSize);
    QCOMPARE(model.index(0, 0).data(AuditModel::SeqRole).toLongLong(), kEntries);
    QCOMPARE(model.index(0, AuditModel::KindColumn).data().toString(), specOf(kEntries).kind);
    QCOMPARE(model.index(0, AuditModel::RunColumn).data().toString(), specOf(kEntries).run);
    QVERIFY(model.canFetchMore({}));
    QTRY_COMPARE_WITH_TIMEOUT(model.matchingCount().value_or(-1), kEntries, kTimeoutMs);
}

void TestAuditModel::fetchMoreAppendsTheNextPageInOrder()
{
    AuditModel model;
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({})); // one page in flight at a time
    QVERIFY(waitForPage(model));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), AuditModel::kPageSize);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2 * AuditModel::kPageSize - 1);
    QCOMPARE(model.rowCount(), 2 * AuditModel::kPageSize);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(AuditModel::SeqRole).toLongLong(), kEntries - row);
}

void TestAuditModel::pagesAreLoadedOnlyWhenAsked()
{
    AuditModel model;
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    for (int page = 2; page <= 10; ++page) {
        model.fetchMore({});
        QVERIFY(waitForPage(model));
        QCOMPARE(model.rowCount(), page * AuditModel::kPageSize);
    }
    // Nothing arrives unasked: the trail stays 95,000 entries short of loaded.
    QTest::qWait(50);
    QCOMPARE(model.rowCount(), 10 * AuditModel::kPageSize);
    QCOMPARE(model.rowOfSeq(kEntries - 10 * AuditModel::kPageSize), -1);
    QCOMPARE(model.rowOfSeq(kEntries - 10 * AuditModel::kPageSize + 1),
             10 * AuditModel::kPageSize - 1);
}

void TestAuditModel::anchorStartsTheListingAtAnEntryDeepInTheTrail()
{
    AuditModel model;
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    model.setQuery({}, AuditOrder::OldestFirst, 54321);
    QVERIFY(waitForPage(model));
    QCOMPARE(model.rowCount(), AuditModel::kPageSize);
    QCOMPARE(model.rowOfSeq(54321), 0);
    QCOMPARE(model.rowOfSeq(54320), -1);
    QCOMPARE(model.entry(AuditModel::kPageSize - 1)->seq, 54321 + AuditModel::kPageSize - 1);
}

void TestAuditModel::listingEndsAtTheLastEntry()
{
    AuditModel model;
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    model.setQuery({}, AuditOrder::OldestFirst, kEntries - 200);
    QVERIFY(waitForPage(model));
    QCOMPARE(model.rowCount(), 201);
    QVERIFY(model.atEnd());
    QVERIFY(!model.canFetchMore({}));
}

void TestAuditModel::filterReducesTheRowsToMatchingEntries_data()
{
    QTest::addColumn<AuditFilter>("filter");
    auto row = [](const char* name, AuditFilter f) {
        QTest::newRow(name) << f;
    };
    AuditFilter f;
    f.runId = QStringLiteral("run-7");
    row("run", f);
    f = {};
    f.actor = QStringLiteral("gui:alice");
    row("actor", f);
    f = {};
    f.kind = QStringLiteral("tool.result");
    row("kind", f);
    f = {};
    f.tool = QStringLiteral("send_email");
    row("tool", f);
    f = {};
    f.text = QStringLiteral("NEEDLE");
    row("full text, any case", f);
    f = {};
    f.from = kStart.addSecs(40000);
    f.to = kStart.addSecs(41000);
    row("time range", f);
    f = {};
    f.runId = QStringLiteral("run-12");
    f.kind = QStringLiteral("tool.call");
    f.tool = QStringLiteral("sql_query");
    row("run, kind and tool", f);
    f = {};
    f.text = QStringLiteral("r%e_");
    row("like wildcards are literal", f);
}

void TestAuditModel::filterReducesTheRowsToMatchingEntries()
{
    QFETCH(AuditFilter, filter);
    qint64 expected = 0;
    qint64 newest = 0;
    for (qint64 seq = 1; seq <= kEntries; ++seq) {
        if (matches(specOf(seq), filter)) {
            ++expected;
            newest = seq;
        }
    }
    AuditModel model;
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    model.setQuery(filter, AuditOrder::NewestFirst);
    QVERIFY(waitForPage(model));
    QCOMPARE(model.rowCount(), int(std::min<qint64>(expected, AuditModel::kPageSize)));
    if (expected > 0)
        QCOMPARE(model.entry(0)->seq, newest);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY2(matches(specOf(model.entry(r)->seq), filter),
                 qPrintable(QString::number(model.entry(r)->seq)));
    QTRY_COMPARE_WITH_TIMEOUT(model.matchingCount().value_or(-1), expected, kTimeoutMs);
}

void TestAuditModel::newerQueryDropsTheStalePage()
{
    AuditModel model;
    model.setDatabase(m_db);
    AuditFilter alice;
    alice.actor = QStringLiteral("gui:alice");
    model.setQuery(alice, AuditOrder::NewestFirst);
    AuditFilter result;
    result.kind = QStringLiteral("tool.result");
    model.setQuery(result, AuditOrder::NewestFirst);
    QSignalSpy pages(&model, &AuditModel::pageLoaded);
    QVERIFY(pages.wait(kTimeoutMs));
    QCOMPARE(model.rowCount(), AuditModel::kPageSize);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r, AuditModel::KindColumn).data().toString(), result.kind);
    QTest::qWait(50);
    QCOMPARE(pages.count(), 1); // the two superseded listings never reported
}

void TestAuditModel::modelPassesTheItemModelTester()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    model.fetchMore({});
    QVERIFY(waitForPage(model));
    model.setMarkedSeq(kEntries - 3);
    QVERIFY(model.index(3, 0).data(AuditModel::MarkedRole).toBool());
    AuditFilter f;
    f.kind = QStringLiteral("tool.call");
    model.setQuery(f, AuditOrder::OldestFirst);
    QVERIFY(waitForPage(model));
    model.setDatabase({});
    QCOMPARE(model.rowCount(), 0);
}

// Last: it alters the shared trail.
void TestAuditModel::entryWhoseDataIsNotJsonStillListsAndFilters()
{
    {
        auto db = sql::Database::open(m_db, sql::OpenMode::ReadWrite);
        QVERIFY(db.ok());
        // Looks like a send_email entry to a text search, but is not JSON.
        QVERIFY(db->exec(QStringLiteral("UPDATE audit SET data = '%1' WHERE seq = %2")
                             .arg(QString::fromLatin1(kBroken))
                             .arg(kEntries - 1))
                    .ok());
    }
    AuditModel model;
    model.setDatabase(m_db);
    QVERIFY(waitForPage(model));
    QCOMPARE(model.index(1, AuditModel::SummaryColumn).data().toString(),
             QString::fromLatin1(kBroken));
    // A tool filter evaluates JSON on every row: the broken one must not fail the query.
    AuditFilter f;
    f.tool = QStringLiteral("send_email");
    QSignalSpy errors(&model, &AuditModel::errorOccurred);
    model.setQuery(f, AuditOrder::NewestFirst);
    QVERIFY(waitForPage(model));
    QCOMPARE(errors.count(), 0);
    QCOMPARE(model.rowCount(), AuditModel::kPageSize);
}

QTEST_MAIN(TestAuditModel)
#include "TestAuditModel.moc"
