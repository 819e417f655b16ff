#pragma once
// A blocking SMTP client for worker threads: EHLO (HELO fallback), STARTTLS or implicit TLS
// (smtps://), AUTH PLAIN/LOGIN, MAIL FROM, RCPT TO, DATA with dot-stuffing. Every wait is bounded
// and checks the cancel flag. Hooks run right before the terminating dot and right after the
// server accepted the message, so a caller can record durable state around the hand-over.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>

#include "tools/Tool.h"
#include "util/Result.h"

namespace awb::mail {

struct SmtpEndpoint
{
    QString host;
    quint16 port = 25;
    bool implicitTls = false; // smtps://

    QString display() const { return QStringLiteral("%1:%2").arg(host).arg(port); }
};

// smtp://host[:port] (default port 25) or smtps://host[:port] (default 465).
Result<SmtpEndpoint> parseSmtpUrl(const QString& url);

struct SmtpOptions
{
    SmtpEndpoint endpoint;
    QString username; // empty: no AUTH
    QString password; // never logged nor put in an error message
    QString caFile;   // absolute path of an extra CA certificate (PEM) to trust, or empty
    QString heloName = QStringLiteral("agent-workbench.local");
    std::chrono::milliseconds connectTimeout{10000};
    std::chrono::milliseconds commandTimeout{20000};
    std::chrono::milliseconds acceptTimeout{40000}; // for the reply to the terminating dot
};

struct SmtpEnvelope
{
    QString from;
    QStringList recipients; // addr-specs, each gets its own RCPT TO
    QByteArray message;     // RFC 5322 bytes with CRLF line endings, not dot-stuffed
};

struct SmtpReceipt
{
    QString server; // "host:port"
    QString reply;  // the server's reply to the message, e.g. "250 2.0.0 OK queued as 1"
    bool tls = false;
};

struct SmtpHooks
{
    // Runs after the message body was sent and before the terminating dot. A failure aborts the
    // session without the dot, so the server discards the message.
    std::function<Status()> beforeDot;
    // Runs right after the server's 250 to the message.
    std::function<void(const SmtpReceipt& receipt)> afterAccept;
};

class SmtpClient
{
public:
    explicit SmtpClient(SmtpOptions options, std::shared_ptr<const CancelFlag> cancel = {});

    // Sends one message; blocks until the server answered or a timeout passed. Error codes:
    // "smtp_connect", "smtp_tls", "smtp_auth", "smtp_refused" (a 4xx/5xx reply),
    // "smtp_protocol", "timeout", "cancelled", or the beforeDot hook's code.
    Result<SmtpReceipt> send(const SmtpEnvelope& envelope, const SmtpHooks& hooks = {}) const;

    // Lines starting with '.' get a second '.'; bare LF becomes CRLF; a final CRLF is ensured.
    static QByteArray dotStuff(const QByteArray& message);

private:
    SmtpOptions m_options;
    std::shared_ptr<const CancelFlag> m_cancel;
};

} // namespace awb::mail
