#include "facts/zone_find.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace dossier {

namespace {

constexpr double kLevelGlyph = 12;  // character height at which each level is searched, pixels
constexpr double kMinGlyph = 3;     // the smallest character height of a zone found, pixels

// A bar: one line of characters joined, in the level's coordinates: its
// centre, slant, length and thickness, and where its ink ends along its axis
// from that centre.
struct Bar {
    double cx, cy, angle, length, thickness;
    double lo = -length / 2, hi = length / 2;
};

// How a level's strokes are taken and joined into lines. The plain pass
// takes the strokes darker than the page's threshold, and a piece's ends
// from its second moment. The faint pass adds the strokes fainter than
// that threshold (a zone on a coloured highlight, the print around it black,
// whose strokes the page's threshold loses), and joins the pieces of a
// line the faint strokes break: a piece's ends where its ink ends (from its
// moment, a line ending in thinner fillers comes short, and its gap to the
// rest of its line long), and pieces down to two thirds of each other's
// thickness (a run of fillers is about 0.7 of the capitals' height).
struct Pass {
    bool faint = false;
    double thickness_ratio = 1.3;  // the most two pieces of one line may differ in thickness
};
constexpr Pass kPlain{false, 1.3}, kFaint{true, 1.5};

// The black-hat of a level: its dark strokes thinner than the kernel, light on dark.
PixPtr black_hat(Pix* grey) {
    PixPtr closed(pixCloseGray(grey, 9, 9));
    if (!closed) return nullptr;
    return PixPtr(pixSubtractGray(nullptr, closed.get(), grey));
}

// The strokes of a black-hat, white on black, by Otsu's threshold for the
// page; `threshold`: that threshold, on the black-hat inverted.
PixPtr strokes(Pix* hat, int& threshold) {
    PixPtr inverted(pixInvert(nullptr, hat));
    if (!inverted) return nullptr;
    Pix *levels = nullptr, *binary = nullptr;
    pixOtsuAdaptiveThreshold(inverted.get(), int(pixGetWidth(hat)), int(pixGetHeight(hat)), 0, 0, 0.1f,
                             &levels, &binary);
    l_uint32 global = 0;
    if (levels) pixGetPixel(levels, 0, 0, &global);
    pixDestroy(&levels);
    threshold = int(global);
    return PixPtr(binary);
}

// `plain` (the strokes by the page's `threshold`) and also every stroke at
// least half the darkest within three glyphs and a third of the page's
// threshold (below that, blank paper's noise).
PixPtr with_faint_strokes(Pix* hat, Pix* plain, int threshold) {
    PixPtr out(pixCopy(nullptr, plain));
    const int window = int(3 * kLevelGlyph) | 1;
    PixPtr local(pixDilateGray(hat, window, window));
    if (!out || !local) return out;
    const int w = int(pixGetWidth(hat)), h = int(pixGetHeight(hat));
    const int floor = std::max((255 - threshold) / 3, 8);
    const l_uint32 *hd = pixGetData(hat), *ld = pixGetData(local.get());
    l_uint32* od = pixGetData(out.get());
    const int hw = pixGetWpl(hat), lw = pixGetWpl(local.get()), ow = pixGetWpl(out.get());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int v = GET_DATA_BYTE(hd + y * hw, x);
            if (v >= floor && 2 * v >= int(GET_DATA_BYTE(ld + y * lw, x))) SET_DATA_BIT(od + y * ow, x);
        }
    return out;
}

