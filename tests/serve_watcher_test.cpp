// Watching a served folder (serve/watcher.h).
#include <doctest/doctest.h>

#include <fstream>

#include "serve/watcher.h"
#include "support/temp_dir.h"

using namespace dossier;
using namespace dossier::serve;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {
// Polls until `pred` holds on what changed (bounded).
Watcher::Changes until(Watcher& w, const std::function<bool(const Watcher::Changes&)>& pred) {
    Watcher::Changes all;
    for (int i = 0; i < 20 && !pred(all); ++i) {
        auto c = w.poll(100ms);
        all.paths.insert(c.paths.begin(), c.paths.end());
        all.rescan = all.rescan || c.rescan;
        all.overflow = all.overflow || c.overflow;
    }
    return all;
}
}  // namespace

TEST_CASE("watcher: a file written, a folder made, a manifest added; hidden files ignored") {
    test::TempDir t;
    fs::create_directories(t / "a");
    Watcher w(t.path(), nullptr);
    REQUIRE(w.watching());
    CHECK(w.poll(10ms).empty());
    t.write("a/passport.pdf", "x");
    auto c = until(w, [&](const auto& c) { return c.paths.count(t / "a/passport.pdf") > 0; });
    CHECK(c.paths.count(t / "a/passport.pdf"));
    CHECK_FALSE(c.rescan);
    t.write("a/.passport.pdf.swp", "x");
    CHECK(until(w, [](const auto&) { return false; }).paths.count(t / "a/.passport.pdf.swp") == 0);
    fs::create_directories(t / "b");
    CHECK(until(w, [](const auto& c) { return c.rescan; }).rescan);
    // The new folder is watched too.
    t.write("b/dossier.yaml", "format: 1\n");
    c = until(w, [&](const auto& c) { return c.paths.count(t / "b/dossier.yaml") > 0; });
    CHECK(c.paths.count(t / "b/dossier.yaml"));
    CHECK(c.rescan);  // a manifest appeared
}
