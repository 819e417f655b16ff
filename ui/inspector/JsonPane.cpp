#include "inspector/JsonPane.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QStackedWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "common/JsonHighlighter.h"
#include "inspector/JsonTreeModel.h"

namespace awb::ui {

namespace {
constexpr int kMaxHighlights = 5000; // beyond this, matches are counted but not all painted

bool isDark(const QPalette& p)
{
    return p.color(QPalette::Base).lightness() < 128;
}

QToolButton* toolButton(QWidget* parent, const QString& name, const QString& text,
                        const QString& accessible)
{
    auto* b = new QToolButton(parent);
    b->setObjectName(name);
    b->setText(text);
    b->setAccessibleName(accessible);
    b->setToolTip(accessible);
    b->setAutoRaise(true);
    return b;
}
} // namespace

JsonPane::JsonPane(const QString& name, const QString& title, QWidget* parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_text(new QPlainTextEdit(this)),
      m_tree(new QTreeView(this)), m_model(new JsonTreeModel(this))
{
    setObjectName(name + QStringLiteral("Pane"));
    setAccessibleName(title);

    m_text->setObjectName(name + QStringLiteral("Text"));
    m_text->setAccessibleName(tr("%1 as JSON text").arg(title));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text->setFont(mono);
    createJsonHighlighter(m_text->document(), isDark(palette()));

    m_tree->setObjectName(name + QStringLiteral("Tree"));
    m_tree->setAccessibleName(tr("%1 as a tree").arg(title));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 180);
    m_tree->header()->resizeSection(JsonTreeModel::TypeColumn, 64);

    m_stack->addWidget(m_text);
    m_stack->addWidget(m_tree);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    m_textButton =
        toolButton(this, name + QStringLiteral("TextMode"), tr("Text"), tr("Show as text"));
    m_treeButton = toolButton(this, name + QStringLiteral("TreeMode"), tr("Tree"),
                              tr("Show as a foldable tree"));
    m_textButton->setCheckable(true);
    m_treeButton->setCheckable(true);
    m_textButton->setChecked(true);
    m_expandButton =
        toolButton(this, name + QStringLiteral("ExpandAll"), tr("Expand all"), tr("Expand all"));
    m_collapseButton = toolButton(this, name + QStringLiteral("CollapseAll"), tr("Collapse all"),
                                  tr("Collapse all"));
    QToolButton* findButton = toolButton(this, name + QStringLiteral("FindButton"),
                                         tr("Find\u2026"), tr("Find (Ctrl+F)"));
    bar->addWidget(m_textButton);
    bar->addWidget(m_treeButton);
    bar->addSpacing(8);
    bar->addWidget(m_expandButton);
    bar->addWidget(m_collapseButton);
    bar->addStretch();
    bar->addWidget(findButton);
    m_expandButton->setVisible(false);
    m_collapseButton->setVisible(false);
    connect(m_textButton, &QToolButton::clicked, this, [this] { showTree(false); });
    connect(m_treeButton, &QToolButton::clicked, this, [this] { showTree(true); });
    connect(m_expandButton, &QToolButton::clicked, m_tree, &QTreeView::expandAll);
    connect(m_collapseButton, &QToolButton::clicked, m_tree, &QTreeView::collapseAll);
    connect(findButton, &QToolButton::clicked, this, &JsonPane::openFindBar);

    m_findBar = new QWidget(this);
    m_findBar->setObjectName(name + QStringLiteral("FindBar"));
    auto* find = new QHBoxLayout(m_findBar);
    find->setContentsMargins(0, 2, 0, 0);
    m_findEdit = new QLineEdit(m_findBar);
    m_findEdit->setObjectName(name + QStringLiteral("FindEdit"));
    m_findEdit->setAccessibleName(tr("Find in %1").arg(title));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_findCount = new QLabel(m_findBar);
    m_findCount->setObjectName(name + QStringLiteral("FindCount"));
    m_findCount->setAccessibleName(tr("Matches"));
    QToolButton* prev = toolButton(m_findBar, name + QStringLiteral("FindPrevious"),
                                   QStringLiteral("\u2191"), tr("Previous match (Shift+Enter)"));
    QToolButton* next = toolButton(m_findBar, name + QStringLiteral("FindNext"),
                                   QStringLiteral("\u2193"), tr("Next match (Enter)"));
    QToolButton* close = toolButton(m_findBar, name + QStringLiteral("FindClose"),
                                    QStringLiteral("\u2715"), tr("Close (Esc)"));
    find->addWidget(m_findEdit, 1);
    find->addWidget(m_findCount);
    find->addWidget(prev);
    find->addWidget(next);
    find->addWidget(close);
    m_findBar->hide();
    connect(m_findEdit, &QLineEdit::textChanged, this, &JsonPane::find);
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { step(+1); });
    connect(prev, &QToolButton::clicked, this, [this] { step(-1); });
    connect(next, &QToolButton::clicked, this, [this] { step(+1); });
    connect(close, &QToolButton::clicked, this, &JsonPane::closeFindBar);
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, &JsonPane::openFindBar);
    auto* escape = new QShortcut(Qt::Key_Escape, m_findBar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &JsonPane::closeFindBar);
    auto* back = new QShortcut(Qt::SHIFT | Qt::Key_Return, m_findEdit);
    back->setContext(Qt::WidgetShortcut);
    connect(back, &QShortcut::activated, this, [this] { step(-1); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(3);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_findBar);
}

