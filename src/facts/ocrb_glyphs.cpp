#include "facts/ocrb_glyphs.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>

namespace dossier {

namespace {

constexpr int kGlyphs = int(kZoneAlphabet.size());

// The slight blur of print and scan, on a drawn glyph (3 x 3 binomial, twice).
std::vector<float> soften(const std::vector<float>& in, int w, int h) {
    std::vector<float> a = in, b(in.size());
    for (int pass = 0; pass < 2; ++pass) {
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                float sum = 0, weight = 0;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int X = x + dx, Y = y + dy;
                        if (X < 0 || Y < 0 || X >= w || Y >= h) continue;
                        const float k = float((dx ? 1 : 2) * (dy ? 1 : 2));
                        sum += k * a[size_t(Y * w + X)];
                        weight += k;
                    }
                b[size_t(y * w + x)] = sum / weight;
            }
        std::swap(a, b);
    }
    return a;
}

struct FreeTypeLibrary {
    FT_Library lib = nullptr;
    FreeTypeLibrary() {
        if (FT_Init_FreeType(&lib)) lib = nullptr;
    }
    ~FreeTypeLibrary() {
        if (lib) FT_Done_FreeType(lib);
    }
    FreeTypeLibrary(const FreeTypeLibrary&) = delete;
    FreeTypeLibrary& operator=(const FreeTypeLibrary&) = delete;
};

struct FreeTypeFace {
    FT_Face face = nullptr;
    FreeTypeFace(FT_Library lib, const std::filesystem::path& path) {
        if (!lib || FT_New_Face(lib, path.c_str(), 0, &face)) face = nullptr;
    }
    ~FreeTypeFace() {
        if (face) FT_Done_Face(face);
    }
    FreeTypeFace(const FreeTypeFace&) = delete;
    FreeTypeFace& operator=(const FreeTypeFace&) = delete;
};

// The sum and the sum of squares of a w x h window of the patch at (dx, dy).
std::pair<double, double> window_sums(const std::vector<float>& patch, int patch_width, int w, int h, int dx,
                                      int dy) {
    double s = 0, ss = 0;
    for (int y = 0; y < h; ++y) {
        const float* pr = patch.data() + size_t((y + dy) * patch_width + dx);
        for (int x = 0; x < w; ++x) {
            const double a = pr[x];
            s += a, ss += a * a;
        }
    }
    return {s, ss};
}

// The sum of products of a glyph with the patch at (dx, dy).
double dot(const std::vector<float>& patch, int patch_width, const std::vector<float>& glyph, int w, int h,
           int dx, int dy) {
    // Eight sums side by side (the compiler keeps them in vector registers);
    // each row's product in float is exact enough for a correlation of glyphs.
    float s[8] = {};
    for (int y = 0; y < h; ++y) {
        const float* pr = patch.data() + size_t((y + dy) * patch_width + dx);
        const float* gr = glyph.data() + size_t(y * w);
        int x = 0;
        for (; x + 8 <= w; x += 8)
            for (int k = 0; k < 8; ++k) s[k] += pr[x + k] * gr[x + k];
        for (; x < w; ++x) s[0] += pr[x] * gr[x];
    }
    return double(s[0]) + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
}

}  // namespace

const OcrbGlyphs* OcrbGlyphs::shared() {
    static std::once_flag once;
    static std::unique_ptr<OcrbGlyphs> glyphs;
    std::call_once(once, [] {
        auto g = std::make_unique<OcrbGlyphs>();
        if (g->load(ocrb_font_path())) glyphs = std::move(g);
    });
    return glyphs.get();
}

bool OcrbGlyphs::load(const std::filesystem::path& font) {
    FreeTypeLibrary ft;
    FreeTypeFace f(ft.lib, font);
    if (!f.face) return false;
    // The pixel size at which a capital H is cap_ pixels tall.
    if (FT_Set_Pixel_Sizes(f.face, 0, 100) || FT_Load_Char(f.face, 'H', FT_LOAD_RENDER)) return false;
    const double h100 = f.face->glyph->bitmap.rows;
    if (h100 <= 0) return false;
    if (FT_Set_Pixel_Sizes(f.face, 0, FT_UInt(std::lround(100.0 * cap_ / h100))) ||
        FT_Load_Char(f.face, 'H', FT_LOAD_RENDER))
        return false;
    const int cap_top = f.face->glyph->bitmap_top;
    advance_ = int(f.face->glyph->advance.x >> 6);
    if (advance_ <= 0) return false;
    width_ = advance_ + 2 * margin_;
    height_ = cap_ + 2 * margin_;
    const int baseline = margin_ + cap_top;
    for (int k = 0; k < kGlyphs; ++k) {
        if (FT_Load_Char(f.face, FT_ULong(kZoneAlphabet[size_t(k)]), FT_LOAD_RENDER)) return false;
        const FT_GlyphSlot g = f.face->glyph;
        std::vector<float> img(size_t(width_ * height_), 0.f);
        for (unsigned y = 0; y < g->bitmap.rows; ++y)
            for (unsigned x = 0; x < g->bitmap.width; ++x) {
                const int X = margin_ + g->bitmap_left + int(x), Y = baseline - g->bitmap_top + int(y);
                if (X < 0 || Y < 0 || X >= width_ || Y >= height_) continue;
                img[size_t(Y * width_ + X)] = g->bitmap.buffer[y * unsigned(g->bitmap.pitch) + x] / 255.f;
            }
        glyphs_[size_t(k)] = soften(img, width_, height_);
        const auto [sum, squares] = window_sums(glyphs_[size_t(k)], width_, width_, height_, 0, 0);
        glyph_sum_[size_t(k)] = sum;
        glyph_var_[size_t(k)] = squares - sum * sum / (double(width_) * height_);
    }
    return true;
}

