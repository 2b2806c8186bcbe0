#include "pipeline/batch.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
        throw BatchError(msg("{path} is not a folder; give the folder that holds the dossiers",
                             {{"path", root.string()}}));
    std::vector<fs::path> found;
    if (has_manifest(root)) found.push_back(root);
    // directory_options::none: symbolic links to folders are listed, never entered.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec)
        throw BatchError(msg("cannot read the folder {path}: {reason}",
                             {{"path", root.string()}, {"reason", ec.message()}}));
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
    auto bad = [&](Text why) {
        return BatchError(
            msg("--shard {value}: {why}; write K/N with 1 <= K <= N, e.g. --shard 1/4 ... --shard 4/4",
                {{"value", text}, {"why", std::move(why)}}));
    };
    auto slash = text.find('/');
    if (slash == std::string_view::npos) throw bad(msg("no slash"));
    auto number = [&](std::string_view s, int& out) {
        auto [p, e] = std::from_chars(s.data(), s.data() + s.size(), out);
        return e == std::errc() && p == s.data() + s.size() && !s.empty();
    };
    Shard s;
    if (!number(text.substr(0, slash), s.index) || !number(text.substr(slash + 1), s.count))
        throw bad(msg("K and N must be whole numbers"));
    if (s.count < 1) throw bad(msg("N must be at least 1"));
    if (s.index < 1) throw bad(msg("K counts from 1"));
    if (s.index > s.count) throw bad(msg("K is larger than N"));
    return s;
}

namespace {
// A whole number from a scheduler's variable; throws naming the variable.
long env_number(const Environment& env, const char* name, bool& present) {
    auto v = env(name);
    present = v.has_value() && !v->empty();
    if (!present) return 0;
    long out = 0;
    auto [p, e] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (e != std::errc() || p != v->data() + v->size())
        throw BatchError(msg("--shard auto: {variable}={value} is not a whole number",
                             {{"variable", name}, {"value", *v}}));
    return out;
}

struct Detected {
    Text scheduler;  // as said to the user, with the variables read
    Shard shard;
};

Shard checked_shard(long k, long n, const Text& from) {
    if (n < 1 || k < 1 || k > n || n > 1000000)
        throw BatchError(msg(
            "--shard auto: {scheduler} gives shard {shard}, which is not a shard of a batch (K from 1 to N)",
            {{"scheduler", from}, {"shard", fmt::format("{}/{}", k, n)}}));
    return Shard{int(k), int(n)};
}
}  // namespace

Shard shard_from_environment(const Environment& env) {
    std::vector<Detected> found;
    bool has_index = false, has_total = false;
    long index = env_number(env, "CI_NODE_INDEX", has_index);
    long total = env_number(env, "CI_NODE_TOTAL", has_total);
    if (has_index) {
        if (!has_total) throw BatchError(msg("--shard auto: CI_NODE_INDEX is set but CI_NODE_TOTAL is not"));
        Text from = msg("GitLab's CI_NODE_INDEX={index}, CI_NODE_TOTAL={total}",
                        {{"index", std::to_string(index)}, {"total", std::to_string(total)}});
        found.push_back({from, checked_shard(index, total, from)});
    }
    bool has_completion = false, has_count = false;
    long completion = env_number(env, "JOB_COMPLETION_INDEX", has_completion);
    long count = env_number(env, "DOSSIER_SHARD_COUNT", has_count);
    if (has_completion) {
        if (!has_count)
            throw BatchError(
                msg("--shard auto: JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but "
                    "DOSSIER_SHARD_COUNT "
                    "is not; set it to the Job's completions in the pod's env"));
        Text from = msg(
            "the Kubernetes Indexed Job's JOB_COMPLETION_INDEX={index} (from 0), DOSSIER_SHARD_COUNT={count}",
            {{"index", std::to_string(completion)}, {"count", std::to_string(count)}});
        found.push_back({from, checked_shard(completion + 1, count, from)});
    }
    bool has_task = false, has_min = false, has_tasks = false, has_step = false;
    long task = env_number(env, "SLURM_ARRAY_TASK_ID", has_task);
    long min = env_number(env, "SLURM_ARRAY_TASK_MIN", has_min);
    long tasks = env_number(env, "SLURM_ARRAY_TASK_COUNT", has_tasks);
    long step = env_number(env, "SLURM_ARRAY_TASK_STEP", has_step);
    if (has_task) {
        if (!has_min || !has_tasks)
            throw BatchError(msg(
                "--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN or SLURM_ARRAY_TASK_COUNT "
                "is not"));
        if (!has_step || step < 1) step = 1;
        Text from = msg(
            "the Slurm array's SLURM_ARRAY_TASK_ID={task}, SLURM_ARRAY_TASK_MIN={min}, "
            "SLURM_ARRAY_TASK_COUNT={count}",
            {{"task", std::to_string(task)}, {"min", std::to_string(min)}, {"count", std::to_string(tasks)}});
        if ((task - min) % step != 0)
            throw BatchError(
                msg("--shard auto: {scheduler} is not a regular array (--array=A-B or A-B:S); give "
                    "--shard K/N instead",
                    {{"scheduler", from}}));
        found.push_back({from, checked_shard((task - min) / step + 1, tasks, from)});
    }
    if (found.empty())
        throw BatchError(msg(
            "--shard auto: no scheduler tells which shard this is; set CI_NODE_INDEX and CI_NODE_TOTAL "
            "(GitLab parallel:), JOB_COMPLETION_INDEX and DOSSIER_SHARD_COUNT (Kubernetes Indexed Job), or "
            "SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT (Slurm array), or give "
            "--shard K/N"));
    for (const auto& d : found)
        if (d.shard.index != found[0].shard.index || d.shard.count != found[0].shard.count)
            throw BatchError(msg("--shard auto: {first} and {second} name different shards; give --shard K/N",
                                 {{"first", found[0].scheduler}, {"second", d.scheduler}}));
    return found[0].shard;
}

