#include "facts/read_document.h"
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder

#include <cld2/public/compact_lang_det.h>
#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-version.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <sstream>

#include "core/data_dir.h"
#include "facts/image.h"
#include "facts/mapped_file.h"
#include "facts/sha256.h"
#include "facts/text_analysis.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

// Bump when what read_document produces for the same bytes changes: every
// cache entry made by an older reader is then ignored.
// read-4: the reason a document is unreadable is a message with its
// arguments (core/text.h), no longer an English sentence.
constexpr const char* kReaderVersion = "read-4";
constexpr const char* kOcrLanguages = "fra+nld+deu+eng";
constexpr int kMinLetters = 20;          // a page with fewer letters has no usable text
constexpr int kMinLanguageWords = 30;    // fewer words decide no language
constexpr int kMinLanguagePercent = 70;  // the top language's share of the text

struct PixDeleter {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

void quiet_poppler(const std::string&, void*) {}

// Letters and non-space characters of UTF-8 text (a non-ASCII code point counts as a letter).
struct TextCounts {
    int letters = 0, visible = 0, words = 0;
};
TextCounts count_text(std::string_view s) {
    TextCounts c;
    bool in_word = false;
    int word_letters = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) == 0x80) continue;  // continuation byte
        bool letter = (b >= 0xC0) || std::isalpha(b);
        bool space = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f';
        if (!space) ++c.visible;
        if (letter) ++c.letters;
        if (letter) {
            ++word_letters;
            in_word = true;
        } else if (in_word && (space || b == ',' || b == '.' || b == ';' || b == ':' || b == ')')) {
            if (word_letters >= 2) ++c.words;
            in_word = false;
            word_letters = 0;
        } else if (!letter && !(b == '-' || b == '\'')) {
            in_word = false;
            word_letters = 0;
        }
    }
    if (in_word && word_letters >= 2) ++c.words;
    return c;
}

// Text a reader could use: enough letters, and letters are most of what is printed.
bool legible(std::string_view s) {
    auto c = count_text(s);
    return c.letters >= kMinLetters && c.words >= 3 && c.letters * 2 >= c.visible;
}

std::optional<std::string> slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(ss).str();
}

class Ocr {
public:
    explicit Ocr(const ReadLimits& limits) : limits_(limits), started_(std::chrono::steady_clock::now()) {}
    ~Ocr() {
        if (ready_) api_.End();
    }
    Ocr(const Ocr&) = delete;
    Ocr& operator=(const Ocr&) = delete;

    // Empty when ready; else why OCR cannot run.
    Text start() {
        if (ready_) return {};
        std::vector<std::string> names = {"debug_file"}, values = {"/dev/null"};
        if (api_.Init(tessdata_dir().c_str(), kOcrLanguages, tesseract::OEM_LSTM_ONLY, nullptr, 0, &names,
                      &values, false) != 0)
            return msg("the OCR language data ({languages}) cannot be loaded from {folder}",
                       {{"languages", kOcrLanguages}, {"folder", tessdata_dir().string()}});
        api_.SetPageSegMode(tesseract::PSM_AUTO);
        ready_ = true;
        return {};
    }

    struct Result {
        std::string text;
        double confidence = 0;
        Text limit;  // the limit hit, if any
    };

