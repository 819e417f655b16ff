#pragma once
// Text in the standard Type1 fonts Helvetica and Helvetica-Bold: mapping Unicode to WinAnsiEncoding
// and measuring with the fonts' AFM advance widths, so layouts can elide and right-align exactly.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace awb::pdf {

enum class Font
{
    Helvetica,
    HelveticaBold,
};

// Unicode -> WinAnsiEncoding bytes. Latin-1 maps to itself, the euro sign and the typographic
// characters of 0x80-0x9F to their WinAnsi codes; tabs and line breaks become spaces; everything
// else (including other control characters) becomes '?'.
QByteArray toWinAnsi(const QString& text);

// Advance width of one WinAnsi code in 1/1000 em (0 for codes that have no glyph).
int glyphWidth(Font font, unsigned char code);

// Width in points of text set in font at size points (no kerning: PDF Tj does not kern).
double textWidth(const QString& text, Font font, double size);

// text when it fits in maxWidth, otherwise its longest prefix that fits followed by an ellipsis.
QString elide(const QString& text, Font font, double size, double maxWidth);

// Greedy word wrap into lines no wider than maxWidth; a word longer than a line is elided.
// Explicit line breaks in text start new lines.
QStringList wrap(const QString& text, Font font, double size, double maxWidth);

} // namespace awb::pdf
