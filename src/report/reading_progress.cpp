#include "report/reading_progress.h"

#include <unistd.h>

#include "core/process.h"
#include "report/render.h"

namespace dossier {

std::string reading_line(const ReadProgress& p, Lang lang) {
    if (p.ocr && p.pages > 0)
        return render(msg("Reading {document} ({n} of {count}): OCR, page {page} of {pages}",
                          {{"document", p.document},
                           {"n", (long long)p.document_index},
                           {"count", (long long)p.documents},
                           {"page", p.page},
                           {"pages", p.pages}}),
                      lang);
    return render(msg("Reading {document} ({n} of {count}): text", {{"document", p.document},
                                                                    {"n", (long long)p.document_index},
                                                                    {"count", (long long)p.documents}}),
                  lang);
}

ReadingProgress::ReadingProgress(Lang lang, int fd, std::chrono::milliseconds delay)
    : lang_(lang), fd_(fd), start_(std::chrono::steady_clock::now()), delay_(delay) {}

ReadingProgress::~ReadingProgress() { finish(); }

void ReadingProgress::finish() {
    std::lock_guard lock(mu_);
    if (shown_) write_all(fd_, "\r\033[K");
    shown_ = false;
    finished_ = true;
}

void ReadingProgress::operator()(const ReadProgress& p) {
    // A page's report comes without the document (from a reader that knows
    // only its file); the document's own report says which it is.
    std::lock_guard lock(mu_);
    if (finished_ || p.document.empty()) return;
    last_ = reading_line(p, lang_);
    if (std::chrono::steady_clock::now() - start_ < delay_) return;
    draw(last_);
}

void ReadingProgress::draw(const std::string& line) {
    write_all(fd_, "\r\033[K" + line);
    shown_ = true;
}

std::unique_ptr<ShownProgress> show_reading_progress(ReadOptions& read, bool quiet, Lang lang) {
    if (quiet || !::isatty(STDERR_FILENO)) return nullptr;
    auto p = std::make_shared<ReadingProgress>(lang, STDERR_FILENO);
    read.progress = [p](const ReadProgress& r) { (*p)(r); };
    return std::make_unique<ShownProgress>(p);
}

}  // namespace dossier
