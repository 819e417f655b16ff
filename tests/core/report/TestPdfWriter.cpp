// Tests for the PDF writer and the Helvetica metrics: file structure (xref offsets, stream
// lengths), string escaping, WinAnsi mapping and text measurement, checked against poppler.

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "report/FontMetrics.h"
#include "report/PdfWriter.h"

using namespace awb::pdf;

namespace {

QDateTime fixedDate()
{
    return QDateTime(QDate(2026, 10, 1), QTime(9, 0, 0), Qt::UTC);
}

QByteArray samplePdf()
{
    PdfWriter w(QStringLiteral("Sample"), fixedDate());
    w.newPage();
    w.text(50, 60, QStringLiteral("First page (with parentheses)"), Font::HelveticaBold, 14);
    w.fillRect(50, 80, 200, 20, Color::gray(230));
    w.strokeRect(50, 80, 200, 20, Color::black());
    w.line(50, 110, 300, 110, Color{200, 0, 0}, 1);
    w.newPage();
    w.text(300, 60, QStringLiteral("1,234.50"), Font::Helvetica, 10, Color::black(), Align::Right);
    return w.toPdf();
}

QByteArray run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        qFatal("cannot start %s: install poppler-utils", qPrintable(program));
    p.waitForFinished(30000);
    return p.readAllStandardOutput();
}

} // namespace

class TestPdfWriter : public QObject
{
    Q_OBJECT

private slots:
    void xrefOffsetsPointAtTheirObjects();
    void streamLengthsMatchTheirContent();
    void escapeString_data();
    void escapeString();
    void textIsEscapedInContentStream();
    void infoCarriesTitleProducerAndCreationDate();
    void nonAsciiTitleIsUtf16();
    void toWinAnsi_data();
    void toWinAnsi();
    void textWidth_data();
    void textWidth();
    void elideAddsEllipsisWithinWidth();
    void elideKeepsTextThatFits();
    void wrapKeepsEveryLineWithinWidth();
    void outputIsDeterministic();
    void popplerReadsPagesAndText();
    void measuredWidthMatchesPoppler_data();
    void measuredWidthMatchesPoppler();
};

void TestPdfWriter::xrefOffsetsPointAtTheirObjects()
{
    const QByteArray pdf = samplePdf();
    QVERIFY(pdf.startsWith("%PDF-1.4\n"));
    QVERIFY(pdf.endsWith("%%EOF\n"));
    const qsizetype sx = pdf.lastIndexOf("startxref\n");
    QVERIFY(sx > 0);
    bool ok = false;
    const qsizetype xref = pdf.mid(sx + 10).split('\n').first().toLongLong(&ok);
    QVERIFY(ok);
    QVERIFY(pdf.mid(xref).startsWith("xref\n0 "));
    const QList<QByteArray> lines = pdf.mid(xref).split('\n');
    const int count = lines[1].split(' ').value(1).toInt();
    QCOMPARE(count, 10); // 5 fixed objects + 2 pages x (page, content) + the free entry
    QCOMPARE(lines[2], QByteArray("0000000000 65535 f "));
    // Each entry is 20 bytes and its offset starts "N 0 obj".
    const qsizetype entries = xref + lines[0].size() + 1 + lines[1].size() + 1;
    for (int i = 1; i < count; ++i) {
        const QByteArray entry = pdf.mid(entries + 20 * i, 20);
        QVERIFY2(entry.endsWith(" 00000 n \n"), entry.constData());
        const qsizetype offset = entry.left(10).toLongLong();
        QVERIFY2(pdf.mid(offset).startsWith(QByteArray::number(i) + " 0 obj\n"),
                 qPrintable(QStringLiteral("object %1 at %2").arg(i).arg(offset)));
    }
    QVERIFY(pdf.contains("/Size 10 /Root 1 0 R /Info 5 0 R"));
    QVERIFY(pdf.contains("/Count 2"));
}

void TestPdfWriter::streamLengthsMatchTheirContent()
{
    const QByteArray pdf = samplePdf();
    static const QRegularExpression re(QStringLiteral("/Length (\\d+) >>\nstream\n"));
    auto it = re.globalMatch(QString::fromLatin1(pdf));
    int streams = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        const qsizetype start = m.capturedEnd();
        const qsizetype end = pdf.indexOf("\nendstream", start);
        QCOMPARE(end - start, m.captured(1).toLongLong());
        ++streams;
    }
    QCOMPARE(streams, 2);
}

