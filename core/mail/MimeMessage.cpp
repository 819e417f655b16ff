#include "mail/MimeMessage.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocale>

namespace awb::mail {

namespace mime {

namespace {

constexpr int kMaxLine = 76;

bool isPrintableAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

QString singleLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

constexpr int kSubjectPrefix = 9;  // "Subject: "
constexpr int kMaxHeaderLine = 78; // RFC 5322 2.1.1's recommendation, without the CRLF

// Whether folding at spaces keeps every line within kMaxHeaderLine: no word is too long for a
// line of its own (the first shares its line with the header's name).
bool foldsShort(const QByteArray& text, int firstLineUsed)
{
    const QList<QByteArray> words = text.split(' ');
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words[i].size() > (i == 0 ? kMaxHeaderLine - firstLineUsed : kMaxHeaderLine - 1))
            return false;
    }
    return true;
}

// Folds printable ASCII at spaces so lines stay short; unfolding restores the text exactly.
QByteArray foldAscii(const QByteArray& text, int firstLineUsed)
{
    QByteArray out;
    int used = firstLineUsed;
    const QList<QByteArray> words = text.split(' ');
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i > 0) {
            if (used + 1 + words[i].size() > kMaxHeaderLine && used > 1) {
                out += "\r\n";
                used = 0;
            }
            out += ' ';
            ++used;
        }
        out += words[i];
        used += int(words[i].size());
    }
    return out;
}

} // namespace

QByteArray encodeHeaderText(const QString& raw)
{
    const QString text = singleLine(raw);
    // A word too long to fold (a pasted URL, a token) is encoded instead: encoded words can be
    // cut anywhere, and an unfolded line of over 998 octets is refused by mail servers.
    if (isPrintableAscii(text) && !text.contains(QLatin1String("=?")) &&
        foldsShort(text.toLatin1(), kSubjectPrefix))
        return foldAscii(text.toLatin1(), kSubjectPrefix);
    // RFC 2047 allows 76 characters on a line with encoded words: at most 45 bytes of UTF-8 per
    // word (base64 makes 60 characters, 72 with the delimiters, 73 after the folding space), and
    // 39 in the first, which shares its line with "Subject: ".
    constexpr qsizetype kFirstWordBytes = 39;
    constexpr qsizetype kWordBytes = 45;
    QByteArray out;
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?utf-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (const char32_t c : text.toUcs4()) {
        const QByteArray utf8 = QString::fromUcs4(&c, 1).toUtf8();
        if (chunk.size() + utf8.size() > (out.isEmpty() ? kFirstWordBytes : kWordBytes))
            flush();
        chunk += utf8;
    }
    flush();
    return out;
}

QByteArray quotedPrintable(const QString& text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QByteArray out;
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    for (qsizetype li = 0; li < lines.size(); ++li) {
        const QByteArray bytes = lines[li].toUtf8();
        int used = 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const auto c = static_cast<unsigned char>(bytes[i]);
            const bool last = i + 1 == bytes.size();
            QByteArray token;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
                token = QByteArray(1, char(c));
            else
                token = '=' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
            // Leave room for the '=' of a soft line break.
            if (used + token.size() > kMaxLine - 1) {
                out += "=\r\n";
                used = 0;
            }
            out += token;
            used += int(token.size());
        }
        if (li + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

QByteArray base64Lines(const QByteArray& data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / kMaxLine * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += kMaxLine)
        out += encoded.mid(i, kMaxLine) + "\r\n";
    return out;
}

QByteArray rfc5322Date(const QDateTime& date)
{
    return QLocale::c()
               .toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               .toLatin1() +
           " +0000";
}

QByteArray contentTypeFor(const QString& fileName)
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    static const struct
    {
        const char* ext;
        const char* type;
    } kTypes[] = {
        {"pdf", "application/pdf"},
        {"csv", "text/csv"},
        {"txt", "text/plain"},
        {"json", "application/json"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"html", "text/html"},
        {"xml", "application/xml"},
        {"zip", "application/zip"},
        {"eml", "message/rfc822"},
        {"md", "text/markdown"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    };
    for (const auto& t : kTypes) {
        if (ext == QLatin1String(t.ext))
            return t.type;
    }
    return "application/octet-stream";
}

QByteArray safeToken(const QString& text)
{
    QByteArray out;
    for (const char ch : text.toUtf8()) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_')
            out += char(c);
        else
            out += '=' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
    }
    return out;
}

} // namespace mime

namespace {

QByteArray addressList(const QStringList& addresses)
{
    QByteArray out;
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        if (i > 0)
            out += ",\r\n ";
        out += addresses[i].simplified().toUtf8();
    }
    return out;
}

QByteArray quoteParameter(const QString& value)
{
    QByteArray out = "\"";
    for (const char c : value.toLatin1()) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

QByteArray attachmentHeaders(const Attachment& a)
{
    const QString name = QFileInfo(a.fileName.simplified()).fileName();
    const QByteArray type = a.contentType.isEmpty() ? mime::contentTypeFor(name) : a.contentType;
    bool ascii = true;
    for (const QChar c : name)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7F;
    QByteArray out = "Content-Type: " + type;
    if (ascii) {
        const QByteArray quoted = quoteParameter(name);
        out += "; name=" + quoted + "\r\nContent-Transfer-Encoding: base64\r\n" +
               "Content-Disposition: attachment; filename=" + quoted + "\r\n";
    } else {
        // RFC 2231 for the disposition; an encoded word in name= for older clients.
        out += "; name=\"" + mime::encodeHeaderText(name).replace("\r\n ", "") + "\"\r\n" +
               "Content-Transfer-Encoding: base64\r\n" +
               "Content-Disposition: attachment; filename*=utf-8''" +
               name.toUtf8().toPercentEncoding() + "\r\n";
    }
    return out;
}

} // namespace

QByteArray MimeMessage::toBytes() const
{
    const QByteArray seed =
        messageId.isEmpty() ? (from + subject + date.toString(Qt::ISODate)).toUtf8() : messageId;
    // "=_" never occurs in quoted-printable or base64 text, so the boundary cannot clash.
    const QByteArray boundary =
        "=_awb_" + QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(24);

    QByteArray out;
    out += "From: " + from.simplified().toUtf8() + "\r\n";
    out += "To: " + addressList(to) + "\r\n";
    if (!cc.isEmpty())
        out += "Cc: " + addressList(cc) + "\r\n";
    out += "Subject: " + mime::encodeHeaderText(subject) + "\r\n";
    out += "Date: " + mime::rfc5322Date(date.isValid() ? date : QDateTime::currentDateTimeUtc()) +
           "\r\n";
    if (!messageId.isEmpty())
        out +=
            "Message-ID: <" + QByteArray(messageId).replace('\r', "").replace('\n', "") + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n";
    out += "\r\nThis is a multi-part message in MIME format.\r\n";

    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += mime::quotedPrintable(body) + "\r\n";
    for (const Attachment& a : attachments) {
        out += "\r\n--" + boundary + "\r\n";
        out += attachmentHeaders(a) + "\r\n";
        out += mime::base64Lines(a.data);
    }
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

} // namespace awb::mail