Environment process_environment() {
    return [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        if (!v) return std::nullopt;
        return std::string(v);
    };
}

ItemCounts ItemCounts::of(const BatchItem& item) {
    ItemCounts c;
    c.verdict = item.report.tool_failed ? 'u' : item.report.passes() ? 'p' : 'f';
    c.pack = item.pack.status;
    auto s = item.report.summary();
    c.errors = std::uint64_t(s.errors);
    c.warnings = std::uint64_t(s.warnings);
    c.notes = std::uint64_t(s.notes);
    return c;
}

std::string ItemCounts::encode() const {
    return fmt::format("{} {} {} {} {}", verdict, int(pack), errors, warnings, notes);
}

std::optional<ItemCounts> ItemCounts::decode(std::string_view line) {
    ItemCounts c;
    int pack = 0;
    unsigned long long e = 0, w = 0, n = 0;
    char v = 0;
    std::string text(line);
    if (std::sscanf(text.c_str(), "%c %d %llu %llu %llu", &v, &pack, &e, &w, &n) != 5) return std::nullopt;
    if ((v != 'p' && v != 'f' && v != 'u') || pack < 0 || pack > 3) return std::nullopt;
    c.verdict = v;
    c.pack = PackOutcome::Status(pack);
    c.errors = e, c.warnings = w, c.notes = n;
    return c;
}

