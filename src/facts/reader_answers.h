// The lines a reader of documents answers on its pipe (facts/pdf_isolated.h),
// written by the reader and parsed by its parent. Every parser takes what a
// hostile reader could send: a line it does not understand is an error
// (std::exception), never a crash.
//
//   the dossier's reader, for each file:
//     FILE-FACTS                         (facts/pdf_wire.h)
//     then, when reading: {"read": READ-FACTS or null, "transient": BOOL}
//                     or the read cache's entry for it, as stored
//   a document's reader (OCR):
//     {"progress": {"page": N, "pages": M, "ocr": BOOL}}   any number of them
//     {"pdf": PDF-FACTS or null, "read": READ-FACTS or null, "read_transient": BOOL}
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "facts/file_facts.h"
#include "facts/read_cache.h"
#include "facts/read_document.h"
#include "facts/read_facts.h"

namespace dossier {

// What the child found in one document: a PDF's facts, and what it read
// (when asked to read). For an image, pdf is unset.
struct DocumentFacts {
    std::optional<PdfFacts> pdf;
    std::optional<ReadFacts> read;
    bool read_transient = false;  // the reading hit a time limit or failed: not to be cached
};

// A file's facts line into `f`; throws on a line it does not understand.
// True when the reader took the PDF's structure from the cache.
bool parse_facts_line(std::string_view line, FileFacts& f);
// Stores a PDF's structure the reader parsed (not `cached`) in `cache`, if any.
void keep_pdf_facts(const ReadCache* cache, const FileFacts& f, bool cached);

// What a reading line says of the document whose hash is `sha256`.
struct ReadAnswer {
    std::optional<ReadFacts> facts;  // unset: nothing usable; read it apart
    bool store = false;              // freshly read and not transient: the parent caches it
};
// Never throws: a line it cannot use (a corrupted cache entry included) gives
// an empty answer.
ReadAnswer parse_read_line(std::string_view line, const std::string& sha256, const ReadCache& cache);
std::string read_line(const std::optional<ReadFacts>& r, bool transient);

std::string progress_json_line(const ReadProgress& p);
// Unset when `line` is not a progress line.
std::optional<ReadProgress> parse_progress_line(std::string_view line);

// A document reader's last line; throws when it does not say what was asked
// (the PDF's facts when not reading, what was read when reading).
DocumentFacts parse_document_line(std::string_view line, ContentKind kind, bool reading);
std::string document_line(const DocumentFacts& d);

}  // namespace dossier