// The ends of a component along its axis (angle, through mx, my), where
// its first and last 1 % of ink lie, stretched to the whole: a stray stroke
// joined to it (a pen's line) does not move its ends.
std::pair<double, double> extent(Pix* p, double angle, double mx, double my) {
    const double ux = std::cos(angle), uy = std::sin(angle);
    const l_uint32* data = pixGetData(p);
    const int wpl = pixGetWpl(p), w = int(pixGetWidth(p)), h = int(pixGetHeight(p));
    const int reach = w + h;  // |t| at most
    std::vector<double> mass(size_t(2 * reach + 1), 0);
    double total = 0;
    for (int y = 0; y < h; ++y) {
        const l_uint32* row = data + y * wpl;
        for (int x = 0; x < w; ++x)
            if (GET_DATA_BIT(row, x)) {
                mass[size_t(std::lround((x - mx) * ux + (y - my) * uy) + reach)] += 1;
                total += 1;
            }
    }
    double seen = 0;
    size_t lo = 0, hi = mass.size() - 1;
    for (size_t i = 0; i < mass.size() && seen < 0.01 * total; ++i) seen += mass[i], lo = i;
    seen = 0;
    for (size_t i = mass.size(); i-- > 0 && seen < 0.01 * total;) seen += mass[i], hi = i;
    const double mid = (double(lo) + double(hi)) / 2 - reach, half = (double(hi) - double(lo) + 1) / 0.98 / 2;
    return {mid - half, mid + half};
}

// Long, thin, well-filled components: their centre, slant, length and
// thickness from their moments (and the faint pass's ends where their ink
// ends). Pieces down to a quarter of `min_length` are kept: a zone's line
// broken where its glyphs touch thinly (a faint scan, a line drawn across
// it) is joined again by join_collinear.
std::vector<Bar> pieces_of(Pix* binary, double min_length, const Pass& pass) {
    std::vector<Bar> out;
    Pixa* pixa = nullptr;
    Boxa* boxa = pixConnComp(binary, &pixa, 8);
    if (!boxa) return out;
    const int n = boxaGetCount(boxa);
    for (int i = 0; i < n; ++i) {
        l_int32 bx, by, bw, bh;
        boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
        if (std::max(bw, bh) < min_length * 0.25 * 0.7) continue;
        PixPtr p(pixaGetPix(pixa, i, L_CLONE));
        if (!p) continue;
        double m00 = 0, mx = 0, my = 0, mxx = 0, myy = 0, mxy = 0;
        const l_uint32* data = pixGetData(p.get());
        const int wpl = pixGetWpl(p.get());
        for (int y = 0; y < bh; ++y) {
            const l_uint32* row = data + y * wpl;
            for (int x = 0; x < bw; ++x) {
                if (!GET_DATA_BIT(row, x)) continue;
                m00 += 1, mx += x, my += y;
                mxx += double(x) * x, myy += double(y) * y, mxy += double(x) * y;
            }
        }
        if (m00 < 50) continue;
        mx /= m00, my /= m00;
        const double cxx = mxx / m00 - mx * mx, cyy = myy / m00 - my * my, cxy = mxy / m00 - mx * my;
        const double half = (cxx + cyy) / 2,
                     disc = std::sqrt(std::max(0.0, half * half - (cxx * cyy - cxy * cxy)));
        const double length = std::sqrt(12 * (half + disc)),
                     thickness = std::sqrt(12 * std::max(half - disc, 0.01));
        if (length < min_length * 0.25 || length / thickness < 4) continue;
        if (m00 / (length * thickness) < 0.55) continue;  // ragged: no line of characters
        const double angle = 0.5 * std::atan2(2 * cxy, cxx - cyy);
        Bar bar{bx + mx, by + my, angle, length, thickness};
        if (pass.faint) std::tie(bar.lo, bar.hi) = extent(p.get(), angle, mx, my);
        out.push_back(bar);
    }
    boxaDestroy(&boxa);
    pixaDestroy(&pixa);
    return out;
}

// The ends of `x`'s ink along `l`'s axis, from `l`'s centre.
std::pair<double, double> ends_along(const Bar& l, const Bar& x) {
    const double ux = std::cos(l.angle), uy = std::sin(l.angle);
    const double d = (x.cx - l.cx) * ux + (x.cy - l.cy) * uy;
    const double s = std::cos(x.angle - l.angle) >= 0 ? 1 : -1;  // their axes the same way or opposite
    return {d + std::min(s * x.lo, s * x.hi), d + std::max(s * x.lo, s * x.hi)};
}

