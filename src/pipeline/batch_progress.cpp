#include "pipeline/batch_progress.h"

#include <fmt/format.h>

#include <algorithm>

namespace dossier {

namespace {

// Columns: code points, as a terminal shows the Latin text of our languages.
std::size_t columns(const std::string& s) {
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// "00:30", "1:02:05"; "--:--" while nothing is known.
std::string time_left(std::size_t done, std::size_t total, double rate) {
    if (done >= total) return "00:00";
    if (rate <= 0) return "--:--";
    const auto left = static_cast<long>(double(total - done) / rate + 0.5);
    return left >= 3600 ? fmt::format("{}:{:02}:{:02}", left / 3600, left / 60 % 60, left % 60)
                        : fmt::format("{:02}:{:02}", left / 60, left % 60);
}

}  // namespace

std::string batch_progress_line(std::size_t done, std::size_t total, double seconds, std::size_t width,
                                Lang l) {
    const double rate = seconds > 0 ? double(done) / seconds : 0;
    const std::string tail = " " + render(msg("{done}/{total} dossiers  {rate}/s  {left} left",
                                              {{"done", verbatim(std::to_string(done))},
                                               {"total", verbatim(std::to_string(total))},
                                               {"rate", Decimal{rate, 1}},
                                               {"left", verbatim(time_left(done, total, rate))}}),
                                          l);
    const std::size_t tail_w = columns(tail);
    const std::size_t bar = width > tail_w + 12 ? std::min<std::size_t>(40, width - tail_w - 2) : 10;
    const std::size_t filled = total ? bar * std::min(done, total) / total : bar;
    return "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "]" + tail;
}

}  // namespace dossier
