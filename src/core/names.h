// Personal names across scripts: ICU transliteration to ASCII and a folded
// comparison key, so that "Мухаммед" matches "Mukhammed" and "Şahin" "Sahin".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Transliterates UTF-8 text of any script to printable ASCII through ICU
// ("Any-Latin; Latin-ASCII", after NFC): "Şahin" -> "Sahin", "Мухаммед" ->
// "Muhammed", "Юлия" -> "Ulia", "王小明" -> "wang xiao ming". Tabs and line
// breaks become spaces; what ICU cannot spell in ASCII (and invalid UTF-8)
// becomes '?'. The one transliterator of the tool: names compared by the
// rules and the package's index.xml and file names. Thread-safe (one
// transliterator per thread); text in Latin letters only uses the much
// cheaper "Latin-ASCII" (same result).
std::string to_ascii(std::string_view utf8);

// NFC-normalised UTF-8, safe to write into XML 1.0: invalid UTF-8 and
// characters XML forbids (C0 controls but tab and line breaks, U+FFFE/U+FFFF)
// become U+FFFD.
std::string to_nfc(std::string_view utf8);

// A file-name word: to_ascii, lower case, runs of anything but [a-z0-9]
// become one '-', no '-' at either end; `fallback` when nothing is left.
std::string name_word(std::string_view utf8, std::string_view fallback);

// The words of a name, transliterated, case-folded and reduced to a key that
// ignores the usual variants of romanisation (kh/h, doubled letters, y/i...).
std::vector<std::string> name_keys(std::string_view name);

// True when every word of `part` is a word of `full` after folding ("Sahin"
// is part of "Emre Şahin"). Empty names never match.
bool name_contains(std::string_view full, std::string_view part);

// True when two names have the same words after folding, in any order.
bool names_match(std::string_view a, std::string_view b);

}  // namespace dossier
