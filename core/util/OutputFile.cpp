#include "util/OutputFile.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

namespace awb {

PathKind pathKind(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return PathKind::Missing;
    if (S_ISREG(st.st_mode))
        return PathKind::RegularFile;
    if (S_ISDIR(st.st_mode))
        return PathKind::Directory;
    return PathKind::Other;
}

Result<std::unique_ptr<OutputFile>> OutputFile::open(const QString& path)
{
    if (path.isEmpty())
        return Error::make(QStringLiteral("no output file was named"), QStringLiteral("usage"));
    std::unique_ptr<OutputFile> out(new OutputFile(path));
    const QFileInfo info(path);
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Directory)
        return Error::make(QStringLiteral("cannot write %1: it is a folder").arg(path),
                           QStringLiteral("io_error"));
    if (kind == PathKind::Missing && !info.absoluteDir().exists())
        return Error::make(QStringLiteral("cannot write %1: the folder %2 does not exist")
                               .arg(path, QDir::toNativeSeparators(info.absolutePath())),
                           QStringLiteral("io_error"));
    // QSaveFile writes a device such as /dev/full directly and then reports success, so devices
    // and pipes are written here, unbuffered, with every write checked.
    if (kind == PathKind::Other) {
        out->m_direct = std::make_unique<QFile>(path);
        if (!out->m_direct->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return out->failure(QStringLiteral("cannot open"));
        return out;
    }
    out->m_atomic = std::make_unique<QSaveFile>(path);
    if (!out->m_atomic->open(QIODevice::WriteOnly))
        return out->failure(QStringLiteral("cannot create"));
    return out;
}

Error OutputFile::failure(const QString& what) const
{
    const QFileDevice* dev = m_atomic ? static_cast<const QFileDevice*>(m_atomic.get())
                                      : static_cast<const QFileDevice*>(m_direct.get());
    const QString why =
        dev && !dev->errorString().isEmpty() ? dev->errorString() : QStringLiteral("unknown error");
    return Error::make(QStringLiteral("%1 %2: %3").arg(what, m_path, why),
                       QStringLiteral("io_error"));
}

QIODevice& OutputFile::device()
{
    if (m_atomic)
        return *m_atomic;
    return *m_direct;
}

Status OutputFile::write(QByteArrayView bytes)
{
    if (m_failed)
        return failure(QStringLiteral("cannot write"));
    QIODevice& dev = device();
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = dev.write(bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            m_failed = true;
            return failure(QStringLiteral("cannot write"));
        }
        done += n;
    }
    return {};
}

Status OutputFile::checkDevice() const
{
    const QFileDevice* dev = m_atomic ? static_cast<const QFileDevice*>(m_atomic.get())
                                      : static_cast<const QFileDevice*>(m_direct.get());
    if (m_failed || (dev && dev->error() != QFileDevice::NoError))
        return failure(QStringLiteral("cannot write"));
    return {};
}

Status OutputFile::commit()
{
    if (Status s = checkDevice(); !s) {
        if (m_atomic)
            m_atomic->cancelWriting();
        return s;
    }
    if (m_atomic) {
        if (!m_atomic->commit())
            return failure(QStringLiteral("cannot write"));
        return {};
    }
    if (!m_direct->flush()) {
        m_failed = true;
        return failure(QStringLiteral("cannot write"));
    }
    m_direct->close();
    if (m_direct->error() != QFileDevice::NoError)
        return failure(QStringLiteral("cannot close"));
    return {};
}

} // namespace awb
