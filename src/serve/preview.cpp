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

std::string preview_name(std::string_view sha256, bool masked) {
    if (sha256.size() != 64) return {};
    for (char c : sha256)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return {};
    return std::string(sha256) + (masked ? ".masked.png" : ".png");
}

fs::path preview_path(const fs::path& cache, std::string_view sha256, bool masked) {
    std::string name = preview_name(sha256, masked);
    return name.empty() ? fs::path() : cache / name;
}

namespace {
bool identity_type(const std::string& type) {
    return type == "passport" || type == "residence-card" || type == "employer-representative-id";
}
}  // namespace

bool preview_masked(const FileFacts& f, const Manifest* m, bool show_personal_data) {
    if (show_personal_data) return false;
    if (f.read && f.read->mrz) return true;
    const Document* d = m ? m->find_document(f.file) : nullptr;
    if (!d) return false;
    if (identity_type(d->type)) return true;
    if (d->type == "sworn-translation" && d->translates) {
        const Document* original = m->find_document(*d->translates);
        return original && identity_type(original->type);
    }
    return false;
}

void pixelate(unsigned char* pixels, int width, int height, int bytes_per_row, int bpp, int block) {
    block = std::max(1, block);
    for (int by = 0; by < height; by += block)
        for (int bx = 0; bx < width; bx += block) {
            int h = std::min(block, height - by), w = std::min(block, width - bx);
            unsigned long sum[4] = {0, 0, 0, 0};
            for (int y = by; y < by + h; ++y)
                for (int x = bx; x < bx + w; ++x)
                    for (int c = 0; c < bpp && c < 4; ++c) sum[c] += pixels[y * bytes_per_row + x * bpp + c];
            unsigned long n = (unsigned long)(w) * (unsigned long)(h);
            for (int y = by; y < by + h; ++y)
                for (int x = bx; x < bx + w; ++x)
                    for (int c = 0; c < bpp && c < 4; ++c)
                        pixels[y * bytes_per_row + x * bpp + c] = (unsigned char)(sum[c] / n);
        }
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

std::string render_preview(const fs::path& pdf, std::string_view sha256, const fs::path& cache, int width,
                           bool masked) {
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

std::string write_preview(const fs::path& out, const std::function<bool(const fs::path&)>& save) {
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    try {
        AtomicFile file(out);
        // The encoders write by name: into the temporary file, which is then
        // flushed and renamed (an interrupted render leaves no partial PNG).
        if (!save(file.temp_path())) return "the preview could not be encoded as PNG";
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
