#include "facts/pdf_text.h"
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>

#include "facts/ocr.h"
#include "facts/pix.h"
#include "facts/text_counts.h"

namespace dossier {

namespace {

void quiet_poppler(const std::string&, void*) {}

// A page rendered by poppler as an 8-bit leptonica image: `grey(row, x)`,
// pixel x's grey from its row's bytes.
template <class Grey>
PixPtr grey_pix(const poppler::image& img, Grey grey) {
    const int w = img.width(), h = img.height();
    PixPtr pix(pixCreate(w, h, 8));
    if (!pix) return nullptr;
    const char* src = img.const_data();
    for (int y = 0; y < h; ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(src + std::size_t(y) * img.bytes_per_row());
        l_uint32* line = pixGetData(pix.get()) + std::size_t(y) * pixGetWpl(pix.get());
        for (int x = 0; x < w; ++x) SET_DATA_BYTE(line, x, grey(row, x));
    }
    return pix;
}

// A page rendered by poppler in grey, as a leptonica image tesseract can take.
PixPtr to_pix(const poppler::image& img) {
    return grey_pix(img, [](const unsigned char* row, int x) { return row[x]; });
}

// A page rendered by poppler in colour (ARGB32), as the 8-bit grey of its
// lightest channel: black ink stays dark, a red pen or highlight over a
// zone fades out (facts/zone_find.h: ink_grey).
PixPtr lightest_channel(const poppler::image& img) {
    return grey_pix(img, [](const unsigned char* row, int x) {
        const unsigned char* p = row + 4 * std::size_t(x);  // B, G, R, A
        return std::max({p[0], p[1], p[2]});
    });
}

// Notices an inline image (BI ... ID ... EI) in a content stream.
class InlineImages : public QPDFObjectHandle::ParserCallbacks {
public:
    void handleObject(QPDFObjectHandle obj) override { found = found || obj.isInlineImage(); }
    void handleEOF() override {}
    bool found = false;
};

// Which of `pages` (0-based) draw an image, by qpdf (images in forms and
// inline images included). In doubt (qpdf cannot open the file), all of them.
std::set<int> pages_with_images(std::string_view bytes, const std::vector<int>& pages) {
    std::set<int> out;
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("document", bytes.data(), bytes.size());
        auto all = QPDFPageDocumentHelper(q).getAllPages();
        for (const int i : pages) {
            if (i < 0 || std::size_t(i) >= all.size()) continue;
            bool any = false;
            all[std::size_t(i)].forEachImage(
                true, [&](QPDFObjectHandle&, QPDFObjectHandle&, std::string const&) { any = true; });
            if (!any) {
                InlineImages inline_images;
                try {
                    all[std::size_t(i)].parseContents(&inline_images);
                } catch (const std::exception&) {
                    inline_images.found = true;  // in doubt, a scan
                }
                any = inline_images.found;
            }
            if (any) out.insert(i);
        }
    } catch (const std::exception&) {
        out.insert(pages.begin(), pages.end());
    }
    return out;
}

}  // namespace

void keep_poppler_loaded() {
    // Kept alive by one small document of our own, for the life of the
    // process: poppler builds its global state with the first open document
    // and throws it away with the last.
    static constexpr char kEmpty[] =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count "
        "1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\nxref\n0 4\n0000000000 65535 "
        "f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 "
        "R>>\nstartxref\n160\n%%EOF\n";
    static std::once_flag once;
    static std::unique_ptr<poppler::document> keeper;
    std::call_once(once, [] {
        poppler::set_debug_error_function(quiet_poppler, nullptr);
        keeper.reset(poppler::document::load_from_raw_data(kEmpty, int(sizeof kEmpty - 1)));
        // The first text extraction loads the text encoding's tables.
        if (keeper)
            if (std::unique_ptr<poppler::page> page(keeper->create_page(0)); page)
                page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    });
}

