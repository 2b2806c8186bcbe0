#include "facts/ocr.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <algorithm>
#include <cstdlib>

#include "facts/read_document.h"
#include "facts/zone_read.h"

namespace dossier {

namespace {
using Clock = std::chrono::steady_clock;
constexpr long long kZoneMillis = 20'000;  // at most this long looking for and reading a page's zone
}  // namespace

std::filesystem::path tessdata_dir() {
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) return env;
    return "/usr/share/tesseract-ocr/5/tessdata";
}

const char* ocr_languages() { return "fra+nld+deu+eng"; }

PageOcr::PageOcr(const ReadLimits& limits, const Date& today)
    : limits_(limits), today_(today), started_(Clock::now()) {}

PageOcr::~PageOcr() {
    if (ready_) api_->End();
}

Text PageOcr::start() {
    if (ready_) return {};
    api_ = std::make_unique<tesseract::TessBaseAPI>();
    std::vector<std::string> names = {"debug_file"}, values = {"/dev/null"};
    if (api_->Init(tessdata_dir().c_str(), ocr_languages(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names,
                   &values, false) != 0)
        return msg("the OCR language data ({languages}) cannot be loaded from {folder}",
                   {{"languages", ocr_languages()}, {"folder", tessdata_dir().string()}});
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    zone_ = std::make_unique<ZoneReader>();
    ready_ = true;
    return {};
}

PageText PageOcr::read(Pix* page, int page_number, int dpi) {
    PageText r;
    using std::chrono::milliseconds;
    const auto used = std::chrono::duration_cast<milliseconds>(Clock::now() - started_).count();
    const long long left = limits_.ocr_seconds_total * 1000LL - used;
    if (left <= 0) {
        r.limit =
            msg("reading it by OCR took more than {seconds} seconds in all (the limit) before page {page}",
                {{"seconds", limits_.ocr_seconds_total}, {"page", page_number}});
        return r;
    }
    const long long budget = std::min<long long>(limits_.ocr_seconds_per_page * 1000LL, left);
    const auto deadline = Clock::now() + milliseconds(budget);
    PixPtr grey(pixGetDepth(page) == 8 && !pixGetColormap(page) ? pixClone(page) : pixConvertTo8(page, 0));
    if (!grey) return r;
    api_->SetImage(grey.get());
    if (dpi > 0)
        api_->SetSourceResolution(dpi);
    else if (pixGetXRes(grey.get()) < 70)
        api_->SetSourceResolution(limits_.dpi);
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(int32_t(budget));
    api_->Recognize(&monitor);
    if (monitor.deadline_exceeded()) {
        r.limit =
            budget < limits_.ocr_seconds_per_page * 1000LL
                ? msg("reading it by OCR took more than {seconds} seconds in all (the limit) on page {page}",
                      {{"seconds", limits_.ocr_seconds_total}, {"page", page_number}})
                : msg("reading page {page} by OCR took more than {seconds} seconds (the limit per page)",
                      {{"page", page_number}, {"seconds", limits_.ocr_seconds_per_page}});
        api_->Clear();
        return r;
    }
    std::unique_ptr<char[]> text(api_->GetUTF8Text());
    if (text) r.text = text.get();
    r.confidence = std::max(0, api_->MeanTextConf());
    api_->Clear();
    // The zone, read apart: tesseract's page layout misses some, and its
    // general models misread OCR-B (facts/zone_read.h).
    const auto zone_deadline = std::min(deadline, Clock::now() + milliseconds(kZoneMillis));
    r.zone = zone_->read(page, today_, zone_deadline);
    return r;
}

}  // namespace dossier
