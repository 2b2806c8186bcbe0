// The batch runner: finding dossiers, stable order whatever the completion
// order, a bounded reorder window, and failures that stay with their dossier.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

#include "pipeline/batch.h"
#include "pipeline/batch_report.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

void touch_manifest(const fs::path& dir) {
    fs::create_directories(dir);
    std::ofstream(dir / "dossier.yaml") << "format: 1\n";
}

// Collects what the sink receives: each item renders as "name unchecked".
struct Recorder : BatchSink {
    std::vector<std::string> names;
    std::vector<bool> unchecked;
    size_t begun = 0;
    bool ended = false;
    void begin(const std::vector<fs::path>& d) override { begun = d.size(); }
    std::string render(const BatchItem& item) const override {
        return item.name + " " + (item.report.tool_failed ? "1" : "0");
    }
    void write(const std::string& chunk) override {
        auto space = chunk.rfind(' ');
        names.push_back(chunk.substr(0, space));
        unchecked.push_back(chunk.substr(space + 1) == "1");
    }
    void end(const BatchSummary&) override { ended = true; }
};

}  // namespace

TEST_CASE("find_dossiers: every folder with a dossier.yaml, sorted; hidden folders and symlinks skipped") {
    test::TempDir t;
    fs::path root = t.path() / "root";
    touch_manifest(root / "b");
    touch_manifest(root / "a");
    touch_manifest(root / "a" / "nested");  // a dossier inside a dossier is another dossier
    touch_manifest(root / "a-b");
    touch_manifest(root / "clients" / "z");
    touch_manifest(root / ".git" / "x");  // hidden: skipped
    fs::create_directories(root / "empty");
    touch_manifest(t.path() / "outside");
    fs::create_directory_symlink(t.path() / "outside", root / "link-out");  // never followed
    fs::create_directory_symlink(root / "b", root / "link-in");             // never counted twice

    auto found = find_dossiers(root);
    std::vector<std::string> names;
    for (const auto& d : found) names.push_back(dossier_name(root, d));
    CHECK(names == std::vector<std::string>{"a", "a/nested", "a-b", "b", "clients/z"});

    touch_manifest(root);  // root itself is a dossier too
    found = find_dossiers(root);
    REQUIRE(!found.empty());
    CHECK(dossier_name(root, found.front()) == ".");
    CHECK(found.size() == 6);

    CHECK_THROWS_AS(find_dossiers(t.path() / "missing"), BatchError);
}

// Each dossier is checked in a child process: what a check does reaches the
// parent only through files, here a marker per dossier started.
size_t markers(const fs::path& dir, size_t from) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (std::stoul(e.path().filename().string()) >= from) ++n;
    return n;
}

TEST_CASE("run_batch delivers in path order whatever the completion order, within the window") {
    test::TempDir t;
    const fs::path started = t.path() / "started";
    fs::create_directories(started);
    std::vector<fs::path> dossiers;
    for (int i = 0; i < 60; ++i) dossiers.push_back(fs::path("/r") / fmt::format("d{:03}", i));
    std::mt19937 rng(42);
    std::vector<int> delay(dossiers.size());
    for (auto& d : delay) d = int(rng() % 4);
    BatchOptions opt;
    opt.jobs = 4;
    opt.window = 8;
    opt.check = [&](const fs::path& dir) {
        size_t i = size_t(std::stoi(dir.filename().string().substr(1)));
        std::ofstream(started / std::to_string(i)) << "";
        std::this_thread::sleep_for(std::chrono::milliseconds(delay[i]));
        if (i % 7 == 3) throw std::runtime_error("boom");
        BatchItem item;
        item.report.dossier = dir.string();
        return item;
    };
    struct Counting : Recorder {
        fs::path started;
        size_t beyond_window = 0;
        void write(const std::string& chunk) override {
            // Item k is delivered: no check has started past k + the window.
            beyond_window += markers(started, names.size() + 1 + 8);
            Recorder::write(chunk);
        }
    } sink;
    sink.started = started;
    auto summary = run_batch("/r", dossiers, opt, sink);
    REQUIRE(sink.names.size() == dossiers.size());
    for (size_t i = 0; i < dossiers.size(); ++i) {
        CHECK(sink.names[i] == dossiers[i].filename().string());
        CHECK(sink.unchecked[i] == (i % 7 == 3));  // the exception stays with its dossier
    }
    CHECK(sink.begun == dossiers.size());
    CHECK(sink.ended);
    CHECK(summary.dossiers == dossiers.size());
    CHECK(summary.unchecked == 9);  // 3, 10, ..., 59
    CHECK(summary.any_fails());
    CHECK(sink.beyond_window == 0);
}

TEST_CASE("run_batch: an output error stops the batch and is reported to the caller") {
    test::TempDir t;
    const fs::path started = t.path() / "started";
    fs::create_directories(started);
    std::vector<fs::path> dossiers;
    for (int i = 0; i < 50; ++i) dossiers.push_back(fs::path("/r") / fmt::format("d{:03}", i));
    BatchOptions opt;
    opt.jobs = 2;
    opt.window = 4;
    opt.check = [&](const fs::path& dir) {
        std::ofstream(started / dir.filename().string().substr(1)) << "";
        return BatchItem{};
    };
    struct Failing : Recorder {
        void write(const std::string&) override { throw std::runtime_error("disk full"); }
    } sink;
    CHECK_THROWS_WITH(run_batch("/r", dossiers, opt, sink), "disk full");
    CHECK(markers(started, 0) <= 5);  // checks stopped within the window
}

