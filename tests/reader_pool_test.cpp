// facts/reader_pool.h: long-lived sandboxed readers, each handed many
// documents open. They answer as a reader forked for a dossier does; one that
// crashes costs nothing but a new reader; one retires after its documents.
#include "facts/reader_pool.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../tools/scan_writer.h"
#include "../tools/test_documents.h"
#include "core/utf8.h"
#include "facts/pdf_wire.h"
#include "facts/read_wire.h"
#include "facts/reader_sandbox.h"
#include "pipeline/batch.h"
#include "support/proc_status.h"
#include "support/temp_dir.h"

using namespace dossier;
using dossier::test::TempDir;
using dossier::testing::status_field;
namespace t = dossier::tools;

namespace {

// Sets the hook for one test; the hook is inherited by the readers forked here.
struct Hook {
    explicit Hook(std::function<void(const std::filesystem::path&)> h) { set_reader_test_hook(std::move(h)); }
    ~Hook() { set_reader_test_hook({}); }
};

// The default limits, though the readers are forked from this test process,
// whose other tests' threads grew its address space (core/process.h).
InspectLimits limits() { return {}; }

ReadOptions options(const TempDir& dir) {
    ReadOptions o;
    o.cache = dir / "cache";
    return o;
}

ReaderPoolConfig config(const TempDir& dir, std::size_t documents = 256) {
    ReaderPoolConfig c;
    c.limits = limits();
    c.read = options(dir);
    c.documents = documents;
    return c;
}

// A text PDF, a PDF broken past its header, a text file, an image.
std::vector<std::filesystem::path> documents(const TempDir& dir) {
    return {dir.write("a-contract.pdf", t::text_pdf_bytes({t::page_in("fr")})),
            dir.write("b-broken.pdf", "%PDF-1.7\nnothing here\n"), dir.write("c-notes.txt", "not a document"),
            dir.write("d-diploma.pdf", t::text_pdf_bytes({t::page_in("nl")}))};
}

// Each file read, as its facts and what it says: what the checks see.
std::vector<std::string> read_all(const std::vector<std::filesystem::path>& paths, const ReadOptions& read) {
    std::vector<FileFacts> files(paths.size());
    std::vector<FileFacts*> ptrs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        files[i].path = paths[i];
        files[i].presence = Presence::present;
        ptrs.push_back(&files[i]);
    }
    inspect_files_isolated(ptrs, limits(), &read);
    std::vector<std::string> out;
    for (const auto& f : files)
        out.push_back(json_text(file_facts_json(f)) + (f.read ? read_facts_json(*f.read).dump() : "-"));
    return out;
}

// The same, by the reader of the pool's slot 0, as a batch's dossier does.
std::vector<std::string> read_pooled(ReaderPool& pool, const std::vector<std::filesystem::path>& paths,
                                     const ReadOptions& read, pid_t* reader = nullptr) {
    const PooledReader* r = pool.ready(0);
    REQUIRE(r);
    if (reader) *reader = r->pid();
    use_pooled_reader(r->link());
    auto out = read_all(paths, read);
    use_pooled_reader(std::nullopt);
    return out;
}

}  // namespace

TEST_CASE("reader pool: one reader reads every document, as a reader forked for them does") {
    TempDir forked_dir, pooled_dir;  // each its own read cache, filled as it reads
    const auto forked = read_all(documents(forked_dir), options(forked_dir));
    ReaderPool pool(config(pooled_dir), 1);
    pid_t first = 0, second = 0;
    const auto pooled = read_pooled(pool, documents(pooled_dir), options(pooled_dir), &first);
    REQUIRE(pooled.size() == forked.size());
    for (std::size_t i = 0; i < pooled.size(); ++i) {
        // The same but for the folder's name in the paths.
        std::string p = pooled[i], f = forked[i];
        for (auto* s : {&p, &f})
            for (const auto& dir : {forked_dir.path().string(), pooled_dir.path().string()})
                for (auto at = s->find(dir); at != std::string::npos; at = s->find(dir))
                    s->replace(at, dir.size(), "DIR");
        CHECK(p == f);
    }
    CHECK(pooled[0].find("\"language\":\"fr\"") != std::string::npos);
    // Read again from the cache the parent stored in, by the same reader.
    CHECK(read_pooled(pool, documents(pooled_dir), options(pooled_dir), &second) == pooled);
    CHECK(first == second);
    CHECK(pool.started() == 1);
}

