// Batch: every dossier below a root (pipeline/batch_find.h), each checked (and
// packed) apart from this process, in a worker process per job (core/
// process.h) that checks one dossier after another, `jobs` at a time,
// delivered in a stable order (sorted by path) whatever the order in which
// they finish, with memory bounded by a small reorder window rather than by
// the number of dossiers. One broken dossier never stops the others: a crash,
// a hang past its timeout or an exhausted memory makes only it unchecked.
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
#include "facts/reader_pool.h"
#include "pipeline/batch_find.h"
#include "pipeline/validate.h"
#include "report/report.h"

namespace dossier {

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
// run_batch. An item is first rendered (a pure function of the item: it runs
// in the child process that checked the dossier), then
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
    // Each dossier is checked in a job's worker process, forked from this
    // (single-threaded) one, at most `jobs` at a time; a dossier that crashes,
    // hangs or exhausts its worker costs that dossier only.
    double timeout = 600;                                 // seconds per dossier
    std::uint64_t memory_limit = std::uint64_t(4) << 30;  // address space a dossier may add; 0: none
    std::function<void()> in_child;                       // run first in each worker
    // Run once in this process before the first child is forked:
    // what it builds (caches, ICU transliterators) every child inherits
    // instead of building it again.
    std::function<void()> prepare;
    // A pooled reader of documents per job (facts/reader_pool.h), forked after
    // `prepare`: each dossier's process reads its files with its job's reader
    // instead of forking one. Unset: each forks its own.
    std::optional<ReaderPoolConfig> readers;
    // A pool that outlives this batch (serve's checking process, which runs
    // one batch per re-check): used instead of one of `readers`; it has a
    // slot per job at least.
    ReaderPool* reader_pool = nullptr;
};

// The pooled readers of a batch that checks with `validate`: reading what
// its documents say when it does, with its cache and checklists.
ReaderPoolConfig reader_pool_config(const ValidateOptions& validate);

// Builds once, in this single-threaded process, what every check with
// `validate` forked from it inherits instead of building it again: what
// prepare_validation builds (checklists, ICU transliterators) and the
// readers' seccomp filter (core/sandbox.h). `batch` runs it before it forks
// its readers and dossiers (BatchOptions::prepare); serve's checking process
// once, when it starts, for all its re-checks.
void prepare_checks(const ValidateOptions& validate);

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

}  // namespace dossier
