#pragma once
// Reading a whole file that a person named (--prompt FILE, --cassette FILE, a model script, the
// settings file, the shipped pricing): it must be a regular file no larger than the caller's
// limit. A named pipe, a device such as /dev/zero, a folder or a socket is refused before it is
// opened, so a reader never blocks on a pipe nor fills memory from an endless device, and at most
// maxBytes + 1 bytes are ever read, so a file that grows while it is read, or whose size the
// system reports as 0 (/proc), is refused as too large rather than read without end.
//
// Symbolic links are followed here: the person chose the path. Files inside a workspace are read
// through store/WorkspaceFiles, which refuses links.
//
// Thread-safe (no shared state). Cost: a stat, an open, an fstat and reads of the file's size.
// Error codes: not_found, not_a_regular_file, file_too_large, permission_denied, io_error.
// Messages name the path and say what to do; they never contain the file's content.

#include <QByteArray>
#include <QString>

#include <sys/types.h>

#include "util/Result.h"

namespace awb {

// Reads the whole regular file at path, of at most maxBytes. Paths starting with ":/" are Qt
// resources (read from memory, with the same limit).
Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes);

// What readRegularFile() checks before it opens anything (a regular file of at most maxBytes),
// for files that another library reads by path (QSettings). Same codes and messages.
Status checkRegularFile(const QString& path, qint64 maxBytes);

// The checks and the bounded read of readRegularFile() on a descriptor the caller opened (with
// O_NONBLOCK, so that opening a pipe did not block): fstat, a regular file of at most maxBytes,
// read at most maxBytes + 1 bytes. name is what messages call the file. Does not close fd.
Result<QByteArray> readOpenedRegularFile(int fd, qint64 maxBytes, const QString& name);

// "a named pipe (FIFO)", "a folder", "a character device", ... for a stat mode that is not a
// regular file.
QString fileTypeName(mode_t mode);

// "20 MB", "512 KB", "100 bytes": limits in messages (binary units, rounded down).
QString byteSize(qint64 bytes);

} // namespace awb
