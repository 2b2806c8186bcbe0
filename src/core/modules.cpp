#include "core/modules.h"

#include <dlfcn.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>

#include "core/data_dir.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

struct Module {
    Module(const char* f, const char* e) : file(f), env(e) {}
    const char* file;
    const char* env;
    std::atomic<void*> handle{nullptr};
    std::mutex loading;
};

Module& module(ToolModule m) {
    static Module reading{"dossier-read.so", "DOSSIER_READING_MODULE"};
    static Module serve{"dossier-serve.so", "DOSSIER_SERVE_MODULE"};
    return m == ToolModule::reading ? reading : serve;
}

void* load(Module& mod, ToolModule m) {
    if (void* h = mod.handle.load()) return h;
    std::lock_guard lock(mod.loading);
    if (void* h = mod.handle.load()) return h;
    const fs::path path = module_path(m);
    void* h = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char* why = ::dlerror();
        throw ModuleError("the tool's module " + std::string(mod.file) + " cannot be loaded (" +
                          std::string(why ? why : path.string()) + "): reinstall dossier");
    }
    mod.handle.store(h);
    return h;
}

}  // namespace

fs::path module_path(ToolModule m) {
    const Module& mod = module(m);
    if (const char* env = std::getenv(mod.env); env && *env) return env;
    const fs::path bin = executable_dir();
    std::error_code ec;
    if (fs::path here = bin / mod.file; fs::is_regular_file(here, ec)) return here;
    return (bin / "../lib/dossier" / mod.file).lexically_normal();
}

void* module_symbol(ToolModule m, const char* name) {
    Module& mod = module(m);
    void* h = load(mod, m);
    ::dlerror();
    void* f = ::dlsym(h, name);
    if (!f)
        throw ModuleError("the tool's module " + std::string(mod.file) + " lacks " + std::string(name) +
                          ": it does not match this program; reinstall dossier");
    return f;
}

bool module_loaded(ToolModule m) { return module(m).handle.load() != nullptr; }

}  // namespace dossier
