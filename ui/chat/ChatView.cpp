#include "chat/ChatView.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "chat/ApprovalPanel.h"
#include "engine/RunState.h"
#include "runs/StatusStyle.h"
#include "util/Decimal.h"

namespace awb::ui {

namespace {
QTextCharFormat headerFormat(const QColor& color)
{
    QTextCharFormat f;
    f.setFontWeight(QFont::Bold);
    if (color.isValid())
        f.setForeground(color);
    return f;
}

// Starts a new paragraph at the end of the document with the given space above it.
QTextCursor newBlock(QTextDocument* doc, int topMargin)
{
    QTextCursor c(doc);
    c.movePosition(QTextCursor::End);
    QTextBlockFormat block;
    block.setTopMargin(topMargin);
    if (doc->isEmpty())
        c.setBlockFormat(block);
    else
        c.insertBlock(block, QTextCharFormat());
    return c;
}
} // namespace

ChatView::ChatView(QWidget* parent)
    : QWidget(parent), m_transcript(new QTextBrowser(this)), m_approval(new ApprovalPanel(this)),
      m_input(new QLineEdit(this)), m_run(new QPushButton(tr("Run"), this))
{
    setObjectName(QStringLiteral("chatView"));
    setAccessibleName(tr("Chat"));
    m_transcript->setObjectName(QStringLiteral("chatTranscript"));
    m_transcript->setAccessibleName(tr("Conversation"));
    m_transcript->setOpenExternalLinks(false);
    m_transcript->document()->setDocumentMargin(12);
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setAccessibleName(tr("Request to the agent"));
    m_input->setPlaceholderText(
        tr("Describe the task, e.g. \"Reconcile Q3 revenue against the ERP ledger\""));
    m_input->setClearButtonEnabled(true);
    m_run->setObjectName(QStringLiteral("chatRunButton"));
    m_run->setAccessibleName(tr("Run the agent"));
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_run->setDefault(true);
    m_approval->hide();

    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_run);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_approval);
    layout->addLayout(inputRow);

    connect(m_run, &QPushButton::clicked, this, [this] { Q_EMIT runRequested(input()); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] { Q_EMIT runRequested(input()); });
    connect(m_approval, &ApprovalPanel::decided, this, &ChatView::approvalDecided);
}

QString ChatView::input() const
{
    return m_input->text();
}

void ChatView::setInput(const QString& text)
{
    m_input->setText(text);
}

void ChatView::setRunEnabled(bool enabled)
{
    m_run->setEnabled(enabled);
}

