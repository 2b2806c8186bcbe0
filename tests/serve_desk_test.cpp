// What the desk knows of its dossiers (serve/desk.h): found, changed, due
// for a check, published, gone.
#include <doctest/doctest.h>

#include <thread>

#include "serve/desk.h"

using namespace dossier::serve;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> names(const Desk& d) {
    return d.read([](const Desk::State& s) {
        std::vector<std::string> out;
        for (const auto& [n, e] : s.entries) out.push_back(n);
        return out;
    });
}
}  // namespace

TEST_CASE("serve desk: dossiers found are checked at once; those that go are remembered as gone") {
    Desk desk("/clients", false);
    desk.rescan({"/clients/acme/brussels", "/clients/flanders"});
    CHECK(names(desk) == std::vector<std::string>{"acme/brussels", "flanders"});
    auto due = desk.take_due(std::chrono::milliseconds(250));
    CHECK(due.size() == 2);
    CHECK(desk.take_due(std::chrono::milliseconds(250)).empty());  // taken once
    desk.rescan({"/clients/flanders"});
    CHECK(names(desk) == std::vector<std::string>{"flanders"});
    CHECK(desk.read([](const Desk::State& s) { return s.gone.count("acme/brussels") == 1; }));
    desk.rescan({"/clients/flanders", "/clients/acme/brussels"});  // back
    CHECK(desk.read([](const Desk::State& s) { return s.gone.empty(); }));
}

TEST_CASE("serve desk: a change is checked once changes have been quiet; the innermost dossier") {
    Desk desk("/c", false);
    desk.rescan({"/c/a", "/c/a/inner"});
    auto t0 = Clock::now();
    desk.take_due(std::chrono::milliseconds(0), t0);
    CHECK(desk.touched("/c/a/inner/passport.pdf", t0));
    CHECK_FALSE(desk.touched("/elsewhere/x.pdf", t0));
    CHECK(desk.take_due(std::chrono::milliseconds(250), t0 + std::chrono::milliseconds(100)).empty());
    auto due = desk.take_due(std::chrono::milliseconds(250), t0 + std::chrono::milliseconds(300));
    REQUIRE(due.size() == 1);
    CHECK(due[0] == fs::path("/c/a/inner"));
}

TEST_CASE("serve desk: a published result raises the versions and ends `checking`") {
    Desk desk("/c", false);
    desk.rescan({"/c/a"});
    auto v0 = desk.read([](const Desk::State& s) { return s.version; });
    desk.take_due(std::chrono::milliseconds(0));
    CHECK(desk.read([](const Desk::State& s) { return s.any_checking(); }));
    CheckResult r;
    r.verdict = "pass";
    desk.publish("/c/a", r);
    desk.read([&](const Desk::State& s) {
        const Entry* e = s.find("a");
        REQUIRE(e);
        CHECK(e->version == 1);
        CHECK_FALSE(e->checking);
        CHECK(e->result->verdict == "pass");
        CHECK(s.version > v0);
        return 0;
    });
    // A change while it was being checked: still checking after the result.
    desk.touched("/c/a/x.pdf");
    desk.publish("/c/a", r);
    CHECK(desk.read([](const Desk::State& s) { return s.find("a")->checking; }));
    desk.publish("/c/gone", r);  // not served: ignored
}

TEST_CASE("serve desk: waiting for a change ends on a change, on time, or when the desk stops") {
    Desk desk("/c", false);
    auto v = desk.read([](const Desk::State& s) { return s.version; });
    CHECK(desk.wait_change(v, std::chrono::milliseconds(10)) == v);
    std::thread t([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        desk.rescan({"/c/new"});
    });
    CHECK(desk.wait_change(v, std::chrono::seconds(10)) != v);
    t.join();
    desk.stop();
    CHECK(desk.stopping());
    auto now = desk.read([](const Desk::State& s) { return s.version; });
    CHECK(desk.wait_change(now, std::chrono::seconds(10)) == now);  // at once: stopping
}
