#include "common/JsonHighlighter.h"

#include <QTextDocument>

#ifdef AWB_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace awb::ui {

namespace {
QTextCharFormat colored(const QColor& color, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    return f;
}

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('.') ||
           c == QLatin1Char('e') || c == QLatin1Char('E');
}
} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument* document, bool dark) : QSyntaxHighlighter(document)
{
    m_key = colored(dark ? QColor(0x7c, 0xc4, 0xff) : QColor(0x1f, 0x4f, 0x9e), true);
    m_string = colored(dark ? QColor(0xa5, 0xd6, 0x8c) : QColor(0x2a, 0x7a, 0x2e));
    m_number = colored(dark ? QColor(0xf2, 0xb4, 0x6d) : QColor(0xa8, 0x4b, 0x00));
    m_literal = colored(dark ? QColor(0xd9, 0x9c, 0xf0) : QColor(0x86, 0x2c, 0xa8), true);
    m_punctuation = colored(dark ? QColor(0x9a, 0xa3, 0xad) : QColor(0x6a, 0x73, 0x7d));
}

QTextCharFormat JsonHighlighter::format(Token token) const
{
    switch (token) {
    case Token::Key:
        return m_key;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Literal:
        return m_literal;
    case Token::Punctuation:
        return m_punctuation;
    }
    return {};
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    // Block state 1: inside a string that continues from the previous line (only in text that is
    // not strictly JSON; pretty-printed JSON never splits a string).
    int i = 0;
    const int n = int(text.size());
    if (previousBlockState() == 1) {
        bool escaped = false;
        for (; i < n; ++i) {
            if (escaped)
                escaped = false;
            else if (text[i] == QLatin1Char('\\'))
                escaped = true;
            else if (text[i] == QLatin1Char('"'))
                break;
        }
        setFormat(0, std::min(i + 1, n), m_string);
        if (i >= n) {
            setCurrentBlockState(1);
            return;
        }
        ++i;
    }
    setCurrentBlockState(0);
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            int j = i + 1;
            bool escaped = false;
            for (; j < n; ++j) {
                if (escaped)
                    escaped = false;
                else if (text[j] == QLatin1Char('\\'))
                    escaped = true;
                else if (text[j] == QLatin1Char('"'))
                    break;
            }
            if (j >= n) {
                setFormat(i, n - i, m_string);
                setCurrentBlockState(1);
                return;
            }
            // A string followed by a colon is a key.
            int k = j + 1;
            while (k < n && text[k].isSpace())
                ++k;
            const bool key = k < n && text[k] == QLatin1Char(':');
            setFormat(i, j - i + 1, key ? m_key : m_string);
            i = j + 1;
        } else if (c.isDigit() || (c == QLatin1Char('-') && i + 1 < n && text[i + 1].isDigit())) {
            int j = i + 1;
            while (j < n && isNumberChar(text[j]))
                ++j;
            setFormat(i, j - i, m_number);
            i = j;
        } else if (c.isLetter()) {
            int j = i + 1;
            while (j < n && text[j].isLetter())
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(i, j - i, m_literal);
            i = j;
        } else {
            if (QStringView(u"{}[],:").contains(c))
                setFormat(i, 1, m_punctuation);
            ++i;
        }
    }
}

QSyntaxHighlighter* createJsonHighlighter(QTextDocument* document, bool dark)
{
#ifdef AWB_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    const KSyntaxHighlighting::Definition json =
        repository.definitionForName(QStringLiteral("JSON"));
    if (json.isValid()) {
        auto* highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setDefinition(json);
        highlighter->setTheme(
            repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                         : KSyntaxHighlighting::Repository::LightTheme));
        return highlighter;
    }
#endif
    return new JsonHighlighter(document, dark);
}

QString jsonHighlighterName()
{
#ifdef AWB_HAVE_KSYNTAXHIGHLIGHTING
    return QStringLiteral("KSyntaxHighlighting");
#else
    return QStringLiteral("built-in");
#endif
}

} // namespace awb::ui
