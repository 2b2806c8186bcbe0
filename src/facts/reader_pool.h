// A pool of long-lived readers of documents (issue 22): `batch` keeps one per
// job, forked once from its prepared process (libraries, ICU, poppler, the
// vocabularies and the sandbox's filter loaded), each reading the documents
// of many dossiers; the dossier being checked in that job's slot uses it
// through inspect_files_isolated (facts/pdf_isolated.h) instead of forking a
// reader of its own.
//
// The reader enters its sandbox (facts/reader_sandbox.h) before it receives
// a document, with no document in its Landlock rules: it cannot open any by
// name. Each document is opened by the dossier's process and handed over
// open, with its name and the reading's options, on a SOCK_SEQPACKET socket
// (core/fd_passing.h); the reader answers the same lines as a dossier's
// reader (facts/reader_answers.h) on its answer pipe. So a reader that lives
// long reads only what it was handed, as one that reads one dossier does.
//
// A document that crashes the reader, trips its sandbox or exhausts it is
// read again by a reader forked for it (the unpooled path), which says why
// as before; one that hangs it costs that document, and the reader is
// killed. Either way the pool starts another for the next dossier. A reader
// retires after `documents` documents or `bytes` bytes (a leak stays
// bounded): it says so on its retirement pipe before its last answer, so that
// the pool never hands a retired reader to the next dossier.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/process.h"
#include "core/unique_fd.h"
#include "facts/pdf_isolated.h"
#include "facts/read_document.h"

namespace dossier {

struct ReaderPoolConfig {
    InspectLimits limits;             // as a dossier's reader has (no helper: forked)
    std::optional<ReadOptions> read;  // unset: facts only; its cache and checklists set the sandbox
    std::size_t documents = 256;      // a reader retires after this many documents
    std::uint64_t bytes = std::uint64_t(4) << 30;  // or this many bytes
};

// What a dossier's process needs to use a pooled reader.
struct ReaderLink {
    pid_t pid = -1;
    int request_fd = -1;  // SOCK_SEQPACKET: {"path":..., "read":...} and the document, open
    int answer_fd = -1;   // the reader's answer lines
    ReaderPoolConfig config;
    bool broken = false;  // it failed this process once: not used again
};

// One pooled reader, as the process that started it holds it. Destroying it
// kills and reaps the reader.
class PooledReader {
public:
    // Forks it: only from a single-threaded process.
    static PooledReader start(const ReaderPoolConfig& config);
    bool started() const { return process_.started(); }
    pid_t pid() const { return process_.pid(); }
    // It has said it retires, or it has ended: start another.
    bool retired() const;
    ReaderLink link() const;

private:
    ReaderPoolConfig config_;
    Process process_;  // its pipe: the retirement pipe (closed by the reader when it retires)
    UniqueFd request_fd_;
    UniqueFd answer_fd_;
};

// One reader per slot (a batch's job), started when first asked for and
// again after the last one retired or was discarded.
class ReaderPool {
public:
    ReaderPool(ReaderPoolConfig config, std::size_t slots);
    // The reader of `slot`, ready; null when none could start.
    const PooledReader* ready(std::size_t slot);
    // Kills the reader of `slot` (its user ended badly: an answer may be left in its pipe).
    void discard(std::size_t slot);
    // Readers started so far.
    std::size_t started() const { return started_; }

private:
    ReaderPoolConfig config_;
    std::vector<PooledReader> readers_;
    std::size_t started_ = 0;
};

// In a dossier's process: the pooled reader its files are read by (unset: a
// reader is forked for them).
void use_pooled_reader(std::optional<ReaderLink> link);
// True when this process had a pooled reader and it failed (it is not used
// again): a batch's worker then ends, and the next gets the pool's new one.
bool pooled_reader_failed();
// The pooled reader that can read files with these limits and options, if
// any: one of the same limits, whose sandbox lets it read the same cache and
// vocabularies.
ReaderLink* pooled_reader_for(const InspectLimits& limits, const ReadOptions* read);

// The reader's side: limits, sandbox, then one request after another.
int run_pooled_reader(const ReaderPoolConfig& config, int request_fd, int answer_fd, int retire_fd);

}  // namespace dossier
