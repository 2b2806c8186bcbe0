// The whole flow for one dossier: manifest + folder -> model -> file facts ->
// rules -> findings -> report.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "facts/read_document.h"
#include "report/report.h"

namespace dossier {

struct ValidateOptions {
    std::optional<Date> today;                  // --today; else submission_date; else the real date
    bool strict = false;                        // --strict
    std::filesystem::path checklists;           // --checklists; empty: default_checklist_dir()
    ReadOptions read;                           // what the documents say: --no-ocr, --cache DIR
};

// Never throws for a bad dossier: problems are findings, and a dossier the tool
// cannot check at all has tool_failed set (exit 2).
Report validate_dossier(const std::filesystem::path& dir, const ValidateOptions& opt);

// Builds once, in this process, what every validation needs whatever the
// dossier: the checklists and country lists parsed (their caches), the ICU
// transliterators of core/names. A batch calls it before forking its
// dossiers' processes, which then inherit it instead of each building it
// again (perf: ICU transliterator construction was a third of a batch's
// processor time). Never throws: what fails here fails later where it is
// reported.
void prepare_validation(const ValidateOptions& opt);

}  // namespace dossier
