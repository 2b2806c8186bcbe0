#include "facts/read_document.h"

#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-version.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "core/data_dir.h"
#include "facts/image.h"
#include "facts/language.h"
#include "facts/mapped_file.h"
#include "facts/ocr.h"
#include "facts/ocrb_glyphs.h"
#include "facts/pdf_text.h"
#include "facts/pix.h"
#include "facts/sha256.h"
#include "facts/text_analysis.h"
#include "facts/text_counts.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

// Bump when what read_document produces for the same bytes changes: every
// cache entry made by an older reader is then ignored.
// read-4: the reason a document is unreadable is a message with its
// arguments (core/text.h), no longer an English sentence.
// read-5: machine-readable zones found and read apart (facts/zone_read.h),
// with their unsure fields; drawn pages are not read by OCR.
// read-6: a zone's names as the glyphs of OCR-B read them (ZoneChar::seen).
// read-7: the page image's zone where the page's text reads the same one.
// read-8: a zone's lines joined where broken, faint zones read again with
// their contrast evened out, changes the glyphs saw cost more.
// read-9: zones read again evened out or line by line only where a reading
// showed one; a part of a zone read already is not read again on its own; a
// PDF page's zone looked for in its lightest colour channel.
constexpr const char* kReaderVersion = "read-9";

std::optional<std::string> slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(ss).str();
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

// Which zone to keep: the one whose checks hold, then the surer.
bool better_zone(const Mrz& a, const Mrz& b) {
    if (a.failed_checks.size() != b.failed_checks.size())
        return a.failed_checks.size() < b.failed_checks.size();
    return a.unsure.size() < b.unsure.size();
}

// The document's facts from what its pages gave: where its text came from,
// its language, then its dates, zone, kind and words.
void finish(ReadFacts& r, const PagesRead& pages, const ReadOptions& options) {
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
        analyse_text(pages.text, options.today.value_or(Date::today()), *vocabularies(options), r,
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
}

// Reads a PDF's text. Returns false, having read nothing, when some page
// needs OCR and `ocr_here` is false.
bool read_pdf(std::string_view bytes, const ReadOptions& options, ReadFacts& r, bool& transient,
              bool ocr_here) {
    PagesRead pages;
    if (!read_pdf_pages(bytes, options, r, pages, transient, ocr_here)) return false;
    if (!r.unreadable.empty() && transient) return true;
    if (!r.unreadable.empty() && pages.text.empty() && !pages.zone) return true;
    finish(r, pages, options);
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
    setMsgSeverity(L_SEVERITY_NONE);
    PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
    if (!pix) {
        r.unreadable = msg("its text cannot be read: the image cannot be decoded (damaged)");
        return true;
    }
    PageOcr ocr(lim, options.today.value_or(Date::today()));
    if (auto why = ocr.start(); !why.empty()) {
        r.unreadable = std::move(why);
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
    finish(r, pages, options);
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
    data += fmt::format("ocrb={};", file_stamp(ocrb_font_path()));
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
