// The XMP metadata packet of a PDF (an RDF/XML document), read with pugixml.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "facts/timestamp.h"

namespace dossier {

struct XmpFacts {
    std::optional<Timestamp> created;      // xmp:CreateDate
    std::optional<Timestamp> modified;     // xmp:ModifyDate
    std::optional<std::string> producer;   // pdf:Producer
    std::optional<std::string> pdfa_part;  // pdfaid:part (a PDF/A claim), with pdfaid:conformance: "2B"
    bool well_formed = false;
};

// Properties are matched by namespace URI, not by prefix, and may be written
// as attributes of rdf:Description or as child elements.
XmpFacts parse_xmp(std::string_view packet);

}  // namespace dossier
