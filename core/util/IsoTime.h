#pragma once
// ISO-8601 UTC time with milliseconds ("2026-10-01T09:00:00.000Z"), as
// QDateTime::toString(Qt::ISODateWithMs) writes it for UTC, without its locale machinery: the
// journal stamps every event and audit entry, and Qt's formatter showed in the engine's profile.

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace awb {

// Years outside 1..9999 fall back to Qt's own formatting.
QByteArray isoUtcMsUtf8(const QDateTime& time);
inline QString isoUtcMs(const QDateTime& time)
{
    return QString::fromLatin1(isoUtcMsUtf8(time));
}

} // namespace awb
