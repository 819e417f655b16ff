// The MIME message builder (core/mail/MimeMessage) on what send_email hands it: a subject and a
// body the model wrote (any text), attachments (a workspace file's name, at most 255 bytes of
// UTF-8 as file systems allow, and any bytes), addresses and a message id of the shapes
// send_email has already checked. The message is parsed back and must be well-formed RFC 5322 and
// MIME: CRLF line ends only, no line longer than 998 octets, only the headers we write (nothing
// injected), one boundary that occurs only as the delimiters, a subject that decodes to the text,
// a quoted-printable body that decodes to the body, and attachments that decode to their bytes.
//
// Input: fields separated by 0x1E: subject, body, message-id key, date (ms since 1970), then one
// field per attachment, its file name and bytes separated by 0x1F; missing fields are empty.

#include "FuzzSupport.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include "mail/MimeMessage.h"

using namespace awb::fuzz;
namespace mail = awb::mail;

namespace {

constexpr qsizetype kMaxLine = 998;       // RFC 5322 2.1.1, without the CRLF
constexpr qsizetype kMaxEncodedLine = 76; // RFC 2045 6.7 and 6.8
constexpr qsizetype kMaxFileName = 255;   // NAME_MAX: the bytes of a workspace file's name

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.left(400).toHex(' '));
}

// At most max bytes of UTF-8, cut on a character boundary.
QString utf8Prefix(const QString& text, qsizetype max)
{
    QString out;
    qsizetype bytes = 0;
    for (const char32_t c : text.toUcs4()) {
        const QString ch = QString::fromUcs4(&c, 1);
        bytes += ch.toUtf8().size();
        if (bytes > max)
            break;
        out += ch;
    }
    return out;
}

mail::MimeMessage messageFrom(const QByteArray& input)
{
    const QList<QByteArray> fields = input.split('\x1e');
    const auto field = [&fields](qsizetype i) {
        return i < fields.size() ? fields[i] : QByteArray();
    };
    mail::MimeMessage m;
    m.from = QStringLiteral("reports@example.com");
    m.to = {QStringLiteral("cfo@example.com"), QStringLiteral("controller@example.com")};
    m.cc = {QStringLiteral("audit@example.com")};
    m.subject = QString::fromUtf8(field(0));
    m.body = QString::fromUtf8(field(1));
    // send_email: the message id is the safe token of the run's idempotency key.
    m.messageId =
        mail::mime::safeToken(QString::fromUtf8(field(2)).left(64)) + "@agent-workbench.local";
    // Years 1970 to 9999: what a clock can say.
    const qint64 ms = field(3).toLongLong() % 253402300800000LL;
    m.date = QDateTime::fromMSecsSinceEpoch(ms < 0 ? -ms : ms, Qt::UTC);
    for (qsizetype i = 4; i < fields.size(); ++i) {
        const QByteArray& a = fields[i];
        const qsizetype sep = a.indexOf('\x1f');
        QString name = QString::fromUtf8(sep < 0 ? a : a.left(sep));
        name.remove(QLatin1Char('/')).remove(QChar(0));
        m.attachments.push_back({utf8Prefix(name, kMaxFileName), QByteArray(),
                                 sep < 0 ? QByteArray() : a.mid(sep + 1)});
    }
    return m;
}

// The body and each attachment, split at the boundary's delimiters (RFC 2046 5.1.1: the CRLF
// before "--boundary" belongs to the delimiter).
struct Part
{
    QByteArray headers; // unfolded, one header per line
    QByteArray content;
};

QByteArray unfold(const QByteArray& headers)
{
    return QByteArray(headers).replace("\r\n ", " ").replace("\r\n\t", "\t");
}

QByteArray headerValue(const QByteArray& unfolded, const QByteArray& name)
{
    for (const QByteArray& line : unfolded.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.startsWith(name + ": "))
            return l.mid(name.size() + 2);
    }
    return {};
}

QByteArray decodeQuotedPrintable(const QByteArray& qp)
{
    QByteArray out;
    for (qsizetype i = 0; i < qp.size(); ++i) {
        if (qp[i] != '=') {
            out += qp[i];
            continue;
        }
        if (qp.mid(i + 1, 2) == "\r\n") {
            i += 2; // soft line break
            continue;
        }
        bool ok = false;
        const int value = qp.mid(i + 1, 2).toInt(&ok, 16);
        check(ok && qp.mid(i + 1, 2) == qp.mid(i + 1, 2).toUpper(),
              "quoted-printable escapes are = and two upper-case hex digits", hex(qp.mid(i, 3)));
        out += char(value);
        i += 2;
    }
    return out;
}

QString decodeSubject(const QByteArray& value)
{
    if (!value.startsWith("=?utf-8?B?"))
        return QString::fromLatin1(value);
    QByteArray utf8;
    for (const QByteArray& word : value.split(' ')) {
        check(word.startsWith("=?utf-8?B?") && word.endsWith("?="),
              "an encoded subject is only encoded words", QString::fromLatin1(word));
        check(word.size() <= 75, "an encoded word is at most 75 characters (RFC 2047)",
              QString::fromLatin1(word));
        utf8 += QByteArray::fromBase64(word.mid(10, word.size() - 12));
    }
    return QString::fromUtf8(utf8);
}

