// The checklist table of a report: one row per document the checklist
// requires, present or missing. Until the pipeline fills
// Report::required_documents, the rows are derived from the dossier's own
// documents (present) and the checklist.missing-document and
// employer.mandate-missing findings (missing).
#pragma once

#include <string>
#include <vector>

#include "report/report.h"

namespace dossier {

struct ChecklistRow {
    std::string type;  // a document type, or empty when it could not be told
    bool present = false;
    std::vector<std::string> files;  // the dossier's files of that type
    std::string why;                 // the checklist's reason, or the finding's message
    std::string source;
};

std::vector<ChecklistRow> checklist_rows(const Report& r);

}  // namespace dossier
