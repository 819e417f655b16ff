// Tests for MIME message building: headers, RFC 2047 subjects, quoted-printable and base64
// encodings, attachments that decode to the original bytes, CRLF endings, header injection.

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include "core/mail/support/MailTestSupport.h"
#include "mail/MimeMessage.h"

using awb::mail::Attachment;
using awb::mail::MimeMessage;
namespace mime = awb::mail::mime;

namespace {

MimeMessage sample()
{
    MimeMessage m;
    m.from = QStringLiteral("reports@example.com");
    m.to = {QStringLiteral("cfo@example.com"), QStringLiteral("controller@example.com")};
    m.cc = {QStringLiteral("audit@example.com")};
    m.subject = QStringLiteral("Q3 revenue reconciliation");
    m.body = QStringLiteral("Hello,\nthe summary is attached.\n");
    m.date = QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
    m.messageId = "r-1=2Fs9@agent-workbench.local";
    return m;
}

QByteArray headerBlock(const QByteArray& message)
{
    return message.left(message.indexOf("\r\n\r\n") + 2);
}

// Decodes one or more RFC 2047 B-encoded words (as produced by encodeHeaderText).
QString decodeWords(const QByteArray& encoded)
{
    static const QRegularExpression re(QStringLiteral("=\\?utf-8\\?B\\?([A-Za-z0-9+/=]*)\\?="));
    QByteArray utf8;
    auto it = re.globalMatch(QString::fromLatin1(encoded));
    while (it.hasNext())
        utf8 += QByteArray::fromBase64(it.next().captured(1).toLatin1());
    return QString::fromUtf8(utf8);
}

QByteArray decodeQuotedPrintable(const QByteArray& qp)
{
    QByteArray out;
    for (qsizetype i = 0; i < qp.size(); ++i) {
        if (qp[i] == '=' && qp.mid(i + 1, 2) == "\r\n") {
            i += 2;
        } else if (qp[i] == '=') {
            out += char(qp.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        } else {
            out += qp[i];
        }
    }
    return out;
}

} // namespace

class TestMimeMessage : public QObject
{
    Q_OBJECT

private slots:
    void writesTheStandardHeaders();
    void everyLineEndsInCrlf();
    void asciiSubjectIsWrittenAsIs();
    void subjectWithAWordTooLongToFoldIsEncoded();
    void nonAsciiSubjectRoundTrips_data();
    void nonAsciiSubjectRoundTrips();
    void headerInjectionIsNeutralised();
    void quotedPrintable_data();
    void quotedPrintable();
    void quotedPrintableKeepsLinesShortAndRoundTrips();
    void base64LinesAre76Characters();
    void attachmentDecodesToTheOriginalBytes();
    void attachmentHasDispositionAndType();
    void nonAsciiFileNameUsesRfc2231();
    void rfc5322Date();
    void safeToken_data();
    void safeToken();
};

void TestMimeMessage::writesTheStandardHeaders()
{
    const QByteArray headers = headerBlock(sample().toBytes());
    QVERIFY(headers.startsWith("From: reports@example.com\r\n"));
    QVERIFY(headers.contains("\r\nTo: cfo@example.com,\r\n controller@example.com\r\n"));
    QVERIFY(headers.contains("\r\nCc: audit@example.com\r\n"));
    QVERIFY(headers.contains("\r\nSubject: Q3 revenue reconciliation\r\n"));
    QVERIFY(headers.contains("\r\nDate: Thu, 01 Oct 2026 09:00:00 +0000\r\n"));
    QVERIFY(headers.contains("\r\nMessage-ID: <r-1=2Fs9@agent-workbench.local>\r\n"));
    QVERIFY(headers.contains("\r\nMIME-Version: 1.0\r\n"));
    QVERIFY(headers.contains("\r\nContent-Type: multipart/mixed; boundary=\"=_awb_"));
}

void TestMimeMessage::everyLineEndsInCrlf()
{
    MimeMessage m = sample();
    m.body = QStringLiteral("one\ntwo\r\nthree\rfour");
    m.attachments.push_back({QStringLiteral("data.csv"), {}, QByteArray(500, 'x')});
    const QByteArray bytes = m.toBytes();
    QVERIFY(bytes.endsWith("--\r\n"));
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n')
            QVERIFY2(i > 0 && bytes[i - 1] == '\r', qPrintable(QString::number(i)));
        if (bytes[i] == '\r')
            QVERIFY2(i + 1 < bytes.size() && bytes[i + 1] == '\n', qPrintable(QString::number(i)));
    }
    for (const QByteArray& line : bytes.split('\n'))
        QVERIFY(line.size() <= 78);
}

