#include "editors/SchemaEditor.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "common/JsonHighlighter.h"
#include "editors/CodeEditor.h"
#include "editors/SchemaForm.h"
#include "editors/ToolCaller.h"
#include "engine/WorkspaceSession.h"
#include "session/SessionController.h"

namespace awb::ui {

namespace {
constexpr int kDebounceMs = 300;
constexpr int kToolSchemaRole = Qt::UserRole + 1;
constexpr int kToolEffectRole = Qt::UserRole + 2;

QString effectText(const QString& effect)
{
    if (effect == QLatin1String("read"))
        return SchemaEditor::tr("read only");
    if (effect == QLatin1String("idempotent_write"))
        return SchemaEditor::tr("idempotent write");
    if (effect == QLatin1String("external_effect"))
        return SchemaEditor::tr("external effect \u2014 needs approval");
    return effect;
}

void setStatusColour(QLabel* label, bool good)
{
    const bool dark = label->palette().color(QPalette::Window).lightness() < 128;
    const QColor colour = good ? (dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20))
                               : (dark ? QColor(0xf4, 0x6b, 0x6b) : QColor(0xb7, 0x1c, 0x1c));
    label->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
}

template <typename W> W* named(W* widget, const QString& name, const QString& accessible)
{
    widget->setObjectName(name);
    widget->setAccessibleName(accessible);
    return widget;
}
} // namespace

SchemaEditor::SchemaEditor(SessionController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_caller(new ToolCaller(controller, this)),
      m_tools(named(new QComboBox(this), QStringLiteral("schemaToolPicker"), tr("Tool"))),
      m_effect(named(new QLabel(this), QStringLiteral("schemaEffectLabel"), tr("Effect class"))),
      m_reset(named(new QPushButton(tr("&Revert"), this), QStringLiteral("schemaRevertButton"),
                    tr("Revert to the tool's schema"))),
      m_editor(
          named(new CodeEditor(this), QStringLiteral("schemaText"), tr("Input schema (JSON)"))),
      m_problemList(
          named(new QListWidget(this), QStringLiteral("schemaProblemList"), tr("Schema problems"))),
      m_status(named(new QLabel(this), QStringLiteral("schemaStatusLabel"), tr("Schema check"))),
      m_form(new SchemaForm(this)),
      m_call(named(new QPushButton(tr("&Call"), this), QStringLiteral("schemaCallButton"),
                   tr("Call the tool"))),
      m_cancel(named(new QPushButton(tr("Cancel"), this), QStringLiteral("schemaCancelButton"),
                     tr("Cancel the call"))),
      m_resultStatus(
          named(new QLabel(this), QStringLiteral("schemaResultStatus"), tr("Call status"))),
      m_result(
          named(new QPlainTextEdit(this), QStringLiteral("schemaResultView"), tr("Call result"))),
      m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("schemaEditor"));
    setAccessibleName(tr("Tool schema editor"));

    auto* toolLabel = new QLabel(tr("&Tool:"), this);
    toolLabel->setBuddy(m_tools);
    m_tools->setMinimumContentsLength(18);
    m_tools->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reset->setToolTip(tr("Discard your edits and show the schema the tool is registered with"));
    auto* top = new QHBoxLayout;
    top->addWidget(toolLabel);
    top->addWidget(m_tools);
    top->addWidget(m_effect, 1);
    top->addWidget(m_reset);

    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    createJsonHighlighter(m_editor->document(), dark);
    m_problemList->setMaximumHeight(m_problemList->fontMetrics().height() * 6 + 8);
    m_problemList->setWordWrap(true);
    m_problemList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_problemList->setAlternatingRowColors(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* schemaSide = new QWidget(this);
    auto* schemaLayout = new QVBoxLayout(schemaSide);
    schemaLayout->setContentsMargins(0, 0, 0, 0);
    schemaLayout->addWidget(m_editor, 1);
    schemaLayout->addWidget(m_status);
    schemaLayout->addWidget(m_problemList);

    auto* formBox = new QGroupBox(tr("Try the tool"), this);
    formBox->setObjectName(QStringLiteral("schemaTryGroup"));
    auto* scroll = new QScrollArea(formBox);
    scroll->setObjectName(QStringLiteral("schemaFormScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    m_call->setDefault(true);
    m_call->setToolTip(
        tr("Arguments are checked against the tool's registered schema before it runs"));
    m_cancel->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_resultStatus, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_call);
    m_result->setReadOnly(true);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->setPlaceholderText(tr("The result of a call appears here."));
    createJsonHighlighter(m_result->document(), dark);
    auto* formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(scroll, 3);
    formLayout->addLayout(buttons);
    formLayout->addWidget(m_result, 2);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("schemaSplitter"));
    split->addWidget(schemaSide);
    split->addWidget(formBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SchemaEditor::startCheck);
    connect(m_editor, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_tools, &QComboBox::currentIndexChanged, this, &SchemaEditor::onToolChosen);
    connect(m_reset, &QPushButton::clicked, this,
            [this] { onToolChosen(m_tools->currentIndex()); });
    connect(m_problemList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_editor->goToLine(item->data(Qt::UserRole).toInt());
    });
    connect(m_problemList, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_editor->goToLine(item->data(Qt::UserRole).toInt());
    });
    connect(m_call, &QPushButton::clicked, this, &SchemaEditor::callTool);
    connect(m_cancel, &QPushButton::clicked, m_caller, &ToolCaller::cancel);
    connect(m_caller, &ToolCaller::finished, this, &SchemaEditor::onCallFinished);
    connect(controller, &SessionController::workspaceOpened, this, &SchemaEditor::reloadTools);

    reloadTools();
}

