#pragma once
// The "Task graph" dock's content: the graph view with its zoom/fit buttons, a step counter and
// the colour legend of node states.

#include <QWidget>

class QLabel;
class QToolButton;

namespace awb::ui {

class TaskGraphView;

class TaskGraphPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TaskGraphPanel(QWidget* parent = nullptr);

    TaskGraphView* view() const { return m_view; }

private:
    QToolButton* addButton(const QString& name, const QString& text, const QString& tip);
    QWidget* buildLegend();
    void updateSummary();

    TaskGraphView* m_view;
    QLabel* m_summary;
    QWidget* m_toolbar;
};

} // namespace awb::ui
