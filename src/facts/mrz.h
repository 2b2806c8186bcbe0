// The machine-readable zone of a passport or identity card (ICAO Doc 9303):
// TD3 (passports, 2 lines of 44), TD2 (2 x 36) and TD1 (cards, 3 x 30),
// found in a text layer or OCR output. OCR noise is normalised (« and runs of
// K/S/X for the < filler, spaces, lines a character too long or short), and a
// character OCR commonly confuses (O/0, I/1, S/5, B/8, Z/2) is corrected in a
// numeric field only when its check digit then holds. Every check digit is
// verified; the failing ones are named. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "facts/read_facts.h"

namespace dossier {

// The first machine-readable zone in `text` (the one with the fewest failed
// checks when several are found). `today` gives two-digit years their
// century: a birth date is in the past, an expiry at most 20 years ahead.
std::optional<Mrz> find_mrz(std::string_view text, const Date& today);

// ICAO 9303 check digit of a field (weights 7, 3, 1; < is 0, A is 10).
// -1 when the field holds a character outside [0-9A-Z<].
int mrz_check_digit(std::string_view field);

}  // namespace dossier
