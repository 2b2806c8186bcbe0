// Text for the package: names as written (NFC) and as ASCII, through ICU.
// A small helper of the package stage; the lead will unify it with
// core/names once that lands.
#pragma once

#include <string>
#include <string_view>

namespace dossier::package {

// NFC-normalised UTF-8, safe to write into XML 1.0: invalid UTF-8 and
// characters XML forbids (C0 controls but tab and line breaks, U+FFFE/U+FFFF)
// become U+FFFD.
std::string to_nfc(std::string_view utf8);

// ICU "Any-Latin; Latin-ASCII": "Müller-Łukasz" -> "Muller-Lukasz",
// "Юлия" -> "Yuliya". What ICU cannot spell in ASCII becomes '?'. Thread-safe
// (one transliterator per thread).
std::string to_ascii(std::string_view utf8);

// A file-name word: to_ascii, lower case, runs of anything but [a-z0-9]
// become one '-', no '-' at either end; `fallback` when nothing is left.
std::string name_word(std::string_view utf8, std::string_view fallback);

}  // namespace dossier::package
