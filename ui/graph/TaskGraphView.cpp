#include "graph/TaskGraphView.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLoggingCategory>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

#include "graph/GraphItems.h"
#include "graph/RunGraph.h"
#include "inspector/JournalReader.h"
#include "runs/InterruptedSteps.h"

namespace awb::ui {

Q_LOGGING_CATEGORY(lcGraph, "awb.ui.graph")

namespace {
constexpr int kRelayoutDelayMs = 100;
constexpr qreal kZoomStep = 1.2;
constexpr qreal kMinScale = 0.05;
constexpr qreal kMaxScale = 4.0;
// Below this scale a fitted graph is unreadable: follow the newest node instead.
constexpr qreal kFollowMinScale = 0.55;

struct HistoryOutcome
{
    std::vector<RunEvent> events;
    QString error;
};
} // namespace

TaskGraphView::TaskGraphView(QWidget* parent)
    : QGraphicsView(parent), m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("taskGraphView"));
    setAccessibleName(tr("Task graph"));
    setAccessibleDescription(tr("The steps of the current run. Drag to pan, Ctrl+wheel or +/- to "
                                "zoom, F to fit."));
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setFocusPolicy(Qt::StrongFocus);
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &TaskGraphView::onSelectionChanged);

    m_relayout.setSingleShot(true);
    m_relayout.setInterval(kRelayoutDelayMs);
    connect(&m_relayout, &QTimer::timeout, this, &TaskGraphView::startLayout);
    connect(&m_watcher, &QFutureWatcher<LayoutOutcome>::finished, this,
            &TaskGraphView::onLayoutFinished);
}

// A layout still running keeps only its own snapshot; its result is simply never collected.
TaskGraphView::~TaskGraphView()
{
    // The scene is a child, so ~QObject deletes it after this class's members are gone; a selected
    // node it then removes would signal selectionChanged into this half-destroyed view.
    m_scene->disconnect(this);
}

void TaskGraphView::clear()
{
    ++m_runGeneration;
    m_relayout.stop();
    m_lastSelected.clear();
    m_nodes.clear();
    m_edges.clear();
    m_scene->clear();
    m_scene->setSceneRect(QRectF());
    m_state = RunState();
    m_reused.clear();
    m_interrupted.clear();
    m_runId.clear();
    m_laidOut = QRectF();
    m_laidOutCount = 0;
    m_structureGeneration = 0;
    m_laidOutGeneration = 0;
    m_nextFree = QPointF(0, 0);
    m_loading = false;
    m_buffered.clear();
    m_following = true;
    resetTransform();
    Q_EMIT contentChanged();
}

void TaskGraphView::setRun(const QString& runId, const std::vector<RunEvent>& history)
{
    clear();
    m_runId = runId;
    for (const RunEvent& e : history)
        apply(e);
}

void TaskGraphView::loadRun(const QString& databasePath, const QString& runId)
{
    clear();
    m_runId = runId;
    if (runId.isEmpty() || databasePath.isEmpty())
        return;
    m_loading = true;
    const quint64 generation = m_runGeneration;
    auto* watcher = new QFutureWatcher<HistoryOutcome>(this);
    connect(watcher, &QFutureWatcher<HistoryOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_runGeneration)
            return; // another run was shown meanwhile
        const HistoryOutcome outcome = watcher->result();
        std::vector<RunEvent> live = std::move(m_buffered);
        m_buffered.clear();
        m_loading = false;
        if (!outcome.error.isEmpty()) {
            Q_EMIT runLoadFailed(outcome.error);
            return;
        }
        for (const RunEvent& e : outcome.events)
            apply(e);
        for (const RunEvent& e : live)
            apply(e); // those already in the history are skipped by seq
    });
    watcher->setFuture(QtConcurrent::run([databasePath, runId] {
        HistoryOutcome out;
        auto events = journal::readRunEvents(databasePath, runId);
        if (events)
            out.events = std::move(events).value();
        else
            out.error = events.errorMessage();
        return out;
    }));
}

void TaskGraphView::apply(const RunEvent& event)
{
    if (m_runId.isEmpty() || event.runId != m_runId)
        return;
    if (m_loading) {
        m_buffered.push_back(event);
        return;
    }
    if (event.seq <= m_state.lastSeq)
        return;
    m_state.apply(event);
    applyToScene(event);
}

