#include "chat/ApprovalPanel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include "engine/RunState.h"

namespace awb::ui {

namespace {
QString effectText(const QString& effect)
{
    if (effect == QLatin1String("external_effect"))
        return ApprovalPanel::tr(
            "External effect: acts outside this workspace (for example, sends an email) "
            "and cannot be undone.");
    if (effect == QLatin1String("idempotent_write"))
        return ApprovalPanel::tr("Write: changes data; repeating it changes nothing more.");
    if (effect == QLatin1String("read"))
        return ApprovalPanel::tr("Read only.");
    return effect;
}
} // namespace

ApprovalPanel::ApprovalPanel(QWidget* parent)
    : QFrame(parent), m_title(new QLabel(this)), m_effect(new QLabel(this)),
      m_arguments(new QPlainTextEdit(this)), m_approve(new QPushButton(tr("&Approve"), this)),
      m_reject(new QPushButton(tr("Re&ject"), this))
{
    setObjectName(QStringLiteral("approvalPanel"));
    setAccessibleName(tr("Approval request"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::AlternateBase));
    setPalette(p);

    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    m_title->setObjectName(QStringLiteral("approvalTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_effect->setObjectName(QStringLiteral("approvalEffect"));
    m_effect->setWordWrap(true);
    m_arguments->setObjectName(QStringLiteral("approvalArguments"));
    m_arguments->setAccessibleName(tr("Arguments of the tool call"));
    m_arguments->setReadOnly(true);
    m_arguments->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_arguments->setMaximumHeight(160);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setAccessibleName(tr("Approve this tool call"));
    m_approve->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setAccessibleName(tr("Reject this tool call"));
    m_reject->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    auto* text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_effect);
    text->addWidget(m_arguments);
    text->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(icon);
    layout->addLayout(text, 1);

    connect(m_approve, &QPushButton::clicked, this, [this] { Q_EMIT decided(m_stepId, true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { Q_EMIT decided(m_stepId, false); });
}

void ApprovalPanel::showRequest(const StepState& approval, const QString& effect)
{
    m_stepId = approval.id;
    m_title->setText(tr("Approve the call of %1?").arg(approval.name));
    m_effect->setText(effectText(effect));
    m_arguments->setPlainText(
        toQ(approval.arguments.dump(2, ' ', false, Json::error_handler_t::replace)));
    show();
}

} // namespace awb::ui
