#include "report/PdfWriter.h"

#include <QTimeZone>

namespace awb::pdf {

namespace {

// Fixed object numbers; pages follow as (page, content) pairs from kFirstPage on.
constexpr int kCatalog = 1;
constexpr int kPages = 2;
constexpr int kFontRegular = 3;
constexpr int kFontBold = 4;
constexpr int kInfo = 5;
constexpr int kFirstPage = 6;

// Shortest fixed-point form with at most three decimals, always with '.' as separator.
QByteArray num(double value)
{
    QByteArray s = QByteArray::number(value, 'f', 3);
    if (s.contains('.')) {
        while (s.endsWith('0'))
            s.chop(1);
        if (s.endsWith('.'))
            s.chop(1);
    }
    if (s == "-0")
        s = "0";
    return s;
}

QByteArray colorOperands(Color c)
{
    auto component = [](int v) {
        return num(double(qBound(0, v, 255)) / 255.0);
    };
    return component(c.r) + ' ' + component(c.g) + ' ' + component(c.b);
}

QByteArray fontResource(Font font)
{
    return font == Font::HelveticaBold ? QByteArrayLiteral("/F2") : QByteArrayLiteral("/F1");
}

} // namespace

PdfWriter::PdfWriter(QString title, QDateTime creationDate)
    : m_title(std::move(title)), m_creationDate(std::move(creationDate))
{
}

void PdfWriter::newPage()
{
    m_pages.emplace_back();
}

QByteArray& PdfWriter::page()
{
    if (m_pages.empty())
        newPage();
    return m_pages.back();
}

void PdfWriter::text(double x, double y, const QString& text, Font font, double size, Color color,
                     Align align)
{
    const QByteArray encoded = toWinAnsi(text);
    if (encoded.isEmpty())
        return;
    const double left = align == Align::Right ? x - textWidth(text, font, size) : x;
    QByteArray& out = page();
    out += "BT " + fontResource(font) + ' ' + num(size) + " Tf " + colorOperands(color) + " rg " +
           num(left) + ' ' + num(kA4Height - y) + " Td (" + escapeString(encoded) + ") Tj ET\n";
}

void PdfWriter::fillRect(double x, double y, double width, double height, Color color)
{
    page() += "q " + colorOperands(color) + " rg " + num(x) + ' ' + num(kA4Height - y - height) +
              ' ' + num(width) + ' ' + num(height) + " re f Q\n";
}

void PdfWriter::strokeRect(double x, double y, double width, double height, Color color,
                           double lineWidth)
{
    page() += "q " + colorOperands(color) + " RG " + num(lineWidth) + " w " + num(x) + ' ' +
              num(kA4Height - y - height) + ' ' + num(width) + ' ' + num(height) + " re S Q\n";
}

void PdfWriter::line(double x1, double y1, double x2, double y2, Color color, double lineWidth)
{
    page() += "q " + colorOperands(color) + " RG " + num(lineWidth) + " w " + num(x1) + ' ' +
              num(kA4Height - y1) + " m " + num(x2) + ' ' + num(kA4Height - y2) + " l S Q\n";
}

QByteArray PdfWriter::escapeString(const QByteArray& bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 8);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c >= 0x7F) {
            // Octal keeps the file ASCII-only and immune to end-of-line conversion.
            out += '\\';
            out += char('0' + ((c >> 6) & 7));
            out += char('0' + ((c >> 3) & 7));
            out += char('0' + (c & 7));
        } else {
            out += char(c);
        }
    }
    return out;
}

QByteArray PdfWriter::textString(const QString& text)
{
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7F) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return '(' + escapeString(text.toLatin1()) + ')';
    QByteArray utf16("\xFE\xFF", 2);
    for (const QChar c : text) {
        utf16 += char(c.unicode() >> 8);
        utf16 += char(c.unicode() & 0xFF);
    }
    return '<' + utf16.toHex().toUpper() + '>';
}

QByteArray PdfWriter::pdfDate(const QDateTime& utc)
{
    return "D:" + utc.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
}

QByteArray PdfWriter::toPdf() const
{
    std::vector<QByteArray> pages = m_pages;
    if (pages.empty())
        pages.emplace_back(); // a PDF needs at least one page

    const int objectCount = kFirstPage - 1 + 2 * int(pages.size());
    std::vector<qsizetype> offsets(size_t(objectCount) + 1, 0);
    // The binary comment tells transfer tools the file is not plain text.
    QByteArray out("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");

    auto object = [&](int number, const QByteArray& body) {
        offsets[size_t(number)] = out.size();
        out += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    };

    object(kCatalog, "<< /Type /Catalog /Pages " + QByteArray::number(kPages) + " 0 R >>");
    QByteArray kids;
    for (size_t i = 0; i < pages.size(); ++i)
        kids += (i ? " " : "") + QByteArray::number(kFirstPage + 2 * int(i)) + " 0 R";
    object(kPages, "<< /Type /Pages /Kids [" + kids + "] /Count " +
                       QByteArray::number(qsizetype(pages.size())) + " /MediaBox [0 0 " +
                       num(kA4Width) + ' ' + num(kA4Height) + "] >>");
    object(kFontRegular, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                         "/Encoding /WinAnsiEncoding >>");
    object(kFontBold, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                      "/Encoding /WinAnsiEncoding >>");
    object(kInfo, "<< /Title " + textString(m_title) +
                      " /Producer (Agent Workbench) /Creator (Agent Workbench) /CreationDate (" +
                      pdfDate(m_creationDate) + ") >>");
    for (size_t i = 0; i < pages.size(); ++i) {
        const int pageNumber = kFirstPage + 2 * int(i);
        object(pageNumber, "<< /Type /Page /Parent " + QByteArray::number(kPages) +
                               " 0 R /Resources << /Font << /F1 " +
                               QByteArray::number(kFontRegular) + " 0 R /F2 " +
                               QByteArray::number(kFontBold) + " 0 R >> >> /Contents " +
                               QByteArray::number(pageNumber + 1) + " 0 R >>");
        const QByteArray& content = pages[i];
        object(pageNumber + 1, "<< /Length " + QByteArray::number(content.size()) +
                                   " >>\nstream\n" + content + "\nendstream");
    }

    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objectCount + 1) + "\n";
    out += "0000000000 65535 f \n"; // each entry is exactly 20 bytes
    for (int i = 1; i <= objectCount; ++i)
        out += QByteArray::number(offsets[size_t(i)]).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objectCount + 1) + " /Root " +
           QByteArray::number(kCatalog) + " 0 R /Info " + QByteArray::number(kInfo) +
           " 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

} // namespace awb::pdf
