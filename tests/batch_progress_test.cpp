// The progress line of `dossier batch` (pipeline/batch_progress.h): the bar,
// done of all, the rate and the time left, within the terminal's width, in
// the language of messages.
#include "pipeline/batch_progress.h"

#include <doctest/doctest.h>

using namespace dossier;

namespace {
std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
}  // namespace

TEST_CASE("the batch progress line: bar, counts, rate and time left within the width") {
    const std::string line = batch_progress_line(50, 200, 10.0, 80, Lang::en);
    CHECK(line.rfind("[##########..............................] ", 0) == 0);
    CHECK(line.find("50/200 dossiers") != std::string::npos);
    CHECK(line.find("5.0/s") != std::string::npos);
    CHECK(line.find("00:30 left") != std::string::npos);
    CHECK(columns(line) <= 80);
    CHECK(batch_progress_line(200, 200, 10.0, 80, Lang::en).find("00:00") != std::string::npos);
    CHECK(batch_progress_line(0, 200, 0.0, 80, Lang::en).find("--:--") != std::string::npos);
    // 1 of 7200 in 7.2 s: 7199 left at 1/7.2 a second, 51833 s.
    CHECK(batch_progress_line(1, 7200, 7.2, 80, Lang::en).find("14:23:53 left") != std::string::npos);
    CHECK(batch_progress_line(190, 200, 19.0, 80, Lang::en).find("00:01 left") != std::string::npos);
    CHECK(columns(batch_progress_line(5, 9, 1.0, 30, Lang::de)) <=
          60);  // a narrow terminal: the bar shrinks to 10
}

TEST_CASE("the batch progress line speaks the language of messages") {
    const std::string fr = batch_progress_line(50, 200, 10.0, 80, Lang::fr);
    CHECK(fr.find("50/200 dossiers") != std::string::npos);
    CHECK(fr.find("5,0/s") != std::string::npos);  // ICU's decimal comma
    CHECK(fr.find("00:30") != std::string::npos);
    CHECK(fr.find("left") == std::string::npos);
    CHECK(batch_progress_line(50, 200, 10.0, 80, Lang::nl).find("left") == std::string::npos);
    CHECK(batch_progress_line(50, 200, 10.0, 80, Lang::de).find("left") == std::string::npos);
}
