#include "core/sandbox.h"

#include <fcntl.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <memory>
#include <vector>

namespace dossier {

namespace {

// ---- Landlock ---------------------------------------------------------
// Debian 12's headers stop at ABI 2: the later rights are spelt here, as
// the kernel's uapi defines them.
constexpr std::uint64_t kFsTruncate = 1ULL << 14;        // ABI 3
constexpr std::uint64_t kFsIoctlDev = 1ULL << 15;        // ABI 5
constexpr std::uint64_t kNetBindTcp = 1ULL << 0;         // ABI 4
constexpr std::uint64_t kNetConnectTcp = 1ULL << 1;      // ABI 4
constexpr std::uint64_t kScopeAbstractUnix = 1ULL << 0;  // ABI 6
constexpr std::uint64_t kScopeSignal = 1ULL << 1;        // ABI 6

// struct landlock_ruleset_attr as of ABI 6; its size tells the kernel which fields are set.
struct RulesetAttr {
    std::uint64_t handled_access_fs = 0;
    std::uint64_t handled_access_net = 0;
    std::uint64_t scoped = 0;
};

int landlock_abi() {
    const long v = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return v > 0 ? int(v) : 0;
}

class FdGuard {
public:
    explicit FdGuard(int fd) : fd_(fd) {}
    ~FdGuard() {
        if (fd_ >= 0) ::close(fd_);
    }
    FdGuard(const FdGuard&) = delete;
    FdGuard& operator=(const FdGuard&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

// Every right Landlock knows at `abi` over files: all handled, so that only
// the rules' reading is allowed.
std::uint64_t fs_rights(int abi) {
    std::uint64_t r =
        LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |
        LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
        LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
        LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
        LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2) r |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) r |= kFsTruncate;
    if (abi >= 5) r |= kFsIoctlDev;
    return r;
}

bool add_read_rule(int ruleset, const std::filesystem::path& path, bool tree) {
    FdGuard fd(::open(path.c_str(), O_PATH | O_CLOEXEC));
    if (fd.get() < 0) return false;  // a path that does not exist needs no rule
    struct landlock_path_beneath_attr rule {};
    rule.allowed_access = LANDLOCK_ACCESS_FS_READ_FILE | (tree ? LANDLOCK_ACCESS_FS_READ_DIR : 0);
    rule.parent_fd = fd.get();
    if (::syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) == 0) return true;
    // A file given as a tree: only READ_FILE applies to it.
    rule.allowed_access = LANDLOCK_ACCESS_FS_READ_FILE;
    return ::syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) == 0;
}

// The ABI applied, or 0.
int apply_landlock(const SandboxPolicy& policy) {
    const int abi = landlock_abi();
    if (abi <= 0) return 0;
    RulesetAttr attr;
    attr.handled_access_fs = fs_rights(abi);
    std::size_t size = sizeof(std::uint64_t);
    if (abi >= 4) {
        attr.handled_access_net = kNetBindTcp | kNetConnectTcp;
        size = 2 * sizeof(std::uint64_t);
    }
    if (abi >= 6) {
        attr.scoped = kScopeAbstractUnix | kScopeSignal;
        size = sizeof attr;
    }
    FdGuard ruleset(int(::syscall(SYS_landlock_create_ruleset, &attr, size, 0)));
    if (ruleset.get() < 0) return 0;
    for (const auto& p : policy.read_trees) add_read_rule(ruleset.get(), p, true);
    for (const auto& p : policy.read_files) add_read_rule(ruleset.get(), p, false);
    if (::syscall(SYS_landlock_restrict_self, ruleset.get(), 0) != 0) return 0;
    return abi;
}

// ---- seccomp ----------------------------------------------------------
struct FilterDeleter {
    void operator()(void* ctx) const { seccomp_release(ctx); }
};
using Filter = std::unique_ptr<void, FilterDeleter>;

