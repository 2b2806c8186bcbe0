#include "serve/desk.h"

#include "pipeline/batch.h"

namespace dossier::serve {

namespace fs = std::filesystem;

bool Desk::State::any_checking() const {
    for (const auto& [n, e] : entries)
        if (e.checking) return true;
    return false;
}

const Entry* Desk::State::find(const std::string& name) const {
    auto it = entries.find(name);
    return it == entries.end() ? nullptr : &it->second;
}

void Desk::changed() {
    ++state_.version;
    work_cv_.notify_all();
    change_cv_.notify_all();
}

void Desk::rescan(const std::vector<fs::path>& found) {
    std::lock_guard lock(mu_);
    std::set<std::string> names;
    bool any = false;
    for (const auto& d : found) {
        std::string name = dossier_name(root_, d);
        names.insert(name);
        if (state_.entries.count(name)) continue;
        Entry e;
        e.name = name;
        e.dir = d;
        e.last_event = Clock::now() - std::chrono::seconds(10);  // checked at once
        state_.entries.emplace(name, std::move(e));
        state_.gone.erase(name);
        any = true;
    }
    for (auto it = state_.entries.begin(); it != state_.entries.end();) {
        if (names.count(it->first)) {
            ++it;
            continue;
        }
        state_.gone.insert(it->first);
        it = state_.entries.erase(it);
        any = true;
    }
    if (any) changed();
}

bool Desk::touched(const fs::path& path, Clock::time_point now) {
    std::lock_guard lock(mu_);
    // The innermost dossier holding `path` (a dossier may hold another).
    Entry* best = nullptr;
    for (auto& [name, e] : state_.entries) {
        auto rel = path.lexically_relative(e.dir);
        if (rel.empty() || *rel.begin() == "..") continue;
        if (!best || e.dir.native().size() > best->dir.native().size()) best = &e;
    }
    if (!best) return false;
    best->dirty = true;
    best->checking = true;
    best->last_event = now;
    changed();
    return true;
}

std::vector<fs::path> Desk::take_due(Clock::duration quiet, Clock::time_point now) {
    std::lock_guard lock(mu_);
    std::vector<fs::path> due;
    for (auto& [name, e] : state_.entries)
        if (e.dirty && now - e.last_event >= quiet) {
            e.dirty = false;
            due.push_back(e.dir);
        }
    return due;
}

void Desk::publish(const fs::path& dir, CheckResult result) {
    std::lock_guard lock(mu_);
    auto it = state_.entries.find(dossier_name(root_, dir));
    if (it == state_.entries.end()) return;
    Entry& e = it->second;
    e.result = std::move(result);
    ++e.version;
    if (!e.dirty) e.checking = false;
    changed();
}

std::uint64_t Desk::wait_change(std::uint64_t seen, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mu_);
    change_cv_.wait_for(lock, timeout, [&] { return state_.stopping || state_.version != seen; });
    return state_.version;
}

void Desk::wait_work(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mu_);
    work_cv_.wait_for(lock, timeout);
}

void Desk::stop() {
    std::lock_guard lock(mu_);
    state_.stopping = true;
    changed();
}

bool Desk::stopping() const {
    std::lock_guard lock(mu_);
    return state_.stopping;
}

}  // namespace dossier::serve
