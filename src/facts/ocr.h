// Reading a page image by OCR: tesseract 5 in French, Dutch, German and
// English for the page's text, and facts/zone_read for its machine-readable
// zone, read apart with the zone's alphabet and OCR-B's glyphs. Within the
// time limits of facts/read_document.h, counted in the processor time the
// reading spends (core/time_budget.h): the same reading whatever the load.
// On the reader's own thread: tesseract's networks would run their loops on
// OpenMP's threads (Debian's libtesseract links libgomp), four at a time,
// and on this project's 2-core machines that is slower, alone or beside
// other readers (see ocr.cpp).
#pragma once

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/text.h"
#include "core/time_budget.h"
#include "facts/read_facts.h"
#include "facts/reading_data.h"

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace dossier {

struct ReadLimits;
class ZoneReader;

// OCR's limits count processor time (ReadLimits); a reading that waits
// rather than works (a hang) is stopped on the clock at this many times its
// processor time: generous, for a machine shared with other work.
constexpr int kOcrWallFactor = 3;

struct PageText {
    std::string text;
    double confidence = 0;  // tesseract's mean word confidence, 0..100
    Text limit;  // the time limit hit, or the models failing to load, if any (nothing else is then set)
    std::optional<Mrz> zone;  // the page's machine-readable zone, if one was read
};

// The quarter turns clockwise (0 to 3: leptonica's pixRotateOrth) that set
// upright a page whose zone's lines slant by `angle` (radians from the x
// axis, y down: ZoneReader::angle()). A slant short of 45 degrees is none.
int upright_quarters(double angle);

class PageOcr {
public:
    // `threads`: how many the reading may use. With 2 or more (a core that
    // would sit idle: ReadOptions::threads), the page's models load on a
    // thread of their own; the readings are the same.
    PageOcr(const ReadLimits& limits, const Date& today, unsigned threads = 1);
    ~PageOcr();
    PageOcr(const PageOcr&) = delete;
    PageOcr& operator=(const PageOcr&) = delete;

    // Empty when ready; else why OCR cannot run. With a thread to spare,
    // the page's models load on it from here on, while the caller decodes
    // or renders the page and read() finds and reads its zone (with the
    // zone's own model): on two cores most of their loading is hidden. A
    // model that fails to load then is said by read(), as its `limit`.
    Text start();

    // The text and zone of `page` (any depth: the zone is looked for in its
    // colours). `dpi`: the resolution it was scanned or rendered at, 0 if
    // unknown. `zone_page`, if given: the same page in which to look for the
    // zone instead (a PDF page rendered in grey for its text, and as its
    // lightest channel for its zone).
    PageText read(Pix* page, int page_number, int dpi, Pix* zone_page = nullptr);

private:
    // Waits for the page's models; empty when they loaded, else why not.
    Text loaded();
    Text models_missing() const;

    const ReadLimits& limits_;
    Date today_;
    unsigned threads_;
    TimeBudget document_;  // all the OCR of the document
    std::unique_ptr<tesseract::TessBaseAPI> api_;
    std::unique_ptr<ZoneReader> zone_;
    std::future<bool> loading_;  // the page's models, loading (start()): whether they loaded
    bool ready_ = false;         // started
    bool loaded_ = false;        // the page's models loaded
};

// Sends tesseract's messages to /dev/null, process-wide (its debug_file is
// one for every engine). Once, before engines load on two threads at once:
// no engine then writes it while another reads it.
void quiet_tesseract();

}  // namespace dossier
