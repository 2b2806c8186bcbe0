// The preview's rendering (serve/preview.h): poppler-cpp, in the reading
// module (core/modules.h).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "serve/preview.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {
void quiet(const std::string&, void*) {}  // poppler's complaints about a damaged file are not ours to print
}  // namespace

std::string dossier_render_preview(const fs::path& pdf, std::string_view sha256, const fs::path& cache,
                                   int width, bool masked) {
    fs::path out = preview_path(cache, sha256, masked);
    if (out.empty()) return "no SHA-256";
    std::error_code ec;
    if (fs::is_regular_file(out, ec)) return {};
    {
        std::ifstream in(pdf, std::ios::binary);
        char head[16] = {};
        in.read(head, sizeof head);
        const ContentKind kind = sniff(std::string_view(head, size_t(in.gcount())));
        if (kind == ContentKind::jpeg || kind == ContentKind::png)
            return render_image_preview(pdf, kind, out, width, masked);
    }
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
    if (masked) {
        // format_rgb24: 3 bytes a pixel, rows padded to 4 bytes.
        if (img.format() != poppler::image::format_rgb24) return "the preview could not be masked";
        pixelate(reinterpret_cast<unsigned char*>(img.data()), img.width(), img.height(), img.bytes_per_row(),
                 3, std::max(8, img.width() / 20));
    }
    return write_preview(out, [&](const fs::path& temp) { return img.save(temp.string(), "png"); });
}

}  // namespace dossier
