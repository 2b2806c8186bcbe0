// What a file was when its bytes were hashed: its inode, size and times,
// taken before the reader read a byte. A later step (the package,
// package/file_source.h) that finds the same stamp on the file it opens
// knows the bytes are the ones hashed without hashing them again, as git
// trusts an index entry whose stat has not changed:
// - any write to a file moves its change time (ctime), which no user can
//   set back, and so does a rename onto it or a chmod;
// - a write in the same tick of the file system's clock as the time seen
//   could leave it unmoved: a stamp is `settled` only when both times are
//   older than the stamping by more than the coarsest clock kept (FAT's two
//   seconds), and only on a file system whose change time is kept locally
//   (ext2-4, XFS, Btrfs, tmpfs, overlayfs, ZFS, F2FS). Elsewhere (a network
//   share, a FAT stick) the bytes are hashed again.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>

namespace dossier {

struct FileStamp {
    dev_t device = 0;
    ino_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0;  // mtime
    std::int64_t changed_ns = 0;   // ctime
    bool settled = false;          // trusted unchanged while the stamp holds (above)

    // The same file, unchanged, as far as its stat tells.
    bool same_as(const FileStamp& now) const {
        return device == now.device && inode == now.inode && size == now.size &&
               modified_ns == now.modified_ns && changed_ns == now.changed_ns;
    }
};

// The stamp of the regular file open on `fd`; nullopt for anything else or
// when fstat fails. `now_ns`: the wall clock's time of the stamping
// (CLOCK_REALTIME, nanoseconds); 0 for the real one (tests give another).
std::optional<FileStamp> file_stamp(int fd, std::int64_t now_ns = 0);
// The same for the file at `path` (following links, as the reader opens it).
std::optional<FileStamp> file_stamp(const char* path, std::int64_t now_ns = 0);

}  // namespace dossier
