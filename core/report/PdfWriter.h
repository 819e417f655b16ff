#pragma once
// A small PDF 1.4 writer: A4 pages with text in Helvetica/Helvetica-Bold (WinAnsiEncoding),
// rectangles and lines. Deterministic: the same calls and creation date give the same bytes.
// Coordinates are points from the TOP-LEFT corner of the page; a text's y is its baseline.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

#include "report/FontMetrics.h"

namespace awb::pdf {

struct Color
{
    int r = 0; // 0..255
    int g = 0;
    int b = 0;

    static constexpr Color black() { return {0, 0, 0}; }
    static constexpr Color white() { return {255, 255, 255}; }
    static constexpr Color gray(int level) { return {level, level, level}; }
};

enum class Align
{
    Left,
    Right, // x is the right edge of the text
};

class PdfWriter
{
public:
    static constexpr double kA4Width = 595.28;
    static constexpr double kA4Height = 841.89;

    // Document metadata for /Info. creationDate is written as given (UTC), so output is repeatable.
    PdfWriter(QString title, QDateTime creationDate);

    // Starts a new A4 page; drawing calls go to the current page (one is started on demand).
    void newPage();
    int pageCount() const { return int(m_pages.size()); }

    void text(double x, double y, const QString& text, Font font, double size,
              Color color = Color::black(), Align align = Align::Left);
    void fillRect(double x, double y, double width, double height, Color color);
    void strokeRect(double x, double y, double width, double height, Color color,
                    double lineWidth = 0.5);
    void line(double x1, double y1, double x2, double y2, Color color, double lineWidth = 0.5);

    // The complete file: header, objects, cross-reference table and trailer.
    QByteArray toPdf() const;

    // A PDF literal string body with ( ) \ escaped and bytes outside printable ASCII as octal.
    static QByteArray escapeString(const QByteArray& bytes);
    // A PDF text string for /Info: a literal when ASCII, otherwise UTF-16BE with BOM in hex.
    static QByteArray textString(const QString& text);
    // "D:YYYYMMDDHHmmSSZ"
    static QByteArray pdfDate(const QDateTime& utc);

private:
    QByteArray& page();

    QString m_title;
    QDateTime m_creationDate;
    std::vector<QByteArray> m_pages; // content streams
};

} // namespace awb::pdf
