// Watching a served folder for changes (inotify): the folder and every
// folder below it, but not hidden ones (".git", editors' ".swp" files: a
// dossier ignores hidden files) and never through a symbolic link. Folders
// created later are watched as they appear.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "core/text.h"

namespace dossier::serve {

class Watcher {
public:
    // What changed since the last poll.
    struct Changes {
        std::set<std::filesystem::path> paths;  // files or folders that changed
        bool rescan = false;    // a folder or a dossier.yaml appeared or went: find the dossiers again
        bool overflow = false;  // events were lost: treat everything as changed
        bool empty() const { return paths.empty() && !rescan && !overflow; }
    };

    // `say` receives a warning for whoever runs the server (inotify missing,
    // too few watches), at most once each.
    Watcher(std::filesystem::path root, std::function<void(const Text&)> say);
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    bool watching() const { return fd_ >= 0; }
    // Waits up to `timeout` for changes and returns them (empty: none).
    Changes poll(std::chrono::milliseconds timeout);

private:
    void watch(const std::filesystem::path& dir);
    void watch_tree(const std::filesystem::path& top);

    std::filesystem::path root_;
    std::function<void(const Text&)> say_;
    int fd_ = -1;
    bool warned_ = false;
    std::map<int, std::filesystem::path> wds_;
};

}  // namespace dossier::serve
