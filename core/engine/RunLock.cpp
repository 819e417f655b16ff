#include "engine/RunLock.h"

#include <QDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace awb {

namespace {
QString lockPath(const QString& stateDir, const QString& runId)
{
    return QDir(stateDir).filePath(QStringLiteral("locks/%1.lock").arg(runId));
}
} // namespace

RunLock& RunLock::operator=(RunLock&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

RunLock::~RunLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<RunLock> RunLock::acquire(const QString& stateDir, const QString& runId)
{
    QDir().mkpath(QDir(stateDir).filePath(QStringLiteral("locks")));
    const QByteArray path = lockPath(stateDir, runId).toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::make(QStringLiteral("cannot open the run lock %1: %2")
                               .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return Error::make(QStringLiteral("run %1 is being executed by another process; wait for it to stop "
                                          "(or stop it) before resuming")
                               .arg(runId),
                           QStringLiteral("run_busy"));
    }
    return RunLock(fd);
}

bool RunLock::isHeld(const QString& stateDir, const QString& runId)
{
    const QByteArray path = lockPath(stateDir, runId).toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
    ::close(fd);
    return held;
}

} // namespace awb
