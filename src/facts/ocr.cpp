#include "facts/ocr.h"

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include "facts/read_document.h"
#include "facts/zone_read.h"

namespace dossier {

namespace {
using std::chrono::milliseconds;
using std::chrono::seconds;
// At most this much processor time looking for and reading a page's zone.
constexpr milliseconds kZone{20'000};

// tesseract's OpenMP loops on the calling thread only: no parallel region
// may be active. Measured on a 2-core machine, one passport image: 2.8-2.95 s
// on the clock and 1.7 s of processor time with OpenMP's four threads, alone
// on the machine; 0.8-0.9 s and 0.7 s on one thread. Beside another reader
// (batch --jobs 2) the threads spin for each other's cores: a cold batch of
// the samples took 107-122 s of processor time, 61 s on one thread. Set
// here, not by OMP_THREAD_LIMIT: OpenMP reads its environment when the
// program starts, too late for a forked reader.
void ocr_on_this_thread_only() { omp_set_max_active_levels(0); }
}  // namespace

int upright_quarters(double angle) {
    const long q = std::lround(-angle / (M_PI / 2));
    return int(((q % 4) + 4) % 4);
}

PageOcr::PageOcr(const ReadLimits& limits, const Date& today, unsigned threads)
    : limits_(limits),
      today_(today),
      threads_(threads),
      // The document's bound on the clock is its reader's (facts/pdf_isolated.h); each page has its own.
      document_(seconds(limits.ocr_seconds_total), std::chrono::hours(24)) {}

PageOcr::~PageOcr() {
    if (!ready_) return;
    if (loading_.valid()) loading_.wait();
    api_->End();
}

void quiet_tesseract() {
    static const bool quiet = [] {
        // A variable set before Init reaches tesseract's global debug_file.
        tesseract::TessBaseAPI api;
        return api.SetVariable("debug_file", "/dev/null");
    }();
    (void)quiet;
}

Text PageOcr::start() {
    if (ready_) return {};
    quiet_tesseract();
    api_ = std::make_unique<tesseract::TessBaseAPI>();
    zone_ = std::make_unique<ZoneReader>();
    tesseract::TessBaseAPI* api = api_.get();
    auto load = [api] {
        ocr_on_this_thread_only();
        return api->Init(tessdata_dir().c_str(), ocr_languages(), tesseract::OEM_LSTM_ONLY) == 0;
    };
    // With a core to spare, the page's four models (0.2-0.5 s, as long as
    // the tesseract CLI's whole reading of a small card) load on a thread of
    // their own while the page is decoded or rendered and its zone found and
    // read with the zone's own model. Not counted in the pages' budgets
    // (they count the reading thread's time), as their loading was not
    // before; the process's limit counts it.
    if (threads_ >= 2) {
        try {
            loading_ = std::async(std::launch::async, load);
            ready_ = true;
            return {};
        } catch (const std::system_error&) {
            // No thread to be had: loaded here, as with no core to spare.
        }
    }
    if (!(loaded_ = load())) return models_missing();
    ready_ = true;
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    return {};
}

Text PageOcr::models_missing() const {
    return msg("the OCR language data ({languages}) cannot be loaded from {folder}",
               {{"languages", ocr_languages()}, {"folder", tessdata_dir().string()}});
}

Text PageOcr::loaded() {
    if (loading_.valid() && (loaded_ = loading_.get())) api_->SetPageSegMode(tesseract::PSM_AUTO);
    return loaded_ ? Text{} : models_missing();
}

PageText PageOcr::read(Pix* page, int page_number, int dpi, Pix* zone_page) {
    ocr_on_this_thread_only();
    PageText r;
    if (document_.processor_spent()) {
        r.limit =
            msg("reading it by OCR took more than {seconds} processor seconds in all (the limit) before page "
                "{page}",
                {{"seconds", limits_.ocr_seconds_total}, {"page", page_number}});
        return r;
    }
    const seconds per_page(limits_.ocr_seconds_per_page);
    const TimeBudget budget = document_.within(per_page, per_page * kOcrWallFactor);
    // The zone first, read apart: tesseract's page layout misses some, and
    // its general models misread OCR-B (facts/zone_read.h). Its slant tells
    // which way up the page is.
    r.zone = zone_->read(zone_page ? zone_page : page, today_, budget.within(kZone, kZone * kOcrWallFactor));
    if (Text why = loaded(); !why.empty()) {
        r.limit = std::move(why);
        r.zone.reset();
        return r;
    }
    PixPtr grey(pixGetDepth(page) == 8 && !pixGetColormap(page) ? pixClone(page) : pixConvertTo8(page, 0));
    if (!grey) return r;
    // The page's text read the way up its zone reads: a passport photographed
    // upside down prints the zone's names upright only so (facts/mrz.h:
    // settle_by_print), and its dates and words read only so.
    if (const int quads = r.zone ? upright_quarters(zone_->angle()) : 0; quads != 0)
        if (PixPtr turned(pixRotateOrth(grey.get(), quads)); turned) grey = std::move(turned);
    api_->SetImage(grey.get());
    if (dpi > 0)
        api_->SetSourceResolution(dpi);
    else if (pixGetXRes(grey.get()) < 70)
        api_->SetSourceResolution(limits_.dpi);
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &TimeBudget::cancel;
    monitor.cancel_this = const_cast<TimeBudget*>(&budget);
    api_->Recognize(&monitor);
    if (budget.spent()) {
        if (budget.wall_spent() && !budget.processor_spent())
            r.limit = msg(
                "reading page {page} by OCR went on for more than {seconds} seconds (the limit on the clock)",
                {{"page", page_number}, {"seconds", limits_.ocr_seconds_per_page * kOcrWallFactor}});
        else if (document_.processor_spent())
            r.limit =
                msg("reading it by OCR took more than {seconds} processor seconds in all (the limit) on page "
                    "{page}",
                    {{"seconds", limits_.ocr_seconds_total}, {"page", page_number}});
        else
            r.limit = msg(
                "reading page {page} by OCR took more than {seconds} processor seconds (the limit per page)",
                {{"page", page_number}, {"seconds", limits_.ocr_seconds_per_page}});
        api_->Clear();
        return r;
    }
    std::unique_ptr<char[]> text(api_->GetUTF8Text());
    if (text) r.text = text.get();
    r.confidence = std::max(0, api_->MeanTextConf());
    api_->Clear();
    return r;
}

}  // namespace dossier
