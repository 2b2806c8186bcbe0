// The JSON report of product.md ("The report (JSON)").
#pragma once

#include <nlohmann/json.hpp>

#include "report/i18n.h"
#include "report/report.h"

namespace dossier {

struct OutputOptions {
    bool show_personal_data = false;  // otherwise passport numbers and birth dates are masked
    bool colour = false;              // text only: ANSI colours (a terminal, and NO_COLOR unset)
    bool symbols = false;             // text only: ✗ ⚠ ℹ ✓ marks (a terminal)
    Lang lang = Lang::en;             // language of messages and dates (text and html)
};

nlohmann::ordered_json report_json(const Report& r, const OutputOptions& opt);
nlohmann::ordered_json tool_json();
// A value as JSON (a date as ISO), or null.
nlohmann::ordered_json or_null(const std::optional<std::string>& s);
nlohmann::ordered_json or_null(const std::optional<Date>& d);
nlohmann::ordered_json or_null(const std::optional<Timestamp>& t);

class Redactor;
// Masks personal values in every string of `j` (keys are ours and never
// personal), and replaces invalid UTF-8 (from file names, PDF metadata).
void redact_json(nlohmann::ordered_json& j, const Redactor& redactor);

}  // namespace dossier
