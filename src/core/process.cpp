#include "core/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

extern char** environ;

namespace dossier {

namespace {

// The address space this process has mapped (/proc/self/statm's first
// field), in bytes; 0 when it cannot tell. No allocation: a child just
// forked from a multithreaded process may not take the allocator's locks.
std::uint64_t mapped_bytes() {
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buf[64];
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0) return 0;
    buf[n] = '\0';
    const long page = ::sysconf(_SC_PAGESIZE);
    return std::strtoull(buf, nullptr, 10) * std::uint64_t(page > 0 ? page : 4096);
}

}  // namespace

void apply_process_limits(const ProcessLimits& limits) {
    if (limits.memory_bytes) {
        // Past it, allocation fails (bad_alloc): the child says why. Counted
        // from what is mapped now: a forked child inherits its parent's
        // address space (libraries, heap arenas, thread stacks), which it
        // neither chose nor uses, and which would otherwise eat its room.
        struct rlimit as {};
        ::getrlimit(RLIMIT_AS, &as);
        const rlim_t want = rlim_t(mapped_bytes() + limits.memory_bytes);
        as.rlim_cur = as.rlim_max = as.rlim_max == RLIM_INFINITY ? want : std::min(want, as.rlim_max);
        ::setrlimit(RLIMIT_AS, &as);
    }
    if (limits.cpu_seconds) {
        const std::uint64_t hard = limits.cpu_hard_seconds ? limits.cpu_hard_seconds : limits.cpu_seconds + 1;
        struct rlimit cpu {
            rlim_t(limits.cpu_seconds), rlim_t(std::max(hard, limits.cpu_seconds))
        };
        ::setrlimit(RLIMIT_CPU, &cpu);
    }
    struct rlimit core {
        0, 0
    };
    ::setrlimit(RLIMIT_CORE, &core);
}

void allow_cpu_seconds_from_now(std::uint64_t seconds) {
    struct rusage ru {};
    ::getrusage(RUSAGE_SELF, &ru);
    const rlim_t used = rlim_t(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1);
    struct rlimit cpu {};
    ::getrlimit(RLIMIT_CPU, &cpu);
    cpu.rlim_cur = std::min(cpu.rlim_max, used + rlim_t(seconds));
    ::setrlimit(RLIMIT_CPU, &cpu);
}

bool ProcessEnd::out_of_cpu() const {
    return how == How::signalled && (signal == SIGXCPU || signal == SIGKILL);
}

bool single_threaded() {
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Field 20 (num_threads) counts from after the command name's closing parenthesis.
    auto close = stat.rfind(')');
    if (close == std::string::npos) return false;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 20 && (fields >> field); ++i) {
    }
    return field == "1";
}

void default_crash_signals() {
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGINT, SIGTERM, SIGPIPE, SIGXCPU, SIGSYS})
        ::signal(sig, SIG_DFL);
}

bool write_all(int fd, std::string_view s) {
    while (!s.empty()) {
        const ssize_t n = ::write(fd, s.data(), s.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        s.remove_prefix(size_t(n));
    }
    return true;
}

bool send_all(int socket, std::string_view s) {
    while (!s.empty()) {
        const ssize_t n = ::send(socket, s.data(), s.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        s.remove_prefix(std::size_t(n));
    }
    return true;
}

Process Process::fork(const std::function<int(int)>& body, const ProcessLimits& limits) {
    Process p;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        p.error_ = errno;
        return p;
    }
    std::fflush(nullptr);  // nothing buffered is written twice
    const pid_t pid = ::fork();
    if (pid < 0) {
        p.error_ = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return p;
    }
    if (pid == 0) {
        ::close(fds[0]);
        default_crash_signals();
        apply_process_limits(limits);
        int code = 3;
        try {
            code = body(fds[1]);
        } catch (...) {
        }
        ::_exit(code);  // no destructors, no atexit, no stdio flush: the parent's state is not ours
    }
    ::close(fds[1]);
    p.child_ = Child(pid);
    p.fd_.reset(fds[0]);
    return p;
}

Process Process::spawn(const std::vector<std::string>& args, const std::vector<std::string>& extra_env) {
    Process p;
    if (args.empty()) {
        p.error_ = EINVAL;
        return p;
    }
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        p.error_ = errno;
        return p;
    }
    std::vector<std::string> argv_store = args;
    std::vector<char*> argv;
    for (auto& a : argv_store) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_store;
    for (const auto& e : extra_env) {
        const auto eq = e.find('=');
        if (eq != std::string::npos && !std::getenv(e.substr(0, eq).c_str())) env_store.push_back(e);
    }
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    for (auto& e : env_store) env.push_back(e.data());
    env.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int err = ::posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), env.data());
    posix_spawn_file_actions_destroy(&fa);
    ::close(fds[1]);
    if (err != 0) {
        ::close(fds[0]);
        p.error_ = err;
        return p;
    }
    p.child_ = Child(pid);
    p.fd_.reset(fds[0]);
    return p;
}

