// The audit view driven like an auditor would: verify an intact trail, find an entry altered in
// the database and land on it, filter with the controls, see an entry as signed, export.

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScopeGuard>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <QUuid>

#include "audit/AuditView.h"
#include "security/AuditAnchor.h"
#include "security/AuditTrail.h"
#include "security/Keychain.h"
#include "store/Migrations.h"

using namespace awb;
using awb::ui::AuditFilter;
using awb::ui::AuditModel;
using awb::ui::AuditTaskOutcome;
using awb::ui::AuditView;

namespace {
constexpr qint64 kEntries = 100000;
constexpr qint64 kAltered = 54321;
constexpr int kTimeoutMs = 60000;
const QByteArray kKey = QByteArrayLiteral("test-audit-key-for-the-view");
const QDateTime kStart = QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);

QString kindOf(qint64 seq)
{
    return seq % 2 ? QStringLiteral("tool.call") : QStringLiteral("tool.result");
}
QString runOf(qint64 seq)
{
    return QStringLiteral("run-%1").arg(seq % 50);
}

AuditTaskOutcome waitForTask(AuditView& view)
{
    QSignalSpy finished(&view, &AuditView::taskFinished);
    if (!finished.wait(kTimeoutMs))
        return {};
    return finished.at(0).at(0).value<AuditTaskOutcome>();
}

bool waitForPage(AuditView& view)
{
    QSignalSpy spy(view.model(), &AuditModel::pageLoaded);
    return spy.wait(kTimeoutMs);
}

qint64 currentSeq(const AuditView& view)
{
    return view.table()->currentIndex().data(AuditModel::SeqRole).toLongLong();
}
} // namespace

Q_DECLARE_METATYPE(awb::ui::AuditTaskOutcome)

class TestAuditView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void verifyReportsAnIntactChainAndItsHead();
    void verifyFindsTheAlteredEntryAndSelectsIt();
    void verifyFindsADeletedEntryAndSelectsWhereItWas();
    void cancelledVerificationSaysSo();
    void theKeychainAnchorIsShownAndHoldsTheTrail();
    void searchBoxFiltersTheTable();
    void selectingAnEntryShowsItsCanonicalJson();
    void csvExportWritesTheFilteredRows();
    void jsonlExportWritesTheWholeTrail();
    void controlsHaveObjectAndAccessibleNames();
    void screenshot();

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<AuditView> m_view;
};

void TestAuditView::initTestCase()
{
    qRegisterMetaType<AuditTaskOutcome>();
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("workspace.db"));
    auto db = store::openWorkspaceDatabase(m_db);
    QVERIFY(db.ok());
    const AuditTrail trail(kKey);
    sql::Transaction tx(*db);
    for (qint64 seq = 1; seq <= kEntries; ++seq) {
        const Json data = {{"tool", seq % 3 ? "sql_query" : "send_email"},
                           {"step", seq % 9},
                           {"amount", "1234.50"}};
        auto entry = trail.append(
            *db, seq % 4 ? QStringLiteral("agent:reconciler") : QStringLiteral("gui:alice"),
            kindOf(seq), runOf(seq), data, kStart.addSecs(seq));
        QVERIFY(entry.ok());
    }
    QVERIFY(tx.commit().ok());
}

void TestAuditView::init()
{
    m_view = std::make_unique<AuditView>();
    m_view->resize(1180, 640);
    m_view->setWorkspace(m_db, std::make_shared<AuditTrail>(kKey));
    QVERIFY(waitForPage(*m_view));
}

