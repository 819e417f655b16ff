#pragma once
// Asks how to replay a run from a step: with the agent's instructions as they are, or with edited
// ones. The agent file's instructions are read on a worker thread to start the edit from.

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace awb::ui {

class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    // agentFile: the source run's agent file (empty: nothing to start the edit from).
    ReplayDialog(const QString& runId, int stepNumber, const QString& stepTitle,
                 const QString& agentFile, QWidget* parent = nullptr);

    const QString& runId() const { return m_runId; }
    int stepNumber() const { return m_stepNumber; }
    // The replacement instructions, or nothing to keep the agent's own.
    std::optional<QString> instructions() const;
    QCheckBox* replaceInstructions() const { return m_replace; }
    QPlainTextEdit* editor() const { return m_editor; }

Q_SIGNALS:
    // The agent file's instructions are in the editor (or could not be read: the note says why).
    void instructionsLoaded();

private:
    QString m_runId;
    int m_stepNumber;
    QCheckBox* m_replace;
    QPlainTextEdit* m_editor;
    QLabel* m_note;
};

} // namespace awb::ui