void BatchSummary::add(const ItemCounts& c) {
    ++dossiers;
    if (c.verdict == 'u')
        ++unchecked;
    else if (c.verdict == 'p')
        ++passed;
    else
        ++failed;
    if (c.pack == PackOutcome::Status::written) ++packed;
    if (c.pack == PackOutcome::Status::failed) ++pack_failed;
    errors += c.errors;
    warnings += c.warnings;
    notes += c.notes;
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

Report unchecked_report(const fs::path& dir, const Text& why) {
    Report r;
    r.dossier = dir.string();
    r.today = Date::today();
    r.tool_failed = true;
    Finding f;
    // Not a rule of the catalogue: it marks a dossier the tool failed on, as
    // exit code 2 does for a single dossier.
    f.rule = "batch.unchecked";
    f.say(
        msg("The tool failed while checking this dossier ({why}); it was not checked. Check it alone with "
            "`dossier validate`, and report the problem to the tool's maintainers if it persists.",
            {{"why", why}}));
    r.findings.push_back(std::move(f));
    return r;
}

Report unchecked_report(const fs::path& dir, std::string_view why) {
    return unchecked_report(dir, verbatim(std::string(why)));
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

BatchItem check_dossier(const fs::path& root, const fs::path& dir, size_t i, const BatchOptions& opt) {
    auto t0 = Clock::now();
    BatchItem item;
    try {
        item = opt.check ? opt.check(dir) : default_check(root, dir, opt);
    } catch (const TextError& e) {
        item = BatchItem{};
        item.report = unchecked_report(dir, e.text());
    } catch (const std::exception& e) {
        item = BatchItem{};
        item.report = unchecked_report(dir, e.what());
    } catch (...) {
        item = BatchItem{};
        item.report = unchecked_report(dir, msg("an unknown error"));
    }
    item.index = i;
    item.dir = dir;
    item.name = dossier_name(root, dir);
    if (item.report.dossier.empty()) item.report.dossier = dir.string();
    item.seconds = since(t0);
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

    BatchItem check_one(size_t i) { return check_dossier(root_, dossiers_[i], i, opt_); }

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

// Isolation: one child process per dossier, forked from this single-threaded
// loop (fork without exec: the child shares the parent's loaded code, so it
// starts in a fraction of a millisecond). The child checks the dossier,
// renders it through the sink and sends "<counts>\n<chunk>" over a pipe. The
// parent polls the pipes, kills a child past its deadline, and delivers the
// chunks in order; at most `window` finished chunks wait for a slower one.
class Children {
public:
    struct Child {
        pid_t pid = -1;
        int fd = -1;
        size_t index = 0;
        std::string data;
        Clock::time_point deadline;
    };
    ~Children() {
        for (auto& c : running) {
            ::kill(c.pid, SIGKILL);
            ::close(c.fd);
            int st;
            ::waitpid(c.pid, &st, 0);
        }
    }
    std::vector<Child> running;
};

[[noreturn]] void child_main(const fs::path& root, const fs::path& dir, size_t i, const BatchOptions& opt,
                             const BatchSink& sink, int fd) {
    // A crash in the child is the child's: the parent's handlers (a test
    // framework's, a terminal restorer's) must not run in it.
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGINT, SIGTERM, SIGPIPE})
        ::signal(sig, SIG_DFL);
    if (opt.memory_limit) {
        // Past it, allocation fails: bad_alloc makes the dossier unchecked.
        struct rlimit as {
            rlim_t(opt.memory_limit), rlim_t(opt.memory_limit)
        };
        ::setrlimit(RLIMIT_AS, &as);
    }
    int code = 0;
    try {
        if (opt.in_child) opt.in_child();
        BatchItem item = check_dossier(root, dir, i, opt);
        std::string out = ItemCounts::of(item).encode() + "\n" + sink.render(item);
        std::string_view rest = out;
        while (!rest.empty()) {
            ssize_t n = ::write(fd, rest.data(), rest.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                code = 3;
                break;
            }
            rest.remove_prefix(size_t(n));
        }
    } catch (...) {
        code = 3;
    }
    ::_exit(code);  // no destructors, no atexit, no stdio flush: the parent's state is not ours
}

Text describe_status(int status) {
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        const char* name = ::strsignal(sig);
        return msg("it crashed with signal {number} ({name})",
                   {{"number", std::to_string(sig)}, {"name", std::string(name ? name : "?")}});
    }
    if (WIFEXITED(status))
        return msg("it stopped with exit code {code}", {{"code", std::to_string(WEXITSTATUS(status))}});
    return msg("it stopped unexpectedly");
}

