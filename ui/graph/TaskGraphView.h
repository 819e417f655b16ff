#pragma once
// The live task graph of one run: a node per step (model calls, tool calls, approvals), edges
// model -> its tool calls (through their approvals) -> next model, laid out left to right by
// Graphviz off the GUI thread. New steps trigger a throttled relayout; state changes only recolour.
// Pan by dragging, zoom with Ctrl+wheel or +/-, fit with F. Selecting a node emits stepSelected.

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QSet>
#include <QTimer>

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "engine/RunState.h"
#include "graph/GraphLayout.h"
#include "graph/NodeStyle.h"

namespace awb::ui {

class GraphEdgeItem;
class StepNodeItem;

class TaskGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TaskGraphView(QWidget* parent = nullptr);
    ~TaskGraphView() override;

    // Shows a run from its recorded events; later events follow through apply().
    void setRun(const QString& runId, const std::vector<RunEvent>& history);
    // Reads the run's events from the workspace database on a worker thread, then shows them;
    // events applied meanwhile are kept and replayed after the history.
    void loadRun(const QString& databasePath, const QString& runId);
    void clear();
    // Applies an event of the shown run (others, and ones already applied, are ignored).
    void apply(const RunEvent& event);
    // Steps of the shown run that a crash cut off (RunStepsModel::interruptedSteps()): while
    // recorded as running they show as interrupted.
    void setInterruptedSteps(const QSet<QString>& steps);

    const QString& runId() const { return m_runId; }
    const RunState& state() const { return m_state; }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const;
    std::optional<NodeState> nodeStateOf(const QString& stepId) const;
    // Centre of a node in scene coordinates (where the last layout put it).
    std::optional<QPointF> nodeCenter(const QString& stepId) const;
    bool isLayoutRunning() const { return m_watcher.isRunning(); }
    // Steps were added since the last applied layout (one is scheduled or running).
    bool isLayoutPending() const { return m_structureGeneration != m_laidOutGeneration; }
    int laidOutNodeCount() const { return m_laidOutCount; }
    QString selectedStep() const;
    void selectStep(const QString& stepId);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToView();

Q_SIGNALS:
    void stepSelected(const QString& stepId);
    void layoutStarted();
    // A layout was applied to the scene; nodeCount nodes have their place.
    void layoutApplied(int nodeCount);
    void layoutFailed(const QString& message);
    void runLoadFailed(const QString& message);
    // Steps were added or changed state (for counters next to the view).
    void contentChanged();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    struct LayoutOutcome
    {
        GraphLayout layout;
        QString error;
    };

    void applyToScene(const RunEvent& event);
    void addNode(const StepState& step);
    void recolour(const QString& stepId);
    void placeProvisionally(StepNodeItem* item, const StepState& step);
    GraphSnapshot snapshot() const;
    void scheduleLayout();
    void startLayout();
    void onLayoutFinished();
    void applyLayout(const GraphLayout& layout);
    void follow();
    void scaleBy(qreal factor);
    void onSelectionChanged();

    QGraphicsScene* m_scene;
    QString m_runId;
    RunState m_state;
    std::set<QString> m_reused; // completed before a resume that reused them
    QSet<QString> m_interrupted;
    std::map<QString, StepNodeItem*> m_nodes;
    std::vector<GraphEdgeItem*> m_edges;
    QRectF m_laidOut; // bounds of the last applied layout
    QPointF m_nextFree{0, 0};
    QString m_lastSelected;

    QTimer m_relayout;
    QFutureWatcher<LayoutOutcome> m_watcher;
    quint64 m_runGeneration = 0;
    quint64 m_structureGeneration = 0;
    quint64 m_laidOutGeneration = 0;
    int m_laidOutCount = 0;
    bool m_following = true; // fit/scroll to the newest work until the user zooms or pans

    // While a run's history loads on a worker thread: its live events wait here.
    bool m_loading = false;
    std::vector<RunEvent> m_buffered;
};

} // namespace awb::ui
