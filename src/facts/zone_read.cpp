#include "facts/zone_read.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "facts/ocr.h"
#include "facts/ocrb_glyphs.h"
#include "facts/zone_find.h"

namespace dossier {

namespace {

constexpr double kGlyphHeight = 30;  // the zone is read with its characters this tall, pixels
constexpr size_t kCandidates = 5;
constexpr size_t kEvenedCandidates = 2;  // read again with their contrast evened out
constexpr int kFillerSigns = 3;          // fillers clearly seen: a sign of a zone

// A character tesseract read: where, how sure, and what else it thought possible.
struct Symbol {
    char c;
    float confidence;
    int x0, y0, x1, y1;
    std::string alternatives;
};
using SymbolLine = std::vector<Symbol>;

double centre(const Symbol& s) { return (s.x0 + s.x1) / 2.0; }

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return v[v.size() / 2];
}

// One tesseract engine reading only the zone's alphabet.
class Engine {
public:
    explicit Engine(const char* language) {
        quiet_tesseract();
        ready_ = api_.Init(tessdata_dir().c_str(), language, tesseract::OEM_LSTM_ONLY) == 0;
        if (!ready_) return;
        api_.SetVariable("tessedit_char_whitelist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");
        api_.SetVariable("lstm_choice_mode", "2");  // the other characters each one might be
    }
    ~Engine() {
        if (ready_) api_.End();
    }
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    bool ready() const { return ready_; }

    // The zone image read as a block of lines.
    std::vector<SymbolLine> block(Pix* zone, const TimeBudget& budget) {
        std::vector<SymbolLine> out;
        api_.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
        api_.SetImage(zone);
        api_.SetSourceResolution(300);
        if (recognise(budget)) collect(out, false, 0);
        api_.Clear();
        return out;
    }

    // Each band of rows (y0, y1) of the zone image read as one line.
    std::vector<SymbolLine> lines(Pix* zone, const std::vector<std::pair<int, int>>& bands,
                                  const TimeBudget& budget) {
        std::vector<SymbolLine> out;
        api_.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        const int w = int(pixGetWidth(zone)), h = int(pixGetHeight(zone));
        for (const auto& [y0, y1] : bands) {
            const int pad = (y1 - y0) / 3;
            const int top = std::max(0, y0 - pad), bottom = std::min(h, y1 + pad);
            Box* box = boxCreate(0, top, w, bottom - top);
            PixPtr band(pixClipRectangle(zone, box, nullptr));
            boxDestroy(&box);
            if (!band) continue;
            api_.SetImage(band.get());
            api_.SetSourceResolution(300);
            if (recognise(budget)) collect(out, true, top);
            api_.Clear();
        }
        return out;
    }

private:
    bool recognise(const TimeBudget& budget) {
        if (budget.spent()) return false;
        tesseract::ETEXT_DESC monitor;
        monitor.cancel = &TimeBudget::cancel;
        monitor.cancel_this = const_cast<TimeBudget*>(&budget);
        return api_.Recognize(&monitor) == 0 && !budget.spent();
    }

    void collect(std::vector<SymbolLine>& out, bool one_line, int dy) {
        std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
        if (!it) return;
        const auto line = tesseract::RIL_TEXTLINE, symbol = tesseract::RIL_SYMBOL;
        if (one_line) out.emplace_back();
        do {
            if (!one_line && it->IsAtBeginningOf(line)) out.emplace_back();
            std::unique_ptr<char[]> text(it->GetUTF8Text(symbol));
            if (!text || !text[0]) continue;
            Symbol s{text[0], it->Confidence(symbol) / 100.0f, 0, 0, 0, 0, {}};
            it->BoundingBox(symbol, &s.x0, &s.y0, &s.x1, &s.y1);
            s.y0 += dy, s.y1 += dy;
            tesseract::ChoiceIterator choice(*it);
            do {
                const char* a = choice.GetUTF8Text();
                if (a && a[0] && a[0] != s.c && choice.Confidence() > 0.02f &&
                    s.alternatives.find(a[0]) == std::string::npos)
                    s.alternatives += a[0];
            } while (choice.Next());
            if (out.empty()) out.emplace_back();
            out.back().push_back(s);
        } while (it->Next(symbol));
    }

