// A preview of a PDF's first page: rendered by poppler-cpp's page renderer,
// PNG-encoded, cached by the document's SHA-256 (the same bytes always give
// the same picture). The browser is only ever given this picture, never the
// document itself, so nothing a hostile PDF holds (scripts, forms, links)
// reaches it. Reading a document is file reading: this runs in the isolated
// process (see serve/), never in the server.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// Where the preview of the document whose SHA-256 is `sha256` is cached:
// CACHE/<sha256>.png. Empty when `sha256` is not 64 lowercase hex digits (so a
// request can never name another file).
std::filesystem::path preview_path(const std::filesystem::path& cache, std::string_view sha256);

// The cache folder: $DOSSIER_CACHE, else $XDG_CACHE_HOME/dossier, else
// ~/.cache/dossier, else the temporary folder; "/previews" below it.
std::filesystem::path default_preview_cache();

// Renders the first page of `pdf` about `width` pixels wide and writes it to
// preview_path(cache, sha256) atomically. Returns an empty string when done
// (or already cached), else why not ("encrypted", "no pages", ...).
std::string render_preview(const std::filesystem::path& pdf, std::string_view sha256,
                           const std::filesystem::path& cache, int width = 360);

}  // namespace dossier
