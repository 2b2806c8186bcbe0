// The glyphs of OCR-B, the typeface of every machine-readable zone (ICAO
// 9303 part 3), drawn from the font Debian ships (fonts-ocr-b) by FreeType,
// and matched against the cells of a zone. tesseract's general models read
// OCR-B's < as K, 8 as S, 6 as G; the glyphs themselves tell them apart. On
// the specimen corpus, where the two disagree the glyphs are right nine
// times in ten (issue 21's note gives the figures).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "facts/reading_data.h"

struct Pix;

namespace dossier {

inline constexpr std::string_view kZoneAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

// How well each glyph fits one cell of a zone (normalised cross-correlation).
struct CellMatch {
    char best = '<';
    double score = 0;   // the best glyph's correlation, -1..1
    double margin = 0;  // how far ahead of the second best
    std::string near;   // other glyphs almost as good, best first
};

// Where a line of a zone is in an image: cell k is centred at x = left +
// pitch * k, its capitals between y = top and y = base.
struct ZoneLineGeometry {
    double left = 0, pitch = 0, top = 0, base = 0;
    // Cell k is centred at left + pitch k + bend k²: a line photographed at
    // a slant has its pitch change along it (perspective).
    double bend = 0;
    // k need not be whole: where a symbol falls between cells.
    double centre(double k) const { return left + pitch * k + bend * k * k; }
    double pitch_at(double k) const { return pitch + 2 * bend * k; }
};

class OcrbGlyphs {
public:
    // The glyphs, drawn once per process; nullptr when the font cannot be
    // loaded (the zone is then read by OCR alone).
    static const OcrbGlyphs* shared();

    // The glyphs that fit cell `k` of a line of the 8-bit grey image `grey`.
    // `hint`: the character OCR read there (used to align the glyphs first).
    CellMatch match(Pix* grey, const ZoneLineGeometry& line, int k, char hint) const;

private:
    bool load(const std::filesystem::path& font);

    int cap_ = 32;  // capital height in template pixels
    int advance_ = 0;
    int margin_ = 6;
    int width_ = 0, height_ = 0;
    std::array<std::vector<float>, kZoneAlphabet.size()> glyphs_;
    // Each glyph's sum and variance (times its area), for the correlation.
    std::array<double, kZoneAlphabet.size()> glyph_sum_{}, glyph_var_{};
};

}  // namespace dossier
