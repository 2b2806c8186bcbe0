// serve/checking.h: the desk's checking process, forked before the server's
// threads, checks the dossiers it is asked for with pooled readers: re-checks
// start no new reader, and a document that crashes one still gets its reason.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "facts/reader_sandbox.h"
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

struct Hook {
    explicit Hook(std::function<void(const fs::path&)> h) { set_reader_test_hook(std::move(h)); }
    ~Hook() { set_reader_test_hook({}); }
};

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
        CHECK(chunks[0].find("\"verdict\":\"pass\"") != std::string::npos);
        // One reader for every check: none forked per check or per document.
        CHECK(checking->readers_started() == 1);
    }
}

TEST_CASE("serve checking: a document that crashes the reader gets its reason, and the reader is replaced") {
    test::TempDir t;
    const fs::path dir = sample(t);
    const ServeOptions opt = options(t);
    // A parser that crashes on the contract, in every reader (inherited).
    Hook crash([](const fs::path& file) {
        if (file.filename() == "contract.pdf") std::raise(SIGSEGV);
    });
    auto checking = CheckingProcess::start(dir, opt);
    REQUIRE(checking);
    for (std::size_t i = 1; i <= 2; ++i) {
        const auto chunks = check(*checking, dir);
        REQUIRE(chunks.size() == 1);
        CHECK(chunks[0].find("crashed on it") != std::string::npos);
        CHECK(chunks[0].find("\"verdict\":\"unchecked\"") == std::string::npos);
        // The crashed reader is replaced for the next check, no more.
        CHECK(checking->readers_started() == i);
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
