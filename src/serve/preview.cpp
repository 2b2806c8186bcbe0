#include "serve/preview.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "core/atomic_file.h"

namespace dossier {

namespace fs = std::filesystem;

fs::path preview_path(const fs::path& cache, std::string_view sha256) {
    if (sha256.size() != 64) return {};
    for (char c : sha256)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return {};
    return cache / (std::string(sha256) + ".png");
}

fs::path default_preview_cache() {
    auto env = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v && *v ? std::string(v) : std::string();
    };
    fs::path base;
    if (auto d = env("DOSSIER_CACHE"); !d.empty())
        base = d;
    else if (auto x = env("XDG_CACHE_HOME"); !x.empty())
        base = fs::path(x) / "dossier";
    else if (auto h = env("HOME"); !h.empty())
        base = fs::path(h) / ".cache" / "dossier";
    else
        base = fs::temp_directory_path() / "dossier-cache";
    return base / "previews";
}

namespace {
void quiet(const std::string&, void*) {}  // poppler's complaints about a damaged file are not ours to print
}  // namespace

std::string render_preview(const fs::path& pdf, std::string_view sha256, const fs::path& cache, int width) {
    fs::path out = preview_path(cache, sha256);
    if (out.empty()) return "no SHA-256";
    std::error_code ec;
    if (fs::is_regular_file(out, ec)) return {};
    poppler::set_debug_error_function(quiet, nullptr);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
    if (!doc) return "not readable by the PDF renderer";
    if (doc->is_locked()) return "encrypted";
    if (doc->pages() < 1) return "no pages";
    std::unique_ptr<poppler::page> page(doc->create_page(0));
    if (!page) return "no first page";
    auto rect = page->page_rect();
    double points = std::max(1.0, rect.width());
    // The resolution that gives `width` pixels, bounded so that an absurd
    // page size cannot ask for an enormous picture.
    double dpi = std::clamp(72.0 * width / points, 4.0, 150.0);
    if (rect.height() * dpi / 72.0 > 4.0 * width) dpi = std::max(1.0, 72.0 * 4.0 * width / rect.height());
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_rgb24);
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid()) return "the first page could not be rendered";
    fs::create_directories(cache, ec);
    try {
        AtomicFile file(out);
        // poppler writes the PNG by name: into the temporary file, which is
        // then flushed and renamed (an interrupted render leaves no partial PNG).
        if (!img.save(file.temp_path().string(), "png")) return "the preview could not be encoded as PNG";
        std::ifstream check(file.temp_path(), std::ios::binary);
        char magic[8] = {};
        check.read(magic, 8);
        if (std::string_view(magic, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8))
            return "the preview could not be encoded as PNG";
        file.commit();
    } catch (const OutputError& e) {
        return e.what();
    }
    return {};
}

}  // namespace dossier
