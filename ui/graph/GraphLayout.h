#pragma once
// A layered left-to-right layout of a task graph, computed by Graphviz's "dot" (libgvc). Pure
// data in, positions out: safe to call from a worker thread (calls are serialised internally,
// Graphviz keeps global state). Coordinates are scene units, y growing downwards.

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <map>
#include <vector>

#include "util/Result.h"

namespace awb::ui {

struct GraphSnapshot
{
    struct Node
    {
        QString id;
        QSizeF size; // scene units
    };
    struct Edge
    {
        QString from, to;
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<std::vector<QString>> sameRank; // nodes drawn side by side (one rank)
    quint64 runGeneration = 0;                  // which run the snapshot is of
    quint64 structureGeneration = 0;            // how many structural changes it includes
};

struct GraphLayout
{
    struct Edge
    {
        QString from, to;
        QPainterPath path; // the curve, ending at the arrow's base
        QPointF arrowBase; // where the arrowhead starts
        QPointF arrowTip;  // where it points (on the target's border)
    };
    quint64 runGeneration = 0;
    quint64 structureGeneration = 0;
    QRectF bounds;
    std::map<QString, QPointF> centers;
    std::vector<Edge> edges;
};

// Runs dot on the snapshot. Fails with Graphviz's complaint when it rejects the graph.
Result<GraphLayout> layoutGraph(const GraphSnapshot& snapshot);

} // namespace awb::ui
