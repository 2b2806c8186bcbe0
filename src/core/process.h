// Child processes: started by fork (a function of this process, which has
// loaded every library already) or by posix_spawn (a binary, safe from a
// threaded process), under limits, answering on a pipe; read with deadlines;
// waited for; and why each one stopped. The one supervisor of the tool: the
// readers of documents (facts/pdf_isolated.h) and the checks of a batch
// (pipeline/batch.h) both run on it. Modelled on ninja's subprocess.h.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/unique_fd.h"

namespace dossier {

// Limits a child applies to itself before it runs anything else.
struct ProcessLimits {
    // Address space it may map beyond what it has when the limits apply
    // (RLIMIT_AS: that much more than is mapped then, within the inherited
    // limit); 0: none.
    std::uint64_t memory_bytes = 0;
    std::uint64_t cpu_seconds = 0;       // RLIMIT_CPU, soft (SIGXCPU); 0: none
    std::uint64_t cpu_hard_seconds = 0;  // RLIMIT_CPU, hard (SIGKILL); 0: the soft limit + 1
};

// Applies `limits` to this process, with no core dumps (a crash on a
// hostile file leaves no core dump of a client's document).
void apply_process_limits(const ProcessLimits& limits);

// The processor time this process may use from now: past it, SIGXCPU. Within
// the hard limit set by apply_process_limits.
void allow_cpu_seconds_from_now(std::uint64_t seconds);

// How a child ended, as waitpid() tells, or why it was stopped.
struct ProcessEnd {
    enum class How {
        exited,     // code: its exit status
        signalled,  // signal: the signal that ended it
        timed_out,  // past its deadline: killed
        lost,       // it could not be waited for (already reaped)
    };
    How how = How::lost;
    int code = 0;
    int signal = 0;
    bool ok() const { return how == How::exited && code == 0; }
    // Out of processor time (SIGXCPU, or SIGKILL past the hard limit).
    bool out_of_cpu() const;
};

// True when this process runs one thread: only then may it fork() and go on
// running library code in the child (another thread may hold a lock, e.g.
// malloc's, that the child would wait for forever).
bool single_threaded();

using Clock = std::chrono::steady_clock;

// One child and the read end of the pipe it answers on. Destroying it kills
// and reaps a child still running. Move-only.
class Process {
public:
    // Forks this process; the child resets the signals a crash would raise to
    // their defaults, applies `limits` and runs `body` with the pipe's write
    // end, then _exit()s with its result (3 if it throws), running no
    // destructor or atexit handler of the parent's state. Only from a
    // single-threaded process (single_threaded()).
    static Process fork(const std::function<int(int answer_fd)>& body, const ProcessLimits& limits = {});

    // Starts `argv` (argv[0] the binary) with stdin and stderr on /dev/null,
    // stdout on the pipe, in this environment plus `env` ("NAME=value", set
    // only when NAME is not set already). Safe from any thread.
    static Process spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

    // False when it could not start: error() is the errno value.
    bool started() const { return child_.pid > 0; }
    int error() const { return error_; }
    pid_t pid() const { return child_.pid; }
    int fd() const { return fd_.get(); }

    // Appends what the pipe holds now to `into` (one read). False at end of
    // file or on a read error: the child closed its end (it is exiting).
    bool read_some(std::string& into);

    // Waits for the child to exit until `deadline`, then kills it.
    ProcessEnd wait(Clock::time_point deadline);
    // Kills the child now (SIGKILL) and reaps it: timed_out.
    ProcessEnd kill();

private:
    // The child's pid, killed and reaped when it goes while the child runs.
    struct Child {
        pid_t pid = -1;
        Child() = default;
        explicit Child(pid_t p) : pid(p) {}
        ~Child();
        Child(Child&& o) noexcept : pid(std::exchange(o.pid, -1)) {}
        Child& operator=(Child&& o) noexcept;
        Child(const Child&) = delete;
        Child& operator=(const Child&) = delete;
    };
    UniqueFd fd_;  // declared first: the child is killed before its pipe closes
    Child child_;
    int error_ = 0;
};

// A child's answer, line by line, each line with its own deadline.
class LineReader {
public:
    enum class Status { line, eof, timed_out, too_long, error };
    LineReader(Process& p, std::size_t max_line) : fd_(p.fd()), max_(max_line) {}
    // The lines of any descriptor (a pooled reader's answer pipe).
    LineReader(int fd, std::size_t max_line) : fd_(fd), max_(max_line) {}
    // The next line (without its newline) in `line`, or why there is none.
    Status next(std::string& line, Clock::time_point deadline);
    // Bytes received after the last whole line.
    const std::string& pending() const { return pending_; }

private:
    int fd_;
    std::size_t max_;
    std::string pending_;
};

// Waits until one of `fds` can be read or `timeout` passes; the indexes of
// those ready (empty on timeout). EINTR is a timeout.
std::vector<std::size_t> wait_readable(const std::vector<int>& fds, std::chrono::milliseconds timeout);

// Writes all of `s` to `fd`; false on error.
bool write_all(int fd, std::string_view s);
// Sends all of `s` on a socket; false when the other side is gone (no SIGPIPE).
bool send_all(int socket, std::string_view s);

// The signals a crash raises, reset to their defaults (in a child: the
// parent's handlers, a test framework's, must not run there).
void default_crash_signals();

}  // namespace dossier
