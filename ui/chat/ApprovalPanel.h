#pragma once
// The card shown when a gated tool call waits for a person: which tool, what kind of effect, and
// the exact arguments it would run with. Approve and Reject only report the decision.

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace awb {
struct StepState;
}

namespace awb::ui {

class ApprovalPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ApprovalPanel(QWidget* parent = nullptr);

    // Shows an approval step (StepKind::Approval) and the effect class of the tool it gates.
    void showRequest(const StepState& approval, const QString& effect);
    const QString& stepId() const { return m_stepId; }

Q_SIGNALS:
    void decided(const QString& approvalStepId, bool approve);

private:
    QString m_stepId;
    QLabel* m_title;
    QLabel* m_effect;
    QPlainTextEdit* m_arguments;
    QPushButton* m_approve;
    QPushButton* m_reject;
};

} // namespace awb::ui