CellMatch OcrbGlyphs::match(Pix* grey, const ZoneLineGeometry& line, int k, char hint) const {
    constexpr int pad = 5;  // shifts searched, in template pixels, each way
    const int pw = width_ + 2 * pad, ph = height_ + 2 * pad;
    // The cell resampled to the glyphs' grid: ink 1, paper 0.
    std::vector<float> patch(size_t(pw * ph));
    const double cx = line.centre(k);
    const double sy = (line.base - line.top) / cap_, sx = line.pitch_at(k) / advance_;
    const int w = int(pixGetWidth(grey)), h = int(pixGetHeight(grey));
    const l_uint32* data = pixGetData(grey);
    const int wpl = pixGetWpl(grey);
    auto px = [&](int x, int y) -> double {
        x = std::clamp(x, 0, w - 1);
        y = std::clamp(y, 0, h - 1);
        return GET_DATA_BYTE(data + y * wpl, x);
    };
    for (int y = 0; y < ph; ++y) {
        const double iy = line.top + (y - pad - margin_ + 0.5) * sy - 0.5;
        const int y0 = int(std::floor(iy));
        const double fy = iy - y0;
        for (int x = 0; x < pw; ++x) {
            const double ix = cx + (x - pad - width_ / 2.0 + 0.5) * sx - 0.5;
            const int x0 = int(std::floor(ix));
            const double fx = ix - x0;
            const double v = (1 - fy) * ((1 - fx) * px(x0, y0) + fx * px(x0 + 1, y0)) +
                             fy * ((1 - fx) * px(x0, y0 + 1) + fx * px(x0 + 1, y0 + 1));
            patch[size_t(y * pw + x)] = float(1.0 - v / 255.0);
        }
    }
    // Normalised cross-correlation of glyph g with the patch at (dx, dy);
    // the patch's sums at each shift are shared by every glyph.
    const double n = double(width_) * height_;
    const int shifts = 2 * pad + 1;
    std::vector<std::optional<std::pair<double, double>>> windows(size_t(shifts * shifts));
    auto correlation = [&](size_t g, int dx, int dy) {
        auto& win = windows[size_t(dy * shifts + dx)];
        if (!win) win = window_sums(patch, pw, width_, height_, dx, dy);
        const auto [sp, spp] = *win;
        const double sg = glyph_sum_[g], vg = glyph_var_[g];
        const double cov = dot(patch, pw, glyphs_[g], width_, height_, dx, dy) - sp * sg / n,
                     vp = spp - sp * sp / n;
        if (vp <= 1e-9 || vg <= 1e-9) return 0.0;
        return cov / std::sqrt(vp * vg);
    };
    // The alignment: the best shift for the glyph OCR read and a few common
    // ones, and the filler's where OCR read one of the letters it takes
    // fillers for: aligned on that letter only, a chevron's own place may
    // fall outside the shifts tried, and no glyph then fits the cell clearly.
    // (Not everywhere: on a page too blurred to read, more ways to align are
    // more ways for garbage to pass the check digits.)
    std::string probe = "0OH";
    if (hint && std::string_view("KSXCEL6").find(hint) != std::string_view::npos) probe += '<';
    if (hint) probe.insert(probe.begin(), hint);
    int bdx = pad, bdy = pad;
    double bs = -2;
    for (char c : probe) {
        const size_t at = kZoneAlphabet.find(c);
        if (at == std::string_view::npos) continue;
        for (int dy = 0; dy <= 2 * pad; ++dy)
            for (int dx = 0; dx <= 2 * pad; ++dx)
                if (const double v = correlation(at, dx, dy); v > bs) bs = v, bdx = dx, bdy = dy;
    }
    // Every glyph near that alignment.
    std::array<double, kZoneAlphabet.size()> score{};
    for (int g = 0; g < kGlyphs; ++g) {
        double best = -2;
        for (int dy = std::max(0, bdy - 2); dy <= std::min(2 * pad, bdy + 2); ++dy)
            for (int dx = std::max(0, bdx - 2); dx <= std::min(2 * pad, bdx + 2); ++dx)
                best = std::max(best, correlation(size_t(g), dx, dy));
        score[size_t(g)] = best;
    }
    std::array<int, kZoneAlphabet.size()> order{};
    for (int g = 0; g < kGlyphs; ++g) order[size_t(g)] = g;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return score[size_t(a)] > score[size_t(b)]; });
    CellMatch m;
    m.best = kZoneAlphabet[size_t(order[0])];
    m.score = score[size_t(order[0])];
    m.margin = m.score - score[size_t(order[1])];
    for (int i = 1; i < kGlyphs && score[size_t(order[size_t(i)])] > m.score - 0.05; ++i)
        m.near += kZoneAlphabet[size_t(order[size_t(i)])];
    return m;
}

}  // namespace dossier