    tesseract::TessBaseAPI api_;
    bool ready_ = false;
};

// The text lines of a zone image: bands of rows holding ink, from the row
// profile of its middle (a card's edge or a graphic at the ends stays out).
std::vector<std::pair<int, int>> line_bands(Pix* zone) {
    std::vector<std::pair<int, int>> out;
    const int w = int(pixGetWidth(zone)), h = int(pixGetHeight(zone));
    Pix *threshold = nullptr, *binary = nullptr;
    pixOtsuAdaptiveThreshold(zone, std::max(16, w / 4), std::max(16, h), 0, 0, 0.1f, &threshold, &binary);
    pixDestroy(&threshold);
    PixPtr bin(binary);
    if (!bin) return out;
    std::vector<double> rows(size_t(h), 0);
    const l_uint32* data = pixGetData(bin.get());
    const int wpl = pixGetWpl(bin.get());
    for (int y = 0; y < h; ++y)
        for (int x = w / 8; x < w - w / 8; ++x) rows[size_t(y)] += GET_DATA_BIT(data + y * wpl, x);
    const double most = *std::max_element(rows.begin(), rows.end());
    if (most <= 0) return out;
    const double ink = 0.12 * most;
    for (int y = 0; y < h;) {
        while (y < h && rows[size_t(y)] < ink) ++y;
        const int start = y;
        int end = y, gap = 0;
        for (; y < h; ++y) {
            if (rows[size_t(y)] >= ink) {
                end = y, gap = 0;
            } else if (++gap > int(kGlyphHeight * 0.15) + 1) {
                break;
            }
        }
        const int height = end - start + 1;
        if (y >= h && start >= h) break;
        if (height >= kGlyphHeight * 0.55 && height <= kGlyphHeight * 1.8) {
            out.push_back({start, end + 1});
        } else if (height > kGlyphHeight * 1.8 && height < kGlyphHeight * 4) {
            // Two lines touching: split in the middle.
            out.push_back({start, (start + end) / 2});
            out.push_back({(start + end) / 2, end + 1});
        }
    }
    return out;
}

// The cell of `line` centred nearest `x` (Newton's method from the straight line's answer).
int cell_at(const ZoneLineGeometry& line, double x) {
    double k = (x - line.left) / line.pitch;
    for (int i = 0; i < 3; ++i) {
        const double slope = line.pitch_at(k);
        if (slope <= 0) break;
        k -= (line.centre(k) - x) / slope;
    }
    return int(std::lround(k));
}

// Solves the normal equations of x = a + b k (+ q k² with `bend`) over the
// symbols in `use`, by least squares; false when they are too few or degenerate.
bool least_squares(const SymbolLine& l, const std::vector<double>& k, const std::vector<bool>& use, bool bend,
                   ZoneLineGeometry& out) {
    double s[5] = {0, 0, 0, 0, 0}, t[3] = {0, 0, 0};
    for (size_t i = 0; i < l.size(); ++i) {
        if (!use[i]) continue;
        double kp = 1;
        for (int e = 0; e < 5; ++e) {
            s[e] += kp;
            if (e < 3) t[e] += kp * centre(l[i]);
            kp *= k[i];
        }
    }
    if (s[0] < 8) return false;
    if (!bend) {
        const double d = s[0] * s[2] - s[1] * s[1];
        if (std::abs(d) < 1e-9) return false;
        out = ZoneLineGeometry{(t[0] * s[2] - s[1] * t[1]) / d, (s[0] * t[1] - s[1] * t[0]) / d, 0, 0, 0};
        return true;
    }
    const double m[3][3] = {{s[0], s[1], s[2]}, {s[1], s[2], s[3]}, {s[2], s[3], s[4]}};
    auto det3 = [](const double x[3][3]) {
        return x[0][0] * (x[1][1] * x[2][2] - x[1][2] * x[2][1]) -
               x[0][1] * (x[1][0] * x[2][2] - x[1][2] * x[2][0]) +
               x[0][2] * (x[1][0] * x[2][1] - x[1][1] * x[2][0]);
    };
    const double d = det3(m);
    if (std::abs(d) < 1e-9) return false;
    double sol[3];
    for (int c = 0; c < 3; ++c) {
        double mc[3][3];
        for (int r = 0; r < 3; ++r)
            for (int cc = 0; cc < 3; ++cc) mc[r][cc] = cc == c ? t[r] : m[r][cc];
        sol[c] = det3(mc) / d;
    }
    out = ZoneLineGeometry{sol[0], sol[1], 0, 0, sol[2]};
    return true;
}

// The fit of a line's symbols at cells `k`, the symbols far off the fit set
// aside over a few rounds; its sum of squared misses over those it kept.
std::pair<ZoneLineGeometry, double> fit_rounds(const SymbolLine& l, const std::vector<double>& k,
                                               double pitch, bool bend) {
    ZoneLineGeometry fit{centre(l[0]), pitch, 0, 0, 0};
    std::vector<bool> use(l.size(), true);
    const double span = *std::max_element(k.begin(), k.end());
    for (int round = 0; round < 4; ++round) {
        ZoneLineGeometry next;
        if (!least_squares(l, k, use, bend, next)) break;
        const double first = next.pitch, end = next.pitch_at(span);
        if (std::min(first, end) < 0.7 * pitch || std::max(first, end) > 1.3 * pitch) break;
        fit = next;
        for (size_t i = 0; i < l.size(); ++i)
            use[i] = std::abs(centre(l[i]) - fit.centre(k[i])) <= 0.3 * fit.pitch_at(k[i]);
    }
    double misses = 0;
    for (size_t i = 0; i < l.size(); ++i) {
        const double off = centre(l[i]) - fit.centre(k[i]);
        misses += std::min(off * off, 0.09 * fit.pitch * fit.pitch);
    }
    return {fit, misses};
}

// The cells of a line's symbols, fitted to where tesseract put them.
// Counted first from the steps between neighbours: a step of about n
// pitches moves n cells, the pitch followed as it changes along the line.
// Then a straight line a + b k, and a bent one a + b k + q k², fitted to
// those; the bent one is kept where it halves the misses (a page
// photographed at a slant), else the straight one (a flat scan: a bend
// would only follow the glyphs' widths). Cell 0 is put at `left`, the
// zone's first column.
ZoneLineGeometry fit_cells(const SymbolLine& l, double pitch, double left) {
    std::vector<double> k(l.size(), 0);
    double p = pitch;
    for (size_t i = 1; i < l.size(); ++i) {
        const double step = centre(l[i]) - centre(l[i - 1]);
        const long n = std::max(0L, std::lround(step / p));
        k[i] = k[i - 1] + double(n);
        if (n >= 1 && n <= 3 && step / double(n) > 0.7 * p && step / double(n) < 1.3 * p)
            p = 0.8 * p + 0.2 * step / double(n);
    }
    const auto [straight, straight_misses] = fit_rounds(l, k, pitch, false);
    const auto [bent, bent_misses] = fit_rounds(l, k, pitch, true);
    const ZoneLineGeometry fit = bent_misses < 0.5 * straight_misses ? bent : straight;
    // Cell 0 at the zone's first column: shift k by the cells between `left` and this line's start.
    const double o = std::round((fit.left - left) / fit.pitch);
    // x = a + b (K - o) + q (K - o)² in the zone's cells K.
    return ZoneLineGeometry{fit.centre(-o), fit.pitch_at(-o), 0, 0, fit.bend};
}

// Symbols placed in the zone's cells: the zone is monospaced, so cell k of
// a line is centred at left + pitch k, fitted to the symbols (tesseract
// sometimes reads one glyph as two, or none).
ZoneReading place(std::vector<SymbolLine> lines, std::vector<ZoneLineGeometry>& geometry) {
    ZoneReading z;
    geometry.clear();
    // A box far wider than the others (the first of a line, stretched to
    // the image's edge) is narrowed to its inner side.
    std::vector<double> widths, steps;
    for (const auto& l : lines)
        for (const auto& s : l) widths.push_back(s.x1 - s.x0);
    const double width = median(widths);
    for (auto& l : lines)
        for (size_t i = 0; i < l.size(); ++i) {
            Symbol& s = l[i];
            if (s.x1 - s.x0 <= 1.6 * width) continue;
            if (i == 0)
                s.x0 = int(s.x1 - width);
            else if (i + 1 == l.size())
                s.x1 = int(s.x0 + width);
        }
    for (const auto& l : lines)
        for (size_t i = 1; i < l.size(); ++i) steps.push_back(centre(l[i]) - centre(l[i - 1]));
    const double pitch = median(steps);
    if (pitch <= 0) return z;
    double left = 1e9;
    for (const auto& l : lines)
        if (l.size() >= 10) left = std::min(left, centre(l[0]));
    for (const auto& l : lines) {
        if (l.size() < 10) continue;
        ZoneLineGeometry fit = fit_cells(l, pitch, left);
        std::vector<int> cell(l.size());
        for (size_t i = 0; i < l.size(); ++i) cell[i] = cell_at(fit, centre(l[i]));
        const int last = *std::max_element(cell.begin(), cell.end());
        if (last < 0 || last > 60) continue;
        ZoneLine zl(size_t(last + 1), ZoneChar{'<', 0.5f, {}, false});
        std::vector<bool> filled(zl.size(), false);
        std::vector<double> tops, bases;
        for (size_t i = 0; i < l.size(); ++i) {
            const Symbol& s = l[i];
            if (s.c != '<') tops.push_back(s.y0), bases.push_back(s.y1);
            if (cell[i] < 0) continue;
            ZoneChar zc{s.c, s.confidence, s.alternatives, false};
            ZoneChar& at = zl[size_t(cell[i])];
            if (!filled[size_t(cell[i])]) {
                at = zc;
                filled[size_t(cell[i])] = true;
                continue;
            }
            // Two readings of one cell: the surer leads, the other is an alternative.
            if (zc.confidence > at.confidence) std::swap(zc, at);
            if (zc.c != at.c && at.alternatives.find(zc.c) == std::string::npos)
                at.alternatives.insert(0, 1, zc.c);
            at.confidence = std::min(at.confidence, 0.7f);
        }
        z.lines.push_back(std::move(zl));
        fit.top = median(tops), fit.base = median(bases);
        geometry.push_back(fit);
    }
    return z;
}

// The glyphs' reading of each cell, merged into tesseract's: where they
// disagree the glyphs lead (they were right nine times in ten on the
// corpus), unless tesseract was sure and the glyphs nearly tied; the other
// reading becomes an alternative, and the cell is marked unsure. A cell
// whose glyph fits clearly better than any other is `seen`: on the corpus's
// name lines a filler's chevron fits its glyph by 0.15 to 0.27 more than the
// next glyph, most letters by 0.1 to 0.3; a blurred line's letters by less
// (H and M within 0.01 on nld_residence_permit), and those stay unsure.
void match_glyphs(ZoneReading& z, const std::vector<ZoneLineGeometry>& geometry, Pix* zone,
                  const OcrbGlyphs& g) {
    constexpr double kClearMargin = 0.1, kClearScore = 0.75;
    auto same = [](char a, char b) { return (a == 'O' ? '0' : a) == (b == 'O' ? '0' : b); };
    for (size_t li = 0; li < z.lines.size() && li < geometry.size(); ++li)
        for (size_t k = 0; k < z.lines[li].size(); ++k) {
            ZoneChar& t = z.lines[li][k];
            const CellMatch m = g.match(zone, geometry[li], int(k), t.c);
            auto add = [&](char c) {
                if (c != t.c && t.alternatives.find(c) == std::string::npos) t.alternatives += c;
            };
            t.seen = m.margin >= kClearMargin && m.score >= kClearScore;
            if (same(t.c, m.best)) {
                for (char c : m.near) add(c);
                continue;
            }
            if (m.best == '<' || m.margin >= 0.03 || t.confidence < 0.95f) {
                const char was = t.c;
                t.c = m.best;
                std::erase(t.alternatives, m.best);
                t.alternatives.insert(0, 1, was);
            } else {
                t.alternatives.insert(0, 1, m.best);
            }
            for (char c : m.near) add(c);
            t.confidence = std::min(t.confidence, 0.6f);
        }
}

// The zone in the lines read: all of them, else any three or two in a row.
std::optional<Mrz> decode_any(const ZoneReading& z, const Date& today) {
    if (z.lines.size() >= 2 && z.lines.size() <= 3)
        if (auto m = decode_zone(z, today)) return m;
    std::optional<Mrz> best;
    for (size_t i = 0; i + 1 < z.lines.size(); ++i) {
        for (size_t n : {3, 2}) {
            if (i + n > z.lines.size() || (n == 3 && z.lines.size() == 3)) continue;
            ZoneReading sub;
            sub.lines.assign(z.lines.begin() + long(i), z.lines.begin() + long(i + n));
            auto m = decode_zone(sub, today);
            if (m && (!best || m->failed_checks.size() < best->failed_checks.size())) best = std::move(m);
            if (best && best->valid()) return best;
        }
    }
    return best;
}

// Every checked field read for sure: more readings would change nothing that matters.
bool surely_read(const Mrz& m) {
    for (const char* f : {"number", "birth_date", "expiry", "nationality"})
        if (std::find(m.unsure.begin(), m.unsure.end(), f) != m.unsure.end()) return false;
    return true;
}

// `m` kept where it holds better than `best`: fewer checks failing, then
// fewer fields unsure. Whether it was.
bool keep_better(std::optional<Mrz>& best, std::optional<Mrz>& m) {
    if (m &&
        (!best || m->failed_checks.size() < best->failed_checks.size() ||
         (m->failed_checks.size() == best->failed_checks.size() && m->unsure.size() < best->unsure.size()))) {
        best = std::move(m);
        return true;
    }
    return false;
}

// The zone's cut with its contrast evened out, tile by tile of about two
// glyphs: a faint or unevenly lit zone (an infrared scan, a dim photo),
// whose glyphs tesseract's own threshold for the whole cut loses against
// the background, stands out dark on white.
PixPtr even_contrast(Pix* zone) {
    const int tile = int(kGlyphHeight * 1.5);
    if (int(pixGetWidth(zone)) < tile || int(pixGetHeight(zone)) < tile) return nullptr;
    return PixPtr(pixContrastNorm(nullptr, zone, tile, tile, 40, 2, 2));
}

// The cells of a reading whose glyph is clearly the filler's chevron: 6 to
// 33 where a zone too faint to decode as cut was read (the corpus's, the
// faint page of the tests); none in the 72 readings of brussels-scanned's
// pages of prose.
int fillers_seen(const ZoneReading& z) {
    int n = 0;
    for (const auto& l : z.lines)
        for (const ZoneChar& c : l) n += c.seen && c.c == '<';
    return n;
}

bool has_zone_lines(const std::vector<SymbolLine>& lines) {
    int long_lines = 0;
    for (const auto& l : lines) long_lines += l.size() >= 20;
    return long_lines >= 2;
}

}  // namespace