SchemaEditor::~SchemaEditor() = default;

void SchemaEditor::reloadTools()
{
    const QString previous = m_tools->currentText();
    const QSignalBlocker block(m_tools);
    m_tools->clear();
    if (const WorkspaceSession* session = m_controller->session()) {
        for (const auto& tool : session->tools().tools()) {
            m_tools->addItem(tool->name());
            const int i = m_tools->count() - 1;
            m_tools->setItemData(i, toQ(tool->inputSchema().dump(2)), kToolSchemaRole);
            m_tools->setItemData(i, effectClassName(tool->effect()), kToolEffectRole);
            m_tools->setItemData(i, tool->description(), Qt::ToolTipRole);
        }
    }
    const int i = m_tools->findText(previous);
    m_tools->setCurrentIndex(i >= 0 ? i : 0);
    onToolChosen(m_tools->currentIndex());
}

bool SchemaEditor::selectTool(const QString& name)
{
    const int i = m_tools->findText(name);
    if (i < 0)
        return false;
    if (i == m_tools->currentIndex())
        onToolChosen(i);
    else
        m_tools->setCurrentIndex(i);
    return true;
}

QString SchemaEditor::currentTool() const
{
    return m_tools->currentText();
}

void SchemaEditor::onToolChosen(int index)
{
    const QString effect = m_tools->itemData(index, kToolEffectRole).toString();
    m_effect->setText(index < 0 ? tr("Open a workspace to see its tools.") : effectText(effect));
    m_effect->setToolTip(m_tools->itemData(index, Qt::ToolTipRole).toString());
    m_formSchema = Json();
    m_result->clear();
    m_resultStatus->clear();
    setSchemaText(m_tools->itemData(index, kToolSchemaRole).toString());
}

void SchemaEditor::setSchemaText(const QString& text)
{
    m_editor->setPlainText(text);
    // A new document is checked at once; typing is debounced.
    m_debounce->stop();
    startCheck();
}

QString SchemaEditor::schemaText() const
{
    return m_editor->toPlainText();
}

void SchemaEditor::startCheck()
{
    const int generation = ++m_generation;
    m_status->setText(tr("Checking\u2026"));
    auto* watcher = new QFutureWatcher<SchemaCheckResult>(this);
    connect(watcher, &QFutureWatcher<SchemaCheckResult>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                // A newer check supersedes this one: its text is no longer in the editor.
                if (generation == m_generation)
                    applyCheck(watcher->result());
            });
    watcher->setFuture(QtConcurrent::run(checkSchemaText, m_editor->toPlainText()));
}

