// Tests for the send_email tool against the real SMTP sink: delivery with a PDF attachment,
// STARTTLS with a workspace CA file, AUTH with an injected password source, refusals that record
// nothing, exactly-once by idempotency key (Done and HandedOver), the outbox fallback, and
// workspace containment: no attachment or outbox file leads out of the workspace or into its
// store, whatever links, pipes or swaps the folder holds.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "core/mail/support/MailTestSupport.h"
#include "mail/SendEmailTool.h"
#include "store/Workspace.h"
#include "support/HostileFiles.h"

using awb::EffectJournal;
using awb::Json;
using awb::toQ;

namespace {

const QString kKey = QStringLiteral("run-7/s9");
const QByteArray kMessageId = "<run-7=2Fs9@agent-workbench.local>";

QByteArray pdfBytes()
{
    QByteArray pdf("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    for (int i = 0; i < 20000; ++i)
        pdf += char((i * 31) % 256);
    return pdf + "\n%%EOF\n";
}

} // namespace

class TestSendEmailTool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void deliversWithPdfAttachment();
    void recordsHandedOverThenDone();
    void starttlsTrustsWorkspaceCaFile();
    void authUsesInjectedPasswordSource();
    void wrongPasswordIsClearAndNotShown();
    void missingPasswordSaysHowToStoreIt();
    void rejectedRecipientRecordsNothing();
    void secondCallWithSameKeyReturnsAlreadySent();
    void handedOverStateSendsNothing();
    void journalFailureBeforeDotSendsNothing();
    void outboxFallbackWritesOneEml();
    void environmentUrlOverridesWorkspace();
    void missingAttachmentIsClearError();
    void attachmentOutsideWorkspaceIsRefused();
    void invalidRecipientIsRefused();
    void missingIdempotencyKeyIsRefused();
    void attachmentOutsideOrNotARegularFileIsRefused_data();
    void attachmentOutsideOrNotARegularFileIsRefused();
    void attachmentSwappedForALinkWhileSendingNeverLeaks_data();
    void attachmentSwappedForALinkWhileSendingNeverLeaks();
    void outboxThatLinksOutsideIsRefused();
    void linkPlantedAsTheOutboxFileIsNotReused();

private:
    // Writes workspace.json with the given smtp section and opens the workspace.
    void openWorkspace(const Json& smtp);
    awb::Result<Json> send(const Json& overrides = Json::object(),
                           awb::SendEmailTool::PasswordSource passwords = {});
    void startSink(const QStringList& args = {});

    awb::ToolContext outboxContext(const QString& key);

    QTemporaryDir m_certDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_outside; // must never be read or written
    std::optional<awb::Workspace> m_ws;
    mailtest::SmtpSink m_sink;
    mailtest::MemoryEffectJournal* m_journal = nullptr;
    std::unique_ptr<mailtest::MemoryEffectJournal> m_journalOwner;
    QStringList m_passwordEntries; // entries the password source was asked for
};

