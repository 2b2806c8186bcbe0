// report/reading_progress.h: the line a terminal shows while documents are read.
#include "report/reading_progress.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <string>

using namespace dossier;
using namespace std::chrono_literals;

namespace {
ReadProgress page(int n, int of) {
    ReadProgress p = ReadProgress::ocr_page(n, of);
    p.document = "passport.pdf";
    p.document_index = 2;
    p.documents = 12;
    return p;
}

std::string drain(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, size_t(n));
    return out;
}
}  // namespace

TEST_CASE("reading progress: document n of N, OCR page n of N, in the user's language") {
    CHECK(reading_line(page(1, 3), Lang::en) == "Reading passport.pdf (2 of 12): OCR, page 1 of 3");
    ReadProgress text;
    text.document = "contract.pdf";
    text.document_index = 1;
    text.documents = 12;
    CHECK(reading_line(text, Lang::en) == "Reading contract.pdf (1 of 12): text");
    const std::string fr = reading_line(page(1, 3), Lang::fr);
    CHECK(fr.find("passport.pdf") != std::string::npos);
    CHECK(fr.find("Reading") == std::string::npos);
}

TEST_CASE("reading progress: nothing before the delay, a redrawn line after it, cleared at the end") {
    int fds[2];
    REQUIRE(::pipe2(fds, O_NONBLOCK) == 0);
    {
        ReadingProgress quick(Lang::en, fds[1], 0ms);
        quick(page(1, 2));
        quick(page(2, 2));
        quick.finish();
        quick(page(2, 2));  // finished: nothing more
    }
    CHECK(drain(fds[0]) ==
          "\r\033[KReading passport.pdf (2 of 12): OCR, page 1 of 2"
          "\r\033[KReading passport.pdf (2 of 12): OCR, page 2 of 2"
          "\r\033[K");
    {
        ReadingProgress slow(Lang::en, fds[1], 1h);
        slow(page(1, 2));
    }
    CHECK(drain(fds[0]).empty());  // a reading under the delay shows nothing, not even a clearing
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST_CASE("reading progress: only on a terminal, never with --quiet") {
    ReadOptions read;
    CHECK_FALSE(show_reading_progress(read, true, Lang::en));
    CHECK_FALSE(read.progress);
    if (!::isatty(STDERR_FILENO)) {
        CHECK_FALSE(show_reading_progress(read, false, Lang::en));
        CHECK_FALSE(read.progress);
    }
}
