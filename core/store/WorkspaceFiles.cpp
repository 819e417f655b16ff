#include "store/WorkspaceFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <utility>

#include "util/RegularFile.h"

namespace awb {

struct WorkspaceFiles::Root
{
    int fd = -1;
    struct stat st = {};
    ~Root()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

namespace {

// Every component is resolved by the kernel beneath the descriptor; no link of any kind is
// followed, and ".." may not climb above it.
constexpr std::uint64_t kResolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
// Entries of .awb/ looked at when a file with several hard links must be told apart from the
// store's files; a store this large is refused rather than scanned without end.
constexpr int kStoreScanBudget = 200000;

class Fd
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    bool ok() const { return m_fd >= 0; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }
    int release() { return std::exchange(m_fd, -1); }
    // close(2)'s own result: for a written file, the last chance to hear of a write error.
    int close()
    {
        const int fd = std::exchange(m_fd, -1);
        return fd >= 0 ? ::close(fd) : 0;
    }

private:
    int m_fd;
};

enum class Op
{
    Read,
    Write,
    List,
};

bool sameFile(const struct stat& a, const struct stat& b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int openBeneath(int dirfd, const QByteArray& path, int flags)
{
    open_how how = {};
    // RESOLVE_NO_SYMLINKS refuses a link as the last component too (ELOOP). O_NOFOLLOW says the
    // same for files; with O_DIRECTORY it would turn that refusal into ENOTDIR, so not there.
    how.flags = std::uint64_t(flags | O_CLOEXEC | ((flags & O_DIRECTORY) ? 0 : O_NOFOLLOW));
    how.resolve = kResolve;
    // EAGAIN: a rename elsewhere raced the kernel's ".." checks. EXDEV: the kernel's last check
    // found the entry no longer beneath dirfd, which (with no "..", no links) means it was moved
    // out while being opened. Each attempt is a whole new resolution, so repeating is safe.
    for (int attempt = 0; attempt < 16; ++attempt) {
        const long fd = ::syscall(SYS_openat2, dirfd, path.constData(), &how, sizeof how);
        if (fd >= 0)
            return int(fd);
        if (errno != EINTR && errno != EAGAIN && errno != EXDEV)
            return -1;
    }
    return -1;
}

QString quoted(const QString& rel)
{
    return QLatin1Char('"') + rel + QLatin1Char('"');
}

Error symlinkRefused(const QString& rel, const QString& root, Op op)
{
    return Error::make(
        op == Op::Write
            ? QStringLiteral("%1 is, or lies in a folder that is, a symbolic link, which is not "
                             "written through: a link can lead out of the workspace %2. Remove "
                             "the link or choose another path")
                  .arg(quoted(rel), root)
            : QStringLiteral("%1 is, or lies in a folder that is, a symbolic link, which is not "
                             "followed: a link can lead out of the workspace %2. Put the file "
                             "itself in the workspace instead of a link to it")
                  .arg(quoted(rel), root),
        QStringLiteral("symlink_refused"));
}

Error storeRefused(const QString& rel, bool hardLink)
{
    return Error::make(
        hardLink ? QStringLiteral("%1 is another name (a hard link) of a file in the workspace's "
                                  "own store (.awb/), which tools may not read; use another file")
                       .arg(quoted(rel))
                 : QStringLiteral("%1 is in the workspace's own store (.awb/), which tools may "
                                  "not read or write; use a path outside .awb/")
                       .arg(quoted(rel)),
        QStringLiteral("store_path_refused"));
}

Error notRegular(const QString& rel, mode_t mode, Op op)
{
    return Error::make(QStringLiteral("%1 is %2, not a regular file; %3")
                           .arg(quoted(rel), fileTypeName(mode),
                                op == Op::Write ? QStringLiteral("choose another path")
                                                : QStringLiteral("use a regular file instead")),
                       QStringLiteral("not_a_regular_file"));
}

Error outside(const QString& path, const QString& root)
{
    return Error::make(QStringLiteral("path %1 is outside the workspace %2; use a path relative "
                                      "to the workspace, e.g. reports/q3.pdf")
                           .arg(quoted(path), root),
                       QStringLiteral("path_outside_workspace"));
}

Error fromErrno(const QString& rel, const QString& root, int error, Op op)
{
    const QString what = op == Op::Write  ? QStringLiteral("write")
                         : op == Op::List ? QStringLiteral("list")
                                          : QStringLiteral("read");
    switch (error) {
    case ELOOP: // RESOLVE_NO_SYMLINKS and O_NOFOLLOW report every link this way, loops included
        return symlinkRefused(rel, root, op);
    case EXDEV:
    case EAGAIN:
        return Error::make(QStringLiteral("%1 kept changing (moved or replaced) while it was being "
                                          "opened; try again")
                               .arg(quoted(rel)),
                           QStringLiteral("path_changed"));
    case ENOENT:
        return Error::make(
            QStringLiteral("%1 does not exist in the workspace %2").arg(quoted(rel), root),
            QStringLiteral("not_found"));
    case ENOTDIR:
        return Error::make(
            QStringLiteral("%1 does not exist in the workspace %2 (a part of it is a file, not a "
                           "folder)")
                .arg(quoted(rel), root),
            QStringLiteral("not_found"));
    case EACCES:
    case EPERM:
        return Error::make(QStringLiteral("cannot %1 %2: permission denied; check the "
                                          "permissions of the file and its folders")
                               .arg(what, quoted(rel)),
                           QStringLiteral("permission_denied"));
    case ENOSPC:
    case EDQUOT:
        return Error::make(
            QStringLiteral("cannot write %1: the disk is full; free disk space and try again")
                .arg(quoted(rel)),
            QStringLiteral("disk_full"));
    case ENAMETOOLONG:
        return Error::make(QStringLiteral("%1 is too long a path").arg(quoted(rel)),
                           QStringLiteral("invalid_path"));
    case ENOSYS:
        return Error::make(
            QStringLiteral("cannot %1 %2: this Linux kernel lacks openat2 (Linux 5.6 or newer "
                           "is needed to open workspace files safely)")
                .arg(what, quoted(rel)),
            QStringLiteral("io_error"));
    default:
        return Error::make(
            QStringLiteral("cannot %1 %2: %3")
                .arg(what, quoted(rel), QString::fromLocal8Bit(std::strerror(error))),
            QStringLiteral("io_error"));
    }
}

bool inStore(const QString& rel)
{
    return rel == QLatin1String(WorkspaceFiles::kStoreDir) ||
           rel.startsWith(QLatin1String(WorkspaceFiles::kStoreDir) + QLatin1Char('/'));
}

// "reports/2026/q3.pdf" -> {"reports/2026", "q3.pdf"}; the folder is "." for a top-level name.
std::pair<QByteArray, QByteArray> splitName(const QString& rel)
{
    const qsizetype slash = rel.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return {QByteArrayLiteral("."), QFile::encodeName(rel)};
    return {QFile::encodeName(rel.left(slash)), QFile::encodeName(rel.mid(slash + 1))};
}

// Whether file is one of the store's files under another name: the same inode somewhere in the
// store's tree. budget counts entries looked at; running out counts as found.
bool storeHolds(int dirfd, const struct stat& file, int depth, int& budget)
{
    const int copy = ::fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return true;
    DIR* dir = ::fdopendir(copy);
    if (!dir) {
        ::close(copy);
        return true;
    }
    bool found = false;
    while (!found) {
        errno = 0;
        const dirent* entry = ::readdir(dir);
        if (!entry) {
            found = errno != 0; // an unreadable store cannot be shown not to hold the file
            break;
        }
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        if (--budget < 0) {
            found = true;
            break;
        }
        struct stat st;
        if (::fstatat(dirfd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (sameFile(st, file)) {
            found = true;
        } else if (S_ISDIR(st.st_mode) && depth < 8) {
            Fd sub(::openat(dirfd, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (sub.ok())
                found = storeHolds(sub.get(), file, depth + 1, budget);
        }
    }
    ::closedir(dir);
    return found;
}

// Why: the file's descriptor is all a read has; a hard link gives no hint of its other names.
bool isStoreFile(int rootfd, const struct stat& file)
{
    // The store wherever it really is: should .awb be a link, its target is the store.
    Fd store(::openat(rootfd, WorkspaceFiles::kStoreDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!store.ok())
        return false; // no store yet
    struct stat st;
    if (::fstat(store.get(), &st) != 0)
        return true;
    if (st.st_dev != file.st_dev)
        return false; // hard links never cross file systems
    int budget = kStoreScanBudget;
    return storeHolds(store.get(), file, 0, budget);
}

} // namespace

Result<WorkspaceFiles> WorkspaceFiles::open(const QString& root)
{
    const QString clean = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    auto r = std::make_shared<Root>();
    do {
        r->fd = ::open(QFile::encodeName(clean).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    } while (r->fd < 0 && errno == EINTR);
    if (r->fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error::make(QStringLiteral("the workspace folder %1 does not exist").arg(clean),
                               QStringLiteral("not_found"));
        if (error == ENOTDIR)
            return Error::make(QStringLiteral("%1 is not a folder").arg(clean),
                               QStringLiteral("not_a_workspace"));
        return Error::make(QStringLiteral("cannot open the workspace folder %1: %2")
                               .arg(clean, QString::fromLocal8Bit(std::strerror(error))),
                           QStringLiteral("io_error"));
    }
    if (::fstat(r->fd, &r->st) != 0)
        return Error::make(QStringLiteral("cannot open the workspace folder %1: %2")
                               .arg(clean, QString::fromLocal8Bit(std::strerror(errno))),
                           QStringLiteral("io_error"));
    WorkspaceFiles files;
    files.m_root = std::move(r);
    files.m_path = clean;
    return files;
}

Result<QString> WorkspaceFiles::relativePath(const QString& root, const QString& path)
{
    if (path.isEmpty())
        return Error::make(QStringLiteral("empty path"), QStringLiteral("invalid_path"));
    if (path.contains(QChar(0)))
        return Error::make(QStringLiteral("the path %1 contains a NUL character").arg(quoted(path)),
                           QStringLiteral("invalid_path"));
    const QString clean =
        QDir::cleanPath(QDir::isAbsolutePath(path) ? path : root + QLatin1Char('/') + path);
    if (clean == root)
        return QString();
    const QString prefix = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
    if (!clean.startsWith(prefix))
        return outside(path, root);
    return clean.mid(prefix.size());
}

Result<QByteArray> WorkspaceFiles::read(const QString& path, qint64 maxBytes) const
{
    if (!m_root)
        return Error::make(QStringLiteral("no workspace is open"), QStringLiteral("no_workspace"));
    auto rel = relativePath(path);
    if (!rel)
        return rel.error();
    if (rel->isEmpty())
        return notRegular(QStringLiteral("."), S_IFDIR, Op::Read);
    if (inStore(*rel))
        return storeRefused(*rel, false);
    const auto [folder, name] = splitName(*rel);
    Fd dir(openBeneath(m_root->fd, folder, O_RDONLY | O_DIRECTORY));
    if (!dir.ok())
        return fromErrno(*rel, m_path, errno, Op::Read);
    if (Status s = checkFolder(dir.get(), *rel); !s)
        return s.error();
    // Looked at before it is opened: a device is never opened, a pipe never waited on.
    struct stat st;
    if (::fstatat(dir.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return fromErrno(*rel, m_path, errno, Op::Read);
    if (S_ISLNK(st.st_mode))
        return symlinkRefused(*rel, m_path, Op::Read);
    if (!S_ISREG(st.st_mode))
        return notRegular(*rel, st.st_mode, Op::Read);
    Fd file(openBeneath(dir.get(), name, O_RDONLY | O_NONBLOCK | O_NOCTTY));
    if (!file.ok())
        return fromErrno(*rel, m_path, errno, Op::Read);
    // What was opened decides, not what fstatat saw: the entry may have been swapped meanwhile.
    if (::fstat(file.get(), &st) != 0)
        return fromErrno(*rel, m_path, errno, Op::Read);
    if (S_ISREG(st.st_mode) && st.st_nlink > 1 && isStoreFile(m_root->fd, st))
        return storeRefused(*rel, true);
    return readOpenedRegularFile(file.get(), maxBytes, quoted(*rel));
}

Result<QByteArray> WorkspaceFiles::readNamed(const QString& path, qint64 maxBytes) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (contains(absolute))
        return read(absolute, maxBytes);
    return readRegularFile(absolute, maxBytes);
}

Status WorkspaceFiles::write(const QString& path, const QByteArray& data) const
{
    if (!m_root)
        return Error::make(QStringLiteral("no workspace is open"), QStringLiteral("no_workspace"));
    auto rel = relativePath(path);
    if (!rel)
        return rel.error();
    if (rel->isEmpty())
        return notRegular(QStringLiteral("."), S_IFDIR, Op::Write);
    if (inStore(*rel))
        return storeRefused(*rel, false);
    const auto [folder, name] = splitName(*rel);

    // The folders, one at a time, each opened beneath the one before it.
    Fd dir(openBeneath(m_root->fd, QByteArrayLiteral("."), O_RDONLY | O_DIRECTORY));
    if (!dir.ok())
        return fromErrno(*rel, m_path, errno, Op::Write);
    if (folder != ".") {
        for (const QByteArray& part : folder.split('/')) {
            if (::mkdirat(dir.get(), part.constData(), 0777) != 0 && errno != EEXIST)
                return fromErrno(*rel, m_path, errno, Op::Write);
            Fd next(openBeneath(dir.get(), part, O_RDONLY | O_DIRECTORY));
            if (!next.ok())
                return fromErrno(*rel, m_path, errno, Op::Write);
            dir.reset(next.release());
        }
    }
    if (Status s = checkFolder(dir.get(), *rel); !s)
        return s;

    struct stat target;
    bool exists = true;
    if (::fstatat(dir.get(), name.constData(), &target, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno != ENOENT)
            return fromErrno(*rel, m_path, errno, Op::Write);
        exists = false;
    } else if (S_ISLNK(target.st_mode)) {
        return symlinkRefused(*rel, m_path, Op::Write);
    } else if (!S_ISREG(target.st_mode)) {
        return notRegular(*rel, target.st_mode, Op::Write);
    }

    QByteArray temp;
    Fd out;
    for (int attempt = 0; attempt < 16 && !out.ok(); ++attempt) {
        temp = ".awb-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + ".tmp";
        out.reset(::openat(dir.get(), temp.constData(),
                           O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
        if (!out.ok() && errno != EEXIST)
            return fromErrno(*rel, m_path, errno, Op::Write);
    }
    if (!out.ok())
        return fromErrno(*rel, m_path, EEXIST, Op::Write);
    const auto failed = [&](int error) -> Status {
        out.reset();
        ::unlinkat(dir.get(), temp.constData(), 0);
        return fromErrno(*rel, m_path, error, Op::Write);
    };
    if (exists && ::fchmod(out.get(), target.st_mode & 07777) != 0)
        return failed(errno);
    for (qsizetype done = 0; done < data.size();) {
        const ssize_t n =
            ::write(out.get(), data.constData() + done, std::size_t(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failed(errno);
        }
        done += n;
    }
    if (::fsync(out.get()) != 0)
        return failed(errno);
    if (out.close() != 0) {
        const int error = errno;
        ::unlinkat(dir.get(), temp.constData(), 0);
        return fromErrno(*rel, m_path, error, Op::Write);
    }
    // Within one folder descriptor: the rename replaces the entry named `name`, whatever it is by
    // now, and never follows it.
    if (::renameat(dir.get(), temp.constData(), dir.get(), name.constData()) != 0) {
        const int error = errno;
        ::unlinkat(dir.get(), temp.constData(), 0);
        return fromErrno(*rel, m_path, error, Op::Write);
    }
    if (::fsync(dir.get()) != 0)
        return Error::make(QStringLiteral("%1 was written, but its folder could not be flushed to "
                                          "disk (%2), so it may not survive a crash")
                               .arg(quoted(*rel), QString::fromLocal8Bit(std::strerror(errno))),
                           QStringLiteral("io_error"));
    return {};
}

Result<QStringList> WorkspaceFiles::listFiles(const QString& folder) const
{
    if (!m_root)
        return Error::make(QStringLiteral("no workspace is open"), QStringLiteral("no_workspace"));
    auto rel = relativePath(folder);
    if (!rel)
        return rel.error();
    if (inStore(*rel))
        return storeRefused(*rel, false);
    Fd dir(openBeneath(m_root->fd,
                       rel->isEmpty() ? QByteArrayLiteral(".") : QFile::encodeName(*rel),
                       O_RDONLY | O_DIRECTORY));
    if (!dir.ok()) {
        if (errno == ENOENT)
            return QStringList();
        return fromErrno(*rel, m_path, errno, Op::List);
    }
    if (Status s = checkFolder(dir.get(), *rel); !s)
        return s.error();
    const int copy = ::fcntl(dir.get(), F_DUPFD_CLOEXEC, 0);
    DIR* stream = copy >= 0 ? ::fdopendir(copy) : nullptr;
    if (!stream) {
        const int error = errno;
        if (copy >= 0)
            ::close(copy);
        return fromErrno(*rel, m_path, error, Op::List);
    }
    QStringList names;
    while (true) {
        errno = 0;
        const dirent* entry = ::readdir(stream);
        if (!entry)
            break;
        if (entry->d_name[0] == '.')
            continue;
        bool regular = entry->d_type == DT_REG;
        if (entry->d_type == DT_UNKNOWN) {
            struct stat st;
            regular = ::fstatat(dir.get(), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                      S_ISREG(st.st_mode);
        }
        if (regular)
            names << QFile::decodeName(entry->d_name);
    }
    const int error = errno;
    ::closedir(stream);
    if (error != 0)
        return fromErrno(*rel, m_path, error, Op::List);
    names.sort();
    return names;
}

Status WorkspaceFiles::checkFolder(int dirfd, const QString& rel) const
{
    // Folders have one parent, so walking ".." from the opened folder finds where it really is:
    // the store (under whatever name) on the way up is refused, and so is a folder that is no
    // longer beneath the workspace folder at all (moved out since it was opened).
    struct stat store;
    const bool haveStore =
        ::fstatat(m_root->fd, kStoreDir, &store, 0) == 0 && S_ISDIR(store.st_mode);
    struct stat st;
    if (::fstat(dirfd, &st) != 0)
        return fromErrno(rel, m_path, errno, Op::Read);
    Fd parent;
    int current = dirfd;
    for (int depth = 0; depth < 4096; ++depth) {
        if (sameFile(st, m_root->st))
            return {};
        if (haveStore && sameFile(st, store))
            return storeRefused(rel, false);
        Fd up(::openat(current, "..", O_PATH | O_DIRECTORY | O_CLOEXEC));
        if (!up.ok())
            return fromErrno(rel, m_path, errno, Op::Read);
        struct stat upSt;
        if (::fstat(up.get(), &upSt) != 0)
            return fromErrno(rel, m_path, errno, Op::Read);
        if (sameFile(upSt, st))
            break; // the file system's root, and the workspace folder was not on the way
        parent.reset(up.release());
        current = parent.get();
        st = upSt;
    }
    return outside(rel, m_path);
}

} // namespace awb
