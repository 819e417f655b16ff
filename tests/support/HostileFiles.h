#pragma once
// What a hostile workspace can hold, for the containment tests of every tool and loader: symbolic
// links out of it, symbolic-link loops, hard links, named pipes, huge sparse files, and a thread
// that swaps a path between a real entry and a link to outside while the code under test runs.
// Header-only so that each test folder's executables can use it without a library of their own.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace awb::test {

// A line shaped like /etc/shadow's first, written into the file outside the workspace: no error
// message, result or written file may ever contain it.
inline QByteArray outsideMarker()
{
    return QByteArrayLiteral("root:*:19000:0:99999:7:::OUTSIDE-SECRET");
}

inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool makeSymlink(const QString& target, const QString& link)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData()) ==
           0;
}

inline bool makeHardLink(const QString& existing, const QString& link)
{
    return ::link(QFile::encodeName(existing).constData(), QFile::encodeName(link).constData()) ==
           0;
}

inline bool makeFifo(const QString& path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

// A sparse file of `bytes` zero bytes: larger than any limit, yet costs no disk.
inline bool makeSparseFile(const QString& path, qint64 bytes)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool ok = ::ftruncate(fd, off_t(bytes)) == 0;
    return ::close(fd) == 0 && ok;
}

// Kinds of hostile entries a tool may be asked to read, as rows of data-driven tests. plantRead()
// makes one inside the workspace at root and returns the workspace-relative path to hand the tool;
// outside is a folder outside the workspace holding what must never be read.
inline QStringList hostileReadKinds()
{
    return {QStringLiteral("file link to outside"),
            QStringLiteral("folder link to outside"),
            QStringLiteral("link loop"),
            QStringLiteral("store"),
            QStringLiteral("store via inner link"),
            QStringLiteral("store via hard link"),
            QStringLiteral("named pipe"),
            QStringLiteral("link to endless device"),
            QStringLiteral("oversized")};
}

// The error code each kind is refused with.
inline QString hostileReadCode(const QString& kind)
{
    if (kind == QLatin1String("store") || kind == QLatin1String("store via hard link"))
        return QStringLiteral("store_path_refused");
    if (kind == QLatin1String("named pipe"))
        return QStringLiteral("not_a_regular_file");
    if (kind == QLatin1String("oversized"))
        return QStringLiteral("file_too_large");
    return QStringLiteral("symlink_refused");
}

// The store's database file, made (holding a marker) when the workspace has none yet.
inline QString storeFile(const QString& root)
{
    const QString db = root + QStringLiteral("/.awb/workspace.db");
    QDir().mkpath(root + QStringLiteral("/.awb"));
    if (!QFile::exists(db))
        writeBytes(db, QByteArrayLiteral("SQLite format 3") + '\0' + outsideMarker());
    return db;
}

// Plants `kind` under root/folder with the given file suffix (".pdf", ".csv"); an oversized file
// has oversizeBytes. Returns the workspace-relative path, or an empty string when planting failed.
inline QString plantRead(const QString& kind, const QString& root, const QString& outside,
                         const QString& folder, const QString& suffix, qint64 oversizeBytes)
{
    QDir().mkpath(root + QLatin1Char('/') + folder);
    QDir().mkpath(outside + QStringLiteral("/dir"));
    const QString secret = outside + QStringLiteral("/secret") + suffix;
    writeBytes(secret, outsideMarker() + "\n");
    writeBytes(outside + QStringLiteral("/dir/secret") + suffix, outsideMarker() + "\n");
    QString name = kind;
    name.replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString rel = folder + QStringLiteral("/") + name + suffix;
    const QString abs = root + QLatin1Char('/') + rel;
    bool ok = false;
    if (kind == QLatin1String("file link to outside")) {
        ok = makeSymlink(secret, abs);
    } else if (kind == QLatin1String("folder link to outside")) {
        ok = makeSymlink(outside + QStringLiteral("/dir"),
                         root + QLatin1Char('/') + folder + QStringLiteral("/linked"));
        return ok ? folder + QStringLiteral("/linked/secret") + suffix : QString();
    } else if (kind == QLatin1String("link loop")) {
        ok = makeSymlink(abs + QStringLiteral(".2"), abs) &&
             makeSymlink(abs, abs + QStringLiteral(".2"));
    } else if (kind == QLatin1String("store")) {
        storeFile(root);
        return QStringLiteral(".awb/workspace.db");
    } else if (kind == QLatin1String("store via inner link")) {
        storeFile(root);
        const int depth = int(folder.count(QLatin1Char('/'))) + 1;
        QString up;
        for (int i = 0; i < depth; ++i)
            up += QStringLiteral("../");
        ok = makeSymlink(up + QStringLiteral(".awb/workspace.db"), abs);
    } else if (kind == QLatin1String("store via hard link")) {
        ok = makeHardLink(storeFile(root), abs);
    } else if (kind == QLatin1String("named pipe")) {
        ok = makeFifo(abs);
    } else if (kind == QLatin1String("link to endless device")) {
        ok = makeSymlink(QStringLiteral("/dev/zero"), abs);
    } else if (kind == QLatin1String("oversized")) {
        ok = makeSparseFile(abs, oversizeBytes);
    }
    return ok ? rel : QString();
}

