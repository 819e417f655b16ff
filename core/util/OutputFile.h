#pragma once
// A file the user names for output (`awb audit export --out FILE`, `--record FILE`, an export in
// the GUI): replaced atomically when it is a regular file or does not exist yet, written directly
// when it is a device or a pipe (/dev/stdout), and in both cases every write, the flush and the
// close are checked, so that a full disk or /dev/full is an error, never "exported". Not
// thread-safe; one writer at a time.

#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>

#include "util/Result.h"

namespace awb {

// What a path names, following symbolic links (QFileInfo::isFile() is also true for devices).
enum class PathKind
{
    Missing,
    RegularFile,
    Directory,
    Other, // a device, a pipe, a socket
};
PathKind pathKind(const QString& path);

class OutputFile
{
public:
    // Fails when the folder does not exist or the file cannot be created; the message names the
    // path and the cause.
    static Result<std::unique_ptr<OutputFile>> open(const QString& path);

    Status write(QByteArrayView bytes);
    // Makes the file complete: renames it into place, or flushes and closes the device. Nothing
    // of a failed or uncommitted regular file replaces what was there.
    Status commit();
    // For writers that take a QIODevice; their writes must be followed by checkDevice().
    QIODevice& device();
    // The device's first write error since open, if any.
    Status checkDevice() const;
    const QString& path() const { return m_path; }

private:
    explicit OutputFile(QString path) : m_path(std::move(path)) {}
    Error failure(const QString& what) const;

    QString m_path;
    std::unique_ptr<QSaveFile> m_atomic; // regular files and new ones
    std::unique_ptr<QFile> m_direct;     // devices, pipes
    bool m_failed = false;
};

} // namespace awb
