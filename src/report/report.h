// The report: the outcome of validating one dossier, ready for any format.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "facts/file_facts.h"
#include "model/manifest.h"

namespace dossier {

// A document the checklist requires for this dossier's region, permit and route.
struct RequiredDocument {
    std::string type;  // a document type of manifest.md
    LocalText why;     // in words, from the checklist, in its languages
    LocalText source;  // the checklist's citation, in its languages
};

struct Report {
    std::string dossier;  // the folder as given
    Date today;
    bool strict = false;               // warnings fail too
    std::optional<Manifest> manifest;  // empty when dossier.yaml could not be read
    std::optional<std::string> region;
    LocalText authority;  // the competent authority's name (in the report's language once localized)
    std::string checklist_id;
    std::optional<Date> checklist_verified;
    std::vector<std::string> languages;  // accepted by the authority
    std::vector<Finding> findings;       // sorted
    std::vector<FileFacts> files;        // listed documents first, then unlisted files
    std::optional<Date> valid_until;
    bool tool_failed = false;  // the tool could not do its job (exit 2)
    // The checklist's required documents, when the pipeline provides them; when
    // empty, reports derive the checklist table from the dossier's documents and
    // the checklist.missing-document findings (report/checklist_table.h).
    std::optional<std::vector<RequiredDocument>> required_documents;

    Summary summary() const { return summarise(findings); }
    bool passes() const;
    std::string verdict() const { return passes() ? "pass" : "fail"; }
    // 0 pass, 1 findings of failing severity, 2 the tool could not do its job.
    int exit_code() const;
};

}  // namespace dossier