namespace {
void kill_and_reap(pid_t pid) {
    ::kill(pid, SIGKILL);
    int status;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
}
}  // namespace

Process::Child::~Child() {
    if (pid > 0) kill_and_reap(pid);
}

Process::Child& Process::Child::operator=(Child&& o) noexcept {
    if (this != &o) {
        if (pid > 0) kill_and_reap(pid);
        pid = std::exchange(o.pid, -1);
    }
    return *this;
}

bool Process::read_some(std::string& into) {
    if (!fd_) return false;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd_.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        into.append(buf, size_t(n));
        return true;
    }
}

namespace {
ProcessEnd end_of(int status) {
    ProcessEnd e;
    if (WIFSIGNALED(status)) {
        e.how = ProcessEnd::How::signalled;
        e.signal = WTERMSIG(status);
    } else if (WIFEXITED(status)) {
        e.how = ProcessEnd::How::exited;
        e.code = WEXITSTATUS(status);
    }
    return e;
}
}  // namespace

ProcessEnd Process::wait(Clock::time_point deadline) {
    if (child_.pid <= 0) return {};
    int pause = 20;  // microseconds: after EOF the child is exiting; look again soon, then less often
    for (;;) {
        int status = 0;
        const pid_t r = ::waitpid(child_.pid, &status, WNOHANG);
        if (r == child_.pid) {
            child_.pid = -1;
            fd_.reset();
            return end_of(status);
        }
        if (r < 0 && errno != EINTR) {
            child_.pid = -1;
            fd_.reset();
            return {};
        }
        if (Clock::now() >= deadline) return kill();
        std::this_thread::sleep_for(std::chrono::microseconds(pause));
        pause = std::min(pause * 2, 1000);
    }
}

ProcessEnd Process::kill() {
    ProcessEnd e;
    e.how = ProcessEnd::How::timed_out;
    if (child_.pid > 0) kill_and_reap(std::exchange(child_.pid, -1));
    fd_.reset();
    return e;
}

LineReader::Status LineReader::next(std::string& line, Clock::time_point deadline) {
    for (;;) {
        if (auto nl = pending_.find('\n'); nl != std::string::npos) {
            line.assign(pending_, 0, nl);
            pending_.erase(0, nl + 1);
            return Status::line;
        }
        if (pending_.size() > max_) return Status::too_long;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return Status::timed_out;
        struct pollfd pfd {
            fd_, POLLIN, 0
        };
        const int r = ::poll(&pfd, 1, int(std::min<long long>(left.count(), 1000)));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return Status::error;
        if (r == 0) continue;
        char buf[1 << 16];
        const ssize_t n = fd_ < 0 ? 0 : ::read(fd_, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Status::eof;
        pending_.append(buf, size_t(n));
    }
}

std::vector<std::size_t> wait_readable(const std::vector<int>& fds, std::chrono::milliseconds timeout) {
    std::vector<pollfd> p;
    for (int fd : fds) p.push_back(pollfd{fd, POLLIN, 0});
    std::vector<std::size_t> ready;
    const int n = ::poll(p.data(), p.size(), int(std::max<long long>(0, timeout.count())));
    if (n <= 0) return ready;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i].revents & (POLLIN | POLLHUP | POLLERR)) ready.push_back(i);
    return ready;
}

}  // namespace dossier