// What reading a file needs: memory, files opened read-only, time, threads
// (tesseract's), signals to itself, and the pipe it answers on.
constexpr int kAllowed[] = {
    SCMP_SYS(read),
    SCMP_SYS(readv),
    SCMP_SYS(recvmsg),  // a pooled reader is handed its documents open (core/fd_passing.h)
    SCMP_SYS(pread64),
    SCMP_SYS(preadv),
    SCMP_SYS(preadv2),
    SCMP_SYS(write),
    SCMP_SYS(writev),
    SCMP_SYS(close),
    SCMP_SYS(fstat),
    SCMP_SYS(newfstatat),
    SCMP_SYS(statx),
    SCMP_SYS(stat),
    SCMP_SYS(lstat),
    SCMP_SYS(lseek),
    SCMP_SYS(mmap),
    SCMP_SYS(munmap),
    SCMP_SYS(mprotect),
    SCMP_SYS(mremap),
    SCMP_SYS(madvise),
    SCMP_SYS(brk),
    SCMP_SYS(mincore),
    SCMP_SYS(fadvise64),
    SCMP_SYS(getdents64),
    SCMP_SYS(getdents),
    SCMP_SYS(fcntl),
    SCMP_SYS(access),
    SCMP_SYS(faccessat),
    SCMP_SYS(faccessat2),
    SCMP_SYS(readlink),
    SCMP_SYS(readlinkat),
    SCMP_SYS(getcwd),
    SCMP_SYS(futex),
    SCMP_SYS(set_robust_list),
    SCMP_SYS(get_robust_list),
    SCMP_SYS(rseq),
    SCMP_SYS(set_tid_address),
    SCMP_SYS(exit),
    SCMP_SYS(exit_group),
    SCMP_SYS(rt_sigaction),
    SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(rt_sigreturn),
    SCMP_SYS(sigaltstack),
    SCMP_SYS(getpid),
    SCMP_SYS(gettid),
    SCMP_SYS(getppid),
    SCMP_SYS(getuid),
    SCMP_SYS(geteuid),
    SCMP_SYS(getgid),
    SCMP_SYS(getegid),
    SCMP_SYS(getresuid),
    SCMP_SYS(getresgid),
    SCMP_SYS(clock_gettime),
    SCMP_SYS(clock_getres),
    SCMP_SYS(gettimeofday),
    SCMP_SYS(time),
    SCMP_SYS(nanosleep),
    SCMP_SYS(clock_nanosleep),
    SCMP_SYS(getrusage),
    SCMP_SYS(getrlimit),
    SCMP_SYS(setrlimit),
    SCMP_SYS(sched_getaffinity),
    SCMP_SYS(sched_setaffinity),
    SCMP_SYS(sched_yield),
    SCMP_SYS(sched_getparam),
    SCMP_SYS(sched_getscheduler),
    SCMP_SYS(sysinfo),
    SCMP_SYS(uname),
    SCMP_SYS(poll),
    SCMP_SYS(ppoll),
    SCMP_SYS(select),
    SCMP_SYS(pselect6),
    SCMP_SYS(getrandom),
    SCMP_SYS(membarrier),
    SCMP_SYS(restart_syscall),
    SCMP_SYS(getpriority),
    SCMP_SYS(times),
};

// What no reader may do: the reader is killed on the spot (SIGSYS), which its
// parent reports as an attempt its sandbox stopped.
constexpr int kForbidden[] = {
    SCMP_SYS(socket),
    SCMP_SYS(socketpair),
    SCMP_SYS(connect),
    SCMP_SYS(bind),
    SCMP_SYS(listen),
    SCMP_SYS(accept),
    SCMP_SYS(accept4),
    SCMP_SYS(sendto),
    SCMP_SYS(sendmsg),
    SCMP_SYS(sendmmsg),
    SCMP_SYS(execve),
    SCMP_SYS(execveat),
    SCMP_SYS(ptrace),
    SCMP_SYS(process_vm_readv),
    SCMP_SYS(process_vm_writev),
    SCMP_SYS(fork),
    SCMP_SYS(vfork),
    SCMP_SYS(setuid),
    SCMP_SYS(setgid),
    SCMP_SYS(setreuid),
    SCMP_SYS(setregid),
    SCMP_SYS(setresuid),
    SCMP_SYS(setresgid),
    SCMP_SYS(setgroups),
    SCMP_SYS(mount),
    SCMP_SYS(umount2),
    SCMP_SYS(chroot),
    SCMP_SYS(pivot_root),
    SCMP_SYS(unshare),
    SCMP_SYS(setns),
    SCMP_SYS(bpf),
    SCMP_SYS(perf_event_open),
    SCMP_SYS(keyctl),
    SCMP_SYS(add_key),
    SCMP_SYS(request_key),
    SCMP_SYS(init_module),
    SCMP_SYS(finit_module),
    SCMP_SYS(delete_module),
    SCMP_SYS(kexec_load),
    SCMP_SYS(reboot),
    SCMP_SYS(io_uring_setup),
    SCMP_SYS(userfaultfd),
    SCMP_SYS(open_by_handle_at),
    SCMP_SYS(personality),
    SCMP_SYS(creat),
    SCMP_SYS(pidfd_open),
    SCMP_SYS(pidfd_getfd),
};

