// ReadFacts and ReadOptions as JSON, both ways: how the isolated child sends
// what it read back to the parent, how the parent tells the child how to
// read, and what the cache stores. Unmasked: the reports mask personal data
// themselves (report/privacy.h).
#pragma once

#include <nlohmann/json.hpp>

#include "facts/read_document.h"
#include "facts/read_facts.h"

namespace dossier {

std::string_view to_string(TextSource s);  // "text-layer", "ocr", "none"

nlohmann::ordered_json read_facts_json(const ReadFacts& r);
// Throws nlohmann::json::exception (or std::invalid_argument) when `j` is not what read_facts_json writes.
ReadFacts read_facts_from_json(const nlohmann::json& j);

nlohmann::ordered_json read_options_json(const ReadOptions& o);
ReadOptions read_options_from_json(const nlohmann::json& j);

}  // namespace dossier
