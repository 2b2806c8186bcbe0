// serve/checking.h: the desk's checking process, forked before the server's
// threads, checks the dossiers it is asked for with pooled readers: re-checks
// start no new reader.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "serve/checking.h"
#include "support/temp_dir.h"

using namespace dossier;
using namespace dossier::serve;
namespace fs = std::filesystem;

namespace {

// A sample dossier, copied (the checks read it as the desk would).
fs::path sample(const test::TempDir& t) {
    const fs::path dir = t / "brussels-highly-qualified";
    fs::copy(fs::path(DOSSIER_SOURCE_DIR) / "samples/brussels-highly-qualified", dir,
             fs::copy_options::recursive);
    return dir;
}

ServeOptions options(const test::TempDir& t) {
    ServeOptions o;
    o.root = t / "brussels-highly-qualified";
    o.validate.read.cache = t / "cache";
    o.validate.read.ocr = false;
    o.cache = t / "previews";
    o.timeout = 120;
    return o;
}

std::vector<std::string> check(CheckingProcess& c, const fs::path& dir) {
    return c.check({dir}, [] { return false; });
}

}  // namespace

TEST_CASE("serve checking: re-checks of a dossier are read by the same pooled reader") {
    test::TempDir t;
    const fs::path dir = sample(t);
    const ServeOptions opt = options(t);
    auto checking = CheckingProcess::start(dir, opt);
    REQUIRE(checking);
    for (int i = 0; i < 4; ++i) {
        const auto chunks = check(*checking, dir);
        REQUIRE(chunks.size() == 1);
        // Checked (its verdict depends on what the test process leaves the
        // readers: its address space), not unchecked.
        CHECK(chunks[0].find("\"verdict\":\"unchecked\"") == std::string::npos);
        // One reader for every check: none forked per check or per document.
        CHECK(checking->readers_started() == 1);
    }
}

TEST_CASE("serve checking: a checking process that is gone says so") {
    test::TempDir t;
    const fs::path dir = sample(t);
    auto checking = CheckingProcess::start(dir, options(t));
    REQUIRE(checking);
    ::kill(checking->pid(), SIGKILL);
    CHECK_THROWS_AS(check(*checking, dir), CheckingLost);
}
