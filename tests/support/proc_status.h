// A field of /proc/PID/status ("NoNewPrivs", "Seccomp"): its first word, or
// empty when the process or the field is not there.
#pragma once

#include <sys/types.h>

#include <fstream>
#include <sstream>
#include <string>

namespace dossier::testing {

inline std::string status_field(pid_t pid, const std::string& name) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(name + ":", 0) == 0) {
            std::istringstream v(line.substr(name.size() + 1));
            std::string value;
            v >> value;
            return value;
        }
    return {};
}

}  // namespace dossier::testing
