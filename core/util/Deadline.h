#pragma once
// A timeout that costs O(log n) to start, restart and stop, however many are running: all the
// deadlines of a thread share one QTimer armed for the earliest. Qt keeps a thread's QTimers in a
// sorted list and finds one to stop by a linear search, so thousands of model calls and runs that
// each restart their own QTimers on every chunk spent their time in that list.
// Lives on one thread; the callback runs on it, from its event loop.

#include <chrono>
#include <functional>
#include <map>

namespace awb {

class Deadline
{
public:
    Deadline() = default;
    ~Deadline() { stop(); }
    Deadline(const Deadline&) = delete;
    Deadline& operator=(const Deadline&) = delete;

    // (Re)starts: onExpired runs once, `after` from now, unless stopped or restarted first.
    void start(std::chrono::milliseconds after, std::function<void()> onExpired);
    // Restarts with the same interval and callback.
    void restart();
    void stop();
    bool isActive() const { return m_active; }
    std::chrono::milliseconds interval() const { return m_interval; }

private:
    friend class DeadlineQueue;
    using Entries = std::multimap<std::int64_t, Deadline*>;

    bool m_active = false;
    Entries::iterator m_entry;
    std::chrono::milliseconds m_interval{0};
    std::function<void()> m_onExpired;
};

} // namespace awb
