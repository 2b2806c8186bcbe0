#include "serve/preview.h"

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
