#include "util/Deadline.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace awb {

// The deadlines of one thread, ordered by when they expire, and the one QTimer that waits for the
// earliest.
class DeadlineQueue
{
public:
    static DeadlineQueue& current()
    {
        thread_local DeadlineQueue queue;
        return queue;
    }

    Deadline::Entries::iterator add(std::int64_t at, Deadline* deadline)
    {
        auto it = m_entries.emplace(at, deadline);
        if (it == m_entries.begin())
            arm();
        return it;
    }

    void remove(Deadline::Entries::iterator it)
    {
        const bool wasFirst = it == m_entries.begin();
        m_entries.erase(it);
        if (wasFirst)
            arm();
    }

    std::int64_t now() const { return m_clock.elapsed(); }

private:
    DeadlineQueue()
    {
        m_clock.start();
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { expire(); });
    }

    void arm()
    {
        if (m_entries.empty()) {
            m_timer.stop();
            return;
        }
        const std::int64_t wait = std::max<std::int64_t>(0, m_entries.begin()->first - now());
        m_timer.start(std::chrono::milliseconds(wait));
    }

    void expire()
    {
        const std::int64_t at = now();
        std::vector<Deadline*> due;
        while (!m_entries.empty() && m_entries.begin()->first <= at) {
            Deadline* d = m_entries.begin()->second;
            m_entries.erase(m_entries.begin());
            d->m_active = false;
            due.push_back(d);
        }
        arm();
        // A callback may stop, restart or destroy other due deadlines: each is called only while
        // it is still expired (not restarted) and alive (its destructor removes it from `due`).
        m_due = &due;
        for (std::size_t i = 0; i < due.size(); ++i) {
            Deadline* d = due[i];
            if (!d || d->m_active)
                continue;
            std::function<void()> callback = d->m_onExpired; // the callback may destroy d
            callback();
        }
        m_due = nullptr;
    }

    friend class Deadline;
    void forget(Deadline* d)
    {
        if (m_due)
            std::replace(m_due->begin(), m_due->end(), d, static_cast<Deadline*>(nullptr));
    }

    Deadline::Entries m_entries;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<Deadline*>* m_due = nullptr;
};

void Deadline::start(std::chrono::milliseconds after, std::function<void()> onExpired)
{
    m_onExpired = std::move(onExpired);
    m_interval = after;
    restart();
}

void Deadline::restart()
{
    DeadlineQueue& queue = DeadlineQueue::current();
    if (m_active)
        queue.remove(m_entry);
    m_entry = queue.add(queue.now() + m_interval.count(), this);
    m_active = true;
}

void Deadline::stop()
{
    DeadlineQueue& queue = DeadlineQueue::current();
    queue.forget(this);
    if (!m_active)
        return;
    m_active = false;
    queue.remove(m_entry);
}

} // namespace awb
