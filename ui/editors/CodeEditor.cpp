#include "editors/CodeEditor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#include "editors/SchemaCheck.h"

namespace awb::ui {

// Paints the line numbers and markers for its editor.
class CodeEditorGutter : public QWidget
{
public:
    explicit CodeEditorGutter(CodeEditor* editor) : QWidget(editor), m_editor(editor)
    {
        setObjectName(QStringLiteral("codeEditorGutter"));
        setAccessibleName(CodeEditor::tr("Line numbers and problem markers"));
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { m_editor->paintGutter(event); }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip &&
            m_editor->gutterToolTip(static_cast<QHelpEvent*>(event)->pos()))
            return true;
        return QWidget::event(event);
    }

private:
    CodeEditor* m_editor;
};

namespace {
QColor problemColor(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xf4, 0x6b, 0x6b)
                                                           : QColor(0xc6, 0x28, 0x28);
}
} // namespace

CodeEditor::CodeEditor(QWidget* parent)
    : QPlainTextEdit(parent), m_gutter(new CodeEditorGutter(this))
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int CodeEditor::gutterWidth() const
{
    const int digits = QString::number(std::max(1, blockCount())).size();
    return 22 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(2, int(digits));
}

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

bool CodeEditor::event(QEvent* event)
{
    // The palette may change with the system theme: repaint the markers in the new colours.
    if (event->type() == QEvent::PaletteChange)
        m_gutter->update();
    return QPlainTextEdit::event(event);
}

void CodeEditor::setProblems(const std::vector<SchemaProblem>& problems)
{
    m_marked.clear();
    QList<QTextEdit::ExtraSelection> selections;
    const QColor color = problemColor(palette());
    for (const SchemaProblem& p : problems) {
        const int line = p.span.isValid() ? p.span.line : 1;
        QString& text = m_marked[line];
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + p.message;
        if (!p.span.isValid())
            continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(document());
        sel.cursor.setPosition(p.span.offset);
        sel.cursor.setPosition(std::min<int>(p.span.offset + std::max(1, p.span.length),
                                             document()->characterCount() - 1),
                               QTextCursor::KeepAnchor);
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(color);
        sel.format.setToolTip(p.message);
        selections << sel;
    }
    setExtraSelections(selections);
    m_gutter->update();
}

void CodeEditor::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    setTextCursor(QTextCursor(block));
    centerCursor();
    setFocus();
}

void CodeEditor::paintGutter(QPaintEvent* event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(m_gutter->width() - 1, event->rect().top(), m_gutter->width() - 1,
                     event->rect().bottom());
    const QColor marker = problemColor(pal);
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            const bool marked = m_marked.contains(line);
            if (marked) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(marker);
                const int d = std::max(6, lineHeight / 2);
                painter.drawEllipse(QRect(4, top + (lineHeight - d) / 2, d, d));
            }
            painter.setPen(marked ? marker : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, lineHeight,
                             Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

bool CodeEditor::gutterToolTip(const QPoint& pos)
{
    const QTextBlock block = cursorForPosition(QPoint(0, pos.y())).block();
    const auto it = m_marked.constFind(block.blockNumber() + 1);
    if (it == m_marked.constEnd())
        return false;
    QToolTip::showText(m_gutter->mapToGlobal(pos), it.value(), m_gutter);
    return true;
}

} // namespace awb::ui