void SchemaEditor::applyCheck(const SchemaCheckResult& result)
{
    // Without a workspace there is nothing to check: an empty editor is not an error.
    const bool idle = m_tools->currentIndex() < 0 && m_editor->toPlainText().trimmed().isEmpty();
    m_problems = idle ? std::vector<SchemaProblem>{} : result.problems;
    std::stable_sort(
        m_problems.begin(), m_problems.end(),
        [](const SchemaProblem& a, const SchemaProblem& b) { return a.span.line < b.span.line; });
    m_editor->setProblems(m_problems);
    m_problemList->clear();
    for (const SchemaProblem& p : m_problems) {
        const int line = p.span.isValid() ? p.span.line : 1;
        auto* item = new QListWidgetItem(
            p.pointer.isEmpty() ? tr("Line %1: %2").arg(line).arg(p.message)
                                : tr("Line %1 (%2): %3").arg(line).arg(p.pointer, p.message),
            m_problemList);
        item->setData(Qt::UserRole, line);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    m_problemList->setVisible(!m_problems.empty());
    m_valid = result.ok();
    if (idle) {
        m_status->setText(tr("Open a workspace to edit its tools' schemas."));
        setStatusColour(m_status, true);
    } else if (m_valid) {
        m_status->setText(tr("\u2714 Valid JSON Schema (draft-07)"));
        setStatusColour(m_status, true);
    } else {
        m_status->setText(
            m_problems.size() == 1
                ? tr("1 problem: the form follows the last valid schema")
                : tr("%1 problems: the form follows the last valid schema").arg(m_problems.size()));
        setStatusColour(m_status, false);
    }
    // The form follows the text while it is valid; a rebuild only when the schema really changed
    // keeps what the user typed into the form.
    if (m_valid && result.schema != m_formSchema) {
        m_formSchema = result.schema;
        m_form->setSchema(m_formSchema);
    }
    updateActions();
    Q_EMIT checked();
}

void SchemaEditor::updateActions()
{
    const bool busy = m_caller->isBusy();
    m_call->setEnabled(m_controller->session() && m_tools->currentIndex() >= 0 && !busy);
    m_cancel->setEnabled(busy);
    m_tools->setEnabled(!busy);
}

void SchemaEditor::callTool()
{
    const QString tool = currentTool();
    auto arguments = m_form->arguments();
    if (!arguments) {
        showResult(false, tr("Not called"), arguments.errorMessage());
        return;
    }
    const Json args = *arguments;
    // Nothing is put up for approval that could not run anyway.
    if (Status s = m_caller->validate(tool, args); !s) {
        showResult(false, tr("Not called"), s.errorMessage());
        return;
    }
    if (!m_caller->needsApproval(tool)) {
        if (Status s = m_caller->call(tool, args, ToolCaller::Approval::None); !s)
            showResult(false, tr("Not called"), s.errorMessage());
        else
            showResult(true, tr("Running %1\u2026").arg(tool), QString());
        updateActions();
        return;
    }
    // An effect leaves the machine: the person at the keyboard approves this exact call, on record.
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Approve %1?").arg(tool),
        tr("%1 has an external effect (for example, it sends an email). It runs only "
           "with your approval, which is recorded in the audit trail under your "
           "name.\n\nApprove and run this exact call?")
            .arg(tool),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("effectApprovalDialog"));
    box->setDetailedText(toQ(args.dump(2)));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* approve = box->addButton(tr("Approve and Run"), QMessageBox::AcceptRole);
    approve->setObjectName(QStringLiteral("approveCallButton"));
    QPushButton* reject = box->addButton(tr("Do Not Run"), QMessageBox::RejectRole);
    reject->setObjectName(QStringLiteral("rejectCallButton"));
    box->setDefaultButton(reject);
    connect(box, &QMessageBox::finished, this, [this, box, approve, tool, args] {
        if (box->clickedButton() != approve) {
            m_caller->recordRejection(tool, args);
            showResult(false, tr("Not called"),
                       tr("You did not approve the call; nothing was run."));
            return;
        }
        if (Status s = m_caller->call(tool, args, ToolCaller::Approval::ApprovedByUser); !s)
            showResult(false, tr("Not called"), s.errorMessage());
        else
            showResult(true, tr("Running %1\u2026").arg(tool), QString());
        updateActions();
    });
    box->open();
}

void SchemaEditor::onCallFinished(const QString& tool, bool ok, const QString& text,
                                  qint64 elapsedMs)
{
    showResult(
        ok, ok ? tr("%1 succeeded in %2 ms").arg(tool).arg(elapsedMs) : tr("%1 failed").arg(tool),
        text);
    updateActions();
    Q_EMIT callFinished(ok);
}

void SchemaEditor::showResult(bool ok, const QString& status, const QString& text)
{
    m_resultStatus->setText(status);
    setStatusColour(m_resultStatus, ok);
    m_result->setPlainText(text);
}

} // namespace awb::ui
