// The language of a text, by CLD2 (Compact Language Detector 2): only when
// it is reliable about it, on enough words, and one language dominates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier {

struct LanguageGuess {
    std::optional<std::string> language;  // ISO 639-1
    double confidence = 0;                // 0..1
};

LanguageGuess detect_language(std::string_view text);

}  // namespace dossier
