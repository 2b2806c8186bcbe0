// Checks an index.xml against schemas/index.xsd (embedded in the binary at
// build time) with libxml2. libxml2 is used for XSD validation only; the
// package stage reads and writes XML with pugixml.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::package {

// The schema's text, as built into the binary.
std::string_view index_xsd();

struct SchemaProblem {
    int line = 0;  // 0: unknown
    std::string message;
};

// Empty when `xml` is well-formed and valid. The parser reads no DTD, follows
// no network or file reference and expands no entity. Thread-safe.
std::vector<SchemaProblem> validate_index(std::string_view xml);

}  // namespace dossier::package
