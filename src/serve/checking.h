// The desk's checking process (issue 22). The server is multithreaded: it
// may not fork a process that goes on running library code, nor keep a pool
// of readers forked from a prepared process as `batch` does. So at start,
// before any thread exists, it forks this one process, single-threaded, which
// prepares what every check needs once (checklists, ICU, the sandbox's
// filter), keeps a pool of sandboxed readers of documents (facts/
// reader_pool.h), one per job, and checks the dossiers the server asks for
// exactly as `batch` does: a worker process per job (pipeline/batch.h), each
// reading its files with its job's pooled reader. A re-check then costs a
// fork of a prepared process, and no reader is forked unless the last one
// crashed, hung or retired.
//
// The server asks with one line, {"dirs": [...]}; the checking process
// answers each dossier's chunk (check_json) on a line of its own, "c CHUNK",
// then "d {"readers": N}" (the readers it has started so far), or
// "e REASON" when the batch could not run. It ends when the server closes
// its side, or with the server (killed then, as are the checks it runs).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/process.h"
#include "core/unique_fd.h"
#include "serve/server.h"

namespace dossier::serve {

// The checking process could not answer (it ended): the server checks
// without it from then on.
class CheckingLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The batch could not run in the checking process: `what()` says why.
class CheckingFailed : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CheckingProcess {
public:
    // Forks it: only from a single-threaded process (else the server forks
    // the checks itself, as before issue 22). Null when it cannot start.
    static std::unique_ptr<CheckingProcess> start(const std::filesystem::path& root, const ServeOptions& opt);

    // The chunk of each of `dirs` (check_json), in order. Throws
    // CheckingFailed when the batch could not run, CheckingLost when the
    // process is gone or `stopping` says to give up.
    std::vector<std::string> check(const std::vector<std::filesystem::path>& dirs,
                                   const std::function<bool()>& stopping);

    pid_t pid() const { return process_.pid(); }
    // The readers it has started, as it said after the last check.
    std::size_t readers_started() const { return readers_started_; }

private:
    CheckingProcess() = default;
    UniqueFd requests_;  // our end of its requests; closing it ends the process
    Process process_;    // its answers; destroying it kills it
    std::size_t readers_started_ = 0;
    std::string pending_;
};

}  // namespace dossier::serve
