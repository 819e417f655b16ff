#include "chat/Markdown.h"

#include <md4c-html.h>

namespace awb::ui {

namespace {
void collect(const MD_CHAR* text, MD_SIZE size, void* userdata)
{
    static_cast<QByteArray*>(userdata)->append(text, qsizetype(size));
}
} // namespace

QString markdownToHtml(const QString& markdown)
{
    const QByteArray input = markdown.toUtf8();
    QByteArray html;
    html.reserve(input.size() * 2);
    const unsigned parserFlags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    if (md_html(input.constData(), MD_SIZE(input.size()), &collect, &html, parserFlags, 0) != 0) {
        // md4c fails only on allocation failure: show the text as it is rather than nothing.
        return QStringLiteral("<pre>") + markdown.toHtmlEscaped() + QStringLiteral("</pre>");
    }
    return QString::fromUtf8(html);
}

} // namespace awb::ui
