#include "util/FaultInjection.h"

#include <QByteArray>
#include <QList>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace awb::fault {

namespace {
struct Target
{
    QByteArray name;
    int hitNumber = 1;
    int signal = SIGKILL;
    bool active = false;
};

const Target& target()
{
    static const Target t = [] {
        Target r;
        const QByteArray spec = qgetenv("AWB_FAULT_INJECT");
        if (spec.isEmpty())
            return r;
        const QList<QByteArray> parts = spec.split(':');
        r.name = parts.value(0);
        r.hitNumber = parts.size() > 1 ? qMax(1, parts[1].toInt()) : 1;
        if (parts.size() > 2)
            r.signal = parts[2] == "SIGINT" ? SIGINT : parts[2] == "SIGTERM" ? SIGTERM : SIGKILL;
        r.active = true;
        return r;
    }();
    return t;
}

std::atomic<int> g_hits{0};
} // namespace

void crashPoint(const char* name)
{
    const Target& t = target();
    if (!t.active || t.name != name)
        return;
    if (g_hits.fetch_add(1) + 1 != t.hitNumber)
        return;
    std::fprintf(stderr, "awb: fault injection: %s at %s\n",
                 t.signal == SIGINT    ? "SIGINT"
                 : t.signal == SIGTERM ? "SIGTERM"
                                       : "SIGKILL",
                 name);
    std::fflush(stderr);
    std::raise(t.signal);
}

} // namespace awb::fault