void TestSendEmailTool::initTestCase()
{
    qunsetenv("AWB_SMTP_URL");
    QVERIFY(m_certDir.isValid());
    const QString error = mailtest::makeSelfSignedCertificate(m_certDir.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSendEmailTool::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_outside = std::make_unique<QTemporaryDir>();
    QVERIFY(m_outside->isValid());
    m_journalOwner = std::make_unique<mailtest::MemoryEffectJournal>();
    m_journal = m_journalOwner.get();
    m_passwordEntries.clear();
    QDir().mkpath(m_dir->filePath(QStringLiteral("reports")));
    QFile pdf(m_dir->filePath(QStringLiteral("reports/q3.pdf")));
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write(pdfBytes());
}

void TestSendEmailTool::cleanup()
{
    m_sink.stop();
    m_ws.reset();
}

void TestSendEmailTool::startSink(const QStringList& args)
{
    const QString error = m_sink.start(m_dir->filePath(QStringLiteral("maildir")), args);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSendEmailTool::openWorkspace(const Json& smtp)
{
    QVERIFY(awb::Workspace::create(m_dir->path(), QStringLiteral("mail")).ok());
    QFile f(m_dir->filePath(QStringLiteral("workspace.json")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    Json settings = {{"schema_version", 1}, {"name", "mail"}};
    if (!smtp.is_null())
        settings["smtp"] = smtp;
    f.write(QByteArray::fromStdString(settings.dump(2)));
    f.close();
    auto ws = awb::Workspace::open(m_dir->path());
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.errorMessage()));
    m_ws = std::move(ws).value();
}

awb::Result<Json> TestSendEmailTool::send(const Json& overrides,
                                          awb::SendEmailTool::PasswordSource passwords)
{
    if (!passwords) {
        passwords = [this](const QString& entry) -> awb::Result<std::optional<QString>> {
            m_passwordEntries << entry;
            return std::optional<QString>();
        };
    }
    awb::SendEmailTool tool(passwords);
    Json args = {{"to", {"cfo@example.com"}},
                 {"cc", {"controller@example.com"}},
                 {"subject", "Q3 revenue reconciliation"},
                 {"body", "Hello,\n\nthe one-page summary is attached.\n"},
                 {"attachments", {"reports/q3.pdf"}}};
    args.update(overrides);
    awb::ToolContext ctx;
    ctx.runId = QStringLiteral("run-7");
    ctx.stepId = QStringLiteral("s9");
    ctx.idempotencyKey = kKey;
    ctx.workspace = &*m_ws;
    ctx.effects = m_journal;
    return tool.execute(args, ctx);
}

void TestSendEmailTool::deliversWithPdfAttachment()
{
    startSink();
    openWorkspace({{"url", m_sink.url().toStdString()}, {"from", "reports@example.com"}});
    auto out = send();
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    QCOMPARE(out->at("status").get<std::string>(), std::string("sent"));
    QCOMPARE(out->at("delivery_confirmed").get<bool>(), true);
    QCOMPARE(QByteArray::fromStdString(out->at("message_id").get<std::string>()), kMessageId);
    QCOMPARE(out->at("idempotency_key").get<std::string>(), kKey.toStdString());
    QCOMPARE(out->at("recipients").dump(),
             std::string(R"(["cfo@example.com","controller@example.com"])"));
    QCOMPARE(QString::fromStdString(out->at("server").get<std::string>()),
             QStringLiteral("127.0.0.1:%1").arg(m_sink.port()));
    QCOMPARE(out->at("attachments").size(), size_t(1));
    QCOMPARE(out->at("attachments")[0]["path"].get<std::string>(), std::string("reports/q3.pdf"));
    QCOMPARE(out->at("attachments")[0]["bytes"].get<qint64>(), pdfBytes().size());

    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), size_t(1));
    QCOMPARE(mailtest::attachmentData(messages[0].eml, QStringLiteral("q3.pdf")), pdfBytes());
    QVERIFY(messages[0].eml.contains("\r\nMessage-ID: " + kMessageId + "\r\n"));
    QVERIFY(messages[0].eml.contains("\r\nSubject: Q3 revenue reconciliation\r\n"));
    QCOMPARE(messages[0].envelope["mail_from"].get<std::string>(),
             std::string("reports@example.com"));
    QCOMPARE(messages[0].envelope["rcpt_tos"].dump(),
             std::string(R"(["cfo@example.com","controller@example.com"])"));
    QVERIFY(m_passwordEntries.isEmpty()); // no username: the keychain is not asked
}

void TestSendEmailTool::recordsHandedOverThenDone()
{
    startSink();
    openWorkspace({{"url", m_sink.url().toStdString()}});
    QVERIFY(send().ok());
    QCOMPARE(m_journal->history.size(), size_t(2));
    QCOMPARE(m_journal->history[0].second, EffectJournal::State::HandedOver);
    QCOMPARE(m_journal->history[1].second, EffectJournal::State::Done);
    const auto record = m_journal->lookup(kKey);
    QCOMPARE(QByteArray::fromStdString(record->detail["message_id"].get<std::string>()),
             kMessageId);
    QVERIFY(record->detail["reply"].get<std::string>().rfind("250 ", 0) == 0);
}

