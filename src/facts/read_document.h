// Reading what a document says (issue 10): the text of each page from the
// PDF's text layer (poppler-cpp), or by OCR (tesseract 5, French, Dutch,
// German and English) for pages without usable text and for JPEG/PNG images;
// then its language (CLD2) and, through facts/text_analysis.h, its dates,
// machine-readable zone, kind and word hashes.
//
// read_document runs on untrusted files: call it only inside the isolated
// child process (facts/pdf_isolated.h), which adds memory and processor
// limits to the limits of its own below. It never throws for a bad file:
// whatever stops the reading is said in ReadFacts::unreadable, naming the
// limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "facts/file_facts.h"
#include "facts/language.h"
#include "facts/ocr.h"
#include "facts/read_cache.h"
#include "facts/read_facts.h"
#include "facts/sniff.h"

namespace dossier {

struct ReadLimits {
    std::uint64_t pixels_per_page =
        50'000'000;        // a page or image larger than this is not decoded (A4 at 600 dpi: 35 M)
    int text_pages = 200;  // text layer read on the first pages only
    int ocr_pages = 20;    // a scan with more pages than this is not read by OCR
    // OCR's limits in processor seconds (the same reading whatever the load:
    // core/time_budget.h); a page stops on the clock after kOcrWallFactor times its own.
    int ocr_seconds_per_page = 60;  // one page: its text and its zone
    int ocr_seconds_total = 300;    // all the OCR of one document
    int dpi = 250;                  // pages rendered for OCR at this resolution, in grey
};

// Where a reading is, for a progress line on a terminal: the reader says the
// page (pages read by OCR, `pages` of them); its parent adds the document.
struct ReadProgress {
    std::string document;            // its name (set by the parent)
    std::size_t document_index = 0;  // n of `documents`, from 1 (set by the parent)
    std::size_t documents = 0;
    int page = 0;  // 0: the document as a whole (its text layer)
    int pages = 0;
    bool ocr = false;
    static ReadProgress ocr_page(int page, int pages) {
        ReadProgress p;
        p.page = page;
        p.pages = pages;
        p.ocr = true;
        return p;
    }
};

struct ReadOptions {
    bool enabled = true;          // false: documents are not read at all (tests of other stages)
    bool ocr = true;              // --no-ocr: scans are left unread (source none)
    std::filesystem::path cache;  // --cache DIR; empty: default_cache_dir()
    std::filesystem::path
        checklists;             // where data/date-labels and data/document-keywords are; empty: default
    std::optional<Date> today;  // for two-digit years in a machine-readable zone; empty: the real date
    ReadLimits limits;
    unsigned jobs = 0;  // documents read side by side on a cache miss (one child each); 0: one per core
    // Threads one document's reading may use: more than one only where a
    // core would otherwise sit idle (fewer documents to read than cores,
    // read_documents in facts/file_facts.cpp). Never part of what is read.
    unsigned threads = 1;
    // Called as the reading goes (not carried to a child: the child's reports
    // come back over its pipe). May be called from several threads at once.
    std::function<void(const ReadProgress&)> progress;
};

// Reads `file` (a PDF, JPEG or PNG, as sniffed) in this process.
ReadFacts read_document(const std::filesystem::path& file, ContentKind kind, const ReadOptions& options);
// The same; *transient tells whether the outcome depends on the moment (a
// time limit hit, a read error) and must not be cached.
ReadFacts read_document(const std::filesystem::path& file, ContentKind kind, const ReadOptions& options,
                        bool* transient);

// What `bytes` (a PDF, JPEG or PNG, as sniffed) say when that takes no OCR:
// a PDF whose every page has a text layer, or any document when OCR is off.
// Unset when OCR is needed: read_document then reads it, in a child with
// OCR's limits. The isolated reader of a dossier's files calls it on the
// mapping it has just parsed (facts/pdf_isolated.h).
std::optional<ReadFacts> read_without_ocr(std::string_view bytes, ContentKind kind,
                                          const ReadOptions& options, bool* transient);

// What is said of a document whose text is not read at all: a PDF that the
// structure reader (facts/pdf.h) could not open, damaged beyond repair or
// stopping the reader, which must be replaced anyway (rule pdf.unreadable)
// and which poppler would only spend a repair's time on. Unset when `f`'s
// text is to be read. Not cached: it costs nothing.
std::optional<ReadFacts> read_skipped(const FileFacts& f);

// What decides the outcome of a reading besides the file's bytes: this
// reader's version, tesseract's, poppler's, the language data files, the
// vocabularies and whether OCR was allowed. Part of every cache key.
std::string reader_stamp(const ReadOptions& options);

// Loads, once per process, what every reading with `options` needs (the
// reader stamp, the vocabularies, ICU's month names, the reading module and
// poppler's global state): a process that forks readers for many dossiers
// (batch, serve) calls it first, so that each starts with them. Elsewhere
// (validate) the reading module is loaded by a reader with its first
// document not in the cache (core/modules.h).
void prepare_reading(const ReadOptions& options);

// The read cache these options name (--cache, else default_cache_dir()),
// keyed by their reader stamp.
ReadCache read_cache_for(const ReadOptions& options);

// read_file_facts and gather_facts (facts/file_facts.h) that also read what
// each PDF or image says when `read` is given and enabled: in the same child
// process as the PDF's inspection, unless the cache (facts/read_cache.h) has it.
void read_file_facts(FileFacts& facts, PdfInspection pdfs, const ReadOptions* read);
// What each of `files` (facts already read: present, hashed, sniffed) says,
// from the cache or read in a child of its own per document (in this process
// when pdfs is in_process). Nothing when `read` is null or disabled.
void read_documents(const std::vector<FileFacts*>& files, PdfInspection pdfs, const ReadOptions* read);
// The threads each reader may use (ReadOptions::threads) when `jobs`
// readers run side by side on `cores`: the cores they leave idle, shared
// out; one where the caller chose the jobs (`jobs_asked`: batch reads
// dossiers side by side, each on one core).
unsigned reader_threads(unsigned cores, unsigned jobs, bool jobs_asked);
std::vector<FileFacts> gather_facts(const std::filesystem::path& folder, const Manifest& manifest,
                                    const ReadOptions* read);

}  // namespace dossier
