#include "util/RegularFile.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace awb {

namespace {

// One read() at most this large, so that a huge limit does not mean a huge first allocation.
constexpr qint64 kChunk = 1 << 20;

Error tooLarge(const QString& name, qint64 maxBytes)
{
    return Error::make(QStringLiteral("%1 is larger than the %2 accepted here; use a smaller file")
                           .arg(name, byteSize(maxBytes)),
                       QStringLiteral("file_too_large"));
}

Error notRegular(const QString& name, mode_t mode)
{
    return Error::make(QStringLiteral("%1 is %2, not a regular file; name a regular file")
                           .arg(name, fileTypeName(mode)),
                       QStringLiteral("not_a_regular_file"));
}

Error fromErrno(const QString& name, int error)
{
    if (error == ENOENT)
        return Error::make(QStringLiteral("%1 does not exist").arg(name),
                           QStringLiteral("not_found"));
    if (error == EACCES || error == EPERM)
        return Error::make(QStringLiteral("cannot read %1: permission denied; check the file's "
                                          "permissions")
                               .arg(name),
                           QStringLiteral("permission_denied"));
    return Error::make(QStringLiteral("cannot read %1: %2")
                           .arg(name, QString::fromLocal8Bit(std::strerror(error))),
                       QStringLiteral("io_error"));
}

Result<QByteArray> readResource(const QString& path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("%1 does not exist").arg(path),
                           QStringLiteral("not_found"));
    if (f.size() > maxBytes)
        return tooLarge(path, maxBytes);
    QByteArray data = f.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return tooLarge(path, maxBytes);
    return data;
}

} // namespace

QString fileTypeName(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a named pipe (FIFO)");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISLNK(mode))
        return QStringLiteral("a symbolic link");
    return QStringLiteral("not a file");
}

QString byteSize(qint64 bytes)
{
    if (bytes >= (qint64(1) << 30) && bytes % (qint64(1) << 30) == 0)
        return QStringLiteral("%1 GB").arg(bytes >> 30);
    if (bytes >= (qint64(1) << 20))
        return QStringLiteral("%1 MB").arg(bytes >> 20);
    if (bytes >= (qint64(1) << 10))
        return QStringLiteral("%1 KB").arg(bytes >> 10);
    return bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(bytes);
}

Result<QByteArray> readOpenedRegularFile(int fd, qint64 maxBytes, const QString& name)
{
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return fromErrno(name, errno);
    if (!S_ISREG(st.st_mode))
        return notRegular(name, st.st_mode);
    if (qint64(st.st_size) > maxBytes)
        return tooLarge(name, maxBytes);
    // The size is a hint, not a bound: files in /proc report 0, and a file may grow while it is
    // read. One byte more than the limit is enough to know it is too large.
    QByteArray data;
    data.reserve(qsizetype(std::min<qint64>(qint64(st.st_size), maxBytes) + 1));
    while (qint64(data.size()) <= maxBytes) {
        const qint64 want = std::min<qint64>(kChunk, maxBytes + 1 - qint64(data.size()));
        const qsizetype at = data.size();
        data.resize(at + qsizetype(want));
        ssize_t got;
        do {
            got = ::read(fd, data.data() + at, std::size_t(want));
        } while (got < 0 && errno == EINTR);
        if (got < 0) {
            const int error = errno;
            return fromErrno(name, error);
        }
        data.resize(at + qsizetype(got));
        if (got == 0)
            return data;
    }
    return tooLarge(name, maxBytes);
}

Status checkRegularFile(const QString& path, qint64 maxBytes)
{
    if (path.isEmpty())
        return Error::make(QStringLiteral("no file name was given"), QStringLiteral("not_found"));
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return fromErrno(path, errno);
    if (!S_ISREG(st.st_mode))
        return notRegular(path, st.st_mode);
    if (qint64(st.st_size) > maxBytes)
        return tooLarge(path, maxBytes);
    return {};
}

Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes)
{
    if (path.startsWith(QLatin1String(":/")))
        return readResource(path, maxBytes);
    // Looked at before it is opened: opening a device can have effects of its own (a tape
    // rewinds, a terminal becomes the controlling one), and a pipe would wait for a writer.
    if (Status s = checkRegularFile(path, maxBytes); !s)
        return s.error();
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: should the path have become a pipe since stat(), opening it does not block;
    // the fstat() in readOpenedRegularFile() then refuses it.
    int fd;
    do {
        fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return fromErrno(path, errno);
    auto data = readOpenedRegularFile(fd, maxBytes, path);
    ::close(fd);
    return data;
}

} // namespace awb
