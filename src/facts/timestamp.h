// Dates with a time of day as PDF files write them: the Info dictionary's
// "D:YYYYMMDDHHmmSSOHH'mm'" (and its partial forms) and XMP's ISO 8601.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace dossier {

// A PDF or XMP date with its time and, when given, its UTC offset.
struct Timestamp {
    Date date;
    int hour = 0, minute = 0, second = 0;
    std::optional<int> utc_offset_minutes;  // none: local time, zone unknown
    std::string raw;                        // as written in the file
    std::string iso() const;                // "2026-09-20T10:15:00+02:00"
    // Seconds since 1970-01-01T00:00:00Z (an unknown zone is taken as UTC).
    std::int64_t epoch_seconds() const;
};

// "D:YYYYMMDDHHmmSSOHH'mm'" where every part after the year is optional
// (missing month/day default to 1, missing time to 0), O is +, - or Z, the
// "D:" prefix and the apostrophes are optional. nullopt when malformed.
std::optional<Timestamp> parse_pdf_date(std::string_view text);
// ISO 8601 as XMP writes it: "YYYY", "YYYY-MM", "YYYY-MM-DD",
// "YYYY-MM-DDThh:mm[:ss[.s+]][Z|+hh:mm|-hh:mm]". nullopt when malformed.
std::optional<Timestamp> parse_xmp_date(std::string_view text);
// EXIF "YYYY:MM:DD HH:MM:SS" (local time, zone unknown).
std::optional<Timestamp> parse_exif_date(std::string_view text);

}  // namespace dossier
