#include "chat/ChatView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include "chat/ApprovalPanel.h"
#include "chat/ChatTranscript.h"
#include "chat/Markdown.h"
#include "engine/RunState.h"
#include "runs/InterruptedSteps.h"
#include "runs/StatusStyle.h"
#include "util/Decimal.h"

namespace awb::ui {

namespace {
QString colorName(const QString& status)
{
    const QColor c = statusColor(status);
    return c.isValid() ? c.name(QColor::HexRgb) : QString();
}

// What a tool line says about its call: its status, that a crash cut it off, or that it waits
// for / was refused a decision.
QString toolStatusName(const RunState& state, const StepState& tool, bool interrupted)
{
    if (interrupted && tool.status == StepStatus::Running)
        return QStringLiteral("interrupted");
    if (const StepState* approval = state.approvalFor(tool.id);
        approval && approval->status == StepStatus::WaitingApproval && !state.isFinished())
        return QStringLiteral("waiting_approval");
    if (tool.status == StepStatus::Failed &&
        jsonString(tool.error, "code") == QLatin1String("rejected"))
        return QStringLiteral("rejected");
    return stepStatusName(tool.status);
}
} // namespace

ChatView::ChatView(QWidget* parent)
    : QWidget(parent), m_transcript(ChatTranscript::create(this)),
      m_approval(new ApprovalPanel(this)), m_input(new QLineEdit(this)),
      m_run(new QPushButton(tr("Run"), this)), m_stop(new QPushButton(tr("Stop"), this))
{
    setObjectName(QStringLiteral("chatView"));
    setAccessibleName(tr("Chat"));
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setAccessibleName(tr("Request to the agent"));
    m_input->setPlaceholderText(
        tr("Describe the task, e.g. \"Reconcile Q3 revenue against the ERP ledger\"; "
           "after an answer, a new message continues the conversation"));
    m_input->setClearButtonEnabled(true);
    m_run->setObjectName(QStringLiteral("chatRunButton"));
    m_run->setAccessibleName(tr("Run the agent"));
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_run->setDefault(true);
    m_stop->setObjectName(QStringLiteral("chatStopButton"));
    m_stop->setAccessibleName(tr("Stop the run"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setEnabled(false);
    m_approval->hide();
    m_flush.setSingleShot(true);
    m_flush.setInterval(kStreamBatchMs);
    connect(&m_flush, &QTimer::timeout, this, &ChatView::flushStream);

    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_run);
    inputRow->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_transcript->widget(), 3);
    layout->addWidget(m_approval, 2);
    layout->addLayout(inputRow);

    connect(m_run, &QPushButton::clicked, this, [this] { Q_EMIT runRequested(input()); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (m_run->isEnabled())
            Q_EMIT runRequested(input());
    });
    connect(m_stop, &QPushButton::clicked, this, &ChatView::stopRequested);
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

void ChatView::changeEvent(QEvent* event)
{
    // The system switched between light and dark: the page takes the new palette's colours.
    if (event->type() == QEvent::PaletteChange)
        m_transcript->applyPalette();
    QWidget::changeEvent(event);
}

void ChatView::setStopEnabled(bool enabled)
{
    m_stop->setEnabled(enabled);
}

void ChatView::setWorkspaceRoot(const QString& root)
{
    m_approval->setWorkspaceRoot(root);
}

void ChatView::fetchTranscriptText(QObject* context, std::function<void(const QString&)> done)
{
    flushStream();
    m_transcript->fetchPlainText(context, std::move(done));
}

QString ChatView::agentLabel() const
{
    return tr("Agent");
}

void ChatView::flushStream()
{
    m_flush.stop();
    if (m_pendingText.isEmpty())
        return;
    m_transcript->appendText(m_pendingStep, agentLabel(), m_pendingText);
    m_pendingText.clear();
}

void ChatView::showModelStep(const StepState& step)
{
    const QString text =
        step.status == StepStatus::Succeeded ? jsonString(step.content, "text") : QString();
    if (!text.isEmpty())
        m_transcript->setHtml(step.id, agentLabel(), markdownToHtml(text));
    else if (!step.streamedText.isEmpty())
        m_transcript->appendText(step.id, agentLabel(), step.streamedText);
}

void ChatView::showToolStep(const RunState& state, const StepState& step)
{
    const QString status = toolStatusName(state, step, m_interrupted.contains(step.id));
    QString detail;
    if (step.status == StepStatus::Failed)
        detail = jsonString(step.error, "message");
    else if (step.status == StepStatus::Succeeded && step.startedAt.isValid() &&
             step.finishedAt.isValid())
        detail = tr("%1 ms").arg(QLocale().toString(step.startedAt.msecsTo(step.finishedAt)));
    if (step.retries > 0)
        detail = tr("%n retry(s)", nullptr, step.retries) +
                 (detail.isEmpty() ? QString() : QStringLiteral(" \u00b7 ") + detail);
    const QString text = status == QLatin1String("rejected") ? tr("rejected") : statusText(status);
    m_transcript->setTool(
        step.id, step.name, text,
        colorName(status == QLatin1String("rejected") ? QStringLiteral("failed") : status), detail);
}

void ChatView::showDecision(const StepState& approval)
{
    if (!approval.approved)
        return;
    if (*approval.approved)
        m_transcript->addNote(tr("%1 approved by %2").arg(approval.name, approval.decidedBy),
                              colorName(QStringLiteral("succeeded")));
    else
        m_transcript->addNote(
            tr("%1 rejected by %2: the call does not run").arg(approval.name, approval.decidedBy),
            colorName(QStringLiteral("failed")));
}

void ChatView::showOutcome(const RunState& state)
{
    const StepState* last = state.lastModelStep();
    if (!state.finalText.isEmpty() &&
        (!last || jsonString(last->content, "text") != state.finalText))
        m_transcript->setHtml(QStringLiteral("final"), agentLabel(),
                              markdownToHtml(state.finalText));
    const QString status = runStatusName(state.status);
    QString line = tr("Run %1").arg(statusText(status));
    if (state.status != RunStatus::Succeeded && state.error.is_object())
        line += QStringLiteral(": ") + jsonString(state.error, "message");
    const QString code = jsonString(state.error, "code");
    if (state.status == RunStatus::Failed && !line.endsWith(QLatin1Char('.')))
        line += QLatin1Char('.');
    if (state.status == RunStatus::Failed &&
        (code == QLatin1String("network_error") || code == QLatin1String("connection_failed") ||
         code == QLatin1String("retries_exhausted")))
        line += QLatin1Char(' ') +
                tr("Check that the model server at that address is running and reachable, or "
                   "pick another provider in the toolbar, then send the message again.");
    else if (state.status == RunStatus::Failed && code == QLatin1String("auth_failed"))
        line += QLatin1Char(' ') + tr("Store the right key for the profile in Settings (Ctrl+,) "
                                      "under Providers, then send the message again.");
    m_transcript->addNote(line, colorName(status));
}

void ChatView::updateUsage(const RunState& state)
{
    const QString model = state.provider + QLatin1Char('/') + state.model +
                          (state.scripted ? tr(" (scripted model)") : QString());
    m_transcript->setUsage(tr("%1 \u00b7 %2 tokens (%3 in, %4 out) \u00b7 US$%5")
                               .arg(model, QLocale().toString(qlonglong(state.usage.totalTokens())),
                                    QLocale().toString(qlonglong(state.usage.inputTokens)),
                                    QLocale().toString(qlonglong(state.usage.outputTokens)),
                                    Decimal::fromMicros(state.usage.costMicros).toString(4)));
}

void ChatView::setInterruptedSteps(const QSet<QString>& steps, const RunState& state)
{
    if (steps == m_interrupted)
        return;
    const QSet<QString> changed = InterruptedSteps::changedBetween(m_interrupted, steps);
    m_interrupted = steps;
    if (state.runId != m_runId || state.runId.isEmpty())
        return; // showRun draws the new run's lines with the new marks
    for (const QString& id : changed) {
        if (const StepState* step = state.step(id); step && step->kind == StepKind::Tool)
            showToolStep(state, *step);
    }
}

void ChatView::showRun(const RunState& state)
{
    m_runId = state.runId;
    m_flush.stop();
    m_pendingText.clear();
    m_pendingStep.clear();
    if (state.runId.isEmpty()) {
        m_transcript->reset(
            tr("<h3>Agent Workbench</h3><p>Pick an agent in the toolbar, describe the task "
               "below and press <b>Run</b>. The answer streams in here, every tool call "
               "shows as one line with its status, and a call that needs your approval "
               "waits here until you decide.</p>"));
        m_approval->hide();
        return;
    }
    m_transcript->reset({});
    m_transcript->addUser(tr("You"), state.input);
    for (const StepState& s : state.steps) {
        switch (s.kind) {
        case StepKind::Model:
            showModelStep(s);
            break;
        case StepKind::Tool:
            showToolStep(state, s);
            break;
        case StepKind::Approval:
            showDecision(s);
            break;
        }
    }
    if (state.isFinished())
        showOutcome(state);
    updateUsage(state);
    updateApproval(state);
}

void ChatView::applyEvent(const RunEvent& event, const RunState& state)
{
    if (event.kind == EventKind::TextDelta) {
        // The hot path: no rendering, no JSON beyond reading the text; one page update per batch.
        if (event.stepId != m_pendingStep)
            flushStream();
        m_pendingStep = event.stepId;
        m_pendingText += jsonString(event.data, "text");
        if (!m_flush.isActive())
            m_flush.start();
        return;
    }
    flushStream();
    const StepState* step = state.step(event.stepId);
    switch (event.kind) {
    case EventKind::RunStarted:
        showRun(state);
        return;
    case EventKind::StepCreated:
    case EventKind::StepStarted:
    case EventKind::ToolSucceeded:
    case EventKind::StepRetried:
        if (step && step->kind == StepKind::Tool)
            showToolStep(state, *step);
        else if (step && step->kind == StepKind::Model && event.kind == EventKind::StepStarted &&
                 step->attempts > 1)
            m_transcript->setHtml(step->id, agentLabel(),
                                  {}); // a retried call streams again from the start
        break;
    case EventKind::StepFailed:
        if (step && step->kind == StepKind::Tool)
            showToolStep(state, *step);
        else if (step)
            m_transcript->addNote(
                tr("%1 failed: %2").arg(step->name, jsonString(step->error, "message")),
                colorName(QStringLiteral("failed")));
        break;
    case EventKind::ModelResponded:
        if (step)
            showModelStep(*step);
        updateUsage(state);
        break;
    case EventKind::ModelFellBack:
        m_transcript->addNote(
            tr("Fell back from %1 to %2")
                .arg(jsonString(event.data, "from"), jsonString(event.data, "to")),
            colorName(QStringLiteral("waiting_approval")));
        break;
    case EventKind::ApprovalRequested:
        if (step) {
            if (const StepState* tool = state.step(step->parent))
                showToolStep(state, *tool);
        }
        break;
    case EventKind::ApprovalDecided:
        if (step) {
            showDecision(*step);
            if (const StepState* tool = state.step(step->parent))
                showToolStep(state, *tool);
        }
        break;
    case EventKind::RunFinished:
        showOutcome(state);
        updateUsage(state);
        break;
    default:
        break;
    }
    updateApproval(state);
}

void ChatView::showDecisionError(const QString& message)
{
    m_approval->showDecisionError(message);
}

void ChatView::showNotice(const QString& text, Notice kind)
{
    flushStream();
    m_transcript->addNote(text, colorName(kind == Notice::Error ? QStringLiteral("failed")
                                                                : QStringLiteral("pending")));
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
