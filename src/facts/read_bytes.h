// The reading of a document's bytes (facts/read_document.h): its PDF text
// layers or its pages by OCR, then its language and what its text says. In
// the reading module (core/modules.h): poppler, tesseract, Leptonica
// and CLD2.
#pragma once

#include <memory>
#include <string_view>

#include "core/modules.h"
#include "facts/read_document.h"
#include "facts/text_analysis.h"

namespace dossier {

// Reads `bytes` (a PDF, JPEG or PNG, as sniffed) into `r`; false, having read
// nothing, when OCR is needed and `ocr_here` is false. `transient`: the
// outcome depends on the moment (a time limit) and must not be cached. Never
// throws for a bad file.
DOSSIER_READING_ENTRY bool dossier_read_bytes(std::string_view bytes, ContentKind kind,
                                              const ReadOptions& options, ReadFacts& r, bool& transient,
                                              bool ocr_here);

// Loads what every reading needs of the module's libraries (poppler's global
// state): a process that forks readers for many dossiers (batch, serve) loads
// the module and calls this first, so that its readers start with them.
DOSSIER_READING_ENTRY void dossier_prepare_reading_module();

// The date labels and document keywords of `options`' checklist folder,
// loaded once per process (prepare_reading loads them before readers are
// forked). Throws when they cannot be loaded.
std::shared_ptr<const TextVocabularies> reading_vocabularies(const ReadOptions& options);

}  // namespace dossier
