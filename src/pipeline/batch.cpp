#include "pipeline/batch.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
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

// One child process per dossier, forked from this single-threaded loop (fork
// without exec: the child shares the parent's loaded code, so it starts in a
// fraction of a millisecond). The child checks the dossier, renders it
// through the sink and sends "<counts>\n<chunk>" over its pipe. The parent
// waits on the pipes, kills a child past its deadline, and delivers the
// chunks in order; at most `window` finished chunks wait for a slower one.
struct Running {
    Process process;
    size_t index = 0;
    size_t slot = 0;  // its job: the pooled reader it uses
    std::string data;
    Clock::time_point deadline;
};

int child_main(const fs::path& root, const fs::path& dir, size_t i, const BatchOptions& opt,
               const BatchSink& sink, int fd) {
    if (opt.in_child) opt.in_child();
    BatchItem item = check_dossier(root, dir, i, opt);
    return write_all(fd, ItemCounts::of(item).encode() + "\n" + sink.render(item)) ? 0 : 3;
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
    // `prepare`: each inherits what it built); declared before the children,
    // so that a throw kills the children first.
    std::optional<ReaderPool> own_readers;
    ReaderPool* readers = opt.reader_pool;
    if (!readers && opt.readers) readers = &own_readers.emplace(*opt.readers, jobs);
    std::vector<bool> busy(jobs, false);
    std::vector<Running> running;  // destroyed on a throw: kills and reaps every child
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
    // A child has closed its pipe, or is past its deadline (`late`).
    auto finish = [&](Running& c, bool late) {
        std::optional<Ready> r;
        std::optional<Text> why;
        if (late) {
            c.process.kill();
            why = msg("it took longer than {seconds} seconds and was stopped",
                      {{"seconds", Decimal{opt.timeout, 0}}});
        } else {
            const ProcessEnd end = c.process.wait(c.deadline);
            const auto nl = c.data.find('\n');
            const auto counts = nl == std::string::npos
                                    ? std::nullopt
                                    : ItemCounts::decode(std::string_view(c.data).substr(0, nl));
            if (end.ok() && counts)
                r = Ready{*counts, c.data.substr(nl + 1)};
            else
                why = describe_end(end);
        }
        // A check that did not end well may have left its reader busy, or an
        // answer in its pipe: the next dossier of the job gets a new one.
        if (readers && !r) readers->discard(c.slot);
        busy[c.slot] = false;
        if (!r) r = failed(c.index, msg("the check of this dossier did not finish: {why}", {{"why", *why}}));
        slots[c.index % window] = std::move(r);
        ++done;
    };
    while (delivered < dossiers.size()) {
        // Start children while there is room in the pool and in the window.
        while (running.size() < jobs && next < dossiers.size() && next < delivered + window) {
            const size_t i = next;
            const size_t slot = size_t(std::find(busy.begin(), busy.end(), false) - busy.begin());
            std::optional<ReaderLink> link;
            if (readers)
                if (const PooledReader* reader = readers->ready(slot)) link = reader->link();
            Process p = Process::fork(
                [&](int fd) {
                    use_pooled_reader(link);
                    return child_main(root, dossiers[i], i, opt, sink, fd);
                },
                limits);
            if (!p.started()) {
                if (running.empty())
                    throw BatchError(msg("cannot start a check: {error}",
                                         {{"error", std::string(std::strerror(p.error()))}}));
                break;  // try again when a child ends
            }
            busy[slot] = true;
            running.push_back(Running{std::move(p), next++, slot, {}, Clock::now() + timeout});
        }
        // Deliver what is ready, in order.
        while (delivered < dossiers.size() && slots[delivered % window]) {
            Ready r = std::move(*slots[delivered % window]);
            slots[delivered % window].reset();
            summary.add(r.counts);
            sink.write(r.chunk);  // may throw: ~Running kills the rest
            ++delivered;
        }
        if (opt.progress) opt.progress(done, dossiers.size(), since(t0));
        if (running.empty()) continue;
        // Wait for output, an end, a deadline or a progress tick.
        auto now = Clock::now();
        double wait = opt.tick;
        std::vector<int> fds;
        for (auto& c : running) {
            wait = std::min(wait, std::chrono::duration<double>(c.deadline - now).count());
            fds.push_back(c.process.fd());
        }
        const auto ready = wait_readable(fds, std::chrono::milliseconds(std::max(0, int(wait * 1000))));
        std::vector<bool> ended(running.size(), false);
        for (size_t k : ready)
            if (!running[k].process.read_some(running[k].data)) {
                finish(running[k], false);
                ended[k] = true;
            }
        now = Clock::now();
        for (size_t k = running.size(); k-- > 0;) {
            if (!ended[k] && now >= running[k].deadline) {
                finish(running[k], true);
                ended[k] = true;
            }
            if (ended[k]) running.erase(running.begin() + std::ptrdiff_t(k));
        }
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
