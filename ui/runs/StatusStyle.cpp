#include "runs/StatusStyle.h"

#include <QCoreApplication>

namespace awb::ui {

QString statusText(const QString& s)
{
    if (s == QLatin1String("running"))
        return QCoreApplication::translate("awb::ui::Status", "running");
    if (s == QLatin1String("interrupted"))
        return QCoreApplication::translate("awb::ui::Status", "interrupted");
    if (s == QLatin1String("waiting_approval"))
        return QCoreApplication::translate("awb::ui::Status", "needs approval");
    if (s == QLatin1String("succeeded"))
        return QCoreApplication::translate("awb::ui::Status", "succeeded");
    if (s == QLatin1String("failed"))
        return QCoreApplication::translate("awb::ui::Status", "failed");
    if (s == QLatin1String("cancelled"))
        return QCoreApplication::translate("awb::ui::Status", "cancelled");
    if (s == QLatin1String("pending"))
        return QCoreApplication::translate("awb::ui::Status", "pending");
    return s;
}

QColor statusColor(const QString& s)
{
    if (s == QLatin1String("succeeded"))
        return QColor(0x2e, 0x8b, 0x3e);
    if (s == QLatin1String("failed"))
        return QColor(0xd0, 0x3a, 0x2f);
    if (s == QLatin1String("waiting_approval"))
        return QColor(0xc7, 0x7c, 0x02);
    if (s == QLatin1String("running"))
        return QColor(0x2a, 0x7a, 0xd5);
    if (s == QLatin1String("interrupted"))
        return QColor(0x9c, 0x4d, 0xcc);
    return {};
}

} // namespace awb::ui