// Whether `b` goes on along `a`'s line: the same slant and about the same
// thickness, its centre on `a`'s axis, and about a glyph and a half at most
// between the ends of their ink.
bool collinear(const Bar& a, const Bar& b, const Pass& pass) {
    if (std::abs(std::remainder(a.angle - b.angle, M_PI)) > 0.05) return false;
    const double thick = std::max(a.thickness, b.thickness);
    if (std::min(a.thickness, b.thickness) < thick / pass.thickness_ratio) return false;
    const double ux = std::cos(a.angle), uy = std::sin(a.angle);
    const double dx = b.cx - a.cx, dy = b.cy - a.cy;
    if (std::abs(-dx * uy + dy * ux) > 0.4 * thick) return false;
    const auto [blo, bhi] = ends_along(a, b);
    const double gap = std::max(blo - a.hi, a.lo - bhi);
    return gap < 1.5 * thick;
}

// One bar spanning `a` and `b` (collinear), along the longer one's axis.
Bar joined(const Bar& a, const Bar& b) {
    const Bar& l = a.length >= b.length ? a : b;
    const double ux = std::cos(l.angle), uy = std::sin(l.angle);
    const auto [alo, ahi] = ends_along(l, a);
    const auto [blo, bhi] = ends_along(l, b);
    const double lo = std::min(alo, blo), hi = std::max(ahi, bhi);
    const double mid = (lo + hi) / 2;
    const double thickness = (a.thickness * a.length + b.thickness * b.length) / (a.length + b.length);
    return Bar{l.cx + mid * ux, l.cy + mid * uy, l.angle, hi - lo, thickness};
}

// Pieces of one line joined into one bar, then the bars long and thin
// enough to be a zone's line (25 glyphs or more).
std::vector<Bar> join_collinear(std::vector<Bar> pieces, double min_length, const Pass& pass) {
    std::sort(pieces.begin(), pieces.end(), [](const Bar& a, const Bar& b) { return a.length > b.length; });
    // Each bar, longest first, takes in the pieces along it (again from the
    // start once it grew: a piece too far before may be near now).
    for (size_t i = 0; i < pieces.size(); ++i)
        for (size_t j = i + 1; j < pieces.size();) {
            if (!collinear(pieces[i], pieces[j], pass)) {
                ++j;
                continue;
            }
            pieces[i] = joined(pieces[i], pieces[j]);
            pieces.erase(pieces.begin() + long(j));
            j = i + 1;
        }
    // Each bar between the ends of its ink (the faint pass's piece left
    // alone, too: not its moment's length).
    for (Bar& b : pieces) {
        const double mid = (b.lo + b.hi) / 2;
        b.cx += mid * std::cos(b.angle), b.cy += mid * std::sin(b.angle);
        b.length = b.hi - b.lo, b.lo = -b.length / 2, b.hi = b.length / 2;
    }
    std::erase_if(pieces, [&](const Bar& b) { return b.length < min_length || b.length / b.thickness < 10; });
    return pieces;
}

