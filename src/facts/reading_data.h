// Where the reading finds its data: OCR's language files and the machine-
// readable zone's typeface. Known without loading the reading module
// (core/modules.h): the reader's sandbox and its cache stamp name them.
#pragma once

#include <filesystem>

namespace dossier {

// The tessdata folder used (TESSDATA_PREFIX, else Debian's).
std::filesystem::path tessdata_dir();

// The OCR languages, as tesseract names them ("fra+nld+deu+eng").
const char* ocr_languages();

// DOSSIER_OCRB_FONT, else /usr/share/fonts/opentype/ocr-b/OCRB.otf.
std::filesystem::path ocrb_font_path();

}  // namespace dossier
