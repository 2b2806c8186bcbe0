#include "facts/reader_sandbox.h"

#include <cstdlib>

#include "core/data_dir.h"
#include "core/modules.h"
#include "facts/read_cache.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {
std::function<void(const fs::path&)>& test_hook() {
    static std::function<void(const fs::path&)> hook;
    return hook;
}

fs::path user_cache() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return x;
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache";
    return {};
}
}  // namespace

SandboxPolicy reader_policy(const std::vector<fs::path>& files, const ReadOptions* read, int answer_fd) {
    SandboxPolicy p;
    p.read_files = files;
    // The C library's, ICU's and the dynamic loader's own reading (a library
    // loaded late, the time zone), and the processors' count (OpenMP).
    p.read_files.insert(p.read_files.end(), {"/dev/null", "/dev/urandom", "/etc/localtime"});
    // The reading module (qpdf, poppler, tesseract...), loaded on the first
    // document not in the cache (core/modules.h), and the dynamic
    // loader's index of libraries.
    p.read_files.insert(p.read_files.end(), {reading_module_path(), "/etc/ld.so.cache"});
    p.read_trees = {
        "/usr/lib", "/lib", "/usr/lib64", "/lib64", "/usr/share/zoneinfo", "/sys/devices/system/cpu"};
    if (read) {
        // OCR's language data, and the fonts poppler renders pages with:
        // fontconfig's configuration and caches, poppler's tables; OCR-B for
        // the machine-readable zone.
        p.read_trees.insert(
            p.read_trees.end(),
            {tessdata_dir(), "/usr/share/tesseract-ocr", "/usr/share/fonts", "/usr/local/share/fonts",
             "/usr/share/fonts/opentype/ocr-b", "/etc/fonts", "/var/cache/fontconfig", "/usr/share/poppler"});
        if (auto home = user_cache(); !home.empty()) p.read_trees.push_back(home / "fontconfig");
        // The vocabularies (data/date-labels, data/document-keywords).
        p.read_trees.push_back(read->checklists.empty() ? default_checklist_dir() : read->checklists);
        // The read cache, looked up only: the parent stores what was read.
        const fs::path cache = read->cache.empty() ? default_cache_dir() : read->cache;
        if (!cache.empty()) p.read_trees.push_back(cache);
    }
    p.keep_fds = {answer_fd};
    return p;
}

SandboxReport enter_reader_sandbox(const std::vector<fs::path>& files, const ReadOptions* read,
                                   int answer_fd) {
    return enter_sandbox(reader_policy(files, read, answer_fd));
}

Text sandbox_status(const SandboxSupport& s) {
    if (s.complete())
        return msg("the documents' readers run in a sandbox: seccomp and Landlock (ABI {abi})",
                   {{"abi", (long long)s.landlock_abi}});
    if (s.seccomp)
        return msg("the documents' readers run in a sandbox: seccomp only (this kernel lacks Landlock)");
    if (s.landlock_abi > 0)
        return msg(
            "the documents' readers run in a sandbox: Landlock (ABI {abi}) only (this kernel lacks seccomp)",
            {{"abi", (long long)s.landlock_abi}});
    return msg(
        "the documents' readers run without a sandbox (this kernel lacks seccomp and Landlock), with their "
        "memory and time limits only");
}

std::optional<Text> sandbox_notice(const SandboxSupport& s) {
    if (s.complete()) return std::nullopt;
    return sandbox_status(s);
}

void set_reader_test_hook(std::function<void(const fs::path&)> hook) { test_hook() = std::move(hook); }

void run_reader_test_hook(const fs::path& file) {
    if (test_hook()) test_hook()(file);
}

}  // namespace dossier
