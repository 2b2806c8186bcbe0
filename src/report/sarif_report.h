// The SARIF 2.1.0 report, for code-scanning dashboards: one run per dossier,
// the rule catalogue as the driver's rules (id, short description, help text
// with the legal source), one result per finding located at its document,
// relative to the dossier folder (uriBaseId DOSSIER).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/json_report.h"
#include "report/report.h"

namespace dossier {

inline constexpr const char* kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// One run object (for a batch, which writes one run per dossier).
nlohmann::ordered_json sarif_run(const Report& r, const OutputOptions& opt);
// The whole log: {"$schema", "version": "2.1.0", "runs": [run]}.
std::string report_sarif(const Report& r, const OutputOptions& opt);

// "police record 1.pdf" -> "police%20record%201.pdf" (RFC 3986, '/' kept).
std::string uri_encode_path(std::string_view path);

}  // namespace dossier