// Kinds of hostile entries at the path a tool is asked to write.
inline QStringList hostileWriteKinds()
{
    return {QStringLiteral("link to outside file"),
            QStringLiteral("dangling link to outside"),
            QStringLiteral("folder link to outside"),
            QStringLiteral("link loop"),
            QStringLiteral("store"),
            QStringLiteral("store via folder link"),
            QStringLiteral("named pipe"),
            QStringLiteral("folder")};
}

inline QString hostileWriteCode(const QString& kind)
{
    if (kind == QLatin1String("store"))
        return QStringLiteral("store_path_refused");
    if (kind == QLatin1String("named pipe") || kind == QLatin1String("folder"))
        return QStringLiteral("not_a_regular_file");
    return QStringLiteral("symlink_refused");
}

// Plants `kind` at a path under root/folder ending in suffix; outside/target<suffix> holds the
// marker and must stay as it is, and nothing may appear in outside/dir. Returns the
// workspace-relative path to write, or an empty string when planting failed.
inline QString plantWrite(const QString& kind, const QString& root, const QString& outside,
                          const QString& folder, const QString& suffix)
{
    QDir().mkpath(root + QLatin1Char('/') + folder);
    QDir().mkpath(outside + QStringLiteral("/dir"));
    const QString target = outside + QStringLiteral("/target") + suffix;
    writeBytes(target, outsideMarker() + "\n");
    QString name = kind;
    name.replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString rel = folder + QStringLiteral("/") + name + suffix;
    const QString abs = root + QLatin1Char('/') + rel;
    bool ok = false;
    if (kind == QLatin1String("link to outside file")) {
        ok = makeSymlink(target, abs);
    } else if (kind == QLatin1String("dangling link to outside")) {
        ok = makeSymlink(outside + QStringLiteral("/dir/created") + suffix, abs);
    } else if (kind == QLatin1String("folder link to outside")) {
        ok = makeSymlink(outside + QStringLiteral("/dir"),
                         root + QLatin1Char('/') + folder + QStringLiteral("/linked"));
        return ok ? folder + QStringLiteral("/linked/written") + suffix : QString();
    } else if (kind == QLatin1String("link loop")) {
        ok = makeSymlink(abs + QStringLiteral(".2"), abs) &&
             makeSymlink(abs, abs + QStringLiteral(".2"));
    } else if (kind == QLatin1String("store")) {
        storeFile(root);
        return QStringLiteral(".awb/written") + suffix;
    } else if (kind == QLatin1String("store via folder link")) {
        storeFile(root);
        const int depth = int(folder.count(QLatin1Char('/'))) + 1;
        QString up;
        for (int i = 0; i < depth; ++i)
            up += QStringLiteral("../");
        ok = makeSymlink(up + QStringLiteral(".awb"),
                         root + QLatin1Char('/') + folder + QStringLiteral("/state"));
        return ok ? folder + QStringLiteral("/state/written") + suffix : QString();
    } else if (kind == QLatin1String("named pipe")) {
        ok = makeFifo(abs);
    } else if (kind == QLatin1String("folder")) {
        ok = QDir().mkpath(abs);
    }
    return ok ? rel : QString();
}