void TestMimeMessage::asciiSubjectIsWrittenAsIs()
{
    QCOMPARE(mime::encodeHeaderText(QStringLiteral("Q3 summary")), QByteArray("Q3 summary"));
}

// Found by fuzz_mime_message: a subject with a word of 1,000 characters was written on one line
// of 1,009 octets, more than the 998 RFC 5322 allows and mail servers accept.
void TestMimeMessage::subjectWithAWordTooLongToFoldIsEncoded()
{
    const QString subject = QStringLiteral("Q3 report: https://reports.example.com/") +
                            QString(1000, QLatin1Char('x')) + QStringLiteral(" (final)");
    MimeMessage m = sample();
    m.subject = subject;
    const QByteArray headers = headerBlock(m.toBytes());
    const qsizetype start = headers.indexOf("Subject: ");
    const qsizetype end = headers.indexOf("\r\nDate: ");
    const QByteArray field = headers.mid(start, end - start);
    for (const QByteArray& line : field.split('\n'))
        QVERIFY2(line.size() <= 76 + 1, line.constData()); // RFC 2047's limit, + the CR
    QCOMPARE(decodeWords(field), subject);
    // Words that fit stay readable.
    QCOMPARE(mime::encodeHeaderText(QString(69, QLatin1Char('y'))), QByteArray(69, 'y'));
}

void TestMimeMessage::nonAsciiSubjectRoundTrips_data()
{
    QTest::addColumn<QString>("subject");
    QTest::newRow("latin1") << QStringLiteral("Übersicht Q3 – Abstimmung");
    QTest::newRow("euro") << QStringLiteral("Revenue €1.2M");
    QTest::newRow("cjk long") << QString(40, QChar(0x6570));
    QTest::newRow("emoji") << QStringLiteral("Done \U0001F389 report attached");
    QTest::newRow("encoded-word lookalike") << QStringLiteral("=?utf-8?B?x?=");
}

void TestMimeMessage::nonAsciiSubjectRoundTrips()
{
    QFETCH(QString, subject);
    const QByteArray encoded = mime::encodeHeaderText(subject);
    for (const char c : encoded)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
    const QList<QByteArray> lines = ("Subject: " + encoded).split('\n');
    for (const QByteArray& line : lines) {
        for (const QByteArray& word : line.trimmed().split(' '))
            QVERIFY2(word.size() <= 75, word.constData());
        // RFC 2047: a line with encoded words, its header's name included, fits in 76.
        QVERIFY2(line.trimmed().size() <= 76, line.constData());
    }
    QCOMPARE(decodeWords(encoded), subject);
}

void TestMimeMessage::headerInjectionIsNeutralised()
{
    MimeMessage m = sample();
    m.subject = QStringLiteral("Hello\r\nBcc: attacker@example.net");
    const QByteArray headers = headerBlock(m.toBytes());
    QVERIFY(!headers.contains("\r\nBcc:"));
    QVERIFY(headers.contains("Subject: Hello  Bcc: attacker@example.net\r\n"));
}

void TestMimeMessage::quotedPrintable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("Hello") << QByteArray("Hello");
    QTest::newRow("equals sign") << QStringLiteral("a=b") << QByteArray("a=3Db");
    QTest::newRow("utf8") << QStringLiteral("café") << QByteArray("caf=C3=A9");
    QTest::newRow("trailing space") << QStringLiteral("end \nnext") << QByteArray("end=20\r\nnext");
    QTest::newRow("inner space") << QStringLiteral("a b") << QByteArray("a b");
    QTest::newRow("lf to crlf") << QStringLiteral("a\nb") << QByteArray("a\r\nb");
    QTest::newRow("leading dot stays") << QStringLiteral(".") << QByteArray(".");
}

void TestMimeMessage::quotedPrintable()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(mime::quotedPrintable(text), expected);
}

