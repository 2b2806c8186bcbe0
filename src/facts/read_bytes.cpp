#include "facts/read_bytes.h"

#include <leptonica/allheaders.h>

#include <algorithm>

#include "facts/image.h"
#include "facts/language.h"
#include "facts/mrz.h"
#include "facts/ocr.h"
#include "facts/pdf_text.h"
#include "facts/pix.h"
#include "facts/text_counts.h"

namespace dossier {

namespace {

// Which zone to keep: the one whose checks hold, then the surer.
bool better_zone(const Mrz& a, const Mrz& b) {
    if (a.failed_checks.size() != b.failed_checks.size())
        return a.failed_checks.size() < b.failed_checks.size();
    return a.unsure.size() < b.unsure.size();
}

// The document's facts from what its pages gave: where its text came from,
// its language, then its dates, zone, kind and words. `ocr_text`: the text
// in which to look for the zone's names and number as the page prints them.
void finish(ReadFacts& r, const PagesRead& pages, const ReadOptions& options, std::string_view ocr_text) {
    r.words = count_text(pages.text).words;
    bool any_text = false, any_ocr = false;
    for (const auto& p : r.pages) {
        any_text = any_text || p.source == TextSource::text_layer;
        any_ocr = any_ocr || p.source == TextSource::ocr;
    }
    r.source = any_text ? TextSource::text_layer : any_ocr ? TextSource::ocr : TextSource::none;
    if (r.source == TextSource::none) return;
    auto lang = detect_language(pages.text);
    r.language = lang.language;
    r.language_confidence = lang.confidence;
    try {
        analyse_text(pages.text, options.today.value_or(Date::today()), *reading_vocabularies(options), r,
                     !pages.ocr_text);
    } catch (const std::exception& e) {
        r.unreadable = msg("its text was read but the tool's vocabularies cannot be loaded ({error})",
                           {{"error", std::string(e.what())}});
    }
    // The zone read apart on a page image wins over one found in the page's
    // text, unless the text's holds better; where both read the same zone
    // (agreed_zone), the image's, its names read by the glyphs.
    const auto agreed =
        pages.zone && r.mrz && pages.ocr_text ? agreed_zone(*r.mrz, *pages.zone) : std::nullopt;
    if (agreed) {
        r.mrz = agreed;
    } else if (pages.zone && (!r.mrz || !better_zone(*r.mrz, *pages.zone))) {
        r.mrz = pages.zone;
        if (!r.guessed_type && r.mrz->document_code.starts_with("P") && r.mrz->format == "TD3")
            r.guessed_type = TypeGuess{"passport", 1.0, {"machine-readable zone"}};
    }
    // Names carry no check digit, and a number's may not tell two readings
    // apart: where the zone was read with doubt, the page prints them too.
    if (r.mrz) settle_by_print(*r.mrz, ocr_text);
}

// Reads a PDF's text. Returns false, having read nothing, when some page
// needs OCR and `ocr_here` is false.
bool read_pdf(std::string_view bytes, const ReadOptions& options, ReadFacts& r, bool& transient,
              bool ocr_here) {
    PagesRead pages;
    if (!read_pdf_pages(bytes, options, r, pages, transient, ocr_here)) return false;
    if (!r.unreadable.empty() && transient) return true;
    if (!r.unreadable.empty() && pages.text.empty() && !pages.zone) return true;
    finish(r, pages, options, pages.text);
    if (r.source == TextSource::none && r.unreadable.empty())
        r.unreadable = pages.needs_ocr ? msg("its pages have no text layer and OCR was turned off (--no-ocr)")
                       : r.pages.empty() ? msg("it has no pages to read")
                       : pages.ocr_ran
                           ? msg("no legible text was found in it, neither in a text layer nor by OCR")
                           : msg("its pages have no legible text layer and show no scanned image: there is "
                                 "no text to read");
    return true;
}

// Reads an image's text by OCR. Returns false, having read nothing, when
// OCR is allowed but `ocr_here` is false.
bool read_image(std::string_view bytes, ContentKind kind, const ReadOptions& options, ReadFacts& r,
                bool& transient, bool ocr_here) {
    const ReadLimits& lim = options.limits;
    r.pages.push_back(PageRead{});
    auto head = inspect_image_bytes(bytes, kind);
    if (!head || head->width <= 0 || head->height <= 0) {
        r.unreadable = msg("its text cannot be read: the image's header is damaged");
        return true;
    }
    // Checked from the header, before a single pixel is decoded: a small file
    // may claim billions of pixels (a decompression bomb).
    const auto pixels = std::uint64_t(head->width) * std::uint64_t(head->height);
    if (pixels > lim.pixels_per_page) {
        r.unreadable = msg(
            "the image is {width} x {height} pixels, more than the {limit} million pixels the tool decodes "
            "(the limit)",
            {{"width", head->width},
             {"height", head->height},
             {"limit", (long long)(lim.pixels_per_page / 1'000'000)}});
        return true;
    }
    if (!options.ocr) {
        r.unreadable = msg("it is an image and OCR was turned off (--no-ocr)");
        return true;
    }
    if (!ocr_here) {
        r = ReadFacts{};
        return false;
    }
    // The models start loading (on a thread of their own) before the image is decoded.
    PageOcr ocr(lim, options.today.value_or(Date::today()), options.threads);
    if (auto why = ocr.start(); !why.empty()) {
        r.unreadable = std::move(why);
        return true;
    }
    setMsgSeverity(L_SEVERITY_NONE);
    PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
    if (!pix) {
        r.unreadable = msg("its text cannot be read: the image cannot be decoded (damaged)");
        return true;
    }
    if (options.progress) options.progress(ReadProgress::ocr_page(1, 1));
    auto res = ocr.read(pix.get(), 1, 0);
    if (!res.limit.empty()) {
        r.unreadable = std::move(res.limit);
        transient = true;
        return true;
    }
    r.pages[0].ocr_confidence = res.confidence;
    PagesRead pages;
    // Text too sparse to be the page's may still print the zone's names.
    const std::string ocr_text = res.text;
    if (legible(res.text)) {
        r.pages[0].source = TextSource::ocr;
        r.pages[0].characters = count_text(res.text).visible;
        pages.text = std::move(res.text);
        pages.ocr_text = true;
    }
    if (res.zone) {
        // A card or data page that is mostly zone is read: the zone is its text.
        r.pages[0].source = TextSource::ocr;
        r.pages[0].characters =
            std::max(r.pages[0].characters, int(res.zone->lines.size() * res.zone->lines[0].size()));
        pages.zone = std::move(res.zone);
    }
    finish(r, pages, options, ocr_text);
    if (r.source == TextSource::none && r.unreadable.empty())
        r.unreadable = msg("no legible text was found in it by OCR");
    return true;
}

}  // namespace

void dossier_prepare_reading_module() { keep_poppler_loaded(); }

bool dossier_read_bytes(std::string_view bytes, ContentKind kind, const ReadOptions& options, ReadFacts& r,
                        bool& t, bool ocr_here) {
    try {
        if (kind == ContentKind::pdf) return read_pdf(bytes, options, r, t, ocr_here);
        if (image_kind(kind)) return read_image(bytes, kind, options, r, t, ocr_here);
        r.unreadable = msg("it is neither a PDF nor a JPEG or PNG image");
    } catch (const std::bad_alloc&) {
        r = ReadFacts{};
        r.unreadable = msg("reading its text needs more memory than the tool allows (the limit)");
    } catch (const std::exception& e) {
        r = ReadFacts{};
        r.unreadable = msg("its text cannot be read ({error})", {{"error", std::string(e.what())}});
    }
    return true;
}

}  // namespace dossier