void TaskGraphView::applyToScene(const RunEvent& event)
{
    switch (event.kind) {
    case EventKind::StepCreated:
        if (const StepState* step = m_state.step(event.stepId))
            addNode(*step);
        break;
    case EventKind::RunResumed:
        // A resume that reused recorded results: everything finished so far was not run again.
        if (event.data.value("reused_steps", 0) > 0) {
            for (const StepState& s : m_state.steps) {
                if (s.isTerminal() && m_reused.insert(s.id).second)
                    recolour(s.id);
            }
        }
        // A stopped run resumed: the steps its stop cut off are open again.
        for (const Json& id : event.data.value("reopened_steps", Json::array())) {
            if (id.is_string())
                recolour(toQ(id.get<std::string>()));
        }
        break;
    case EventKind::ApprovalDecided:
        recolour(event.stepId);
        if (const StepState* s = m_state.step(event.stepId))
            recolour(s->parent);
        break;
    case EventKind::TextDelta:
        return; // streamed text changes no node
    default:
        if (!event.stepId.isEmpty())
            recolour(event.stepId);
        break;
    }
    Q_EMIT contentChanged();
}

void TaskGraphView::addNode(const StepState& step)
{
    auto* item = new StepNodeItem(step, nodeState(step, false, m_interrupted.contains(step.id)));
    item->setData(0, step.id);
    m_scene->addItem(item);
    m_nodes[step.id] = item;
    placeProvisionally(item, step);
    ++m_structureGeneration;
    scheduleLayout();
}

void TaskGraphView::placeProvisionally(StepNodeItem* item, const StepState& step)
{
    // Until dot places it: right of everything laid out, tool calls of one turn stacked.
    const StepState* previous =
        m_state.steps.size() > 1 ? &m_state.steps[m_state.steps.size() - 2] : nullptr;
    const bool stack = previous && step.kind != StepKind::Model &&
                       previous->kind != StepKind::Model && previous->turn == step.turn;
    if (m_laidOut.isValid() && m_nextFree.x() < m_laidOut.right() + 40)
        m_nextFree = QPointF(m_laidOut.right() + 40, m_laidOut.center().y());
    if (stack)
        m_nextFree += QPointF(0, 64);
    else if (previous)
        m_nextFree =
            QPointF(m_nextFree.x() + 210, m_laidOut.isValid() ? m_laidOut.center().y() : 0);
    item->setCenter(m_nextFree);
}

void TaskGraphView::recolour(const QString& stepId)
{
    const auto it = m_nodes.find(stepId);
    const StepState* step = m_state.step(stepId);
    if (it == m_nodes.end() || !step)
        return;
    it->second->update(
        *step, nodeState(*step, m_reused.count(stepId) > 0, m_interrupted.contains(stepId)));
}

void TaskGraphView::setInterruptedSteps(const QSet<QString>& steps)
{
    if (steps == m_interrupted)
        return;
    const QSet<QString> changed = InterruptedSteps::changedBetween(m_interrupted, steps);
    m_interrupted = steps;
    for (const QString& id : changed)
        recolour(id);
    Q_EMIT contentChanged();
}

GraphSnapshot TaskGraphView::snapshot() const
{
    GraphSnapshot s = graphOfRun(m_state);
    s.runGeneration = m_runGeneration;
    s.structureGeneration = m_structureGeneration;
    return s;
}

void TaskGraphView::scheduleLayout()
{
    // Throttled, not restarted per event: a steady stream of steps still gets laid out.
    if (!m_relayout.isActive() && !m_watcher.isRunning())
        m_relayout.start();
}

void TaskGraphView::startLayout()
{
    if (m_watcher.isRunning())
        return; // onLayoutFinished starts the next one
    if (!isLayoutPending())
        return;
    Q_EMIT layoutStarted();
    m_watcher.setFuture(QtConcurrent::run([snap = snapshot()] {
        LayoutOutcome out;
        auto layout = layoutGraph(snap);
        if (layout)
            out.layout = std::move(layout).value();
        else
            out.error = layout.errorMessage();
        return out;
    }));
}

void TaskGraphView::onLayoutFinished()
{
    const LayoutOutcome outcome = m_watcher.result();
    if (!outcome.error.isEmpty()) {
        qCWarning(lcGraph) << outcome.error;
        Q_EMIT layoutFailed(outcome.error);
        return;
    }
    // A layout of another run is stale: drop it. One of an earlier state of this run is a valid
    // subset (steps are never removed), so it is applied while the next one is computed.
    if (outcome.layout.runGeneration == m_runGeneration) {
        m_laidOutGeneration = outcome.layout.structureGeneration;
        applyLayout(outcome.layout);
    }
    if (m_laidOutGeneration != m_structureGeneration && !m_runId.isEmpty())
        m_relayout.start();
}

