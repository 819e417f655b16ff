#pragma once
// Syntax highlighting for JSON text: keys, strings, numbers, literals and punctuation, in colours
// chosen for the document's palette (light or dark). When the build finds KF6SyntaxHighlighting
// (AWB_HAVE_KSYNTAXHIGHLIGHTING), createJsonHighlighter() uses KSyntaxHighlighting's JSON
// definition instead; Debian 12 has no KF6, so there this highlighter is the one in use.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace awb::ui {

class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // dark: colours for a dark background (pick from the palette's base colour's lightness).
    explicit JsonHighlighter(QTextDocument* document, bool dark = false);

    enum class Token
    {
        Key,
        String,
        Number,
        Literal, // true, false, null
        Punctuation,
    };
    QTextCharFormat format(Token token) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_literal, m_punctuation;
};

// The JSON highlighter this build uses (KSyntaxHighlighting when available, else ours), owned
// by the document. dark selects a theme for dark backgrounds.
QSyntaxHighlighter* createJsonHighlighter(QTextDocument* document, bool dark);
// "KSyntaxHighlighting" or "built-in": for the About box and the README.
QString jsonHighlighterName();

} // namespace awb::ui
