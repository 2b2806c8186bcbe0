#include "facts/reading_data.h"

#include <cstdlib>

namespace dossier {

std::filesystem::path tessdata_dir() {
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) return env;
    return "/usr/share/tesseract-ocr/5/tessdata";
}

const char* ocr_languages() { return "fra+nld+deu+eng"; }

std::filesystem::path ocrb_font_path() {
    if (const char* env = std::getenv("DOSSIER_OCRB_FONT"); env && *env) return env;
    return "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
}

}  // namespace dossier
