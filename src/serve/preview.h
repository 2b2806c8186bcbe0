// A preview of a PDF's first page: rendered by poppler-cpp's page renderer,
// PNG-encoded, cached by the document's SHA-256 (the same bytes always give
// the same picture). The browser is only ever given this picture, never the
// document itself, so nothing a hostile PDF holds (scripts, forms, links)
// reaches it. Reading a document is file reading: this runs in the isolated
// process (see serve/), never in the server.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/modules.h"
#include "facts/file_facts.h"
#include "facts/sniff.h"
#include "model/manifest.h"

namespace dossier {

// The preview's file name in the cache: "<sha256>.png", or
// "<sha256>.masked.png" for the masked picture of a document that shows
// personal data; "" when `sha256` is not 64 lowercase hex digits (so a request
// can never name another file).
std::string preview_name(std::string_view sha256, bool masked = false);
// CACHE/preview_name(...), or empty.
std::filesystem::path preview_path(const std::filesystem::path& cache, std::string_view sha256,
                                   bool masked = false);

// Whether a document's preview is masked, as its personal data is in the text:
// an identity document (passport, residence card, the employer's
// representative's identity card), a sworn translation of one, or any document
// in which a machine-readable zone was read; never with --show-personal-data.
// We do not know where a scan puts the data page on its sheet, so the whole
// picture is masked (render_preview), not a guessed rectangle.
bool preview_masked(const FileFacts& f, const Manifest* m, bool show_personal_data);

// The cache folder: $DOSSIER_CACHE, else $XDG_CACHE_HOME/dossier, else
// ~/.cache/dossier, else the temporary folder; "/previews" below it.
std::filesystem::path default_preview_cache();

// Renders the first page of `pdf` (or a JPEG or PNG, by its first bytes) about `width` pixels wide and writes
// it to preview_path(cache, sha256, masked) atomically. Masked, the picture is cut into blocks of a twentieth
// of its width, each one colour (its average): the page's layout, a photo's place and the colours show, no
// character or face can be read (a character of a machine-readable zone is a fraction of a block). Only the
// masked picture is ever made then. Returns an empty string when done (or already cached), else why not
// ("encrypted", "no pages", ...).
// In the reading module (core/modules.h): poppler and Leptonica.
DOSSIER_READING_ENTRY std::string dossier_render_preview(const std::filesystem::path& pdf,
                                                         std::string_view sha256,
                                                         const std::filesystem::path& cache, int width,
                                                         bool masked);
inline std::string render_preview(const std::filesystem::path& pdf, std::string_view sha256,
                                  const std::filesystem::path& cache, int width = 360, bool masked = false) {
    return reading_entry(dossier_render_preview, "dossier_render_preview")(pdf, sha256, cache, width, masked);
}

// The preview of a JPEG or PNG (a passport filed as a photo or scan),
// written to `out` (a preview_path) the same way: `width` pixels wide, masked
// alike. render_preview calls it for an image. Refuses a picture of more than
// kPreviewMaxPixels by its header, before decoding a pixel.
inline constexpr std::uint64_t kPreviewMaxPixels = 50'000'000;
std::string render_image_preview(const std::filesystem::path& image, ContentKind kind,
                                 const std::filesystem::path& out, int width, bool masked);

// Writes the picture `save` encodes (into the path it is given) to `out`
// atomically, checking that a PNG came out; "" when done, else why not.
std::string write_preview(const std::filesystem::path& out,
                          const std::function<bool(const std::filesystem::path&)>& save);

// The masking itself, on packed pixels of `bytes_per_pixel` bytes (exposed for
// the tests): every `block` x `block` square becomes its average.
void pixelate(unsigned char* pixels, int width, int height, int bytes_per_row, int bytes_per_pixel,
              int block);

}  // namespace dossier
