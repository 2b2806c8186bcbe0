// The documents' readers in their sandbox (facts/reader_sandbox.h): a test
// hook stands for a parser gone wrong inside the reader and tries what no
// reader may do; each attempt is refused or kills the reader, and the
// document is reported unreadable with a clear reason, never a crash.
#include "facts/reader_sandbox.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "../tools/scan_writer.h"
#include "../tools/test_documents.h"
#include "core/process.h"
#include "facts/pdf_isolated.h"
#include "support/proc_status.h"
#include "support/temp_dir.h"

using namespace dossier;
using dossier::test::TempDir;
using dossier::testing::status_field;
using namespace std::chrono_literals;
namespace t = dossier::tools;

namespace {

// Sets the hook for one test; the hook is inherited by the readers forked here.
struct Hook {
    explicit Hook(std::function<void(const std::filesystem::path&)> h) { set_reader_test_hook(std::move(h)); }
    ~Hook() { set_reader_test_hook({}); }
};

ReadOptions options(const TempDir& dir) {
    ReadOptions o;
    o.cache = dir / "cache";
    return o;
}

// One text PDF read by a forked dossier's reader.
FileFacts read_one(const TempDir& dir, const ReadOptions& o) {
    FileFacts f;
    f.path = dir.write("contract.pdf", t::text_pdf_bytes({t::page_in("fr")}));
    f.presence = Presence::present;
    // With the default limits, though forked from this test process, whose
    // other tests' threads grew its address space (core/process.h).
    inspect_files_isolated({&f}, InspectLimits{}, &o);
    return f;
}

const char* kStopped =
    "the reader was stopped by its sandbox: while reading it, the reader tried something no reader may do (a "
    "network connection, running a program, writing a file); it may be built to attack the tools that read "
    "it";

}  // namespace

TEST_CASE("reader sandbox: without the hook, the document is read as before") {
    TempDir dir;
    FileFacts f = read_one(dir, options(dir));
    REQUIRE(f.pdf);
    CHECK(f.pdf->readable);
    REQUIRE(f.read);
    CHECK(f.read->unreadable.empty());
    CHECK(*f.read->language == "fr");
    // Stored by the parent: the reader writes nowhere.
    CHECK(ReadCache(dir / "cache", reader_stamp(options(dir))).lookup(f.sha256));
}

TEST_CASE("reader sandbox: a socket kills the reader; the document is unreadable, saying why") {
    TempDir dir;
    Hook hook([](const std::filesystem::path&) {
        if (::socket(AF_INET, SOCK_STREAM, 0) >= 0)
            return;  // escaped: the document reads as if nothing happened
        throw std::runtime_error("socket refused");
    });
    FileFacts f = read_one(dir, options(dir));
    REQUIRE(f.pdf);
    CHECK(f.pdf->readable);  // its facts came before the attempt
    REQUIRE(f.read);
    CHECK(f.read->unreadable.msgid == kStopped);
    CHECK_FALSE(ReadCache(dir / "cache", reader_stamp(options(dir))).lookup(f.sha256));  // not cached
}

TEST_CASE("reader sandbox: running a program kills the reader; the document is unreadable, saying why") {
    TempDir dir;
    const auto escaped = dir / "escaped";
    const std::string touch = "touch " + escaped.string();
    Hook hook([&](const std::filesystem::path&) {
        char* argv[] = {const_cast<char*>("/bin/sh"), const_cast<char*>("-c"),
                        const_cast<char*>(touch.c_str()), nullptr};
        ::execve("/bin/true", argv, environ);
        ::execve("/bin/sh", argv, environ);
        throw std::runtime_error("execve refused");
    });
    FileFacts f = read_one(dir, options(dir));
    REQUIRE(f.read);
    CHECK(f.read->unreadable.msgid == kStopped);
    CHECK_FALSE(std::filesystem::exists(escaped));
}

TEST_CASE("reader sandbox: writing a file is refused; the document is unreadable, saying why") {
    TempDir dir;
    const auto written = dir / "written.txt";
    Hook hook([&](const std::filesystem::path& file) {
        // A new file, and the very document it was handed.
        const int a = ::open(written.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int b = ::open(file.c_str(), O_WRONLY | O_TRUNC);
        if (a >= 0 || b >= 0) return;  // escaped
        throw std::runtime_error(std::string("writing was refused: ") + std::strerror(errno));
    });
    FileFacts f = read_one(dir, options(dir));
    REQUIRE(f.read);
    CHECK(f.read->unreadable.msgid == "its text cannot be read ({error})");
    CHECK(render(f.read->unreadable, Lang::en).find("Permission denied") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(written));
    CHECK(std::filesystem::file_size(dir / "contract.pdf") > 0);
}

TEST_CASE("reader sandbox: a document read apart (OCR's reader) is stopped the same way") {
    TempDir dir;
    auto scan = dir.write("scan.pdf", t::scan_of(t::text_pdf_bytes({t::page_in("nl")})));
    Hook hook([](const std::filesystem::path&) {
        if (::socket(AF_UNIX, SOCK_STREAM, 0) >= 0) return;
        throw std::runtime_error("socket refused");
    });
    ReadOptions o = options(dir);
    DocumentFacts d = inspect_document_isolated(scan, ContentKind::pdf, &o, limits_for(&o));
    REQUIRE(d.read);
    CHECK(d.read->unreadable.msgid == kStopped);
    CHECK(d.read_transient);
}

TEST_CASE(
    "reader sandbox: a reader's /proc/PID/status shows NoNewPrivs 1 and Seccomp 2 (forked and spawned)") {
    TempDir dir;
    // A FIFO as the document: the reader opens it, inside its sandbox, and
    // waits there for a writer while its status is read.
    const auto fifo = dir / "document.pdf";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const ReadOptions o = options(dir);
    auto check_reader = [&](Process reader) {
        REQUIRE(reader.started());
        std::string seccomp;
        for (auto until = Clock::now() + 20s; Clock::now() < until && seccomp != "2";) {
            std::this_thread::sleep_for(20ms);
            seccomp = status_field(reader.pid(), "Seccomp");
        }
        CHECK(seccomp == "2");
        CHECK(status_field(reader.pid(), "NoNewPrivs") == "1");
        {
            std::ofstream release(fifo);  // the reader's open returns; it reads an empty file
        }
        LineReader lines(reader, 1 << 20);
        std::string line;
        CHECK(lines.next(line, Clock::now() + 20s) == LineReader::Status::line);  // its facts
    };
    SUBCASE("forked") {
        check_reader(Process::fork([&](int fd) { return run_files_child({fifo}, InspectLimits{}, fd, &o); }));
    }
    SUBCASE("spawned: the dossier binary's reader") {
        check_reader(Process::spawn({DOSSIER_BINARY, "inspect", "--child", "--", fifo.string()}));
    }
}

TEST_CASE("reader sandbox: what the readers run with is said in words") {
    SandboxSupport full{7, true};
    CHECK_FALSE(sandbox_notice(full));
    CHECK(render(sandbox_status(full), Lang::en).find("seccomp and Landlock (ABI 7)") != std::string::npos);
    SandboxSupport none{0, false};
    REQUIRE(sandbox_notice(none));
    CHECK(render(*sandbox_notice(none), Lang::en).find("lacks seccomp and Landlock") != std::string::npos);
    SandboxSupport old{0, true};
    CHECK(render(*sandbox_notice(old), Lang::en).find("lacks Landlock") != std::string::npos);
}
