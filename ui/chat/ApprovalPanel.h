#pragma once
// The card shown when a gated tool call waits for a person: the tool, its effect class, the exact
// arguments (editable on request) and, for an email, its PDF attachment in an in-app preview.
// The card only reports the decision; the engine validates edited arguments and records it.

#include <QFrame>

class QBuffer;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPlainTextEdit;
class QPushButton;
class QSplitter;

namespace awb {
struct StepState;
}

namespace awb::ui {

class ApprovalPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ApprovalPanel(QWidget* parent = nullptr);
    ~ApprovalPanel() override;

    // Where attachments are resolved (the open workspace's root).
    void setWorkspaceRoot(const QString& root) { m_root = root; }
    // Shows an approval step (StepKind::Approval) and the effect class of the tool it gates.
    // Showing the same step again keeps the card (and any edit in progress) as it is.
    void showRequest(const StepState& approval, const QString& effect);
    // The decision could not be recorded (e.g. edited arguments that fail the schema): says why
    // on the card and lets the person decide again.
    void showDecisionError(const QString& message);
    const QString& stepId() const { return m_stepId; }
    // The attachment shown in the preview, workspace-relative; empty when there is none.
    const QString& previewPath() const { return m_previewPath; }
    QPdfDocument* previewDocument() const { return m_pdf; }

Q_SIGNALS:
    // editedArguments: the JSON text the person edited, or empty when the arguments are unchanged.
    void decided(const QString& approvalStepId, bool approve, const QString& editedArguments);
    // The attachment preview finished loading (ok) or could not be shown (message says why).
    void previewFinished(bool ok, const QString& message);

private:
    void decide(bool approve);
    void setEditing(bool editing);
    void loadPreview(const QString& relativePath);

    QString m_stepId;
    QString m_root;
    QString m_originalArguments;
    QString m_previewPath;
    int m_previewGeneration = 0;
    QLabel* m_title;
    QLabel* m_effect;
    QPlainTextEdit* m_arguments;
    QLabel* m_error;
    QPushButton* m_edit;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QSplitter* m_split;
    QWidget* m_previewBox;
    QLabel* m_previewLabel;
    QPdfView* m_pdfView;
    QPdfDocument* m_pdf;
    QBuffer* m_pdfBytes = nullptr;
};

} // namespace awb::ui
