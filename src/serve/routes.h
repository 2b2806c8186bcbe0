// The desk's HTTP routes: the guard every request passes first (token,
// Host/Origin, target, rate per client, methods), then one handler per route
// in the table of routes.cpp. A new route is one line there and a handler
// taking the Site (what every handler shares).
#pragma once

#include <atomic>
#include <mutex>
#include <string>

#include "core/text.h"
#include "serve/desk.h"
#include "serve/guard.h"
#include "serve/httplib_fwd.h"
#include "serve/pages.h"
#include "serve/server.h"

namespace dossier::serve {

// What every handler shares.
struct Site {
    Site(const ServeOptions& o, Desk& d, PageContext p) : opt(o), desk(d), page(std::move(p)) {}
    const ServeOptions& opt;
    Desk& desk;
    PageContext page;
    std::atomic<int> streams{0};  // live event streams open
    std::mutex pack_mu;           // one package made at a time
    Lang lang() const { return page.lang; }
};

// A refused request: the reason in the page's language, as plain text.
void refuse(const Site& site, httplib::Response& res, int status, const Text& why);

// The whole answer to a request whose head is too large (serve/lobby.h).
std::string head_too_large_answer(Lang l);

class Routes {
public:
    Routes(Site& site, std::string token, int port);
    // The guard and every route, on one listener.
    void install(httplib::Server& svr);

private:
    Site& site_;
    std::string token_, cookie_;
    int port_;
    // Per client: the holder of the token (the lawyer's browser) and anyone
    // else have a bucket each, so strangers' requests never use up the
    // browser's.
    RateLimiter holders_{60, 240}, strangers_{20, 60};
};

}  // namespace dossier::serve
