#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace dossier {

Text cannot_write(const std::filesystem::path& path, Text reason) {
    return msg("cannot write {path}: {reason}", {{"path", path.string()}, {"reason", std::move(reason)}});
}

void throw_cannot_write(const std::filesystem::path& path, int err) {
    throw OutputError(cannot_write(path, std::string(std::strerror(err))));
}

namespace fs = std::filesystem;

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    fs::path dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    fd_ = ::mkstemp(buf.data());
    if (fd_ < 0) throw_cannot_write(target_, errno);
    temp_ = buf.data();
    ::fchmod(
        fd_, 0644 & ~[] {
            mode_t m = ::umask(0);
            ::umask(m);
            return m;
        }());
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_cannot_write(target_, errno);
        }
        bytes.remove_prefix(size_t(n));
    }
}

void AtomicFile::commit(bool synced) {
    if (synced && ::fsync(fd_) != 0) throw_cannot_write(target_, errno);
    if (::close(fd_) != 0) {
        fd_ = -1;
        throw_cannot_write(target_, errno);
    }
    fd_ = -1;
    if (::rename(temp_.c_str(), target_.c_str()) != 0) throw_cannot_write(target_, errno);
    committed_ = true;
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    AtomicFile f(target);
    f.write(bytes);
    f.commit();
}

void write_file_atomically_unsynced(const fs::path& target, std::string_view bytes) {
    AtomicFile f(target);
    f.write(bytes);
    f.commit(false);
}

}  // namespace dossier
