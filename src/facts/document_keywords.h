// Which kind of document a text reads as: keywords per manifest document type
// and language, kept as data (checklists/data/document-keywords/<lang>.yaml)
// that a lawyer or translator may correct. A guess is made only when the
// text clearly reads as one type: enough evidence and a clear margin over the
// next type. A sworn translation mentions both its own nature and the
// document it translates: the translator's certification decides.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/read_facts.h"

namespace dossier {

struct TypeKeyword {
    std::vector<std::string> words;  // folded ("casier", "judiciaire")
    std::string printed;             // as written in the file ("casier judiciaire")
    std::string language;
    bool decisive = false;  // names the type alone ("Führungszeugnis"): counts at least 2
    int weight = 1;         // its words of two letters or more: "l'employeur" counts 1, not 2
};

struct TypeKeywords {
    std::map<std::string, std::vector<TypeKeyword>> by_type;  // manifest document type -> keywords
};

// Loads every *.yaml of `dir`. Throws std::runtime_error naming file:line on
// bad data (a type the manifest does not know, an empty keyword...), and
// when the folder holds no file.
TypeKeywords load_type_keywords(const std::filesystem::path& dir);

// The type the text reads as, or none when the evidence is thin or shared.
// Evidence: each distinct keyword found (whole words) counts its number of
// words, a decisive one at least 2. A guess needs at least 2 and twice the
// next type's evidence; a
// sworn translation's certification ("traduction jurée", "beëdigd vertaler")
// wins over the translated document's own keywords.
std::optional<TypeGuess> guess_type(std::string_view text, const TypeKeywords& keywords);

}  // namespace dossier
