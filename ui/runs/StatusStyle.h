#pragma once
// How run and step statuses look in every view: one translated word and one colour per status
// name (the names RunState and the runs index use), so the views agree.

#include <QColor>
#include <QString>

namespace awb::ui {

// "waiting_approval" -> "waiting for approval" (translated); unknown names are shown as they are.
QString statusText(const QString& statusName);
// A colour readable on light and dark palettes; invalid (use the palette) for neutral statuses.
QColor statusColor(const QString& statusName);

} // namespace awb::ui
