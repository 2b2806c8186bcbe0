// `dossier serve`: the lawyer's desk. A local web page over one dossier or a
// folder of dossiers, re-checked whenever a file changes (inotify), updated in
// the open pages through Server-Sent Events, each document beside a preview of
// its first page, with a button that downloads the package.
//
// Its parts: desk.h (what is known of each dossier), watcher.h (inotify),
// checker.h (the isolated checks and previews; checking.h, the process that
// forks the checks), pages.h and index_rows.h (the HTML), routes.h (the guard
// and the routes; events.h, download.h), lobby.h and http_server.h
// (connections that wait without a thread), app.js (the pages' script,
// embedded at build time).
//
// The server (cpp-httplib) listens on 127.0.0.1 and ::1 only and answers only
// requests that carry its secret token (see serve/guard.h). It never reads a
// document itself: every check, every preview and every package is made in a
// child process by the batch's isolation (pipeline/batch.h), so a dossier that
// crashes the check costs that check only. The checks are forked by the
// checking process (checking.h), forked at start before any thread, which
// keeps the batch's pool of sandboxed readers. Nothing is written into the served
// folder: previews go to a cache folder, packages to the temporary folder, and
// are streamed from there.
#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

#include "core/modules.h"
#include "core/text.h"
#include "pipeline/batch.h"
#include "pipeline/validate.h"
#include "report/json_report.h"

namespace dossier::serve {

// The server cannot start (folder missing, port taken): the CLI exits 2.
class ServeError : public std::runtime_error {
public:
    explicit ServeError(Text t) : std::runtime_error(render(t, Lang::en)), text(std::move(t)) {}
    Text text;  // said in the user's language by the CLI
};

struct ServeOptions {
    std::filesystem::path root;  // one dossier (holds dossier.yaml), or a folder of dossiers
    int port = 8750;             // 0: any free port
    ValidateOptions validate;
    OutputOptions output;            // language and masking of the page
    Packer packer;                   // writes a package as `dossier pack` does
    Packer upload_packer;            // writes the upload set as a ZIP (`dossier pack --upload-set`, zipped)
    std::function<void()> in_child;  // run first in each checking process
    std::filesystem::path cache;     // where previews are cached (never inside root)
    double timeout = 120;            // seconds one check may take
    double debounce = 0.25;          // quiet time after a change before re-checking
};

// Serves until SIGINT, SIGTERM or SIGHUP; `announce` receives the URL (with
// its token) once the server listens. Returns 0 after a clean stop. Throws
// ServeError when it cannot start. In the serve module (core/modules.h).
DOSSIER_MODULE_ENTRY int dossier_run_server(const ServeOptions& opt,
                                            const std::function<void(const std::string& url)>& announce);
inline int run_server(const ServeOptions& opt, const std::function<void(const std::string& url)>& announce) {
    return module_entry(dossier_run_server, ToolModule::serve, "dossier_run_server")(opt, announce);
}

}  // namespace dossier::serve