    // The image must stay alive during the call.
    Result recognise(Pix* pix, int page_number) {
        Result r;
        using namespace std::chrono;
        auto used = duration_cast<milliseconds>(steady_clock::now() - started_).count();
        long long left = limits_.ocr_seconds_total * 1000LL - used;
        if (left <= 0) {
            r.limit = msg(
                "reading it by OCR took more than {seconds} seconds in all (the limit) before page {page}",
                {{"seconds", limits_.ocr_seconds_total}, {"page", page_number}});
            return r;
        }
        long long budget = std::min<long long>(limits_.ocr_seconds_per_page * 1000LL, left);
        api_.SetImage(pix);
        if (pixGetXRes(pix) < 70) api_.SetSourceResolution(limits_.dpi);
        tesseract::ETEXT_DESC monitor;
        monitor.set_deadline_msecs(int32_t(budget));
        api_.Recognize(&monitor);
        if (monitor.deadline_exceeded()) {
            r.limit =
                budget < limits_.ocr_seconds_per_page * 1000LL
                    ? msg("reading it by OCR took more than {seconds} seconds in all (the limit) on page "
                          "{page}",
                          {{"seconds", limits_.ocr_seconds_total}, {"page", page_number}})
                    : msg("reading page {page} by OCR took more than {seconds} seconds (the limit per page)",
                          {{"page", page_number}, {"seconds", limits_.ocr_seconds_per_page}});
            api_.Clear();
            return r;
        }
        std::unique_ptr<char[]> text(api_.GetUTF8Text());
        if (text) r.text = text.get();
        r.confidence = std::max(0, api_.MeanTextConf());
        r.text += reread_mrz(pix, budget);
        api_.Clear();
        return r;
    }

private:
    // A machine-readable zone in OCR-B is misread by the general models
    // ("8" as "G", fillers as "E" or "K"). The lines that look like one
    // (a run of "<<") are read again with only the zone's alphabet allowed,
    // and that reading is added after the page's text: the zone's parser
    // (facts/mrz.h) keeps whichever reading its check digits confirm.
    std::string reread_mrz(Pix* pix, long long budget_ms) {
        std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
        if (!it) return {};
        int left = INT32_MAX, top = INT32_MAX, right = 0, bottom = 0, lines = 0;
        do {
            std::unique_ptr<char[]> line(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
            if (!line) continue;
            std::string_view l(line.get());
            if (l.size() < 25 || l.find("<<") == std::string_view::npos) continue;
            int x0, y0, x1, y1;
            if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1)) continue;
            left = std::min(left, x0), top = std::min(top, y0), right = std::max(right, x1),
            bottom = std::max(bottom, y1);
            ++lines;
        } while (it->Next(tesseract::RIL_TEXTLINE));
        it.reset();
        if (lines < 2 || lines > 3) return {};
        const int pad = std::max(4, (bottom - top) / (lines * 4));
        const int w = int(pixGetWidth(pix)), h = int(pixGetHeight(pix));
        left = std::max(0, left - pad), top = std::max(0, top - pad);
        right = std::min(w, right + pad), bottom = std::min(h, bottom + pad);
        api_.SetVariable("tessedit_char_whitelist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");
        api_.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
        api_.SetRectangle(left, top, right - left, bottom - top);
        tesseract::ETEXT_DESC monitor;
        monitor.set_deadline_msecs(int32_t(std::max<long long>(1000, budget_ms / 4)));
        std::string out;
        if (api_.Recognize(&monitor) == 0 && !monitor.deadline_exceeded()) {
            std::unique_ptr<char[]> text(api_.GetUTF8Text());
            if (text) out = std::string("\n") + text.get();
        }
        api_.SetVariable("tessedit_char_whitelist", "");
        api_.SetPageSegMode(tesseract::PSM_AUTO);
        return out;
    }

    const ReadLimits& limits_;
    std::chrono::steady_clock::time_point started_;
    tesseract::TessBaseAPI api_;
    bool ready_ = false;
};

