#include "editors/JsonLocator.h"

#include <QStringList>

#include <algorithm>

namespace awb::ui {

namespace {
QStringList pointerTokens(const QString& pointer)
{
    QStringList tokens = pointer.split(QLatin1Char('/'));
    if (!tokens.isEmpty())
        tokens.removeFirst(); // a pointer starts with "/": the first token is empty
    for (QString& t : tokens)
        t.replace(QLatin1String("~1"), QLatin1String("/"))
            .replace(QLatin1String("~0"), QLatin1String("~"));
    return tokens;
}
} // namespace

int JsonLocator::skipSpace(int i) const
{
    while (i < m_text.size() && m_text.at(i).isSpace())
        ++i;
    return i;
}

int JsonLocator::skipString(int i) const
{
    for (++i; i < m_text.size(); ++i) {
        const QChar c = m_text.at(i);
        if (c == QLatin1Char('\\'))
            ++i;
        else if (c == QLatin1Char('"'))
            return i + 1;
    }
    return -1;
}

int JsonLocator::skipValue(int i) const
{
    i = skipSpace(i);
    if (i >= m_text.size())
        return -1;
    const QChar c = m_text.at(i);
    if (c == QLatin1Char('"'))
        return skipString(i);
    if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
        // Nesting only matters for brackets outside strings.
        int depth = 0;
        for (; i < m_text.size(); ++i) {
            const QChar d = m_text.at(i);
            if (d == QLatin1Char('"')) {
                i = skipString(i);
                if (i < 0)
                    return -1;
                --i;
            } else if (d == QLatin1Char('{') || d == QLatin1Char('[')) {
                ++depth;
            } else if (d == QLatin1Char('}') || d == QLatin1Char(']')) {
                if (--depth == 0)
                    return i + 1;
            }
        }
        return -1;
    }
    // A number, true, false or null: runs until a delimiter.
    while (i < m_text.size() && !m_text.at(i).isSpace() && m_text.at(i) != QLatin1Char(',') &&
           m_text.at(i) != QLatin1Char('}') && m_text.at(i) != QLatin1Char(']'))
        ++i;
    return i;
}

QString JsonLocator::decodeString(int begin, int end) const
{
    // begin/end include the quotes. Escapes are rare in member names; decode the common ones.
    QString out;
    for (int i = begin + 1; i < end - 1; ++i) {
        QChar c = m_text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < end - 1) {
            const QChar e = m_text.at(++i);
            if (e == QLatin1Char('n'))
                c = QLatin1Char('\n');
            else if (e == QLatin1Char('t'))
                c = QLatin1Char('\t');
            else if (e == QLatin1Char('u') && i + 4 < end - 1) {
                c = QChar(m_text.mid(i + 1, 4).toUShort(nullptr, 16));
                i += 4;
            } else
                c = e;
        }
        out += c;
    }
    return out;
}

TextSpan JsonLocator::spanAt(int offset, int length) const
{
    TextSpan span;
    if (offset < 0 || offset > m_text.size())
        return span;
    span.offset = offset;
    span.length = length;
    span.line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; ++i) {
        if (m_text.at(i) == QLatin1Char('\n')) {
            ++span.line;
            lineStart = i + 1;
        }
    }
    span.column = offset - lineStart + 1;
    return span;
}

TextSpan JsonLocator::locate(const QString& pointer) const
{
    int cur = skipSpace(0);
    if (cur >= m_text.size())
        return {};
    TextSpan best = spanAt(cur, 1);
    for (const QString& token : pointerTokens(pointer)) {
        if (cur >= m_text.size())
            break;
        const QChar open = m_text.at(cur);
        int i = skipSpace(cur + 1);
        bool found = false;
        if (open == QLatin1Char('{')) {
            while (i < m_text.size() && m_text.at(i) == QLatin1Char('"')) {
                const int keyEnd = skipString(i);
                if (keyEnd < 0)
                    break;
                const int colon = skipSpace(keyEnd);
                if (colon >= m_text.size() || m_text.at(colon) != QLatin1Char(':'))
                    break;
                const int valueStart = skipSpace(colon + 1);
                const int valueEnd = skipValue(valueStart);
                if (decodeString(i, keyEnd) == token) {
                    const QChar v = valueStart < m_text.size() ? m_text.at(valueStart) : QChar();
                    const bool scalar =
                        v != QLatin1Char('{') && v != QLatin1Char('[') && valueEnd > 0;
                    best = spanAt(i, (scalar ? valueEnd : keyEnd) - i);
                    cur = valueStart;
                    found = true;
                    break;
                }
                if (valueEnd < 0)
                    break;
                i = skipSpace(valueEnd);
                if (i < m_text.size() && m_text.at(i) == QLatin1Char(','))
                    i = skipSpace(i + 1);
            }
        } else if (open == QLatin1Char('[')) {
            bool isIndex = false;
            const int index = token.toInt(&isIndex);
            for (int n = 0; isIndex && i < m_text.size() && m_text.at(i) != QLatin1Char(']'); ++n) {
                const int valueEnd = skipValue(i);
                if (valueEnd < 0)
                    break;
                if (n == index) {
                    const QChar v = m_text.at(i);
                    const bool scalar = v != QLatin1Char('{') && v != QLatin1Char('[');
                    best = spanAt(i, scalar ? valueEnd - i : 1);
                    cur = i;
                    found = true;
                    break;
                }
                i = skipSpace(valueEnd);
                if (i < m_text.size() && m_text.at(i) == QLatin1Char(','))
                    i = skipSpace(i + 1);
            }
        }
        if (!found)
            break;
    }
    return best;
}

int JsonLocator::offsetOfUtf8Byte(const QByteArray& utf8, qsizetype byte)
{
    const qsizetype bytes = std::clamp<qsizetype>(byte - 1, 0, utf8.size());
    return int(QString::fromUtf8(utf8.left(bytes)).size());
}

} // namespace awb::ui