void TestSendEmailTool::starttlsTrustsWorkspaceCaFile()
{
    const QString cert = m_certDir.filePath(QStringLiteral("cert.pem"));
    startSink({QStringLiteral("--starttls"), cert, m_certDir.filePath(QStringLiteral("key.pem"))});
    QDir().mkpath(m_dir->filePath(QStringLiteral("certs")));
    QVERIFY(QFile::copy(cert, m_dir->filePath(QStringLiteral("certs/ca.pem"))));
    openWorkspace({{"url", m_sink.url().toStdString()}, {"ca_file", "certs/ca.pem"}});
    auto out = send();
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    QCOMPARE(out->at("tls").get<bool>(), true);
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), size_t(1));
    QCOMPARE(messages[0].envelope["tls"].get<bool>(), true);
}

void TestSendEmailTool::authUsesInjectedPasswordSource()
{
    startSink({QStringLiteral("--auth"), QStringLiteral("alice:s3cret-pw")});
    openWorkspace({{"url", m_sink.url().toStdString()}, {"username", "alice"}});
    auto out =
        send(Json::object(), [this](const QString& entry) -> awb::Result<std::optional<QString>> {
            m_passwordEntries << entry;
            return std::optional<QString>(QStringLiteral("s3cret-pw"));
        });
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    QCOMPARE(m_passwordEntries, QStringList{QStringLiteral("smtp/alice@127.0.0.1")});
    QVERIFY(out->dump().find("s3cret-pw") == std::string::npos);
    QVERIFY(m_journal->lookup(kKey)->detail.dump().find("s3cret-pw") == std::string::npos);
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), size_t(1));
    QCOMPARE(messages[0].envelope["auth_user"].get<std::string>(), std::string("alice"));
}

void TestSendEmailTool::wrongPasswordIsClearAndNotShown()
{
    startSink({QStringLiteral("--auth"), QStringLiteral("alice:s3cret-pw")});
    openWorkspace({{"url", m_sink.url().toStdString()}, {"username", "alice"}});
    auto out = send(Json::object(), [](const QString&) -> awb::Result<std::optional<QString>> {
        return std::optional<QString>(QStringLiteral("typo-pw"));
    });
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("smtp_auth"));
    QVERIFY2(out.errorMessage().contains(QStringLiteral("awb keys set smtp")),
             qPrintable(out.errorMessage()));
    QVERIFY(!out.errorMessage().contains(QStringLiteral("typo-pw")));
    QVERIFY(m_journal->history.empty());
}

void TestSendEmailTool::missingPasswordSaysHowToStoreIt()
{
    openWorkspace({{"url", "smtp://127.0.0.1:1"}, {"username", "alice"}});
    auto out = send();
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("missing_credentials"));
    QVERIFY2(out.errorMessage().contains(QStringLiteral("`awb keys set smtp`")),
             qPrintable(out.errorMessage()));
    QVERIFY(out.errorMessage().contains(QStringLiteral("alice@127.0.0.1")));
    QVERIFY(m_journal->history.empty());
}

void TestSendEmailTool::rejectedRecipientRecordsNothing()
{
    startSink({QStringLiteral("--fail-rcpt"), QStringLiteral("bad@example.com")});
    openWorkspace({{"url", m_sink.url().toStdString()}});
    auto out = send({{"cc", {"bad@example.com"}}});
    QVERIFY(!out.ok());
    const QString expected =
        QStringLiteral("SMTP server 127.0.0.1:%1 refused RCPT TO <bad@example.com>: 550")
            .arg(m_sink.port());
    QVERIFY2(out.errorMessage().startsWith(expected), qPrintable(out.errorMessage()));
    QVERIFY(m_journal->history.empty());
    QCOMPARE(m_journal->lookup(kKey)->state, EffectJournal::State::None);
    QCOMPARE(m_sink.messages().size(), size_t(0));
    // Nothing was recorded, so a corrected retry under the same key sends.
    auto retry = send({{"cc", Json::array()}});
    QVERIFY2(retry.ok(), retry.ok() ? "" : qPrintable(retry.errorMessage()));
    QCOMPARE(m_sink.messages().size(), size_t(1));
}

