#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <string>
#include <system_error>
#include <vector>

namespace dossier::serve {

namespace fs = std::filesystem;

namespace {
bool hidden_name(std::string_view n) { return !n.empty() && n[0] == '.'; }

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR;
}  // namespace

Watcher::Watcher(fs::path root, std::function<void(const Text&)> say)
    : root_(std::move(root)), say_(std::move(say)) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) {
        if (say_) say_(msg("cannot watch the folder (inotify): the page will not update by itself"));
        return;
    }
    watch_tree(root_);
}

Watcher::~Watcher() {
    if (fd_ >= 0) ::close(fd_);
}

void Watcher::watch(const fs::path& dir) {
    int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
    if (wd >= 0) {
        wds_[wd] = dir;
    } else if (!warned_) {
        warned_ = true;
        if (say_)
            say_(
                msg("cannot watch every folder (raise fs.inotify.max_user_watches); some changes will not "
                    "show"));
    }
}

void Watcher::watch_tree(const fs::path& top) {
    watch(top);
    std::error_code ec;
    fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code sec;
        if (it->is_symlink(sec) || !it->is_directory(sec)) continue;
        if (hidden_name(it->path().filename().string())) {
            it.disable_recursion_pending();
            continue;
        }
        watch(it->path());
    }
}

Watcher::Changes Watcher::poll(std::chrono::milliseconds timeout) {
    Changes out;
    if (fd_ < 0) {
        ::poll(nullptr, 0, int(timeout.count()));
        return out;
    }
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, int(timeout.count())) <= 0) return out;
    std::vector<char> buf(64 * 1024);
    for (;;) {
        ssize_t n = ::read(fd_, buf.data(), buf.size());
        if (n <= 0) break;
        for (char* at = buf.data(); at < buf.data() + n;) {
            auto* ev = reinterpret_cast<inotify_event*>(at);
            at += sizeof(inotify_event) + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {
                out.overflow = out.rescan = true;
                continue;
            }
            auto w = wds_.find(ev->wd);
            if (w == wds_.end()) continue;
            if (ev->mask & IN_IGNORED) {
                wds_.erase(w);
                continue;
            }
            std::string name = ev->len ? std::string(ev->name) : std::string();
            if (hidden_name(name)) continue;  // editors' swap files; dossiers ignore hidden files
            fs::path path = name.empty() ? w->second : w->second / name;
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
                watch_tree(path);
                out.rescan = true;
            }
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_DELETE | IN_MOVED_FROM))) out.rescan = true;
            if (ev->mask & IN_DELETE_SELF) out.rescan = true;
            if (name == "dossier.yaml" && (ev->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)))
                out.rescan = true;
            out.paths.insert(path);
        }
    }
    return out;
}

}  // namespace dossier::serve
