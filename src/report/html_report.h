// The HTML report: one self-contained page (inline CSS, no script, no network,
// no external font) that a lawyer can send to a client: the application at a
// glance, the checklist table (✓/✗ per required document), the findings with
// what to do, the dates and each document's facts. Everything is escaped.
#pragma once

#include <string>
#include <string_view>

#include "report/json_report.h"
#include "report/report.h"

namespace dossier {

std::string report_html(const Report& r, const OutputOptions& opt);

// &, <, >, " and ' as entities.
std::string html_escape(std::string_view s);

}  // namespace dossier