// The English model only: the German and French models, read after it to
// settle the cells it got wrong, never made a zone hold better on the corpus
// (0 of 36 images; three readings and two models loaded per zone). Made on
// the first zone candidate, so a page without one never loads it.
struct ZoneReader::EnglishEngine {
    std::unique_ptr<Engine> engine;
    Engine* get() {
        if (!engine) engine = std::make_unique<Engine>("eng");
        return engine->ready() ? engine.get() : nullptr;
    }
};

ZoneReader::ZoneReader() : english_(std::make_unique<EnglishEngine>()) {}
ZoneReader::~ZoneReader() = default;

std::optional<Mrz> ZoneReader::read(Pix* page, const Date& today, const TimeBudget& budget) {
    attempts_ = evened_ = 0;
    angle_ = 0;
    PixPtr grey = ink_grey(page);
    if (!grey) return std::nullopt;
    const auto candidates = find_zones(grey.get(), kCandidates);
    std::optional<Mrz> best;
    std::vector<const ZoneCandidate*> decoded;  // the candidates where a zone was decoded
    // Within one where a zone was decoded: a part of that zone (a line or two of three), read already.
    auto part_of_read = [&](const ZoneCandidate& c) {
        return std::any_of(decoded.begin(), decoded.end(),
                           [&](const ZoneCandidate* k) { return k != &c && lies_within(c, *k); });
    };
    bool signs = false;  // of a zone, in any reading as cut
    // As cut first; then, when no zone held but one showed, the likeliest
    // zones (two or three lines found) again with their contrast evened out:
    // where a zone was decoded, only that zone's cut (on the corpus, the
    // evened readings of other candidates never made a decoded zone hold
    // better; its own, line by line, did: lie_id_card as a PDF page).
    for (const bool even : {false, true}) {
        // A zone whose checks fail on characters read with confidence is read.
        if (even && best && best->confident) break;
        // No zone shown as cut (a page of prose, a photo): none faint either.
        if (even && !signs) break;
        size_t evened = 0;
        for (const ZoneCandidate& c : candidates) {
            if (even && c.faint) continue;  // read evened out as cut already
            if (even && (c.lines < 2 || ++evened > kEvenedCandidates)) continue;
            if (even && best && std::find(decoded.begin(), decoded.end(), &c) == decoded.end()) continue;
            // A bar alone is a weaker guess than the zone decoded already.
            if (c.lines < 2 && best) continue;
            if (part_of_read(c)) continue;
            if (budget.spent()) return best;
            const Found found = read_candidate(grey.get(), c, even, today, budget, best);
            if (found.stop) return best;
            if (found.zone && !even) decoded.push_back(&c);
            signs = signs || found.signs;
            if (best && best->valid()) return best;
        }
    }
    return best;
}

