#include "report/FontMetrics.h"

#include <array>

namespace awb::pdf {

namespace {

// Advance widths (1/1000 em) of WinAnsi codes 32..255 from the Adobe AFM metrics of Helvetica and
// Helvetica-Bold; 0 marks the codes WinAnsi leaves undefined.
constexpr int kFirst = 32;
using WidthTable = std::array<short, 224>;

constexpr WidthTable kHelvetica = {
    278,  278, 355, 556, 556, 889,  667,  191,  333, 333,  389, 584, 278,  333, 278, 278, // 32
    556,  556, 556, 556, 556, 556,  556,  556,  556, 556,  278, 278, 584,  584, 584, 556, // 48
    1015, 667, 667, 722, 722, 667,  611,  778,  722, 278,  500, 667, 556,  833, 722, 778, // 64
    667,  778, 722, 667, 611, 722,  667,  944,  667, 667,  611, 278, 278,  278, 469, 556, // 80
    333,  556, 556, 500, 556, 556,  278,  556,  556, 222,  222, 500, 222,  833, 556, 556, // 96
    556,  556, 333, 500, 278, 556,  500,  722,  500, 500,  500, 334, 260,  334, 584, 0,   // 112
    556,  0,   222, 556, 333, 1000, 556,  556,  333, 1000, 667, 333, 1000, 0,   611, 0,   // 128
    0,    222, 222, 333, 333, 350,  556,  1000, 333, 1000, 500, 333, 944,  0,   500, 667, // 144
    278,  333, 556, 556, 556, 556,  260,  556,  333, 737,  370, 556, 584,  333, 737, 333, // 160
    400,  584, 333, 333, 333, 556,  537,  278,  333, 333,  365, 556, 834,  834, 834, 611, // 176
    667,  667, 667, 667, 667, 667,  1000, 722,  667, 667,  667, 667, 278,  278, 278, 278, // 192
    722,  722, 778, 778, 778, 778,  778,  584,  778, 722,  722, 722, 722,  667, 667, 611, // 208
    556,  556, 556, 556, 556, 556,  889,  500,  556, 556,  556, 556, 278,  278, 278, 278, // 224
    556,  556, 556, 556, 556, 556,  556,  584,  611, 556,  556, 556, 556,  500, 556, 500, // 240
};

constexpr WidthTable kHelveticaBold = {
    278, 333, 474, 556, 556, 889,  722,  238,  333, 333,  389, 584, 278,  333, 278, 278, // 32
    556, 556, 556, 556, 556, 556,  556,  556,  556, 556,  333, 333, 584,  584, 584, 611, // 48
    975, 722, 722, 722, 722, 667,  611,  778,  722, 278,  556, 722, 611,  833, 722, 778, // 64
    667, 778, 722, 667, 611, 722,  667,  944,  667, 667,  611, 333, 278,  333, 584, 556, // 80
    333, 556, 611, 556, 611, 556,  333,  611,  611, 278,  278, 556, 278,  889, 611, 611, // 96
    611, 611, 389, 556, 333, 611,  556,  778,  556, 556,  500, 389, 280,  389, 584, 0,   // 112
    556, 0,   278, 556, 500, 1000, 556,  556,  333, 1000, 667, 333, 1000, 0,   611, 0,   // 128
    0,   278, 278, 500, 500, 350,  556,  1000, 333, 1000, 556, 333, 944,  0,   500, 667, // 144
    278, 333, 556, 556, 556, 556,  280,  556,  333, 737,  370, 556, 584,  333, 737, 333, // 160
    400, 584, 333, 333, 333, 611,  556,  278,  333, 333,  365, 556, 834,  834, 834, 611, // 176
    722, 722, 722, 722, 722, 722,  1000, 722,  667, 667,  667, 667, 278,  278, 278, 278, // 192
    722, 722, 778, 778, 778, 778,  778,  584,  778, 722,  722, 722, 722,  667, 667, 611, // 208
    556, 556, 556, 556, 556, 556,  889,  556,  556, 556,  556, 556, 278,  278, 278, 278, // 224
    611, 611, 611, 611, 611, 611,  611,  584,  611, 611,  611, 611, 611,  556, 611, 556, // 240
};

// The characters WinAnsi places in 0x80-0x9F, where Latin-1 has C1 control codes.
struct Special
{
    char32_t unicode;
    unsigned char code;
};
constexpr std::array<Special, 27> kSpecials = {{
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
    {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
    {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
}};

unsigned char winAnsiCode(char32_t c)
{
    if (c == U'\t' || c == U'\n' || c == U'\r')
        return ' ';
    if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF))
        return static_cast<unsigned char>(c);
    for (const Special& s : kSpecials) {
        if (s.unicode == c)
            return s.code;
    }
    return '?';
}

} // namespace

QByteArray toWinAnsi(const QString& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4())
        out.append(static_cast<char>(winAnsiCode(c)));
    return out;
}

int glyphWidth(Font font, unsigned char code)
{
    if (code < kFirst)
        return 0;
    const WidthTable& table = font == Font::HelveticaBold ? kHelveticaBold : kHelvetica;
    return table[code - kFirst];
}

double textWidth(const QString& text, Font font, double size)
{
    long units = 0;
    for (const char c : toWinAnsi(text))
        units += glyphWidth(font, static_cast<unsigned char>(c));
    return double(units) * size / 1000.0;
}

QString elide(const QString& text, Font font, double size, double maxWidth)
{
    if (textWidth(text, font, size) <= maxWidth)
        return text;
    const QString ellipsis(QChar(0x2026));
    // Work on code points so a surrogate pair is never split.
    QList<uint> codePoints = text.toUcs4();
    while (!codePoints.isEmpty()) {
        codePoints.removeLast();
        const QString candidate =
            QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()),
                              codePoints.size())
                .trimmed() +
            ellipsis;
        if (textWidth(candidate, font, size) <= maxWidth)
            return candidate;
    }
    return textWidth(ellipsis, font, size) <= maxWidth ? ellipsis : QString();
}

QStringList wrap(const QString& text, Font font, double size, double maxWidth)
{
    QStringList lines;
    const double space = textWidth(QStringLiteral(" "), font, size);
    const QStringList paragraphs =
        QString(text).replace(QLatin1String("\r\n"), QLatin1String("\n")).split(QLatin1Char('\n'));
    for (const QString& paragraph : paragraphs) {
        QString line;
        double lineWidth = 0;
        const QStringList words = paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty()) {
            lines << QString();
            continue;
        }
        for (const QString& rawWord : words) {
            const QString word = elide(rawWord, font, size, maxWidth);
            const double w = textWidth(word, font, size);
            if (!line.isEmpty() && lineWidth + space + w > maxWidth) {
                lines << line;
                line.clear();
                lineWidth = 0;
            }
            if (!line.isEmpty()) {
                line += QLatin1Char(' ');
                lineWidth += space;
            }
            line += word;
            lineWidth += w;
        }
        lines << line;
    }
    return lines;
}

} // namespace awb::pdf
