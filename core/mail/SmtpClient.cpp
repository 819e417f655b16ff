#include "mail/SmtpClient.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrl>

#include "util/FaultInjection.h"
#include "util/Log.h"
#include "util/RegularFile.h"

namespace awb::mail {

namespace {

using std::chrono::milliseconds;

constexpr int kSliceMs = 100; // how often waits look at the cancel flag
constexpr qsizetype kWriteChunk = 64 * 1024;
constexpr qint64 kMaxCaFileBytes = 4 << 20; // a PEM bundle; the system's whole store is ~200 KB

struct Reply
{
    int code = 0;
    QStringList lines;

    QString text() const
    {
        return QStringLiteral("%1 %2").arg(code).arg(lines.join(QLatin1Char(' '))).trimmed();
    }
    bool is(int first) const { return code / 100 == first; }
};

// One SMTP conversation on one socket.
class Session
{
public:
    Session(const SmtpOptions& options, const std::shared_ptr<const CancelFlag>& cancel)
        : m_opt(options), m_cancel(cancel), m_server(options.endpoint.display())
    {
    }
    ~Session() { m_socket.abort(); }

    Result<SmtpReceipt> run(const SmtpEnvelope& envelope, const SmtpHooks& hooks);

private:
    Status connect();
    Status startTls();
    Status configureTls();
    Status waitEncrypted(milliseconds timeout);
    Result<Reply> hello();
    Status authenticate();
    Result<Reply> command(const QByteArray& line, const QString& shown, milliseconds timeout);
    Result<Reply> command(const QByteArray& line)
    {
        return command(line, QString::fromLatin1(line), m_opt.commandTimeout);
    }
    Result<Reply> readReply(const QString& waitingFor, milliseconds timeout,
                            bool honourCancel = true);
    Status write(const QByteArray& data, const QString& what);
    void quit();

    bool cancelled() const
    {
        return m_cancel && m_cancel->cancelled.load(std::memory_order_relaxed);
    }
    Error cancelledError() const
    {
        return Error::make(
            QStringLiteral("sending to the SMTP server %1 was cancelled; nothing was sent")
                .arg(m_server),
            QStringLiteral("cancelled"));
    }
    Error refused(const QString& what, const Reply& reply) const
    {
        return Error::make(
            QStringLiteral("SMTP server %1 refused %2: %3").arg(m_server, what, reply.text()),
            QStringLiteral("smtp_refused"));
    }

