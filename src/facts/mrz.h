// The machine-readable zone of a passport, identity card, residence card or
// visa (ICAO Doc 9303): TD3 (passports, 2 x 44), TD2 (2 x 36), TD1 (cards,
// 3 x 30), the visas MRV-A (2 x 44) and MRV-B (2 x 36), and the French
// national identity card of 1988-2021 (2 x 36, a layout of its own).
//
// Decoding is where the check digits decide. Each position of each field
// takes the characters its field allows (digits in dates, letters in codes
// and names); where the reader was unsure (the other characters it thought
// possible, and the pairs OCR confuses: O/0, D/0, Q/0, I/1, B/8, S/5, Z/2,
// G/6), the readings are tried, fewest changes first, and one is kept only
// when its field's check digit and the zone's composite check digit then
// hold. A zone whose checks still fail says whether that was read with
// confidence (passport.mrz-invalid) or not (passport.mrz-unconfirmed).
// Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "facts/read_facts.h"

namespace dossier {

// One character of a zone as it was read: the character, how sure the
// reader was (0..1), and the other characters it thought possible, most
// likely first. `seen`: the cell's shape settles it, whatever OCR thought
// (its OCR-B glyph fits far better than any other: the chevron of a filler
// and the letters OCR takes it for, K, S, X, E, L, look nothing alike).
struct ZoneChar {
    char c = '<';
    float confidence = 1;
    std::string alternatives;
    bool seen = false;
};
using ZoneLine = std::vector<ZoneChar>;

// A zone read as characters, each line in order, left to right. `exact`:
// the characters are what the document holds (a born-digital text layer),
// not what OCR made of an image.
struct ZoneReading {
    std::vector<ZoneLine> lines;
    bool exact = false;
};

// Decodes 2 or 3 lines read from a zone. `today` gives two-digit years their
// century: a birth date is in the past, an expiry at most 20 years ahead.
// nullopt when the lines are no zone (no check digit holds, no known layout).
std::optional<Mrz> decode_zone(const ZoneReading& zone, const Date& today);

// The first machine-readable zone in `text` (the one with the fewest failed
// checks when several are found). `exact`: the text is a text layer, not OCR.
std::optional<Mrz> find_mrz(std::string_view text, const Date& today, bool exact = true);

// Two readings of one zone, `text` found in a page's OCR text and `image`
// read apart on the page image (facts/zone_read.h), when they read the same
// zone: the same layout, the same checks failing (or none), the same
// number, dates, states, code and sex. Then `image`, whose names the glyphs
// of OCR-B read (OCR of the page takes their fillers for K, S or X), with a
// field in doubt in only one reading confirmed by the other, and failing
// checks read clearly if either read them so; else nullopt.
std::optional<Mrz> agreed_zone(const Mrz& text, const Mrz& image);

// A zone read by OCR whose names or number hold open cells (Mrz::doubts),
// held against `page_text`, the OCR of the page it is printed on, whose
// visual zone prints the same name and number (the zone itself, as that
// OCR read it, counts as a second reading): a name word holding open cells
// takes the one spelling among their alternatives (at most two changed)
// printed there; an unsure number whose check holds, the one printed
// spelling whose check digits still hold. Two printed candidates settle
// nothing, and cells the glyphs saw clearly are never changed. A field
// whose every doubtful cell is so settled is no longer unsure.
void settle_by_print(Mrz& m, std::string_view page_text);

// ICAO 9303 check digit of a field (weights 7, 3, 1; < is 0, A is 10).
// -1 when the field holds a character outside [0-9A-Z<].
int mrz_check_digit(std::string_view field);

// Whether `code` is a state or organisation code of ICAO 9303 (ISO 3166-1
// alpha-3, D for Germany, XXA/XXB/XXC/XXX, UTO, UNO...), fillers removed.
bool is_icao_code(std::string_view code);

}  // namespace dossier
