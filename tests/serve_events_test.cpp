// The data of the desk's live events (serve/events.h).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "serve/events.h"

using namespace dossier::serve;

TEST_CASE(
    "serve events: one event says, for every dossier, its version, whether it is checked, its verdict") {
    Desk desk("/c", false);
    desk.rescan({"/c/a", "/c/b/c"});
    desk.take_due(std::chrono::milliseconds(0));
    CheckResult r;
    r.verdict = "fail";
    desk.publish("/c/a", r);
    auto j = nlohmann::json::parse(desk.read([](const Desk::State& s) { return desk_event(s); }));
    CHECK(j["version"].get<long>() > 1);
    CHECK(j["checking"] == true);  // b/c still
    CHECK(j["dossiers"]["a"]["version"] == 1);
    CHECK(j["dossiers"]["a"]["checking"] == false);
    CHECK(j["dossiers"]["a"]["verdict"] == "fail");
    CHECK(j["dossiers"]["b/c"]["version"] == 0);
    CHECK(j["dossiers"]["b/c"]["verdict"] == "");
}