void JsonPane::setJson(const Json& value, const QString& prettyText)
{
    m_json = value;
    m_hasJson = true;
    m_treeBuilt = false;
    m_text->setPlainText(prettyText);
    m_treeButton->setEnabled(true);
    if (m_stack->currentWidget() == m_tree)
        showTree(true);
    if (m_findBar->isVisible())
        find(m_findEdit->text());
}

void JsonPane::setMessage(const QString& text)
{
    m_json = Json();
    m_hasJson = false;
    m_treeBuilt = false;
    m_model->setJson(Json());
    m_text->setPlainText(text);
    showTree(false);
    m_treeButton->setEnabled(false);
}

QString JsonPane::text() const
{
    return m_text->toPlainText();
}

void JsonPane::showTree(bool tree)
{
    tree = tree && m_hasJson;
    if (tree && !m_treeBuilt) {
        m_model->setJson(m_json); // built on first use: most documents are only read as text
        m_treeBuilt = true;
        m_tree->expandToDepth(0);
    }
    m_stack->setCurrentWidget(tree ? static_cast<QWidget*>(m_tree) : m_text);
    m_textButton->setChecked(!tree);
    m_treeButton->setChecked(tree);
    m_expandButton->setVisible(tree);
    m_collapseButton->setVisible(tree);
}

void JsonPane::openFindBar()
{
    showTree(false); // matches are highlighted in the text
    m_findBar->show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
    if (!m_findEdit->text().isEmpty())
        find(m_findEdit->text());
}

void JsonPane::closeFindBar()
{
    m_findBar->hide();
    m_text->setExtraSelections({});
    m_text->setFocus();
}

int JsonPane::find(const QString& needle)
{
    if (m_findEdit->text() != needle) {
        const QSignalBlocker block(m_findEdit);
        m_findEdit->setText(needle);
    }
    m_matches =
        needle.isEmpty() ? 0 : int(m_text->toPlainText().count(needle, Qt::CaseInsensitive));
    m_current = m_matches > 0 ? 0 : -1;
    highlightMatches(m_current);
    return m_matches;
}

void JsonPane::step(int delta)
{
    if (m_matches == 0)
        return;
    m_current = (m_current + delta + m_matches) % m_matches;
    highlightMatches(m_current);
}

void JsonPane::highlightMatches(int current)
{
    const QString needle = m_findEdit->text();
    QList<QTextEdit::ExtraSelection> selections;
    if (needle.isEmpty() || m_matches == 0) {
        m_findCount->setText(needle.isEmpty() ? QString() : tr("No matches"));
        m_text->setExtraSelections({});
        return;
    }
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    QTextCharFormat all;
    all.setBackground(dark ? QColor(0x6b, 0x5a, 0x12) : QColor(0xff, 0xec, 0x8a));
    QTextCharFormat here;
    here.setBackground(dark ? QColor(0xc2, 0x6a, 0x12) : QColor(0xff, 0xa6, 0x3a));
    const QString text = m_text->toPlainText();
    QTextDocument* doc = m_text->document();
    int index = 0;
    int from = 0;
    while ((from = int(text.indexOf(needle, from, Qt::CaseInsensitive))) >= 0) {
        if (index < kMaxHighlights || index == current) {
            QTextCursor cursor(doc);
            cursor.setPosition(from);
            cursor.setPosition(from + int(needle.size()), QTextCursor::KeepAnchor);
            selections.append({cursor, index == current ? here : all});
            if (index == current)
                m_text->setTextCursor(cursor);
        }
        from += int(needle.size());
        ++index;
    }
    m_text->setExtraSelections(selections);
    m_text->ensureCursorVisible();
    m_findCount->setText(tr("%1 of %2").arg(current + 1).arg(m_matches));
}

} // namespace awb::ui