void TestPdfWriter::escapeString_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("Total 12") << QByteArray("Total 12");
    QTest::newRow("parentheses") << QByteArray("a(b)c") << QByteArray("a\\(b\\)c");
    QTest::newRow("backslash") << QByteArray("C:\\x") << QByteArray("C:\\\\x");
    QTest::newRow("euro byte") << QByteArray("\x80"
                                             "5")
                               << QByteArray("\\2005");
    QTest::newRow("latin1 e-acute") << QByteArray("caf\xE9") << QByteArray("caf\\351");
    QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("a\\012b");
}

void TestPdfWriter::escapeString()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(PdfWriter::escapeString(input), expected);
}

void TestPdfWriter::textIsEscapedInContentStream()
{
    PdfWriter w(QStringLiteral("t"), fixedDate());
    w.text(10, 20, QStringLiteral("Net (adj.) \\ 5 \u20ac"), Font::Helvetica, 10);
    const QByteArray pdf = w.toPdf();
    QVERIFY2(pdf.contains("(Net \\(adj.\\) \\\\ 5 \\200) Tj"), pdf.constData());
    QVERIFY(pdf.contains("BT /F1 10 Tf 0 0 0 rg 10 821.89 Td"));
}

void TestPdfWriter::infoCarriesTitleProducerAndCreationDate()
{
    PdfWriter w(QStringLiteral("Q3 (draft)"), fixedDate());
    const QByteArray pdf = w.toPdf();
    QVERIFY(pdf.contains("/Title (Q3 \\(draft\\))"));
    QVERIFY(pdf.contains("/Producer (Agent Workbench)"));
    QVERIFY(pdf.contains("/CreationDate (D:20261001090000Z)"));
    QVERIFY(pdf.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"));
    QVERIFY(pdf.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"));
    QVERIFY(pdf.contains("/Count 1")); // an empty document still has one page
}

void TestPdfWriter::nonAsciiTitleIsUtf16()
{
    QCOMPARE(PdfWriter::textString(QStringLiteral("\u00c9t\u00e9")),
             QByteArray("<FEFF00C9007400E9>"));
}

void TestPdfWriter::toWinAnsi_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ascii") << QStringLiteral("Abc 1") << QByteArray("Abc 1");
    QTest::newRow("euro") << QStringLiteral("\u20ac") << QByteArray("\x80");
    QTest::newRow("latin1") << QStringLiteral("M\u00fcller") << QByteArray("M\xFCller");
    QTest::newRow("curly quotes and dash")
        << QStringLiteral("\u201cx\u201d \u2013 \u2026") << QByteArray("\x93x\x94 \x96 \x85");
    QTest::newRow("outside winansi") << QStringLiteral("a\u2192b") << QByteArray("a?b");
    QTest::newRow("surrogate pair is one char")
        << QStringLiteral("x\U0001F600y") << QByteArray("x?y");
    QTest::newRow("tab and newline") << QStringLiteral("a\tb\nc") << QByteArray("a b c");
    QTest::newRow("c1 control") << QStringLiteral("a\u0085b") << QByteArray("a?b");
}

void TestPdfWriter::toWinAnsi()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(awb::pdf::toWinAnsi(text), expected);
}

void TestPdfWriter::textWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("bold");
    QTest::addColumn<double>("size");
    QTest::addColumn<double>("expected");
    // Sums of AFM widths: H 722 + e 556 + l 222 + l 222 + o 556 = 2278.
    QTest::newRow("Hello regular") << QStringLiteral("Hello") << false << 10.0 << 22.78;
    // T 611 + o 611 + t 333 + a 556 + l 278 = 2389.
    QTest::newRow("Total bold") << QStringLiteral("Total") << true << 10.0 << 23.89;
    // Six digits at 556 and a period at 278.
    QTest::newRow("amount") << QStringLiteral("1234.50") << false << 12.0 << 43.368;
    QTest::newRow("euro") << QStringLiteral("\u20ac") << false << 1000.0 << 556.0;
    QTest::newRow("W bold") << QStringLiteral("W") << true << 1000.0 << 944.0;
    QTest::newRow("empty") << QString() << false << 10.0 << 0.0;
}

