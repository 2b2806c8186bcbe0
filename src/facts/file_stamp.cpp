#include "facts/file_stamp.h"

#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include <ctime>

namespace dossier {

namespace {

// The coarsest clock a trusted file system keeps times in, and more.
constexpr std::int64_t kSettle_ns = 3'000'000'000;

// File systems that keep a file's change time themselves (not a server's
// copy of it, not FAT's creation time).
bool keeps_change_time(long type) {
    switch (static_cast<unsigned long>(type)) {
        case EXT4_SUPER_MAGIC:  // ext2, ext3 and ext4
        case XFS_SUPER_MAGIC:
        case BTRFS_SUPER_MAGIC:
        case TMPFS_MAGIC:
        case OVERLAYFS_SUPER_MAGIC:
        case F2FS_SUPER_MAGIC:
        case 0x2fc12fc1UL:  // ZFS (not in linux/magic.h)
            return true;
        default:
            return false;
    }
}

std::int64_t ns(const timespec& t) { return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

std::int64_t realtime_ns() {
    timespec t{};
    ::clock_gettime(CLOCK_REALTIME, &t);
    return ns(t);
}

// The stamp of `st`, on a file system of `fs_type` (or none known: -1).
std::optional<FileStamp> stamp_of(const struct stat& st, long fs_type, std::int64_t now_ns) {
    if (!S_ISREG(st.st_mode)) return std::nullopt;
    FileStamp s;
    s.device = st.st_dev;
    s.inode = st.st_ino;
    s.size = std::uint64_t(st.st_size);
    s.modified_ns = ns(st.st_mtim);
    s.changed_ns = ns(st.st_ctim);
    const std::int64_t now = now_ns ? now_ns : realtime_ns();
    s.settled =
        keeps_change_time(fs_type) && s.modified_ns + kSettle_ns < now && s.changed_ns + kSettle_ns < now;
    return s;
}

}  // namespace

std::optional<FileStamp> file_stamp(int fd, std::int64_t now_ns) {
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) return std::nullopt;
    struct statfs fs {};
    return stamp_of(st, ::fstatfs(fd, &fs) == 0 ? fs.f_type : -1, now_ns);
}

std::optional<FileStamp> file_stamp(const char* path, std::int64_t now_ns) {
    struct stat st {};
    if (::stat(path, &st) != 0) return std::nullopt;
    struct statfs fs {};
    return stamp_of(st, ::statfs(path, &fs) == 0 ? fs.f_type : -1, now_ns);
}

}  // namespace dossier
