#pragma once
// Small helpers shared by the GUI benchmark programs: percentiles of samples, the machine's load,
// and the memory of this process and all its descendants (QtWebEngineProcess and its children)
// read from /proc. Header-only; these programs print figures and assert nothing about time.

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include <unistd.h>

namespace awb::guibench {

// "p50 x  p90 x  p99 x  max x" of samples in milliseconds (sorted copy; empty prints n/a).
inline QString percentiles(std::vector<double> ms)
{
    if (ms.empty())
        return QStringLiteral("n/a");
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        const auto i = std::min(ms.size() - 1, std::size_t(q * double(ms.size() - 1) + 0.5));
        return ms[i];
    };
    double sum = 0;
    for (double v : ms)
        sum += v;
    return QStringLiteral("n=%1 mean %2  p50 %3  p90 %4  p99 %5  max %6 ms")
        .arg(ms.size())
        .arg(sum / double(ms.size()), 0, 'f', 2)
        .arg(at(0.5), 0, 'f', 2)
        .arg(at(0.9), 0, 'f', 2)
        .arg(at(0.99), 0, 'f', 2)
        .arg(ms.back(), 0, 'f', 2);
}

inline QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

inline void line(const QString& text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

struct ProcMemory
{
    int pid = 0;
    QString name;
    qint64 rssKb = 0;
    qint64 pssKb = 0;
};

// Parent pid of a process, from /proc/PID/stat (the name in parentheses may contain spaces).
inline int parentOf(int pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = s.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields[1].toInt() : -1;
}

inline ProcMemory memoryOf(int pid)
{
    ProcMemory m;
    m.pid = pid;
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (comm.open(QIODevice::ReadOnly))
        m.name = QString::fromLatin1(comm.readAll()).trimmed();
    QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (cmd.open(QIODevice::ReadOnly)) {
        // Chromium's helpers say what they are in --type=...
        const QList<QByteArray> args = cmd.readAll().split('\0');
        for (const QByteArray& a : args) {
            if (a.startsWith("--type="))
                m.name += QLatin1Char(' ') + QString::fromLatin1(a.mid(7));
        }
    }
    QFile smaps(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (smaps.open(QIODevice::ReadOnly)) {
        for (const QByteArray& l : smaps.readAll().split('\n')) {
            const QList<QByteArray> parts = l.simplified().split(' ');
            if (parts.size() < 2)
                continue;
            if (parts[0] == "Rss:")
                m.rssKb = parts[1].toLongLong();
            else if (parts[0] == "Pss:")
                m.pssKb = parts[1].toLongLong();
        }
    }
    return m;
}

// This process and every descendant of it.
inline std::vector<ProcMemory> treeMemory(int root = int(::getpid()))
{
    std::map<int, int> parent;
    for (const QString& e : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const int pid = e.toInt(&ok);
        if (ok)
            parent[pid] = parentOf(pid);
    }
    std::vector<ProcMemory> out;
    for (const auto& [pid, ppid] : parent) {
        int p = pid;
        for (int hops = 0; hops < 64 && p > 1 && p != root; ++hops)
            p = parent.count(p) ? parent[p] : -1;
        if (p == root)
            out.push_back(memoryOf(pid));
    }
    return out;
}

} // namespace awb::guibench
