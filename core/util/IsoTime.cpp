#include "util/IsoTime.h"

#include <chrono>

namespace awb {

namespace {
void putDigits(char* at, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        at[i] = char('0' + value % 10);
        value /= 10;
    }
}
} // namespace

QByteArray isoUtcMsUtf8(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    using namespace std::chrono;
    const sys_time<milliseconds> point{milliseconds(time.toMSecsSinceEpoch())};
    const sys_days day = floor<days>(point);
    const year_month_day date{day};
    const int year = int(date.year());
    if (year < 1 || year > 9999)
        return time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    const hh_mm_ss clock{point - day};
    char text[24] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0',
                     '0', ':', '0', '0', ':', '0', '0', '.', '0', '0', '0', 'Z'};
    putDigits(text, year, 4);
    putDigits(text + 5, int(unsigned(date.month())), 2);
    putDigits(text + 8, int(unsigned(date.day())), 2);
    putDigits(text + 11, int(clock.hours().count()), 2);
    putDigits(text + 14, int(clock.minutes().count()), 2);
    putDigits(text + 17, int(clock.seconds().count()), 2);
    putDigits(text + 20, int(clock.subseconds().count()), 3);
    return QByteArray(text, sizeof(text));
}

} // namespace awb