// A page rendered by poppler in grey, as a leptonica image tesseract can take.
PixPtr to_pix(const poppler::image& img) {
    const int w = img.width(), h = img.height();
    PixPtr pix(pixCreate(w, h, 8));
    if (!pix) return nullptr;
    const char* src = img.const_data();
    for (int y = 0; y < h; ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(src + std::size_t(y) * img.bytes_per_row());
        l_uint32* line = pixGetData(pix.get()) + std::size_t(y) * pixGetWpl(pix.get());
        for (int x = 0; x < w; ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    return pix;
}

// The date labels and document keywords of `options`' checklist folder,
// loaded once per process. Throws when they cannot be loaded.
std::shared_ptr<const TextVocabularies> vocabularies(const ReadOptions& options) {
    static std::mutex m;
    static std::map<fs::path, std::shared_ptr<const TextVocabularies>> loaded;
    const fs::path dir = options.checklists.empty() ? default_checklist_dir() : options.checklists;
    std::lock_guard lock(m);
    auto& v = loaded[dir];
    if (!v) v = std::make_shared<const TextVocabularies>(load_text_vocabularies(dir));
    return v;
}

void finish(ReadFacts& r, const std::string& text, const ReadOptions& options) {
    auto counts = count_text(text);
    r.words = counts.words;
    bool any_text = false, any_ocr = false;
    for (const auto& p : r.pages) {
        any_text = any_text || p.source == TextSource::text_layer;
        any_ocr = any_ocr || p.source == TextSource::ocr;
    }
    r.source = any_text ? TextSource::text_layer : any_ocr ? TextSource::ocr : TextSource::none;
    if (r.source == TextSource::none) return;
    auto lang = detect_language(text);
    r.language = lang.language;
    r.language_confidence = lang.confidence;
    try {
        analyse_text(text, options.today.value_or(Date::today()), *vocabularies(options), r);
    } catch (const std::exception& e) {
        r.unreadable = msg("its text was read but the tool's vocabularies cannot be loaded ({error})",
                           {{"error", std::string(e.what())}});
    }
}

// Which of `pages` (0-based) draw an image, by qpdf (images in forms
// included). In doubt (qpdf cannot open the file), all of them.
std::set<int> pages_with_images(std::string_view bytes, const std::map<int, std::string>& pages) {
    std::set<int> out;
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("document", bytes.data(), bytes.size());
        auto all = QPDFPageDocumentHelper(q).getAllPages();
        for (const auto& entry : pages) {
            const int i = entry.first;
            if (i < 0 || std::size_t(i) >= all.size()) continue;
            bool any = false;
            all[std::size_t(i)].forEachImage(
                true, [&](QPDFObjectHandle&, QPDFObjectHandle&, std::string const&) { any = true; });
            if (any) out.insert(i);
        }
    } catch (const std::exception&) {
        for (const auto& entry : pages) out.insert(entry.first);
    }
    return out;
}

// poppler-cpp builds its global state (font tables, character maps: about a
// millisecond) with the first open document and throws it away with the
// last: kept alive by one small document of our own, for the life of the
// process, the state is built once, not once per document.
void keep_poppler_loaded() {
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

// Reads a PDF's text. Returns false, having read nothing, when some page
// needs OCR and `ocr_here` is false.
bool read_pdf(std::string_view bytes, const ReadOptions& options, ReadFacts& r, bool& transient,
              bool ocr_here) {
    const ReadLimits& lim = options.limits;
    keep_poppler_loaded();
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), int(std::min<std::size_t>(bytes.size(), INT32_MAX))));
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
    std::string text;
    std::vector<int> need_ocr;
    std::map<int, std::string> sparse;  // pages with a little text (a heading, a page number) only
    for (int i = 0; i < text_pages; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        PageRead pr;
        if (page) {
            auto u = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
            std::string t(u.begin(), u.end());
            if (legible(t)) {
                pr.source = TextSource::text_layer;
                pr.characters = count_text(t).visible;
                text += t;
                text += '\n';
            } else if (const auto c = count_text(t); c.visible > 0 && c.letters * 2 >= c.visible) {
                // Few words, but words: a garbled layer (broken font encoding) is read by OCR.
                sparse.emplace(i, std::move(t));
            } else {
                need_ocr.push_back(i);
            }
        }
        r.pages.push_back(pr);
    }
    // A page with a little text is a scan with a stamp ("page 2 of 5") when
    // it draws an image, and is read by OCR; otherwise it is a born-digital
    // page with little on it (a passport's visa page), read as it is.
    if (!sparse.empty()) {
        const std::set<int> scanned = pages_with_images(bytes, sparse);
        for (auto& [i, t] : sparse) {
            if (scanned.count(i)) {
                need_ocr.push_back(i);
                continue;
            }
            r.pages[std::size_t(i)].source = TextSource::text_layer;
            r.pages[std::size_t(i)].characters = count_text(t).visible;
            text += t;
            text += '\n';
        }
        std::sort(need_ocr.begin(), need_ocr.end());
    }
    if (need_ocr.empty() || !options.ocr) {
        finish(r, text, options);
        if (r.source == TextSource::none && r.unreadable.empty())
            r.unreadable = need_ocr.empty()
                               ? msg("it has no pages to read")
                               : msg("its pages have no text layer and OCR was turned off (--no-ocr)");
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
    Ocr ocr(lim);
    if (auto why = ocr.start(); !why.empty()) {
        r.unreadable = std::move(why);
        finish(r, text, options);
        return true;
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
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
        auto res = ocr.recognise(pix.get(), i + 1);
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
            text += res.text;
            text += '\n';
        }
    }
    finish(r, text, options);
    if (r.source == TextSource::none && r.unreadable.empty())
        r.unreadable = msg("no legible text was found in it, neither in a text layer nor by OCR");
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
    setMsgSeverity(L_SEVERITY_NONE);
    PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
    if (!pix) {
        r.unreadable = msg("its text cannot be read: the image cannot be decoded (damaged)");
        return true;
    }
    PixPtr grey(pixConvertTo8(pix.get(), 0));
    if (!grey) {
        r.unreadable = msg("its text cannot be read: the image cannot be decoded (damaged)");
        return true;
    }
    Ocr ocr(lim);
    if (auto why = ocr.start(); !why.empty()) {
        r.unreadable = std::move(why);
        return true;
    }
    if (options.progress) options.progress(ReadProgress::ocr_page(1, 1));
    auto res = ocr.recognise(grey.get(), 1);
    if (!res.limit.empty()) {
        r.unreadable = std::move(res.limit);
        transient = true;
        return true;
    }
    r.pages[0].ocr_confidence = res.confidence;
    std::string text;
    if (legible(res.text)) {
        r.pages[0].source = TextSource::ocr;
        r.pages[0].characters = count_text(res.text).visible;
        text = res.text;
    }
    finish(r, text, options);
    if (r.source == TextSource::none && r.unreadable.empty())
        r.unreadable = msg("no legible text was found in it by OCR");
    return true;
}

