#pragma once
// A plain-text editor for JSON with a gutter of line numbers in which lines with problems are
// marked, and a wavy underline under each problem's text; tooltips on the gutter say what is wrong.

#include <QMap>
#include <QPlainTextEdit>

namespace awb::ui {

struct SchemaProblem;

class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget* parent = nullptr);

    void setProblems(const std::vector<SchemaProblem>& problems);
    // Problem messages by 1-based line, as marked in the gutter.
    const QMap<int, QString>& markedLines() const { return m_marked; }
    int gutterWidth() const;
    // Moves the cursor to the start of a 1-based line and shows it.
    void goToLine(int line);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    friend class CodeEditorGutter;
    void paintGutter(QPaintEvent* event);
    bool gutterToolTip(const QPoint& pos);

    QWidget* m_gutter;
    QMap<int, QString> m_marked;
};

} // namespace awb::ui