void TestAuditView::verifyReportsAnIntactChainAndItsHead()
{
    auto head = [this] {
        auto db = sql::Database::open(m_db, sql::OpenMode::ReadOnly);
        return AuditTrail::head(*db)->mac;
    }();
    auto* progress = m_view->findChild<QProgressBar*>(QStringLiteral("auditProgress"));
    QSignalSpy steps(progress, &QProgressBar::valueChanged);
    m_view->verify();
    QVERIFY(m_view->isBusy());
    QVERIFY(progress->isVisibleTo(m_view.get()));
    const AuditTaskOutcome outcome = waitForTask(*m_view);
    // Progress moved through the table before the end (estimated from SQLite's work per row).
    const bool midway = std::any_of(steps.begin(), steps.end(), [](const QList<QVariant>& s) {
        return s.at(0).toInt() > 0 && s.at(0).toInt() < 1000;
    });
    QVERIFY(midway);
    QVERIFY(!progress->isVisibleTo(m_view.get()));
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(outcome.verification && outcome.verification->ok());
    QCOMPARE(outcome.verification->entries, kEntries);
    QVERIFY2(m_view->verificationText().contains(AuditTrail::headString(kEntries, head)),
             qPrintable(m_view->verificationText()));
    QVERIFY(m_view->verificationText().contains(QLocale().toString(kEntries)));
    QVERIFY(!m_view->model()->markedSeq());
}

void TestAuditView::verifyFindsTheAlteredEntryAndSelectsIt()
{
    auto db = sql::Database::open(m_db, sql::OpenMode::ReadWrite);
    QVERIFY(db.ok());
    auto original = db->prepare(QStringLiteral("SELECT data FROM audit WHERE seq = ?"));
    original->bind(1, std::int64_t(kAltered));
    QVERIFY(original->step());
    const QByteArray data = original->textUtf8(0);
    original->reset();
    QVERIFY(db->exec(QStringLiteral("UPDATE audit SET data = replace(data, '1234.50', '9234.50') "
                                    "WHERE seq = %1")
                         .arg(kAltered))
                .ok());

    m_view->verify();
    const AuditTaskOutcome outcome = waitForTask(*m_view);
    // Put the row back before asserting, so that a failure leaves the trail intact for others.
    auto restore = db->prepare(QStringLiteral("UPDATE audit SET data = ? WHERE seq = ?"));
    restore->bind(1, data).bind(2, std::int64_t(kAltered));
    QVERIFY(restore->exec().ok());

    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(outcome.verification);
    QCOMPARE(outcome.verification->firstAltered.value_or(0), kAltered);
    QVERIFY2(m_view->verificationText().contains(QStringLiteral("Altered at entry 54321")),
             qPrintable(m_view->verificationText()));
    // The entry was far beyond the first page: the view loads the trail around it and selects it.
    QTRY_COMPARE_WITH_TIMEOUT(currentSeq(*m_view), kAltered, kTimeoutMs);
    QCOMPARE(m_view->model()->markedSeq().value_or(0), kAltered);
    QVERIFY(m_view->table()->currentIndex().data(AuditModel::MarkedRole).toBool());
    QVERIFY(m_view->model()->rowCount() <= 2 * AuditModel::kPageSize);
    auto* detail = m_view->findChild<QPlainTextEdit*>(QStringLiteral("auditDetail"));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("\"seq\": 54321")));
}

void TestAuditView::verifyFindsADeletedEntryAndSelectsWhereItWas()
{
    constexpr qint64 kDeleted = 30000;
    auto db = sql::Database::open(m_db, sql::OpenMode::ReadWrite);
    QVERIFY(db.ok());
    QVERIFY(
        db->exec(QStringLiteral("CREATE TEMP TABLE saved AS SELECT * FROM audit WHERE seq = %1; "
                                "DELETE FROM audit WHERE seq = %1")
                     .arg(kDeleted))
            .ok());
    // The row comes back only after the view has revealed the gap (it loads pages while it
    // reveals, and would otherwise find the restored row), and also when an assertion fails.
    auto restore = qScopeGuard([&db] {
        QVERIFY(db->exec(QStringLiteral("INSERT INTO audit SELECT * FROM saved; DROP TABLE saved")).ok());
    });
    m_view->verify();
    const AuditTaskOutcome outcome = waitForTask(*m_view);

    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.verification->firstAltered.value_or(0), kDeleted);
    QVERIFY2(outcome.message.contains(QStringLiteral("missing")), qPrintable(outcome.message));
    // Newest first, the row after the gap is the next older entry.
    QTRY_COMPARE_WITH_TIMEOUT(currentSeq(*m_view), kDeleted - 1, kTimeoutMs);
}

