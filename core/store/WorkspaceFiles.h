#pragma once
// The one way tools and loaders read and write files inside a workspace (attachments, CSVs,
// reports, the outbox, agent and script files, workspace.json, pricing.json), so that a path can
// never lead out of the workspace folder or into its store (.awb/), whatever the folder holds and
// whatever changes in it meanwhile.
//
// Guarantees, for every path given (workspace-relative, or absolute inside root()):
// - It is resolved beneath a descriptor of the workspace folder opened once, by openat2(2) with
//   RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS: the kernel refuses "..",
//   absolute jumps and every symbolic link on the way, in the same call that opens. No check is
//   separate from the use it guards, so swapping a folder or file for a link between the two
//   changes nothing. Symbolic links inside the workspace are refused too, even ones that stay
//   inside: telling "stays inside" from "leads outside" would mean resolving links ourselves.
// - Nothing in the store is read or written: not .awb/ itself, and not a file there reached by a
//   hard link elsewhere (device and inode are compared) or a folder that is the store under
//   another name (found by walking ".." up to the workspace folder, comparing inodes). A hard
//   link to a file outside the workspace is that file, and is read like any other: making one
//   takes write access to the workspace folder and, with fs.protected_hardlinks, owning the file.
// - A read opens only a regular file (a pipe never blocks the open, a device is never read), of at
//   most the caller's limit, and reads at most limit + 1 bytes (util/RegularFile).
// - A write creates the missing folders one at a time beneath the workspace folder, writes a new
//   file (O_CREAT | O_EXCL) in the target's folder, fsyncs and closes it (each checked), renames it
//   over the target within that folder's descriptor and fsyncs the folder. A symbolic link, pipe or
//   folder at the target is refused; one swapped in during the write is replaced by the rename,
//   never followed. The target's permission bits are kept; a failed write leaves the target as it
//   was and removes its temporary file.
// - Errors carry codes (path_outside_workspace, invalid_path, symlink_refused, store_path_refused,
//   not_a_regular_file, file_too_large, not_found, permission_denied, disk_full, path_changed (a
//   path that kept being moved while it was opened), io_error) and
//   messages that name the workspace-relative path and say what to do; never file content.
//
// Threading: an instance (a cheap value; copies share the descriptor) may be used from any number
// of threads at once: tools call it from the engine's pool. Cost per read: about a dozen system
// calls (open the folder, one ".." step per folder level, fstatat, openat2, fstat, reads, closes);
// a file with more than one hard link also costs a scan of .awb/. A write adds a mkdirat per
// missing folder, fsync of the file and of its folder. Requires Linux 5.6 or newer (openat2).

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

#include "util/Result.h"

namespace awb {

class WorkspaceFiles
{
public:
    static constexpr const char* kStoreDir = ".awb";

    // No workspace: every operation fails (code "no_workspace").
    WorkspaceFiles() = default;
    // Opens a descriptor of the folder root (a link to a folder is followed: the person chose the
    // folder); it stays open, and keeps naming that folder, for as long as a copy lives.
    static Result<WorkspaceFiles> open(const QString& root);

    bool isValid() const { return m_root != nullptr; }
    // Absolute and cleaned, as given to open().
    const QString& root() const { return m_path; }

    // Lexical, opens nothing: path (relative to root, or absolute) cleaned and made relative to
    // root ("" for root itself). Refuses an empty path or one with a NUL (invalid_path) and one
    // that leaves root (path_outside_workspace).
    static Result<QString> relativePath(const QString& root, const QString& path);
    Result<QString> relativePath(const QString& path) const { return relativePath(m_path, path); }
    bool contains(const QString& path) const { return isValid() && relativePath(path).ok(); }

    // The whole regular file at path, of at most maxBytes.
    Result<QByteArray> read(const QString& path, qint64 maxBytes) const;
    // Replaces (or creates) the regular file at path with data, atomically.
    Status write(const QString& path, const QByteArray& data) const;
    // Names of the regular files directly in folder (not links, not names starting with "."),
    // sorted; a folder that does not exist has none.
    Result<QStringList> listFiles(const QString& folder) const;

    // A file a person named (an agent file on the command line): read() when it is inside root,
    // otherwise readRegularFile() (util/RegularFile.h), which follows links. A relative path is
    // taken relative to the current directory.
    Result<QByteArray> readNamed(const QString& path, qint64 maxBytes) const;

private:
    // Refuses a folder descriptor that is the store or not beneath the workspace folder.
    Status checkFolder(int dirfd, const QString& rel) const;

    struct Root;
    std::shared_ptr<const Root> m_root;
    QString m_path;
};

} // namespace awb