TEST_CASE("reader pool: a reader that crashes costs that document only, and is replaced") {
    TempDir dir;
    const auto paths = documents(dir);
    // A parser that crashes on the contract, wherever it runs.
    Hook crash([](const std::filesystem::path& file) {
        if (file.filename() == "a-contract.pdf") std::raise(SIGSEGV);
    });
    TempDir forked_dir;
    const auto forked = read_all(paths, options(forked_dir));
    ReaderPool pool(config(dir), 1);
    pid_t first = 0, second = 0;
    const auto pooled = read_pooled(pool, paths, options(dir), &first);
    CHECK(pooled == forked);  // the contract as a forked reader found it, the rest read
    CHECK(pooled[3].find("\"language\":\"nl\"") != std::string::npos);
    // The next dossier gets a new reader.
    read_pooled(pool, {paths[3]}, options(dir), &second);
    CHECK(second != first);
    CHECK(pool.started() == 2);
}

TEST_CASE("reader pool: a reader retires after its documents, and the next one reads on") {
    TempDir dir;
    const auto paths = documents(dir);
    ReaderPool pool(config(dir, 2), 1);
    std::set<pid_t> readers;
    for (const auto& dossier : std::vector<std::vector<std::filesystem::path>>{
             {paths[0], paths[3]}, {paths[0], paths[3]}, {paths[3]}}) {
        pid_t pid = 0;
        const auto out = read_pooled(pool, dossier, options(dir), &pid);
        readers.insert(pid);
        for (const auto& line : out) CHECK(line.find("\"readable\":true") != std::string::npos);
    }
    CHECK(readers.size() == 3);
    CHECK(pool.started() == 3);
}

TEST_CASE("reader pool: a batch's worker follows its job's reader as it retires, every reading right") {
    TempDir dir;
    const auto paths = documents(dir);
    ReaderPool pool(config(dir, 3), 1);  // 12 documents in all: a reader retires after 3
    BatchOptions opt;
    opt.jobs = 1;
    opt.reader_pool = &pool;
    opt.check = [&](const std::filesystem::path&) {
        const auto out = read_all({paths[0], paths[3]}, options(dir));
        BatchItem item;
        const bool right = out[0].find("\"language\":\"fr\"") != std::string::npos &&
                           out[1].find("\"language\":\"nl\"") != std::string::npos;
        item.report.dossier = right ? "right" : "wrong";
        return item;
    };
    struct Said : BatchSink {
        std::vector<std::string> said;
        void begin(const std::vector<std::filesystem::path>&) override {}
        std::string render(const BatchItem& item) const override {
            return item.report.tool_failed ? "unchecked" : item.report.dossier;
        }
        void write(const std::string& chunk) override { said.push_back(chunk); }
        void end(const BatchSummary&) override {}
    } sink;
    std::vector<std::filesystem::path> dossiers;
    for (int i = 0; i < 6; ++i) dossiers.push_back(std::filesystem::path("/r") / std::to_string(i));
    run_batch("/r", dossiers, opt, sink);
    CHECK(sink.said == std::vector<std::string>(6, "right"));
    CHECK(pool.started() >= 3);  // the worker took each new reader
}

TEST_CASE("reader pool: a pooled reader opens no document by name, not even the one it reads") {
    TempDir dir;
    const auto paths = documents(dir);
    Hook hook([](const std::filesystem::path& file) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::close(fd);
            return;  // escaped: read as if nothing happened
        }
        throw std::runtime_error("open refused");
    });
    ReaderPool pool(config(dir), 1);
    const auto pooled = read_pooled(pool, {paths[0]}, options(dir));
    CHECK(pooled[0].find("open refused") != std::string::npos);
}

TEST_CASE("reader pool: a pooled reader is in its sandbox before it is handed a document") {
    TempDir dir;
    ReaderPool pool(config(dir), 1);
    const PooledReader* r = pool.ready(0);
    REQUIRE(r);
    // It enters the sandbox first thing, then waits for a request: look until it has.
    std::string seccomp;
    for (int i = 0; i < 500 && seccomp != "2"; ++i) {
        seccomp = status_field(r->pid(), "Seccomp");
        if (seccomp != "2") std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(seccomp == "2");
    CHECK(status_field(r->pid(), "NoNewPrivs") == "1");
    CHECK_FALSE(r->retired());
}
