// Progress of a reading on a terminal (issue 21): when reading the documents
// takes more than a second, stderr shows which document is read (n of N), and
// for a scan which page OCR is on, on one line redrawn in place and cleared
// when done. Only when stderr is a terminal and --quiet is not given: never
// in scripts.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "core/text.h"
#include "facts/read_document.h"

namespace dossier {

// The line for `p`, in `lang`.
std::string reading_line(const ReadProgress& p, Lang lang);

class ReadingProgress {
public:
    ReadingProgress(Lang lang, int fd, std::chrono::milliseconds delay = std::chrono::seconds(1));
    ~ReadingProgress();  // finish()
    // Clears the line, and draws no more.
    void finish();
    ReadingProgress(const ReadingProgress&) = delete;
    ReadingProgress& operator=(const ReadingProgress&) = delete;
    void operator()(const ReadProgress& p);

private:
    void draw(const std::string& line);
    Lang lang_;
    int fd_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::milliseconds delay_;
    std::mutex mu_;
    std::string last_;
    bool shown_ = false;
    bool finished_ = false;
};

// Sets read.progress to a ReadingProgress on stderr when it is a terminal and
// the user did not ask for quiet; the line is cleared when the returned
// object goes (keep it for the time of the reading).
class ShownProgress {
public:
    explicit ShownProgress(std::shared_ptr<ReadingProgress> p) : p_(std::move(p)) {}
    ~ShownProgress() {
        if (p_) p_->finish();
    }
    ShownProgress(const ShownProgress&) = delete;
    ShownProgress& operator=(const ShownProgress&) = delete;

private:
    std::shared_ptr<ReadingProgress> p_;
};
[[nodiscard]] std::unique_ptr<ShownProgress> show_reading_progress(ReadOptions& read, bool quiet, Lang lang);

}  // namespace dossier
