#include "package/package_temp.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/atomic_file.h"

namespace dossier::package {

namespace fs = std::filesystem;

namespace {

std::string prefix_of(const fs::path& target, const char* kind = "pack") {
    return "." + target.filename().string() + "." + kind + "-";
}

// The pid in ".<name>.pack-<pid>-XXXXXX[...]", or 0.
pid_t pid_of(const std::string& file, const std::string& prefix) {
    if (file.rfind(prefix, 0) != 0) return 0;
    const char* first = file.data() + prefix.size();
    const char* last = file.data() + file.size();
    long pid = 0;
    auto [end, ec] = std::from_chars(first, last, pid);
    if (ec != std::errc() || end == last || *end != '-' || pid <= 0) return 0;
    return pid_t(pid);
}

// The process's umask, read without changing it (umask(2) would race with
// other threads creating files).
mode_t current_umask() {
    FILE* f = std::fopen("/proc/self/status", "re");
    if (!f) return 022;
    char line[256];
    mode_t mask = 022;
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, "Umask:", 6) == 0) {
            mask = mode_t(std::strtoul(line + 6, nullptr, 8));
            break;
        }
    }
    std::fclose(f);
    return mask;
}

bool running(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

std::vector<fs::path> temporaries(const fs::path& target, bool only_stale, const char* kind = "pack") {
    std::vector<fs::path> out;
    const std::string prefix = prefix_of(target, kind);
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder_of(target), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        pid_t pid = pid_of(name, prefix);
        if (pid == 0) continue;
        if (only_stale && running(pid)) continue;
        out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

fs::path folder_of(const fs::path& target) {
    fs::path dir = target.parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

void sync_path(const fs::path& p, const fs::path& target, int flags) {
    int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw_cannot_write(target, errno);
    if (::fsync(fd) != 0 && errno != EINVAL) {
        int err = errno;
        ::close(fd);
        throw_cannot_write(target, err);
    }
    ::close(fd);
}

std::vector<fs::path> stale_temporaries(const fs::path& target, const char* kind) {
    return temporaries(target, true, kind);
}
std::vector<fs::path> stale_temporaries(const fs::path& target) { return temporaries(target, true); }
std::vector<fs::path> all_temporaries(const fs::path& target) { return temporaries(target, false); }

PackageTemp::PackageTemp(fs::path target) : target_(std::move(target)) {
    for (const auto& stale : stale_temporaries(target_)) {
        std::error_code ec;
        fs::remove(stale, ec);  // best effort: another run may be removing it too
    }
    std::string pattern =
        (folder_of(target_) / (prefix_of(target_) + std::to_string(::getpid()) + "-XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    int fd = ::mkstemp(buf.data());
    if (fd < 0) throw_cannot_write(target_, errno);
    // mkstemp makes the file 0600; the package gets a new file's usual mode.
    // libzip keeps the mode of the file it replaces.
    ::fchmod(fd, 0666 & ~current_umask());
    ::close(fd);
    temp_ = buf.data();
}

PackageTemp::~PackageTemp() {
    if (committed_) return;
    std::error_code ec;
    fs::remove(temp_, ec);
    // libzip removes its own temporary when zip_close fails or the archive is
    // discarded; a leftover of this process is removed here all the same.
    const std::string own = temp_.filename().string() + ".";
    for (auto it = fs::directory_iterator(folder_of(target_), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        if (it->path().filename().string().rfind(own, 0) == 0) {
            std::error_code rec;
            fs::remove(it->path(), rec);
        }
    }
}

void PackageTemp::commit() {
    sync_path(temp_, target_, O_RDONLY);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) throw_cannot_write(target_, errno);
    committed_ = true;
    sync_path(folder_of(target_), target_, O_RDONLY | O_DIRECTORY);
}

}  // namespace dossier::package
