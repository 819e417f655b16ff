// Tests for the blocking SMTP client against the Python sink: delivery with dot-stuffing, hook
// order around the terminating dot, refusals, STARTTLS / implicit TLS trust, AUTH, cancellation.

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "core/mail/support/MailTestSupport.h"
#include "mail/SmtpClient.h"

using namespace awb::mail;

class TestSmtpClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dotStuff_data();
    void dotStuff();
    void parseUrl_data();
    void parseUrl();
    void deliversMessageUnchanged();
    void hooksRunAroundTheTerminatingDot();
    void refusedRecipientNamesServerAndReply();
    void failingBeforeDotHookSendsNothing();
    void untrustedCertificateIsTlsError();
    void starttlsWithExtraCaEncrypts();
    void implicitTlsEncrypts();
    void authPlainLogsIn();
    void authLoginWhenPlainIsNotOffered();
    void wrongPasswordIsNotInTheError();
    void cancelledSendDoesNotConnect();
    void closedPortIsConnectError();

private:
    SmtpOptions options(const QString& scheme = QStringLiteral("smtp")) const;
    SmtpEnvelope envelope() const;

    QTemporaryDir m_certDir;
    std::unique_ptr<QTemporaryDir> m_maildir;
    mailtest::SmtpSink m_sink;
};

void TestSmtpClient::initTestCase()
{
    QVERIFY(m_certDir.isValid());
    const QString error = mailtest::makeSelfSignedCertificate(m_certDir.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSmtpClient::init()
{
    m_maildir = std::make_unique<QTemporaryDir>();
}

void TestSmtpClient::cleanup()
{
    m_sink.stop();
}

SmtpOptions TestSmtpClient::options(const QString& scheme) const
{
    SmtpOptions o;
    o.endpoint = *parseSmtpUrl(m_sink.url(scheme));
    o.commandTimeout = std::chrono::seconds(10);
    return o;
}

SmtpEnvelope TestSmtpClient::envelope() const
{
    return {QStringLiteral("reports@example.com"),
            {QStringLiteral("cfo@example.com")},
            QByteArray("Subject: test\r\n\r\n.leading dot\r\n..two dots\r\nlast line\r\n")};
}

void TestSmtpClient::dotStuff_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("leading dot") << QByteArray(".a\r\n") << QByteArray("..a\r\n");
    QTest::newRow("dot line") << QByteArray("a\r\n.\r\nb\r\n") << QByteArray("a\r\n..\r\nb\r\n");
    QTest::newRow("inner dot untouched") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n");
    QTest::newRow("bare lf") << QByteArray("a\n.b") << QByteArray("a\r\n..b\r\n");
    QTest::newRow("final crlf added") << QByteArray("a") << QByteArray("a\r\n");
}

void TestSmtpClient::dotStuff()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(SmtpClient::dotStuff(input), expected);
}

void TestSmtpClient::parseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");
    QTest::newRow("smtp default port")
        << "smtp://mail.example.com" << true << "mail.example.com" << 25 << false;
    QTest::newRow("smtp with port")
        << "smtp://127.0.0.1:2525" << true << "127.0.0.1" << 2525 << false;
    QTest::newRow("smtps default port")
        << "smtps://mail.example.com" << true << "mail.example.com" << 465 << true;
    QTest::newRow("upper-case scheme")
        << "SMTP://m.example.com:587" << true << "m.example.com" << 587 << false;
    QTest::newRow("wrong scheme") << "http://mail.example.com" << false << "" << 0 << false;
    QTest::newRow("credentials in url")
        << "smtp://u:p@mail.example.com" << false << "" << 0 << false;
    QTest::newRow("empty") << "" << false << "" << 0 << false;
}

void TestSmtpClient::parseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, tls);
    const auto ep = parseSmtpUrl(url);
    QCOMPARE(ep.ok(), valid);
    if (!valid) {
        QCOMPARE(ep.error().code, QStringLiteral("invalid_settings"));
        QVERIFY(!ep.errorMessage().contains(QStringLiteral(":p@")));
        return;
    }
    QCOMPARE(ep->host, host);
    QCOMPARE(int(ep->port), port);
    QCOMPARE(ep->implicitTls, tls);
}

