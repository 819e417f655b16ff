#pragma once
// One JSON document in the inspector: pretty-printed and highlighted in a read-only editor, or as
// a foldable tree (expand/collapse members), with a find bar (Ctrl+F) that highlights matches.

#include <QWidget>

#include "util/Json.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace awb::ui {

class JsonTreeModel;

class JsonPane : public QWidget
{
    Q_OBJECT
public:
    // name prefixes the objectNames of the controls ("arguments" -> "argumentsText", ...).
    JsonPane(const QString& name, const QString& title, QWidget* parent = nullptr);

    // prettyText is value.dump(2), usually made off the GUI thread by the caller.
    void setJson(const Json& value, const QString& prettyText);
    // Plain text (a note, or text that is not JSON) in place of a document.
    void setMessage(const QString& text);
    QString text() const;
    bool hasDocument() const { return m_hasJson; }

    void showTree(bool tree);
    void openFindBar();
    // Highlights every match of needle (case-insensitive) and moves to the first; returns how many.
    int find(const QString& needle);
    int matchCount() const { return m_matches; }

    QPlainTextEdit* editor() const { return m_text; }
    QTreeView* tree() const { return m_tree; }

private:
    void highlightMatches(int current);
    void step(int delta);
    void closeFindBar();

    QStackedWidget* m_stack;
    QPlainTextEdit* m_text;
    QTreeView* m_tree;
    JsonTreeModel* m_model;
    QToolButton* m_textButton;
    QToolButton* m_treeButton;
    QToolButton* m_expandButton;
    QToolButton* m_collapseButton;
    QWidget* m_findBar;
    QLineEdit* m_findEdit;
    QLabel* m_findCount;
    Json m_json;
    bool m_hasJson = false;
    bool m_treeBuilt = false;
    int m_matches = 0;
    int m_current = -1;
};

} // namespace awb::ui