void TaskGraphView::applyLayout(const GraphLayout& layout)
{
    for (const auto& [id, center] : layout.centers) {
        const auto it = m_nodes.find(id);
        if (it != m_nodes.end())
            it->second->setCenter(center);
    }
    while (m_edges.size() < layout.edges.size()) {
        auto* edge = new GraphEdgeItem;
        m_scene->addItem(edge);
        m_edges.push_back(edge);
    }
    while (m_edges.size() > layout.edges.size()) {
        delete m_edges.back();
        m_edges.pop_back();
    }
    for (std::size_t i = 0; i < layout.edges.size(); ++i) {
        const GraphLayout::Edge& e = layout.edges[i];
        m_edges[i]->setGeometry(e.path, e.arrowBase, e.arrowTip);
    }
    m_laidOut = layout.bounds;
    m_laidOutCount = int(layout.centers.size());
    m_nextFree = QPointF(layout.bounds.right(), layout.bounds.center().y());
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-40, -40, 40, 40));
    follow();
    Q_EMIT layoutApplied(int(layout.centers.size()));
}

void TaskGraphView::follow()
{
    if (!m_following || m_nodes.empty())
        return;
    const QRectF all = m_scene->sceneRect();
    const qreal fit =
        std::min(viewport()->width() / all.width(), viewport()->height() / all.height());
    if (fit >= kFollowMinScale) {
        const qreal s = std::min(fit, 1.0);
        setTransform(QTransform::fromScale(s, s));
        centerOn(all.center());
    } else {
        setTransform(QTransform::fromScale(0.8, 0.8));
        centerOn(m_nodes.at(m_state.steps.back().id)->center());
    }
}

int TaskGraphView::edgeCount() const
{
    return int(m_edges.size());
}

std::optional<NodeState> TaskGraphView::nodeStateOf(const QString& stepId) const
{
    const auto it = m_nodes.find(stepId);
    return it == m_nodes.end() ? std::nullopt : std::optional<NodeState>(it->second->state());
}

std::optional<QPointF> TaskGraphView::nodeCenter(const QString& stepId) const
{
    const auto it = m_nodes.find(stepId);
    return it == m_nodes.end() ? std::nullopt : std::optional<QPointF>(it->second->center());
}

QString TaskGraphView::selectedStep() const
{
    for (QGraphicsItem* item : m_scene->selectedItems()) {
        if (auto* node = dynamic_cast<StepNodeItem*>(item))
            return node->stepId();
    }
    return {};
}

void TaskGraphView::selectStep(const QString& stepId)
{
    const auto it = m_nodes.find(stepId);
    if (it == m_nodes.end())
        return;
    m_scene->clearSelection();
    it->second->setSelected(true);
    ensureVisible(it->second);
}

void TaskGraphView::onSelectionChanged()
{
    const QString id = selectedStep();
    if (id.isEmpty() || id == m_lastSelected)
        return;
    m_lastSelected = id;
    Q_EMIT stepSelected(id);
}

void TaskGraphView::scaleBy(qreal factor)
{
    const qreal current = transform().m11();
    const qreal target = std::clamp(current * factor, kMinScale, kMaxScale);
    m_following = false;
    scale(target / current, target / current);
}

void TaskGraphView::zoomIn()
{
    scaleBy(kZoomStep);
}

void TaskGraphView::zoomOut()
{
    scaleBy(1 / kZoomStep);
}

void TaskGraphView::fitToView()
{
    if (m_nodes.empty())
        return;
    const QRectF all = m_scene->sceneRect();
    fitInView(all, Qt::KeepAspectRatio);
    if (transform().m11() > 1.0)
        setTransform(QTransform());
    centerOn(all.center());
    m_following = true;
}

void TaskGraphView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            scaleBy(std::pow(kZoomStep, steps));
        event->accept();
        return;
    }
    m_following = false;
    QGraphicsView::wheelEvent(event);
}

void TaskGraphView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_F:
        fitToView();
        return;
    case Qt::Key_0:
        m_following = false;
        setTransform(QTransform());
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void TaskGraphView::mousePressEvent(QMouseEvent* event)
{
    if (!itemAt(event->pos()))
        m_following = false; // the user is panning
    QGraphicsView::mousePressEvent(event);
}

void TaskGraphView::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, palette().color(QPalette::Base));
}

} // namespace awb::ui
