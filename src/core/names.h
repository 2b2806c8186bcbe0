// Personal names across scripts: ICU transliteration to ASCII and a folded
// comparison key, so that "Мухаммед" matches "Mukhammed" and "Şahin" "Sahin".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Transliterates UTF-8 text of any script to plain ASCII ("Any-Latin;
// Latin-ASCII"): "Şahin" -> "Sahin", "Мухаммед" -> "Muhammed". Characters with
// no ASCII form are dropped. Also used for the package's file names.
std::string to_ascii(std::string_view utf8);

// The words of a name, transliterated, case-folded and reduced to a key that
// ignores the usual variants of romanisation (kh/h, doubled letters, y/i...).
std::vector<std::string> name_keys(std::string_view name);

// True when every word of `part` is a word of `full` after folding ("Sahin"
// is part of "Emre Şahin"). Empty names never match.
bool name_contains(std::string_view full, std::string_view part);

// True when two names have the same words after folding, in any order.
bool names_match(std::string_view a, std::string_view b);

}  // namespace dossier
