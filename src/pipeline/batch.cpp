#include "pipeline/batch.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace dossier {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& name) {
    auto s = name.string();
    return !s.empty() && s[0] == '.' && s != "." && s != "..";
}

bool has_manifest(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "dossier.yaml", ec);
}

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

std::vector<fs::path> find_dossiers(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw BatchError(fmt::format("{} is not a folder; give the folder that holds the dossiers", root.string()));
    std::vector<fs::path> found;
    if (has_manifest(root)) found.push_back(root);
    // directory_options::none: symbolic links to folders are listed, never entered.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw BatchError(fmt::format("cannot read the folder {}: {}", root.string(), ec.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            // An unreadable sub-folder: skip it, keep going.
            ec.clear();
            continue;
        }
        const auto& entry = *it;
        std::error_code sec;
        if (entry.is_symlink(sec) || !entry.is_directory(sec)) continue;
        if (hidden(entry.path().filename())) {
            it.disable_recursion_pending();
            continue;
        }
        if (has_manifest(entry.path())) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end(), [&](const fs::path& a, const fs::path& b) {
        return a.lexically_relative(root) < b.lexically_relative(root);
    });
    return found;
}

Shard parse_shard(std::string_view text) {
    auto bad = [&](std::string_view why) {
        return BatchError(fmt::format("--shard {}: {}; write K/N with 1 <= K <= N, e.g. --shard 1/4 ... --shard 4/4",
                                      text, why));
    };
    auto slash = text.find('/');
    if (slash == std::string_view::npos) throw bad("no slash");
    auto number = [&](std::string_view s, int& out) {
        auto [p, e] = std::from_chars(s.data(), s.data() + s.size(), out);
        return e == std::errc() && p == s.data() + s.size() && !s.empty();
    };
    Shard s;
    if (!number(text.substr(0, slash), s.index) || !number(text.substr(slash + 1), s.count))
        throw bad("K and N must be whole numbers");
    if (s.count < 1) throw bad("N must be at least 1");
    if (s.index < 1) throw bad("K counts from 1");
    if (s.index > s.count) throw bad("K is larger than N");
    return s;
}

void BatchSummary::add(const BatchItem& item) {
    ++dossiers;
    if (item.report.tool_failed) ++unchecked;
    else if (item.report.passes()) ++passed;
    else ++failed;
    if (item.pack.status == PackOutcome::Status::written) ++packed;
    if (item.pack.status == PackOutcome::Status::failed) ++pack_failed;
    auto s = item.report.summary();
    errors += std::uint64_t(s.errors);
    warnings += std::uint64_t(s.warnings);
    notes += std::uint64_t(s.notes);
}

std::string dossier_name(const fs::path& root, const fs::path& dir) {
    auto rel = dir.lexically_relative(root);
    return rel.empty() ? std::string(".") : rel.generic_string();
}

fs::path package_path(const fs::path& pack_into, const std::string& name, const fs::path& root) {
    if (name == ".") {
        auto base = fs::absolute(root).lexically_normal().filename();
        if (base.empty()) base = fs::absolute(root).lexically_normal().parent_path().filename();
        if (base.empty()) base = "dossier";
        return pack_into / (base.string() + ".zip");
    }
    return pack_into / (name + ".zip");
}

Report unchecked_report(const fs::path& dir, std::string_view why) {
    Report r;
    r.dossier = dir.string();
    r.today = Date::today();
    r.tool_failed = true;
    Finding f;
    // Not a rule of the catalogue: it marks a dossier the tool failed on, as
    // exit code 2 does for a single dossier.
    f.rule = "batch.unchecked";
    f.message = fmt::format(
        "The tool failed while checking this dossier ({}); it was not checked. Check it alone with "
        "`dossier validate`, and report the problem to the tool's maintainers if it persists.",
        why);
    r.findings.push_back(std::move(f));
    return r;
}

std::string progress_line(size_t done, size_t total, double seconds, size_t width) {
    double rate = seconds > 0 ? double(done) / seconds : 0;
    std::string eta = "--:--";
    if (rate > 0 && done < total) {
        auto left = static_cast<long>(double(total - done) / rate + 0.5);
        eta = left >= 3600 ? fmt::format("{}:{:02}:{:02}", left / 3600, left / 60 % 60, left % 60)
                           : fmt::format("{:02}:{:02}", left / 60, left % 60);
    } else if (done >= total) {
        eta = "00:00";
    }
    std::string tail = fmt::format(" {}/{} dossiers  {:.1f}/s  ETA {}", done, total, rate, eta);
    size_t bar = width > tail.size() + 12 ? std::min<size_t>(40, width - tail.size() - 2) : 10;
    size_t filled = total ? bar * std::min(done, total) / total : bar;
    return "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "]" + tail;
}

