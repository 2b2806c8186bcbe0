// The words of a document, hashed: enough to tell whether a name is printed
// in it, not enough to rebuild its text (which is personal data and never
// kept). Words are folded as names are (core/names.h: ICU "Any-Latin;
// Latin-ASCII", case folding, the usual romanisation variants), so that
// "EL AMRANI", "El-Amrani" and "Эль Амрани" all match "El Amrani".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {

// 64-bit FNV-1a of each folded word, sorted and unique. Stable across
// versions and machines (they are cached).
std::vector<std::uint64_t> word_hashes(std::string_view text);

// True when every word of the folded `name` is among `hashes`. An empty name
// is never printed.
bool name_printed(const std::vector<std::uint64_t>& hashes, std::string_view name);

}  // namespace dossier
