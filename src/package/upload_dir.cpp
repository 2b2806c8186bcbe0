#include "package/upload_dir.h"

#include <fcntl.h>
#include <stdio.h>  // RENAME_EXCHANGE (_GNU_SOURCE)
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <vector>

#include "core/atomic_file.h"
#include "package/index_xml.h"
#include "package/package_temp.h"

namespace dossier::package {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKind = "upload";

[[noreturn]] void refuse(const fs::path& target) {
    throw OutputError(
        msg("{path} already exists and is not an upload set written by dossier: choose a new folder "
            "for --upload-set, or empty it first; nothing was written",
            {{"path", target.string()}}));
}

}  // namespace

bool is_upload_set(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(dir, ec))) return false;
    static const std::regex annex(R"([0-9]{2,} [^/]+\.pdf)");
    bool index = false;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!fs::is_regular_file(it->symlink_status(ec))) return false;
        if (name == index_entry_name) {
            std::ifstream in(it->path(), std::ios::binary);
            std::string head(4096, '\0');
            in.read(head.data(), std::streamsize(head.size()));
            head.resize(size_t(in.gcount()));
            index = head.find(index_namespace) != std::string::npos &&
                    head.find("set=\"upload\"") != std::string::npos;
            if (!index) return false;
        } else if (name != "dossier.pdf" && !std::regex_match(name, annex)) {
            return false;
        }
    }
    return !ec && index;
}

void check_upload_dir(const fs::path& target) {
    std::error_code ec;
    const auto st = fs::symlink_status(target, ec);
    if (fs::exists(st)) {
        const bool empty_dir = fs::is_directory(st) && fs::is_empty(target, ec) && !ec;
        if (!empty_dir && !is_upload_set(target)) refuse(target);
    }
    if (!fs::is_directory(folder_of(target), ec))
        throw OutputError(cannot_write(target, msg("the folder that should hold it does not exist")));
}

UploadDir::UploadDir(fs::path target) : target_(std::move(target)) {
    check_upload_dir(target_);
    for (const auto& old : stale_temporaries(target_, kKind)) {
        std::error_code rec;
        fs::remove_all(old, rec);  // best effort: another run may be removing it too
    }
    std::string pattern = (folder_of(target_) / ("." + target_.filename().string() + "." + kKind + "-" +
                                                 std::to_string(::getpid()) + "-XXXXXX"))
                              .string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) throw_cannot_write(target_, errno);
    temp_ = buf.data();
    // mkdtemp makes it 0700; the set gets a new folder's usual mode.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temp_.c_str(), 0777 & ~mask);
}

UploadDir::~UploadDir() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(temp_, ec);
}

void UploadDir::write(const std::string& name, std::string_view bytes) {
    const fs::path file = temp_ / name;
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw_cannot_write(target_, errno);
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = n < 0 ? errno : EIO;
            ::close(fd);
            throw_cannot_write(target_, err);
        }
        done += size_t(n);
    }
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        throw_cannot_write(target_, err);
    }
    if (::close(fd) != 0) throw_cannot_write(target_, errno);
}

void UploadDir::commit() {
    std::error_code ec;
    for (auto it = fs::directory_iterator(temp_, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        sync_path(it->path(), target_, O_RDONLY);
    sync_path(temp_, target_, O_RDONLY | O_DIRECTORY);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
        if (errno != ENOTEMPTY && errno != EEXIST && errno != ENOTDIR) throw_cannot_write(target_, errno);
        // An earlier upload set is there: exchange the two folders in one step,
        // then remove the old one (now at the temporary name).
        if (!is_upload_set(target_)) refuse(target_);
        if (::syscall(SYS_renameat2, AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
            0) {
            if (errno != EINVAL && errno != ENOSYS) throw_cannot_write(target_, errno);
            // A file system without the exchange: move the old one aside first.
            const fs::path aside = fs::path(temp_.string() + ".old");
            if (::rename(target_.c_str(), aside.c_str()) != 0) throw_cannot_write(target_, errno);
            if (::rename(temp_.c_str(), target_.c_str()) != 0) {
                int err = errno;
                ::rename(aside.c_str(), target_.c_str());
                throw_cannot_write(target_, err);
            }
            committed_ = true;
            fs::remove_all(aside, ec);
            sync_path(folder_of(target_), target_, O_RDONLY | O_DIRECTORY);
            return;
        }
        committed_ = true;
        fs::remove_all(temp_, ec);  // the old set
    }
    committed_ = true;
    sync_path(folder_of(target_), target_, O_RDONLY | O_DIRECTORY);
}

}  // namespace dossier::package