    const SmtpOptions& m_opt;
    std::shared_ptr<const CancelFlag> m_cancel;
    QString m_server;
    QSslSocket m_socket;
    QStringList m_extensions; // EHLO keywords and parameters, upper case
    bool m_tls = false;
};

bool isLoopback(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString sslErrors(const QList<QSslError>& errors)
{
    QStringList parts;
    for (const QSslError& e : errors)
        parts << e.errorString();
    return parts.join(QStringLiteral("; "));
}

Status Session::connect()
{
    const SmtpEndpoint& ep = m_opt.endpoint;
    if (ep.implicitTls) {
        if (Status s = configureTls(); !s)
            return s;
        m_socket.connectToHostEncrypted(ep.host, ep.port);
        return waitEncrypted(m_opt.connectTimeout);
    }
    m_socket.connectToHost(ep.host, ep.port);
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::ConnectedState) {
        if (cancelled())
            return cancelledError();
        if (timer.elapsed() >= m_opt.connectTimeout.count())
            return Error::make(
                QStringLiteral("cannot connect to the SMTP server %1: no answer within %2 s")
                    .arg(m_server)
                    .arg(m_opt.connectTimeout.count() / 1000.0),
                QStringLiteral("timeout"));
        if (!m_socket.waitForConnected(kSliceMs) &&
            m_socket.state() == QAbstractSocket::UnconnectedState)
            return Error::make(
                QStringLiteral("cannot connect to the SMTP server %1: %2 (check smtp.url in "
                               "workspace.json or AWB_SMTP_URL)")
                    .arg(m_server, m_socket.errorString()),
                QStringLiteral("smtp_connect"));
    }
    return Status::success();
}

Status Session::configureTls()
{
    if (!QSslSocket::supportsSsl())
        return Error::make(
            QStringLiteral("SMTP server %1 needs TLS, but TLS is not available in this "
                           "installation: Qt's OpenSSL TLS backend is missing (on Debian "
                           "install libqt6network6 and libssl3)")
                .arg(m_server),
            QStringLiteral("smtp_tls"));
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> cas = QSslConfiguration::systemCaCertificates();
    if (!m_opt.caFile.isEmpty()) {
        // Read as any file a person names: a regular file of bounded size, never a pipe.
        auto pem = readRegularFile(m_opt.caFile, kMaxCaFileBytes);
        if (!pem)
            return Error::make(
                QStringLiteral(
                    "the SMTP CA file (smtp.ca_file in workspace.json) cannot be used: %1")
                    .arg(pem.errorMessage()),
                QStringLiteral("smtp_tls"));
        const QList<QSslCertificate> extra = QSslCertificate::fromData(*pem, QSsl::Pem);
        if (extra.isEmpty())
            return Error::make(
                QStringLiteral("the SMTP CA file %1 holds no PEM certificate").arg(m_opt.caFile),
                QStringLiteral("smtp_tls"));
        cas += extra;
    }
    conf.setCaCertificates(cas);
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket.setSslConfiguration(conf);
    m_socket.setPeerVerifyName(m_opt.endpoint.host);
    return Status::success();
}

Status Session::waitEncrypted(milliseconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_socket.isEncrypted()) {
        if (cancelled())
            return cancelledError();
        if (timer.elapsed() >= timeout.count())
            return Error::make(
                QStringLiteral("TLS handshake with the SMTP server %1 did not finish within %2 s")
                    .arg(m_server)
                    .arg(timeout.count() / 1000.0),
                QStringLiteral("timeout"));
        if (!m_socket.waitForEncrypted(kSliceMs) &&
            m_socket.state() == QAbstractSocket::UnconnectedState) {
            const QString why = m_socket.sslHandshakeErrors().isEmpty()
                                    ? m_socket.errorString()
                                    : sslErrors(m_socket.sslHandshakeErrors());
            return Error::make(
                QStringLiteral("TLS with the SMTP server %1 failed: %2 (to trust a private CA, "
                               "set smtp.ca_file in workspace.json)")
                    .arg(m_server, why),
                QStringLiteral("smtp_tls"));
        }
    }
    m_tls = true;
    return Status::success();
}

Status Session::startTls()
{
    if (Status s = configureTls(); !s)
        return s;
    auto reply = command("STARTTLS");
    if (!reply)
        return reply.error();
    if (reply->code != 220)
        return refused(QStringLiteral("STARTTLS"), *reply);
    m_socket.startClientEncryption();
    return waitEncrypted(m_opt.commandTimeout);
}

Result<Reply> Session::hello()
{
    auto reply = command("EHLO " + m_opt.heloName.toLatin1());
    if (!reply)
        return reply;
    m_extensions.clear();
    if (reply->code == 250) {
        for (qsizetype i = 1; i < reply->lines.size(); ++i)
            m_extensions << reply->lines[i].toUpper();
        return reply;
    }
    // An old server without ESMTP: HELO, no extensions.
    reply = command("HELO " + m_opt.heloName.toLatin1());
    if (!reply)
        return reply;
    if (reply->code != 250)
        return refused(QStringLiteral("HELO"), *reply);
    return reply;
}

Status Session::authenticate()
{
    QStringList mechanisms;
    for (const QString& ext : m_extensions) {
        if (ext.startsWith(QLatin1String("AUTH ")) || ext.startsWith(QLatin1String("AUTH=")))
            mechanisms << ext.mid(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (!m_tls && !isLoopback(m_opt.endpoint.host))
        return Error::make(
            QStringLiteral("refusing to send the SMTP password to %1 unencrypted: the server "
                           "offers no STARTTLS; use smtps:// or a server with STARTTLS")
                .arg(m_server),
            QStringLiteral("smtp_tls"));
    const QString user = m_opt.username;
    auto rejected = [&](const Reply& r) {
        return Error::make(
            QStringLiteral("SMTP server %1 rejected the login of user \"%2\": %3 (check the "
                           "password stored with `awb keys set smtp`)")
                .arg(m_server, user, r.text()),
            QStringLiteral("smtp_auth"));
    };
    if (mechanisms.contains(QLatin1String("PLAIN"))) {
        const QByteArray token =
            (QByteArray(1, '\0') + user.toUtf8() + QByteArray(1, '\0') + m_opt.password.toUtf8())
                .toBase64();
        auto reply =
            command("AUTH PLAIN " + token, QStringLiteral("AUTH PLAIN"), m_opt.commandTimeout);
        if (!reply)
            return reply.error();
        return reply->code == 235 ? Status::success() : Status(rejected(*reply));
    }
    if (mechanisms.contains(QLatin1String("LOGIN"))) {
        auto reply = command("AUTH LOGIN");
        if (!reply)
            return reply.error();
        if (reply->code != 334)
            return rejected(*reply);
        reply = command(user.toUtf8().toBase64(), QStringLiteral("AUTH LOGIN user name"),
                        m_opt.commandTimeout);
        if (!reply)
            return reply.error();
        if (reply->code != 334)
            return rejected(*reply);
        reply = command(m_opt.password.toUtf8().toBase64(), QStringLiteral("AUTH LOGIN password"),
                        m_opt.commandTimeout);
        if (!reply)
            return reply.error();
        return reply->code == 235 ? Status::success() : Status(rejected(*reply));
    }
    return Error::make(
        QStringLiteral("SMTP server %1 offers no AUTH PLAIN or LOGIN, but a user name is "
                       "configured (smtp.username); remove it or use another server")
            .arg(m_server),
        QStringLiteral("smtp_auth"));
}

Status Session::write(const QByteArray& data, const QString& what)
{
    for (qsizetype offset = 0; offset < data.size(); offset += kWriteChunk) {
        m_socket.write(data.mid(offset, kWriteChunk));
        QElapsedTimer timer;
        timer.start();
        while (m_socket.bytesToWrite() > 0 || m_socket.encryptedBytesToWrite() > 0) {
            if (cancelled())
                return cancelledError();
            if (timer.elapsed() >= m_opt.commandTimeout.count())
                return Error::make(
                    QStringLiteral("SMTP server %1 stopped accepting data while sending %2")
                        .arg(m_server, what),
                    QStringLiteral("timeout"));
            if (!m_socket.waitForBytesWritten(kSliceMs) &&
                m_socket.state() != QAbstractSocket::ConnectedState)
                return Error::make(
                    QStringLiteral("SMTP server %1 closed the connection while sending %2")
                        .arg(m_server, what),
                    QStringLiteral("smtp_protocol"));
        }
    }
    return Status::success();
}

Result<Reply> Session::readReply(const QString& waitingFor, milliseconds timeout, bool honourCancel)
{
    Reply reply;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        while (!m_socket.canReadLine()) {
            if (honourCancel && cancelled())
                return cancelledError();
            if (timer.elapsed() >= timeout.count())
                return Error::make(QStringLiteral("SMTP server %1 did not answer %2 within %3 s")
                                       .arg(m_server, waitingFor)
                                       .arg(timeout.count() / 1000.0),
                                   QStringLiteral("timeout"));
            if (!m_socket.waitForReadyRead(kSliceMs) &&
                m_socket.state() != QAbstractSocket::ConnectedState && !m_socket.canReadLine())
                return Error::make(
                    QStringLiteral("SMTP server %1 closed the connection while we waited for the "
                                   "answer to %2")
                        .arg(m_server, waitingFor),
                    QStringLiteral("smtp_protocol"));
        }
        const QByteArray line = m_socket.readLine(4096).trimmed();
        bool ok = false;
        const int code = line.left(3).toInt(&ok);
        if (!ok || code < 200 || code > 599 ||
            (line.size() > 3 && line[3] != ' ' && line[3] != '-'))
            return Error::make(QStringLiteral("SMTP server %1 sent an invalid reply to %2: \"%3\"")
                                   .arg(m_server, waitingFor, QString::fromUtf8(line.left(200))),
                               QStringLiteral("smtp_protocol"));
        reply.code = code;
        reply.lines << QString::fromUtf8(line.mid(4));
        if (line.size() == 3 || line[3] == ' ')
            return reply;
    }
}

Result<Reply> Session::command(const QByteArray& line, const QString& shown, milliseconds timeout)
{
    if (cancelled())
        return cancelledError();
    qCDebug(lcMail) << "C:" << shown;
    if (Status s = write(line + "\r\n", shown); !s)
        return s.error();
    auto reply = readReply(shown, timeout);
    if (reply)
        qCDebug(lcMail) << "S:" << reply->text();
    return reply;
}

void Session::quit()
{
    // Best effort: the message is already accepted or abandoned.
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.write("QUIT\r\n");
        m_socket.waitForBytesWritten(1000);
        m_socket.waitForReadyRead(1000);
    }
    m_socket.disconnectFromHost();
}

Result<SmtpReceipt> Session::run(const SmtpEnvelope& envelope, const SmtpHooks& hooks)
{
    if (cancelled())
        return cancelledError();
    if (Status s = connect(); !s)
        return s.error();
    auto greeting = readReply(QStringLiteral("the connection (greeting)"), m_opt.commandTimeout);
    if (!greeting)
        return greeting.error();
    if (greeting->code != 220)
        return refused(QStringLiteral("the connection"), *greeting);
    if (auto r = hello(); !r)
        return r.error();
    if (!m_tls && m_extensions.contains(QLatin1String("STARTTLS"))) {
        if (Status s = startTls(); !s)
            return s.error();
        if (auto r = hello(); !r)
            return r.error();
    }
    if (!m_opt.username.isEmpty()) {
        if (Status s = authenticate(); !s)
            return s.error();
    }

    auto reply = command("MAIL FROM:<" + envelope.from.toUtf8() + ">");
    if (!reply)
        return reply.error();
    if (reply->code != 250)
        return refused(QStringLiteral("MAIL FROM <%1>").arg(envelope.from), *reply);
    for (const QString& rcpt : envelope.recipients) {
        reply = command("RCPT TO:<" + rcpt.toUtf8() + ">");
        if (!reply)
            return reply.error();
        if (reply->code != 250 && reply->code != 251) {
            quit();
            return refused(QStringLiteral("RCPT TO <%1>").arg(rcpt), *reply);
        }
    }
    reply = command("DATA");
    if (!reply)
        return reply.error();
    if (reply->code != 354)
        return refused(QStringLiteral("DATA"), *reply);
    if (Status s = write(SmtpClient::dotStuff(envelope.message), QStringLiteral("the message")); !s)
        return s.error();

    // A crash here leaves the server without the dot: it discards the message, so resending is safe.
    fault::crashPoint("smtp.before_dot");
    // From here on the message may be delivered: the caller records that before the dot.
    if (hooks.beforeDot) {
        if (Status s = hooks.beforeDot(); !s) {
            m_socket.abort(); // without the dot the server discards the message
            return s.error();
        }
    }
    if (Status s = write(".\r\n", QStringLiteral("the end of the message")); !s)
        return s.error();
    // Cancel is ignored now: the outcome is only known from this reply.
    reply = readReply(QStringLiteral("the end of the message"), m_opt.acceptTimeout, false);
    if (!reply)
        return reply.error();
    if (reply->code != 250) {
        quit();
        return Error::make(
            QStringLiteral("SMTP server %1 rejected the message: %2").arg(m_server, reply->text()),
            QStringLiteral("smtp_refused"));
    }
    fault::crashPoint("smtp.after_accept");
    const SmtpReceipt receipt{m_server, reply->text(), m_tls};
    if (hooks.afterAccept)
        hooks.afterAccept(receipt);
    quit();
    return receipt;
}

} // namespace