// The filter as a BPF program: built once per process by libseccomp, then
// loaded by each sandboxed child with one prctl (a forked child inherits it
// built, and runs no libseccomp code: no symbol to bind, no rule database).
std::vector<sock_filter> build_filter() {
    Filter ctx(seccomp_init(SCMP_ACT_ERRNO(EPERM)));
    if (!ctx) return {};
    void* c = ctx.get();
    int bad = 0;
    for (int call : kAllowed)
        if (call >= 0) bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, call, 0) != 0;
    for (int call : kForbidden)
        if (call >= 0) bad += seccomp_rule_add(c, SCMP_ACT_KILL_PROCESS, call, 0) != 0;
    // Files are opened for reading only: a writing open fails as Landlock
    // would fail it (EACCES), for the libraries that try (a font cache).
    // (O_TMPFILE without O_DIRECTORY, which reading a folder sets.)
    constexpr std::uint64_t kWriting =
        O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND | (O_TMPFILE & ~O_DIRECTORY);
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(openat), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, kWriting, 0));
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(open), 1, SCMP_A1(SCMP_CMP_MASKED_EQ, kWriting, 0));
    for (std::uint64_t flag : {std::uint64_t(O_WRONLY), std::uint64_t(O_RDWR), std::uint64_t(O_CREAT),
                               std::uint64_t(O_TRUNC), std::uint64_t(O_APPEND)}) {
        bad += seccomp_rule_add(c, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                                SCMP_A2(SCMP_CMP_MASKED_EQ, flag, flag));
        bad += seccomp_rule_add(c, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 1,
                                SCMP_A1(SCMP_CMP_MASKED_EQ, flag, flag));
    }
    // openat2 hides its flags in a structure: said not to exist, so that the C library opens with openat.
    bad += seccomp_rule_add(c, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(openat2), 0);
    // Threads only: a clone without CLONE_THREAD is a new process. clone3
    // hides its flags in a structure: said not to exist, so the C library uses clone.
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
                            SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD));
    bad += seccomp_rule_add(c, SCMP_ACT_KILL_PROCESS, SCMP_SYS(clone), 1,
                            SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
    bad += seccomp_rule_add(c, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    // Signals to its own threads (abort, a thread's): tgkill, not kill. The
    // program is shared by every reader, so it cannot name a reader's pid:
    // Landlock (ABI 6 on) keeps the signals within the process.
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 0);
    // Limits on itself only.
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 1, SCMP_A0(SCMP_CMP_EQ, 0));
    // isatty() only among the ioctls.
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1, SCMP_A1(SCMP_CMP_EQ, TCGETS));
    // A thread's name (OpenMP names its threads).
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_NAME));
    bad += seccomp_rule_add(c, SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_GET_NAME));
    (void)bad;  // a rule this kernel or architecture lacks is left out; the default refuses
    // The program, through a pipe (libseccomp 2.5 exports to a descriptor only).
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return {};
    FdGuard rd(fds[0]), wr(fds[1]);
    if (seccomp_export_bpf(c, wr.get()) != 0) return {};
    std::vector<sock_filter> prog(4096);
    const ssize_t n = ::read(rd.get(), prog.data(), prog.size() * sizeof(sock_filter));
    if (n <= 0 || n % ssize_t(sizeof(sock_filter)) != 0) return {};
    prog.resize(std::size_t(n) / sizeof(sock_filter));
    return prog;
}

const std::vector<sock_filter>& filter() {
    static const std::vector<sock_filter> prog = build_filter();
    return prog;
}

bool apply_seccomp() {
    const auto& prog = filter();
    if (prog.empty()) return false;
    sock_fprog fprog{static_cast<unsigned short>(prog.size()), const_cast<sock_filter*>(prog.data())};
    return ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0) == 0;
}

void close_other_fds(const std::vector<int>& keep) {
    std::vector<int> k = keep;
    std::sort(k.begin(), k.end());
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    for (int fd = 0; fd <= 2; ++fd)
        if (!std::binary_search(k.begin(), k.end(), fd) && null >= 0) ::dup2(null, fd);
    unsigned first = 3;
    for (int fd : k) {
        if (fd < 3) continue;
        if (unsigned(fd) > first) ::syscall(SYS_close_range, first, unsigned(fd) - 1, 0);
        first = unsigned(fd) + 1;
    }
    ::syscall(SYS_close_range, first, ~0U, 0);
}

}  // namespace

SandboxReport enter_sandbox(const SandboxPolicy& policy) {
    SandboxReport r;
    close_other_fds(policy.keep_fds);
    r.no_new_privs = ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0;
    if (!r.no_new_privs) return r;  // neither Landlock nor an unprivileged filter without it
    r.landlock_abi = apply_landlock(policy);
    r.seccomp = apply_seccomp();
    return r;
}

void prepare_sandbox() { filter(); }

SandboxSupport sandbox_support() {
    SandboxSupport s;
    s.landlock_abi = landlock_abi();
    // PR_GET_SECCOMP fails with EINVAL on a kernel built without seccomp;
    // SECCOMP_GET_ACTION_AVAIL tells whether filters with KILL_PROCESS load.
    s.seccomp = ::prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0 && seccomp_api_get() >= 3;
    return s;
}

}  // namespace dossier