ZoneReader::Found ZoneReader::read_candidate(Pix* grey, const ZoneCandidate& c, bool even, const Date& today,
                                             const TimeBudget& budget, std::optional<Mrz>& best) {
    const OcrbGlyphs* glyphs = OcrbGlyphs::shared();
    Found found;
    // Upside down only where the cut showed no sign of a zone upright: a
    // filler's chevron clearly seen is one the right way up (on the corpus,
    // no cut showing one upright decoded upside down).
    for (int flip = 0; flip < 2 && !found.signs; ++flip) {
        if (budget.spent()) return {true, found.zone, found.signs};
        ZoneCandidate turned = c;
        if (flip) turned.angle += M_PI;
        PixPtr zone =
            cut_zone(grey, turned, c.glyph * 2.5, c.glyph * (c.lines == 1 ? 2.5 : 0.8), kGlyphHeight);
        // A zone found only among faint strokes is faint: read evened out at once.
        const bool evened = even || c.faint;
        if (zone && evened) zone = even_contrast(zone.get());
        if (!zone) continue;
        const auto bands = line_bands(zone.get());
        // As a block, then line by line (dearer, and only where the block showed a zone).
        // The block read as cut in lines showing no zone: line by line would
        // not either. Evened out, it may: aze_passport_photo_clutter's cut
        // read as a block showed none, its lines one by one every field.
        bool plain = false;
        for (const bool by_line : {false, true}) {
            if (by_line && (plain || bands.size() < 2 || bands.size() > 5)) continue;
            Engine* engine = english_->get();
            if (!engine || budget.spent()) break;
            ++attempts_;
            evened_ += evened;
            const auto lines =
                by_line ? engine->lines(zone.get(), bands, budget) : engine->block(zone.get(), budget);
            if (!has_zone_lines(lines)) continue;
            std::vector<ZoneLineGeometry> geometry;
            ZoneReading z = place(lines, geometry);
            if (glyphs) match_glyphs(z, geometry, zone.get(), *glyphs);
            auto m = decode_any(z, today);
            const bool signs = m || fillers_seen(z) >= kFillerSigns;
            plain = plain || (!by_line && !signs && !evened);
            found.zone = found.zone || m.has_value();
            found.signs = found.signs || signs;
            if (keep_better(best, m)) angle_ = turned.angle;
            if (best && best->valid() && surely_read(*best)) return {true, found.zone, found.signs};
        }
    }
    return found;
}

}  // namespace dossier