std::string file_stamp(const fs::path& p) {
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    if (ec) return "-";
    auto t = fs::last_write_time(p, ec);
    return fmt::format("{}:{}", size, ec ? 0 : t.time_since_epoch().count());
}

}  // namespace

fs::path tessdata_dir() {
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) return env;
    return "/usr/share/tesseract-ocr/5/tessdata";
}

LanguageGuess detect_language(std::string_view text) {
    LanguageGuess g;
    if (count_text(text).words < kMinLanguageWords) return g;
    CLD2::Language lang3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::ExtDetectLanguageSummary(text.data(), int(std::min<std::size_t>(text.size(), INT32_MAX)), true,
                                   lang3, percent3, &text_bytes, &reliable);
    if (!reliable || lang3[0] == CLD2::UNKNOWN_LANGUAGE || percent3[0] < kMinLanguagePercent) return g;
    g.language = CLD2::LanguageCode(lang3[0]);
    g.confidence = percent3[0] / 100.0;
    return g;
}

void prepare_reading(const ReadOptions& options) {
    if (!options.enabled) return;
    reader_stamp(options);
    keep_poppler_loaded();
    try {
        // The vocabularies, and ICU's month names with them.
        const auto vocab = vocabularies(options);
        find_dates("1 janvier 2020", vocab->dates);
    } catch (const std::exception&) {
        // Said for each document when it is read.
    }
}