void TestSmtpClient::deliversMessageUnchanged()
{
    const QString error = m_sink.start(m_maildir->path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto receipt = SmtpClient(options()).send(envelope());
    QVERIFY2(receipt.ok(), receipt.ok() ? "" : qPrintable(receipt.errorMessage()));
    QCOMPARE(receipt->server, QStringLiteral("127.0.0.1:%1").arg(m_sink.port()));
    QVERIFY2(receipt->reply.startsWith(QStringLiteral("250 ")), qPrintable(receipt->reply));
    QVERIFY(!receipt->tls);
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), size_t(1));
    // The server removed the dot-stuffing: what arrived is what was given.
    QCOMPARE(messages[0].eml, envelope().message);
    QCOMPARE(messages[0].envelope["mail_from"].get<std::string>(),
             std::string("reports@example.com"));
    QCOMPARE(messages[0].envelope["rcpt_tos"].dump(), std::string("[\"cfo@example.com\"]"));
}

void TestSmtpClient::hooksRunAroundTheTerminatingDot()
{
    QVERIFY(m_sink.start(m_maildir->path()).isEmpty());
    QStringList calls;
    SmtpHooks hooks;
    hooks.beforeDot = [&] {
        // Not accepted yet: the sink has saved nothing.
        calls << QStringLiteral("beforeDot:%1").arg(m_sink.messages().size());
        return awb::Status::success();
    };
    hooks.afterAccept = [&](const SmtpReceipt& r) {
        calls << QStringLiteral("afterAccept:") + r.reply.left(3);
    };
    QVERIFY(SmtpClient(options()).send(envelope(), hooks).ok());
    QCOMPARE(calls,
             QStringList({QStringLiteral("beforeDot:0"), QStringLiteral("afterAccept:250")}));
}

void TestSmtpClient::refusedRecipientNamesServerAndReply()
{
    QVERIFY(m_sink
                .start(m_maildir->path(),
                       {QStringLiteral("--fail-rcpt"), QStringLiteral("bad@example.com")})
                .isEmpty());
    SmtpEnvelope env = envelope();
    env.recipients << QStringLiteral("bad@example.com");
    bool beforeDot = false;
    SmtpHooks hooks;
    hooks.beforeDot = [&] {
        beforeDot = true;
        return awb::Status::success();
    };
    const auto receipt = SmtpClient(options()).send(env, hooks);
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, QStringLiteral("smtp_refused"));
    const QString expected =
        QStringLiteral("SMTP server 127.0.0.1:%1 refused RCPT TO <bad@example.com>: 550")
            .arg(m_sink.port());
    QVERIFY2(receipt.errorMessage().startsWith(expected), qPrintable(receipt.errorMessage()));
    QVERIFY(!beforeDot);
    QCOMPARE(m_sink.messages().size(), size_t(0));
}

void TestSmtpClient::failingBeforeDotHookSendsNothing()
{
    QVERIFY(m_sink.start(m_maildir->path()).isEmpty());
    SmtpHooks hooks;
    hooks.beforeDot = [] {
        return awb::Status(
            awb::Error::make(QStringLiteral("journal is full"), QStringLiteral("journal_error")));
    };
    bool accepted = false;
    hooks.afterAccept = [&](const SmtpReceipt&) {
        accepted = true;
    };
    const auto receipt = SmtpClient(options()).send(envelope(), hooks);
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, QStringLiteral("journal_error"));
    QVERIFY(!accepted);
    // A second, normal message on a new connection is the only one the sink saves.
    QVERIFY(SmtpClient(options()).send(envelope()).ok());
    QCOMPARE(m_sink.messages().size(), size_t(1));
}

void TestSmtpClient::untrustedCertificateIsTlsError()
{
    const QString cert = m_certDir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_certDir.filePath(QStringLiteral("key.pem"));
    QVERIFY(m_sink.start(m_maildir->path(), {QStringLiteral("--starttls"), cert, key}).isEmpty());
    const auto receipt = SmtpClient(options()).send(envelope());
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, QStringLiteral("smtp_tls"));
    QVERIFY2(receipt.errorMessage().contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
             qPrintable(receipt.errorMessage()));
    QVERIFY(receipt.errorMessage().contains(QStringLiteral("smtp.ca_file")));
    QCOMPARE(m_sink.messages().size(), size_t(0));
}

