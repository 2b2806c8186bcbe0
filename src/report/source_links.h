// Every source the HTML report (and so the desk) prints is a link a lawyer
// can follow. A finding's source holds one citation or several joined by
// "; " ("Publisher, “Title”: URL (reference); Publisher, …"); each becomes a
// link of its own:
// - to the first http(s) URL it contains;
// - else, for an EU directive it names ("Directive 2011/98/EU", "Directive
//   (EU) 2024/1233"), to its ELI on EUR-Lex;
// - else to a web search for the citation, on the site it names when it names
//   one ("vanhavermaet.be, January 2025"): the page is found in one click
//   without this tool inventing an address it has not read.
// Links open in a new tab and send no Referer (the desk's address carries its
// token).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace dossier {

// The citations of a source, split at "; " outside parentheses and quotes.
std::vector<std::string> split_citations(std::string_view source);

// Where one citation's link goes (see above).
std::string citation_url(std::string_view citation);

// The source as HTML: each citation an <a>, everything escaped, joined as `l` joins them.
std::string source_links_html(std::string_view source, Lang l = Lang::en);

}  // namespace dossier
