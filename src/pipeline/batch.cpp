#include "pipeline/batch.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <malloc.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>

#include "core/data_dir.h"
#include "core/process.h"
#include "core/sandbox.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
}  // namespace

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

// One worker process per job, forked from this single-threaded loop (fork
// without exec: it shares the parent's loaded code and what `prepare` built),
// checking one dossier after another: the parent hands it a dossier's index
// on its request pipe; it checks the dossier, renders it through the sink and
// answers "<size>\n<counts>\n<chunk>". Forking a process per dossier cost
// more than most checks (issue 22: the kernel's copy-on-write faults, each
// child binding the same library functions again): a worker pays it once
// for many dossiers. A dossier that crashes, hangs or exhausts its worker
// costs that dossier only, as a process of its own did: the worker is killed
// and the next dossier of its job gets a new one. A worker also ends with
// its job's pooled reader (it holds that reader's pipes), and after
// kWorkerDossiers dossiers (what a check leaks stays bounded). The parent
// waits on the pipes, kills a worker past its dossier's deadline, and
// delivers the chunks in order; at most `window` finished chunks wait for a
// slower one.
constexpr size_t kWorkerDossiers = 64;

struct Worker {
    Process process;              // its answers
    UniqueFd requests;            // dossier indexes, a line each (a socket)
    pid_t reader = -1;            // the pooled reader it was forked with (-1: none)
    size_t checked = 0;           // dossiers handed to it
    std::optional<size_t> index;  // the dossier it is checking
    std::string data;
    Clock::time_point deadline;
};

int worker_main(const fs::path& root, const std::vector<fs::path>& dossiers, const BatchOptions& opt,
                const BatchSink& sink, int requests, int fd) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a worker waits for work: not past its batch
    // The blocks a check reads and writes through (1 MiB each: a package's
    // files, its output) come from the heap and stay there for the next
    // dossier, instead of being mapped and faulted in afresh each time.
    ::mallopt(M_MMAP_THRESHOLD, 16 << 20);
    ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
    if (opt.in_child) opt.in_child();
    LineReader lines(requests, 64);
    for (;;) {
        std::string line;
        const auto status = lines.next(line, Clock::now() + std::chrono::hours(1));
        if (status == LineReader::Status::timed_out) continue;
        if (status != LineReader::Status::line) return 0;
        size_t i = 0;
        const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), i);
        if (ec != std::errc() || end != line.data() + line.size() || i >= dossiers.size()) return 3;
        const BatchItem item = check_dossier(root, dossiers[i], i, opt);
        const std::string answer = ItemCounts::of(item).encode() + "\n" + sink.render(item);
        if (!write_all(fd, std::to_string(answer.size()) + "\n" + answer)) return 3;
        // Its reader failed it: the next dossier gets a worker with a new one.
        if (pooled_reader_failed()) return 0;
    }
}

// The answer a worker has sent in full, if it has.
std::optional<std::string_view> whole_answer(const std::string& data) {
    const auto nl = data.find('\n');
    if (nl == std::string::npos) return std::nullopt;
    size_t size = 0;
    const auto [end, ec] = std::from_chars(data.data(), data.data() + nl, size);
    if (ec != std::errc() || end != data.data() + nl || data.size() - (nl + 1) < size) return std::nullopt;
    return std::string_view(data).substr(nl + 1, size);
}

Text describe_end(const ProcessEnd& end) {
    if (end.how == ProcessEnd::How::signalled) {
        const char* name = ::strsignal(end.signal);
        return msg("it crashed with signal {number} ({name})",
                   {{"number", std::to_string(end.signal)}, {"name", std::string(name ? name : "?")}});
    }
    if (end.how == ProcessEnd::How::exited)
        return msg("it stopped with exit code {code}", {{"code", std::to_string(end.code)}});
    return msg("it stopped unexpectedly");
}