void TestSendEmailTool::secondCallWithSameKeyReturnsAlreadySent()
{
    startSink();
    openWorkspace({{"url", m_sink.url().toStdString()}});
    auto first = send();
    QVERIFY(first.ok());
    auto second = send();
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.errorMessage()));
    QCOMPARE(second->at("status").get<std::string>(), std::string("already_sent"));
    QCOMPARE(second->at("message_id").get<std::string>(),
             first->at("message_id").get<std::string>());
    QCOMPARE(second->at("delivery_confirmed").get<bool>(), true);
    QCOMPARE(m_sink.messages().size(), size_t(1));
    QCOMPARE(m_journal->history.size(), size_t(2)); // the second call recorded nothing
}

void TestSendEmailTool::handedOverStateSendsNothing()
{
    startSink();
    openWorkspace({{"url", m_sink.url().toStdString()}});
    // As left by a crash between the hand-over and the server's 250.
    QVERIFY(m_journal
                ->record(
                    kKey, EffectJournal::State::HandedOver,
                    {{"message_id", kMessageId.toStdString()}, {"recipients", {"cfo@example.com"}}})
                .ok());
    auto out = send();
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    QCOMPARE(out->at("status").get<std::string>(), std::string("sent_unconfirmed"));
    QCOMPARE(out->at("delivery_confirmed").get<bool>(), false);
    QVERIFY(out->at("note").get<std::string>().find(kMessageId.toStdString()) != std::string::npos);
    QCOMPARE(m_sink.messages().size(), size_t(0));
    QCOMPARE(m_journal->lookup(kKey)->state, EffectJournal::State::HandedOver);
}

void TestSendEmailTool::journalFailureBeforeDotSendsNothing()
{
    startSink();
    openWorkspace({{"url", m_sink.url().toStdString()}});
    m_journal->failRecords = true;
    auto out = send();
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("journal_error"));
    QVERIFY(out.errorMessage().contains(QStringLiteral("not sent")));
    // The session was dropped before the terminating dot: the server kept nothing.
    m_journal->failRecords = false;
    QVERIFY(send().ok());
    QCOMPARE(m_sink.messages().size(), size_t(1));
}

void TestSendEmailTool::outboxFallbackWritesOneEml()
{
    openWorkspace(Json());
    auto out = send();
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    QCOMPARE(out->at("status").get<std::string>(), std::string("written_to_outbox"));
    QCOMPARE(out->at("delivery_confirmed").get<bool>(), false);
    const QString eml = QString::fromStdString(out->at("eml").get<std::string>());
    QVERIFY2(eml.startsWith(QStringLiteral("outbox/")) &&
                 eml.endsWith(QStringLiteral("-run-7=2Fs9.eml")),
             qPrintable(eml));
    const QStringList files = QDir(m_ws->outboxDir()).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile f(m_ws->root() + QLatin1Char('/') + eml);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains("\r\nMessage-ID: " + kMessageId + "\r\n"));
    QCOMPARE(mailtest::attachmentData(bytes, QStringLiteral("q3.pdf")), pdfBytes());
    QCOMPARE(m_journal->lookup(kKey)->state, EffectJournal::State::Done);

    auto again = send();
    QVERIFY(again.ok());
    QCOMPARE(again->at("status").get<std::string>(), std::string("already_sent"));
    QCOMPARE(QDir(m_ws->outboxDir()).entryList(QDir::Files).size(), 1);
}

void TestSendEmailTool::environmentUrlOverridesWorkspace()
{
    startSink();
    openWorkspace(Json()); // no url in workspace.json: would go to the outbox
    qputenv("AWB_SMTP_URL", m_sink.url().toUtf8());
    auto out = send();
    qunsetenv("AWB_SMTP_URL");
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    QCOMPARE(out->at("status").get<std::string>(), std::string("sent"));
    QCOMPARE(m_sink.messages().size(), size_t(1));
    QCOMPARE(QDir(m_ws->outboxDir()).entryList(QDir::Files).size(), 0);
}

