// --max-mb: makes a PDF whose pages are scans smaller, for the upload set.
//
// A page is a scan when it uses no font (in its resources or its forms') and
// draws images. Only those pages' images are touched: each is decoded
// (JPEG, or 8-bit gray or RGB samples behind Flate/LZW/run-length filters),
// scaled down to at most 200 dpi on the page (never up), and written again
// as JPEG, at falling qualities (75, 60, 45, 30) until the file fits. An
// image that would not get smaller, or that is something else (1-bit,
// CMYK, JBIG2, a colour map, a /Decode array, an image mask), is kept as it
// is; text pages are never changed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/modules.h"

namespace dossier::package {

struct ShrinkOutcome {
    bool scans = false;  // some page is a scan with an image that could be re-compressed
    std::string pdf;     // the smallest PDF made (empty when nothing could be re-compressed)
};

inline constexpr int kScanDpi = 200;

// `pdf` must be a PDF qpdf opens. Throws std::exception from qpdf on a PDF it
// cannot rewrite. In the reading module (core/modules.h): Leptonica.
DOSSIER_READING_ENTRY ShrinkOutcome dossier_shrink_scans(std::string_view pdf, std::uint64_t max_bytes);
inline ShrinkOutcome shrink_scans(std::string_view pdf, std::uint64_t max_bytes) {
    return reading_entry(dossier_shrink_scans, "dossier_shrink_scans")(pdf, max_bytes);
}

}  // namespace dossier::package
