#pragma once
// Markdown to HTML through md4c-html (GitHub dialect: tables, fenced code, strikethrough). Raw
// HTML in the input is escaped, never passed through: model output must not inject markup.

#include <QString>

namespace awb::ui {

// Renders a complete Markdown document to an HTML fragment. Pure CPU work, no I/O; call it once
// per finished model step, not per streamed token.
QString markdownToHtml(const QString& markdown);

} // namespace awb::ui
