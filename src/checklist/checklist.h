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

// A public reference a lawyer can open: publisher, title, and a URL or a legal
// reference. Never a project file (the loader refuses "seed" sources). Its
// publisher, title and reference may be given per language (Belgian authorities
// publish in French, Dutch and German); `language` is the publisher's own.
struct ChecklistSource {
    std::string id;        // short name used by rows ("brussels-minimum-pay")
    LocalText publisher;   // "Brussels Economy and Employment"
    LocalText title;       // "Single permit: minimum remuneration"
    std::string url;       // a public URL, and/or
    LocalText reference;   // a legal text or where to find it ("Decree of 16 May 2024, art. 18")
    std::string language;  // the publisher's own language ("nl"), empty: not said
    // "Publisher, Title: URL (reference)" in `l`: each part in `l`, else in the
    // publisher's own language, else in English.
    std::string citation(Lang l = Lang::en) const;
    // Each part in `l` as citation() picks it.
    const std::string& in(const LocalText& part, Lang l) const;
    LocalText in_each(const LocalText& part) const;  // the same, for every language
};

// A figure of the law with its unit and source; no value means "unknown".
struct LegalFigure {
    std::optional<int> value;
    std::string unit;  // "months" | "days"
    std::string source;
    LocalText note;
    Text text() const;  // "4 months", "30 days", "unknown", in the report's language
};

// A document the checklist requires, and when.
struct DocumentRequirement {
    std::string type;
    std::vector<std::string> routes;                  // only on these routes (empty: every route)
    std::vector<std::string> except_routes;           // not on these routes
    std::string when;                                 // "" | employer-abroad | employer-in-belgium
    std::optional<int> max_age_months;                // issued at most this many months before today
    bool age_to_decision = false;                     // the age counts to the decision (Flanders)
    bool all_pages = false;                           // every page is asked for (Brussels passport)
    bool required = true;                             // false: listed for reference, condition in `why`
    std::string rule = "checklist.missing-document";  // the rule that reports its absence
    LocalText why;  // texts a lawyer reads: English, and French, Dutch, German when the file gives them
    std::string source;
    int line = 0;

    bool required_for(const Manifest& m) const;
    bool applies_to_route(const std::string& route) const;
};

// A salary threshold for a route and year, annual gross or monthly basic pay
// (Brussels, DmfA code 1); no figure means unknown.
struct SalaryThreshold {
    std::string route;
    int year = 0;
    bool monthly_basic = false;  // the figure is monthly basic pay, not annual gross
    std::optional<double> amount_eur;
    std::optional<int> min_age;  // applies to workers at least this old
    std::optional<int> max_age;  // applies to workers at most this old
    LocalText what;              // "highly qualified worker aged 30 or more"
    std::string source;
    LocalText note;
    int line = 0;