void TestAuditView::cancelledVerificationSaysSo()
{
    m_view->verify();
    m_view->cancelTask();
    const AuditTaskOutcome outcome = waitForTask(*m_view);
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.verification);
    QVERIFY2(outcome.message.contains(QStringLiteral("cancelled")), qPrintable(outcome.message));
    QVERIFY(!m_view->isBusy());
}

void TestAuditView::theKeychainAnchorIsShownAndHoldsTheTrail()
{
    if (Keychain::probe() != Keychain::State::Available) {
        if (qEnvironmentVariable("AWB_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL("no unlocked keychain (AWB_REQUIRE_KEYCHAIN=1)");
        QSKIP("no unlocked keychain");
    }
    // The keychain remembers a head five entries past the end of this trail: its tail was cut.
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    auto cleanup = qScopeGuard([&id] { (void)Keychain::remove(AuditAnchor::keychainEntry(id)); });
    AuditAnchor anchor;
    anchor.seq = kEntries + 5;
    anchor.mac = QString(64, QLatin1Char('c'));
    anchor.keyFingerprint = AuditTrail(kKey).keyFingerprint();
    anchor.updatedAt = QStringLiteral("2026-12-01T10:00:00.000Z");
    QVERIFY(Keychain::write(AuditAnchor::keychainEntry(id), anchor.toText()).ok());
    m_view->setWorkspace(m_db, std::make_shared<AuditTrail>(kKey), id);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->anchorText().contains(QLocale().toString(kEntries + 5)),
                             kTimeoutMs);
    QVERIFY2(m_view->anchorText().startsWith(QLatin1String("Anchored in the keychain")),
             qPrintable(m_view->anchorText()));
    m_view->verify();
    const AuditTaskOutcome outcome = waitForTask(*m_view);
    QVERIFY(outcome.verification);
    QVERIFY(!outcome.verification->ok());
    QCOMPARE(outcome.verification->firstAltered, std::optional<qint64>(kEntries + 1));
    QVERIFY2(m_view->verificationText().contains(QLatin1String("anchor")),
             qPrintable(m_view->verificationText()));

    // Without an anchor the view says so instead of implying one.
    m_view->setWorkspace(m_db, std::make_shared<AuditTrail>(kKey),
                         QUuid::createUuid().toString(QUuid::Id128));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->anchorText().startsWith(QLatin1String("Not anchored")),
                             kTimeoutMs);
}

void TestAuditView::searchBoxFiltersTheTable()
{
    auto* kind = m_view->findChild<QComboBox*>(QStringLiteral("auditKindFilter"));
    auto* run = m_view->findChild<QComboBox*>(QStringLiteral("auditRunFilter"));
    QSignalSpy pages(m_view->model(), &AuditModel::pageLoaded);
    run->setCurrentText(QStringLiteral("run-7"));
    QTest::keyClicks(kind->lineEdit(), QStringLiteral("tool.call"));
    QVERIFY(pages.wait(kTimeoutMs));
    QCOMPARE(m_view->model()->filter().runId, QStringLiteral("run-7"));
    QCOMPARE(m_view->model()->filter().kind, QStringLiteral("tool.call"));
    QCOMPARE(m_view->model()->rowCount(), AuditModel::kPageSize); // of 2,000: seq 7, 57, ...
    for (int r = 0; r < m_view->model()->rowCount(); ++r) {
        const qint64 seq = m_view->model()->entry(r)->seq;
        QCOMPARE(runOf(seq), QStringLiteral("run-7"));
        QCOMPARE(kindOf(seq), QStringLiteral("tool.call"));
    }
}