TEST_CASE(
    "isolated: a crash, a hang, an exception or too much memory in one dossier makes only it unchecked") {
    std::vector<fs::path> dossiers;
    for (int i = 0; i < 12; ++i) dossiers.push_back(fs::path("/r") / fmt::format("d{:02}", i));
    BatchOptions opt;
    opt.jobs = 3;
    opt.window = 4;
    opt.timeout = 2;
    opt.check = [](const fs::path& dir) {
        int i = std::stoi(dir.filename().string().substr(1));
        if (i == 2) std::abort();                                           // a crash
        if (i == 5) std::this_thread::sleep_for(std::chrono::seconds(60));  // a hang
        if (i == 7) throw std::runtime_error("boom");                       // an exception
        if (i == 9) ::_exit(0);                                             // a child that says nothing
        if (i == 11) {  // memory past the limit: the allocation must fail (bad_alloc)
            auto huge = std::make_unique_for_overwrite<char[]>(size_t(8) << 30);
            volatile char* p = huge.get();  // keeps the allocation from being elided
            (void)p[0];
        }
        BatchItem item;
        item.report.dossier = dir.string();
        return item;
    };
    Recorder sink;
    auto summary = run_batch("/r", dossiers, opt, sink);
    REQUIRE(sink.names.size() == dossiers.size());
    for (size_t i = 0; i < dossiers.size(); ++i) {
        CAPTURE(i);
        CHECK(sink.names[i] == dossiers[i].filename().string());
        CHECK(sink.unchecked[i] == (i == 2 || i == 5 || i == 7 || i == 9 || i == 11));
    }
    CHECK(summary.unchecked == 5);
    CHECK(summary.dossiers == 12);
}

TEST_CASE("isolated: a job's worker checks dossier after dossier; a crash costs it that dossier only") {
    std::vector<fs::path> dossiers;
    for (int i = 0; i < 20; ++i) dossiers.push_back(fs::path("/r") / fmt::format("d{:02}", i));
    BatchOptions opt;
    opt.jobs = 2;
    opt.check = [](const fs::path& dir) {
        if (dir.filename() == "d07") std::abort();
        BatchItem item;
        item.report.dossier = dir.string();
        return item;
    };
    // Renders "name pid" in the process that checked it.
    struct Pids : Recorder {
        std::string render(const BatchItem& item) const override {
            return item.name + " " + (item.report.tool_failed ? "-" : std::to_string(::getpid()));
        }
        void write(const std::string& chunk) override { names.push_back(chunk); }
    } sink;
    run_batch("/r", dossiers, opt, sink);
    REQUIRE(sink.names.size() == dossiers.size());
    std::set<std::string> pids;
    for (size_t i = 0; i < dossiers.size(); ++i) {
        CAPTURE(i);
        CHECK(sink.names[i].substr(0, 3) == dossiers[i].filename().string());
        const std::string pid = sink.names[i].substr(4);
        CHECK((pid == "-") == (i == 7));  // only the crash is unchecked (rendered by the parent)
        if (pid != "-") pids.insert(pid);
    }
    CHECK(pids.count(std::to_string(::getpid())) == 0);  // never checked in the batch's own process
    CHECK(pids.size() >= 2);                             // the two jobs, and the worker after the crash
    CHECK(pids.size() <= 3);                             // not a process per dossier
}

TEST_CASE("isolated: an unchecked dossier says why") {
    BatchOptions opt;
    opt.jobs = 1;
    opt.check = [](const fs::path&) -> BatchItem { std::abort(); };
    std::string out;
    BatchOutputOptions o;
    o.root = "/r";
    auto sink = make_batch_sink("text", o, [&](std::string_view s) { out += s; });
    auto summary = run_batch("/r", {fs::path("/r/a")}, opt, *sink);
    CHECK(summary.unchecked == 1);
    CHECK(out.find("UNCHECKED") != std::string::npos);
    CHECK(out.find("crashed with signal 6") != std::string::npos);
}

TEST_CASE("item counts cross a pipe intact") {
    ItemCounts c;
    c.verdict = 'f';
    c.pack = PackOutcome::Status::refused;
    c.errors = 3, c.warnings = 2, c.notes = 12345678901ULL;
    auto d = ItemCounts::decode(c.encode());
    REQUIRE(d);
    CHECK(d->verdict == 'f');
    CHECK(d->pack == PackOutcome::Status::refused);
    CHECK(d->errors == 3);
    CHECK(d->notes == 12345678901ULL);
    CHECK_FALSE(ItemCounts::decode("x 0 0 0 0"));
    CHECK_FALSE(ItemCounts::decode("p 9 0 0 0"));
    CHECK_FALSE(ItemCounts::decode(""));
}

TEST_CASE("the batch JSON streams one report per dossier and a summary") {
    {
        std::vector<fs::path> dossiers{"/r/a", "/r/b"};
        BatchOptions opt;
        opt.jobs = 2;
        opt.check = [](const fs::path& dir) {
            BatchItem item;
            item.report = unchecked_report(dir, "test");
            return item;
        };
        std::string out;
        BatchOutputOptions o;
        o.root = "/r";
        auto sink = make_batch_sink("json", o, [&](std::string_view s) { out += s; });
        run_batch("/r", dossiers, opt, *sink);
        auto j = nlohmann::json::parse(out);
        REQUIRE(j["dossiers"].size() == 2);
        CHECK(j["dossiers"][0]["dossier"] == "/r/a");
        CHECK(j["dossiers"][1]["dossier"] == "/r/b");
        CHECK(j["summary"]["dossiers"] == 2);
        CHECK(j["summary"]["unchecked"] == 2);
        CHECK(j["tool"]["name"] == "dossier");

        out.clear();
        auto empty = make_batch_sink("json", o, [&](std::string_view s) { out += s; });
        run_batch("/r", {}, opt, *empty);
        CHECK(nlohmann::json::parse(out)["dossiers"].empty());
    }
}
