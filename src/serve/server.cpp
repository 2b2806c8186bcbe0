#include "serve/server.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>
#include <vector>

#include "core/process.h"
#include "serve/checker.h"
#include "serve/checking.h"
#include "serve/desk.h"
#include "serve/guard.h"
#include "serve/http_server.h"
#include "serve/routes.h"
#include "serve/watcher.h"

namespace dossier::serve {

namespace fs = std::filesystem;

namespace {

// The dossiers below root now (none when it cannot be read).
std::vector<fs::path> dossiers_below(const fs::path& root, bool single) {
    if (single) return {root};
    try {
        return find_dossiers(root);
    } catch (const BatchError&) {
        return {};
    }
}

// Follows the watcher's changes into the desk until it stops.
void watch(Desk& desk, const std::function<void(const Text&)>& say) {
    Watcher watcher(desk.root(), say);
    while (!desk.stopping()) {
        Watcher::Changes c = watcher.poll(std::chrono::milliseconds(200));
        if (c.empty()) continue;
        if (c.rescan && !desk.single()) desk.rescan(dossiers_below(desk.root(), false));
        if (c.overflow)
            for (const fs::path& d : dossiers_below(desk.root(), desk.single())) desk.touched(d);
        for (const auto& p : c.paths) desk.touched(p);
    }
}

}  // namespace

int dossier_run_server(const ServeOptions& opt, const std::function<void(const std::string&)>& announce) {
    // Signals: SIGPIPE ignored (a closed browser tab is not a reason to
    // stop); the stop signals blocked in every thread so that this one takes
    // them with sigwait. The checking processes unblock them.
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t stops = stop_signals();
    pthread_sigmask(SIG_BLOCK, &stops, nullptr);
    const Lang lang = opt.output.lang;
    auto say = [lang](const Text& what) { std::cerr << "dossier serve: " << render(what, lang) << "\n"; };

    std::error_code ec;
    if (!fs::is_directory(opt.root, ec))
        throw ServeError(msg("{path} is not a folder; give a dossier folder or the folder that holds them",
                             {{"path", opt.root.string()}}));
    fs::path root = fs::canonical(opt.root, ec);
    if (ec)
        throw ServeError(
            msg("cannot open {path}: {reason}", {{"path", opt.root.string()}, {"reason", ec.message()}}));
    const bool single = fs::is_regular_file(root / "dossier.yaml", ec);
    // Before any thread: the one process that checks, with its pooled
    // readers (serve/checking.h).
    std::unique_ptr<CheckingProcess> checking;
    if (single_threaded()) checking = CheckingProcess::start(root, opt);
    Desk desk(root, single);
    desk.rescan(dossiers_below(root, single));
    const std::string token = random_token();

    HttpServer http(LobbyLimits{}, head_too_large_answer(lang));
    const int port = http.bind_v4(opt.port);
    if (port <= 0) {
        if (opt.port == 0) throw ServeError(msg("cannot listen on 127.0.0.1: no free port"));
        throw ServeError(
            msg("cannot listen on 127.0.0.1:{port} (is another server using it?); choose another port with "
                "--port, "
                "or --port 0 for any free one",
                {{"port", std::to_string(opt.port)}}));
    }
    if (!http.bind_v6(port))
        say(msg("[::1]:{port} is not available; serving on 127.0.0.1 only",
                {{"port", std::to_string(port)}}));
    Site site(opt, desk, PageContext{lang, single, root.string()});
    Routes routes(site, token, port);
    for (auto* listener : http.listeners()) routes.install(*listener);

    Checker checker(opt, desk, say, std::move(checking));
    std::vector<std::thread> threads;
    threads.emplace_back([&] { checker.run(); });
    threads.emplace_back([&] { watch(desk, say); });
    http.start();
    announce("http://127.0.0.1:" + std::to_string(port) + "/?token=" + token);

    int sig = 0;
    while (sigwait(&stops, &sig) != 0) {
    }
    desk.stop();  // ends the live streams, the checker and the watcher
    http.stop();
    for (auto& t : threads) t.join();
    return 0;
}

}  // namespace dossier::serve
