#pragma once
// Compares two runs step by step: run A on the left, run B on the right, rows aligned in order,
// scrolled and selected together, differences marked (RunCompareModel). Both runs' events are read
// on a worker thread. "Replay from this step" on either side reports the run and step picked.

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace awb::ui {

class RunCompareModel;

class RunCompareView : public QWidget
{
    Q_OBJECT
public:
    explicit RunCompareView(QWidget* parent = nullptr);

    // The workspace database the journal lives in (read-only use).
    void setDatabasePath(const QString& path);
    // Loads both runs asynchronously; ends with loaded() or loadFailed().
    void compare(const QString& runA, const QString& runB);
    void clear();

    RunCompareModel* model() const { return m_model; }
    QTableView* viewA() const { return m_viewA; }
    QTableView* viewB() const { return m_viewB; }
    // The 1-based row selected in both views, or 0.
    int currentStepNumber() const;
    // Selects a row (1-based) in both views.
    void selectStep(int stepNumber);

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString& message);
    // stepNumber: 1-based position of the step in runId.
    void replayRequested(const QString& runId, int stepNumber);

private:
    void updateActions();
    void requestReplay(int side);

    QString m_databasePath;
    quint64 m_generation = 0;
    RunCompareModel* m_model;
    QLabel* m_titleA;
    QLabel* m_titleB;
    QLabel* m_summary;
    QTableView* m_viewA;
    QTableView* m_viewB;
    QPushButton* m_replayA;
    QPushButton* m_replayB;
};

} // namespace awb::ui
