#include "graph/GraphLayout.h"

#include <QMutex>
#include <QMutexLocker>

#include <gvc.h>

#include <memory>

namespace awb::ui {

namespace {

// Graphviz's parser, attribute tables and error state are process-global.
QMutex& graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

QByteArray quoted(const QString& id)
{
    QByteArray out = id.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + out + '"';
}

QByteArray toDot(const GraphSnapshot& s)
{
    QByteArray dot;
    dot.reserve(int(s.nodes.size() * 64 + s.edges.size() * 24 + 256));
    // Sizes are given in inches (72 points); one point is one scene unit.
    dot += "digraph run {\n rankdir=LR; nodesep=0.22; ranksep=0.55; splines=spline;\n"
           " node [shape=box, fixedsize=true, label=\"\"];\n edge [arrowhead=normal];\n";
    for (const GraphSnapshot::Node& n : s.nodes) {
        dot += ' ' + quoted(n.id) + " [width=" + QByteArray::number(n.size.width() / 72.0, 'f', 4) +
               ", height=" + QByteArray::number(n.size.height() / 72.0, 'f', 4) + "];\n";
    }
    for (const GraphSnapshot::Edge& e : s.edges)
        dot += ' ' + quoted(e.from) + " -> " + quoted(e.to) + ";\n";
    for (const std::vector<QString>& rank : s.sameRank) {
        dot += " { rank=same;";
        for (const QString& id : rank)
            dot += ' ' + quoted(id) + ';';
        dot += " }\n";
    }
    dot += "}\n";
    return dot;
}

// One Graphviz context for the process, as Graphviz means it to be used: gvFreeContext() does not
// release all the plugin configuration that gvContext() loads (Debian's graphviz 2.42), so a
// context per layout made the GUI grow with every relayout. Used under graphvizMutex() only, and
// kept until the process ends.
GVC_t* graphvizContext()
{
    static GVC_t* const gvc = gvContext();
    return gvc;
}

struct GraphDeleter
{
    void operator()(Agraph_t* g) const { agclose(g); }
};

} // namespace

Result<GraphLayout> layoutGraph(const GraphSnapshot& snapshot)
{
    GraphLayout out;
    out.runGeneration = snapshot.runGeneration;
    out.structureGeneration = snapshot.structureGeneration;
    if (snapshot.nodes.empty())
        return out;
    const QByteArray dot = toDot(snapshot);

    QMutexLocker lock(&graphvizMutex());
    agseterr(AGMAX); // errors come back as values, not on stderr
    GVC_t* const gvc = graphvizContext();
    std::unique_ptr<Agraph_t, GraphDeleter> graph(agmemread(dot.constData()));
    if (!gvc || !graph) {
        const char* why = aglasterr();
        return Error::make(QStringLiteral("Graphviz could not read the task graph: %1")
                               .arg(QString::fromUtf8(why ? why : "unknown error")),
                           QStringLiteral("layout_failed"));
    }
    Agraph_t* g = graph.get();
    if (gvLayout(gvc, g, "dot") != 0) {
        const QString why = QString::fromUtf8(aglasterr() ? aglasterr() : "unknown error");
        gvFreeLayout(gvc, g); // the shared context must not keep a half-made layout of g
        return Error::make(QStringLiteral("Graphviz could not lay out the task graph: %1 (is the "
                                          "graphviz \"dot\" layout plugin installed?)")
                               .arg(why),
                           QStringLiteral("layout_failed"));
    }
    // Graphviz's y axis points up: flip it around the bounding box.
    const boxf bb = GD_bb(g);
    const auto flip = [&bb](pointf p) {
        return QPointF(p.x - bb.LL.x, bb.UR.y - p.y);
    };
    out.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        out.centers.emplace(QString::fromUtf8(agnameof(n)), flip(ND_coord(n)));
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const splines* spl = ED_spl(e);
            if (!spl || spl->size < 1 || spl->list[0].size < 1)
                continue;
            const bezier& bz = spl->list[0];
            GraphLayout::Edge edge;
            edge.from = QString::fromUtf8(agnameof(agtail(e)));
            edge.to = QString::fromUtf8(agnameof(aghead(e)));
            edge.path.moveTo(flip(bz.list[0]));
            for (int i = 1; i + 2 < bz.size; i += 3)
                edge.path.cubicTo(flip(bz.list[i]), flip(bz.list[i + 1]), flip(bz.list[i + 2]));
            edge.arrowBase = flip(bz.list[bz.size - 1]);
            edge.arrowTip = bz.eflag ? flip(bz.ep) : edge.arrowBase;
            out.edges.push_back(std::move(edge));
        }
    }
    gvFreeLayout(gvc, g);
    return out;
}

} // namespace awb::ui