    bool fits_age(std::optional<int> age) const;
    // "€3,703.44 a month (basic pay)", "€48,912 a year (gross)", "unknown" (ICU money).
    Text amount_text() const;
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

// What one source says of an announced fee: an amount and when it starts.
struct FeeClaim {
    std::optional<double> amount_eur;  // none: the source gives no amount
    LocalText when;                    // "from 1 September 2026", "expected in Q1-Q2 2026"
    std::string source;
};

// A fee the applicant pays (said as a note, never blocking).
struct Fee {
    LocalText what;
    std::optional<int> year;           // the year the amount applies to, or
    std::optional<Date> from;          // the day from which it applies
    std::optional<double> amount_eur;  // none: unknown
    std::string source;
    LocalText note;
    // Announced, not confirmed by the authority: the sources' claims are
    // said side by side, never one amount as fact (amount_eur stays unknown).
    bool announced = false;
    std::vector<FeeClaim> claims;
};

// A condition of a route the manifest cannot state yet, said as a note.
struct RouteNote {
    std::vector<std::string> routes;
    std::optional<Date> from;   // applies to applications from this day
    std::optional<Date> until;  // to this day
    LocalText text;
    std::string source;
};

// A document type accepted only in some languages (the Flemish form: Dutch).
struct RestrictedLanguages {
    std::string type;
    std::vector<std::string> accepted;
    std::string source;
};

// How early an application may be filed (Flanders).
struct ApplicationWindow {
    bool present = false;
    int max_months_before_start = 0;
    int max_days_before_start = 0;          // added to the months: 4 months 15 days for "4½ months"
    std::optional<int> renewal_min_months;  // renewal: between min and max months before expiry
    std::optional<int> renewal_max_months;
    std::string source;
    LocalText renewal_note;  // said with the renewal window (another page of the authority says otherwise)
};

// The recast Single Permit Directive (EU) 2024/1233 beside Belgian law: its
// ceiling, and whether a Belgian act transposing it was found.
struct RecastDirective {
    bool present = false;
    int processing_days = 90;  // from a complete application, labour-market check included
    int extension_days = 30;   // exceptional, complex cases
    std::optional<Date> transposition_deadline;
    std::optional<Date> checked;  // the day a Belgian transposing act was last looked for
    std::string transposing_act;  // a source id; empty: none found on `checked`
    std::string source;           // the directive
    std::string status_source;    // what says it is not transposed yet
};

// What can still be done after the application is submitted (said as a note).
struct AfterSubmission {
    LocalText text;
    std::string source;
};

// How the documents are uploaded (dossier pack --upload-set).
struct UploadRules {
    bool present = false;
    std::vector<std::string> languages;  // the authority's languages, for the annexes' names
    bool order_official = false;         // the documents follow the authority's own list
    bool together = false;               // the authority asks for one file (dossier.pdf)
    LocalText note;
    std::string source;
};

// How long a vacancy must have been published before the application, per route.
struct VacancyPublication {
    std::string route;
    int weeks = 0;
    std::string source;
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
    std::vector<RestrictedLanguages> restricted_languages;
    LocalText languages_note;  // e.g. other languages unconfirmed

    std::uint64_t max_file_size = 10u << 20;
    std::string max_file_size_source;

    LegalFigure processing;  // legal ceiling from a complete file
    LegalFigure appeal;      // appeal window against a refusal

    std::vector<DocumentRequirement> documents;
    bool documents_complete = true;  // false: the authority's list was only partly published
    LocalText documents_note;
    std::string documents_note_source;
    std::vector<SalaryThreshold> salary;
    std::vector<std::string> public_document_types;  // need apostille or legalisation when foreign
    std::string public_documents_source;
    PermanentConditions permanent;
    std::vector<Fee> fees;
    std::vector<RouteNote> route_notes;
    ApplicationWindow application_window;
    std::vector<VacancyPublication> vacancy;
    RecastDirective recast;
    std::optional<AfterSubmission> after_submission;
    UploadRules upload;

    std::map<std::string, Severity> severity;  // rule id -> severity override
    std::vector<ChecklistSource> sources;

    // Resolves a row's source id to its citation in every language (a report
    // picks its own); the id itself if unknown.
    LocalText cite(const std::string& source_id) const;
    const ChecklistSource* find_source(const std::string& source_id) const;
    bool accepts(const std::string& language) const;
    // Whether a document of `type` in `language` needs no translation (extra and restricted rows).
    bool accepts(const std::string& language, const std::string& type) const;
    // The requirement for a document type on this dossier's route, if any.
    const DocumentRequirement* requirement(const std::string& type, const Manifest& m) const;
};

class ChecklistError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::filesystem::path checklist_path(const std::filesystem::path& dir, const std::string& region,
                                     const std::string& permit);

// Throws ChecklistError naming the file, line and column of what is wrong.
Checklist load_checklist(const std::filesystem::path& file);

// Same, but each file is read once per process (batch validates many dossiers
// against the same few checklists). Thread-safe.
std::shared_ptr<const Checklist> load_checklist_cached(const std::filesystem::path& file);

}  // namespace dossier
