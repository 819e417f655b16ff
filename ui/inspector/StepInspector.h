#pragma once
// The inspector of one step: what it was asked (arguments), what came back (the full stored
// result, or what the model saw), the raw model request and response exactly as recorded, and
// its timings, tokens, cost, retries, fallbacks, idempotency key and error. Everything comes
// from the run's journal: the step's state from RunState, the rest read off the GUI thread.

#include <QSet>
#include <QWidget>

#include "engine/RunState.h"

class QFormLayout;
class QLabel;
class QPushButton;
class QTabWidget;

namespace awb::ui {

class JsonPane;

class StepInspector : public QWidget
{
    Q_OBJECT
public:
    explicit StepInspector(QWidget* parent = nullptr);

    // The workspace database the journal lives in (read-only use; empty: nothing is loaded).
    void setDatabasePath(const QString& path);
    // Shows a step of the run; results and raw request/response load asynchronously.
    void showStep(const RunState& run, const QString& stepId);
    // Steps a crash cut off (RunStepsModel::interruptedSteps()): shown as interrupted, not
    // running, from the next showStep or event on.
    void setInterruptedSteps(const QSet<QString>& steps) { m_interrupted = steps; }
    // Refreshes the shown step when an event of the run changed it.
    void applyEvent(const RunEvent& event, const RunState& run);
    void clear();

    const QString& stepId() const { return m_stepId; }
    JsonPane* argumentsPane() const { return m_arguments; }
    JsonPane* resultPane() const { return m_result; }
    JsonPane* requestPane() const { return m_request; }
    JsonPane* responsePane() const { return m_response; }
    // The text of a detail row by its key ("status", "tokens", "cost", ...), for tests.
    QString detail(const QString& key) const;
    // "Replay from this step": enabled while a step is shown.
    QPushButton* replayButton() const { return m_replay; }

Q_SIGNALS:
    // The asynchronous part (result, raw request/response) of stepId is shown.
    void detailsLoaded(const QString& stepId);
    // The person asked to replay the shown step's run from it; stepNumber is 1-based.
    void replayRequested(const QString& runId, int stepNumber);

private:
    struct Details;
    void showFields(const StepState& step);
    void loadDetails(const StepState& step);
    void applyDetails(const Details& details);
    QLabel* addRow(const QString& key, const QString& label);
    void setRow(const QString& key, const QString& text);

    QString m_databasePath;
    QString m_runId;
    QString m_stepId;
    int m_stepNumber = 0;
    QSet<QString> m_interrupted;
    quint64 m_generation = 0;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_state;
    QPushButton* m_replay;
    QFormLayout* m_form;
    std::map<QString, QLabel*> m_rows;
    QTabWidget* m_tabs;
    JsonPane* m_arguments;
    JsonPane* m_result;
    JsonPane* m_request;
    JsonPane* m_response;
};

} // namespace awb::ui
