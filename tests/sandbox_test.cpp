// core/sandbox.h: once in the sandbox, a process reads only what it was
// given, and a network socket, a program run or a new process kill it.
#include "core/sandbox.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "core/process.h"
#include "support/proc_status.h"
#include "support/temp_dir.h"

using namespace dossier;
using dossier::testing::status_field;
using namespace std::chrono_literals;

namespace {

// Runs `body` in a forked child inside a sandbox that may read `allowed`.
ProcessEnd sandboxed(const std::filesystem::path& allowed, const std::function<int()>& body,
                     std::string* answer = nullptr) {
    Process p = Process::fork([&](int fd) {
        SandboxPolicy policy;
        policy.read_files = {allowed};
        policy.keep_fds = {fd};
        enter_sandbox(policy);
        const int code = body();
        write_all(fd, "done\n");
        return code;
    });
    std::string out;
    while (p.read_some(out)) {
    }
    if (answer) *answer = out;
    return p.wait(Clock::now() + 20s);
}

}  // namespace

TEST_CASE("sandbox: what this kernel offers") {
    const SandboxSupport s = sandbox_support();
    MESSAGE("Landlock ABI " << s.landlock_abi << ", seccomp " << std::string(s.seccomp ? "yes" : "no"));
    // The machines this project runs on have both (Debian 12's kernel: Landlock ABI 2 or more).
    CHECK(s.seccomp);
    CHECK(s.landlock_abi >= 1);
}

TEST_CASE("sandbox: /proc/PID/status shows no new privileges and a seccomp filter") {
    test::TempDir t;
    const auto allowed = t.write("allowed.txt", "x");
    Process p = Process::fork([&](int fd) {
        SandboxPolicy policy;
        policy.read_files = {allowed};
        policy.keep_fds = {fd};
        const SandboxReport r = enter_sandbox(policy);
        write_all(fd, r.seccomp && r.no_new_privs ? "in\n" : "out\n");
        ::sleep(30);
        return 0;
    });
    LineReader lines(p, 100);
    std::string line;
    REQUIRE(lines.next(line, Clock::now() + 10s) == LineReader::Status::line);
    CHECK(line == "in");
    CHECK(status_field(p.pid(), "NoNewPrivs") == "1");
    CHECK(status_field(p.pid(), "Seccomp") == "2");
    p.kill();
}

TEST_CASE("sandbox: a socket, a program run or a new process kills the process (SIGSYS)") {
    test::TempDir t;
    const auto allowed = t.write("allowed.txt", "x");
    SUBCASE("socket") {
        ProcessEnd end = sandboxed(allowed, [] { return ::socket(AF_INET, SOCK_STREAM, 0) >= 0 ? 0 : 1; });
        CHECK(end.how == ProcessEnd::How::signalled);
        CHECK(end.signal == SIGSYS);
    }
    SUBCASE("execve") {
        ProcessEnd end = sandboxed(allowed, [] {
            char* argv[] = {const_cast<char*>("/bin/true"), nullptr};
            ::execve("/bin/true", argv, environ);
            return 1;
        });
        CHECK(end.how == ProcessEnd::How::signalled);
        CHECK(end.signal == SIGSYS);
    }
    SUBCASE("fork") {
        ProcessEnd end = sandboxed(allowed, [] {
            const pid_t pid = ::fork();
            if (pid == 0) ::_exit(0);
            return pid > 0 ? 0 : 1;
        });
        CHECK(end.how == ProcessEnd::How::signalled);
        CHECK(end.signal == SIGSYS);
    }
}

TEST_CASE("sandbox: files are read only where allowed, written nowhere; threads still run") {
    test::TempDir t;
    const auto allowed = t.write("allowed.txt", "x");
    const auto other = t.write("other.txt", "y");
    SUBCASE("the allowed file reads") {
        CHECK(sandboxed(allowed, [&] { return ::open(allowed.c_str(), O_RDONLY) >= 0 ? 0 : errno; }).ok());
    }
    SUBCASE("another file does not (Landlock)") {
        if (sandbox_support().landlock_abi == 0) return;
        ProcessEnd end = sandboxed(allowed, [&] { return ::open(other.c_str(), O_RDONLY) >= 0 ? 0 : errno; });
        CHECK(end.how == ProcessEnd::How::exited);
        CHECK(end.code == EACCES);
    }
    SUBCASE("writing is refused, even the allowed file, and nothing is created") {
        const auto created = t.path() / "created.txt";
        ProcessEnd end = sandboxed(allowed, [&] {
            if (::open(allowed.c_str(), O_WRONLY) >= 0) return 0;
            const int fd = ::open(created.c_str(), O_WRONLY | O_CREAT, 0600);
            return fd >= 0 ? 0 : errno;
        });
        CHECK(end.how == ProcessEnd::How::exited);
        CHECK(end.code == EACCES);
        CHECK_FALSE(std::filesystem::exists(created));
        CHECK(std::filesystem::file_size(allowed) == 1);
    }
    SUBCASE("a thread") {
        std::string answer;
        ProcessEnd end = sandboxed(
            allowed,
            [] {
                int v = 0;
                std::thread th([&] { v = 1; });
                th.join();
                return v == 1 ? 0 : 1;
            },
            &answer);
        CHECK(end.ok());
        CHECK(answer == "done\n");
    }
}
