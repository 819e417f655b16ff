#pragma once
// Finds where a JSON pointer points in JSON text, so that a schema error can be shown at its line.
// Works on the text itself (not on parsed JSON, which has no positions); tolerant of text that
// stops parsing part-way: it returns the deepest part of the pointer that it found.

#include <QString>

namespace awb::ui {

struct TextSpan
{
    int offset = -1; // QString index into the text
    int length = 0;
    int line = 0;   // 1-based; 0 when not found
    int column = 0; // 1-based, in characters

    bool isValid() const { return line > 0; }
};

class JsonLocator
{
public:
    explicit JsonLocator(QString text) : m_text(std::move(text)) {}

    // The member the pointer names (its name and, for a scalar, its value) or the array element;
    // "" is the root value.
    TextSpan locate(const QString& pointer) const;
    // The line and column of a span starting at offset.
    TextSpan spanAt(int offset, int length) const;
    // A UTF-8 byte offset (as nlohmann's parse errors give, 1-based) as a QString offset.
    static int offsetOfUtf8Byte(const QByteArray& utf8, qsizetype byte);

private:
    int skipSpace(int i) const;
    int skipString(int i) const; // i at the opening quote; returns the index after the closing one
    int skipValue(int i) const;  // returns the index after the value, or -1 on broken text
    QString decodeString(int begin, int end) const;

    QString m_text;
};

} // namespace awb::ui