// Groups of two or three parallel bars of like length, evenly spaced, from
// each bar downwards; each group (and each bar alone, a weaker guess) is a
// candidate, mapped back to the page's coordinates. A bar with no neighbour
// but one two lines on is the first and last of three, the middle one
// missed (a card's middle line lost in its background).
void group(std::vector<Bar> bars, double scale, bool turned, double page_height,
           std::vector<ZoneCandidate>& out) {
    std::sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.cy < b.cy; });
    for (size_t i = 0; i < bars.size(); ++i) {
        const Bar& a = bars[i];
        const double ux = std::cos(a.angle), uy = std::sin(a.angle);  // along
        const double nx = -uy, ny = ux;                               // across
        std::vector<const Bar*> g{&a};
        const Bar* beyond = nullptr;  // a bar two lines on: the middle line of three missed
        for (size_t j = i + 1; j < bars.size() && g.size() < 3; ++j) {
            const Bar& b = bars[j];
            const Bar& last = *g.back();
            if (std::abs(b.angle - a.angle) > 0.06) continue;
            if (b.length < 0.75 * a.length || b.length > 1.33 * a.length) continue;
            const double dx = b.cx - last.cx, dy = b.cy - last.cy;
            const double across = std::abs(dx * nx + dy * ny), along = dx * ux + dy * uy;
            const double th = (a.thickness + b.thickness) / 2;
            if (std::abs(along) > 0.12 * a.length) continue;
            if (g.size() == 1 && !beyond && across >= 2.4 * th && across <= 6.4 * th) beyond = &b;
            if (across < 1.2 * th || across > 3.2 * th) continue;
            g.push_back(&b);
        }
        // The candidate of the first `k` bars of `members`, seen as `lines` lines, its score weighed.
        auto emit = [&](const std::vector<const Bar*>& members, size_t k, int lines, double weight) {
            double cx = 0, cy = 0, length = 0, th = 0;
            for (size_t q = 0; q < k; ++q) {
                cx += members[q]->cx, cy += members[q]->cy, th += members[q]->thickness;
                length = std::max(length, members[q]->length);
            }
            cx /= double(k), cy /= double(k), th /= double(k);
            const Bar &first = *members[0], &last = *members[k - 1];
            const double span = std::abs((last.cx - first.cx) * nx + (last.cy - first.cy) * ny);
            const double spacing = lines > 1 ? span / double(lines - 1) : th * 1.7;
            double angle = a.angle;
            if (turned) {
                // The level was turned 90° clockwise: (x, y) there is (y, H - 1 - x) here.
                const double x = cy, y = page_height * scale - 1 - cx;
                cx = x, cy = y;
                angle -= M_PI / 2;
            }
            ZoneCandidate c;
            c.cx = cx / scale, c.cy = cy / scale, c.angle = angle;
            c.length = length / scale;
            c.thickness = (span + th) / scale;
            c.glyph = th / scale / 1.1;
            c.lines = lines;
            c.score = weight * length * std::min(1.0, spacing / th / 1.5);
            out.push_back(c);
        };
        for (size_t k = 1; k <= g.size(); ++k) emit(g, k, int(k), k >= 2 ? 10.0 : 1.0);
        // A weaker guess than a group, a better one than a bar alone.
        if (g.size() == 1 && beyond) emit({&a, beyond}, 2, 3, 1.5);
    }
}

// Whether `c` lies within `k`'s rectangle, a glyph's slack around it: the
// same slant, its ends within `k`'s, and across `k`'s lines its centre line
// with `half_thickness` of `c` on either side.
bool within(const ZoneCandidate& c, const ZoneCandidate& k, double half_thickness) {
    if (std::abs(std::remainder(k.angle - c.angle, M_PI)) > 0.05) return false;
    const double ux = std::cos(k.angle), uy = std::sin(k.angle);
    const double dx = c.cx - k.cx, dy = c.cy - k.cy;
    const double along = std::abs(dx * ux + dy * uy), across = std::abs(-dx * uy + dy * ux);
    return along + c.length / 2 <= k.length / 2 + 2 * k.glyph &&
           across + half_thickness <= k.thickness / 2 + k.glyph;
}

// Whether `c`'s centre line lies within `k` (the same zone found again).
bool inside(const ZoneCandidate& c, const ZoneCandidate& k) { return within(c, k, 0); }

// A zone's candidate before those of its parts (its first two lines found
// as a zone of two, a line alone): read whole first, it holds them, and a
// part of a zone read is not read again (facts/zone_read). On the corpus,
// 9 of 36 images had the part first and read it in vain.
void wholes_first(std::vector<ZoneCandidate>& kept) {
    for (size_t i = 0; i < kept.size(); ++i)
        for (size_t j = i + 1; j < kept.size(); ++j)
            if (kept[j].lines > kept[i].lines && lies_within(kept[i], kept[j])) {
                std::rotate(kept.begin() + long(i), kept.begin() + long(j), kept.begin() + long(j) + 1);
                j = i;  // the whole now at i: any whole of it further on
            }
}

