// Folding printed text for comparison: case-folded and transliterated to
// plain ASCII (ICU "Any-Latin; Latin-ASCII", through core/names.h), so that
// "Délivré", "DELIVRE" and "délivré" are one word and "März" reads "marz".
// Shared by the date finder, the document-type keywords and the word hashes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Lower-case ASCII form of a UTF-8 text (characters with no ASCII form dropped).
std::string fold_text(std::string_view utf8);

// The words of a folded text: runs of [a-z0-9], everything else separates.
std::vector<std::string> folded_words(std::string_view utf8);

}  // namespace dossier
