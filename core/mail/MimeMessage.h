#pragma once
// An RFC 5322 / MIME message: headers, a UTF-8 text/plain body (quoted-printable) and base64
// attachments in multipart/mixed, with CRLF line endings. Dot-stuffing is left to the SMTP client.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace awb::mail {

struct Attachment
{
    QString fileName;       // shown to the recipient; no folders
    QByteArray contentType; // e.g. "application/pdf"; guessed from the name when empty
    QByteArray data;
};

struct MimeMessage
{
    QString from;   // addr-spec, e.g. "reports@example.com"
    QStringList to; // addr-specs
    QStringList cc;
    QString subject;
    QString body;         // plain text; any line ending
    QDateTime date;       // written in UTC
    QByteArray messageId; // without angle brackets, e.g. "key@agent-workbench.local"
    std::vector<Attachment> attachments;

    // The complete message. Header values are stripped of CR and LF so no header can be injected.
    QByteArray toBytes() const;
};

// Helpers, public for tests.
namespace mime {

// "=?utf-8?B?...?=" words (each at most 75 characters, split on character boundaries) folded
// with CRLF SP, or the text itself folded at spaces when it is printable ASCII whose words fit on
// a line of 78 characters.
QByteArray encodeHeaderText(const QString& text);
// Quoted-printable (RFC 2045) of UTF-8 text with CRLF line breaks and lines of at most 76.
QByteArray quotedPrintable(const QString& text);
// Base64 in lines of 76 characters, each ending in CRLF.
QByteArray base64Lines(const QByteArray& data);
// "Thu, 01 Oct 2026 09:00:00 +0000"
QByteArray rfc5322Date(const QDateTime& date);
// A MIME type from a file name's extension; application/octet-stream when unknown.
QByteArray contentTypeFor(const QString& fileName);
// A msg-id / file-name-safe form of any text: letters, digits, '-' and '_' are kept, every
// other UTF-8 byte becomes "=XX", so distinct inputs stay distinct.
QByteArray safeToken(const QString& text);

} // namespace mime

} // namespace awb::mail
