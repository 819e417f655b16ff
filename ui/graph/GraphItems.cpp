#include "graph/GraphItems.h"

#include "graph/RunGraph.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace awb::ui {

namespace {

QString kindCaption(StepKind kind)
{
    switch (kind) {
    case StepKind::Model:
        return QCoreApplication::translate("awb::ui::TaskGraphView", "MODEL");
    case StepKind::Tool:
        return QCoreApplication::translate("awb::ui::TaskGraphView", "TOOL");
    case StepKind::Approval:
        return QCoreApplication::translate("awb::ui::TaskGraphView", "APPROVAL");
    }
    return {};
}

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// The palette of the view painting the item (it follows the window's light or dark theme).
QPalette paletteOf(const QGraphicsItem* item, const QWidget* widget)
{
    if (widget)
        return widget->palette();
    return item->scene() ? item->scene()->palette() : QApplication::palette();
}

} // namespace

StepNodeItem::StepNodeItem(const StepState& step, NodeState state)
    : m_id(step.id), m_kind(step.kind), m_name(step.name), m_state(state),
      m_size(sizeFor(step.kind))
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    m_detail = detailText(step);
    setToolTip(
        QStringLiteral("%1 \u00b7 %2 \u00b7 %3").arg(step.id, step.name, nodeStateText(state)));
}

QSizeF StepNodeItem::sizeFor(StepKind kind)
{
    return nodeSize(kind);
}

QString StepNodeItem::detailText(const StepState& s) const
{
    QStringList parts{s.id};
    if (s.startedAt.isValid() && s.finishedAt.isValid()) {
        const qint64 ms = s.startedAt.msecsTo(s.finishedAt);
        parts << (ms < 1000 ? QStringLiteral("%1 ms").arg(ms)
                            : QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1));
    }
    if (s.kind == StepKind::Model && s.usage.totalTokens() > 0)
        parts << QCoreApplication::translate("awb::ui::TaskGraphView", "%n tok", nullptr,
                                             int(s.usage.totalTokens()));
    if (s.retries > 0)
        parts << QStringLiteral("\u21bb%1").arg(s.retries);
    if (s.fallbacks.is_array() && !s.fallbacks.empty())
        parts << QStringLiteral("\u2935%1").arg(s.fallbacks.size());
    return parts.join(QStringLiteral(" \u00b7 "));
}

bool StepNodeItem::update(const StepState& step, NodeState state)
{
    const QString detail = detailText(step);
    if (state == m_state && detail == m_detail && step.name == m_name)
        return false;
    m_state = state;
    m_detail = detail;
    m_name = step.name;
    setToolTip(
        QStringLiteral("%1 \u00b7 %2 \u00b7 %3").arg(step.id, step.name, nodeStateText(state)));
    QGraphicsItem::update();
    return true;
}

void StepNodeItem::setCenter(const QPointF& center)
{
    setPos(center - QPointF(m_size.width() / 2, m_size.height() / 2));
}

QPointF StepNodeItem::center() const
{
    return pos() + QPointF(m_size.width() / 2, m_size.height() / 2);
}

QRectF StepNodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-4, -4, 4, 4);
}

void StepNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    const QPalette pal = paletteOf(this, widget);
    const QColor accent = nodeStateColor(m_state);
    const QRectF r(QPointF(0, 0), m_size);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35) {
        // Far away: a block of the state's colour is all one can see, and cheap to draw.
        painter->fillRect(r, accent);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = isSelected();
    const qreal radius = m_kind == StepKind::Approval ? 14 : 6;
    QPen border(selected ? pal.color(QPalette::Highlight) : accent, selected ? 3 : 1.6);
    if (m_state == NodeState::Reused || m_state == NodeState::Pending)
        border.setStyle(Qt::DashLine);
    else if (m_state == NodeState::Interrupted)
        border.setStyle(Qt::DotLine);
    painter->setPen(border);
    painter->setBrush(mix(pal.color(QPalette::Base), accent, 0.16));
    painter->drawRoundedRect(r, radius, radius);
    // The state stripe on the leading edge: the colour still reads when the tint is faint.
    QPainterPath clip;
    clip.addRoundedRect(r, radius, radius);
    painter->save();
    painter->setClipPath(clip);
    painter->fillRect(QRectF(r.left(), r.top(), 6, r.height()), accent);
    painter->restore();

    const QColor text = pal.color(QPalette::Text);
    // From the scene, not the painter: the view does not restore painter state between items.
    const QFont base = scene() ? scene()->font() : QApplication::font();
    QFont caption = base;
    caption.setPointSizeF(caption.pointSizeF() * 0.72);
    caption.setBold(true);
    caption.setLetterSpacing(QFont::PercentageSpacing, 106);
    painter->setFont(caption);
    painter->setPen(mix(text, accent, 0.55));
    const QRectF inner = r.adjusted(13, 5, -8, -5);
    painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop, kindCaption(m_kind));
    painter->setPen(mix(text, pal.color(QPalette::Base), 0.35));
    painter->drawText(inner, Qt::AlignRight | Qt::AlignTop, nodeStateText(m_state));

    QFont name = base;
    name.setPointSizeF(base.pointSizeF() * 0.95);
    name.setBold(true);
    painter->setFont(name);
    painter->setPen(text);
    const QFontMetricsF fm(name);
    const QRectF nameRect(inner.left(), inner.top() + 12, inner.width(), fm.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(m_name, Qt::ElideMiddle, nameRect.width()));
    if (m_kind != StepKind::Approval || r.height() > 44) {
        QFont small = caption;
        small.setBold(false);
        small.setLetterSpacing(QFont::PercentageSpacing, 100);
        painter->setFont(small);
        painter->setPen(mix(text, pal.color(QPalette::Base), 0.35));
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignBottom, m_detail);
    }
}

GraphEdgeItem::GraphEdgeItem()
{
    setZValue(-1);
}

void GraphEdgeItem::setGeometry(const QPainterPath& path, const QPointF& base, const QPointF& tip)
{
    prepareGeometryChange();
    m_path = path;
    m_arrow.clear();
    const QLineF axis(tip, base);
    if (axis.length() > 0.5) {
        // A filled triangle from the spline's end to the border, as wide as Graphviz's default.
        QLineF normal = axis.normalVector();
        normal.setLength(3.5);
        const QPointF side = normal.p2() - normal.p1();
        m_arrow << tip << base + side << base - side;
    }
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-3, -3, 3, 3);
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_bounds;
}

void GraphEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                          QWidget* widget)
{
    const QPalette pal = paletteOf(this, widget);
    const QColor line = mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.5);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod >= 0.35)
        painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(line, 1.3));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (!m_arrow.isEmpty() && lod >= 0.35) {
        painter->setBrush(line);
        painter->drawPolygon(m_arrow);
    }
}

} // namespace awb::ui
