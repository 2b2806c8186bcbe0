// The tool's two modules, built apart and loaded by the process that first
// needs them, so that starting the program loads neither:
// - the reading module, dossier-read.so: the code that needs qpdf, poppler,
//   tesseract, Leptonica, PoDoFo, CLD2, FreeType and libpng (PDF structure,
//   text layers, OCR, language, machine-readable zones, the upload set's
//   PDFs, previews), loaded by a reader (in its sandbox) with its first
//   document not in the read cache, or by `pack`;
// - the serve module, dossier-serve.so: `dossier serve` (cpp-httplib and
//   OpenSSL's TLS, which initialises itself when loaded).
// Those libraries and the ~60 they pull in (GnuTLS, NSS, libcurl, ...) were
// three quarters of starting the program: a check answered from the read
// cache, `--version` or `--help` loads none of them.
//
// Each entry is an extern "C" function of a module, declared weak
// (DOSSIER_MODULE_ENTRY) beside the wrapper that calls it: a program that
// links the module's objects itself (the tests, the tools) calls it
// directly; the `dossier` program finds it in the module, which resolves what
// it calls of the rest of the tool in the program (ENABLE_EXPORTS).
#pragma once

#include <filesystem>
#include <stdexcept>

// Declares an entry of a module: weak, so that a program without the
// module's objects links (its address is then null).
#define DOSSIER_MODULE_ENTRY extern "C" __attribute__((weak))
#define DOSSIER_READING_ENTRY DOSSIER_MODULE_ENTRY

namespace dossier {

enum class ToolModule { reading, serve };

// The module's file: DOSSIER_READING_MODULE (DOSSIER_SERVE_MODULE), else
// dossier-read.so (dossier-serve.so) beside the program (the build tree),
// else <program>/../lib/dossier/ (installed).
std::filesystem::path module_path(ToolModule m);
inline std::filesystem::path reading_module_path() { return module_path(ToolModule::reading); }

// A module could not be loaded or lacks an entry (an incomplete
// installation): what the system said.
class ModuleError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The address of the module's `name`, loading the module on the first call
// (thread-safe). Throws ModuleError.
void* module_symbol(ToolModule m, const char* name);

// Whether this process has loaded the module.
bool module_loaded(ToolModule m);

// `linked` when this program holds the module's objects, else `name` from the module.
template <class F>
F* module_entry(F* linked, ToolModule m, const char* name) {
    return linked ? linked : reinterpret_cast<F*>(module_symbol(m, name));
}
template <class F>
F* reading_entry(F* linked, const char* name) {
    return module_entry(linked, ToolModule::reading, name);
}

}  // namespace dossier