void TestAuditView::selectingAnEntryShowsItsCanonicalJson()
{
    m_view->table()->setCurrentIndex(m_view->model()->index(2, 0));
    auto* detail = m_view->findChild<QPlainTextEdit*>(QStringLiteral("auditDetail"));
    auto parsed = parseJson(detail->toPlainText().toUtf8());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->at("seq").get<qint64>(), kEntries - 2);
    // What is shown is what was signed: the mac recomputes from it.
    const QString mac = toQ(parsed->at("mac").get<std::string>());
    parsed->erase("mac");
    QCOMPARE(AuditTrail(kKey).macOf(canonicalJson(*parsed)), mac);
}

void TestAuditView::csvExportWritesTheFilteredRows()
{
    AuditFilter f;
    f.runId = QStringLiteral("run-7");
    f.kind = QStringLiteral("tool.call");
    m_view->setFilter(f);
    QVERIFY(waitForPage(*m_view));
    const QString path = m_dir.filePath(QStringLiteral("filtered.csv"));
    m_view->exportCsv(path);
    const AuditTaskOutcome outcome = waitForTask(*m_view);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("seq,time,actor,kind,run_id,data,prev,mac\r"));
    QCOMPARE(lines.size(), 1 + 2000 + 1); // header, the rows, and the empty rest after the last
    qint64 previous = 0;
    for (int i = 1; i <= 2000; ++i) {
        const QList<QByteArray> fields = lines[i].split(',');
        const qint64 seq = fields[0].toLongLong();
        QVERIFY(seq > previous); // in seq order
        previous = seq;
        QCOMPARE(QString::fromUtf8(fields[3]), QStringLiteral("tool.call"));
        QCOMPARE(QString::fromUtf8(fields[4]), QStringLiteral("run-7"));
    }
    QVERIFY(lines[1].contains("\"{\"\"amount\"\":\"\"1234.50\"\"")); // data quoted per RFC 4180
}

void TestAuditView::jsonlExportWritesTheWholeTrail()
{
    AuditFilter f;
    f.kind = QStringLiteral("tool.call");
    m_view->setFilter(f); // the JSONL export is the whole chain, whatever the filter
    const QString path = m_dir.filePath(QStringLiteral("trail.jsonl"));
    m_view->exportJsonl(path);
    const AuditTaskOutcome outcome = waitForTask(*m_view);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    qint64 lines = 0;
    QByteArray last;
    while (!file.atEnd()) {
        last = file.readLine();
        ++lines;
    }
    QCOMPARE(lines, kEntries);
    auto entry = parseJson(last.trimmed());
    QVERIFY(entry.ok());
    QCOMPARE(entry->at("seq").get<qint64>(), kEntries);
}

void TestAuditView::controlsHaveObjectAndAccessibleNames()
{
    const auto widgets = m_view->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                             qobject_cast<QAbstractButton*>(w) ||
                             qobject_cast<QAbstractItemView*>(w);
        QWidget* parent = w->parentWidget();
        if (!control || qobject_cast<QLineEdit*>(parent) || qobject_cast<QComboBox*>(parent) ||
            qobject_cast<QAbstractSpinBox*>(parent) || qobject_cast<QAbstractItemView*>(parent) ||
            w->window() != m_view.get())
            continue; // parts of a control (a combo box's editor and popup, a table's corner)
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestAuditView::screenshot()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->verify();
    QVERIFY(waitForTask(*m_view).ok);
    m_view->table()->setCurrentIndex(m_view->model()->index(1, 0));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->model()->matchingCount().has_value(), kTimeoutMs);
    QTest::qWait(50);
    const QDir dir(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    QVERIFY(m_view->grab().save(dir.filePath(QStringLiteral("audit.png"))));
}

QTEST_MAIN(TestAuditView)
#include "TestAuditView.moc"
