// A faulty disk for tests, as an LD_PRELOAD library: files beneath AWB_FAULTY_DISK_DIR behave as
// on a full or a read-only file system while AWB_FAULTY_DISK_WHEN holds, with the errors the
// kernel gives, so the real `awb` binary (SQLite, QSaveFile, the outbox) meets the fault where it
// would in use. Test code only; never shipped.
//   AWB_FAULTY_DISK_DIR   the "disk": an absolute folder (the workspace under test)
//   AWB_FAULTY_DISK_MODE  "full" (writes fail with ENOSPC) or "readonly" (opening for writing,
//                         creating and writing fail with EROFS)
//   AWB_FAULTY_DISK_WHEN  "always" (the default), a path that must exist, or "DIR/*SUFFIX": a
//                         file ending in SUFFIX exists in DIR (e.g. the outbox's first .eml)

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include <string>

namespace {

bool conditionHolds()
{
    const char* when = getenv("AWB_FAULTY_DISK_WHEN");
    if (!when || !*when || strcmp(when, "always") == 0)
        return true;
    const std::string spec(when);
    const std::size_t star = spec.find("/*");
    if (star == std::string::npos)
        return access(when, F_OK) == 0;
    const std::string dir = spec.substr(0, star);
    const std::string suffix = spec.substr(star + 2);
    DIR* d = opendir(dir.c_str());
    if (!d)
        return false;
    bool found = false;
    while (dirent* e = readdir(d)) {
        const std::size_t n = strlen(e->d_name);
        if (n >= suffix.size() && e->d_name[0] != '.' &&
            strcmp(e->d_name + n - suffix.size(), suffix.c_str()) == 0) {
            found = true;
            break;
        }
    }
    closedir(d);
    return found;
}

bool beneathDisk(const char* path)
{
    const char* disk = getenv("AWB_FAULTY_DISK_DIR");
    if (!disk || !*disk || !path)
        return false;
    const std::size_t len = strlen(disk);
    return strncmp(path, disk, len) == 0 && (path[len] == '/' || path[len] == '\0');
}

bool modeIs(const char* mode)
{
    const char* m = getenv("AWB_FAULTY_DISK_MODE");
    return m && strcmp(m, mode) == 0;
}

// The errno a write to fd meets now, or 0.
int writeFault(int fd)
{
    if (fd <= 2 || !getenv("AWB_FAULTY_DISK_DIR"))
        return 0;
    char link[64];
    char target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    if (!beneathDisk(target) || !conditionHolds())
        return 0;
    return modeIs("readonly") ? EROFS : modeIs("full") ? ENOSPC : 0;
}

// The errno opening path with flags meets now, or 0: only a read-only disk refuses opens.
int openFault(int dirfd, const char* path, int flags)
{
    if (!modeIs("readonly") || (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) == 0)
        return 0;
    std::string absolute;
    if (path && path[0] == '/') {
        absolute = path;
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base))
                return 0;
        } else {
            char link[64];
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
            const ssize_t n = readlink(link, base, sizeof base - 1);
            if (n <= 0)
                return 0;
            base[n] = '\0';
        }
        absolute = std::string(base) + "/" + (path ? path : "");
    }
    return beneathDisk(absolute.c_str()) && conditionHolds() ? EROFS : 0;
}

template <typename F> F next(const char* name)
{
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" {

#define AWB_FAIL_WRITE(fd)                                                                         \
    do {                                                                                           \
        if (const int fault = writeFault(fd)) {                                                    \
            errno = fault;                                                                         \
            return -1;                                                                             \
        }                                                                                          \
    } while (0)

ssize_t write(int fd, const void* buf, size_t count)
{
    static auto real = next<ssize_t (*)(int, const void*, size_t)>("write");
    if (count > 0)
        AWB_FAIL_WRITE(fd);
    return real(fd, buf, count);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset)
{
    static auto real = next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    if (count > 0)
        AWB_FAIL_WRITE(fd);
    return real(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset)
{
    static auto real = next<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    if (count > 0)
        AWB_FAIL_WRITE(fd);
    return real(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec* iov, int iovcnt)
{
    static auto real = next<ssize_t (*)(int, const struct iovec*, int)>("writev");
    if (iovcnt > 0)
        AWB_FAIL_WRITE(fd);
    return real(fd, iov, iovcnt);
}

int posix_fallocate(int fd, off_t offset, off_t len)
{
    static auto real = next<int (*)(int, off_t, off_t)>("posix_fallocate");
    if (const int fault = writeFault(fd))
        return fault;
    return real(fd, offset, len);
}

int posix_fallocate64(int fd, off64_t offset, off64_t len)
{
    static auto real = next<int (*)(int, off64_t, off64_t)>("posix_fallocate64");
    if (const int fault = writeFault(fd))
        return fault;
    return real(fd, offset, len);
}

#define AWB_OPEN_WRAPPER(name, ...)                                                                \
    mode_t mode = 0;                                                                               \
    if (flags & (O_CREAT | O_TMPFILE)) {                                                           \
        va_list args;                                                                              \
        va_start(args, flags);                                                                     \
        mode = mode_t(va_arg(args, int));                                                          \
        va_end(args);                                                                              \
    }

int open(const char* path, int flags, ...)
{
    static auto real = next<int (*)(const char*, int, ...)>("open");
    AWB_OPEN_WRAPPER(open)
    if (const int fault = openFault(AT_FDCWD, path, flags)) {
        errno = fault;
        return -1;
    }
    return real(path, flags, mode);
}

int open64(const char* path, int flags, ...)
{
    static auto real = next<int (*)(const char*, int, ...)>("open64");
    AWB_OPEN_WRAPPER(open64)
    if (const int fault = openFault(AT_FDCWD, path, flags)) {
        errno = fault;
        return -1;
    }
    return real(path, flags, mode);
}

int openat(int dirfd, const char* path, int flags, ...)
{
    static auto real = next<int (*)(int, const char*, int, ...)>("openat");
    AWB_OPEN_WRAPPER(openat)
    if (const int fault = openFault(dirfd, path, flags)) {
        errno = fault;
        return -1;
    }
    return real(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char* path, int flags, ...)
{
    static auto real = next<int (*)(int, const char*, int, ...)>("openat64");
    AWB_OPEN_WRAPPER(openat64)
    if (const int fault = openFault(dirfd, path, flags)) {
        errno = fault;
        return -1;
    }
    return real(dirfd, path, flags, mode);
}

} // extern "C"
