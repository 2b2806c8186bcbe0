// PdfFacts as JSON, both ways: how the isolated inspector's child process
// sends its findings back to the parent (and what `dossier inspect --format
// json` prints under "pdf").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "facts/pdf.h"

namespace dossier {

nlohmann::ordered_json pdf_facts_json(const PdfFacts& f);
// Throws nlohmann::json::exception when `j` is not what pdf_facts_json writes.
PdfFacts pdf_facts_from_json(const nlohmann::json& j);

nlohmann::ordered_json timestamp_json(const std::optional<Timestamp>& t);

}  // namespace dossier
