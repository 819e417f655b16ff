#pragma once
// The scene items of the task graph: a step node (kind, name, state colour) and an edge (a
// Graphviz spline with its arrowhead). Items only paint; TaskGraphView decides what they show.

#include <QGraphicsItem>

#include "engine/RunState.h"
#include "graph/NodeStyle.h"

namespace awb::ui {

class StepNodeItem : public QGraphicsItem
{
public:
    StepNodeItem(const StepState& step, NodeState state);

    static QSizeF sizeFor(StepKind kind);

    const QString& stepId() const { return m_id; }
    StepKind kind() const { return m_kind; }
    NodeState state() const { return m_state; }
    // Returns whether anything visible changed (callers count repaints).
    bool update(const StepState& step, NodeState state);
    // Places the node by its centre (layout positions are centres).
    void setCenter(const QPointF& center);
    QPointF center() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString detailText(const StepState& step) const;

    QString m_id;
    StepKind m_kind;
    QString m_name;
    QString m_detail;
    NodeState m_state;
    QSizeF m_size;
};

class GraphEdgeItem : public QGraphicsItem
{
public:
    GraphEdgeItem();
    void setGeometry(const QPainterPath& path, const QPointF& arrowBase, const QPointF& arrowTip);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_bounds;
};

} // namespace awb::ui