void TestMimeMessage::quotedPrintableKeepsLinesShortAndRoundTrips()
{
    const QString text = QString(300, QLatin1Char('a')) + QStringLiteral(" ü=") +
                         QString(100, QChar(0x00e9)) + QStringLiteral("\nsecond line");
    const QByteArray qp = mime::quotedPrintable(text);
    for (const QByteArray& line : qp.split('\n'))
        QVERIFY2(line.trimmed().size() <= 76, line.constData());
    QByteArray expected = text.toUtf8();
    expected.replace("\n", "\r\n");
    QCOMPARE(decodeQuotedPrintable(qp), expected);
}

void TestMimeMessage::base64LinesAre76Characters()
{
    QByteArray data;
    for (int i = 0; i < 1000; ++i)
        data += char(i * 7);
    const QByteArray encoded = mime::base64Lines(data);
    const QList<QByteArray> lines = encoded.split('\n');
    QCOMPARE(lines.last(), QByteArray()); // ends with CRLF
    for (qsizetype i = 0; i + 2 < lines.size(); ++i)
        QCOMPARE(lines[i].size(), qsizetype(77)); // 76 + CR
    QCOMPARE(QByteArray::fromBase64(QByteArray(encoded).replace("\r\n", "")), data);
}

void TestMimeMessage::attachmentDecodesToTheOriginalBytes()
{
    QByteArray pdf("%PDF-1.4\n");
    for (int i = 0; i < 5000; ++i)
        pdf += char(i % 256);
    MimeMessage m = sample();
    m.attachments.push_back({QStringLiteral("q3.pdf"), {}, pdf});
    m.attachments.push_back({QStringLiteral("notes.txt"), {}, QByteArray("short")});
    const QByteArray bytes = m.toBytes();
    QCOMPARE(mailtest::attachmentData(bytes, QStringLiteral("q3.pdf")), pdf);
    QCOMPARE(mailtest::attachmentData(bytes, QStringLiteral("notes.txt")), QByteArray("short"));
}

void TestMimeMessage::attachmentHasDispositionAndType()
{
    MimeMessage m = sample();
    m.attachments.push_back({QStringLiteral("reports/q3.pdf"), {}, QByteArray("x")});
    const QByteArray bytes = m.toBytes();
    QVERIFY(bytes.contains("Content-Type: application/pdf; name=\"q3.pdf\"\r\n"));
    QVERIFY(bytes.contains("Content-Transfer-Encoding: base64\r\n"));
    QVERIFY(bytes.contains("Content-Disposition: attachment; filename=\"q3.pdf\"\r\n"));
    QVERIFY(bytes.contains("Content-Type: text/plain; charset=utf-8\r\n"
                           "Content-Transfer-Encoding: quoted-printable\r\n"));
}

void TestMimeMessage::nonAsciiFileNameUsesRfc2231()
{
    MimeMessage m = sample();
    m.attachments.push_back({QStringLiteral("Bericht März.pdf"), {}, QByteArray("x")});
    const QByteArray bytes = m.toBytes();
    QVERIFY2(bytes.contains("filename*=utf-8''Bericht%20M%C3%A4rz.pdf\r\n"), bytes.constData());
}

void TestMimeMessage::rfc5322Date()
{
    QCOMPARE(mime::rfc5322Date(QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC)),
             QByteArray("Thu, 01 Oct 2026 09:00:00 +0000"));
    // Local times are converted to UTC.
    QCOMPARE(mime::rfc5322Date(QDateTime(QDate(2026, 1, 5), QTime(1, 2, 3), QTimeZone(3600))),
             QByteArray("Mon, 05 Jan 2026 00:02:03 +0000"));
}

void TestMimeMessage::safeToken_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("kept") << QStringLiteral("run-1_s5") << QByteArray("run-1_s5");
    QTest::newRow("slash and colon") << QStringLiteral("r1/s5:2") << QByteArray("r1=2Fs5=3A2");
    QTest::newRow("equals is escaped too") << QStringLiteral("a=b") << QByteArray("a=3Db");
    QTest::newRow("dot and at") << QStringLiteral("a.b@c") << QByteArray("a=2Eb=40c");
}

void TestMimeMessage::safeToken()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(mime::safeToken(text), expected);
}

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "TestMimeMessage.moc"