void TestSendEmailTool::missingAttachmentIsClearError()
{
    openWorkspace(Json());
    auto out = send({{"attachments", {"reports/missing.pdf"}}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("invalid_arguments"));
    QVERIFY2(out.errorMessage().contains(QStringLiteral("\"reports/missing.pdf\" does not exist")),
             qPrintable(out.errorMessage()));
    QVERIFY(m_journal->history.empty());
}

void TestSendEmailTool::attachmentOutsideWorkspaceIsRefused()
{
    openWorkspace(Json());
    auto out = send({{"attachments", {"../../etc/passwd"}}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("path_outside_workspace"));
    QVERIFY(out.errorMessage().contains(QStringLiteral("outside the workspace")));
}

void TestSendEmailTool::invalidRecipientIsRefused()
{
    openWorkspace(Json());
    auto out = send({{"to", {"cfo@example.com", "not an address"}}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("invalid_arguments"));
    QVERIFY2(out.errorMessage().contains(QStringLiteral("\"not an address\"")),
             qPrintable(out.errorMessage()));
    auto empty = send({{"to", Json::array()}});
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, QStringLiteral("invalid_arguments"));
}

void TestSendEmailTool::missingIdempotencyKeyIsRefused()
{
    openWorkspace(Json());
    awb::SendEmailTool tool([](const QString&) {
        return awb::Result<std::optional<QString>>(std::optional<QString>());
    });
    awb::ToolContext ctx;
    ctx.workspace = &*m_ws;
    ctx.effects = m_journal;
    auto out = tool.execute({{"to", {"cfo@example.com"}}, {"subject", "x"}, {"body", ""}}, ctx);
    QVERIFY(!out.ok());
    QVERIFY(out.errorMessage().contains(QStringLiteral("idempotency key")));
    QVERIFY(QDir(m_ws->outboxDir()).entryList(QDir::Files).isEmpty());
}

void TestSendEmailTool::attachmentOutsideOrNotARegularFileIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : awb::test::hostileReadKinds())
        QTest::newRow(qPrintable(kind)) << kind;
}

void TestSendEmailTool::attachmentOutsideOrNotARegularFileIsRefused()
{
    QFETCH(QString, kind);
    openWorkspace(Json());
    const QString attachment =
        awb::test::plantRead(kind, m_dir->path(), m_outside->path(), QStringLiteral("reports"),
                             QStringLiteral(".pdf"), 21 * 1024 * 1024);
    QVERIFY(!attachment.isEmpty());
    auto out = send({{"attachments", {attachment.toStdString()}}});
    QVERIFY2(!out.ok(), out.ok() ? out->dump().c_str() : "");
    QCOMPARE(out.error().code, awb::test::hostileReadCode(kind));
    QVERIFY2(out.errorMessage().contains(attachment), qPrintable(out.errorMessage()));
    QVERIFY2(!out.errorMessage().toUtf8().contains(awb::test::outsideMarker()),
             qPrintable(out.errorMessage()));
    QVERIFY(m_journal->history.empty());
    QVERIFY(QDir(m_ws->outboxDir()).entryList(QDir::Files).isEmpty());
}

awb::ToolContext TestSendEmailTool::outboxContext(const QString& key)
{
    awb::ToolContext ctx;
    ctx.runId = QStringLiteral("run-race");
    ctx.stepId = QStringLiteral("s1");
    ctx.idempotencyKey = key;
    ctx.workspace = &*m_ws;
    ctx.effects = m_journal;
    return ctx;
}

void TestSendEmailTool::attachmentSwappedForALinkWhileSendingNeverLeaks_data()
{
    QTest::addColumn<bool>("folder"); // swap the attachment's folder instead of the file
    QTest::newRow("file") << false;
    QTest::newRow("folder") << true;
}

