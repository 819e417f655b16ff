#pragma once
// An exclusive, advisory lock on a run (flock on .awb/locks/RUN.lock), held by the process that
// executes it. The kernel drops it when that process dies, which is how a crashed run is told
// apart from one still running elsewhere.

#include <QString>

#include "util/Result.h"

namespace awb {

class RunLock
{
public:
    RunLock() = default;
    RunLock(RunLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    RunLock& operator=(RunLock&& other) noexcept;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    ~RunLock();

    // Fails with code "run_busy" when another process holds it.
    static Result<RunLock> acquire(const QString& stateDir, const QString& runId);
    // True when some process holds the lock now.
    static bool isHeld(const QString& stateDir, const QString& runId);

private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace awb
