// A regional checklist: data (checklists/<region>/<permit>.yaml) that a lawyer
// can correct without a compiler. Every row cites its source.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"

namespace dossier {

struct ChecklistSource {
    std::string id;   // short name used by rows ("single-permit-overview")
    std::string url;  // or a seed file name
    std::string title;
};

struct Checklist {
    std::string id;  // "brussels/single-permit"
    std::string region;
    std::string permit;
    std::optional<Date> last_verified;
    std::filesystem::path file;
    std::string authority;
    std::vector<std::string> languages;  // accepted languages, ISO 639-1
    std::uint64_t max_file_size = 10u << 20;
    std::map<std::string, Severity> severity;  // rule id -> severity override
    std::vector<ChecklistSource> sources;
    // Resolves a row's source id to a URL or seed name; returns the id itself if unknown.
    std::string cite(const std::string& source_id) const;
};

class ChecklistError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The default checklist folder: $DOSSIER_CHECKLISTS, else the one installed
// beside the binary, else the source tree's.
std::filesystem::path default_checklist_dir();

std::filesystem::path checklist_path(const std::filesystem::path& dir, const std::string& region,
                                     const std::string& permit);

// Throws ChecklistError naming the file, line and column of what is wrong.
Checklist load_checklist(const std::filesystem::path& file);

}  // namespace dossier
