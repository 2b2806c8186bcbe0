// A sandbox for a process that parses what strangers made (issue 22): once
// entered, for good, it can read only the files and folders it was given,
// write nowhere but the descriptors it keeps, and make only the system calls
// that reading needs.
//
//   - PR_SET_NO_NEW_PRIVS: no set-user-id program can give it rights back;
//   - Landlock (kernel 5.13 on): reading only beneath the paths given,
//     nothing written, created, removed or run; on ABI 4 on no TCP, on ABI 6
//     on no signal to other processes and no abstract socket;
//   - seccomp-bpf (libseccomp): an allow-list of system calls. Calls no
//     reader has any business making (network sockets, running a program,
//     ptrace, a new process, namespaces, modules, keys) kill the process at
//     once (SIGSYS); opening a file for writing fails with EACCES; any other
//     call not on the list fails with EPERM.
// Where the kernel lacks one of them, the rest still apply: SandboxReport
// says what was.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dossier {

struct SandboxPolicy {
    std::vector<std::filesystem::path> read_files;  // files it may read
    std::vector<std::filesystem::path> read_trees;  // folders it may read, with everything below them
    // Descriptors it keeps (its answer pipe); every other descriptor from 3 up
    // is closed, and 0, 1 and 2 are put on /dev/null unless kept.
    std::vector<int> keep_fds;
};

struct SandboxReport {
    bool no_new_privs = false;
    int landlock_abi = 0;  // 0: not applied
    bool seccomp = false;
};

// Confines this process as `policy` says. Never throws; what could not be
// applied is left out of the report.
SandboxReport enter_sandbox(const SandboxPolicy& policy);

// Builds what enter_sandbox loads (the seccomp program), once per process:
// a process that forks sandboxed children calls it first, so that each child
// inherits it built.
void prepare_sandbox();

// What this kernel offers, asked without entering anything: the Landlock ABI
// (0: none) and whether seccomp filters can be loaded.
struct SandboxSupport {
    int landlock_abi = 0;
    bool seccomp = false;
    bool complete() const { return landlock_abi > 0 && seccomp; }
};
SandboxSupport sandbox_support();

}  // namespace dossier