std::string reader_stamp(const ReadOptions& options) {
    static std::mutex m;
    static std::map<std::string, std::string> memo;
    const fs::path dir = options.checklists.empty() ? default_checklist_dir() : options.checklists;
    const std::string memo_key = dir.string() + (options.ocr ? "|ocr" : "|no-ocr");
    std::lock_guard lock(m);
    if (auto it = memo.find(memo_key); it != memo.end()) return it->second;
    std::string data;
    for (const char* l : {"fra", "nld", "deu", "eng"})
        data += fmt::format("{}={};", l, file_stamp(tessdata_dir() / (std::string(l) + ".traineddata")));
    // The vocabularies a lawyer may correct: their content, not their dates.
    Sha256 vocab;
    for (const char* sub : {"data/date-labels", "data/document-keywords"}) {
        std::error_code ec;
        std::vector<fs::path> files;
        for (auto it = fs::directory_iterator(dir / sub, ec); !ec && it != fs::directory_iterator();
             it.increment(ec))
            files.push_back(it->path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            vocab.update(f.filename().string().data(), f.filename().string().size());
            if (auto s = slurp(f)) vocab.update(s->data(), s->size());
        }
    }
    std::string stamp = fmt::format("{};tesseract={};poppler={};cld2;{}vocabularies={};ocr={}",
                                    kReaderVersion, tesseract::TessBaseAPI::Version(),
                                    poppler::version_string(), data, vocab.hex(), options.ocr ? "yes" : "no");
    memo[memo_key] = stamp;
    return stamp;
}

namespace {

// Reads `bytes`; false (nothing read) when OCR is needed and `ocr_here` is false.
bool read_bytes(std::string_view bytes, ContentKind kind, const ReadOptions& options, ReadFacts& r, bool& t,
                bool ocr_here) {
    try {
        if (kind == ContentKind::pdf) return read_pdf(bytes, options, r, t, ocr_here);
        if (kind == ContentKind::jpeg || kind == ContentKind::png)
            return read_image(bytes, kind, options, r, t, ocr_here);
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

}  // namespace

ReadCache read_cache_for(const ReadOptions& options) {
    return ReadCache(options.cache.empty() ? default_cache_dir() : options.cache, reader_stamp(options));
}

ReadFacts read_document(const fs::path& file, ContentKind kind, const ReadOptions& options, bool* transient) {
    ReadFacts r;
    bool t = false;
    // The mapping, not a copy: a scan may be tens of megabytes.
    MappedFile mapped(file);
    std::optional<std::string> copy;
    if (mapped.error() == 0 && !mapped.mapped()) copy = slurp(file);
    if (mapped.error() != 0 || (!mapped.mapped() && !copy)) {
        r.unreadable = msg("it cannot be read from the disk");
        if (transient) *transient = true;
        return r;
    }
    read_bytes(copy ? std::string_view(*copy) : mapped.bytes(), kind, options, r, t, true);
    if (transient) *transient = t;
    return r;
}

std::optional<ReadFacts> read_skipped(const FileFacts& f) {
    if (f.content != ContentKind::pdf || !f.pdf || f.pdf->readable || f.pdf->encrypted) return std::nullopt;
    ReadFacts r;
    r.unreadable = msg("its text was not read: the PDF itself cannot be opened and must be replaced first");
    return r;
}

std::optional<ReadFacts> read_without_ocr(std::string_view bytes, ContentKind kind,
                                          const ReadOptions& options, bool* transient) {
    ReadFacts r;
    bool t = false;
    if (!read_bytes(bytes, kind, options, r, t, false)) return std::nullopt;
    if (transient) *transient = t;
    return r;
}

ReadFacts read_document(const fs::path& file, ContentKind kind, const ReadOptions& options) {
    return read_document(file, kind, options, nullptr);
}

}  // namespace dossier
