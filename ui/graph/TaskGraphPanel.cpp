#include "graph/TaskGraphPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include "graph/NodeStyle.h"
#include "graph/TaskGraphView.h"

namespace awb::ui {

namespace {
QPixmap swatch(const QColor& color, qreal dpr)
{
    QPixmap pm(QSize(14, 14) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(125));
    p.setBrush(color);
    p.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return pm;
}
} // namespace

TaskGraphPanel::TaskGraphPanel(QWidget* parent)
    : QWidget(parent), m_view(new TaskGraphView(this)), m_summary(new QLabel(this)),
      m_toolbar(new QWidget(this))
{
    setObjectName(QStringLiteral("taskGraphPanel"));
    setAccessibleName(tr("Task graph"));
    auto* bar = new QHBoxLayout(m_toolbar);
    bar->setContentsMargins(6, 4, 6, 2);
    bar->setSpacing(4);
    m_summary->setObjectName(QStringLiteral("taskGraphSummary"));
    m_summary->setAccessibleName(tr("Task graph summary"));
    bar->addWidget(m_summary, 1);
    QToolButton* out = addButton(QStringLiteral("graphZoomOutButton"), QStringLiteral("\u2212"),
                                 tr("Zoom out (-)"));
    QToolButton* in =
        addButton(QStringLiteral("graphZoomInButton"), QStringLiteral("+"), tr("Zoom in (+)"));
    QToolButton* fit =
        addButton(QStringLiteral("graphFitButton"), tr("Fit"), tr("Fit the graph (F)"));
    bar->addWidget(out);
    bar->addWidget(in);
    bar->addWidget(fit);
    connect(out, &QToolButton::clicked, m_view, &TaskGraphView::zoomOut);
    connect(in, &QToolButton::clicked, m_view, &TaskGraphView::zoomIn);
    connect(fit, &QToolButton::clicked, m_view, &TaskGraphView::fitToView);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_view, 1);
    layout->addWidget(buildLegend());
    connect(m_view, &TaskGraphView::contentChanged, this, &TaskGraphPanel::updateSummary);
    updateSummary();
}

QToolButton* TaskGraphPanel::addButton(const QString& name, const QString& text, const QString& tip)
{
    auto* b = new QToolButton(m_toolbar);
    b->setObjectName(name);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setAutoRaise(true);
    b->setMinimumWidth(28);
    return b;
}

QWidget* TaskGraphPanel::buildLegend()
{
    auto* legend = new QWidget(this);
    legend->setObjectName(QStringLiteral("taskGraphLegend"));
    legend->setAccessibleName(tr("Legend of step states"));
    auto* grid = new QGridLayout(legend);
    grid->setContentsMargins(8, 4, 8, 6);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(2);
    const qreal dpr = devicePixelRatioF();
    int i = 0;
    for (NodeState s : kAllNodeStates) {
        auto* item = new QWidget(legend);
        auto* row = new QHBoxLayout(item);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(5);
        auto* icon = new QLabel(item);
        icon->setPixmap(swatch(nodeStateColor(s), dpr));
        auto* text = new QLabel(nodeStateText(s), item);
        text->setObjectName(QStringLiteral("legend_") + nodeStateName(s));
        row->addWidget(icon);
        row->addWidget(text);
        row->addStretch();
        grid->addWidget(item, i / 5, i % 5);
        ++i;
    }
    grid->setColumnStretch(5, 1); // keep the entries together on wide docks
    return legend;
}

void TaskGraphPanel::updateSummary()
{
    const RunState& s = m_view->state();
    if (m_view->runId().isEmpty()) {
        m_summary->setText(tr("No run selected"));
        return;
    }
    m_summary->setText(
        tr("%n step(s): %1 model, %2 tool, %3 approval", nullptr, int(s.steps.size()))
            .arg(s.countSteps(StepKind::Model))
            .arg(s.countSteps(StepKind::Tool))
            .arg(s.countSteps(StepKind::Approval)));
}

} // namespace awb::ui
