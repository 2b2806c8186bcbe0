// The JSON report of product.md ("The report (JSON)").
#pragma once

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace dossier {

struct OutputOptions {
    bool show_personal_data = false;  // otherwise passport numbers and birth dates are masked
    bool colour = false;              // text only
};

nlohmann::ordered_json report_json(const Report& r, const OutputOptions& opt);
nlohmann::ordered_json tool_json();

}  // namespace dossier