void TestSmtpClient::starttlsWithExtraCaEncrypts()
{
    const QString cert = m_certDir.filePath(QStringLiteral("cert.pem"));
    QVERIFY(m_sink
                .start(m_maildir->path(), {QStringLiteral("--starttls"), cert,
                                           m_certDir.filePath(QStringLiteral("key.pem"))})
                .isEmpty());
    SmtpOptions o = options();
    o.caFile = cert;
    const auto receipt = SmtpClient(o).send(envelope());
    QVERIFY2(receipt.ok(), receipt.ok() ? "" : qPrintable(receipt.errorMessage()));
    QVERIFY(receipt->tls);
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), size_t(1));
    QCOMPARE(messages[0].envelope["tls"].get<bool>(), true);
}

void TestSmtpClient::implicitTlsEncrypts()
{
    const QString cert = m_certDir.filePath(QStringLiteral("cert.pem"));
    QVERIFY(m_sink
                .start(m_maildir->path(), {QStringLiteral("--tls"), cert,
                                           m_certDir.filePath(QStringLiteral("key.pem"))})
                .isEmpty());
    SmtpOptions o = options(QStringLiteral("smtps"));
    o.caFile = cert;
    const auto receipt = SmtpClient(o).send(envelope());
    QVERIFY2(receipt.ok(), receipt.ok() ? "" : qPrintable(receipt.errorMessage()));
    QVERIFY(receipt->tls);
    QCOMPARE(m_sink.messages().size(), size_t(1));
}

void TestSmtpClient::authPlainLogsIn()
{
    QVERIFY(
        m_sink.start(m_maildir->path(), {QStringLiteral("--auth"), QStringLiteral("alice:s3cret")})
            .isEmpty());
    SmtpOptions o = options();
    o.username = QStringLiteral("alice");
    o.password = QStringLiteral("s3cret");
    const auto receipt = SmtpClient(o).send(envelope());
    QVERIFY2(receipt.ok(), receipt.ok() ? "" : qPrintable(receipt.errorMessage()));
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), size_t(1));
    QCOMPARE(messages[0].envelope["auth_user"].get<std::string>(), std::string("alice"));
}

void TestSmtpClient::authLoginWhenPlainIsNotOffered()
{
    QVERIFY(
        m_sink
            .start(m_maildir->path(), {QStringLiteral("--auth"), QStringLiteral("bob:pa ss:word"),
                                       QStringLiteral("--auth-exclude"), QStringLiteral("PLAIN")})
            .isEmpty());
    SmtpOptions o = options();
    o.username = QStringLiteral("bob");
    o.password = QStringLiteral("pa ss:word");
    const auto receipt = SmtpClient(o).send(envelope());
    QVERIFY2(receipt.ok(), receipt.ok() ? "" : qPrintable(receipt.errorMessage()));
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), size_t(1));
    QCOMPARE(messages[0].envelope["auth_user"].get<std::string>(), std::string("bob"));
}

void TestSmtpClient::wrongPasswordIsNotInTheError()
{
    QVERIFY(
        m_sink.start(m_maildir->path(), {QStringLiteral("--auth"), QStringLiteral("alice:s3cret")})
            .isEmpty());
    SmtpOptions o = options();
    o.username = QStringLiteral("alice");
    o.password = QStringLiteral("not-the-password");
    const auto receipt = SmtpClient(o).send(envelope());
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, QStringLiteral("smtp_auth"));
    QVERIFY2(receipt.errorMessage().contains(
                 QStringLiteral("rejected the login of user \"alice\": 535")),
             qPrintable(receipt.errorMessage()));
    QVERIFY(!receipt.errorMessage().contains(QStringLiteral("not-the-password")));
    QCOMPARE(m_sink.messages().size(), size_t(0));
}

void TestSmtpClient::cancelledSendDoesNotConnect()
{
    QVERIFY(m_sink.start(m_maildir->path()).isEmpty());
    auto cancel = std::make_shared<awb::CancelFlag>();
    cancel->cancelled = true;
    const auto receipt = SmtpClient(options(), cancel).send(envelope());
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, QStringLiteral("cancelled"));
    QCOMPARE(m_sink.messages().size(), size_t(0));
}

void TestSmtpClient::closedPortIsConnectError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    SmtpOptions o;
    o.endpoint = *parseSmtpUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(port));
    const auto receipt = SmtpClient(o).send(envelope());
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, QStringLiteral("smtp_connect"));
    QVERIFY2(receipt.errorMessage().contains(
                 QStringLiteral("cannot connect to the SMTP server 127.0.0.1:%1").arg(port)),
             qPrintable(receipt.errorMessage()));
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "TestSmtpClient.moc"
