// Reports are UTF-8, but file names and PDF metadata need not be (a Latin-1
// file name, a broken PDF string): invalid bytes become U+FFFD so that JSON,
// XML and HTML stay well-formed.
#pragma once

#include <string>
#include <string_view>

namespace dossier {

bool is_valid_utf8(std::string_view s);
// `s` with every invalid byte sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view s);

}  // namespace dossier