void TestSendEmailTool::attachmentSwappedForALinkWhileSendingNeverLeaks()
{
    QFETCH(bool, folder);
    openWorkspace(Json());
    const QString root = m_dir->path();
    const QString outside = m_outside->path();
    QVERIFY(QDir().mkpath(root + QStringLiteral("/reports/live")));
    QVERIFY(QDir().mkpath(outside + QStringLiteral("/live")));
    QVERIFY(awb::test::writeBytes(root + QStringLiteral("/reports/live/q3.pdf"), pdfBytes()));
    QVERIFY(awb::test::writeBytes(outside + QStringLiteral("/live/q3.pdf"),
                                  awb::test::outsideMarker()));
    const QString swapped =
        root + (folder ? QStringLiteral("/reports/live") : QStringLiteral("/reports/live/q3.pdf"));
    const QString link = root + QStringLiteral("/reports/link");
    QVERIFY(awb::test::makeSymlink(
        outside + (folder ? QStringLiteral("/live") : QStringLiteral("/live/q3.pdf")), link));
    const QString insideSha = QString::fromLatin1(
        QCryptographicHash::hash(pdfBytes(), QCryptographicHash::Sha256).toHex());

    awb::SendEmailTool tool([](const QString&) {
        return awb::Result<std::optional<QString>>(std::optional<QString>());
    });
    const Json args = {{"to", {"cfo@example.com"}},
                       {"subject", "Q3"},
                       {"body", "attached"},
                       {"attachments", {"reports/live/q3.pdf"}}};
    int sent = 0;
    {
        awb::test::PathFlipper flipper(swapped, link);
        for (int i = 0; i < 300; ++i) {
            auto out = tool.execute(args, outboxContext(QStringLiteral("race-%1").arg(i)));
            if (out.ok()) {
                ++sent;
                QCOMPARE(toQ(out->at("attachments")[0]["sha256"].get<std::string>()), insideSha);
            } else {
                QVERIFY2(!out.errorMessage().toUtf8().contains(awb::test::outsideMarker()),
                         qPrintable(out.errorMessage()));
            }
        }
        flipper.stop();
        QCOMPARE(flipper.failedErrno(), 0);
        QVERIFY(flipper.swaps() > 0);
    }
    for (const QString& eml : QDir(m_ws->outboxDir()).entryList(QDir::Files))
        QVERIFY2(!awb::test::readBytes(m_ws->outboxDir() + QLatin1Char('/') + eml)
                      .contains(awb::test::outsideMarker().toBase64().left(24)),
                 qPrintable(eml));
    QCOMPARE(QDir(m_ws->outboxDir()).entryList(QDir::Files).size(), sent);
}

void TestSendEmailTool::outboxThatLinksOutsideIsRefused()
{
    openWorkspace(Json());
    QVERIFY(QDir(m_ws->outboxDir()).removeRecursively());
    QVERIFY(awb::test::makeSymlink(m_outside->path(), m_ws->outboxDir()));
    auto out = send();
    QVERIFY2(!out.ok(), out.ok() ? out->dump().c_str() : "");
    QCOMPARE(out.error().code, QStringLiteral("symlink_refused"));
    QVERIFY2(out.errorMessage().contains(QLatin1String("outbox")), qPrintable(out.errorMessage()));
    QVERIFY(QDir(m_outside->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    QCOMPARE(m_journal->lookup(kKey)->state, EffectJournal::State::None);
}

void TestSendEmailTool::linkPlantedAsTheOutboxFileIsNotReused()
{
    openWorkspace(Json());
    // The name an earlier, unrecorded attempt under this key would have left, as a link.
    const QString secret = m_outside->filePath(QStringLiteral("secret.eml"));
    QVERIFY(awb::test::writeBytes(secret, awb::test::outsideMarker()));
    QVERIFY(awb::test::makeSymlink(secret, m_ws->outboxDir() +
                                               QStringLiteral("/20260101T000000Z-run-7=2Fs9.eml")));
    auto out = send();
    QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.errorMessage()));
    const QString eml = m_ws->root() + QLatin1Char('/') + toQ(out->at("eml").get<std::string>());
    QVERIFY2(!QFileInfo(eml).isSymLink(), qPrintable(eml));
    QVERIFY(awb::test::readBytes(eml).contains("\r\nMessage-ID: " + kMessageId + "\r\n"));
    QCOMPARE(awb::test::readBytes(secret), awb::test::outsideMarker());
}

QTEST_GUILESS_MAIN(TestSendEmailTool)
#include "TestSendEmailTool.moc"
