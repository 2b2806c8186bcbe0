// A regional checklist: data (checklists/<region>/<permit>.yaml) that a lawyer
// can correct without a compiler. Every row cites its source; a legal figure
// that no cited source gives is recorded as unknown, never guessed.
// The format is described by schemas/checklist.schema.json.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/text.h"

namespace dossier {

struct Manifest;

struct ChecklistSource {
    std::string id;         // short name used by rows ("single-permit-overview")
    std::string url;        // a public URL, or
    std::string seed;       // a seed page's file name (shared/seeds/), or
    std::string reference;  // a reference in words
    std::string title;
};

// A figure of the law with its unit and source; no value means "unknown".
struct LegalFigure {
    std::optional<int> value;
    std::string unit;  // "months" | "days"
    std::string source;
    LocalText note;
    std::string describe() const;  // "4 months", "30 days", "unknown"
};

// A document the checklist requires, and when.
struct DocumentRequirement {
    std::string type;
    std::vector<std::string> routes;                  // only on these routes (empty: every route)
    std::vector<std::string> except_routes;           // not on these routes
    std::string when;                                 // "" | employer-abroad | employer-in-belgium
    std::optional<int> max_age_months;                // issued at most this many months before today
    std::string rule = "checklist.missing-document";  // the rule that reports its absence
    LocalText why;  // texts a lawyer reads: English, and French, Dutch, German when the file gives them
    std::string source;
    int line = 0;

    bool required_for(const Manifest& m) const;
    bool applies_to_route(const std::string& route) const;
};

// An annual gross salary threshold for a route and year; no figure means unknown.
struct SalaryThreshold {
    std::string route;
    int year = 0;
    std::optional<double> annual_gross_eur;
    std::optional<int> min_age;  // applies to workers at least this old
    std::optional<int> max_age;  // applies to workers at most this old
    LocalText what;              // "highly qualified worker aged 30 or more"
    std::string source;
    LocalText note;
    int line = 0;

    bool fits_age(std::optional<int> age) const;
};

// A language accepted only for some document types, possibly unconfirmed.
struct ExtraLanguage {
    std::string type;
    std::string language;
    bool confirmed = false;
    std::string source;
    LocalText note;
};

// The conditions of the permanent single permit (seeds:
// brussels-unlimited-single-permit, permanent-single-permit).
struct PermanentConditions {
    bool present = false;
    bool confirmed = false;  // false: the region's own page is not cited
    int window_years = 10;
    int years_agreement_and_family = 2;
    int years_agreement = 3;
    int years_family = 3;
    int years_other = 4;
    std::vector<std::string> agreement_countries;  // ISO alpha-2
    std::vector<std::string> excluded_categories;
    std::vector<std::string> countable_permits;
    std::optional<int> eu_long_term_resident_months;
    std::string eu_long_term_resident_source;
    std::optional<int> apply_months_before_expiry;
    std::string apply_source;
    std::string source;
    LocalText note;
};

struct Checklist {
    std::string id;  // "brussels/single-permit"
    std::string region;
    std::string permit;
    std::optional<Date> last_verified;
    std::filesystem::path file;

    LocalText authority;  // its name
    std::string authority_source;
    std::vector<std::string> languages;  // accepted languages, ISO 639-1
    std::string languages_source;
    std::vector<ExtraLanguage> extra_languages;

    std::uint64_t max_file_size = 10u << 20;
    std::string max_file_size_source;

    LegalFigure processing;  // legal ceiling from a complete file
    LegalFigure appeal;      // appeal window against a refusal

    std::vector<DocumentRequirement> documents;
    std::vector<SalaryThreshold> salary;
    std::vector<std::string> public_document_types;  // need apostille or legalisation when foreign
    std::string public_documents_source;
    PermanentConditions permanent;

    std::map<std::string, Severity> severity;  // rule id -> severity override
    std::vector<ChecklistSource> sources;

    // Resolves a row's source id to a URL or seed name; returns the id itself if unknown.
    std::string cite(const std::string& source_id) const;
    const ChecklistSource* find_source(const std::string& source_id) const;
    bool accepts(const std::string& language) const;
    // The requirement for a document type on this dossier's route, if any.
    const DocumentRequirement* requirement(const std::string& type, const Manifest& m) const;
};

class ChecklistError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The default checklist folder: $DOSSIER_CHECKLISTS, else the one installed
// beside the binary (../share/dossier/checklists), else the build tree's
// (core/data_dir.h). Never the source tree's: the binary works anywhere.
std::filesystem::path default_checklist_dir();

std::filesystem::path checklist_path(const std::filesystem::path& dir, const std::string& region,
                                     const std::string& permit);

// Throws ChecklistError naming the file, line and column of what is wrong.
Checklist load_checklist(const std::filesystem::path& file);

// Same, but each file is read once per process (batch validates many dossiers
// against the same few checklists). Thread-safe.
std::shared_ptr<const Checklist> load_checklist_cached(const std::filesystem::path& file);

}  // namespace dossier
