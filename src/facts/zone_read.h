// Reading a machine-readable zone in a page image: find it (facts/zone_find),
// cut it out upright, read its characters with tesseract (the zone's
// alphabet only, as a block and line by line, by its English model), match each cell against OCR-B's glyphs
// (facts/ocrb_glyphs), and let the check digits decide (facts/mrz). A few
// attempts in order of cost, stopping at the first whose check digits hold.
#pragma once

#include <memory>
#include <optional>

#include "core/date.h"
#include "core/time_budget.h"
#include "facts/mrz.h"
#include "facts/pix.h"
#include "facts/zone_find.h"

namespace dossier {

class ZoneReader {
public:
    ZoneReader();
    ~ZoneReader();
    ZoneReader(const ZoneReader&) = delete;
    ZoneReader& operator=(const ZoneReader&) = delete;

    // The zone of `page` (any depth), if one is found and decodes: the one
    // whose check digits hold, else the one with the fewest failures. Stops
    // when `budget` is spent (its processor time: the same reading whatever
    // the load).
    std::optional<Mrz> read(Pix* page, const Date& today, const TimeBudget& budget);

    // The slant of the lines of the zone the last call returned, in radians
    // from the page's x axis (y down): 0 on a page the right way up, pi on
    // one upside down, about pi/2 on one turned a quarter clockwise.
    double angle() const { return angle_; }

    // How many readings the last call made (for the bench).
    int attempts() const { return attempts_; }
    // How many of them were of a zone with its contrast evened out.
    int evened() const { return evened_; }

private:
    // What reading one candidate found.
    struct Found {
        bool stop = false;   // a zone read for sure, or the budget spent: read no more
        bool zone = false;   // a zone decoded there (a known layout, a check digit holding)
        bool signs = false;  // that, or the filler's chevron clearly seen in a few cells
    };

    // Reads the zone `c` of the grey page both ways up (`even`: its
    // contrast evened out first), keeping in `best` what holds best.
    Found read_candidate(Pix* grey, const ZoneCandidate& c, bool even, const Date& today,
                         const TimeBudget& budget, std::optional<Mrz>& best);

    struct EnglishEngine;
    std::unique_ptr<EnglishEngine> english_;
    double angle_ = 0;
    int attempts_ = 0;
    int evened_ = 0;
};

}  // namespace dossier
