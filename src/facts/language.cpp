#include "facts/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <climits>

#include "facts/text_counts.h"

namespace dossier {

namespace {
constexpr int kMinLanguageWords = 30;    // fewer words decide no language
constexpr int kMinLanguagePercent = 70;  // the top language's share of the text
}  // namespace

LanguageGuess detect_language(std::string_view text) {
    LanguageGuess g;
    if (count_text(text).words < kMinLanguageWords) return g;
    CLD2::Language lang3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::ExtDetectLanguageSummary(text.data(), int(std::min<std::size_t>(text.size(), INT_MAX)), true, lang3,
                                   percent3, &text_bytes, &reliable);
    if (!reliable || lang3[0] == CLD2::UNKNOWN_LANGUAGE || percent3[0] < kMinLanguagePercent) return g;
    g.language = CLD2::LanguageCode(lang3[0]);
    g.confidence = percent3[0] / 100.0;
    return g;
}

}  // namespace dossier
