// Reports are UTF-8, but file names and PDF metadata need not be (a Latin-1
// file name, a broken PDF string): invalid bytes become U+FFFD so that JSON,
// XML and HTML stay well-formed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace dossier {

bool is_valid_utf8(std::string_view s);
// `s` with every invalid byte sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view s);

// The JSON text of `j` (`indent` as json::dump: -1 on one line), its strings
// escaped as JSON requires and any invalid UTF-8 in them written as U+FFFD:
// the one JSON string escaper of the tool, for everything built from file
// names and file contents (reports, the batch report, the isolated reader's
// answer). Never throws on bad bytes.
std::string json_text(const nlohmann::json& j, int indent = -1);
std::string json_text(const nlohmann::ordered_json& j, int indent = -1);

}  // namespace dossier
