#include "facts/read_document.h"

#include <fmt/format.h>
// The versions only (macros): the libraries are the reading module's (core/modules.h).
#include <poppler/cpp/poppler-version.h>
#include <tesseract/version.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "core/data_dir.h"
#include "core/modules.h"
#include "facts/mapped_file.h"
#include "facts/read_bytes.h"
#include "facts/reading_data.h"
#include "facts/sha256.h"
#include "facts/text_analysis.h"

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
// read-10: zones read by the English model only; a zone's three lines read
// before their parts; no bar alone read once a zone was decoded; a cut not
// read upside down where its fillers were seen upright.
// read-11: where a zone decoded with its checks failing, only its own cut is
// read again with its contrast evened out, no other candidate.
// read-12: a zone's names and number read with doubt settled by the words
// the page prints (facts/mrz.h: settle_by_print).
// read-13: read-11 and read-12 together (two branches merged).
// read-14: a zone found among the strokes fainter than the page's threshold
// (a zone on a coloured highlight), where no other candidate lies, read
// evened out at once; an evened cut read line by line even where its block
// showed no zone.
// read-16: a page's text read the way up its zone reads (facts/ocr.h).
// read-17: a German document number holds only the characters Germany uses
// (facts/mrz_layout.h: number_alphabet).
// read-18: read-14, read-16 and read-17 together (a branch merged).
constexpr const char* kReaderVersion = "read-18";

std::optional<std::string> slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(ss).str();
}

std::string data_file_stamp(const fs::path& p) {
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
    // The reading module, loaded here once rather than by each reader that
    // meets a document not in the cache (a damaged PDF is never cached): a
    // batch's readers are many (one per job, replaced after 256 documents),
    // and loading it took 30-40 ms each (9 of them: 0.3 s of a warm batch of
    // 200 dossiers). A single `validate` does not call this.
    try {
        reading_entry(dossier_prepare_reading_module, "dossier_prepare_reading_module")();
    } catch (const ModuleError&) {
        // Said for each document when it is read.
    }
    try {
        // The vocabularies, and ICU's month names with them.
        const auto vocab = reading_vocabularies(options);
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
        data += fmt::format("{}={};", l, data_file_stamp(tessdata_dir() / (std::string(l) + ".traineddata")));
    data += fmt::format("ocrb={};", data_file_stamp(ocrb_font_path()));
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
    std::string stamp =
        fmt::format("{};tesseract={};poppler={};cld2;{}vocabularies={};ocr={}", kReaderVersion,
                    TESSERACT_VERSION_STR, POPPLER_VERSION, data, vocab.hex(), options.ocr ? "yes" : "no");
    memo[memo_key] = stamp;
    return stamp;
}

namespace {

// Reads `bytes` with the reading module; false (nothing read) when OCR is
// needed and `ocr_here` is false.
bool read_bytes(std::string_view bytes, ContentKind kind, const ReadOptions& options, ReadFacts& r, bool& t,
                bool ocr_here) {
    try {
        return reading_entry(dossier_read_bytes, "dossier_read_bytes")(bytes, kind, options, r, t, ocr_here);
    } catch (const ModuleError& e) {
        r = ReadFacts{};
        r.unreadable = msg("its text cannot be read ({error})", {{"error", std::string(e.what())}});
        t = true;  // not kept in the cache: the installation, not the document, is at fault
        return true;
    }
}

}  // namespace

std::shared_ptr<const TextVocabularies> reading_vocabularies(const ReadOptions& options) {
    static std::mutex m;
    static std::map<fs::path, std::shared_ptr<const TextVocabularies>> loaded;
    const fs::path dir = options.checklists.empty() ? default_checklist_dir() : options.checklists;
    std::lock_guard lock(m);
    auto& v = loaded[dir];
    if (!v) v = std::make_shared<const TextVocabularies>(load_text_vocabularies(dir));
    return v;
}

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