void run_all(const fs::path& root, const std::vector<fs::path>& dossiers, const BatchOptions& opt,
             BatchSink& sink, unsigned jobs, size_t window, BatchSummary& summary, Clock::time_point t0) {
    struct Ready {
        ItemCounts counts;
        std::string chunk;
    };
    std::vector<std::optional<Ready>> slots(window);
    // One pooled reader per job, started as the jobs need them (after
    // `prepare`: each inherits what it built); declared before the workers,
    // so that a throw kills the workers first.
    std::optional<ReaderPool> own_readers;
    ReaderPool* readers = opt.reader_pool;
    if (!readers && opt.readers) readers = &own_readers.emplace(*opt.readers, jobs);
    // One per job; destroyed on a throw: kills and reaps every worker.
    std::vector<std::optional<Worker>> workers(jobs);
    size_t next = 0, delivered = 0, done = 0;
    ProcessLimits limits;
    limits.memory_bytes =
        opt.memory_limit;  // past it, allocation fails: bad_alloc makes the dossier unchecked
    const auto timeout =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(opt.timeout));
    auto failed = [&](size_t i, const Text& why) {
        BatchItem item;
        item.index = i;
        item.dir = dossiers[i];
        item.name = dossier_name(root, dossiers[i]);
        item.report = unchecked_report(dossiers[i], why);
        return Ready{ItemCounts::of(item), sink.render(item)};
    };
    auto deliver = [&](size_t i, Ready r) {
        slots[i % window] = std::move(r);
        ++done;
    };
    // The worker of `job` (busy) stopped, or is past its deadline (`late`),
    // before it answered: its dossier is unchecked, and the job's reader, which it
    // may have left busy or with an answer in its pipe, is replaced.
    auto lose = [&](size_t job, bool late) {
        Worker& w = *workers[job];
        std::optional<Text> why;
        if (late) {
            w.process.kill();
            why = msg("it took longer than {seconds} seconds and was stopped",
                      {{"seconds", Decimal{opt.timeout, 0}}});
        } else {
            why = describe_end(w.process.wait(w.deadline));
        }
        if (readers) readers->discard(job);
        deliver(*w.index,
                failed(*w.index, msg("the check of this dossier did not finish: {why}", {{"why", *why}})));
        workers[job].reset();
    };
    // A worker for `job`, with the job's reader as it is now.
    auto worker_for = [&](size_t job) -> Worker* {
        std::optional<ReaderLink> link;
        if (readers)
            if (const PooledReader* reader = readers->ready(job)) link = reader->link();
        const pid_t reader = link ? link->pid : -1;
        auto& w = workers[job];
        if (w && (w->reader != reader || w->checked >= kWorkerDossiers)) w.reset();  // idle: killed
        if (w) return &*w;
        // A socket, not a pipe: a worker gone while idle is EPIPE, not SIGPIPE.
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return nullptr;
        UniqueFd theirs(fds[0]), ours(fds[1]);
        Process p = Process::fork(
            [&](int fd) {
                for (auto& other : workers)  // the other workers' pipes are not its own
                    if (other) ::close(other->requests.get()), ::close(other->process.fd());
                ::close(ours.get());
                use_pooled_reader(link);
                return worker_main(root, dossiers, opt, sink, theirs.get(), fd);
            },
            limits);
        if (!p.started()) {
            const bool none =
                std::none_of(workers.begin(), workers.end(), [](auto& o) { return o && o->index; });
            if (none)
                throw BatchError(
                    msg("cannot start a check: {error}", {{"error", std::string(std::strerror(p.error()))}}));
            return nullptr;  // try again when a dossier is done
        }
        w.emplace();
        w->process = std::move(p);
        w->requests = std::move(ours);
        w->reader = reader;
        return &*w;
    };
    while (delivered < dossiers.size()) {
        // Hand dossiers to idle jobs while there is room in the window.
        for (size_t job = 0; job < jobs && next < dossiers.size() && next < delivered + window; ++job) {
            if (workers[job] && workers[job]->index) continue;
            Worker* w = worker_for(job);
            if (!w) break;
            if (!send_all(w->requests.get(), std::to_string(next) + "\n")) {
                workers[job].reset();  // it ended while idle: another, next time round
                continue;
            }
            w->index = next++;
            ++w->checked;
            w->data.clear();
            w->deadline = Clock::now() + timeout;
        }
        // Deliver what is ready, in order.
        while (delivered < dossiers.size() && slots[delivered % window]) {
            Ready r = std::move(*slots[delivered % window]);
            slots[delivered % window].reset();
            summary.add(r.counts);
            sink.write(r.chunk);  // may throw: ~Worker kills the rest
            ++delivered;
        }
        if (opt.progress) opt.progress(done, dossiers.size(), since(t0));
        std::vector<size_t> busy;
        for (size_t job = 0; job < jobs; ++job)
            if (workers[job] && workers[job]->index) busy.push_back(job);
        if (busy.empty()) continue;
        // Wait for answers, an end, a deadline or a progress tick.
        auto now = Clock::now();
        double wait = opt.tick;
        std::vector<int> fds;
        for (size_t job : busy) {
            wait = std::min(wait, std::chrono::duration<double>(workers[job]->deadline - now).count());
            fds.push_back(workers[job]->process.fd());
        }
        const auto ready = wait_readable(fds, std::chrono::milliseconds(std::max(0, int(wait * 1000))));
        for (size_t k : ready) {
            Worker& w = *workers[busy[k]];
            if (!w.process.read_some(w.data)) {
                lose(busy[k], false);
                continue;
            }
            const auto answer = whole_answer(w.data);
            if (!answer) continue;
            const auto nl = answer->find('\n');
            const auto counts =
                nl == std::string_view::npos ? std::nullopt : ItemCounts::decode(answer->substr(0, nl));
            if (!counts) {  // garbled: neither it nor its reader is trusted again
                w.process.kill();
                lose(busy[k], false);
                continue;
            }
            deliver(*w.index, Ready{*counts, std::string(answer->substr(nl + 1))});
            w.index.reset();
        }
        now = Clock::now();
        for (size_t job : busy)
            if (workers[job] && workers[job]->index && now >= workers[job]->deadline) lose(job, true);
    }
}

}  // namespace

ReaderPoolConfig reader_pool_config(const ValidateOptions& validate) {
    ReaderPoolConfig readers;
    if (validate.read.enabled) {
        readers.read = validate.read;
        if (readers.read->checklists.empty())
            readers.read->checklists =
                validate.checklists.empty() ? default_checklist_dir() : validate.checklists;
    }
    return readers;
}

void prepare_checks(const ValidateOptions& validate) {
    prepare_validation(validate);
    prepare_sandbox();
}

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
    if (opt.prepare) opt.prepare();
    run_all(root, dossiers, opt, sink, jobs, window, summary, t0);
    summary.seconds = since(t0);
    sink.end(summary);
    return summary;
}

}  // namespace dossier