void checkMessage(const mail::MimeMessage& m, const QByteArray& bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n')
            check(i > 0 && bytes[i - 1] == '\r', "every LF is part of a CRLF",
                  hex(bytes.mid(i - 20, 40)));
        if (bytes[i] == '\r')
            check(i + 1 < bytes.size() && bytes[i + 1] == '\n', "every CR is part of a CRLF",
                  hex(bytes.mid(i - 20, 40)));
    }
    check(bytes.endsWith("\r\n"), "the message ends with CRLF");
    const QList<QByteArray> lines = bytes.chopped(2).split('\n');
    for (const QByteArray& line : lines) {
        const qsizetype length = line.size() - (line.endsWith('\r') ? 1 : 0);
        check(length <= kMaxLine, "no line is longer than 998 octets",
              QStringLiteral("%1 octets: %2").arg(length).arg(QString::fromUtf8(line.left(120))));
    }

    const qsizetype headerEnd = bytes.indexOf("\r\n\r\n");
    check(headerEnd > 0, "the headers end with an empty line");
    const QByteArray headers = bytes.left(headerEnd + 2);
    static const QList<QByteArray> kNames = {"From", "To",         "Cc",           "Subject",
                                             "Date", "Message-ID", "MIME-Version", "Content-Type"};
    QList<QByteArray> seen;
    for (const QByteArray& line : headers.chopped(2).split('\n')) {
        if (line.startsWith(' ') || line.startsWith('\t'))
            continue; // a folded continuation
        const QByteArray name = line.left(line.indexOf(':'));
        check(kNames.contains(name) && !seen.contains(name),
              "the headers are ours, each once: nothing is injected",
              QString::fromUtf8(line.left(200)));
        seen << name;
    }
    for (const QByteArray& line : headers.chopped(2).split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        check(!l.contains("=?utf-8?B?") || l.size() <= 76,
              "a header line with encoded words is at most 76 characters (RFC 2047 2)",
              QString::fromLatin1(l));
    }
    const QByteArray unfolded = unfold(headers);
    check(decodeSubject(headerValue(unfolded, "Subject")) ==
              QString(m.subject)
                  .replace(QLatin1Char('\r'), QLatin1Char(' '))
                  .replace(QLatin1Char('\n'), QLatin1Char(' ')),
          "the subject decodes to the subject, its line breaks as spaces");

    check(headerValue(unfolded, "Message-ID") == "<" + m.messageId + ">",
          "the Message-ID is the id in angle brackets");

    const QByteArray type = headerValue(unfolded, "Content-Type");
    const qsizetype b = type.indexOf("boundary=\"");
    check(b >= 0, "the message names its boundary", QString::fromUtf8(type));
    const QByteArray boundary = type.mid(b + 10).chopped(1);
    const QByteArray delimiter = "\r\n--" + boundary;
    const QByteArray body = bytes.mid(headerEnd + 2); // from the CRLF before the first delimiter
    QList<Part> parts;
    qsizetype pos = body.indexOf(delimiter);
    check(pos >= 0, "the body has a first delimiter");
    while (true) {
        const qsizetype afterDelimiter = pos + delimiter.size();
        if (body.mid(afterDelimiter, 4) == "--\r\n") {
            check(afterDelimiter + 4 == body.size(), "nothing follows the close delimiter");
            break;
        }
        check(body.mid(afterDelimiter, 2) == "\r\n", "a delimiter line holds only the delimiter");
        const qsizetype next = body.indexOf(delimiter, afterDelimiter);
        check(next > 0, "every part is followed by a delimiter");
        const QByteArray part = body.mid(afterDelimiter + 2, next - afterDelimiter - 2);
        const qsizetype blank = part.indexOf("\r\n\r\n");
        check(blank >= 0, "a part's headers end with an empty line", hex(part.left(200)));
        parts.push_back({unfold(part.left(blank + 2)), part.mid(blank + 4)});
        pos = next;
    }
    check(
        parts.size() == qsizetype(m.attachments.size()) + 1,
        "one part for the text and one per attachment: the boundary occurs nowhere else",
        QStringLiteral("%1 parts for %2 attachments").arg(parts.size()).arg(m.attachments.size()));

    const Part& text = parts.front();
    check(headerValue(text.headers, "Content-Transfer-Encoding") == "quoted-printable",
          "the text is quoted-printable");
    for (const QByteArray& line : text.content.split('\n')) {
        check(line.size() - (line.endsWith('\r') ? 1 : 0) <= kMaxEncodedLine,
              "quoted-printable lines are at most 76 characters", QString::fromLatin1(line));
    }
    QString expected = m.body;
    expected.replace(QLatin1String("\r\n"), QLatin1String("\n"))
        .replace(QLatin1Char('\r'), QLatin1Char('\n'));
    expected.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    check(decodeQuotedPrintable(text.content) == expected.toUtf8() + "\r\n",
          "the text part decodes to the body, its line ends as CRLF");

    for (std::size_t i = 0; i < m.attachments.size(); ++i) {
        const Part& part = parts[qsizetype(i) + 1];
        check(headerValue(part.headers, "Content-Transfer-Encoding") == "base64",
              "an attachment is base64");
        for (const QByteArray& line : part.content.split('\n')) {
            check(line.size() - (line.endsWith('\r') ? 1 : 0) <= kMaxEncodedLine,
                  "base64 lines are at most 76 characters");
        }
        check(QByteArray::fromBase64(part.content) == m.attachments[i].data,
              "an attachment decodes to its bytes");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const mail::MimeMessage message = messageFrom(bytesOf(data, size));
    checkMessage(message, message.toBytes());
    return 0;
}
