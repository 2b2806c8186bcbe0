// Writes the submission package of a validated dossier (product.md, "The
// package"): the documents under canonical names (package/plan.h), stored
// as they are (no recompression), and index.xml (package/index_xml.h).
//
// Deterministic: entries in a fixed order (index.xml first, then the
// documents in plan order), every entry with the same time stamp (noon of
// `today`, the date the package speaks of), mode 0644 as made on Unix, and no
// extra field from the files' stat; everything stored, so not even the zlib
// version can change a byte. Two packs of the same inputs with the same
// today give identical bytes, in any time zone. Not with a passphrase: AES
// encryption draws a random salt per entry, so encrypted packages differ
// every time (and must).
//
// Atomic: written to a temporary file beside OUT (package/package_temp.h),
// flushed and renamed; OUT is never partial, and an existing OUT is replaced
// only by a complete package.
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text.h"
#include "package/plan.h"
#include "report/report.h"

namespace dossier::package {

// A document could not be packed as validated (it changed or became
// unreadable since): the tool could not do its job (exit 2). Nothing was
// written.
class PackError : public TextError {
public:
    using TextError::TextError;
};

struct PackOptions {
    std::optional<std::string> passphrase;  // AES-256 for every entry
    bool show_personal_data = false;        // the index carries the passport number in full
    bool forced = false;                    // packed despite failing findings (recorded in the index)
};

struct PackResult {
    std::filesystem::path output;
    std::vector<PlannedEntry> entries;
    std::uint64_t size = 0;  // bytes of the package
};

// A report may be packed when the tool could check the dossier and the
// dossier passes (warnings fail under --strict), or when forced.
bool may_pack(const Report& r, bool force);

// The time stamp of every entry: noon, local time, of `today` (clamped to the
// years a ZIP can record). libzip writes the MS-DOS time from local time, so
// the same day gives the same bytes in every time zone.
std::time_t entry_time(const Date& today);

// Throws OutputError when OUT cannot be written, PackError when a document
// cannot be packed as validated, std::invalid_argument for a report without
// a manifest.
PackResult write_package(const Report& r, const std::filesystem::path& out, const PackOptions& opt);

}  // namespace dossier::package