bool ChatView::isFollowing() const
{
    const QScrollBar* bar = m_transcript->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ChatView::scrollToEndIfFollowing(bool following)
{
    if (following)
        m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
}

void ChatView::appendUser(const QString& text)
{
    QTextCursor c = newBlock(m_transcript->document(), 4);
    c.insertText(tr("You"), headerFormat(palette().color(QPalette::Highlight)));
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    c.insertText(text);
}

void ChatView::appendNote(const QString& text, const QColor& color)
{
    QTextCursor c = newBlock(m_transcript->document(), 2);
    QTextCharFormat f;
    f.setForeground(color.isValid() ? color : palette().color(QPalette::PlaceholderText));
    c.insertText(text, f);
}

void ChatView::appendMarkdown(const QString& markdown)
{
    QTextCursor c = newBlock(m_transcript->document(), 4);
    c.insertMarkdown(markdown);
}

void ChatView::beginStream(const QString& stepId)
{
    QTextCursor c = newBlock(m_transcript->document(), 10);
    c.insertText(tr("Agent"), headerFormat(statusColor(QStringLiteral("succeeded"))));
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_streamStep = stepId;
    m_streamStart = c.position();
}

void ChatView::appendFinal(const RunState& state)
{
    const StepState* last = state.lastModelStep();
    if (!state.finalText.isEmpty()) {
        if (last && last->id == m_streamStep && m_streamStart >= 0) {
            // Replace the streamed plain text of the answer by its rendered Markdown.
            QTextCursor c(m_transcript->document());
            c.setPosition(m_streamStart);
            c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
            c.insertMarkdown(state.finalText);
        } else {
            beginStream(last ? last->id : QString());
            QTextCursor c(m_transcript->document());
            c.movePosition(QTextCursor::End);
            c.insertMarkdown(state.finalText);
        }
    }
    m_streamStep.clear();
    m_streamStart = -1;
    const QString status = runStatusName(state.status);
    QString line =
        tr("Run %1 \u00b7 %2 tokens \u00b7 US$%3")
            .arg(statusText(status), QLocale().toString(qlonglong(state.usage.totalTokens())),
                 Decimal::fromMicros(state.usage.costMicros).toString(4));
    if (state.status == RunStatus::Failed && state.error.is_object())
        line += QStringLiteral(": ") + jsonString(state.error, "message");
    appendNote(line, statusColor(status));
}

void ChatView::showRun(const RunState& state)
{
    m_transcript->clear();
    m_streamStep.clear();
    m_streamStart = -1;
    if (state.runId.isEmpty()) {
        m_transcript->setMarkdown(tr("### Agent Workbench\n\nPick an agent in the toolbar, "
                                     "describe the task below and press **Run**. "
                                     "Every step appears in *Run steps* as it executes, and a tool "
                                     "call that needs your approval "
                                     "waits here until you decide."));
        m_approval->hide();
        return;
    }
    appendUser(state.input);
    const StepState* last = state.lastModelStep();
    for (const StepState& s : state.steps) {
        if (s.kind == StepKind::Tool)
            appendNote(tr("\u2192 %1 (%2)").arg(s.name, statusText(stepStatusName(s.status))));
        else if (s.kind == StepKind::Model && !s.streamedText.isEmpty() &&
                 !(state.isFinished() && &s == last && !state.finalText.isEmpty())) {
            beginStream(s.id);
            QTextCursor c(m_transcript->document());
            c.movePosition(QTextCursor::End);
            c.insertText(s.streamedText);
        }
    }
    if (state.isFinished())
        appendFinal(state);
    updateApproval(state);
    scrollToEndIfFollowing(true);
}

void ChatView::applyEvent(const RunEvent& event, const RunState& state)
{
    const bool following = isFollowing();
    const StepState* step = state.step(event.stepId);
    switch (event.kind) {
    case EventKind::RunStarted:
        m_transcript->clear();
        appendUser(state.input);
        break;
    case EventKind::TextDelta: {
        if (event.stepId != m_streamStep)
            beginStream(event.stepId);
        QTextCursor c(m_transcript->document());
        c.movePosition(QTextCursor::End);
        c.insertText(jsonString(event.data, "text"));
        break;
    }
    case EventKind::StepCreated:
        if (step && step->kind == StepKind::Tool)
            appendNote(tr("\u2192 %1").arg(step->name));
        break;
    case EventKind::StepFailed:
        if (step)
            appendNote(tr("%1 failed: %2").arg(step->name, jsonString(step->error, "message")),
                       statusColor(QStringLiteral("failed")));
        break;
    case EventKind::ApprovalRequested:
        appendNote(tr("Waiting for your approval to call %1").arg(jsonString(event.data, "tool")),
                   statusColor(QStringLiteral("waiting_approval")));
        break;
    case EventKind::ApprovalDecided:
        if (step)
            appendNote(step->approved.value_or(false)
                           ? tr("%1 approved by %2").arg(step->name, step->decidedBy)
                           : tr("%1 rejected by %2").arg(step->name, step->decidedBy));
        break;
    case EventKind::RunFinished:
        appendFinal(state);
        break;
    default:
        break;
    }
    if (event.kind != EventKind::TextDelta)
        updateApproval(state);
    scrollToEndIfFollowing(following);
}

void ChatView::updateApproval(const RunState& state)
{
    if (!state.isFinished()) {
        for (const StepState& s : state.steps) {
            if (s.kind == StepKind::Approval && s.status == StepStatus::WaitingApproval) {
                const StepState* tool = state.step(s.parent);
                m_approval->showRequest(s, tool ? tool->effect : QString());
                return;
            }
        }
    }
    m_approval->hide();
}

} // namespace awb::ui