void run_isolated(const fs::path& root, const std::vector<fs::path>& dossiers, const BatchOptions& opt,
                  BatchSink& sink, unsigned jobs, size_t window, BatchSummary& summary,
                  Clock::time_point t0) {
    struct Ready {
        ItemCounts counts;
        std::string chunk;
    };
    std::vector<std::optional<Ready>> slots(window);
    Children kids;
    size_t next = 0, delivered = 0, done = 0;
    auto failed = [&](size_t i, const Text& why) {
        BatchItem item;
        item.index = i;
        item.dir = dossiers[i];
        item.name = dossier_name(root, dossiers[i]);
        item.report = unchecked_report(dossiers[i], why);
        return Ready{ItemCounts::of(item), sink.render(item)};
    };
    auto finish = [&](Children::Child& c, std::optional<Text> why) {
        ::close(c.fd);
        int status = 0;
        if (why) ::kill(c.pid, SIGKILL);
        while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
        }
        std::optional<Ready> r;
        if (!why) {
            auto nl = c.data.find('\n');
            auto counts = nl == std::string::npos
                              ? std::nullopt
                              : ItemCounts::decode(std::string_view(c.data).substr(0, nl));
            if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && counts)
                r = Ready{*counts, c.data.substr(nl + 1)};
            else
                why = describe_status(status);
        }
        if (!r) r = failed(c.index, msg("the check of this dossier did not finish: {why}", {{"why", *why}}));
        slots[c.index % window] = std::move(r);
        ++done;
    };
    std::vector<char> buf(1 << 16);
    while (delivered < dossiers.size()) {
        // Start children while there is room in the pool and in the window.
        while (kids.running.size() < jobs && next < dossiers.size() && next < delivered + window) {
            int p[2];
            if (::pipe2(p, O_CLOEXEC) != 0)
                throw BatchError(
                    msg("cannot start a check: {error}", {{"error", std::string(std::strerror(errno))}}));
            std::fflush(nullptr);
            pid_t pid = ::fork();
            if (pid < 0) {
                ::close(p[0]);
                ::close(p[1]);
                if (kids.running.empty())
                    throw BatchError(
                        msg("cannot start a check: {error}", {{"error", std::string(std::strerror(errno))}}));
                break;  // try again when a child ends
            }
            if (pid == 0) {
                ::close(p[0]);
                child_main(root, dossiers[next], next, opt, sink, p[1]);
            }
            ::close(p[1]);
            Children::Child c;
            c.pid = pid;
            c.fd = p[0];
            c.index = next++;
            c.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(opt.timeout));
            kids.running.push_back(std::move(c));
        }
        // Deliver what is ready, in order.
        while (delivered < dossiers.size() && slots[delivered % window]) {
            Ready r = std::move(*slots[delivered % window]);
            slots[delivered % window].reset();
            summary.add(r.counts);
            sink.write(r.chunk);  // may throw: ~Children kills the rest
            ++delivered;
        }
        if (opt.progress) opt.progress(done, dossiers.size(), since(t0));
        if (kids.running.empty()) continue;
        // Wait for output, an end, a deadline or a progress tick.
        auto now = Clock::now();
        double wait = opt.tick;
        for (auto& c : kids.running)
            wait = std::min(wait, std::chrono::duration<double>(c.deadline - now).count());
        std::vector<pollfd> fds;
        for (auto& c : kids.running) fds.push_back(pollfd{c.fd, POLLIN, 0});
        int n = ::poll(fds.data(), fds.size(), std::max(0, int(wait * 1000)));
        if (n < 0 && errno != EINTR)
            throw BatchError(msg("waiting for the checks failed: {error}",
                                 {{"error", std::string(std::strerror(errno))}}));
        now = Clock::now();
        for (size_t k = kids.running.size(); k-- > 0;) {
            auto& c = kids.running[k];
            bool ended = false;
            if (n > 0 && (fds[k].revents & (POLLIN | POLLHUP | POLLERR))) {
                ssize_t got = ::read(c.fd, buf.data(), buf.size());
                if (got > 0)
                    c.data.append(buf.data(), size_t(got));
                else if (got == 0 || errno != EINTR) {
                    finish(c, std::nullopt);
                    ended = true;
                }
            }
            if (!ended && now >= c.deadline) {
                finish(c, msg("it took longer than {seconds} seconds and was stopped",
                              {{"seconds", Decimal{opt.timeout, 0}}}));
                ended = true;
            }
            if (ended) kids.running.erase(kids.running.begin() + std::ptrdiff_t(k));
        }
    }
}

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
    if (opt.isolate) {
        if (opt.prepare) opt.prepare();
        run_isolated(root, dossiers, opt, sink, jobs, window, summary, t0);
    } else {
        Pool pool(root, dossiers, opt, window);
        pool.start(jobs);
        for (size_t i = 0; i < dossiers.size();) {
            auto item = pool.take(i, opt.tick);
            if (item) {
                summary.add(*item);
                sink.write(sink.render(*item));  // may throw (output not writable): ~Pool stops the workers
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
