// The pages of a PDF read (poppler-cpp): each page's text layer where it has
// a usable one; pages without are rendered in grey and read by OCR
// (facts/ocr.h) when they show a scan, their zone looked for in colour,
// and left alone when they are drawn (a born-digital figure or a blank
// page has no text to find).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "facts/read_document.h"

namespace dossier {

// What the pages of a document gave, before its text is analysed.
struct PagesRead {
    std::string text;         // the usable text of the pages, in order
    bool ocr_text = false;    // some of it was read by OCR (not exact)
    std::optional<Mrz> zone;  // the machine-readable zone read on a page image
    bool needs_ocr = false;   // pages were left for OCR, which is off (--no-ocr)
    bool ocr_ran = false;     // some page was read by OCR
};

// Reads the pages of `bytes`. Returns false, having read nothing, when some
// page needs OCR and `ocr_here` is false. Sets r.pages and r.unreadable.
bool read_pdf_pages(std::string_view bytes, const ReadOptions& options, ReadFacts& r, PagesRead& out,
                    bool& transient, bool ocr_here);

// poppler-cpp's global state (font tables, character maps), built once for
// the life of the process instead of once per document.
void keep_poppler_loaded();

}  // namespace dossier
