#include "graph/NodeStyle.h"

#include <QCoreApplication>

namespace awb::ui {

NodeState nodeState(const StepState& step, bool reusedOnResume)
{
    switch (step.status) {
    case StepStatus::Pending:
        return NodeState::Pending;
    case StepStatus::Running:
        return NodeState::Running;
    case StepStatus::WaitingApproval:
        return NodeState::Waiting;
    case StepStatus::Failed:
        return NodeState::Failed;
    case StepStatus::Succeeded:
        break;
    }
    if (reusedOnResume)
        return NodeState::Reused;
    if (step.fallbacks.is_array() && !step.fallbacks.empty())
        return NodeState::FellBack;
    if (step.retries > 0)
        return NodeState::Retried;
    return NodeState::Succeeded;
}

NodeState nodeState(const StepState& step, bool reusedOnResume, bool interrupted)
{
    if (interrupted && step.status == StepStatus::Running)
        return NodeState::Interrupted;
    return nodeState(step, reusedOnResume);
}

QColor nodeStateColor(NodeState state)
{
    switch (state) {
    case NodeState::Pending:
        return QColor(0x8a, 0x90, 0x9a);
    case NodeState::Running:
        return QColor(0x2f, 0x80, 0xed);
    case NodeState::Waiting:
        return QColor(0xd4, 0xa0, 0x00);
    case NodeState::Succeeded:
        return QColor(0x2e, 0xa0, 0x4f);
    case NodeState::Failed:
        return QColor(0xe0, 0x40, 0x3a);
    case NodeState::Retried:
        return QColor(0xe8, 0x71, 0x1c);
    case NodeState::FellBack:
        return QColor(0xb0, 0x5c, 0xd6);
    case NodeState::Reused:
        return QColor(0x17, 0xa5, 0xb0);
    case NodeState::Interrupted:
        return QColor(0x8d, 0x6e, 0x63);
    }
    return {};
}

QString nodeStateText(NodeState state)
{
    switch (state) {
    case NodeState::Pending:
        return QCoreApplication::translate("awb::ui::NodeState", "pending");
    case NodeState::Running:
        return QCoreApplication::translate("awb::ui::NodeState", "running");
    case NodeState::Waiting:
        return QCoreApplication::translate("awb::ui::NodeState", "waiting");
    case NodeState::Succeeded:
        return QCoreApplication::translate("awb::ui::NodeState", "succeeded");
    case NodeState::Failed:
        return QCoreApplication::translate("awb::ui::NodeState", "failed");
    case NodeState::Retried:
        return QCoreApplication::translate("awb::ui::NodeState", "retried");
    case NodeState::FellBack:
        return QCoreApplication::translate("awb::ui::NodeState", "fell back");
    case NodeState::Reused:
        return QCoreApplication::translate("awb::ui::NodeState", "reused on resume");
    case NodeState::Interrupted:
        return QCoreApplication::translate("awb::ui::NodeState", "interrupted");
    }
    return {};
}

QString nodeStateName(NodeState state)
{
    switch (state) {
    case NodeState::Pending:
        return QStringLiteral("pending");
    case NodeState::Running:
        return QStringLiteral("running");
    case NodeState::Waiting:
        return QStringLiteral("waiting");
    case NodeState::Succeeded:
        return QStringLiteral("succeeded");
    case NodeState::Failed:
        return QStringLiteral("failed");
    case NodeState::Retried:
        return QStringLiteral("retried");
    case NodeState::FellBack:
        return QStringLiteral("fell_back");
    case NodeState::Reused:
        return QStringLiteral("reused");
    case NodeState::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

} // namespace awb::ui
