// What was read in a document, as the reports and `inspect` print it
// (product.md, "Reading the documents"): no full text; the MRZ lines, its
// number and printed birth dates masked unless the user asks for personal data.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/text.h"
#include "facts/read_facts.h"

namespace dossier {

// "unreadable" (why no text was read) is said in `lang`, like the report's messages.
nlohmann::ordered_json read_json(const ReadFacts& r, bool show_personal_data, Lang lang = Lang::en);

// A machine-readable zone's line: the document code kept, every other letter
// and digit masked ("P<MARELAMRANI<<..." -> "P<*********<<...").
std::string mask_mrz_line(std::string_view line);

}  // namespace dossier
