#pragma once
// The conversation of the current run: the user's request, the model's text as it streams, tool
// activity, the final answer rendered from Markdown, and an approval card while a gated call
// waits. Streamed text is appended at the end of the document, so only the last block relayouts.

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace awb {
struct RunEvent;
struct RunState;
} // namespace awb

namespace awb::ui {

class ApprovalPanel;

class ChatView : public QWidget
{
    Q_OBJECT
public:
    explicit ChatView(QWidget* parent = nullptr);

    QString input() const;
    void setInput(const QString& text);
    void setRunEnabled(bool enabled);

    // Rebuilds the transcript for a run (when another run is selected); an empty state shows a
    // hint.
    void showRun(const RunState& state);
    // Adds what one event changed; state already includes the event.
    void applyEvent(const RunEvent& event, const RunState& state);

Q_SIGNALS:
    void runRequested(const QString& input);
    void approvalDecided(const QString& approvalStepId, bool approve);

private:
    void appendUser(const QString& text);
    void appendNote(const QString& text, const QColor& color = {});
    void appendMarkdown(const QString& markdown);
    void beginStream(const QString& stepId);
    void appendFinal(const RunState& state);
    void updateApproval(const RunState& state);
    void scrollToEndIfFollowing(bool following);
    bool isFollowing() const;

    QTextBrowser* m_transcript;
    ApprovalPanel* m_approval;
    QLineEdit* m_input;
    QPushButton* m_run;
    QString m_streamStep;   // model step whose text is being streamed
    int m_streamStart = -1; // document position where that text begins
};

} // namespace awb::ui
