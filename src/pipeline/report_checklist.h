// The checklist a report was checked against (its region and permit), loaded
// again from the same folder (from the process's cache: no second parse), for
// what comes after the report: the upload set's order and annex names.
#pragma once

#include <memory>

#include "checklist/checklist.h"
#include "pipeline/validate.h"
#include "report/report.h"

namespace dossier {

// Null when the report names no checklist or it cannot be read.
std::shared_ptr<const Checklist> report_checklist(const Report& r, const ValidateOptions& opt);

}  // namespace dossier