void TestPdfWriter::textWidth()
{
    QFETCH(QString, text);
    QFETCH(bool, bold);
    QFETCH(double, size);
    QFETCH(double, expected);
    const double w = awb::pdf::textWidth(text, bold ? Font::HelveticaBold : Font::Helvetica, size);
    QVERIFY2(qAbs(w - expected) < 1e-9, qPrintable(QString::number(w)));
}

void TestPdfWriter::elideAddsEllipsisWithinWidth()
{
    const QString text = QStringLiteral("Reconciliation of the ledger");
    const QString e = elide(text, Font::Helvetica, 10, 60);
    QVERIFY(e.endsWith(QChar(0x2026)));
    QVERIFY(awb::pdf::textWidth(e, Font::Helvetica, 10) <= 60);
    QVERIFY(text.startsWith(e.chopped(1)));
    // The next longer prefix would not have fitted.
    const QString longer = text.left(e.size()) + QChar(0x2026);
    QVERIFY(awb::pdf::textWidth(longer, Font::Helvetica, 10) > 60);
}

void TestPdfWriter::elideKeepsTextThatFits()
{
    QCOMPARE(elide(QStringLiteral("Short"), Font::Helvetica, 10, 100), QStringLiteral("Short"));
}

void TestPdfWriter::wrapKeepsEveryLineWithinWidth()
{
    const QString text = QStringLiteral(
        "The ledger was joined to the CRM export on invoice number; amounts were compared to the "
        "cent and every difference is listed.");
    const QStringList lines = wrap(text, Font::Helvetica, 9, 150);
    QVERIFY(lines.size() > 2);
    for (const QString& l : lines)
        QVERIFY2(awb::pdf::textWidth(l, Font::Helvetica, 9) <= 150, qPrintable(l));
    QCOMPARE(lines.join(QLatin1Char(' ')), text);
}

void TestPdfWriter::outputIsDeterministic()
{
    QCOMPARE(samplePdf(), samplePdf());
}

void TestPdfWriter::popplerReadsPagesAndText()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("sample.pdf"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(samplePdf());
    f.close();
    const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {file}));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+2\\n"))), qPrintable(info));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Producer:\\s+Agent Workbench\\n"))),
             qPrintable(info));
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("Title:\\s+Sample\\n"))));
    QVERIFY(info.contains(
        QRegularExpression(QStringLiteral("Page size:\\s+595.28 x 841.89 pts \\(A4\\)"))));
    const QString text =
        QString::fromUtf8(run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")}));
    QVERIFY2(text.contains(QStringLiteral("First page (with parentheses)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("1,234.50")));
}

void TestPdfWriter::measuredWidthMatchesPoppler_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("bold");
    QTest::newRow("regular letters") << QStringLiteral("Workbench") << false;
    QTest::newRow("bold letters") << QStringLiteral("Reconciliation") << true;
    QTest::newRow("digits and signs") << QStringLiteral("-1,234.50%") << false;
    QTest::newRow("latin1") << QStringLiteral("\u00c6r\u00f8skj\u00f8bing\u00df") << true;
    QTest::newRow("euro and quotes") << QStringLiteral("\u20ac\u201cA\u201d\u2014B") << false;
}

void TestPdfWriter::measuredWidthMatchesPoppler()
{
    QFETCH(QString, word);
    QFETCH(bool, bold);
    const Font font = bold ? Font::HelveticaBold : Font::Helvetica;
    PdfWriter w(QStringLiteral("w"), fixedDate());
    w.text(100, 100, word, font, 20);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("w.pdf"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(w.toPdf());
    f.close();
    // pdftotext -bbox reports each word's box from poppler's own Helvetica metrics.
    const QString html = QString::fromUtf8(
        run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), file, QStringLiteral("-")}));
    static const QRegularExpression re(
        QStringLiteral("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\""));
    const auto m = re.match(html);
    QVERIFY2(m.hasMatch(), qPrintable(html));
    const double measured = m.captured(2).toDouble() - m.captured(1).toDouble();
    const double ours = awb::pdf::textWidth(word, font, 20);
    QVERIFY2(qAbs(measured - ours) < 0.01,
             qPrintable(QStringLiteral("poppler %1, ours %2").arg(measured).arg(ours)));
}

QTEST_GUILESS_MAIN(TestPdfWriter)
#include "TestPdfWriter.moc"
