#pragma once
// The conversation of the current run: the user's request, the model's text as it streams
// (batched, appended raw, rendered from Markdown once the model step completes), one line per tool
// call updated in place, the run's tokens and cost, and an approval card while a gated call waits.

#include <QSet>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLineEdit;
class QPushButton;

namespace awb {
struct RunEvent;
struct RunState;
struct StepState;
} // namespace awb

namespace awb::ui {

class ApprovalPanel;
class ChatTranscript;

class ChatView : public QWidget
{
    Q_OBJECT
public:
    explicit ChatView(QWidget* parent = nullptr);

    QString input() const;
    void setInput(const QString& text);
    void setRunEnabled(bool enabled);
    void setStopEnabled(bool enabled);
    // The open workspace, where approval cards find attachments.
    void setWorkspaceRoot(const QString& root);

    // Rebuilds the transcript for a run (when another run is selected); an empty state shows a
    // hint.
    void showRun(const RunState& state);
    // Adds what one event changed; state already includes the event. Text deltas are only buffered
    // here and reach the page at most every kStreamBatchMs.
    void applyEvent(const RunEvent& event, const RunState& state);
    // Steps a crash cut off (RunStepsModel::interruptedSteps()): their tool lines say
    // "interrupted" instead of "running". state: the shown run, whose lines are redrawn.
    void setInterruptedSteps(const QSet<QString>& steps, const RunState& state);
    // The engine refused the decision of the approval card: shown on the card.
    void showDecisionError(const QString& message);
    // A line about the conversation that is not an event of the run, e.g. why a message could
    // not be sent and what to do next.
    enum class Notice
    {
        Info,
        Error,
    };
    void showNotice(const QString& text, Notice kind);

    ApprovalPanel* approvalPanel() const { return m_approval; }
    ChatTranscript* transcript() const { return m_transcript; }
    // The transcript as plain text, asynchronously (for tests and accessibility tools).
    void fetchTranscriptText(QObject* context, std::function<void(const QString&)> done);

    static constexpr int kStreamBatchMs = 30;

Q_SIGNALS:
    void runRequested(const QString& input);
    void stopRequested();
    // editedArguments: JSON text the person edited, empty when unchanged.
    void approvalDecided(const QString& approvalStepId, bool approve,
                         const QString& editedArguments);

protected:
    void changeEvent(QEvent* event) override;

private:
    void flushStream();
    void showModelStep(const StepState& step);
    void showToolStep(const RunState& state, const StepState& step);
    void showDecision(const StepState& approval);
    void showOutcome(const RunState& state);
    void updateUsage(const RunState& state);
    void updateApproval(const RunState& state);
    QString agentLabel() const;

    ChatTranscript* m_transcript;
    ApprovalPanel* m_approval;
    QLineEdit* m_input;
    QPushButton* m_run;
    QPushButton* m_stop;
    QTimer m_flush;
    QString m_runId; // the run the transcript shows
    QSet<QString> m_interrupted;
    QString m_pendingStep; // model step whose buffered text has not reached the page yet
    QString m_pendingText;
};

} // namespace awb::ui
