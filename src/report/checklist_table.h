// The checklist table of a report: one row per document the checklist
// requires (Report::required_documents, filled by the pipeline from the
// checklist's rows), then the dossier's other documents, each with its state:
// missing, with an error (too old, expired, untranslated, unreadable...), with
// a warning, or in order. Without required_documents (no checklist applies),
// the rows are derived from the dossier's own documents and the
// checklist.missing-document and employer.mandate-missing findings.
#pragma once

#include <string>
#include <vector>

#include "report/report.h"

namespace dossier {

enum class RowState { ok, warning, error, missing };

struct ChecklistRow {
    std::string type;  // a document type, or empty when it could not be told
    bool present = false;
    std::vector<std::string> files;  // the dossier's files of that type
    std::string why;                 // the checklist's reason, or the finding's message
    std::string source;
    RowState state = RowState::ok;
    // What is wrong with the document (the findings' rule titles, in the
    // report's language), for a row in error or with a warning.
    std::vector<std::string> reasons;
};

// `l` is the language of the reasons (rule titles).
std::vector<ChecklistRow> checklist_rows(const Report& r, Lang l = Lang::en);

}  // namespace dossier
