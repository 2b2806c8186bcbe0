// ReadFacts and ReadOptions as JSON, both ways: how the isolated child sends
// what it read back to the parent, how the parent tells the child how to
// read, and what the cache stores. Unmasked: the reports mask personal data
// themselves (model/privacy.h).
#pragma once

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "facts/read_document.h"
#include "facts/read_facts.h"

namespace dossier {

// A message (core/text.h) as JSON, both ways: its msgid, context, plural and
// named arguments (typed: a number stays a number, a date a date), so that a
// reason found in the isolated child, or kept in the read cache, is rendered
// by the report in the lawyer's language. An empty Text is null.
nlohmann::ordered_json text_json(const Text& t);
// Throws nlohmann::json::exception (or std::invalid_argument) on what text_json does not write.
Text text_from_json(const nlohmann::json& j);

std::string_view to_string(TextSource s);  // "text-layer", "ocr", "none"

nlohmann::ordered_json read_facts_json(const ReadFacts& r);
// Throws nlohmann::json::exception (or std::invalid_argument) when `j` is not what read_facts_json writes.
ReadFacts read_facts_from_json(const nlohmann::json& j);

nlohmann::ordered_json read_options_json(const ReadOptions& o);
ReadOptions read_options_from_json(const nlohmann::json& j);

}  // namespace dossier