// The candidates of one level's strokes `binary`, taken as `pass` takes
// them, across and along the level (a page turned 90°).
void search_level(Pix* binary, double scale, int page_height, const Pass& pass,
                  std::vector<ZoneCandidate>& out) {
    if (!binary) return;
    for (bool turned : {false, true}) {
        PixPtr b(turned ? pixRotateOrth(binary, 1) : pixClone(binary));
        PixPtr joined(pixCloseBrick(nullptr, b.get(), 11, 1));
        PixPtr cleaned(pixOpenBrick(nullptr, joined.get(), 1, 3));
        if (!cleaned) continue;
        const double min_length = 25 * 8.0;
        group(join_collinear(pieces_of(cleaned.get(), min_length, pass), min_length, pass), scale, turned,
              page_height, out);
    }
}

// The best `keep` of `found`, best first. The same zone found at two
// levels: keep the better. A shorter one inside a better one is part of it
// (a line broken where the other level joined it): read, it would miss the
// zone's end.
std::vector<ZoneCandidate> best_of(std::vector<ZoneCandidate> found, size_t keep) {
    std::stable_sort(found.begin(), found.end(),
                     [](const ZoneCandidate& a, const ZoneCandidate& b) { return a.score > b.score; });
    std::vector<ZoneCandidate> kept;
    for (const auto& c : found) {
        if (kept.size() == keep) break;
        const bool same = std::any_of(kept.begin(), kept.end(), [&](const ZoneCandidate& k) {
            return k.lines == c.lines && std::hypot(k.cx - c.cx, k.cy - c.cy) < 0.1 * k.length &&
                   std::abs(k.length - c.length) < 0.1 * k.length &&
                   std::abs(std::remainder(k.angle - c.angle, 2 * M_PI)) < 0.05;
        });
        const bool part = std::any_of(kept.begin(), kept.end(), [&](const ZoneCandidate& k) {
            return c.length < 0.9 * k.length && inside(c, k);
        });
        if (!same && !part) kept.push_back(c);
    }
    return kept;
}

// Whether `c` and `k` cover some of the same page: the same slant, their
// rectangles meeting.
bool overlaps(const ZoneCandidate& c, const ZoneCandidate& k) {
    if (std::abs(std::remainder(k.angle - c.angle, M_PI)) > 0.05) return false;
    const double ux = std::cos(k.angle), uy = std::sin(k.angle);
    const double dx = c.cx - k.cx, dy = c.cy - k.cy;
    const double along = std::abs(dx * ux + dy * uy), across = std::abs(-dx * uy + dy * ux);
    return along < (c.length + k.length) / 2 && across < (c.thickness + k.thickness) / 2;
}

// The faint pass's zones (two or three lines) where the plain pass offers
// none, each placed among `kept` by its score: the plain candidates keep
// their order, and only those after it move (the last out, beyond `keep`).
void add_faint(std::vector<ZoneCandidate>& kept, const std::vector<ZoneCandidate>& faint, size_t keep) {
    const std::vector<ZoneCandidate> plain = kept;
    for (const ZoneCandidate& c : faint) {
        if (c.lines < 2) continue;
        if (std::any_of(plain.begin(), plain.end(), [&](const ZoneCandidate& k) { return overlaps(c, k); }))
            continue;
        const auto at =
            std::find_if(kept.begin(), kept.end(), [&](const ZoneCandidate& k) { return k.score < c.score; });
        kept.insert(at, c)->faint = true;
    }
    if (kept.size() > keep) kept.resize(keep);
}

}  // namespace

PixPtr ink_grey(Pix* page) {
    if (!page) return nullptr;
    if (pixGetDepth(page) == 32) return PixPtr(pixConvertRGBToGrayMinMax(page, L_CHOOSE_MAX));
    if (pixGetColormap(page)) {
        PixPtr rgb(pixRemoveColormap(page, REMOVE_CMAP_TO_FULL_COLOR));
        if (rgb && pixGetDepth(rgb.get()) == 32)
            return PixPtr(pixConvertRGBToGrayMinMax(rgb.get(), L_CHOOSE_MAX));
    }
    return PixPtr(pixConvertTo8(page, 0));
}

