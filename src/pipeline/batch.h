// Batch: every dossier below a root, checked (and packed) by a pool of worker
// threads, delivered in a stable order (sorted by path) whatever the order in
// which they finish, with memory bounded by a small reorder window rather than
// by the number of dossiers. One broken dossier never stops the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "pipeline/validate.h"
#include "report/report.h"

namespace dossier {

// The batch itself cannot run (root missing, bad --shard, --pack-into not
// writable): the CLI exits 2.
class BatchError : public TextError {
public:
    using TextError::TextError;
};

// Every folder below `root` (root included) that holds a dossier.yaml, sorted
// by path (component by component) so that output is stable. Hidden folders
// (".git", ".cache") are skipped, and symbolic links to folders are never
// followed: a link can neither lead out of root nor make a dossier count twice.
// A dossier folder is searched too: a sub-folder with its own manifest is
// another dossier (gather_facts does not take it for a document).
// Throws BatchError when root is not a folder.
std::vector<std::filesystem::path> find_dossiers(const std::filesystem::path& root);

// --shard K/N: K counts from 1 (as CI_NODE_INDEX in GitLab, or a job array
// numbered 1..N), so "1/4" ... "4/4". Shard K takes the dossiers at positions
// K, K+N, K+2N, ... (1-based) of the sorted list: the N shards partition the
// set, and each gets within one dossier of the same count.
struct Shard {
    int index = 1;  // K, 1..count
    int count = 1;  // N >= 1
};
// Throws BatchError with a message saying what is expected.
Shard parse_shard(std::string_view text);

// --shard auto: the shard this job is, told by the scheduler that started it.
//   GitLab parallel jobs: CI_NODE_INDEX (1-based), CI_NODE_TOTAL.
//   Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (0-based); the count is not
//     in the pod's environment, so DOSSIER_SHARD_COUNT gives it (the Job's
//     completions).
//   Slurm job arrays: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN,
//     SLURM_ARRAY_TASK_COUNT (and SLURM_ARRAY_TASK_STEP for --array=0-15:4).
// Throws BatchError (exit 2) when none is set, when one is set inconsistently,
// or when two schedulers name different shards.
using Environment = std::function<std::optional<std::string>(const char* name)>;
Shard shard_from_environment(const Environment& env);
Environment process_environment();  // std::getenv
template <typename T>
std::vector<T> select_shard(const std::vector<T>& all, const Shard& s) {
    std::vector<T> out;
    for (size_t i = size_t(s.index - 1); i < all.size(); i += size_t(s.count)) out.push_back(all[i]);
    return out;
}

// What became of a dossier's package with --pack-into.
struct PackOutcome {
    enum class Status {
        not_requested,  // no --pack-into
        written,        // the package is at `zip`
        refused,        // the dossier fails: not packed (as `dossier pack` without --force)
        failed,         // packing was attempted and failed: `error` says why
    };
    Status status = Status::not_requested;
    std::filesystem::path zip;
    std::string error;
};

// One dossier's outcome, as delivered to the sink.
struct BatchItem {
    size_t index = 0;           // position in the (sharded) list
    std::filesystem::path dir;  // as found below root
    std::string name;           // path relative to root ("." for root itself), generic
    Report report;
    PackOutcome pack;
    double seconds = 0;  // wall time spent on it
};

// What the summary needs of one item: small enough to cross a pipe.
struct ItemCounts {
    char verdict = 'u';  // 'p' pass, 'f' fail, 'u' unchecked
    PackOutcome::Status pack = PackOutcome::Status::not_requested;
    std::uint64_t errors = 0, warnings = 0, notes = 0;
    static ItemCounts of(const BatchItem& item);
    std::string encode() const;  // one line, no newline
    static std::optional<ItemCounts> decode(std::string_view line);
};

struct BatchSummary {
    size_t dossiers = 0;
    size_t passed = 0;
    size_t failed = 0;     // findings of failing severity
    size_t unchecked = 0;  // the tool could not check it (bad manifest, crash, timeout)
    size_t packed = 0;
    size_t pack_failed = 0;
    std::uint64_t errors = 0, warnings = 0, notes = 0;
    double seconds = 0;
    std::optional<Shard> shard;
    bool any_fails() const { return failed + unchecked + pack_failed > 0; }
    void add(const ItemCounts& c);
    void add(const BatchItem& item) { add(ItemCounts::of(item)); }
};

// Receives the items in order (index 0, 1, 2...) on the thread that called
// run_batch. An item is first rendered (a pure function of the item: with
// isolation it runs in the child process that checked the dossier), then
// its text is written, in order. Writers stream: they hold no more than the
// chunk at hand.
class BatchSink {
public:
    virtual ~BatchSink() = default;
    virtual void begin(const std::vector<std::filesystem::path>& dossiers) = 0;
    virtual std::string render(const BatchItem& item) const = 0;
    virtual void write(const std::string& chunk) = 0;
    virtual void end(const BatchSummary& summary) = 0;
};

// The package writer, kept behind a function so that the batch does not
// depend on how a package is made: given the validated report, writes the zip
// (atomically) or says why not.
using Packer = std::function<PackOutcome(const Report& report, const std::filesystem::path& zip)>;

struct BatchOptions {
    ValidateOptions validate;
    unsigned jobs = 0;                               // 0: the hardware's cores
    size_t window = 0;                               // reorder window; 0: 8 per job (at least 16)
    std::optional<std::filesystem::path> pack_into;  // --pack-into DIR
    Packer packer;                                   // required with pack_into
    std::optional<Shard> shard;                      // for the summary only: the list is already sharded
    // Called on the calling thread after each delivered item and at least every
    // `tick` while waiting: (done, total, seconds elapsed).
    std::function<void(size_t, size_t, double)> progress;
    double tick = 0.2;
    // What checks one dossier; tests replace it. Default: validate, then pack.
    std::function<BatchItem(const std::filesystem::path& dir)> check;
    // Isolation: each dossier is checked in its own process, forked from this
    // (single-threaded) one, at most `jobs` at a time. A crash, a hang past
    // `timeout` or an exhausted memory in one dossier makes only that dossier
    // unchecked. Without it, dossiers are checked by worker threads of this
    // process (an exception stays with its dossier; a crash does not).
    bool isolate = false;
    double timeout = 600;                                 // seconds per dossier, with isolate
    std::uint64_t memory_limit = std::uint64_t(4) << 30;  // address space per dossier (isolate); 0: none
    std::function<void()> in_child;                       // run first in each child (isolate)
    // Run once in this process before the first child is forked (isolate):
    // what it builds (caches, ICU transliterators) every child inherits
    // instead of building it again.
    std::function<void()> prepare;
};

// Where a dossier's package goes below --pack-into: the tree below root is
// mirrored ("clients/acme" -> DIR/clients/acme.zip); root itself is named after
// its folder.
std::filesystem::path package_path(const std::filesystem::path& pack_into, const std::string& name,
                                   const std::filesystem::path& root);

// The name of a dossier in reports: its path relative to root, generic form.
std::string dossier_name(const std::filesystem::path& root, const std::filesystem::path& dir);

// Checks every dossier of `dossiers` (each below `root`) and hands the items to
// the sink in order. An exception while checking one dossier makes that
// dossier unchecked (with the reason as a finding); an exception from the sink
// (output not writable) stops the batch and is rethrown after the workers
// have stopped.
BatchSummary run_batch(const std::filesystem::path& root, const std::vector<std::filesystem::path>& dossiers,
                       const BatchOptions& opt, BatchSink& sink);

// A report for a dossier the tool could not check because of an internal
// error (an exception): tool_failed, one finding that says so.
// `why` is said in the report's language (a verbatim string stays as it is).
Report unchecked_report(const std::filesystem::path& dir, const Text& why);
Report unchecked_report(const std::filesystem::path& dir, std::string_view why);

// The progress line drawn on a terminal: bar, done/total, rate, ETA.
std::string progress_line(size_t done, size_t total, double seconds, size_t width);

}  // namespace dossier