namespace {

BatchItem default_check(const fs::path& root, const fs::path& dir, const BatchOptions& opt) {
    BatchItem item;
    item.report = validate_dossier(dir, opt.validate);
    if (opt.pack_into && opt.packer) {
        fs::path zip = package_path(*opt.pack_into, dossier_name(root, dir), root);
        if (item.report.tool_failed || !item.report.passes()) {
            item.pack.status = PackOutcome::Status::refused;
            item.pack.zip = zip;
        } else {
            try {
                std::error_code ec;
                fs::create_directories(zip.parent_path(), ec);
                item.pack = opt.packer(item.report, zip);
            } catch (const std::exception& e) {
                item.pack.status = PackOutcome::Status::failed;
                item.pack.zip = zip;
                item.pack.error = e.what();
            }
        }
    }
    return item;
}

// The pool. Workers claim the next index, but only within `window` of the
// next item to deliver, so that at most `window` finished items wait in
// memory for a slow one before them.
class Pool {
public:
    Pool(const fs::path& root, const std::vector<fs::path>& dossiers, const BatchOptions& opt, size_t window)
        : root_(root), dossiers_(dossiers), opt_(opt), slots_(window) {}

    ~Pool() { stop(); }

    void start(unsigned jobs) {
        for (unsigned i = 0; i < jobs; ++i) threads_.emplace_back([this] { work(); });
    }

    void stop() {
        {
            std::lock_guard lock(mu_);
            stopping_ = true;
        }
        work_cv_.notify_all();
        for (auto& t : threads_)
            if (t.joinable()) t.join();
        threads_.clear();
    }

    // Waits for item `i` (the next to deliver), at most `tick` seconds.
    std::optional<BatchItem> take(size_t i, double tick) {
        std::unique_lock lock(mu_);
        auto& slot = slots_[i % slots_.size()];
        done_cv_.wait_for(lock, std::chrono::duration<double>(tick), [&] { return slot.has_value(); });
        if (!slot) return std::nullopt;
        std::optional<BatchItem> out = std::move(slot);
        slot.reset();
        delivered_ = i + 1;
        lock.unlock();
        work_cv_.notify_all();
        return out;
    }

    size_t done() {
        std::lock_guard lock(mu_);
        return done_;
    }

private:
    void work() {
        for (;;) {
            size_t i;
            {
                std::unique_lock lock(mu_);
                work_cv_.wait(lock, [&] {
                    return stopping_ || (next_ < dossiers_.size() && next_ < delivered_ + slots_.size());
                });
                if (stopping_) return;
                i = next_++;
            }
            BatchItem item = check_one(i);
            {
                std::lock_guard lock(mu_);
                slots_[i % slots_.size()] = std::move(item);
                ++done_;
            }
            done_cv_.notify_all();
        }
    }

    BatchItem check_one(size_t i) {
        const fs::path& dir = dossiers_[i];
        auto t0 = Clock::now();
        BatchItem item;
        try {
            item = opt_.check ? opt_.check(dir) : default_check(root_, dir, opt_);
        } catch (const std::exception& e) {
            item = BatchItem{};
            item.report = unchecked_report(dir, e.what());
        } catch (...) {
            item = BatchItem{};
            item.report = unchecked_report(dir, "an unknown error");
        }
        item.index = i;
        item.dir = dir;
        item.name = dossier_name(root_, dir);
        if (item.report.dossier.empty()) item.report.dossier = dir.string();
        item.seconds = since(t0);
        return item;
    }

    const fs::path& root_;
    const std::vector<fs::path>& dossiers_;
    const BatchOptions& opt_;
    std::mutex mu_;
    std::condition_variable work_cv_, done_cv_;
    std::vector<std::optional<BatchItem>> slots_;
    std::vector<std::thread> threads_;
    size_t next_ = 0, delivered_ = 0, done_ = 0;
    bool stopping_ = false;
};

}  // namespace

BatchSummary run_batch(const fs::path& root, const std::vector<fs::path>& dossiers, const BatchOptions& opt,
                       BatchSink& sink) {
    auto t0 = Clock::now();
    unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = unsigned(std::min<size_t>(jobs, std::max<size_t>(1, dossiers.size())));
    size_t window = opt.window ? opt.window : std::max<size_t>(16, size_t(jobs) * 8);
    window = std::max<size_t>(window, jobs);

    BatchSummary summary;
    summary.shard = opt.shard;
    sink.begin(dossiers);
    if (opt.progress) opt.progress(0, dossiers.size(), 0);
    {
        Pool pool(root, dossiers, opt, window);
        pool.start(jobs);
        for (size_t i = 0; i < dossiers.size();) {
            auto item = pool.take(i, opt.tick);
            if (item) {
                summary.add(*item);
                sink.add(*item);  // may throw (output not writable): ~Pool stops the workers
                ++i;
            }
            if (opt.progress) opt.progress(pool.done(), dossiers.size(), since(t0));
        }
        pool.stop();
    }
    summary.seconds = since(t0);
    sink.end(summary);
    return summary;
}

}  // namespace dossier
