// OCR on the reader's own thread (facts/ocr.h): tesseract would run its
// networks on OpenMP's threads, four at a time, slower on 2 cores alone and
// spinning for each other's cores beside another reader.
#include <doctest/doctest.h>
#include <omp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "../tools/scan_writer.h"
#include "facts/read_document.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace t = dossier::tools;

// The program's own OpenMP entries (facts/reader_child.cpp), as tesseract calls them.
extern "C" {
void GOMP_parallel(void (*body)(void*), void* data, unsigned threads, unsigned flags);
void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned threads, unsigned count,
                            unsigned flags);
unsigned GOMP_sections_next();
void GOMP_sections_end_nowait();
}

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

namespace {
struct OmpRegion {
    std::vector<unsigned> sections;  // as handed out, 0 ending each region
    std::vector<int> levels;         // omp_get_level() in each body
    int nested = 0;                  // sections of an inner region to open in section 2
};

// As GCC outlines `#pragma omp parallel sections`: sections asked for until 0.
void omp_sections_body(void* data) {
    auto& r = *static_cast<OmpRegion*>(data);
    r.levels.push_back(omp_get_level());
    for (unsigned s = GOMP_sections_next();; s = GOMP_sections_next()) {
        r.sections.push_back(s);
        if (s == 0) break;
        if (s == 2 && r.nested > 0) {
            OmpRegion inner;
            GOMP_parallel_sections(omp_sections_body, &inner, 4, unsigned(r.nested), 0);
            r.sections.insert(r.sections.end(), inner.sections.begin(), inner.sections.end());
        }
    }
    GOMP_sections_end_nowait();
}

void omp_loop_body(void* data) {
    auto& r = *static_cast<OmpRegion*>(data);
    r.levels.push_back(omp_get_level());
    r.sections.push_back(unsigned(omp_get_num_threads() * 10 + omp_get_thread_num()));
}
}  // namespace

TEST_CASE("ocr: tesseract's OpenMP regions run once on the calling thread, with no team") {
    // libgomp's own would make a team of one (level 1) and wake its barrier with a system call.
    OmpRegion loop;
    GOMP_parallel(omp_loop_body, &loop, 4, 0);
    CHECK(loop.levels == std::vector<int>{0});
    CHECK(loop.sections == std::vector<unsigned>{10});  // one thread, the first: the whole loop
    OmpRegion gates;
    GOMP_parallel_sections(omp_sections_body, &gates, 4, 4, 0);
    CHECK(gates.levels == std::vector<int>{0});
    CHECK(gates.sections == std::vector<unsigned>{1, 2, 3, 4, 0});
    // A region inside a section hands out its own, and the outer one goes on where it was.
    OmpRegion outer;
    outer.nested = 2;
    GOMP_parallel_sections(omp_sections_body, &outer, 4, 3, 0);
    CHECK(outer.sections == std::vector<unsigned>{1, 2, 1, 2, 0, 3, 0});
    // Outside a region, no section.
    CHECK(GOMP_sections_next() == 0);
}