Result<SmtpEndpoint> parseSmtpUrl(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")))
        return Error::make(QStringLiteral("invalid SMTP url \"%1\": expected smtp://host:port or "
                                          "smtps://host:port")
                               .arg(text),
                           QStringLiteral("invalid_settings"));
    if (!url.userName().isEmpty() || !url.password().isEmpty())
        return Error::make(
            QStringLiteral("the SMTP url must not contain a user or password; set "
                           "smtp.username in workspace.json and store the password with "
                           "`awb keys set smtp`"),
            QStringLiteral("invalid_settings"));
    SmtpEndpoint ep;
    ep.host = url.host();
    ep.implicitTls = scheme == QLatin1String("smtps");
    ep.port = quint16(url.port(ep.implicitTls ? 465 : 25));
    return ep;
}

SmtpClient::SmtpClient(SmtpOptions options, std::shared_ptr<const CancelFlag> cancel)
    : m_options(std::move(options)), m_cancel(std::move(cancel))
{
}

Result<SmtpReceipt> SmtpClient::send(const SmtpEnvelope& envelope, const SmtpHooks& hooks) const
{
    Session session(m_options, m_cancel);
    return session.run(envelope, hooks);
}

QByteArray SmtpClient::dotStuff(const QByteArray& message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 64 + 4);
    bool lineStart = true;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (lineStart && c == '.')
            out += '.';
        if (c == '\n' && (i == 0 || message[i - 1] != '\r'))
            out += '\r';
        out += c;
        lineStart = c == '\n';
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

} // namespace awb::mail
