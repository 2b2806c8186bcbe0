// OCR on the reader's own thread (facts/ocr.h): tesseract would run its
// networks on OpenMP's threads, four at a time, slower on 2 cores alone and
// spinning for each other's cores beside another reader.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "../tools/scan_writer.h"
#include "facts/read_document.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace t = dossier::tools;

namespace {

int threads_of_this_process() {
    int n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/task")) ++n;
    return n;
}

}  // namespace

TEST_CASE("ocr: a page is read by OCR on the reader's own thread, with no OpenMP threads") {
    test::TempDir dir;
    std::vector<t::ScanPage> pages{
        {{"Contrat de travail", t::ScanLine::heading},
         {"Entre l'employeur et le travailleur, il est convenu ce qui suit.", t::ScanLine::body}}};
    auto rendered = t::render_pages(t::text_pdf_bytes(pages), 100);
    REQUIRE(rendered.size() == 1);
    auto file = dir.write("contract.png", t::png_bytes(rendered[0].get()));
    // In a child, as a reader is: the threads counted are the reading's.
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::alarm(120);  // a child that hangs is killed: the check below fails
        ReadOptions o;
        o.cache = dir / "cache";
        ReadFacts r = read_document(file, ContentKind::png, o);
        // What tesseract started stays: its threads are counted after the reading.
        ::_exit(r.source == TextSource::ocr ? threads_of_this_process() : 100);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
}
