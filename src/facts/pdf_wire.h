// PdfFacts as JSON, both ways: how the isolated inspector's child process
// sends its findings back to the parent (and what `dossier inspect --format
// json` prints under "pdf").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "facts/file_facts.h"
#include "facts/pdf.h"

namespace dossier {

nlohmann::ordered_json pdf_facts_json(const PdfFacts& f);
// Throws nlohmann::json::exception when `j` is not what pdf_facts_json writes.
PdfFacts pdf_facts_from_json(const nlohmann::json& j);

nlohmann::ordered_json timestamp_json(const std::optional<Timestamp>& t);

// What the isolated reader learnt of one file (size, hash, kind, PDF, image,
// text read): every field inspect_file (facts/file_facts.h) fills, so that the
// parent gets exactly what an in-process read would give. The path, name and
// listing stay with the parent.
nlohmann::ordered_json file_facts_json(const FileFacts& f);
// Fills those fields of `f`; throws nlohmann::json::exception on a bad answer.
void file_facts_from_json(const nlohmann::json& j, FileFacts& f);

}  // namespace dossier