std::vector<ZoneCandidate> find_zones(Pix* grey, size_t keep) {
    std::vector<ZoneCandidate> plain, faint;
    if (!grey || pixGetDepth(grey) != 8) return plain;
    const int w = int(pixGetWidth(grey)), h = int(pixGetHeight(grey));
    const double longest = std::max(w, h);
    // Glyph heights tried: a zone of 30 characters or more fits the page,
    // and a character is at least a 220th of it (an identity card scanned
    // on an A4 flatbed; smaller is unreadable).
    for (double glyph : {6.0, 10.0, 16.0, 26.0, 42.0, 68.0}) {
        if (glyph * 25 > longest * 1.15 || glyph < longest / 220) continue;
        const double scale = kLevelGlyph / glyph;
        PixPtr level(scale < 0.7 ? pixScaleAreaMap(grey, float(scale), float(scale))
                                 : pixScaleGrayLI(grey, float(scale), float(scale)));
        PixPtr hat = level ? black_hat(level.get()) : nullptr;
        if (!hat) continue;
        int threshold = 0;
        PixPtr dark = strokes(hat.get(), threshold);
        if (!dark) continue;
        search_level(dark.get(), scale, h, kPlain, plain);
        PixPtr all = with_faint_strokes(hat.get(), dark.get(), threshold);
        search_level(all.get(), scale, h, kFaint, faint);
    }
    // A bar of characters under this height is a rule or an edge, or a zone
    // too small to read: no strokes are left in its glyphs (the corpus's
    // smallest zone read has 6.6-pixel glyphs; one of 4.9 reads as junk).
    // Read, a bar 1.7 pixels thick was cut 18 times enlarged and took
    // tesseract 0.4 s (deu_service_passport_ir).
    for (auto* found : {&plain, &faint})
        std::erase_if(*found, [](const ZoneCandidate& c) { return c.glyph < kMinGlyph; });
    std::vector<ZoneCandidate> kept = best_of(std::move(plain), keep);
    add_faint(kept, best_of(std::move(faint), keep), keep);
    wholes_first(kept);
    return kept;
}

bool lies_within(const ZoneCandidate& c, const ZoneCandidate& k) { return within(c, k, c.thickness / 2); }

PixPtr cut_zone(Pix* grey, const ZoneCandidate& zone, double along, double across, double glyph_height) {
    const double length = zone.length + 2 * along, thickness = zone.thickness + 2 * across;
    const double radius = std::sqrt(length * length + thickness * thickness) / 2 + 2;
    const int side = int(2 * radius);
    if (side <= 0 || side > 20000) return nullptr;
    // A square around the zone, white beyond the page, turned about its centre.
    PixPtr square(pixCreate(side, side, 8));
    if (!square) return nullptr;
    pixSetAll(square.get());
    pixRasterop(square.get(), 0, 0, side, side, PIX_SRC, grey, int(zone.cx - radius), int(zone.cy - radius));
    PixPtr turned(pixRotate(square.get(), float(-zone.angle), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (!turned) return nullptr;
    Box* box =
        boxCreate(int(side / 2.0 - length / 2), int(side / 2.0 - thickness / 2), int(length), int(thickness));
    PixPtr cut(pixClipRectangle(turned.get(), box, nullptr));
    boxDestroy(&box);
    if (!cut || zone.glyph <= 0) return cut;
    const double scale = glyph_height / zone.glyph;
    if (std::abs(scale - 1) < 0.02) return cut;
    return PixPtr(scale < 0.7 ? pixScaleAreaMap(cut.get(), float(scale), float(scale))
                              : pixScaleGrayLI(cut.get(), float(scale), float(scale)));
}

}  // namespace dossier
