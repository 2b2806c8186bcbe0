#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "package/pack.h"
#include "pipeline/batch.h"
#include "pipeline/batch_progress.h"
#include "pipeline/batch_report.h"

namespace dossier::cli {

namespace fs = std::filesystem;

namespace {

struct BatchArgs {
    std::string root;
    unsigned jobs = 0;
    std::string pack_into;
    std::string shard;
    double timeout = 600;
};

// The progress bar on stderr, redrawn at most ten times a second, only on a
// terminal; erased when the batch ends so the summary stays clean.
class ProgressBar {
public:
    explicit ProgressBar(Lang l) : l_(l) {}
    void operator()(size_t done, size_t total, double seconds) {
        auto now = std::chrono::steady_clock::now();
        if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        drawn_ = true;
        std::string line = batch_progress_line(done, total, seconds, width(), l_);
        std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
        std::fflush(stderr);
    }
    // Erases the bar, so that rows written to the same terminal start on a clean
    // line; the next call draws it again below them.
    void clear() {
        if (drawn_) std::fprintf(stderr, "\r\x1b[K");
        drawn_ = false;
    }
    ~ProgressBar() { clear(); }

private:
    static size_t width() {
        winsize ws{};
        if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col - 1;
        return 79;
    }
    Lang l_;
    std::chrono::steady_clock::time_point last_;
    bool drawn_ = false;
};

// Checks that packages can be written into DIR before starting: a batch that
// would fail every package is a batch that cannot run (exit 2).
void prepare_pack_dir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        throw BatchError(msg("--pack-into {path}: cannot create the folder ({reason})",
                             {{"path", dir.string()}, {"reason", ec.message()}}));
    std::string probe = (dir / ".dossier-write-test-XXXXXX").string();
    std::vector<char> buf(probe.begin(), probe.end());
    buf.push_back('\0');
    int fd = ::mkstemp(buf.data());
    if (fd < 0)
        throw BatchError(msg("--pack-into {path}: the folder is not writable", {{"path", dir.string()}}));
    ::close(fd);
    ::unlink(buf.data());
}

// The package writer, as `dossier pack` writes it (without --force: a failing
// dossier is not packed).
// Why a package was not written is said in the report's language.
Packer make_packer(const CommonOptions& o) {
    return [show = o.show_personal_data, l = output_options(o).lang](const Report& r, const fs::path& zip) {
        package::PackOptions p;
        p.show_personal_data = show;
        PackOutcome out;
        out.zip = zip;
        try {
            package::PackResult done = package::write_package(r, zip, p);
            out.status = PackOutcome::Status::written;
            if (!done.output.empty()) out.zip = done.output;
        } catch (const TextError& e) {
            out.status = PackOutcome::Status::failed;
            out.error = render(e.text(), l);
        }
        return out;  // another exception: the batch says what it was (pipeline/batch.h)
    };
}

int run_batch_command(const CommonOptions& o, const BatchArgs& a) {
    BatchOptions opt;
    opt.validate = validate_options(o);
    opt.validate.read.jobs = 1;  // --jobs reads dossiers side by side; each reads its documents in turn
    opt.jobs = a.jobs;
    // Each dossier apart, in its job's worker: a crash or a hang costs that dossier only.
    opt.timeout = a.timeout;
    // Each dossier's process is single-threaded: it forks the one reader of
    // its files (facts/pdf_isolated.h), which inherits every loaded library.
    // Checklists parsed, ICU transliterators and the readers' seccomp
    // program built once, here: every dossier's process and reader inherits
    // them (pipeline/batch.h, prepare_checks).
    opt.prepare = [v = opt.validate] { prepare_checks(v); };
    // One sandboxed reader per job, forked once after `prepare` and reading
    // the documents of many dossiers (facts/reader_pool.h): a dossier's
    // process forks no reader of its own.
    opt.readers = reader_pool_config(opt.validate);
    fs::path root = a.root;
    std::optional<Shard> shard;
    std::vector<fs::path> dossiers;
    try {
        if (a.shard == "auto")
            shard = shard_from_environment(process_environment());
        else if (!a.shard.empty())
            shard = parse_shard(a.shard);
        dossiers = find_dossiers(root);
        if (!a.pack_into.empty()) {
            opt.packer = make_packer(o);
            prepare_pack_dir(a.pack_into);
            opt.pack_into = fs::path(a.pack_into);
        }
    } catch (const BatchError& e) {
        std::cerr << "dossier batch: " << render(e.text(), message_lang(o)) << "\n";
        return 2;
    }
    if (shard) {
        dossiers = select_shard(dossiers, *shard);
        opt.shard = shard;
    }

    BatchOutputOptions out;
    out.output = output_options(o);
    out.root = a.root;
    out.packing = opt.pack_into.has_value();

    std::optional<ProgressBar> bar;
    if (!o.quiet && ::isatty(STDERR_FILENO)) {
        bar.emplace(message_lang(o));
        opt.progress = [&bar](size_t done, size_t total, double s) { (*bar)(done, total, s); };
    }
    std::unique_ptr<AtomicFile> file;
    Write write;
    if (o.output.empty() || o.output == "-") {
        bool shared_terminal = ::isatty(STDOUT_FILENO) && ::isatty(STDERR_FILENO);
        write = [&o, &bar, shared_terminal](std::string_view s) {
            if (o.quiet) return;
            if (bar && shared_terminal) bar->clear();
            std::cout << s;
            std::cout.flush();
            if (!std::cout) throw OutputError(msg("cannot write the report to standard output"));
        };
    } else {
        file = std::make_unique<AtomicFile>(o.output);
        write = [&file](std::string_view s) { file->write(s); };
    }
    auto sink = make_batch_sink(o.format, out, write);
    BatchSummary summary = run_batch(root, dossiers, opt, *sink);
    bar.reset();
    if (file) file->commit();
    return summary.any_fails() ? 1 : 0;
}

}  // namespace

void add_batch_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand(
        "batch", "Check (and with --pack-into, pack) every dossier folder below ROOT, in parallel");
    auto a = std::make_shared<BatchArgs>();
    cmd->add_option("ROOT", a->root, "The folder below which every folder holding a dossier.yaml is checked")
        ->required();
    cmd->add_option("--jobs,-j", a->jobs, "Dossiers checked at once (default: the machine's cores)")
        ->check(CLI::Range(1u, 1024u));
    cmd->add_option(
        "--pack-into", a->pack_into,
        "Write each passing dossier's package into DIR (ROOT's tree mirrored: a/b -> DIR/a/b.zip)");
    cmd->add_option(
        "--shard", a->shard,
        "Check only shard K of N (K from 1): the dossiers at positions K, K+N, K+2N... in path order; "
        "auto: K and N from the scheduler (GitLab CI_NODE_INDEX/CI_NODE_TOTAL, Kubernetes "
        "JOB_COMPLETION_INDEX with DOSSIER_SHARD_COUNT, Slurm SLURM_ARRAY_TASK_*)");
    cmd->add_option("--timeout", a->timeout,
                    "Seconds one dossier may take before it is stopped and reported unchecked (default 600)")
        ->check(CLI::PositiveNumber);
    cmd->callback([&o, &run, a] { run = [&o, a] { return run_batch_command(o, *a); }; });
}

}  // namespace dossier::cli
