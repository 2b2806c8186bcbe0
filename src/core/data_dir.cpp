#include "core/data_dir.h"

#include <cstdlib>
#include <initializer_list>
#include <string>

namespace dossier {

namespace fs = std::filesystem;

fs::path executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path();
}

namespace {
fs::path first_existing(const char* env, std::initializer_list<fs::path> candidates) {
    if (env) {
        if (const char* v = std::getenv(env); v && *v) return v;
    }
    std::error_code ec;
    for (const auto& c : candidates) {
        if (c.empty()) continue;
        if (fs::is_directory(c, ec)) return fs::canonical(c, ec);
    }
    return candidates.size() ? *candidates.begin() : fs::path();
}
}  // namespace

fs::path data_dir(std::string_view name, const char* env) {
    const fs::path bin = executable_dir();
    if (bin.empty()) return first_existing(env, {});
    // <bin>/../<name>: the build tree's programs one folder down (tests/, tools/).
    return first_existing(env, {(bin / "../share/dossier" / name).lexically_normal(), bin / name,
                                (bin / ".." / name).lexically_normal()});
}

fs::path default_checklist_dir() { return data_dir("checklists", "DOSSIER_CHECKLISTS"); }

}  // namespace dossier
