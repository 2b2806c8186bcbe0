// One JPEG or PNG as a one-page PDF, for the upload set (the portal takes
// PDFs).
//
// The page is A4, portrait, or landscape when the image (as shown, after its
// EXIF orientation) is wider than tall; the image is scaled to fit it,
// centred. A lawyer's scan of an A4 paper then fills the page whatever its
// resolution, and a phone photo prints on one sheet.
//
// JPEG: wrapped without re-encoding: the image XObject's /DCTDecode stream
// holds the file's bytes exactly (an Adobe CMYK JPEG gets the usual inverted
// /Decode); its EXIF orientation becomes the page's /Rotate.
// PNG: decoded with libpng without loss (palette and low bit depths
// expanded, 16 bits kept, interlacing undone), the colour in a Flate stream
// and the alpha channel, if any, in a soft mask (/SMask).
//
// Both are deterministic (same bytes in, same PDF out) and refuse images
// over 50 million pixels (the readers' limit) with an ImagePdfError.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/modules.h"
#include "core/text.h"

namespace dossier::package {

class ImagePdfError : public TextError {
public:
    using TextError::TextError;
};

inline constexpr long long kMaxImagePixels = 50'000'000;

// `name` names the file in messages. In the reading module (core/modules.h): qpdf.
DOSSIER_READING_ENTRY std::string dossier_jpeg_to_pdf(std::string_view jpeg, const std::string& name);
DOSSIER_READING_ENTRY std::string dossier_png_to_pdf(std::string_view png, const std::string& name);
inline std::string jpeg_to_pdf(std::string_view jpeg, const std::string& name) {
    return reading_entry(dossier_jpeg_to_pdf, "dossier_jpeg_to_pdf")(jpeg, name);
}
inline std::string png_to_pdf(std::string_view png, const std::string& name) {
    return reading_entry(dossier_png_to_pdf, "dossier_png_to_pdf")(png, name);
}

}  // namespace dossier::package