bool read_pdf_pages(std::string_view bytes, const ReadOptions& options, ReadFacts& r, PagesRead& out,
                    bool& transient, bool ocr_here) {
    const ReadLimits& lim = options.limits;
    keep_poppler_loaded();
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), int(std::min<std::size_t>(bytes.size(), INT_MAX))));
    if (!doc) {
        r.unreadable = msg("its text cannot be read: the PDF cannot be opened by the text reader (damaged)");
        return true;
    }
    if (doc->is_locked()) {
        r.unreadable = msg("its text cannot be read: the PDF needs a password");
        return true;
    }
    const int pages = doc->pages();
    const int text_pages = std::min(pages, lim.text_pages);
    std::map<int, std::string> texts;   // page -> its usable text
    std::vector<int> no_text;           // pages with no usable text layer
    std::map<int, std::string> sparse;  // pages with a little text (a heading, a page number) only
    for (int i = 0; i < text_pages; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        r.pages.push_back(PageRead{});
        if (!page) continue;
        auto u = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        std::string t(u.begin(), u.end());
        if (legible(t)) {
            r.pages.back() = PageRead{TextSource::text_layer, count_text(t).visible, 0};
            texts.emplace(i, std::move(t));
        } else if (const auto c = count_text(t); c.visible > 0 && c.letters * 2 >= c.visible) {
            // Few words, but words: a garbled layer (broken font encoding) is read by OCR.
            sparse.emplace(i, std::move(t));
        } else {
            no_text.push_back(i);
        }
    }
    // A page without enough text is a scan when it draws an image, and is
    // read by OCR; otherwise it is born digital: a page with little on it (a
    // passport's visa page) is read as it is, a drawing or a blank page has
    // nothing to read.
    std::vector<int> need_ocr;
    if (!sparse.empty() || !no_text.empty()) {
        std::vector<int> ask = no_text;
        for (const auto& [i, t] : sparse) ask.push_back(i);
        const std::set<int> scanned = pages_with_images(bytes, ask);
        for (auto& [i, t] : sparse) {
            if (scanned.count(i)) {
                need_ocr.push_back(i);
                continue;
            }
            r.pages[std::size_t(i)] = PageRead{TextSource::text_layer, count_text(t).visible, 0};
            texts.emplace(i, std::move(t));
        }
        for (int i : no_text)
            if (scanned.count(i)) need_ocr.push_back(i);
        std::sort(need_ocr.begin(), need_ocr.end());
    }
    auto join = [&] {
        for (const auto& [i, t] : texts) {
            out.text += t;
            out.text += '\n';
        }
    };
    if (need_ocr.empty() || !options.ocr) {
        join();
        out.needs_ocr = !need_ocr.empty();
        return true;
    }
    if (!ocr_here) {
        r = ReadFacts{};
        return false;
    }
    const bool has_text = need_ocr.size() < r.pages.size();
    if (int(need_ocr.size()) > lim.ocr_pages) {
        if (!has_text) {
            r.unreadable =
                msg("it is a scan of {pages} pages; scans of more than {limit} pages are not read by OCR "
                    "(the limit)",
                    {{"pages", pages}, {"limit", lim.ocr_pages}});
            return true;
        }
        need_ocr.resize(std::size_t(lim.ocr_pages));
    }
    out.ocr_ran = true;
    PageOcr ocr(lim, options.today.value_or(Date::today()), options.threads);
    if (auto why = ocr.start(); !why.empty()) {
        r.unreadable = std::move(why);
        join();
        return true;
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    // The page again in colour for its zone: the grey (for the text, as ever)
    // keeps a red mark over a zone as dark as the zone's own ink.
    poppler::page_renderer colours;
    colours.set_render_hint(poppler::page_renderer::antialiasing, true);
    colours.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    colours.set_image_format(poppler::image::format_argb32);
    for (std::size_t k = 0; k < need_ocr.size(); ++k) {
        const int i = need_ocr[k];
        if (options.progress) options.progress(ReadProgress::ocr_page(int(k) + 1, int(need_ocr.size())));
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        auto rect = page->page_rect(poppler::media_box);
        double dpi = lim.dpi;
        auto pixels = [&](double d) { return (rect.width() * d / 72.0) * (rect.height() * d / 72.0); };
        if (pixels(dpi) > double(lim.pixels_per_page))
            dpi = std::max(100.0, lim.dpi * std::sqrt(double(lim.pixels_per_page) / pixels(dpi)));
        if (pixels(dpi) > double(lim.pixels_per_page)) {
            r.unreadable =
                msg("page {page} is too large to read by OCR ({width} x {height} cm; the limit is {limit} "
                    "million "
                    "pixels at 100 dpi)",
                    {{"page", i + 1},
                     {"width", Decimal{rect.width() / 72 * 2.54, 0}},
                     {"height", Decimal{rect.height() / 72 * 2.54, 0}},
                     {"limit", (long long)(lim.pixels_per_page / 1'000'000)}});
            return true;
        }
        poppler::image img = renderer.render_page(page.get(), dpi, dpi);
        if (!img.is_valid()) continue;
        PixPtr pix = to_pix(img);
        if (!pix) continue;
        pixSetResolution(pix.get(), int(dpi), int(dpi));
        PixPtr ink;
        if (poppler::image c = colours.render_page(page.get(), dpi, dpi); c.is_valid())
            ink = lightest_channel(c);
        auto res = ocr.read(pix.get(), i + 1, int(dpi), ink.get());
        if (!res.limit.empty()) {
            r.unreadable = std::move(res.limit);
            transient = true;
            return true;
        }
        PageRead& pr = r.pages[std::size_t(i)];
        pr.ocr_confidence = res.confidence;
        if (legible(res.text)) {
            pr.source = TextSource::ocr;
            pr.characters = count_text(res.text).visible;
            texts.emplace(i, std::move(res.text));
            out.ocr_text = true;
        }
        if (res.zone) {
            // A data page that is mostly zone is read: the zone is its text.
            pr.source = TextSource::ocr;
            pr.characters = std::max(pr.characters, int(res.zone->lines.size() * res.zone->lines[0].size()));
            if (!out.zone || res.zone->failed_checks.size() < out.zone->failed_checks.size())
                out.zone = std::move(res.zone);
        }
    }
    join();
    return true;
}

}  // namespace dossier
