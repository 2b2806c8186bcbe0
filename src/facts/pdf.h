// What a PDF tells an examiner: version, pages, encryption, metadata dates,
// signatures and active content.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

struct PdfSignature {
    std::string field;                   // the signature field's name
    std::vector<std::int64_t> byte_range;  // /ByteRange, pairs of offset and length
    std::optional<Timestamp> signed_at;  // /M
};

struct PdfFacts {
    bool readable = false;
    std::string error;  // why it is unreadable, in words
    std::string version;  // "1.7"
    int pages = 0;
    bool encrypted = false;
    std::map<std::string, std::string> info;  // Title, Author, Subject, Creator, Producer
    std::optional<Timestamp> info_created, info_modified;
    std::optional<Timestamp> xmp_created, xmp_modified;
    std::optional<std::string> xmp_producer, pdfa_part;
    std::vector<PdfSignature> signatures;
    bool modified_after_signature = false;  // bytes after the last signed range
    std::vector<std::string> active_content;  // e.g. "JavaScript", "Launch", "EmbeddedFiles"
};

PdfFacts inspect_pdf(const std::filesystem::path& file);

}  // namespace dossier
