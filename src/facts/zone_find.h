// Finding a machine-readable zone in a page image, the way PassportEye does
// with scikit-image, here with Leptonica: the dark strokes of the page
// (black-hat), joined along their lines into bars; two or three parallel
// bars of the same length, evenly spaced, are a zone's lines. Searched at a
// few glyph sizes (a zone may fill a card or be a strip of a photo) and
// across and along the page (a page turned 90°); the bars' own slant gives
// the angle (a page photographed askew). A page upside down is found the
// same way and read both ways up.
#pragma once

#include <vector>

#include "facts/pix.h"

namespace dossier {

// Where a zone may be, in the page's coordinates.
struct ZoneCandidate {
    double cx = 0, cy = 0;  // centre
    double angle = 0;       // of its lines, radians, from the x axis (y down)
    double length = 0;      // along its lines
    double thickness = 0;   // across, first line's top to last line's bottom
    double glyph = 0;       // height of a character
    int lines = 0;          // bars found: 2 or 3 (1: a line whose neighbours were missed)
    double score = 0;
    bool faint = false;  // found only among strokes fainter than the page's: to be read evened out
};

// The likeliest zones of an 8-bit grey page, best first (at most `keep`).
// Those found among the strokes darker than the page's threshold keep their
// order; a zone found only among fainter strokes (a zone on a coloured
// highlight, the print around it black), where none of them lies, is placed
// among them by its score, marked `faint`.
std::vector<ZoneCandidate> find_zones(Pix* grey, size_t keep = 6);

// Whether `c` lies wholly within `k`, a glyph's slack around it: the same
// slant, its ends and its lines between `k`'s (a line or two of a zone
// found as three, the same zone found again at another level).
bool lies_within(const ZoneCandidate& c, const ZoneCandidate& k);

// The zone cut out of the page, turned so its lines run left to right
// (add pi to the angle to turn it upside down), with a margin of `along`
// pixels at each end and `across` above and below, and scaled so that its
// characters are `glyph_height` pixels tall.
PixPtr cut_zone(Pix* grey, const ZoneCandidate& zone, double along, double across, double glyph_height);

// The page as the 8-bit grey in which black ink is darkest: the lightest of
// its colour channels (a red highlight or stamp over a zone fades out).
PixPtr ink_grey(Pix* page);

}  // namespace dossier
