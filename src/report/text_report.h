// The text report a lawyer reads in a terminal: findings grouped by document,
// errors first, and a closing verdict line.
#pragma once

#include <string>

#include "report/json_report.h"
#include "report/report.h"

namespace dossier {

std::string report_text(const Report& r, const OutputOptions& opt);

}  // namespace dossier
