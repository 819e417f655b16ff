// The approval card's PDF preview reads the attachment as send_email would: a real file inside the
// workspace is shown; a link out of it, a pipe or the store is refused at once with the reason on
// the card, and nothing outside is shown.

#include <QPageSize>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "chat/ApprovalPanel.h"
#include "engine/RunState.h"
#include "store/Workspace.h"
#include "support/HostileFiles.h"

using namespace awb;
using awb::ui::ApprovalPanel;

namespace {

bool writePdf(const QString& path, const QString& text)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    painter.drawText(QPointF(100, 100), text);
    return painter.end();
}

StepState approvalFor(const QString& attachment, int n)
{
    StepState s;
    s.id = QStringLiteral("s%1").arg(n);
    s.kind = StepKind::Approval;
    s.status = StepStatus::WaitingApproval;
    s.name = QStringLiteral("send_email");
    s.arguments = {{"to", {"cfo@example.com"}},
                   {"subject", "Q3"},
                   {"body", "attached"},
                   {"attachments", {toStd(attachment)}}};
    return s;
}

} // namespace

class TestApprovalPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void attachmentInsideTheWorkspaceIsPreviewed();
    void attachmentOutsideOrNotARegularFileIsNotPreviewed_data();
    void attachmentOutsideOrNotARegularFileIsNotPreviewed();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_outside;
    int m_step = 0;
};

void TestApprovalPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_outside = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_outside->isValid());
    QVERIFY(Workspace::create(m_dir->path(), QStringLiteral("approval")).ok());
}

void TestApprovalPanel::attachmentInsideTheWorkspaceIsPreviewed()
{
    QVERIFY(writePdf(m_dir->filePath(QStringLiteral("reports/q3.pdf")), QStringLiteral("Q3")));
    ApprovalPanel panel;
    panel.setWorkspaceRoot(m_dir->path());
    QSignalSpy finished(&panel, &ApprovalPanel::previewFinished);
    panel.showRequest(approvalFor(QStringLiteral("reports/q3.pdf"), ++m_step),
                      QStringLiteral("external_effect"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(panel.previewDocument()->pageCount(), 1);
}

void TestApprovalPanel::attachmentOutsideOrNotARegularFileIsNotPreviewed_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason"); // on the card
    QTest::newRow("link to outside") << "link"
                                     << "symbolic link";
    QTest::newRow("folder link to outside") << "folder link"
                                            << "symbolic link";
    QTest::newRow("named pipe") << "named pipe"
                                << "not a regular file";
    QTest::newRow("store via hard link") << "store"
                                         << "store";
}

void TestApprovalPanel::attachmentOutsideOrNotARegularFileIsNotPreviewed()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    // A real PDF outside, so that reading it would show it.
    QVERIFY(QDir().mkpath(m_outside->filePath(QStringLiteral("dir"))));
    QVERIFY(
        writePdf(m_outside->filePath(QStringLiteral("dir/secret.pdf")), QStringLiteral("OUTSIDE")));
    const QString reports = m_dir->filePath(QStringLiteral("reports"));
    QString attachment = QStringLiteral("reports/hostile.pdf");
    if (kind == QLatin1String("link")) {
        QVERIFY(test::makeSymlink(m_outside->filePath(QStringLiteral("dir/secret.pdf")),
                                  reports + QStringLiteral("/hostile.pdf")));
    } else if (kind == QLatin1String("folder link")) {
        QVERIFY(test::makeSymlink(m_outside->filePath(QStringLiteral("dir")),
                                  reports + QStringLiteral("/linked")));
        attachment = QStringLiteral("reports/linked/secret.pdf");
    } else if (kind == QLatin1String("named pipe")) {
        QVERIFY(test::makeFifo(reports + QStringLiteral("/hostile.pdf")));
    } else {
        const QString db = test::storeFile(m_dir->path());
        QVERIFY(QFile::remove(db));
        QVERIFY(writePdf(db, QStringLiteral("STORE")));
        QVERIFY(test::makeHardLink(db, reports + QStringLiteral("/hostile.pdf")));
    }
    ApprovalPanel panel;
    panel.setWorkspaceRoot(m_dir->path());
    QSignalSpy finished(&panel, &ApprovalPanel::previewFinished);
    panel.showRequest(approvalFor(attachment, ++m_step), QStringLiteral("external_effect"));
    QVERIFY2(finished.wait(10000), "the preview neither loaded nor failed");
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString message = finished.first().at(1).toString();
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY(panel.previewDocument()->status() != QPdfDocument::Status::Ready);
}

QTEST_MAIN(TestApprovalPanel)
#include "TestApprovalPanel.moc"
