// What the desk knows of the dossiers it serves: one entry per dossier found
// below the root, whether it changed since it was last checked, and the last
// result of its check (the page, and what the index shows of it). Threads
// share one Desk: the watcher marks what changed, the checker takes what is
// due and publishes results, the HTTP side reads (under the desk's lock) and
// waits for the next change. No I/O here: unit-tested as it is.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dossier::serve {

using Clock = std::chrono::steady_clock;

// One check's result, as the checking process reported it (serve/checker.h).
// Every text is already in the page's language and masked as the page is.
struct CheckResult {
    std::string verdict;  // "pass", "fail", "unchecked" (the check could not run)
    int errors = 0, warnings = 0, notes = 0;
    std::string valid_until, valid_until_text;  // ISO date and as shown, or ""
    // What the index shows of the application.
    std::string worker, employer, region, route;
    std::string submission, submission_text;  // ISO and as shown
    std::string start, start_text;            // the job's start
    std::string first_fix;                    // the first error (else warning) to fix, or ""
    std::string first_fix_rule;               // its rule's title
    std::string page;                         // the whole page (serve/pages.h kLiveMarker for the banner)
    std::string main;                         // its <main> element
    std::set<std::string> previews;           // preview file names the page shows ("<sha>.png")
};

struct Entry {
    std::string name;  // relative to root, generic; "." for root itself
    std::filesystem::path dir;
    bool dirty = true;     // changed since its last check started
    bool checking = true;  // dirty, or being checked
    Clock::time_point last_event{};
    std::uint64_t version = 0;  // of `result`: 0 until the first result
    std::optional<CheckResult> result;
};

class Desk {
public:
    Desk(std::filesystem::path root, bool single) : root_(std::move(root)), single_(single) {}

    const std::filesystem::path& root() const { return root_; }
    bool single() const { return single_; }

    // The dossiers now found below root: new ones are added (to be checked),
    // those no longer found are removed and remembered as gone.
    void rescan(const std::vector<std::filesystem::path>& found);
    // A file changed at `path`: the dossier that holds it is checked again
    // once changes have been quiet for the debounce time. Returns false when
    // no dossier holds it.
    bool touched(const std::filesystem::path& path, Clock::time_point now = Clock::now());
    // The dossiers whose changes have settled (`quiet` since the last one),
    // marked as no longer dirty; they stay `checking` until published.
    std::vector<std::filesystem::path> take_due(Clock::duration quiet, Clock::time_point now = Clock::now());
    // The result of the check of `dir` (ignored when it is no longer served).
    void publish(const std::filesystem::path& dir, CheckResult result);

    // Waits until the desk's version differs from `seen`, `timeout` passes or
    // the desk stops; returns the version then.
    std::uint64_t wait_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;
    // Wakes the checker (work to do) or waits for it.
    void wait_work(std::chrono::milliseconds timeout) const;
    void stop();
    bool stopping() const;

    // Reads the state under the desk's lock.
    struct State {
        std::map<std::string, Entry> entries;
        std::set<std::string> gone;  // names removed while serving
        std::uint64_t version = 1;   // of the whole desk: any change
        bool stopping = false;
        bool any_checking() const;
        const Entry* find(const std::string& name) const;
    };
    template <typename F>
    auto read(F&& f) const {
        std::lock_guard lock(mu_);
        return f(static_cast<const State&>(state_));
    }

private:
    void changed();  // under mu_: a new desk version, every waiter woken

    std::filesystem::path root_;
    bool single_;
    mutable std::mutex mu_;
    mutable std::condition_variable work_cv_, change_cv_;
    State state_;
};

}  // namespace dossier::serve
