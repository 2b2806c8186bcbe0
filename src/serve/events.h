// The desk's live events (Server-Sent Events on /events): one stream for the
// whole desk, which every open tab of a browser shares (serve/app.js: a
// SharedWorker holds the only EventSource, so eight tabs cost one
// connection, not eight of Chromium's six per host). Each "desk" event gives
// the desk's version, whether a check is running, and for each dossier the
// version of its result, whether it is being checked and its verdict; a tab
// then fetches only what changed for it (/part). A comment every 15 s keeps
// the connection open.
#pragma once

#include <string>

#include "serve/desk.h"
#include "serve/httplib_fwd.h"

namespace dossier::serve {

struct Site;

// The data of one "desk" event (JSON, one line).
std::string desk_event(const Desk::State& s);

// At most this many streams at once (a browser needs one).
inline constexpr int kMaxStreams = 16;

void desk_events(Site& site, const httplib::Request& req, httplib::Response& res);

}  // namespace dossier::serve