// Whether anything outside was touched: target still holds the marker and dir holds nothing.
inline bool outsideUntouched(const QString& outside, const QString& suffix)
{
    return readBytes(outside + QStringLiteral("/target") + suffix) == outsideMarker() + "\n" &&
           QDir(outside + QStringLiteral("/dir"))
               .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
               .isEmpty();
}

// Files a person may name (--prompt, --cassette, a script) that must be refused at once rather
// than read forever or waited on: rows for data-driven tests, each with its error code.
inline QStringList hostileNamedKinds()
{
    return {QStringLiteral("endless device"), QStringLiteral("named pipe"),
            QStringLiteral("folder"), QStringLiteral("oversized")};
}

inline QString hostileNamedCode(const QString& kind)
{
    return kind == QLatin1String("oversized") ? QStringLiteral("file_too_large")
                                              : QStringLiteral("not_a_regular_file");
}

// Makes `kind` in dir (an oversized file has oversizeBytes) and returns its path, or an empty
// string when that failed. "endless device" is /dev/zero itself.
inline QString plantNamed(const QString& kind, const QString& dir, qint64 oversizeBytes)
{
    const QString path = dir + QStringLiteral("/named-") + QString(kind).replace(' ', '-');
    if (kind == QLatin1String("endless device"))
        return QStringLiteral("/dev/zero");
    if (kind == QLatin1String("named pipe"))
        return makeFifo(path) ? path : QString();
    if (kind == QLatin1String("folder"))
        return QDir().mkpath(path) ? path : QString();
    return makeSparseFile(path, oversizeBytes) ? path : QString();
}

// How a path swapped for a link while it is used may be refused: the link is seen, or the entry
// kept moving while it was opened.
inline bool isRaceRefusal(const QString& code)
{
    return code == QLatin1String("symlink_refused") || code == QLatin1String("path_changed");
}

// Swaps `path` with `other` (both must exist: say a real file and a symbolic link to outside) as
// fast as it can, atomically each time (renameat2 RENAME_EXCHANGE), until stop() or `iterations`
// swaps. The code under test then sees either entry at any moment, including between any check
// it makes and its use of the path.
class PathFlipper
{
public:
    PathFlipper(const QString& path, const QString& other, int iterations = 200000)
        : m_path(QFile::encodeName(path)), m_other(QFile::encodeName(other)),
          m_iterations(iterations)
    {
        m_thread = std::thread([this] {
            for (int i = 0; i < m_iterations && !m_stop.load(std::memory_order_relaxed); ++i) {
                if (::renameat2(AT_FDCWD, m_path.constData(), AT_FDCWD, m_other.constData(),
                                RENAME_EXCHANGE) != 0) {
                    m_failed = errno;
                    break;
                }
                m_swaps.fetch_add(1, std::memory_order_relaxed);
            }
            m_done = true;
        });
        // The code under test starts only once the swapping has: a thread may take a while to run.
        while (m_swaps.load() == 0 && !m_done.load())
            std::this_thread::yield();
    }
    ~PathFlipper() { stop(); }
    PathFlipper(const PathFlipper&) = delete;
    PathFlipper& operator=(const PathFlipper&) = delete;

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    // After stop(): swaps back once more if need be, so that each path holds what it held at the
    // start (for a last check that the real entry is still used).
    bool restore()
    {
        stop();
        if (m_swaps.load() % 2 == 0)
            return true;
        return ::renameat2(AT_FDCWD, m_path.constData(), AT_FDCWD, m_other.constData(),
                           RENAME_EXCHANGE) == 0;
    }
    int swaps() const { return m_swaps.load(); }
    int failedErrno() const { return m_failed; } // 0 unless a swap failed

private:
    QByteArray m_path;
    QByteArray m_other;
    int m_iterations;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_swaps{0};
    std::atomic<bool> m_done{false};
    int m_failed = 0;
    std::thread m_thread;
};

} // namespace awb::test
