// Running a command in tests and capturing its standard output.
#pragma once

#include <stdio.h>
#include <sys/wait.h>

#include <string>

namespace dossier::testing {

inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct RunResult {
    int status = -1;  // exit code, or -1 when it did not exit normally
    std::string out;
};

inline RunResult run_capture(const std::string& command) {
    RunResult r;
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return r;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

inline bool have_program(const std::string& name) {
    return run_capture("command -v " + name + " >/dev/null 2>&1 && echo yes").out == "yes\n";
}

}  // namespace dossier::testing
