// Checking the served dossiers. The server never reads a document itself:
// each dossier is checked, and its missing previews rendered, in a process of
// its own (the batch's isolation, pipeline/batch.h), which renders the page
// and what the index shows of it and sends them back as one line of JSON.
#pragma once

#include <signal.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "pipeline/batch.h"
#include "serve/desk.h"
#include "serve/server.h"

namespace dossier::serve {

class CheckingProcess;

// The signals that stop the desk (SIGINT, SIGTERM, SIGHUP): blocked in the
// server's threads, which take them with sigwait; unblocked in the checking
// processes.
sigset_t stop_signals();

// The batch options of every isolated job of the desk (checks, previews,
// packages): isolated, with the server's timeout, at most 4 at a time.
BatchOptions isolated_options(const ServeOptions& opt);

// In the checking process: the report of one dossier as the desk needs it
// (its page, the index's fields, the previews to render), as JSON.
std::string check_json(const BatchItem& item, const OutputOptions& out, bool single);
// In the server: that JSON back (an unreadable answer is an unchecked result).
CheckResult check_result(const std::string& json_text);

class Checker {
public:
    // With `checking` (serve/checking.h), the checks run there, by pooled
    // readers; without it, or once it is gone, each batch of checks is
    // forked from here.
    Checker(const ServeOptions& opt, Desk& desk, std::function<void(const Text&)> say,
            std::unique_ptr<CheckingProcess> checking = nullptr);
    ~Checker();
    // Until the desk stops: waits for changes to settle, checks the changed
    // dossiers, renders their missing previews, then publishes.
    void run();

private:
    struct Preview {
        std::filesystem::path pdf;
        std::string sha;
        bool masked = false;
    };
    // The chunk of each of `dirs` (check_json), in order; fewer when the
    // checks could not run (said).
    std::vector<std::string> check(const std::vector<std::filesystem::path>& dirs);
    void render_previews(const std::vector<std::filesystem::path>& dirs,
                         const std::vector<std::vector<Preview>>& previews);

    const ServeOptions& opt_;
    Desk& desk_;
    std::function<void(const Text&)> say_;
    std::unique_ptr<CheckingProcess> checking_;
    std::set<std::string> failed_previews_;  // not tried again while the server runs
};

}  // namespace dossier::serve
